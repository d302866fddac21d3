"""The stage facts the command line sets, from the platform screen: `d`, `f`, pay-by."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.reminders import ReminderKind
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.evidence import check_platform
from closure_tui.services.reminders import Reminders
from closure_tui.tui.modals.attach_form import AttachForm, PathSuggester
from closure_tui.tui.modals.confirm import ConfirmModal
from closure_tui.tui.modals.tick_form import TickForm
from tests.tui.fixtures_platform import on_platform, shown_text, stored


async def test_d_sets_the_date_a_stage_was_done(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        assert ui.screen.stage_key is StageKey.PAID
        await ui.press("d")
        assert isinstance(ui.app.screen, ConfirmModal)  # no payment recorded yet
        await ui.press("y")
        form = ui.app.screen
        assert isinstance(form, TickForm)
        assert form.query_one("#tick-on", Input).value == "2026-11-29"
        await ui.press("ctrl+u", *"yesterday", "enter")
        assert ui.app.screen is ui.screen
    stage = stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID)
    assert (stage.state, stage.done_on) == (StageState.DONE, date(2026, 11, 28))


async def test_d_refuses_a_date_it_cannot_read_and_keeps_it(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        await ui.press("d", "y", "ctrl+u", *"someday", "enter")
        form = ui.app.screen
        assert isinstance(form, TickForm)
        assert form.query_one("#tick-on", Input).value == "someday"
        await ui.press("escape")
    assert stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID).state is StageState.TODO


async def test_d_refuses_a_future_date_under_its_field(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        await ui.press("d", "y", "ctrl+u", *"+3d", "enter")
        form = ui.app.screen
        assert isinstance(form, TickForm)
        row = form.query_one("#tick-on").parent
        assert row is not None and row.has_class("-invalid")
        assert form.query_one("#tick-on", Input).value == "+3d"
        await ui.press("escape")
    assert stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID).state is StageState.TODO


async def test_d_on_a_stage_ahead_of_one_to_do_asks_as_space_does(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "招联金融") as ui:
        await ui.press("down", "d")
        assert isinstance(ui.app.screen, ConfirmModal)
        await ui.press("y")
        form = ui.app.screen
        assert isinstance(form, TickForm)
        await ui.press("ctrl+u", *"yesterday", "enter")
        assert ui.app.screen is ui.screen
        shown = [n.message for n in ui.app._notifications]
        assert not any("not done yet" in message for message in shown), shown
    paid = stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID)
    assert (paid.state, paid.done_on) == (StageState.DONE, date(2026, 11, 28))


async def test_ticking_negotiated_asks_for_the_pay_by_date(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "招联金融") as ui:
        assert ui.screen.stage_key is StageKey.NEGOTIATED
        await ui.press("space")
        assert isinstance(ui.app.screen, TickForm)
        await ui.press(*"+5d", "enter")
        assert ui.app.screen is ui.screen
        reminders = Reminders(ui.app.service).find(ui.platform_id)
        assert [(r.kind, r.when) for r in reminders] == [
            (ReminderKind.OFFER_LAPSE, date(2026, 12, 3))
        ]
    negotiated = stored(data_dir, clock, ui.platform_id).stage(StageKey.NEGOTIATED)
    assert negotiated.state is StageState.DONE
    assert negotiated.evidence["pay_by"] == date(2026, 12, 4)


async def test_a_pay_by_date_before_the_negotiation_is_marked_and_kept(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "招联金融") as ui:
        await ui.press("d", *"2026-11-20", "enter", *"2026-11-01", "enter")
        form = ui.app.screen
        assert isinstance(form, TickForm)
        row = form.query_one("#tick-pay-by").parent
        assert row is not None and row.has_class("-invalid")
        assert form.query_one("#tick-pay-by", Input).value == "2026-11-01"
        assert form.query_one("#tick-on", Input).value == "2026-11-20"
    negotiated = stored(data_dir, clock, ui.platform_id).stage(StageKey.NEGOTIATED)
    assert negotiated.state is StageState.TODO


async def test_pay_by_set_later_in_the_evidence_form_creates_the_reminder(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        await ui.press("up", "e", *"2026-12-10", "ctrl+s")
        reminders = Reminders(ui.app.service).find(ui.platform_id)
        assert [(r.kind, r.when) for r in reminders] == [
            (ReminderKind.OFFER_LAPSE, date(2026, 12, 9))
        ]


async def test_f_attaches_a_file_and_the_panel_flags_it_when_changed(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    receipt = tmp_path / "收据.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("f")
        form = ui.app.screen
        assert isinstance(form, AttachForm)
        await ui.press(*str(tmp_path / "missing.pdf"), "enter")
        assert ui.app.screen is form  # refused: the path stays to be corrected
        await ui.press("ctrl+u", *str(receipt), "enter")
        assert ui.app.screen is ui.screen
        [attachment] = stored(data_dir, clock, ui.platform_id).attachments
        message = ui.app._notifications
        assert any(attachment.sha256 in n.message and "16 bytes" in n.message for n in message)
        assert "收据.pdf" in shown_text(ui.app, "#evidence-files")
        (data_dir / attachment.stored).write_bytes(b"changed")
        ui.app.data_version += 1
        await ui.pilot.pause()
        assert "changed" in shown_text(ui.app, "#evidence-files").lower()
    [check] = check_platform(data_dir, stored(data_dir, clock, ui.platform_id))
    assert (check.attachment.stage, check.status) == (StageKey.PAID, FileStatus.CHANGED)


async def test_path_completion_offers_directories_and_files(tmp_path: Path) -> None:
    (tmp_path / "receipts").mkdir()
    (tmp_path / "report.pdf").write_text("x")
    suggester = PathSuggester()
    assert await suggester.get_suggestion(str(tmp_path / "rec")) == str(tmp_path / "receipts") + "/"
    assert await suggester.get_suggestion(str(tmp_path / "rep")) == str(tmp_path / "report.pdf")
    assert await suggester.get_suggestion(str(tmp_path / "zzz")) is None
