"""closure-tui's benchmark: T1-T6 of issue 7, each beside its baseline, measured in one run.

    python bench/run.py            # the real sizes (about two minutes)
    python bench/run.py --quick    # tiny sizes, few repeats: checks that everything runs

Datasets are built in a temporary directory with `make_dataset.py`. A and B runs
alternate (closure-tui, then its baseline, then closure-tui ...) so that a busy
machine slows both alike; the table shows medians and their ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import make_dataset
import terminal
import ticks

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


FULL = Plan(
    (50, 500), (500, 10_000), ((5, 50), (50, 500), (500, 10_000), (5000, 20_000)), 7, 41, 15, 0.5
)
QUICK = Plan((5, 20), (20, 100), ((5, 20), (20, 100)), 1, 6, 3, 0.1)


@dataclass
class Row:
    target: str
    size: str
    ours: str
    baseline: str
    ratio: str
    goal: str
    met: str


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def size_label(size: tuple[int, int]) -> str:
    return f"{size[0]} / {size[1]}"


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
        self._datasets: dict[tuple[int, int], Path] = {}
        self.tmux = terminal.Tmux(self.env, workdir) if terminal.available() else None

    def dataset(self, size: tuple[int, int]) -> Path:
        if size not in self._datasets:
            path = self.workdir / f"data-{size[0]}-{size[1]}"
            make_dataset.build(path, *size)
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
        for _ in range(runs):
            ours.append(self.tmux.first_frame(app, APP_MARKER, settle=self.plan.settle))
            theirs.append(self.tmux.first_frame(bare, "bare-app-ready", settle=self.plan.settle))
        return ours, theirs

    def ticks(self, size: tuple[int, int], *, baseline: bool = True) -> tuple[list, list]:
        """Tick-to-durable on a copy of the dataset, alternating with stock TinyDB if asked."""
        copy = self.workdir / "tick-data"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(self.dataset(size), copy)
        stock = ticks.stock_copy(copy, self.workdir / "stock-tinydb.json") if baseline else None
        samples = self.plan.tick_samples if baseline else self.plan.tick_samples // 2 + 1
        return ticks.alternate_ticks(copy, stock, samples)

    def cli_command(self) -> str:
        """`due` once the reminders command exists, `list` before."""
        probe = subprocess.run(
            [self.python, "-m", "closure_tui", "due", "--help"],
            env=self.env,
            capture_output=True,
            check=False,
        )
        return "due" if probe.returncode == 0 else "list"

    def processes(self, size: tuple[int, int], command: str) -> tuple[list[float], list[float]]:
        cli = [self.python, "-m", "closure_tui", "--data-dir", str(self.dataset(size)), command]
        bare = [self.python, "-c", "pass"]
        ours, theirs = [], []
        for _ in range(self.plan.cli_samples):
            ours.append(self._time_process(cli))
            theirs.append(self._time_process(bare))
        return ours, theirs

    def _time_process(self, command: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(command, env=self.env, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - started


def ratio_row(
    target: str,
    size: tuple[int, int],
    ours: float,
    theirs: float,
    *,
    baseline: str,
    limit: float,
    show: Callable[[float], str] = ms,
) -> Row:
    ratio = ours / theirs if theirs else float("nan")
    return Row(
        target,
        size_label(size),
        show(ours),
        f"{show(theirs)} ({baseline})",
        f"{ratio:.2f}x",
        f"<= {limit}x",
        "yes" if ratio <= limit else "NO",
    )


def kib(value: float) -> str:
    return f"{value / 1024:.1f} MiB"


def measure(bench: Bench) -> tuple[list[Row], list[list[str]]]:
    plan = bench.plan
    rows: list[Row] = []
    growth: dict[tuple[int, int], list[str]] = {}
    frames: dict[tuple[int, int], tuple[list, list]] = {}
    if bench.tmux is not None:
        for size in dict.fromkeys((plan.first_frame, plan.large, *plan.growth)):
            runs = (
                plan.frames if size in (plan.first_frame, plan.large) else max(1, plan.frames // 2)
            )
            frames[size] = bench.frames(size, runs)
        for target, size, limit in (("T1", plan.first_frame, 1.25), ("T2", plan.large, 1.5)):
            ours, theirs = frames[size]
            rows.append(
                ratio_row(
                    target,
                    size,
                    median([f.seconds for f in ours]),
                    median([f.seconds for f in theirs]),
                    baseline="bare Textual",
                    limit=limit,
                )
            )
    else:
        rows += [Row(t, "-", "skipped: no tmux", "", "", "", "") for t in ("T1", "T2")]
    ours_ticks, stock_ticks = bench.ticks(plan.large)
    ours_tick, stock_tick = median(ours_ticks), median(stock_ticks)
    rows.append(
        Row(
            "T3",
            size_label(plan.large),
            ms(ours_tick),
            f"{ms(stock_tick)} (stock TinyDB)",
            f"{stock_tick / ours_tick:.1f}x faster",
            "<= 15 ms and >= 5x faster",
            "yes" if ours_tick <= 0.015 and stock_tick >= 5 * ours_tick else "NO",
        )
    )
    command = bench.cli_command()
    ours_cli, bare_cli = bench.processes(plan.large, command)
    rows.append(
        ratio_row(
            f"T4 `{command}`",
            plan.large,
            median(ours_cli),
            median(bare_cli),
            baseline="python3 -c pass",
            limit=6,
        )
    )
    if frames:
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
    for size in plan.growth:
        ours_size_ticks, _ = bench.ticks(size, baseline=False)
        cli, _ = bench.processes(size, command)
        frame = frames.get(size, ([], []))[0]
        growth[size] = [
            size_label(size),
            ms(median([f.seconds for f in frame])) if frame else "-",
            kib(median([f.peak_rss_kb for f in frame])) if frame else "-",
            ms(median(ours_size_ticks)),
            ms(median(cli)),
        ]
    return rows, list(growth.values())


def render(rows: list[Row], growth: list[list[str]], command: str) -> str:
    head = ["target", "platforms / notes", "closure-tui", "baseline", "ratio", "goal", "met"]
    lines = [f"`{command}`", "", table(head, [list(vars(row).values()) for row in rows])]
    growth_head = ["T6 platforms / notes", "first frame", "peak RSS", "tick", "CLI"]
    lines += ["", table(growth_head, growth)]
    return "\n".join(lines)


def table(head: list[str], body: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(out)


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
