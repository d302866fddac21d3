"""Credit report (征信) checks: what the report showed for a platform, and whether that
confirms the closure the checklist records.

A closure is only real once the report shows it: the account settled (结清) or closed
(销户), no credit line left, no overdue mark added after settling. One report covers every
platform and names the lending institution (often a partner bank, 出资方), so one platform
can appear as several accounts: a check keeps one line per account seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from closure_tui.domain.dates import MAX_DATE, MIN_DATE
from closure_tui.domain.errors import DomainError
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import closed_on
from closure_tui.domain.stages import StageKey, StageState

E = TypeVar("E", bound=StrEnum)

#: A discrepancy calls for a new look at the report this many days later.
RECHECK_DAYS = 30


class AccountStatus(StrEnum):
    """The account status as the report prints it."""

    NORMAL = "normal"
    SETTLED = "settled"
    CLOSED = "closed"
    OVERDUE = "overdue"
    BAD_DEBT = "bad_debt"


def parse_choice(kind: type[E], text: str, key: str, choices: tuple[E, ...] = ()) -> E:
    """One of `choices` (default: every member) as typed; refused with `key` otherwise."""
    allowed = choices or tuple(kind)
    for member in allowed:
        if member.value == text.strip().lower():
            return member
    raise DomainError(key, value=text, choices=", ".join(m.value for m in allowed))


def parse_status(text: str) -> AccountStatus:
    return parse_choice(AccountStatus, text, "err.report.status")


@dataclass(frozen=True, slots=True)
class ReportFile:
    """The report file as it was when recorded: where, its size and SHA-256, and the private
    copy kept in the data folder (empty when not copied)."""

    path: str
    size: int
    sha256: str
    stored: str = ""

    def __post_init__(self) -> None:
        if not self.path or self.size < 0 or len(self.sha256) != 64:
            raise DomainError("err.report.file")


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One account of one platform as a report shows it, on the day of the report."""

    id: int
    platform_id: int
    on: date
    source: str
    created: datetime
    status: AccountStatus
    institution: str = ""
    line_shown: bool = False
    line_amount: Decimal | None = None
    overdue_after_settle: bool = False
    file: ReportFile | None = None

    def __post_init__(self) -> None:
        if not MIN_DATE <= self.on <= MAX_DATE:
            raise DomainError("err.report.date", date=self.on.isoformat())
        if not self.source.strip():
            raise DomainError("err.report.source")
        if self.line_amount is not None and (self.line_amount < 0 or not self.line_shown):
            raise DomainError("err.report.line_amount")

    @property
    def looks_closed(self) -> bool:
        """Settled or closed, no open line, no fresh overdue mark."""
        return (
            self.status in (AccountStatus.SETTLED, AccountStatus.CLOSED)
            and not self.line_shown
            and not self.overdue_after_settle
        )

    @property
    def marked_bad(self) -> bool:
        return self.status in (AccountStatus.OVERDUE, AccountStatus.BAD_DEBT)


def judge(platform: Platform, line: ReportLine) -> Judgement:
    """One report line against the checklist.

    Closed in the checklist before the report date: the report must look closed, else it
    disagrees. Paid before the report date: an overdue or bad-debt status, or a fresh
    overdue mark, disagrees; anything else is the report catching up. Otherwise the
    account is still open on the report, as expected while stages remain.
    """
    if line.overdue_after_settle:
        return Judgement.DISCREPANCY
    paid = platform.stage(StageKey.PAID)
    paid_before = (
        paid.state is StageState.DONE and paid.done_on is not None and paid.done_on <= line.on
    )
    if platform.closed and closed_on(platform, line.on) <= line.on:
        return Judgement.CONFIRMED if line.looks_closed else Judgement.DISCREPANCY
    if paid_before and line.marked_bad:
        return Judgement.DISCREPANCY
    return Judgement.NOT_YET


def latest_lines(lines: list[ReportLine]) -> list[ReportLine]:
    """The lines of the newest report (a platform may show as several accounts): the
    newest report date, and of two checks of one day the one recorded last."""
    if not lines:
        return []
    newest = max((line.on, line.created) for line in lines)
    return sorted(
        (line for line in lines if (line.on, line.created) == newest), key=lambda line: line.id
    )


def platform_judgement(platform: Platform, lines: list[ReportLine]) -> Judgement:
    """The platform's state from its newest report: one disagreeing account is enough for
    a discrepancy; confirmed only when every account it shows as confirms it."""
    verdicts = {judge(platform, line) for line in latest_lines(lines)}
    if not verdicts:
        return Judgement.UNCHECKED
    if Judgement.DISCREPANCY in verdicts:
        return Judgement.DISCREPANCY
    if verdicts == {Judgement.CONFIRMED}:
        return Judgement.CONFIRMED
    return Judgement.NOT_YET


def recheck_date(checked_on: date) -> date:
    """When to look again after a discrepancy (or a correction), kept in the date range."""
    return in_range(checked_on + timedelta(days=RECHECK_DAYS))


def in_range(day: date) -> date:
    """A derived date passes the rule typed dates pass."""
    if not MIN_DATE <= day <= MAX_DATE:
        raise DomainError(
            "err.report.derived_date",
            date=day.isoformat(),
            min=MIN_DATE.isoformat(),
            max=MAX_DATE.isoformat(),
        )
    return day
