"""Reminders in the terminal app: launch summary, alerts as the clock moves, agenda, export."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from textual.widgets import DataTable, Input

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.reminders import ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures
from closure_tui.tui.app import ClosureApp
from closure_tui.tui.screens.agenda import AgendaScreen
from tests.tui.conftest import AppFactory
from tests.tui.fixtures_platform import on_platform
from tests.tui.helpers import platform_table, running


def _seed(data_dir: Path, clock: FixedClock, *dates: str) -> None:
    service = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    try:
        platform = service.add_platform("借呗").value
        for index, when in enumerate(dates):
            Reminders(service).add(platform.id, when, f"call [bold]{index}[/]")
    finally:
        service.store.close()


def _messages(app: ClosureApp) -> list[tuple[str, str]]:
    """Title and message of every notification raised so far."""
    return [(n.title, n.message) for n in app._notifications]


async def test_launch_summarises_what_is_due(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    _seed(data_dir, clock, "2026-11-27", "today", "+10d")
    app = make_app()
    async with running(app):
        [(title, message)] = _messages(app)
        assert title == "Reminders due: 2 (1 overdue)"
        assert "借呗 · — · overdue by 2 days: call [bold]0[/]" in message
        assert "due today" in message
        assert "call [bold]2[/]" not in message


async def test_no_launch_notification_when_nothing_is_due(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    _seed(data_dir, clock, "+3d")
    app = make_app()
    async with running(app):
        assert _messages(app) == []


async def test_a_reminder_coming_due_while_running_is_announced_once(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    _seed(data_dir, clock, "tomorrow")
    app = make_app()
    async with running(app) as pilot:
        assert app.due.timer is not None
        assert app.due.check() == []
        clock.advance(days=1)
        [fresh] = app.due.check()
        assert fresh.text == "call [bold]0[/]"
        assert app.due.check() == []
        await pilot.pause()
        assert _messages(app) == [("Reminder due", "借呗 · — · due today: call [bold]0[/]")]


async def test_agenda_lists_open_reminders_and_acts_on_them(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    _seed(data_dir, clock, "+5d", "2026-11-27", "today")
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(3)] == [
            "2026-11-27",
            "2026-11-29",
            "2026-12-04",
        ]
        assert table.get_row_at(0)[1].style == "bold red"
        await pilot.press("d")
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press("x")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#reminder-date", Input).value = "+20d"
        await pilot.press("enter")
        await pilot.pause()
        assert str(table.get_row_at(0)[1]) == "2026-12-19"
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#reminder-date", Input).value = "2026-12-01"
        app.screen.query_one("#reminder-text", Input).value = "call 贷后"
        app.screen.query_one("#reminder-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [str(cell) for cell in table.get_row_at(0)][1::4] == ["2026-12-01", "call 贷后"]
    service = open_closures(data_dir, clock, writable=False)
    try:
        states = {r.id: r.state for r in Reminders(service).all()}
    finally:
        service.store.close()
    assert states == {
        1: ReminderState.OPEN,
        2: ReminderState.DONE,
        3: ReminderState.DISMISSED,
    }


async def test_reminder_form_refuses_a_bad_date_and_saves_a_good_one(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    _seed(data_dir, clock)
    app = make_app()
    async with running(app) as pilot:
        app.ask_reminder(1)
        await pilot.pause()
        form = app.screen
        form.query_one("#reminder-date", Input).value = "someday"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        form.query_one("#reminder-date", Input).value = "明天"
        await pilot.press("enter")
        await pilot.press(*"call")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
        [reminder] = Reminders(app.service).find()
        assert (reminder.when.isoformat(), reminder.text) == ("2026-11-30", "call")


async def test_calendar_export_from_the_app(
    data_dir: Path, clock: FixedClock, make_app: AppFactory, tmp_path: Path
) -> None:
    _seed(data_dir, clock, "+2d")
    app = make_app()
    async with running(app):
        written = app.exports.calendar(tmp_path / "out.ics")
        assert written is not None
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Export reminders to a calendar (.ics)" in titles
    [todo] = Calendar.from_ical((tmp_path / "out.ics").read_bytes()).walk("VTODO")
    assert str(todo["SUMMARY"]).startswith("借呗")


async def test_dashboard_shows_each_platforms_next_reminder_by_urgency(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    service = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    try:
        reminders = Reminders(service)
        for name, when in (("借呗", "2026-11-20"), ("花呗", "today"), ("微粒贷", "+6d")):
            platform = service.add_platform(name).value
            reminders.add(platform.id, when, "call")
            reminders.add(platform.id, "+30d", "later")
        service.add_platform("度小满")
    finally:
        service.store.close()
    app = make_app()
    async with running(app):
        table = platform_table(app)
        cells = {str(table.row_cells(i)[0]): table.row_cells(i)[5] for i in range(table.row_count)}
        assert {name: str(cell) for name, cell in cells.items()} == {
            "借呗": "2026-11-20",
            "花呗": "2026-11-29",
            "微粒贷": "2026-12-05",
            "度小满": "",
        }
        assert cells["借呗"].style == "bold red"
        assert cells["花呗"].style == "bold reverse"
        assert cells["微粒贷"].style == ""


async def test_r_on_a_stage_adds_a_reminder_for_that_stage(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as opened:
        assert opened.screen.stage_key is StageKey.PAID
        await opened.press("r")
        assert opened.app.screen.query_one("#reminder-date", Input)
        await opened.press(*"+3d", "enter", *"call", "enter")
        [reminder] = [
            r for r in Reminders(opened.app.service).find() if r.platform_id == opened.platform_id
        ]
        assert (reminder.stage, reminder.when.isoformat(), reminder.text) == (
            StageKey.PAID,
            "2026-12-02",
            "call",
        )
