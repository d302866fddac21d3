"""Every form keeps what was typed: first field focused, no dead tab stops, one change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Button, Input

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.paid_form import PaidForm
from closure_tui.tui.modals.reminder_form import ReminderForm
from closure_tui.tui.modals.stage_forms import EvidenceForm
from closure_tui.tui.screens.agenda import AgendaScreen
from closure_tui.tui.widgets.stage_checklist import StageChecklist
from tests.tui.fixtures_platform import on_platform, stored


async def test_certificate_form_takes_typing_without_a_click(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("down", "e")
        assert isinstance(ui.app.screen, EvidenceForm)
        await ui.press(*"today", "tab", "space", "tab", *"/home/me/cert.pdf", "ctrl+s")
        assert ui.app.screen is ui.screen
    evidence = stored(data_dir, clock, ui.platform_id).stage(StageKey.CERTIFICATE).evidence
    assert evidence["received_on"] == date(2026, 11, 29)
    assert evidence["stamped"] is True
    assert evidence["file"] == "/home/me/cert.pdf"


async def test_paid_form_has_no_dead_tab_stop_and_saves_as_one_change(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("e")
        assert isinstance(ui.app.screen, PaidForm)
        await ui.press(*"ACME", "tab", *"CMB", "tab", *"62148300", "tab", *"hotline", "tab")
        await ui.press(*"2026-11-28", "tab", *"26000", "tab", *"2026-11-29", "tab", *"R1")
        await ui.press("enter", *"100", "ctrl+s")
        assert ui.app.screen is ui.screen
        service = ui.app.service
        assert service is not None
        before = service.history.events()
        assert before[-1].action == "paid.edit"
        assert before[-2].action != "paid.edit"
        await ui.press("ctrl+z")  # one step undoes the payee and both payments
        undone = stored(data_dir, clock, ui.platform_id)
        assert (undone.payee, undone.payments) == (None, ())
        await ui.press("ctrl+y")
    platform = stored(data_dir, clock, ui.platform_id)
    assert platform.payee is not None
    assert (platform.payee.name, platform.payee.account) == ("ACME", "62148300")
    assert [(p.amount, p.on, p.reference) for p in platform.payments] == [
        (Decimal("26000.00"), date(2026, 11, 29), "R1"),
        (Decimal("100.00"), date(2026, 11, 29), ""),
    ]


async def test_paid_form_writes_nothing_when_a_part_is_refused(
    data_dir: Path, clock: FixedClock
) -> None:
    def paid_once(service: Closures, platform_id: int) -> None:
        service.add_payment(platform_id, "500", "2026-11-28")

    async with on_platform(data_dir, clock, "借呗", setup=paid_once) as ui:
        await ui.press("e")
        form = ui.app.screen
        assert isinstance(form, PaidForm)
        # A removal the services refuse (no such payment): the payee typed is not saved either.
        form.removed.add(5)
        await ui.press(*"ACME", "tab", "tab", *"62148300", "ctrl+s")
        assert ui.app.screen is form
        assert "payment" in str(form.query_one("#form-error").render()).lower()
        assert form.query_one("#payee-name", Input).value == "ACME"
        with closures_session(data_dir, clock, writable=False) as service:
            platform = service.get(ui.platform_id)
            assert platform.payee is None and len(platform.payments) == 1


async def test_add_form_buttons_are_on_screen_at_80x24(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗", lang="zh") as ui:
        await ui.pilot.resize_terminal(80, 24)
        for key in ("E", "e"):
            await ui.press(key)
            for button in ui.app.screen.query(Button).filter("#save, #cancel"):
                assert button.region.bottom <= 23, (key, button.region)
            await ui.press("escape")


async def test_snooze_dialog_names_the_reminder_and_refuses_in_place(
    data_dir: Path, clock: FixedClock
) -> None:
    def remind(service: Closures, platform_id: int) -> None:
        Reminders(service).add(platform_id, "2026-11-30", "", StageKey.CERTIFICATE)

    async with on_platform(data_dir, clock, "借呗", lang="zh", setup=remind) as ui:
        await ui.press("g")
        assert isinstance(ui.app.screen, AgendaScreen)
        await ui.press("s")
        form = ui.app.screen
        assert isinstance(form, ReminderForm)
        title = str(form.query_one(".dialog-title").render())
        assert title == "推迟「借呗 · 已取得结清证明」到哪天？"
        await ui.press(*"2026-11-01", "enter")
        assert ui.app.screen is form
        assert form.query_one("#reminder-date", Input).value == "2026-11-01"
        row = form.query_one("#reminder-date").parent
        assert row is not None and row.has_class("-invalid")
        await ui.press("ctrl+u", *"+2d", "enter")
        assert isinstance(ui.app.screen, AgendaScreen)
        reminders = Reminders(ui.app.service).find(ui.platform_id)
        [snoozed] = [r for r in reminders if r.stage is StageKey.CERTIFICATE]
        assert snoozed.when == date(2026, 12, 1)


async def test_every_form_opens_with_its_first_field_focused(
    data_dir: Path, clock: FixedClock
) -> None:
    """Typing straight after the key lands in the form (the paid stage is highlighted)."""
    # `d` on `paid` with no payment first asks (as space does): `y` goes on to the form.
    forms = ("a", "E", "e", "s", "n", "r", "R", "d y", "f", "up e", "down e")
    async with on_platform(data_dir, clock, "京东金条") as ui:
        for keys in forms:
            await ui.press(*keys.split())
            form = ui.app.screen
            assert form is not ui.screen, keys
            fields = [w for w in form.query(".dialog-body *") if w.focusable]
            assert form.focused is fields[0], keys
            await ui.press("escape")
            ui.screen.query_one(StageChecklist).highlight(StageKey.PAID)
