"""`closure-tui doctor` finds what needs attention, says it in the UI language, changes nothing."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.doctor import Finding, examine
from closure_tui.services.session import closures_session
from closure_tui.store.store import MAIN_FILE, NOTES_FILE
from tests.storekit import RESTORE_HINT, cli, file_bytes, populate
from tests.test_store_concurrency import HOLDER


@pytest.fixture
def healthy(data_dir: Path, clock: FixedClock) -> Path:
    populate(data_dir, clock)
    clock.advance(minutes=1)
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("第二次运行")
    return data_dir


def test_healthy_store_is_in_order(healthy: Path) -> None:
    result = cli(healthy, "doctor")
    assert result.returncode == 0, result.stdout
    assert f"{healthy / MAIN_FILE}: good." in result.stdout
    assert f"{healthy / NOTES_FILE}: good." in result.stdout
    assert "Permissions: owner only" in result.stdout
    assert "Lock: free" in result.stdout
    assert "Backups: 1, the newest is 000001-" in result.stdout
    assert result.stdout.rstrip().endswith("Everything is in order.")


def test_doctor_speaks_chinese(healthy: Path) -> None:
    result = cli(healthy, "--lang", "zh", "doctor")
    assert "完好" in result.stdout
    assert "一切正常" in result.stdout


def test_damaged_file_needs_attention_and_is_left_alone(healthy: Path) -> None:
    # Replaced, not written in place: the backup's notes.json is a link to the same file.
    (healthy / NOTES_FILE).unlink()
    (healthy / NOTES_FILE).write_bytes(b'{"notes": NaN}')
    (healthy / NOTES_FILE).chmod(0o600)
    before = file_bytes(healthy)
    result = cli(healthy, "doctor")
    assert result.returncode == 1
    assert f"! {healthy / NOTES_FILE} is damaged" in result.stdout
    assert RESTORE_HINT in result.stdout
    assert "1 finding(s) need your attention." in result.stdout
    assert file_bytes(healthy) == before


def test_loose_permissions_are_reported_not_changed(healthy: Path) -> None:
    os.chmod(healthy / MAIN_FILE, 0o644)
    result = cli(healthy, "doctor")
    assert result.returncode == 1
    assert f"{healthy / MAIN_FILE} has mode 644" in result.stdout
    assert stat.S_IMODE((healthy / MAIN_FILE).stat().st_mode) == 0o644


def test_damaged_backup_is_named(healthy: Path) -> None:
    backup = next((healthy / "backups").glob(f"*/{MAIN_FILE}"))
    backup.write_bytes(backup.read_bytes()[:10])
    result = cli(healthy, "doctor")
    assert result.returncode == 1
    assert f"Backup file {backup} is damaged" in result.stdout


def test_lock_holder_orphans_and_temporaries_are_reported_without_alarm(healthy: Path) -> None:
    notes = json.loads((healthy / NOTES_FILE).read_text())
    next(iter(notes["notes"].values()))["platform_id"] = 42
    (healthy / NOTES_FILE).write_text(json.dumps(notes))
    os.chmod(healthy / NOTES_FILE, 0o600)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(healthy)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        temporary = healthy / ".closure.json.tmp-1-dead"  # made after the holder's sweep
        temporary.write_bytes(b"{")
        temporary.chmod(0o600)
        result = cli(healthy, "doctor")
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    assert result.returncode == 0, result.stdout
    assert f"another closure-tui is using this data (pid {holder.pid})" in result.stdout
    assert "1 note(s) belong to removed platforms" in result.stdout
    assert "1 temporary file(s) left" in result.stdout


def test_no_data_yet_is_not_a_problem_and_nothing_is_created(data_dir: Path) -> None:
    result = cli(data_dir, "doctor")
    assert result.returncode == 0
    assert "No data yet" in result.stdout
    assert not data_dir.exists()


def test_more_checks_plug_in(healthy: Path) -> None:
    def evidence(_: Path) -> list[Finding]:
        return [Finding("doctor.temporaries", {"count": 3}, attention=True)]

    findings = examine(healthy, checks=(evidence,))
    assert findings == [Finding("doctor.temporaries", {"count": 3}, attention=True)]
