"""The app follows the rules too: a new day at midnight, follow-ups reopened by an untick."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.reminders import ReminderKind
from closure_tui.domain.stages import StageKey
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.tui.reminder_cells import OVERDUE_STYLE, TODAY_STYLE
from closure_tui.tui.screens.agenda import AgendaScreen
from closure_tui.tui.screens.dashboard import COLUMNS, DashboardScreen
from tests.store_helpers import compacted
from tests.tui.conftest import AppFactory
from tests.tui.fixtures_platform import on_platform
from tests.tui.helpers import platform_table, running

REMINDER = COLUMNS.index("reminder")


def _dashboard_reminders(app) -> dict[str, tuple[str, str]]:
    """Each platform's next-reminder cell: (date, style)."""
    table = platform_table(app)
    rows = [table.row_cells(i) for i in range(table.row_count)]
    return {str(row[0]): (str(row[REMINDER]), str(row[REMINDER].style)) for row in rows}


def _agenda(app) -> list[tuple[str, str, str]]:
    """Each agenda row: (date, status, style of the status)."""
    table = app.screen.query_one(DataTable)
    rows = [table.get_row_at(i) for i in range(table.row_count)]
    return [(str(row[1]), str(row[4]), str(row[4].style)) for row in rows]


async def test_the_open_screens_move_to_the_new_day_at_midnight(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    clock.current = datetime(2026, 11, 29, 23, 59)
    with closures_session(data_dir, clock, writable=True) as service:
        jiebei = service.add_platform("借呗").value
        huabei = service.add_platform("花呗").value
        Reminders(service).add(jiebei.id, "today", "call 贷后")
        Reminders(service).add(huabei.id, "tomorrow", "ask for the certificate")
    app = make_app()
    async with running(app) as pilot:
        assert _dashboard_reminders(app) == {
            "借呗": ("2026-11-29", TODAY_STYLE),
            "花呗": ("2026-11-30", ""),
        }
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert _agenda(app) == [
            ("2026-11-29", "due today", TODAY_STYLE),
            ("2026-11-30", "due tomorrow", ""),
        ]
        clock.advance(minutes=2)
        app.due.check()  # what the minute timer runs
        await pilot.pause()
        assert _agenda(app) == [
            ("2026-11-29", "overdue by 1 day", OVERDUE_STYLE),
            ("2026-11-30", "due today", TODAY_STYLE),
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert _dashboard_reminders(app) == {
            "借呗": ("2026-11-29", OVERDUE_STYLE),
            "花呗": ("2026-11-30", TODAY_STYLE),
        }


async def test_a_bad_reminder_on_disk_is_reported_at_launch(
    data_dir: Path, clock: FixedClock, make_app: AppFactory
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗").value
        service.tick(platform.id, StageKey.PAID)
    compacted(data_dir, clock)  # the base holds the reminder, edited by hand below
    path = data_dir / "closure.json"
    path.write_text(path.read_text("utf-8").replace('"2026-12-06"', '"2101-01-06"'), "utf-8")
    app = make_app()
    async with running(app):
        messages = [n.message for n in app._notifications]
        assert any("Reminder #1 is dated 2101-01-06" in m for m in messages)
        assert _dashboard_reminders(app) == {"借呗": ("", "")}
    with closures_session(data_dir, clock, writable=False) as service:
        [kept] = service.store.reminders
        assert kept.kind is ReminderKind.CERTIFICATE


async def test_unticking_paid_in_the_app_reopens_the_offer_lapse_in_the_agenda(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        assert ui.screen.stage_key is StageKey.PAID
        await ui.press("space")
        await ui.click("#confirm")  # no verified payee: the app asks first
        assert _open_follow_ups(ui.app) == [ReminderKind.CERTIFICATE]
        await ui.press("up")  # the highlight moved on to the certificate
        assert ui.screen.stage_key is StageKey.PAID
        await ui.press("space")
        assert _open_follow_ups(ui.app) == [ReminderKind.OFFER_LAPSE]
        await ui.press("g")
        assert _agenda(ui.app) == [("2026-12-04", "due in 5 days", "")]


def _open_follow_ups(app) -> list[ReminderKind]:
    return [r.kind for r in Reminders(app.service).find()]
