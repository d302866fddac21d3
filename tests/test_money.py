"""Amounts: what a user may type, what is refused, and the stored form being byte-exact."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closure_tui import i18n
from closure_tui.domain.errors import DomainError
from closure_tui.domain.money import MAX_AMOUNT, display_money, format_money, parse_money


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0", "0.00"),
        ("12000", "12000.00"),
        ("12000.5", "12000.50"),
        ("12000.50", "12000.50"),
        ("0.01", "0.01"),
        ("  300.00 ", "300.00"),
        ("007", "7.00"),
        ("10000000000", "10000000000.00"),
        ("10000000000.00", "10000000000.00"),
    ],
)
def test_accepted_amounts_are_normalised(typed: str, stored: str) -> None:
    assert format_money(parse_money(typed)) == stored


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "err.money.format"),
        ("   ", "err.money.format"),
        ("١٢٣", "err.money.format"),  # Arabic-Indic digits
        ("１２３", "err.money.format"),  # full-width digits
        ("1_000", "err.money.format"),
        ("1,000", "err.money.format"),
        ("0.005", "err.money.format"),
        ("12.345", "err.money.format"),
        ("sNaN", "err.money.format"),
        ("NaN", "err.money.format"),
        ("nan", "err.money.format"),
        ("Inf", "err.money.format"),
        ("Infinity", "err.money.format"),
        ("-Infinity", "err.money.format"),
        ("1e3", "err.money.format"),
        ("1E3", "err.money.format"),
        ("-5", "err.money.format"),
        ("+5", "err.money.format"),
        ("¥100", "err.money.format"),
        (".5", "err.money.format"),
        ("5.", "err.money.format"),
        ("1 000", "err.money.format"),
        ("0x10", "err.money.format"),
        ("123456789012345678901", "err.money.format"),  # 21 digits
        ("10000000000.01", "err.money.range"),
        ("99999999999", "err.money.range"),
    ],
)
def test_refused_amounts_say_what_is_accepted(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_money(typed)
    assert caught.value.key == key
    message = i18n.describe(caught.value.key, caught.value.params)
    assert "12000.50" in message or "10,000,000,000" in message


def test_refusal_message_in_chinese_names_the_rule() -> None:
    i18n.set_language("zh")
    with pytest.raises(DomainError) as caught:
        parse_money("１２３")
    message = i18n.describe(caught.value.key, caught.value.params)
    assert "全角数字" in message and "１２３" in message


def test_long_input_is_cut_in_the_message() -> None:
    with pytest.raises(DomainError) as caught:
        parse_money("9" * 500)
    assert len(caught.value.params["value"]) <= 41


def test_display_money_groups_thousands() -> None:
    assert display_money(Decimal("1234567.5")) == "¥1,234,567.50"
    assert display_money(None) == "—"


cents = st.integers(min_value=0, max_value=int(MAX_AMOUNT * 100))


@given(cents)
def test_format_then_parse_is_byte_exact(value: int) -> None:
    amount = Decimal(value).scaleb(-2)
    text = format_money(amount)
    assert format_money(parse_money(text)) == text
    assert parse_money(text) == amount
    assert text.isascii() and "E" not in text and len(text.split(".")[1]) == 2


@given(cents)
def test_parse_then_format_keeps_the_value(value: int) -> None:
    whole, cent = divmod(value, 100)
    typed = f"{whole}.{cent:02d}" if cent else str(whole)
    assert parse_money(typed) == Decimal(value) / 100
