"""Date parsing for every date the user types, relative to an injected today."""

from __future__ import annotations

import re
from datetime import date, timedelta

from closure_tui.domain.errors import DomainError

MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2100, 12, 31)
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_REL_RE = re.compile(r"([+-])([0-9]{1,4})([dwm])", re.ASCII)
_WORDS = {
    "today": 0,
    "今天": 0,
    "tomorrow": 1,
    "明天": 1,
    "yesterday": -1,
    "昨天": -1,
}


def parse_date(text: str, today: date) -> date:
    """Accept `YYYY-MM-DD`, today/tomorrow/yesterday, 今天/明天/昨天, `+Nd`, `+Nw`, `+Nm`."""
    raw = text.strip().lower() if isinstance(text, str) else ""
    if raw in _WORDS:
        return _in_range(today + timedelta(days=_WORDS[raw]), text)
    if match := _REL_RE.fullmatch(raw):
        sign = 1 if match.group(1) == "+" else -1
        count = int(match.group(2)) * sign
        unit = match.group(3)
        if unit == "m":
            return _in_range(add_months(today, count), text)
        days = count * (7 if unit == "w" else 1)
        return _in_range(today + timedelta(days=days), text)
    if match := _ISO_RE.fullmatch(raw):
        year, month, day = (int(part) for part in match.groups())
        if not MIN_DATE.year <= year <= MAX_DATE.year:
            raise DomainError("err.date.range", value=text)
        try:
            parsed = date(year, month, day)
        except ValueError:
            raise DomainError("err.date.invalid", value=text) from None
        return _in_range(parsed, text)
    raise DomainError("err.date.format", value=text[:40] if isinstance(text, str) else "")


def add_months(start: date, months: int) -> date:
    """Same day N months later, clamped to the month's last day (Jan 31 + 1m = Feb 28)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise DomainError("err.date.range", value=f"{year}-{month:02d}")
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(start.day, last))


def parse_iso_date(text: str, *, bounded: bool = True) -> date:
    """Strict `YYYY-MM-DD` for stored data (no relative forms); within the typed dates'
    range unless not `bounded`."""
    match = _ISO_RE.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise DomainError("err.date.format", value=str(text)[:40])
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise DomainError("err.date.invalid", value=text) from None
    return _in_range(parsed, text) if bounded else parsed


def _in_range(value: date, text: str) -> date:
    if not MIN_DATE <= value <= MAX_DATE:
        raise DomainError("err.date.range", value=text)
    return value
