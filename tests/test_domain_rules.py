"""Closure rules: when a platform is closed, what comes next, and the warnings that never block."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from closure_tui.domain.errors import DomainError, Problem
from closure_tui.domain.platform import (
    Kind,
    Payee,
    Payment,
    Platform,
    Stage,
    clean_account,
    parse_kind,
    payment_warnings,
    tick_warnings,
)
from closure_tui.domain.stages import STAGE_ORDER, StageKey, StageState, parse_stage

DAY = date(2026, 11, 29)
PAID = StageKey.PAID
VERIFIED = Payee("某某科技有限公司", "招商银行", "6225880123450123", "官方客服热线", DAY)


def platform_with(states: dict[StageKey, StageState], **fields: object) -> Platform:
    platform = Platform(id=1, name="借呗", created_on=DAY, **fields)  # type: ignore[arg-type]
    for key, state in states.items():
        done_on = DAY if state is StageState.DONE else None
        reason = "不适用" if state is StageState.SKIPPED else ""
        platform = platform.with_stage(Stage(key, state, done_on, reason))
    return platform


def keys(problems: list) -> list[str]:
    return [problem.key for problem in problems]


def test_stage_keys_and_order_are_the_contract() -> None:
    assert [key.value for key in STAGE_ORDER] == [
        "negotiated",
        "paid",
        "certificate",
        "account_cancelled",
        "credit_line_cancelled",
        "card_unbound",
    ]
    fresh = Platform(id=1, name="x", created_on=DAY)
    assert [s.state for s in fresh.stages] == [StageState.TODO] * 6
    assert fresh.kind is Kind.ONLINE_LOAN


def test_fresh_platform_is_open_and_starts_with_negotiation() -> None:
    fresh = Platform(id=1, name="x", created_on=DAY)
    assert not fresh.closed
    assert fresh.next_stage is StageKey.NEGOTIATED
    assert fresh.steps_left == 6


def test_closed_when_every_stage_is_done() -> None:
    platform = platform_with(dict.fromkeys(STAGE_ORDER, StageState.DONE))
    assert platform.closed
    assert platform.next_stage is None
    assert platform.done_count == platform.applicable_count == 6


def test_skipped_stages_do_not_keep_a_platform_open() -> None:
    states = dict.fromkeys(STAGE_ORDER, StageState.DONE)
    states[StageKey.ACCOUNT_CANCELLED] = StageState.SKIPPED
    states[StageKey.CREDIT_LINE_CANCELLED] = StageState.SKIPPED
    platform = platform_with(states)
    assert platform.closed
    assert platform.applicable_count == 4
    assert platform.done_count == 4


def test_one_todo_stage_keeps_it_open_and_is_next() -> None:
    states = dict.fromkeys(STAGE_ORDER, StageState.DONE)
    states[StageKey.CERTIFICATE] = StageState.TODO
    states[StageKey.CARD_UNBOUND] = StageState.TODO
    platform = platform_with(states)
    assert not platform.closed
    assert platform.next_stage is StageKey.CERTIFICATE
    assert platform.steps_left == 2


def test_next_stage_passes_over_skipped_ones() -> None:
    platform = platform_with(
        {StageKey.NEGOTIATED: StageState.DONE, StageKey.PAID: StageState.SKIPPED}
    )
    assert platform.next_stage is StageKey.CERTIFICATE


def test_tick_paid_without_payee_warns() -> None:
    platform = platform_with({StageKey.NEGOTIATED: StageState.DONE})
    assert keys(tick_warnings(platform, StageKey.PAID)) == [
        "warn.unverified_payee",
        "warn.no_payments",
    ]


def test_tick_paid_with_unverified_payee_warns() -> None:
    payee = Payee("某公司", "银行", "12345678", verified_via="  ")
    platform = platform_with({StageKey.NEGOTIATED: StageState.DONE}, payee=payee)
    assert keys(tick_warnings(platform, StageKey.PAID))[0] == "warn.unverified_payee"


def test_tick_paid_with_verified_payee_and_matching_payments_is_silent() -> None:
    platform = platform_with(
        {StageKey.NEGOTIATED: StageState.DONE},
        payee=VERIFIED,
        settled=Decimal("3000.00"),
        payments=(Payment(Decimal("1000.00"), DAY), Payment(Decimal("2000.00"), DAY)),
    )
    assert tick_warnings(platform, StageKey.PAID) == []


def test_payments_that_do_not_add_up_warn_with_both_totals() -> None:
    platform = platform_with(
        {StageKey.NEGOTIATED: StageState.DONE},
        payee=VERIFIED,
        settled=Decimal("3000.00"),
        payments=(Payment(Decimal("2999.99"), DAY),),
    )
    problems = tick_warnings(platform, StageKey.PAID)
    assert keys(problems) == ["warn.payments_mismatch"]
    assert problems[0].params == {"paid": "2999.99", "settled": "3000.00"}
    assert keys(payment_warnings(platform)) == ["warn.payments_mismatch"]


def test_no_mismatch_warning_without_payments_or_settled_amount() -> None:
    assert payment_warnings(platform_with({}, settled=Decimal("10.00"))) == []
    assert payment_warnings(platform_with({}, payments=(Payment(Decimal("1.00"), DAY),))) == []


def test_ticking_paid_with_no_payment_says_the_payments_do_not_add_up() -> None:
    done = {StageKey.NEGOTIATED: StageState.DONE}
    problems = tick_warnings(platform_with(done, payee=VERIFIED, settled=Decimal("10.00")), PAID)
    assert keys(problems) == ["warn.payments_mismatch"]
    assert problems[0].params == {"paid": "0.00", "settled": "10.00"}
    unknown = tick_warnings(platform_with(done, payee=VERIFIED), PAID)
    assert keys(unknown) == ["warn.no_payments"]


def test_certificate_before_paid_warns() -> None:
    platform = platform_with({StageKey.NEGOTIATED: StageState.DONE})
    problems = tick_warnings(platform, StageKey.CERTIFICATE)
    assert keys(problems) == ["warn.earlier_todo.one"]
    assert problems[0].params == {"stage": "paid", "count": 1}
    paid = platform_with({StageKey.NEGOTIATED: StageState.DONE, StageKey.PAID: StageState.DONE})
    assert tick_warnings(paid, StageKey.CERTIFICATE) == []


@pytest.mark.parametrize("key", STAGE_ORDER[1:])
def test_any_stage_with_an_earlier_one_to_do_warns_the_same_way(key: StageKey) -> None:
    problems = tick_warnings(Platform(id=1, name="x", created_on=DAY), key)
    earlier = STAGE_ORDER.index(key)
    expected = "warn.earlier_todo.one" if earlier == 1 else "warn.earlier_todo"
    assert problems[0] == Problem(expected, {"stage": "negotiated", "count": earlier})


def test_a_skipped_earlier_stage_does_not_warn() -> None:
    platform = platform_with(
        {
            StageKey.NEGOTIATED: StageState.DONE,
            StageKey.PAID: StageState.DONE,
            StageKey.CERTIFICATE: StageState.DONE,
            StageKey.ACCOUNT_CANCELLED: StageState.SKIPPED,
        }
    )
    assert tick_warnings(platform, StageKey.CREDIT_LINE_CANCELLED) == []
    problems = tick_warnings(platform, StageKey.CARD_UNBOUND)
    assert problems[0].params == {"stage": "credit_line_cancelled", "count": 1}


def test_negotiated_itself_never_warns() -> None:
    assert tick_warnings(Platform(id=1, name="x", created_on=DAY), StageKey.NEGOTIATED) == []


def test_saved_and_paid_total() -> None:
    platform = platform_with(
        {},
        original=Decimal("12000.50"),
        settled=Decimal("8000.00"),
        payments=(Payment(Decimal("0.10"), DAY), Payment(Decimal("0.20"), DAY)),
    )
    assert platform.saved == Decimal("4000.50")
    assert platform.paid_total == Decimal("0.30")
    assert platform_with({}).saved is None


@pytest.mark.parametrize(
    ("typed", "kind"), [("credit_card", Kind.CREDIT_CARD), (" OTHER ", Kind.OTHER)]
)
def test_kinds_parse(typed: str, kind: Kind) -> None:
    assert parse_kind(typed) is kind


@pytest.mark.parametrize("typed", ["loan", "", "信用卡"])
def test_unknown_kind_lists_the_choices(typed: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_kind(typed)
    assert "online_loan_unreported" in caught.value.params["choices"]


def test_unknown_stage_lists_the_choices() -> None:
    assert parse_stage(" Paid ") is StageKey.PAID
    with pytest.raises(DomainError) as caught:
        parse_stage("cancelled")
    assert "card_unbound" in caught.value.params["choices"]


@pytest.mark.parametrize(
    ("typed", "stored"), [("6225 8801 2345 0123", "6225880123450123"), ("0123", "0123")]
)
def test_account_numbers_accept_digits_and_spaces(typed: str, stored: str) -> None:
    assert clean_account(typed) == stored


@pytest.mark.parametrize("typed", ["123", "６２２５８８０１", "6225-8801", "x" * 8, "1" * 35, ""])
def test_account_numbers_refuse_anything_else(typed: str) -> None:
    with pytest.raises(DomainError):
        clean_account(typed)
