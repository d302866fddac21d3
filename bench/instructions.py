"""T1/T2 counted in instructions: valgrind's callgrind, from start to the first frame.

Wall-clock first frames on a shared machine swing by a third from one start to the next;
an instruction count does not move with the machine's load, so it shows what a change
did. Both programs run in the same tmux server with the same hash seed.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import terminal

BENCH_DIR = Path(__file__).resolve().parent
COLLECTED = re.compile(r"Collected : (\d+)")


def available() -> bool:
    return shutil.which("valgrind") is not None and terminal.available()


def count(tmux: terminal.Tmux, programs: list[tuple[list[str], str]], workdir: Path) -> list[int]:
    """Instructions each program (python arguments, marker) runs until its marker is on
    screen; the programs run side by side."""
    logs = [workdir / f"callgrind-{index}.log" for index in range(len(programs))]
    commands = [
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            f"--log-file={log}",
            sys.executable,
            str(BENCH_DIR / "first_frame_exit.py"),
            marker,
            *program,
        ]
        for (program, marker), log in zip(programs, logs, strict=True)
    ]
    tmux.run_all(commands, {"PYTHONHASHSEED": "0"}, timeout=900)
    counts = []
    for log in logs:
        found = COLLECTED.search(log.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            raise RuntimeError(f"valgrind counted nothing; see {log}")
        counts.append(int(found[1]))
    return counts
