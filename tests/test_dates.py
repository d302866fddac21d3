"""Dates: ISO and relative forms against an injected today, and the 2000-2100 range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closure_tui import i18n
from closure_tui.domain.dates import MAX_DATE, MIN_DATE, add_months, parse_date, parse_iso_date
from closure_tui.domain.errors import DomainError

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("typed", "today", "expected"),
    [
        ("2026-03-01", TODAY, date(2026, 3, 1)),
        (" 2024-02-29 ", TODAY, date(2024, 2, 29)),
        ("2000-01-01", TODAY, date(2000, 1, 1)),
        ("2100-12-31", TODAY, date(2100, 12, 31)),
        ("today", TODAY, TODAY),
        ("TODAY", TODAY, TODAY),
        ("tomorrow", TODAY, date(2026, 11, 30)),
        ("yesterday", TODAY, date(2026, 11, 28)),
        ("今天", TODAY, TODAY),
        ("明天", TODAY, date(2026, 11, 30)),
        ("昨天", TODAY, date(2026, 11, 28)),
        ("+3d", TODAY, date(2026, 12, 2)),
        ("+0d", TODAY, TODAY),
        ("-3d", TODAY, date(2026, 11, 26)),
        ("+2w", TODAY, date(2026, 12, 13)),
        ("+1m", TODAY, date(2026, 12, 29)),
        ("+1m", date(2026, 1, 31), date(2026, 2, 28)),
        ("+1m", date(2028, 1, 31), date(2028, 2, 29)),
        ("+2m", date(2026, 12, 31), date(2027, 2, 28)),
        ("+12m", date(2026, 2, 28), date(2027, 2, 28)),
    ],
)
def test_accepted_dates(typed: str, today: date, expected: date) -> None:
    assert parse_date(typed, today) == expected


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2026-02-30", "err.date.invalid"),
        ("2026-13-01", "err.date.invalid"),
        ("2026-00-10", "err.date.invalid"),
        ("2025-02-29", "err.date.invalid"),
        ("0000-01-01", "err.date.range"),
        ("1999-12-31", "err.date.range"),
        ("2101-01-01", "err.date.range"),
        ("10000-01-01", "err.date.format"),
        ("2026-2-3", "err.date.format"),
        ("2026/02/03", "err.date.format"),
        ("２０２６-０１-０１", "err.date.format"),
        ("٢٠٢٦-01-01", "err.date.format"),
        ("", "err.date.format"),
        ("soon", "err.date.format"),
        ("后天", "err.date.format"),
        ("+3", "err.date.format"),
        ("+3y", "err.date.format"),
        ("3d", "err.date.format"),
        ("+99999d", "err.date.format"),
        ("-9999d", "err.date.range"),
        ("+9999m", "err.date.range"),
        ("-9999w", "err.date.range"),
    ],
)
def test_refused_dates(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_date(typed, TODAY)
    assert caught.value.key == key


def test_impossible_date_message_names_it() -> None:
    i18n.set_language("zh")
    with pytest.raises(DomainError) as caught:
        parse_date("2026-02-30", TODAY)
    assert "2026-02-30" in i18n.describe(caught.value.key, caught.value.params)
    assert "不存在" in i18n.describe(caught.value.key, caught.value.params)


@pytest.mark.parametrize("stored", ["2026-1-01", "today", "+1d", "2026-02-30", "1999-01-01", 5])
def test_stored_dates_are_strict_iso(stored: object) -> None:
    with pytest.raises(DomainError):
        parse_iso_date(stored)  # type: ignore[arg-type]


dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


@given(dates)
def test_iso_round_trip(value: date) -> None:
    assert parse_date(value.isoformat(), TODAY) == value
    assert parse_iso_date(value.isoformat()) == value


@given(dates, st.integers(min_value=0, max_value=120))
def test_add_months_never_overflows_the_month(start: date, months: int) -> None:
    try:
        result = add_months(start, months)
    except DomainError:
        return
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 1, 1)), st.integers(0, 300))
def test_relative_days_match_timedelta(today: date, days: int) -> None:
    assert parse_date(f"+{days}d", today) == today + timedelta(days=days)
