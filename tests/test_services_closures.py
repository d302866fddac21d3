"""The use cases: resolution of a platform reference, uniqueness, and warnings returned as data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session
from closure_tui.store.store import MAIN_FILE
from tests.store_helpers import stored


@pytest.fixture
def service(data_dir: Path, clock: FixedClock) -> Iterator[Closures]:
    with closures_session(data_dir, clock, writable=True) as opened:
        yield opened


def keys(outcome: object) -> list[str]:
    return [problem.key for problem in outcome.warnings]  # type: ignore[attr-defined]


def test_resolve_exact_name_then_prefix_then_id(service: Closures) -> None:
    jiebei = service.add_platform("借呗").value
    huabei = service.add_platform("花呗").value
    huabei_plus = service.add_platform("花呗分期").value
    jd = service.add_platform("JD 金条").value
    assert service.resolve("花呗") == huabei
    assert service.resolve(" jd 金条 ") == jd
    assert service.resolve("借") == jiebei
    assert service.resolve("jd") == jd
    assert service.resolve("花呗分") == huabei_plus
    assert service.resolve("#2") == huabei
    assert service.resolve("1") == jiebei
    with pytest.raises(DomainError) as caught:
        service.resolve("花")
    assert caught.value.key == "err.platform.ambiguous"
    assert "花呗 (#2)" in caught.value.params["matches"]
    assert "花呗分期 (#3)" in caught.value.params["matches"]
    with pytest.raises(DomainError) as missing:
        service.resolve("99")
    assert missing.value.key == "err.platform.not_found"


def test_names_are_unique_ignoring_case(service: Closures, data_dir: Path) -> None:
    service.add_platform("Kakao Bank")
    before = stored(data_dir, MAIN_FILE)
    with pytest.raises(DomainError) as caught:
        service.add_platform("  KAKAO bank ")
    assert caught.value.key == "err.platform.duplicate"
    with pytest.raises(DomainError) as wide:
        service.add_platform("ＫＡＫＡＯ　Ｂａｎｋ")
    assert wide.value.key == "err.platform.duplicate"
    assert service.resolve("ｋａｋａｏ").name == "Kakao Bank"
    other = service.add_platform("微粒贷").value
    with pytest.raises(DomainError):
        service.edit_platform(other.id, name="kakao BANK")
    assert service.edit_platform(other.id, name="微粒贷（微信）").value.name == "微粒贷（微信）"
    assert stored(data_dir, MAIN_FILE) != before


def test_tick_returns_warnings_and_still_ticks(service: Closures, clock: FixedClock) -> None:
    platform = service.add_platform("借呗", settled="3000").value
    outcome = service.tick(platform.id, StageKey.PAID, "2026-11-20")
    assert keys(outcome) == [
        "warn.earlier_todo.one",
        "warn.unverified_payee",
        "warn.payments_mismatch",
    ]
    stage = outcome.value.stage(StageKey.PAID)
    assert (stage.state, stage.done_on) == (StageState.DONE, date(2026, 11, 20))
    assert (
        service.tick(platform.id, StageKey.NEGOTIATED).value.stage(StageKey.NEGOTIATED).done_on
        == clock.now().date()
    )


def test_payee_without_verification_warns_about_the_payee(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    outcome = service.set_payee(
        platform.id,
        name="某某公司",
        bank="招商银行",
        account="6225 8801 2345 0123",
        verified_via=" ",
    )
    assert keys(outcome) == ["warn.unverified_payee"]
    assert outcome.value.payee is not None and outcome.value.payee.account == "6225880123450123"
    verified = service.set_payee(
        platform.id, name="某某公司", bank="招商银行", account="0123", verified_via="95188"
    )
    assert keys(verified) == []


def test_payments_warn_until_they_add_up(service: Closures) -> None:
    platform = service.add_platform("借呗", settled="3000.00").value
    service.set_payee(platform.id, name="某某公司", bank="", account="0123", verified_via="95188")
    first = service.add_payment(platform.id, "1000", "2026-11-01", "T001")
    assert keys(first) == ["warn.payments_mismatch"]
    assert keys(service.add_payment(platform.id, "2000.00")) == []
    assert keys(service.edit_platform(platform.id, settled="2999.99")) == ["warn.payments_mismatch"]


def test_skip_needs_a_reason_and_untick_resets(service: Closures) -> None:
    platform = service.add_platform("招商银行信用卡", kind="credit_card").value
    with pytest.raises(DomainError) as caught:
        service.skip(platform.id, StageKey.ACCOUNT_CANCELLED, "  ")
    assert caught.value.key == "err.skip.reason"
    skipped = service.skip(platform.id, StageKey.ACCOUNT_CANCELLED, "信用卡没有 App 账户").value
    assert skipped.stage(StageKey.ACCOUNT_CANCELLED).skip_reason == "信用卡没有 App 账户"
    reset = service.untick(platform.id, StageKey.ACCOUNT_CANCELLED).value
    stage = reset.stage(StageKey.ACCOUNT_CANCELLED)
    assert (stage.state, stage.done_on, stage.skip_reason) == (StageState.TODO, None, "")


def test_evidence_fields_are_parsed(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    updated = service.set_evidence(
        platform.id, StageKey.NEGOTIATED, {"pay_by": "+1w", "agreed_with": "贷后 王女士"}
    ).value
    evidence = updated.stage(StageKey.NEGOTIATED).evidence
    assert evidence["pay_by"] == date(2026, 12, 6)
    assert evidence["agreed_with"] == "贷后 王女士"
    with pytest.raises(DomainError):
        service.set_evidence(platform.id, StageKey.NEGOTIATED, {"pay_by": "2026-02-30"})


def test_notes_are_stored_to_the_second_and_newest_first(
    service: Closures, clock: FixedClock
) -> None:
    platform = service.add_platform("借呗").value
    clock.current = datetime(2026, 11, 29, 9, 30, 0, 123456)
    service.add_note(platform.id, "第一次通话", StageKey.NEGOTIATED)
    clock.advance(minutes=5)
    service.add_note(platform.id, "第二次通话")
    notes = service.notes(platform.id)
    assert [n.text for n in notes] == ["第二次通话", "第一次通话"]
    assert notes[1].created == datetime(2026, 11, 29, 9, 30, 0)
    assert notes[1].stage is StageKey.NEGOTIATED


def test_remove_takes_the_notes_with_it(service: Closures) -> None:
    keep = service.add_platform("借呗").value
    gone = service.add_platform("花呗").value
    service.add_note(keep.id, "keep")
    service.add_note(gone.id, "gone")
    service.remove_platform(gone.id)
    assert [p.name for p in service.platforms()] == ["借呗"]
    assert [n.text for n in service.store.notes] == ["keep"]
    with pytest.raises(DomainError):
        service.get(gone.id)
