"""Reminders: dated chores per platform, and the rules that open and close them by themselves.

Settlement offers lapse within days and credit reports take weeks to update, so some
reminders are created automatically when stages are ticked (`FollowUpKind`); a reminder
linked to a stage closes once that stage is done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from closure_tui.domain.dates import MAX_DATE, MIN_DATE
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey


class ReminderState(StrEnum):
    OPEN = "open"
    DONE = "done"
    DISMISSED = "dismissed"


class Closer(StrEnum):
    """Who closed a reminder: the user by hand, or the app because its stage changed. Only
    what the app closed is opened again when that change is undone."""

    USER = "user"
    APP = "app"


class ReminderKind(StrEnum):
    """`manual` is typed by the user; the others are the automatic follow-ups."""

    MANUAL = "manual"
    OFFER_LAPSE = "offer_lapse"
    CERTIFICATE = "certificate"
    CREDIT_REPORT = "credit_report"
    DEDUCTION_CHECK = "deduction_check"
    COMPLAINT_REPLY = "complaint_reply"
    #: A dispute's written answer is due (20 days after filing).
    DISPUTE_ANSWER = "dispute_answer"
    #: Look at the credit report again (after a discrepancy or a correction).
    REPORT_RECHECK = "report_recheck"


@dataclass(frozen=True, slots=True)
class Reminder:
    """Something to do on a date for one platform: set by hand, or a follow-up the app
    schedules when a stage changes; done, dismissed or snoozed to a later date."""

    id: int
    platform_id: int
    #: The day it was set for; `when` is the day it falls due once snoozed.
    due_on: date
    created: datetime
    text: str = ""
    stage: StageKey | None = None
    state: ReminderState = ReminderState.OPEN
    snoozed_until: date | None = None
    kind: ReminderKind = ReminderKind.MANUAL
    #: A follow-up's source date (pay-by, paid on, closed on, unbound on): while it is the
    #: same, the user's own decisions on the follow-up stand.
    basis: date | None = None
    closed_by: Closer | None = None

    @property
    def is_open(self) -> bool:
        return self.state is ReminderState.OPEN

    @property
    def when(self) -> date:
        """The date it falls due: the snoozed-until date once snoozed."""
        return self.snoozed_until or self.due_on

    @property
    def closed_by_user(self) -> bool:
        """Closed by hand (a closed reminder from before `closed_by` was kept counts too)."""
        return not self.is_open and self.closed_by is not Closer.APP

    @property
    def dated_in_range(self) -> bool:
        """False for a date no typed date could give (written by an older version)."""
        return MIN_DATE <= self.when <= MAX_DATE

    def overdue_days(self, today: date) -> int:
        """Whole days past its date (0 when due today or later, done or dismissed)."""
        return max(0, (today - self.when).days) if self.is_open else 0

    def is_due(self, today: date, within: int = 0) -> bool:
        """Open and dated no later than `within` days from today (overdue included)."""
        return self.is_open and self.when <= today + timedelta(days=within)

    def close(self, state: ReminderState, by: Closer) -> Reminder:
        return replace(self, state=state, closed_by=by)

    def reopen(self) -> Reminder:
        return replace(self, state=ReminderState.OPEN, closed_by=None)


def due_reminders(reminders: list[Reminder], today: date, within: int = 0) -> list[Reminder]:
    """Open reminders due within `within` days, oldest (most overdue) first."""
    return by_date([r for r in reminders if r.is_due(today, within)])


def date_order(reminder: Reminder) -> tuple[date, int]:
    """Reminders are listed by the day they fall due, then in the order they were made."""
    return reminder.when, reminder.id


def by_date(reminders: list[Reminder]) -> list[Reminder]:
    return sorted(reminders, key=date_order)


def closed_on(platform: Platform, fallback: date) -> date:
    """When the platform became closed: its latest stage date, else `fallback`."""
    dates = [s.done_on for s in platform.stages if s.done_on is not None]
    return max(dates, default=fallback)
