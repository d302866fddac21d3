"""Racing writers lose nothing, every refusal says why, and a killed holder never blocks."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock, SystemClock
from closure_tui.services.session import closures_session
from closure_tui.store.datafiles import backups_dir
from closure_tui.store.fsutil import TEMP_MARK
from closure_tui.store.lock import LOCK_NAME
from closure_tui.store.store import MAIN_FILE, Store
from tests.cli_racer import LOCKED, PLATFORM
from tests.store_helpers import add_platform
from tests.storekit import cli, parse_all, populate

WRITERS = 4
WRITES_EACH = 100
#: Seconds without any acknowledged write after which the race counts as stuck.
STALL = 15
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


def _lines_while_progressing(racers: list[subprocess.Popen[str]]) -> list[str]:
    """Every racer's output lines; fails (and kills them) once no write was acknowledged for
    STALL seconds, so a lock that is never released fails the test instead of hanging it."""
    received: queue.Queue[str | None] = queue.Queue()

    def pump(racer: subprocess.Popen[str]) -> None:
        assert racer.stdout is not None
        for line in racer.stdout:
            received.put(line.rstrip("\n"))
        received.put(None)

    for racer in racers:
        threading.Thread(target=pump, args=(racer,), daemon=True).start()
    lines: list[str] = []
    finished = 0
    deadline = time.monotonic() + STALL
    while finished < len(racers):
        try:
            line = received.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            for racer in racers:
                racer.kill()
                racer.wait()
            pytest.fail(f"no write acknowledged for {STALL} s; output so far: {lines[-5:]}")
        if line is None:
            finished += 1
            continue
        lines.append(line)
        if line.startswith("ack "):
            deadline = time.monotonic() + STALL
    for racer in racers:
        racer.wait()
    return lines


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
    lines = _lines_while_progressing(racers)
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


def _tree(directory: Path) -> dict[str, bytes | None]:
    """Every entry under `directory` with its content (None for a directory)."""
    return {
        str(path.relative_to(directory)): None if path.is_dir() else path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.name != LOCK_NAME
    }


def test_a_reader_leaves_the_writers_temporaries_and_half_built_backup_alone(
    data_dir: Path, clock: FixedClock
) -> None:
    """`due` runs from shell start-up files while the app writes: it must never sweep."""
    populate(data_dir, clock)
    writer = Store.open(data_dir, clock, writable=True)
    try:
        saving = data_dir / f".{MAIN_FILE}{TEMP_MARK}{os.getpid()}-saving"
        saving.write_bytes(b'{"platforms": {"1": {"na')
        half_built = backups_dir(data_dir) / f".000002-20261129T093000{TEMP_MARK}{os.getpid()}"
        half_built.mkdir(parents=True)
        (half_built / MAIN_FILE).write_bytes((data_dir / MAIN_FILE).read_bytes()[:40])
        before = _tree(data_dir)
        for lazy in (False, True):
            Store.open(data_dir, clock, writable=False, lazy=lazy).close()
        for command in (["due"], ["list"], ["show", "借呗"], ["reminders"], ["doctor"]):
            assert cli(data_dir, *command).returncode in (0, 1)
        assert _tree(data_dir) == before
        add_platform(writer, "写入者")
    finally:
        writer.close()
    with closures_session(data_dir, clock, writable=False) as service:
        assert "写入者" in {p.name for p in service.platforms()}
