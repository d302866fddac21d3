"""Money as `Decimal`, parsed strictly: a typo in an amount is a dispute later."""

from __future__ import annotations

import re
from decimal import Decimal

from closure_tui.domain.errors import DomainError

MAX_AMOUNT = Decimal("10000000000")
_CENT = Decimal("0.01")
_AMOUNT_RE = re.compile(r"[0-9]{1,11}(\.[0-9]{1,2})?", re.ASCII)


def parse_money(text: str) -> Decimal:
    """Parse `12000`, `12000.5` or `12000.50` into a Decimal with exactly two places.

    Refuses signs, exponents, NaN/Infinity, separators, full-width and other
    non-ASCII digits, more than two decimals and anything above ten billion.
    """
    raw = text.strip() if isinstance(text, str) else ""
    if not _AMOUNT_RE.fullmatch(raw):
        raise DomainError("err.money.format", value=_shown(text))
    amount = Decimal(raw)
    if amount > MAX_AMOUNT:
        raise DomainError("err.money.range", value=_shown(text))
    return amount.quantize(_CENT)


def format_money(amount: Decimal) -> str:
    """The canonical stored form, e.g. `12000.50`."""
    return str(amount.quantize(_CENT))


def display_money(amount: Decimal | None) -> str:
    """Human form with thousands separators, e.g. `¥12,000.50`."""
    if amount is None:
        return "—"
    return f"¥{amount.quantize(_CENT):,}"


def _shown(text: object) -> str:
    value = str(text)
    return value if len(value) <= 40 else value[:40] + "…"
