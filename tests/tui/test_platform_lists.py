"""The platform screen's reminders and notes, and moving around lists: what the CLI can do."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import OptionList, TextArea

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.reminders import ReminderKind, ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.tui.modals.note_form import NoteForm
from closure_tui.tui.modals.notes_modal import NotesModal
from closure_tui.tui.modals.reminder_form import ReminderForm
from closure_tui.tui.screens.agenda import AgendaScreen
from closure_tui.tui.screens.platform import PlatformScreen
from closure_tui.tui.widgets.platform_reminders import PlatformReminders
from tests.tui.fixtures_platform import on_platform, stored_notes


def _remind(service: Closures, platform_id: int) -> None:
    reminders = Reminders(service)
    reminders.add(platform_id, "2026-12-01", "打给贷后", StageKey.CERTIFICATE)
    reminders.add(platform_id, "2026-12-02", "查征信")


async def test_platform_screen_lists_its_reminders_with_the_agendas_keys(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", setup=_remind) as ui:
        table = ui.screen.query_one(PlatformReminders)
        assert [str(table.get_row_at(i)[-1]) for i in range(table.row_count)] == [
            "打给贷后",
            "查征信",
            "The settlement offer lapses soon: pay by the agreed date",
        ]
        table.focus()
        await ui.press("d")  # done: the first one
        await ui.press("end", "x")  # dismiss: the last one (the offer lapse)
        await ui.press("home", "s")
        assert isinstance(ui.app.screen, ReminderForm)
        await ui.press(*"2026-12-09", "enter")
        assert ui.app.screen is ui.screen
        by_text = {r.text or r.kind.value: r for r in Reminders(ui.app.service).all()}
        assert by_text["打给贷后"].state is ReminderState.DONE
        assert by_text[ReminderKind.OFFER_LAPSE.value].state is ReminderState.DISMISSED
        assert by_text["查征信"].when == date(2026, 12, 9)
        assert table.row_count == 1


async def test_a_reminder_for_the_whole_platform_survives_ticks(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        await ui.press("R")
        form = ui.app.screen
        assert isinstance(form, ReminderForm)
        assert "京东金条" in str(form.query_one(".dialog-title").render())
        await ui.press(*"+7d", "enter", "enter")  # no text: refused, the date is kept
        assert ui.app.screen is form
        await ui.press(*"call", "enter")
        assert ui.app.screen is ui.screen
        await ui.press("d", "enter")  # tick `paid` (the highlighted stage) on today
        found = Reminders(ui.app.service).find(ui.platform_id)
        [reminder] = [r for r in found if r.kind is ReminderKind.MANUAL]
        assert (reminder.stage, reminder.text, reminder.when) == (None, "call", date(2026, 12, 6))


async def test_notes_can_be_edited_and_deleted_and_undone(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("N")
        modal = ui.app.screen
        assert isinstance(modal, NotesModal)
        assert modal.query_one(OptionList).option_count == 1
        await ui.press("enter")
        form = ui.app.screen
        assert isinstance(form, NoteForm)
        assert form.query_one(TextArea).text == "第一次打官方客服，转贷后。"
        await ui.press("end", *" OK", "ctrl+s")
        assert ui.app.screen is modal
        [note] = stored_notes(data_dir, clock, ui.platform_id)
        assert note.text == "第一次打官方客服，转贷后。 OK"
        await ui.press("x")
        assert stored_notes(data_dir, clock, ui.platform_id) == []
        await ui.press("ctrl+z")
        [back] = stored_notes(data_dir, clock, ui.platform_id)
        assert back.text == note.text and back.created == note.created
        await ui.press("escape")
        assert ui.app.screen is ui.screen


async def test_the_notes_dialog_hides_figures_in_privacy_mode(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("p", "N")
        modal = ui.app.screen
        assert isinstance(modal, NotesModal)
        await ui.press("enter", "ctrl+a", *"还了 12000 元，卡号 6222", "ctrl+s")
        assert ui.app.screen is modal
        [note] = stored_notes(data_dir, clock, ui.platform_id)
        assert "12000" in note.text
        shown = str(modal.query_one(OptionList).get_option_at_index(0).prompt)
        assert "12000" not in shown and "6222" not in shown and "•••" in shown


async def test_agenda_enter_opens_the_platform_at_the_reminders_stage(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "招联金融", setup=_remind) as ui:
        await ui.press("g")
        assert isinstance(ui.app.screen, AgendaScreen)
        await ui.press("end", "home", "enter")
        opened = ui.app.screen
        assert isinstance(opened, PlatformScreen) and opened is not ui.screen
        assert (opened.platform_id, opened.stage_key) == (ui.platform_id, StageKey.CERTIFICATE)


async def test_home_and_end_move_through_the_checklist(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("end")
        assert ui.screen.stage_key is StageKey.CARD_UNBOUND
        await ui.press("home")
        assert ui.screen.stage_key is StageKey.NEGOTIATED
