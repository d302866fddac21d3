"""Property tests for the date parser every date field and reminder uses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closure_tui.domain.dates import MAX_DATE, MIN_DATE, add_months, parse_date, parse_iso_date
from closure_tui.domain.errors import DomainError

# Keep `today` far enough from the range ends that small offsets stay in range.
todays = st.dates(min_value=date(2011, 1, 1), max_value=date(2089, 12, 31))
in_range = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


@given(in_range, todays)
def test_iso_dates_parse_to_themselves_whatever_today_is(value: date, today: date) -> None:
    assert parse_date(value.isoformat(), today) == value
    assert parse_iso_date(value.isoformat()) == value


@given(todays, st.integers(min_value=0, max_value=300))
def test_plus_and_minus_days_are_symmetric(today: date, days: int) -> None:
    assert parse_date(f"+{days}d", today) == today + timedelta(days=days)
    assert parse_date(f"-{days}d", today) == today - timedelta(days=days)
    assert parse_date(f"+{days // 7}w", today) == today + timedelta(weeks=days // 7)


@given(todays, st.integers(min_value=-120, max_value=120))
def test_months_keep_the_day_or_clamp_to_the_month_end(today: date, months: int) -> None:
    result = add_months(today, months)
    assert (result.year * 12 + result.month) - (today.year * 12 + today.month) == months
    assert result.day == today.day or (result.day < today.day and (result + timedelta(1)).day == 1)


@given(
    todays, st.sampled_from(["today", "TODAY", " 今天 ", "明天", "tomorrow", "昨天", "yesterday"])
)
def test_words_are_within_a_day_of_today(today: date, word: str) -> None:
    assert abs((parse_date(word, today) - today).days) <= 1


@given(st.text(max_size=30), todays)
def test_any_text_either_parses_in_range_or_is_refused_with_a_known_key(
    text: str, today: date
) -> None:
    try:
        parsed = parse_date(text, today)
    except DomainError as error:
        assert error.key in {"err.date.format", "err.date.invalid", "err.date.range"}
    else:
        assert MIN_DATE <= parsed <= MAX_DATE


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2026-1-5", "＋3d", "+3x", "3d"])
def test_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(DomainError):
        parse_date(text, date(2026, 11, 29))


def test_dates_outside_the_range_are_refused() -> None:
    with pytest.raises(DomainError) as refused:
        parse_date("+9999w", date(2026, 11, 29))
    assert refused.value.key == "err.date.range"
