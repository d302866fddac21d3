"""The `.ics` export parses, names platform and stage, has an alarm per item, stable UIDs."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.stages import StageKey
from closure_tui.services.calendar import write_calendar
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures


def _export(data_dir: Path, clock: FixedClock, target: Path) -> Calendar:
    service = open_closures(data_dir, clock, writable=False)
    try:
        write_calendar(Reminders(service), target)
    finally:
        service.store.close()
    return Calendar.from_ical(target.read_bytes())


def _seed(data_dir: Path, clock: FixedClock) -> None:
    service = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    try:
        jiebei = service.add_platform("借呗").value
        huabei = service.add_platform("花呗").value
        reminders = Reminders(service)
        reminders.add(jiebei.id, "+3d", "call the hotline")
        reminders.add(huabei.id, "2026-12-24", "", StageKey.CERTIFICATE)
        gone = reminders.add(huabei.id, "+1d", "already handled")
        reminders.dismiss(gone.id)
    finally:
        service.store.close()


def test_ics_has_one_todo_with_alarm_per_open_reminder(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    calendar = _export(data_dir, clock, tmp_path / "r.ics")
    todos = calendar.walk("VTODO")
    summaries = sorted(str(todo["SUMMARY"]) for todo in todos)
    assert summaries == [
        "借呗 · —: call the hotline",
        "花呗 · Settlement certificate",
    ]
    assert all(len(todo.walk("VALARM")) == 1 for todo in todos)
    due = {str(todo["SUMMARY"]): todo.decoded("DTSTART").isoformat() for todo in todos}
    assert due["花呗 · Settlement certificate"] == "2026-12-24"


def test_uids_are_stable_across_exports_and_data_changes(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    first = _export(data_dir, clock, tmp_path / "a.ics")
    clock.advance(days=2)
    second = _export(data_dir, clock, tmp_path / "b.ics")
    uids = [str(todo["UID"]) for todo in first.walk("VTODO")]
    assert len(set(uids)) == 2
    assert uids == [str(todo["UID"]) for todo in second.walk("VTODO")]


def test_ics_file_is_private(data_dir: Path, clock: FixedClock, tmp_path: Path) -> None:
    _seed(data_dir, clock)
    target = tmp_path / "r.ics"
    _export(data_dir, clock, target)
    assert target.stat().st_mode & 0o077 == 0
