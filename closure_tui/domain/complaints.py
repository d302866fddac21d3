"""Complaints: where a complaint was filed, what it cites, when a reply is due, how it ended.

A complaint is chased by its reply-due date; one left unanswered past that date is overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from closure_tui.domain.complaint_channels import ComplaintChannel, ReplyWindows
from closure_tui.domain.contacts import FileRef
from closure_tui.domain.dates import MAX_DATE, MIN_DATE
from closure_tui.domain.errors import DomainError


class ComplaintStatus(StrEnum):
    FILED = "filed"
    REPLIED = "replied"
    RESOLVED = "resolved"
    ESCALATED = "escalated"


#: Where a complaint may go from each status (resolved and escalated are final).
NEXT_STATUS: MappingProxyType[ComplaintStatus, frozenset[ComplaintStatus]] = MappingProxyType(
    {
        ComplaintStatus.FILED: frozenset(
            {ComplaintStatus.REPLIED, ComplaintStatus.RESOLVED, ComplaintStatus.ESCALATED}
        ),
        ComplaintStatus.REPLIED: frozenset({ComplaintStatus.RESOLVED, ComplaintStatus.ESCALATED}),
        ComplaintStatus.RESOLVED: frozenset(),
        ComplaintStatus.ESCALATED: frozenset(),
    }
)


def reply_due(filed: date, channel: ComplaintChannel, windows: ReplyWindows) -> date:
    """The default reply-due date; refused like a typed date when out of range."""
    due = filed + timedelta(days=windows.days(channel))
    if not MIN_DATE <= due <= MAX_DATE:
        raise DomainError("err.date.range", value=due.isoformat())
    return due


@dataclass(frozen=True, slots=True)
class Complaint:
    """A complaint about a platform, with the contacts and files it cites."""

    id: int
    platform_id: int
    channel: ComplaintChannel
    filed_on: date
    reply_by: date
    ticket: str = ""
    asked: str = ""
    cites: tuple[int, ...] = ()
    files: tuple[FileRef, ...] = ()
    status: ComplaintStatus = ComplaintStatus.FILED
    status_on: date | None = None
    outcome: str = ""
    escalated_to: int | None = None
    reminder_id: int | None = None

    def __post_init__(self) -> None:
        if self.reply_by < self.filed_on:
            raise DomainError(
                "err.complaint.reply_before_filed",
                reply_by=self.reply_by.isoformat(),
                filed=self.filed_on.isoformat(),
            )

    @property
    def awaiting_reply(self) -> bool:
        return self.status is ComplaintStatus.FILED

    def overdue_days(self, today: date) -> int:
        """Whole days past the reply-due date while still unanswered (0 otherwise)."""
        return max(0, (today - self.reply_by).days) if self.awaiting_reply else 0

    def moved_to(
        self, status: ComplaintStatus, on: date, outcome: str, escalated_to: int | None = None
    ) -> Complaint:
        """The complaint after a reply, a resolution or an escalation; refuses a step
        backwards and a date before it was filed."""
        if status not in NEXT_STATUS[self.status]:
            raise DomainError(
                "err.complaint.status_step",
                id=self.id,
                complaint_now=self.status.value,
                complaint_to=status.value,
            )
        if on < self.filed_on:
            raise DomainError(
                "err.complaint.status_before_filed",
                on=on.isoformat(),
                filed=self.filed_on.isoformat(),
            )
        return replace(
            self,
            status=status,
            status_on=on,
            outcome=outcome or self.outcome,
            escalated_to=escalated_to,
        )
