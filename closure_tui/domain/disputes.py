"""Disputes (异议) against a wrong credit report, and the 20-day answer rule.

Under the credit reporting regulation (征信业管理条例, article 25) a person may dispute wrong
or missing information with the credit reference center or with the institution that
reported it; the receiver must check it and answer in writing within 20 days.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from closure_tui.domain.credit_report import in_range, parse_choice
from closure_tui.domain.errors import DomainError

ANSWER_DAYS = 20


class FiledWith(StrEnum):
    CENTER = "center"
    INSTITUTION = "institution"


class DisputeStatus(StrEnum):
    FILED = "filed"
    ANSWERED = "answered"
    CORRECTED = "corrected"
    REJECTED = "rejected"
    ESCALATED = "escalated"


UPDATES = tuple(s for s in DisputeStatus if s is not DisputeStatus.FILED)
#: Where a dispute can go from each status: an answer says corrected or rejected, a
#: rejection (or no answer) can be escalated to a complaint.
NEXT: dict[DisputeStatus, frozenset[DisputeStatus]] = {
    DisputeStatus.FILED: frozenset(DisputeStatus) - {DisputeStatus.FILED},
    DisputeStatus.ANSWERED: frozenset(
        {DisputeStatus.CORRECTED, DisputeStatus.REJECTED, DisputeStatus.ESCALATED}
    ),
    DisputeStatus.REJECTED: frozenset({DisputeStatus.ESCALATED}),
    DisputeStatus.CORRECTED: frozenset(),
    DisputeStatus.ESCALATED: frozenset(),
}


def parse_filed_with(text: str) -> FiledWith:
    return parse_choice(FiledWith, text, "err.dispute.with")


def parse_dispute_status(text: str) -> DisputeStatus:
    """A status a dispute can move to (never back to `filed`)."""
    return parse_choice(DisputeStatus, text, "err.dispute.status", UPDATES)


@dataclass(frozen=True, slots=True)
class Dispute:
    """A dispute about one platform's lines on the report: with whom, when, the reference,
    what is wrong and the evidence cited, where it stands and the answer received."""

    id: int
    platform_id: int
    filed_with: FiledWith
    filed_on: date
    created: datetime
    text: str = ""
    reference: str = ""
    check_id: int | None = None
    cited: tuple[str, ...] = ()
    status: DisputeStatus = DisputeStatus.FILED
    status_on: date | None = None
    answer: str = ""

    def __post_init__(self) -> None:
        in_range(self.filed_on)
        if self.status_on is not None and self.status_on < self.filed_on:
            raise DomainError(
                "err.dispute.before_filed",
                date=self.status_on.isoformat(),
                filed=self.filed_on.isoformat(),
            )

    @property
    def answer_due(self) -> date:
        """20 days after filing (article 25)."""
        return in_range(self.filed_on + timedelta(days=ANSWER_DAYS))

    @property
    def is_open(self) -> bool:
        return self.status in (DisputeStatus.FILED, DisputeStatus.ANSWERED)

    def overdue(self, today: date) -> bool:
        """Filed and still unanswered after the 20 days."""
        return self.status is DisputeStatus.FILED and today > self.answer_due

    def moved_to(self, status: DisputeStatus, on: date, answer: str = "") -> Dispute:
        """The dispute at its next status; a step the process does not allow is refused."""
        if status not in NEXT[self.status]:
            raise DomainError(
                "err.dispute.step", from_status=self.status.value, to_status=status.value
            )
        return replace(self, status=status, status_on=on, answer=answer or self.answer)
