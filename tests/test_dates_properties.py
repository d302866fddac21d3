"""More properties of the date parser that reminders lean on (see also test_dates.py)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from closure_tui.domain.dates import MAX_DATE, MIN_DATE, add_months, parse_date
from closure_tui.domain.errors import DomainError

# Keep `today` far enough from the range ends that small offsets stay in range.
todays = st.dates(min_value=date(2011, 1, 1), max_value=date(2089, 12, 31))


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
