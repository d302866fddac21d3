"""Racing writers lose nothing, every refusal says why, and a killed holder never blocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from closure_tui.domain.clock import SystemClock
from closure_tui.services.session import closures_session
from tests.cli_racer import LOCKED, PLATFORM
from tests.storekit import cli, parse_all

WRITERS = 4
WRITES_EACH = 100
RACER = Path(__file__).with_name("cli_racer.py")

HOLDER = """
import sys, time
from pathlib import Path
from closure_tui.domain.clock import SystemClock
from closure_tui.services.session import open_closures
service = open_closures(Path(sys.argv[1]), SystemClock(), writable=True)
service.add_platform("持锁者")
print("held", flush=True)
time.sleep(120)
"""


def test_four_cli_writers_racing_lose_nothing(data_dir: Path) -> None:
    assert cli(data_dir, "add", PLATFORM).returncode == 0
    racers = [
        subprocess.Popen(
            [sys.executable, str(RACER), str(data_dir), str(index), str(WRITES_EACH)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for index in range(WRITERS)
    ]
    lines = [line for racer in racers for line in racer.communicate(timeout=300)[0].splitlines()]
    assert [line for line in lines if not line.startswith(("ack ", "refused"))] == []
    acked = {line.removeprefix("ack ") for line in lines if line.startswith("ack ")}
    refusals = sum(line == "refused" for line in lines)
    print(f"acked={len(acked)} refusals={refusals}")
    assert len(acked) == WRITERS * WRITES_EACH
    notes = [doc["text"] for doc in parse_all(data_dir)["notes.json"]["notes"].values()]
    assert set(notes) == acked
    assert len(notes) == WRITERS * WRITES_EACH


def test_refused_writer_says_why_and_a_killed_holder_leaves_no_lock(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        refused = cli(data_dir, "add", "第二个")
        assert refused.returncode == 1
        assert LOCKED in refused.stderr
        assert f"pid {holder.pid}" in refused.stderr
        assert "Traceback" not in refused.stderr
        readable = cli(data_dir, "list")
        assert readable.returncode == 0
        assert "持锁者" in readable.stdout
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    after = cli(data_dir, "add", "第二个")
    assert after.returncode == 0, after.stderr
    with closures_session(data_dir, SystemClock(), writable=True) as service:
        assert {p.name for p in service.platforms()} == {"持锁者", "第二个"}


def test_refusal_is_explained_in_chinese_too(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        refused = cli(data_dir, "--lang", "zh", "tick", "持锁者", "paid")
        assert refused.returncode == 1
        assert "另一个 closure-tui 正在使用这份数据" in refused.stderr
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
