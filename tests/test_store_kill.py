"""SIGKILL at random moments: the files always parse, every acknowledged write survives,
temporaries never pile up, and a kill during `restore` still leaves good files."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.store.backups import DAYS, KEEP, WEEKS, list_snapshots
from closure_tui.store.datafiles import check_file, data_files
from tests.kill_child import COUNTER
from tests.storekit import parse_all, populate, temp_entries

WRITE_KILLS = 200
RESTORE_KILLS = 40
HELPER = Path(__file__).with_name("kill_child.py")


class Zygote:
    """Drives `kill_child.py`: start a worker, kill it after a random delay, collect its acks."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HELPER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )

    def round(self, command: str, after_acks: int, delay: float) -> tuple[list[str], int]:
        """Run one worker; SIGKILL it `delay` seconds after its `after_acks`th ack (or start).

        Counting acks first keeps every round productive however slow the machine is;
        the random delay puts the kill at an arbitrary point of the next write."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        acks: list[str] = []
        status = None
        pid = 0
        killed = False
        for line in self.process.stdout:
            word, _, rest = line.rstrip("\n").partition(" ")
            if word == "dead":
                status = int(rest)
                break
            if word == "pid":
                pid = int(rest)
            elif word == "ack":
                acks.append(rest)
            else:
                pytest.fail(f"worker failed: {line}")
            if pid and not killed and len(acks) >= after_acks:
                time.sleep(delay)
                os.kill(pid, signal.SIGKILL)
                killed = True
        assert status is not None, "helper process ended"
        return acks, status

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def zygote() -> Iterator[Zygote]:
    helper = Zygote()
    try:
        yield helper
    finally:
        helper.close()


@pytest.fixture
def seeded(data_dir: Path, clock: FixedClock) -> Path:
    populate(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform(COUNTER)
    return data_dir


def _killed(status: int) -> bool:
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _check_acks(data_dir: Path, acks: list[str]) -> None:
    """Every acknowledged write is on disk (the counter may be further on: written, not acked)."""
    files = parse_all(data_dir)
    platforms = files["closure.json"]["platforms"].values()
    names = {doc["name"] for doc in platforms}
    notes = {doc["text"] for doc in files["notes.json"]["notes"].values()}
    counter = next(doc for doc in platforms if doc["name"] == COUNTER)
    for ack in acks:
        kind, _, value = ack.partition(" ")
        if kind == "hotline":
            assert int(counter["hotline"]) >= int(value), ack
        elif kind == "note":
            assert value in notes, ack
        else:
            assert value in names, ack


def test_random_sigkill_loses_no_acknowledged_write(
    seeded: Path, zygote: Zygote, clock: FixedClock
) -> None:
    rng = random.Random(5)
    survived = 0
    left_temporary = 0
    acked_total = 0
    for round_number in range(1, WRITE_KILLS + 1):
        command = f"write {seeded} {round_number}"
        acks, status = zygote.round(command, rng.randrange(6), rng.uniform(0, 0.004))
        assert _killed(status), status
        _check_acks(seeded, acks)
        leftovers = temp_entries(seeded)
        assert len(leftovers) <= 2, leftovers
        left_temporary += bool(leftovers)
        acked_total += len(acks)
        survived += 1
    print(f"kills={survived} acked={acked_total} killed_mid_write={left_temporary}")
    assert survived == WRITE_KILLS
    assert acked_total > WRITE_KILLS
    with closures_session(seeded, clock, writable=True):
        assert temp_entries(seeded) == []
    snapshots = list_snapshots(seeded)
    assert 0 < len(snapshots) <= KEEP + DAYS + WEEKS
    for snapshot in snapshots:
        assert all(check_file(entry) == [] for entry in snapshot.path.iterdir())


def test_sigkill_during_restore_leaves_good_files(
    seeded: Path, zygote: Zygote, clock: FixedClock
) -> None:
    for _ in range(3):
        with closures_session(seeded, clock, writable=True) as service:
            service.add_platform(f"快照 {clock.now():%H%M%S}")
        clock.advance(seconds=1)
    rng = random.Random(11)
    restored = 0
    for _ in range(RESTORE_KILLS):
        command = f"restore {seeded}"
        acks, status = zygote.round(command, rng.randrange(3), rng.uniform(0, 0.004))
        assert _killed(status), status
        restored += len(acks)
        for path in data_files(seeded):
            assert check_file(path) == [], path
        assert any(
            all(check_file(entry) == [] for entry in snap.path.iterdir())
            for snap in list_snapshots(seeded)
        )
    assert restored > 0
    with closures_session(seeded, clock, writable=True) as service:
        assert service.resolve(COUNTER)
        assert temp_entries(seeded) == []
