"""closure-tui's benchmark: T1-T8 (the README's Performance section), each beside its
baseline, measured in one run.

    python bench/run.py            # the real sizes (about four minutes)
    python bench/run.py --quick    # tiny sizes, few repeats: checks that everything runs

Datasets are built in a temporary directory with `make_dataset.py`. A and B runs
alternate (closure-tui, then its baseline, then closure-tui ...) so that a busy
machine slows both alike; the table shows medians and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import instructions
import make_dataset
import terminal
import ticks
import writes
from report import Row, kib, median, ms, ratio_row, render, size_label

import closure_tui

BENCH_DIR = Path(__file__).resolve().parent
APP_MARKER = r"P\d{4}"


@dataclass(frozen=True)
class Plan:
    first_frame: tuple[int, int]
    large: tuple[int, int]
    growth: tuple[tuple[int, int], ...]
    frames: int
    tick_samples: int
    cli_samples: int
    settle: float
    timeout: float
    #: History entries of T7/T8's store, and of T3's second one.
    history: tuple[int, int]


FULL = Plan(
    (50, 500),
    (500, 10_000),
    ((5, 50), (50, 500), (500, 10_000), (5000, 20_000)),
    11,
    41,
    15,
    0.5,
    30.0,
    (20_000, 100_000),
)
QUICK = Plan((5, 20), (20, 100), ((5, 20), (20, 100)), 1, 6, 3, 0.1, 5.0, (300, 600))


class Bench:
    def __init__(self, plan: Plan, workdir: Path) -> None:
        self.plan = plan
        self.workdir = workdir
        self.python = sys.executable
        home = workdir / "home"
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "CLOSURE_TUI_DATA_DIR": str(home / "unused-data"),
            "CLOSURE_TUI_CONFIG_DIR": str(home / "closure-config"),
            "LANG": "en_US.UTF-8",
        }
        self.env.pop("LC_ALL", None)
        # Measure the program as installed, with its bytecode cached: compiling every
        # module from source on each start would be a cost no user pays twice.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        package = Path(closure_tui.__file__).parent
        subprocess.run([self.python, "-m", "compileall", "-q", str(package)], check=True)
        self._datasets: dict[tuple[int, int], Path] = {}
        self.tmux = terminal.Tmux(self.env, workdir) if terminal.available() else None

    def dataset(self, size: tuple[int, int]) -> Path:
        if size not in self._datasets:
            path = self.workdir / f"data-{size[0]}-{size[1]}"
            make_dataset.build(path, *size, reminders=size[0] // 5)
            self._datasets[size] = path
        return self._datasets[size]

    def close(self) -> None:
        if self.tmux is not None:
            self.tmux.close()

    # ---- measurements --------------------------------------------------------------------

    def frames(self, size: tuple[int, int], runs: int) -> tuple[list, list]:
        """First frame and peak RSS of the app and of the bare Textual app, alternating."""
        assert self.tmux is not None
        app = [self.python, "-m", "closure_tui", "--data-dir", str(self.dataset(size))]
        bare = [self.python, str(BENCH_DIR / "bare_app.py")]
        ours, theirs = [], []
        # One unmeasured start of each first: the first start after a while reads the
        # interpreter's and the libraries' files from disk, which no later start does.
        self.tmux.first_frame(app, APP_MARKER, settle=self.plan.settle)
        self.tmux.first_frame(bare, "bare-app-ready", settle=self.plan.settle)
        for _ in range(runs):
            ours.append(self.tmux.first_frame(app, APP_MARKER, settle=self.plan.settle))
            theirs.append(self.tmux.first_frame(bare, "bare-app-ready", settle=self.plan.settle))
        return ours, theirs

    def ticks(self, size: tuple[int, int], *, baseline: bool = True) -> tuple[list, list]:
        """Tick-to-durable on a copy of the dataset, alternating with stock TinyDB if asked."""
        copy = self.fresh_copy(size)
        stock = ticks.stock_copy(copy, self.workdir / "stock-tinydb.json") if baseline else None
        samples = self.plan.tick_samples if baseline else self.plan.tick_samples // 2 + 1
        return ticks.alternate_ticks(copy, stock, samples)

    def fresh_copy(self, size: tuple[int, int], history: int = 0) -> Path:
        """A copy of the dataset (its history grown to `history` entries), with the platform
        that tick samples toggle."""
        source = self.dataset(size)
        if history:
            source = self.workdir / f"data-{size[0]}-{size[1]}-h{history}"
            if not source.exists():
                shutil.copytree(self.dataset(size), source)
                writes.grow(source, history)
        copy = self.workdir / "tick-data"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(source, copy)
        ticks.add_tick_target(copy)
        return copy

    def tui_ticks(self, size: tuple[int, int], history: int = 0) -> tuple[list[float], str]:
        """Keypress-to-durable samples (the change and its history entry) from inside the
        TUI, or why there are none."""
        copy = self.fresh_copy(size, history)
        result = self._probe("tick", str(copy), str(self.plan.tick_samples))
        return result.get("samples", []), result.get("missing", "")

    def filter_keys(self, size: tuple[int, int]) -> list[float]:
        """Each keystroke of a name filter until the matching rows are on screen."""
        assert self.tmux is not None
        app = [self.python, "-m", "closure_tui", "--data-dir", str(self.dataset(size))]
        wanted = f"{size[0] - 1:04d}"
        return self.tmux.keystrokes(app, "/", wanted, timeout=self.plan.timeout)

    def _probe(self, *args: str) -> dict:
        result = subprocess.run(
            [self.python, str(BENCH_DIR / "tui_probe.py"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            return {"missing": result.stderr.strip().splitlines()[-1:] or ["probe failed"]}
        return json.loads(result.stdout)

    def cli_command(self) -> list[str]:
        """`due --quiet` (the line a shell start-up file runs) once the reminders command
        exists, `list` before."""
        probe = subprocess.run(
            [self.python, "-m", "closure_tui", "due", "--help"],
            env=self.env,
            capture_output=True,
            check=False,
        )
        return ["due", "--quiet"] if probe.returncode == 0 else ["list"]

    def processes(self, size: tuple[int, int], command: list[str]) -> tuple[list, list]:
        cli = [self.python, "-m", "closure_tui", "--data-dir", str(self.dataset(size)), *command]
        bare = [self.python, "-c", "pass"]
        ours, theirs = [], []
        for _ in range(self.plan.cli_samples):
            ours.append(self._time_process(cli))
            theirs.append(self._time_process(bare))
        return ours, theirs

    def _time_process(self, command: list[str]) -> tuple[float, float]:
        """Wall and CPU (user + system) seconds of one run of `command`."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, env=self.env, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return wall, cpu


def first_frame_targets(plan: Plan) -> tuple[tuple[str, tuple[int, int], float], ...]:
    """T1 and T2: their size and the most their first frame may be of the bare app's."""
    return (("T1", plan.first_frame, 1.25), ("T2", plan.large, 1.5))


def frame_rows(bench: Bench, frames: dict) -> list[Row]:
    plan = bench.plan
    if bench.tmux is None:
        return [Row(t, "-", "skipped: no tmux", "", "", "", "") for t in ("T1", "T2", "T5")]
    for size in dict.fromkeys((plan.first_frame, plan.large, *plan.growth)):
        big = size in (plan.first_frame, plan.large)
        frames[size] = bench.frames(size, plan.frames if big else max(1, plan.frames // 2))
    rows = []
    for target, size, limit in first_frame_targets(plan):
        ours, theirs = frames[size]
        for label, field in (("wall", "seconds"), ("CPU", "cpu_seconds")):
            rows.append(
                ratio_row(
                    f"{target} {label}",
                    size,
                    median([getattr(f, field) for f in ours]),
                    median([getattr(f, field) for f in theirs]),
                    baseline="bare Textual",
                    limit=limit,
                )
            )
    rows += instruction_rows(bench)
    ours, theirs = frames[plan.large]
    rows.append(
        ratio_row(
            "T5 peak RSS",
            plan.large,
            median([f.peak_rss_kb for f in ours]),
            median([f.peak_rss_kb for f in theirs]),
            baseline="bare Textual",
            limit=1.5,
            show=kib,
        )
    )
    return rows


def instruction_rows(bench: Bench) -> list[Row]:
    """T1/T2 again in instructions, which the machine's load does not move (not --quick:
    valgrind takes about a minute a size)."""
    if bench.plan is QUICK or bench.tmux is None or not instructions.available():
        return []
    bare = ([str(BENCH_DIR / "bare_app.py")], "bare-app-ready")
    rows = []
    for target, size, limit in first_frame_targets(bench.plan):
        app = (["-m", "closure_tui", "--data-dir", str(bench.dataset(size))], "P0001")
        ours, theirs = instructions.count(bench.tmux, [app, bare], bench.workdir)
        rows.append(
            ratio_row(
                f"{target} instructions",
                size,
                ours,
                theirs,
                baseline="bare Textual",
                limit=limit,
                show=lambda count: f"{count / 1e6:,.0f} M",
            )
        )
    return rows


def tick_rows(bench: Bench) -> list[Row]:
    """T3 on the dataset, then with its history grown."""
    return [tick_row(bench), tick_row(bench, bench.plan.history[1])]


def tick_row(bench: Bench, history: int = 0) -> Row:
    """T3 from a keypress in the TUI when it can tick, else from the service call."""
    size = bench.plan.large
    service_ticks, stock_ticks = bench.ticks(size)
    tui_ticks, missing = bench.tui_ticks(size, history)
    ours = median(tui_ticks or service_ticks)
    stock = median(stock_ticks)
    how = "keypress in the TUI" if tui_ticks else f"service call ({missing})"
    entries = f", {history:,} history entries" if history else ""
    return Row(
        f"T3 ({how})",
        size_label(size) + entries,
        ms(ours),
        f"{ms(stock)} (stock TinyDB)",
        f"{stock / ours:.1f}x faster",
        "<= 15 ms and >= 5x faster",
        "yes" if ours <= 0.015 and stock >= 5 * ours else "NO",
    )


def cli_rows(bench: Bench, command: list[str]) -> list[Row]:
    """T4 in wall and CPU time; and in instructions (valgrind, not --quick), which do not
    move with the machine's load: the figure to compare changes by, not the target's."""
    size = bench.plan.large
    ours, bare = bench.processes(size, command)
    name = f"T4 `{' '.join(command)}`"
    rows = [
        ratio_row(
            f"{name} {label}",
            size,
            median([sample[index] for sample in ours]),
            median([sample[index] for sample in bare]),
            baseline="python3 -c pass",
            limit=2.5,
        )
        for index, label in enumerate(("wall", "CPU"))
    ]
    if bench.plan is QUICK or not instructions.available():
        return rows
    cli = [bench.python, "-m", "closure_tui", "--data-dir", str(bench.dataset(size)), *command]
    log = bench.workdir / "cg-t4.log"
    counts = [
        writes.instructions(run, bench.env, log) for run in (cli, [bench.python, "-c", "pass"])
    ]
    if None not in counts:
        ratio = counts[0] / counts[1]
        shown = [f"{count / 1e6:,.0f} M" for count in counts]
        rows.append(
            Row(
                f"{name} instructions",
                size_label(size),
                shown[0],
                f"{shown[1]} (python3 -c pass)",
                f"{ratio:.2f}x",
                "(to compare runs)",
                "",
            )
        )
    return rows


def filter_row(bench: Bench) -> Row:
    size = bench.plan.growth[-1]
    if bench.tmux is None:
        return Row("T6 filter keystroke", size_label(size), "skipped: no tmux", "", "", "", "")
    try:
        samples = bench.filter_keys(size)
    except TimeoutError:
        return Row("T6 filter keystroke", size_label(size), "no name filter", "", "", "", "")
    worst = max(samples)
    return Row(
        "T6 filter keystroke",
        size_label(size),
        f"median {ms(median(samples))}, worst {ms(worst)}",
        "",
        "",
        "<= 50 ms",
        "yes" if worst <= 0.05 else "NO",
    )


def measure(bench: Bench) -> tuple[list[Row], list[list[str]]]:
    frames: dict[tuple[int, int], tuple[list, list]] = {}
    rows = frame_rows(bench, frames)
    rows += tick_rows(bench)
    command = bench.cli_command()
    rows += cli_rows(bench, command)
    plan = bench.plan
    rows += writes.rows(
        bench.dataset(plan.large),
        bench.workdir,
        bench.env,
        plan.cli_samples,
        history=plan.history[0],
        counted=plan is not QUICK and instructions.available(),
        size=size_label(plan.large),
    )
    rows.append(filter_row(bench))
    growth = []
    for size in bench.plan.growth:
        size_ticks, _ = bench.ticks(size, baseline=False)
        cli, _ = bench.processes(size, command)
        frame = frames.get(size, ([], []))[0]
        growth.append(
            [
                size_label(size),
                ms(median([f.seconds for f in frame])) if frame else "-",
                kib(median([f.peak_rss_kb for f in frame])) if frame else "-",
                ms(median(size_ticks)),
                ms(median([sample[0] for sample in cli])),
            ]
        )
    return rows, growth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, few repeats")
    parser.add_argument("--keep", type=Path, help="build the datasets here and keep them")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="closure-bench-") as temp:
        workdir = args.keep or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        bench = Bench(plan, workdir)
        try:
            rows, growth = measure(bench)
        finally:
            bench.close()
    command = "python bench/run.py" + (" --quick" if args.quick else "")
    print(render(rows, growth, command))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
