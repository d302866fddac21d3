"""Editing evidence: the payee and payments of `paid`, and the fields of other stages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Checkbox, OptionList

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.tui.modals.paid_form import PaidForm
from closure_tui.tui.modals.stage_forms import EvidenceForm
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.fixtures_platform import fill, on_platform, shown_text, stored

PAYEE = {
    "payee-name": "重庆某消费金融有限公司",
    "payee-bank": "招商银行",
    "payee-account": "6214 8300 0012 0123",
    "payee-via": "官方App客服",
    "payee-on": "2026-11-28",
}


async def test_payee_and_payments_are_saved_and_the_account_is_masked(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        assert ui.screen.stage_key is StageKey.PAID
        await ui.press("e")
        assert isinstance(ui.app.screen, PaidForm)
        fill(ui.app, PAYEE)
        fill(ui.app, {"pay-amount": "13000", "pay-on": "2026-11-29", "pay-ref": "[USD] 0001"})
        await ui.click("#add-payment")
        assert ui.app.screen.query_one("#payments", OptionList).option_count == 1
        fill(ui.app, {"pay-amount": "13000"})  # typed but not added: saving adds it too
        await ui.press("ctrl+s")
        assert ui.app.screen is ui.screen
        evidence = shown_text(ui.app, "#evidence")
        assert "****0123" in evidence and "6214830000120123" not in evidence
        assert "[USD] 0001" in evidence
        assert "¥26,000.00" in evidence
        await ui.press("p")
        evidence = shown_text(ui.app, "#evidence")
        assert "0123" not in evidence and "26,000" not in evidence
    platform = stored(data_dir, clock, ui.platform_id)
    assert platform.payee is not None
    assert platform.payee.account == "6214830000120123"
    assert platform.payee.verified_on == date(2026, 11, 28)
    assert [p.amount for p in platform.payments] == [Decimal("13000.00")] * 2
    assert platform.payments[0].reference == "[USD] 0001"


async def test_invalid_payment_amount_is_refused_inline(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("e")
        fill(ui.app, {"pay-amount": "１３０００"})
        await ui.click("#add-payment")
        row = ui.app.screen.query_one("#pay-amount").parent
        assert row is not None and row.has_class("-invalid")
        assert "full-width" in str(row.query_one(".field-error").render())
        await ui.press("ctrl+s")
        assert isinstance(ui.app.screen, PaidForm)
    assert stored(data_dir, clock, ui.platform_id).payments == ()


async def test_removing_a_payment_and_cancel_keeps_everything(
    data_dir: Path, clock: FixedClock
) -> None:
    def two_payments(service: Closures, pid: int) -> None:
        service.add_payment(pid, "10000", "2026-11-22", "A")
        service.add_payment(pid, "16000", "2026-11-23", "B")

    async with on_platform(data_dir, clock, "借呗", setup=two_payments) as ui:
        await ui.press("e")
        ui.app.screen.query_one("#payments", OptionList).highlighted = 0
        await ui.press("ctrl+d")
        await ui.press("escape")
        assert len(stored(data_dir, clock, ui.platform_id).payments) == 2
        await ui.press("e")
        ui.app.screen.query_one("#payments", OptionList).highlighted = 0
        await ui.click("#remove-payment")
        await ui.press("ctrl+s")
        assert isinstance(ui.app.screen, PlatformScreen)
    assert [p.reference for p in stored(data_dir, clock, ui.platform_id).payments] == ["B"]


async def test_payee_needs_name_and_account(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("e")
        fill(ui.app, {"payee-name": "某公司", "payee-account": "12ab"})
        await ui.press("ctrl+s")
        assert isinstance(ui.app.screen, PaidForm)
        error = ui.app.screen.query_one("#payee-account").parent.query_one(".field-error")
        assert "4 to 34 digits" in str(error.render())
    assert stored(data_dir, clock, ui.platform_id).payee is None


async def test_certificate_evidence_is_saved(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("down")
        assert ui.screen.stage_key is StageKey.CERTIFICATE
        await ui.press("e")
        assert isinstance(ui.app.screen, EvidenceForm)
        fill(ui.app, {"ev-received_on": "2026-13-01"})
        await ui.press("ctrl+s")
        assert isinstance(ui.app.screen, EvidenceForm), "an impossible date is refused"
        fill(ui.app, {"ev-received_on": "yesterday", "ev-file": "~/证明/借呗[盖章].pdf"})
        ui.app.screen.query_one("#ev-stamped", Checkbox).value = True
        await ui.press("ctrl+s")
        assert ui.app.screen is ui.screen
        summary = shown_text(ui.app, "#stage-certificate .stage-summary")
        assert "2026-11-28" in summary and "借呗[盖章].pdf" in summary
    evidence = stored(data_dir, clock, ui.platform_id).stage(StageKey.CERTIFICATE).evidence
    assert evidence["received_on"] == date(2026, 11, 28)
    assert evidence["stamped"] is True
    assert evidence["file"] == "~/证明/借呗[盖章].pdf"
