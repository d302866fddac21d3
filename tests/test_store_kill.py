"""SIGKILL at random moments: the files always parse, every acknowledged write survives,
temporaries never pile up, and a kill during `restore`, a journal's fold or the migration
of an older store still leaves good files holding every record."""

from __future__ import annotations

import json
import os
import random
import shutil
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
from closure_tui.store.datafiles import check_file, data_files, journal_files
from closure_tui.store.verified import RECORD_FILE
from tests.kill_child import COUNTER
from tests.storekit import parse_all, populate, temp_entries

WRITE_KILLS = 200
RESTORE_KILLS = 40
FOLD_KILLS = 80
MIGRATE_KILLS = 30
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


def test_sigkill_during_folds_loses_no_acknowledged_note(
    seeded: Path, zygote: Zygote, clock: FixedClock
) -> None:
    rng = random.Random(1)
    acked_total = 0
    for round_number in range(1, FOLD_KILLS + 1):
        command = f"compact {seeded} {round_number}"
        acks, status = zygote.round(command, rng.randrange(4), rng.uniform(0, 0.02))
        assert _killed(status), status
        _check_acks(seeded, [ack for ack in acks if ack.startswith("note ")])
        for path in data_files(seeded):
            assert check_file(path) == [], path
        acked_total += len(acks)
    assert acked_total > FOLD_KILLS
    with closures_session(seeded, clock, writable=True):
        assert temp_entries(seeded) == []


def _as_older_store(data_dir: Path, clock: FixedClock) -> dict[str, dict]:
    """Turn the store into what the previous version wrote: base files only, schema 1."""
    with closures_session(data_dir, clock, writable=True) as service:
        service.store.compact()
    content = parse_all(data_dir)
    for path in journal_files(data_dir):
        path.unlink()
    for name, data in content.items():
        meta = data["_meta"]["1"]
        meta["schema"] = 1
        meta.pop("through", None)
        meta.pop("marked_history", None)
        (data_dir / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (data_dir / RECORD_FILE).unlink()
    return content


def test_sigkill_during_migration_leaves_the_old_or_the_new_store(
    seeded: Path, zygote: Zygote, clock: FixedClock, tmp_path: Path
) -> None:
    older = _as_older_store(seeded, clock)
    template = tmp_path / "older"
    shutil.copytree(seeded, template)
    rng = random.Random(23)
    migrated = 0
    for _ in range(MIGRATE_KILLS):
        shutil.rmtree(seeded)
        shutil.copytree(template, seeded)
        acks, status = zygote.round(f"migrate {seeded}", 0, rng.uniform(0, 0.15))
        assert _killed(status), status
        migrated += bool(acks)
        for path in data_files(seeded):
            assert check_file(path) == [], path
        now = parse_all(seeded)
        for name, data in older.items():
            for table, docs in data.items():
                if table != "_meta":
                    assert now[name].get(table, {}) == docs, (name, table)
    assert 0 < migrated < MIGRATE_KILLS
