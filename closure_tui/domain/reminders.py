"""Reminders: dated chores per platform, and the rules that open and close them by themselves.

Settlement offers lapse within days and credit reports take weeks to update, so some
reminders are created automatically when stages are ticked (`FollowUpKind`); a reminder
linked to a stage closes once that stage is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey, StageState


class ReminderState(StrEnum):
    OPEN = "open"
    DONE = "done"
    DISMISSED = "dismissed"


class ReminderKind(StrEnum):
    """`manual` is typed by the user; the others are the automatic follow-ups."""

    MANUAL = "manual"
    OFFER_LAPSE = "offer_lapse"
    CERTIFICATE = "certificate"
    CREDIT_REPORT = "credit_report"
    DEDUCTION_CHECK = "deduction_check"


@dataclass(frozen=True, slots=True)
class Reminder:
    """Something to do on a date for one platform: set by hand, or a follow-up the app
    schedules when a stage changes; done, dismissed or snoozed to a later date."""

    id: int
    platform_id: int
    date: date
    created: datetime
    text: str = ""
    stage: StageKey | None = None
    state: ReminderState = ReminderState.OPEN
    snoozed_until: date | None = None
    kind: ReminderKind = ReminderKind.MANUAL

    @property
    def is_open(self) -> bool:
        return self.state is ReminderState.OPEN

    @property
    def when(self) -> date:
        """The date it falls due: the snoozed-until date once snoozed."""
        return self.snoozed_until or self.date

    def overdue_days(self, today: date) -> int:
        """Whole days past its date (0 when due today or later)."""
        return max(0, (today - self.when).days)

    def is_due(self, today: date, within: int = 0) -> bool:
        """Open and dated no later than `within` days from today (overdue included)."""
        return self.is_open and self.when <= today + timedelta(days=within)


def due_reminders(reminders: list[Reminder], today: date, within: int = 0) -> list[Reminder]:
    """Open reminders due within `within` days, oldest (most overdue) first."""
    return by_date([r for r in reminders if r.is_due(today, within)])


def date_order(reminder: Reminder) -> tuple[date, int]:
    """Reminders are listed by the day they fall due, then in the order they were made."""
    return reminder.when, reminder.id


def by_date(reminders: list[Reminder]) -> list[Reminder]:
    return sorted(reminders, key=date_order)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up to schedule: its kind, the stage it waits for (if any) and its date."""

    kind: ReminderKind
    date: date
    stage: StageKey | None = None


@dataclass(frozen=True, slots=True)
class FollowUpPlan:
    """What a platform change does to its reminders.

    `schedule`: follow-ups to create (or to move, if one of that kind is already open);
    `close`: ids of open reminders whose stage is now done; `withdraw`: kinds whose trigger
    was undone (e.g. a stage ticked by mistake), so their open reminders are dismissed.
    """

    schedule: tuple[FollowUp, ...] = ()
    close: tuple[int, ...] = ()
    withdraw: tuple[ReminderKind, ...] = ()


def _done(platform: Platform, key: StageKey) -> bool:
    return platform.stage(key).state is StageState.DONE


def _pay_by(platform: Platform) -> date | None:
    if not _done(platform, StageKey.NEGOTIATED):
        return None
    value = platform.stage(StageKey.NEGOTIATED).evidence.get("pay_by")
    return value if isinstance(value, date) else None


def closed_on(platform: Platform, fallback: date) -> date:
    """When the platform became closed: its latest stage date, else `fallback`."""
    dates = [s.done_on for s in platform.stages if s.done_on is not None]
    return max(dates, default=fallback)


def _triggers(platform: Platform) -> dict[ReminderKind, bool]:
    return {
        ReminderKind.OFFER_LAPSE: _pay_by(platform) is not None,
        ReminderKind.CERTIFICATE: _done(platform, StageKey.PAID),
        ReminderKind.CREDIT_REPORT: platform.closed,
        ReminderKind.DEDUCTION_CHECK: _done(platform, StageKey.CARD_UNBOUND),
    }


def plan_followups(
    before: Platform,
    after: Platform,
    open_reminders: list[Reminder],
    offsets: FollowUpOffsets,
    today: date,
) -> FollowUpPlan:
    """The reminder changes caused by `before` becoming `after` (pure; see `FollowUpPlan`)."""
    was, now = _triggers(before), _triggers(after)
    schedule: list[FollowUp] = []
    pay_by = _pay_by(after)
    if pay_by is not None and pay_by != _pay_by(before) and not _done(after, StageKey.PAID):
        lapse = pay_by - timedelta(days=offsets.offer_lapse_days)
        schedule.append(FollowUp(ReminderKind.OFFER_LAPSE, lapse, StageKey.PAID))
    if now[ReminderKind.CERTIFICATE] and not was[ReminderKind.CERTIFICATE]:
        paid_on = after.stage(StageKey.PAID).done_on or today
        if not _done(after, StageKey.CERTIFICATE):
            when = paid_on + timedelta(days=offsets.certificate_days)
            schedule.append(FollowUp(ReminderKind.CERTIFICATE, when, StageKey.CERTIFICATE))
    if now[ReminderKind.CREDIT_REPORT] and not was[ReminderKind.CREDIT_REPORT]:
        when = closed_on(after, today) + timedelta(days=offsets.credit_report_days)
        schedule.append(FollowUp(ReminderKind.CREDIT_REPORT, when))
    if now[ReminderKind.DEDUCTION_CHECK] and not was[ReminderKind.DEDUCTION_CHECK]:
        unbound_on = after.stage(StageKey.CARD_UNBOUND).done_on or today
        when = unbound_on + timedelta(days=offsets.deduction_check_days)
        schedule.append(FollowUp(ReminderKind.DEDUCTION_CHECK, when))
    close = tuple(
        r.id for r in open_reminders if r.is_open and r.stage is not None and _done(after, r.stage)
    )
    withdraw = tuple(kind for kind, active in now.items() if was[kind] and not active)
    return FollowUpPlan(tuple(schedule), close, withdraw)
