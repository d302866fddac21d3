"""Automatic follow-ups as a function of the platform: reconciled on every change.

Each follow-up kind derives from one fact of the record (the pay-by date, the day it was
paid, closed or its cards unbound). There is at most one follow-up per platform and kind,
kept under the same id for good, so that undoing a tick reopens what the tick closed and
redoing it is a no-op. The user's own decisions on a follow-up (done, dismissed, snoozed)
stand as long as the fact it derives from is unchanged; a new date moves it, keeping a
snooze only when that is later.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from closure_tui.domain.dates import MAX_DATE, MIN_DATE
from closure_tui.domain.errors import DomainError
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import (
    Closer,
    Reminder,
    ReminderKind,
    ReminderState,
    closed_on,
)
from closure_tui.domain.stages import StageKey, StageState

FOLLOW_UP_KINDS = (
    ReminderKind.OFFER_LAPSE,
    ReminderKind.CERTIFICATE,
    ReminderKind.CREDIT_REPORT,
    ReminderKind.DEDUCTION_CHECK,
)
#: The stage whose completion closes each follow-up.
CLOSING_STAGE = {
    ReminderKind.OFFER_LAPSE: StageKey.PAID,
    ReminderKind.CERTIFICATE: StageKey.CERTIFICATE,
}


@dataclass(frozen=True, slots=True)
class Wanted:
    """What the record calls for: a follow-up from `basis`, due on `due_on`; `settled` when its
    closing stage is already done (closed by the app, never shown as open)."""

    basis: date
    due_on: date
    settled: bool


@dataclass(frozen=True, slots=True)
class NewFollowUp:
    """A follow-up to create: its kind, the fact it derives from, its date and stage."""

    kind: ReminderKind
    basis: date
    due_on: date
    stage: StageKey | None


@dataclass(frozen=True, slots=True)
class Reconciled:
    """Reminders to rewrite (only those that change) and follow-ups to create."""

    changed: tuple[Reminder, ...]
    created: tuple[NewFollowUp, ...]


def _done(platform: Platform, key: StageKey) -> bool:
    return platform.stage(key).state is StageState.DONE


def pay_by(platform: Platform) -> date | None:
    """The agreed pay-by date, while the negotiation is ticked."""
    if not _done(platform, StageKey.NEGOTIATED):
        return None
    value = platform.stage(StageKey.NEGOTIATED).evidence.get("pay_by")
    return value if isinstance(value, date) else None


def check_pay_by(platform: Platform) -> None:
    """A pay-by date before the day the settlement was negotiated is a typing mistake."""
    deadline = pay_by(platform)
    agreed = platform.stage(StageKey.NEGOTIATED).done_on
    if deadline is not None and agreed is not None and deadline < agreed:
        raise DomainError(
            "err.pay_by.before_negotiated",
            pay_by=deadline.isoformat(),
            negotiated=agreed.isoformat(),
        )


def _basis(platform: Platform, kind: ReminderKind, fallback: date) -> date | None:
    """The fact a follow-up derives from, or None when the record does not call for it."""
    if kind is ReminderKind.OFFER_LAPSE:
        return pay_by(platform)
    if kind is ReminderKind.CERTIFICATE:
        return platform.stage(StageKey.PAID).done_on if _done(platform, StageKey.PAID) else None
    if kind is ReminderKind.CREDIT_REPORT:
        return closed_on(platform, fallback) if platform.closed else None
    if _done(platform, StageKey.CARD_UNBOUND):
        return platform.stage(StageKey.CARD_UNBOUND).done_on
    return None


def _rule_date(kind: ReminderKind, basis: date, offsets: FollowUpOffsets, today: date) -> date:
    """The offer-lapse reminder comes before the deadline, but never before the day it is
    made (a deadline of today or tomorrow is due today, not overdue at once)."""
    if kind is ReminderKind.OFFER_LAPSE:
        return max(basis - timedelta(days=offsets.offer_lapse_days), today)
    days = {
        ReminderKind.CERTIFICATE: offsets.certificate_days,
        ReminderKind.CREDIT_REPORT: offsets.credit_report_days,
        ReminderKind.DEDUCTION_CHECK: offsets.deduction_check_days,
    }[kind]
    try:
        return basis + timedelta(days=days)
    except OverflowError:
        return MAX_DATE + timedelta(days=1)


def wanted(
    platform: Platform,
    kind: ReminderKind,
    offsets: FollowUpOffsets,
    today: date,
    current: Reminder | None = None,
    *,
    report_confirmed: bool = False,
) -> Wanted | None:
    """What the record calls for; an unchanged basis keeps `current`'s date. The credit
    report follow-up is settled while a report check confirms the closure."""
    fallback = current.basis if current is not None and current.basis else today
    basis = _basis(platform, kind, fallback)
    if basis is None:
        return None
    closing = CLOSING_STAGE.get(kind)
    settled = closing is not None and _done(platform, closing)
    if kind is ReminderKind.CREDIT_REPORT:
        settled = report_confirmed
    if current is not None and _same_basis(current, basis, kind, offsets, today):
        return Wanted(basis, current.due_on, settled)
    return Wanted(basis, _rule_date(kind, basis, offsets, today), settled)


def _same_basis(
    current: Reminder, basis: date, kind: ReminderKind, offsets: FollowUpOffsets, today: date
) -> bool:
    if current.basis is not None:
        return current.basis == basis
    # Kept before the basis was: the same rule date (then never moved up to the day it
    # was made) stands for the same basis.
    rule_dates = {_rule_date(kind, basis, offsets, anchor) for anchor in (today, date.min)}
    return current.due_on in rule_dates


def check_date(kind: ReminderKind, when: date) -> None:
    """A follow-up must have a date a user could have typed, or no reader could show it."""
    if not MIN_DATE <= when <= MAX_DATE:
        raise DomainError(
            "err.followup.range",
            followup=kind.value,
            date=when.isoformat(),
            min=MIN_DATE.isoformat(),
            max=MAX_DATE.isoformat(),
        )


def _current(mine: list[Reminder], kind: ReminderKind) -> Reminder | None:
    """The follow-up of this kind: the open one, else the newest (older versions could
    leave several)."""
    same = [r for r in mine if r.kind is kind]
    open_ones = [r for r in same if r.is_open]
    return max(open_ones or same, key=lambda r: r.id, default=None)


def _follow(current: Reminder, want: Wanted | None) -> Reminder:
    """`current` as the record now calls for it."""
    if want is None:
        if current.is_open:
            return current.close(ReminderState.DISMISSED, Closer.APP)
        return current
    known = current.basis is not None
    moved = current.due_on != want.due_on or (known and current.basis != want.basis)
    updated = replace(current, basis=want.basis)
    if moved:
        snooze = current.snoozed_until
        kept = snooze if snooze is not None and snooze > want.due_on else None
        updated = replace(updated, due_on=want.due_on, snoozed_until=kept)
    if current.closed_by_user and not moved:
        return updated
    if want.settled:
        if updated.is_open or moved:
            return updated.close(ReminderState.DONE, Closer.APP)
        return updated
    return updated.reopen()


def _follow_stage(reminder: Reminder, platform: Platform) -> Reminder:
    """A reminder set on a stage closes with it and opens again when it is unticked."""
    if reminder.stage is None:
        return reminder
    if _done(platform, reminder.stage):
        return reminder.close(ReminderState.DONE, Closer.APP) if reminder.is_open else reminder
    if not reminder.is_open and reminder.closed_by is Closer.APP:
        return reminder.reopen()
    return reminder


def reconcile(
    platform: Platform,
    mine: list[Reminder],
    offsets: FollowUpOffsets,
    today: date,
    *,
    report_confirmed: bool = False,
) -> Reconciled:
    """The platform's reminders as its record calls for them (pure). Raises `DomainError`
    when a follow-up would get a date outside the range every date is kept in."""
    changed: list[Reminder] = []
    created: list[NewFollowUp] = []
    followed: set[int] = set()
    for kind in FOLLOW_UP_KINDS:
        current = _current(mine, kind)
        want = wanted(platform, kind, offsets, today, current, report_confirmed=report_confirmed)
        if current is None:
            if want is not None and not want.settled:
                check_date(kind, want.due_on)
                created.append(NewFollowUp(kind, want.basis, want.due_on, CLOSING_STAGE.get(kind)))
            continue
        followed.add(current.id)
        updated = _follow(current, want)
        if updated != current:
            if updated.due_on != current.due_on:
                check_date(kind, updated.due_on)
            changed.append(updated)
    for reminder in mine:
        if reminder.kind is ReminderKind.MANUAL and reminder.id not in followed:
            updated = _follow_stage(reminder, platform)
            if updated != reminder:
                changed.append(updated)
    return Reconciled(tuple(changed), tuple(created))
