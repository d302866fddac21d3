"""One platform's line of a report check as typed on the command line:
`PLATFORM=STATUS[,line=present|absent][,amount=AMOUNT][,institution=NAME][,overdue-after-settle]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from closure_tui.domain.credit_report import AccountStatus, parse_status
from closure_tui.domain.errors import DomainError
from closure_tui.domain.money import parse_money
from closure_tui.domain.text import clean_field

OVERDUE_MARK = "overdue-after-settle"
_LINE = {"present": True, "absent": False}


@dataclass(frozen=True, slots=True)
class LineEntry:
    """What the report shows for one platform, before the platform is looked up. A line
    amount means the line is shown; without `line=` the line counts as absent."""

    platform: str
    status: AccountStatus
    line_shown: bool = False
    line_amount: Decimal | None = None
    institution: str = ""
    overdue_after_settle: bool = False


def _option(piece: str, found: dict[str, object]) -> bool:
    """Read one `,option` into `found`; False when `piece` is not an option."""
    key, equals, value = piece.strip().partition("=")
    key = key.strip().lower()
    if not equals:
        if key != OVERDUE_MARK:
            return False
        found["overdue_after_settle"] = True
    elif key == "line" and value.strip().lower() in _LINE:
        found["line_shown"] = _LINE[value.strip().lower()]
    elif key == "amount":
        found["line_amount"] = parse_money(value)
        found.setdefault("line_shown", True)
    elif key == "institution":
        found["institution"] = clean_field(value, "institution")
    else:
        return False
    return True


def parse_entry(text: str) -> LineEntry:
    """Options are read from the right, so a platform name may itself contain commas."""
    pieces = text.split(",")
    found: dict[str, object] = {}
    while len(pieces) > 1 and _option(pieces[-1], found):
        pieces.pop()
    platform, equals, status = ",".join(pieces).rpartition("=")
    if not equals or not platform.strip():
        raise DomainError("err.report.entry", value=text)
    entry = LineEntry(platform.strip(), parse_status(status), **found)  # type: ignore[arg-type]
    if entry.line_amount is not None and not entry.line_shown:
        raise DomainError("err.report.line_amount")
    return entry
