"""T7 and T8: what one change costs as a whole command, and whether it grows with the store.

    python bench/writes.py --data-dir DIR [--history N] [--samples K]

DIR is a dataset (`make_dataset.py`); it is copied, not changed. T7 times
`closure-tui note` and `closure-tui tick`/`untick` on a copy topped up to N history
entries, alternating with `python3 -c pass`. T8 runs the same writes on a copy
whose notes and history are doubled and compares CPU time (and, with valgrind,
instructions): a change should cost what the change is, not what the store holds.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import make_dataset
from report import Row, median, ms, table

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session

CHUNK = 1000
TARGET = "P0001"
COLLECTED = re.compile(r"Collected : (\d+)")


def history_size(data_dir: Path) -> tuple[int, int]:
    """(history entries, notes) as the store sees them."""
    with closures_session(data_dir, FixedClock(datetime(2026, 6, 1)), writable=False) as service:
        return len(service.store.history), len(service.store.notes)


def grow(data_dir: Path, history: int, notes: int = 0, seed: int = 11) -> None:
    """Add `notes` notes, then edit a platform's hotline until the history holds `history`
    entries (an edit, unlike a tick, schedules no reminder, so `closure.json` stays put)."""
    rng = random.Random(seed)
    clock = FixedClock(datetime(2026, 6, 1, 9, 0))
    with closures_session(data_dir, clock, writable=True) as service:
        ids = sorted(service.store.platforms.stored_field("name"))
        for first in range(0, notes, CHUNK):
            with service.store.transaction():
                for _ in range(first, min(first + CHUNK, notes)):
                    clock.advance(minutes=1)
                    service.add_note(rng.choice(ids), make_dataset.note_text(rng))
        target = service.resolve(TARGET).id
        edits = 0
        while (missing := history - len(service.store.history)) > 0:
            with service.store.transaction():
                for _ in range(min(missing, CHUNK)):
                    edits += 1
                    service.edit_platform(target, hotline=f"95{edits % 1000:03d}")


def commands(python: str, data_dir: Path) -> list[list[str]]:
    """The writes measured, in turn: a note, a tick, an untick (so the tick repeats)."""
    base = [python, "-m", "closure_tui", "--data-dir", str(data_dir)]
    return [
        [*base, "note", TARGET, "又打了一次客服电话，确认额度已经注销。"],
        [*base, "tick", TARGET, "card_unbound"],
        [*base, "untick", TARGET, "card_unbound"],
    ]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of `command`. Its warnings (a tick
    out of order warns every time) are shown only if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed: {done.stderr.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def alternate(
    stores: list[Path], env: dict[str, str], samples: int, python: str = sys.executable
) -> tuple[dict[tuple[int, str], list[tuple[float, float]]], list[tuple[float, float]]]:
    """Each write on each store, then `python3 -c pass`, `samples` times over.

    Returns samples by (store index, "note" | "tick") and the bare interpreter's."""
    ours: dict[tuple[int, str], list[tuple[float, float]]] = {}
    bare: list[tuple[float, float]] = []
    for _ in range(samples):
        for index, store in enumerate(stores):
            note, tick, untick = commands(python, store)
            ours.setdefault((index, "note"), []).append(run_once(note, env))
            ours.setdefault((index, "tick"), []).append(run_once(tick, env))
            run_once(untick, env)
        bare.append(run_once([python, "-c", "pass"], env))
    return ours, bare


def instructions(command: list[str], env: dict[str, str], log: Path) -> int | None:
    """Instructions one run of `command` executes (valgrind), None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            f"--log-file={log}",
            *command,
        ],
        env={**env, "PYTHONHASHSEED": "0"},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    found = COLLECTED.search(log.read_text(encoding="utf-8", errors="replace"))
    return int(found[1]) if found else None


def stores(base: Path, workdir: Path, history: int) -> tuple[Path, Path]:
    """A copy of `base` grown to `history` entries, and a copy of that with its notes and
    history doubled."""
    grown = workdir / "writes"
    doubled = workdir / "writes-doubled"
    for path in (grown, doubled):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(base, grown)
    grow(grown, history)
    entries, notes = history_size(grown)
    shutil.copytree(grown, doubled)
    grow(doubled, 2 * entries, notes)
    return grown, doubled


def rows(
    base: Path,
    workdir: Path,
    env: dict[str, str],
    samples: int,
    *,
    history: int,
    counted: bool,
    size: str = "",
) -> list[Row]:
    """T7 (each write against `python3 -c pass`) and T8 (the doubled store against the
    same store), both from one alternating run; T8 in instructions too when `counted`."""
    grown, doubled = stores(base, workdir, history)
    ours, bare = alternate([grown, doubled], env, samples)
    label = f"{size}, {history:,} history entries".lstrip(", ")
    rows = []
    for kind in ("note", "tick"):
        wall = median([sample[0] for sample in ours[(0, kind)]])
        rows.append(
            _ratio(
                f"T7 CLI `{kind}` wall",
                label,
                (wall, median([s[0] for s in bare]), "python3 -c pass"),
                5.0,
            )
        )
    for kind in ("note", "tick"):
        cpu = [median([sample[1] for sample in ours[(index, kind)]]) for index in (0, 1)]
        rows.append(_ratio(f"T8 `{kind}` CPU", label, (cpu[1], cpu[0], "not doubled"), 1.1))
        if counted:
            index = 0 if kind == "note" else 1
            counts = [
                instructions(commands(sys.executable, store)[index], env, workdir / "cg.log")
                for store in (grown, doubled)
            ]
            if None not in counts:
                rows.append(
                    _ratio(
                        f"T8 `{kind}` instructions",
                        label,
                        (counts[1], counts[0], "not doubled"),
                        1.1,
                        show=lambda count: f"{count / 1e6:,.0f} M",
                    )
                )
    return rows


def _ratio(
    target: str,
    label: str,
    measured: tuple[float, float, str],
    limit: float,
    show: Callable[[float], str] = ms,
) -> Row:
    """A row of `ours` against `theirs` (named `baseline`) and whether the ratio is in `limit`."""
    ours, theirs, baseline = measured
    ratio = ours / theirs if theirs else float("nan")
    met = "yes" if ratio <= limit else "NO"
    return Row(
        target,
        label,
        show(ours),
        f"{show(theirs)} ({baseline})",
        f"{ratio:.2f}x",
        f"<= {limit}x",
        met,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--history", type=int, default=20_000)
    parser.add_argument("--samples", type=int, default=9)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    found = rows(
        args.data_dir,
        args.data_dir.parent,
        env,
        args.samples,
        history=args.history,
        counted=True,
    )
    print(table(list(vars(found[0])), [list(vars(row).values()) for row in found]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
