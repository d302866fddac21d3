"""Editing evidence: the payee and payments of `paid`, and the fields of other stages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from fixtures_platform import SIZE, build_app, fill, open_platform, prepare_dataset, stored
from textual.widgets import Checkbox, OptionList

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.paid_form import PaidForm
from closure_tui.tui.modals.stage_forms import EvidenceForm
from closure_tui.tui.screens.platform import PlatformScreen

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
    ids = prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_platform(pilot, ids["借呗"])
        assert screen.stage_key is StageKey.PAID
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PaidForm)
        fill(app, PAYEE)
        fill(app, {"pay-amount": "13000", "pay-on": "2026-11-29", "pay-ref": "[USD] 0001"})
        await pilot.click("#add-payment")
        await pilot.pause()
        assert app.screen.query_one("#payments", OptionList).option_count == 1
        fill(app, {"pay-amount": "13000"})  # typed but not added: saving adds it too
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        evidence = str(screen.query_one("#evidence").render())
        assert "****0123" in evidence and "6214830000120123" not in evidence
        assert "[USD] 0001" in evidence
        assert "¥26,000.00" in evidence
        await pilot.press("p")
        await pilot.pause()
        evidence = str(screen.query_one("#evidence").render())
        assert "0123" not in evidence and "26,000" not in evidence
    platform = stored(data_dir, clock, ids["借呗"])
    assert platform.payee is not None
    assert platform.payee.account == "6214830000120123"
    assert platform.payee.verified_on == date(2026, 11, 28)
    assert [p.amount for p in platform.payments] == [Decimal("13000.00")] * 2
    assert platform.payments[0].reference == "[USD] 0001"


async def test_invalid_payment_amount_is_refused_inline(data_dir: Path, clock: FixedClock) -> None:
    ids = prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_platform(pilot, ids["借呗"])
        await pilot.press("e")
        await pilot.pause()
        fill(app, {"pay-amount": "１３０００"})
        await pilot.click("#add-payment")
        await pilot.pause()
        row = app.screen.query_one("#pay-amount").parent
        assert row is not None and row.has_class("-invalid")
        assert "full-width" in str(row.query_one(".field-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PaidForm)
    assert stored(data_dir, clock, ids["借呗"]).payments == ()


async def test_removing_a_payment_and_cancel_keeps_everything(
    data_dir: Path, clock: FixedClock
) -> None:
    ids = prepare_dataset(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_payment(ids["借呗"], "10000", "2026-11-22", "A")
        service.add_payment(ids["借呗"], "16000", "2026-11-23", "B")
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_platform(pilot, ids["借呗"])
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#payments", OptionList).highlighted = 0
        await pilot.press("ctrl+d")
        await pilot.press("escape")
        await pilot.pause()
        assert len(stored(data_dir, clock, ids["借呗"]).payments) == 2
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#payments", OptionList).highlighted = 0
        await pilot.click("#remove-payment")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
    assert [p.reference for p in stored(data_dir, clock, ids["借呗"]).payments] == ["B"]


async def test_payee_needs_name_and_account(data_dir: Path, clock: FixedClock) -> None:
    ids = prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_platform(pilot, ids["借呗"])
        await pilot.press("e")
        await pilot.pause()
        fill(app, {"payee-name": "某公司", "payee-account": "12ab"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PaidForm)
        error = app.screen.query_one("#payee-account").parent.query_one(".field-error")
        assert "4 to 34 digits" in str(error.render())
    assert stored(data_dir, clock, ids["借呗"]).payee is None


async def test_certificate_evidence_is_saved(data_dir: Path, clock: FixedClock) -> None:
    ids = prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_platform(pilot, ids["借呗"])
        await pilot.press("down")
        assert screen.stage_key is StageKey.CERTIFICATE
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceForm)
        fill(app, {"ev-received_on": "2026-13-01"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceForm), "an impossible date is refused"
        fill(app, {"ev-received_on": "yesterday", "ev-file": "~/证明/借呗[盖章].pdf"})
        app.screen.query_one("#ev-stamped", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        summary = str(screen.query_one("#stage-certificate .stage-summary").render())
        assert "2026-11-28" in summary and "借呗[盖章].pdf" in summary
    evidence = stored(data_dir, clock, ids["借呗"]).stage(StageKey.CERTIFICATE).evidence
    assert evidence["received_on"] == date(2026, 11, 28)
    assert evidence["stamped"] is True
    assert evidence["file"] == "~/证明/借呗[盖章].pdf"
