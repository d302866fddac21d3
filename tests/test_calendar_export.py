"""The `.ics` export: parses, names platform and stage, is due on the reminder's day with
an alarm at 09:00, keeps UIDs per store, closes what was done, carries no control bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.stages import StageKey
from closure_tui.services.calendar import write_calendar
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session, open_closures
from closure_tui.store.store import Store
from tests import hostile
from tests.cli_inprocess import Ran, in_process


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


def _export(data_dir: Path, clock: FixedClock, target: Path) -> Calendar:
    service = open_closures(data_dir, clock, writable=True)
    try:
        write_calendar(Reminders(service), target, service.store.ensure_store_id())
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


def _by_summary(calendar: Calendar) -> dict[str, object]:
    return {str(todo["SUMMARY"]): todo for todo in calendar.walk("VTODO")}


def test_ics_has_one_todo_with_alarm_per_open_reminder(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    calendar = _export(data_dir, clock, tmp_path / "r.ics")
    todos = [t for t in calendar.walk("VTODO") if str(t["STATUS"]) == "NEEDS-ACTION"]
    summaries = sorted(str(todo["SUMMARY"]) for todo in todos)
    assert summaries == [
        "借呗 · —: call the hotline",
        "花呗 · Settlement certificate",
    ]
    assert all(len(todo.walk("VALARM")) == 1 for todo in todos)


def test_each_todo_is_due_on_its_day_and_rings_at_nine(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    todos = _by_summary(_export(data_dir, clock, tmp_path / "r.ics"))
    todo = todos["花呗 · Settlement certificate"]
    due = todo.decoded("DUE")
    assert due.isoformat() == "2026-12-24"
    (alarm,) = todo.walk("VALARM")
    trigger = alarm["TRIGGER"]
    assert trigger.params.get("RELATED") == "END"  # relative to DUE, the day's midnight
    rings = datetime.combine(due, datetime.min.time()) + trigger.dt
    assert rings == datetime(2026, 12, 24, 9, 0)


def test_uids_are_stable_across_exports_and_data_changes(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    first = _export(data_dir, clock, tmp_path / "a.ics")
    clock.advance(days=2)
    second = _export(data_dir, clock, tmp_path / "b.ics")
    uids = [str(todo["UID"]) for todo in first.walk("VTODO")]
    assert len(set(uids)) == 3
    assert uids == [str(todo["UID"]) for todo in second.walk("VTODO")]


def test_two_stores_never_share_a_uid(clock: FixedClock, tmp_path: Path) -> None:
    uids = []
    for name in ("one", "two"):
        _seed(tmp_path / name, clock)
        calendar = _export(tmp_path / name, clock, tmp_path / f"{name}.ics")
        uids.append({str(todo["UID"]) for todo in calendar.walk("VTODO")})
    assert uids[0] and not uids[0] & uids[1]


def test_a_reminder_closed_since_is_written_closed_under_the_same_uid(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    before = _by_summary(_export(data_dir, clock, tmp_path / "a.ics"))
    service = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    try:
        Reminders(service).done(1)
    finally:
        service.store.close()
    after = _by_summary(_export(data_dir, clock, tmp_path / "b.ics"))
    done = after["借呗 · —: call the hotline"]
    assert str(done["STATUS"]) == "COMPLETED"
    assert str(done["UID"]) == str(before["借呗 · —: call the hotline"]["UID"])
    assert str(after["花呗 · —: already handled"]["STATUS"]) == "CANCELLED"
    assert done.walk("VALARM") == []
    clock.advance(days=91)
    later = _by_summary(_export(data_dir, clock, tmp_path / "c.ics"))
    assert sorted(later) == ["花呗 · Settlement certificate"]


def test_control_and_bidi_characters_never_reach_the_file(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    _seed(data_dir, clock)
    evil = "".join(hostile.REFUSED.values())
    store = Store.open(data_dir, clock, writable=True)
    try:
        store.reminders.put(replace(store.reminders.get(1), text=evil))
        store.platforms.put(replace(store.platforms.get(1), name="借" + evil))
    finally:
        store.close()
    target = tmp_path / "r.ics"
    _export(data_dir, clock, target)
    text = target.read_bytes().decode("utf-8")
    assert hostile.forbidden(text.replace("\r\n", "\n")) == []


def test_platform_option_filters_the_calendar(
    data_dir: Path,
    clock: FixedClock,
    tmp_path: Path,
    run: Callable[..., Ran],
) -> None:
    _seed(data_dir, clock)
    target = tmp_path / "one.ics"
    args = ("--format", "ics", "--output", str(target), "--platform", "借呗")
    result = run(data_dir, "export", *args)
    assert result.returncode == 0, result.stderr
    summaries = _by_summary(Calendar.from_ical(target.read_bytes()))
    assert list(summaries) == ["借呗 · —: call the hotline"]


def test_ics_file_is_private(data_dir: Path, clock: FixedClock, tmp_path: Path) -> None:
    _seed(data_dir, clock)
    target = tmp_path / "r.ics"
    _export(data_dir, clock, target)
    assert target.stat().st_mode & 0o077 == 0


def test_the_first_export_while_another_writes_is_refused_plainly(
    data_dir: Path, clock: FixedClock, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    """No stand-in id: it would change every UID once the real one is made."""
    _seed(data_dir, clock)
    with closures_session(data_dir, clock, writable=True):
        result = run(data_dir, "export", "--format", "ics", "--output", str(tmp_path / "r.ics"))
    assert result.returncode == 1
    assert "calendar id" in result.stderr
    assert not (tmp_path / "r.ics").exists()
    first = run(data_dir, "export", "--format", "ics", "--output", str(tmp_path / "r.ics"))
    assert first.returncode == 0, first.stderr
    with closures_session(data_dir, clock, writable=True):
        again = run(data_dir, "export", "--format", "ics", "--output", str(tmp_path / "s.ics"))
    assert again.returncode == 0, again.stderr
    uids = [
        {str(todo["UID"]) for todo in Calendar.from_ical((tmp_path / n).read_bytes()).walk("VTODO")}
        for n in ("r.ics", "s.ics")
    ]
    assert len(uids[0]) == 3 and uids[0] == uids[1]
