"""Reminders ↔ JSON documents, validated on decode like every other record."""

from __future__ import annotations

from datetime import date
from typing import Any

from closure_tui.domain.dates import parse_iso_date
from closure_tui.domain.errors import DomainError
from closure_tui.domain.reminders import Closer, Reminder, ReminderKind, ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.store.codec import (
    _get,
    enum_value,
    invalid,
    missing,
    stored_date,
    stored_time,
)

#: What a record stored without a state or kind holds (read once: `.value` of a member
#: reached through its class is two Python-level lookups, per reminder decoded).
_OPEN, _MANUAL = ReminderState.OPEN.value, ReminderKind.MANUAL.value


def encode_reminder(reminder: Reminder) -> dict[str, Any]:
    return {
        "platform_id": reminder.platform_id,
        "stage": reminder.stage.value if reminder.stage else None,
        "date": reminder.due_on.isoformat(),
        "text": reminder.text,
        "state": reminder.state.value,
        "snoozed_until": reminder.snoozed_until.isoformat() if reminder.snoozed_until else None,
        "kind": reminder.kind.value,
        "created": reminder.created.isoformat(timespec="seconds"),
        "basis": reminder.basis.isoformat() if reminder.basis else None,
        "closed_by": reminder.closed_by.value if reminder.closed_by else None,
    }


def any_date(text: str) -> date:
    """A well-formed date, even outside the range typed dates are kept in: older versions
    could derive such a date, and a reader reports that reminder instead of refusing the
    whole file. One within the range is the parse `stored_date` remembers."""
    try:
        return stored_date(text)
    except DomainError:  # outside the range, or no date at all (then this says so)
        return parse_iso_date(text, bounded=False)


def _opt_any_date(doc: dict[str, Any], key: str) -> date | None:
    value = _get(doc, key, str)
    return any_date(value) if value else None


def decode_reminder(doc_id: int, doc: dict[str, Any]) -> Reminder:
    """Build a Reminder from its stored document; raises RecordInvalid with the reason."""
    try:
        platform_id = _get(doc, "platform_id", int)
        when = _get(doc, "date", str)
        created = _get(doc, "created", str)
        if platform_id is None or when is None or created is None:
            raise missing("platform_id, date, created")
        stage = _get(doc, "stage", str)
        basis = _get(doc, "basis", str)
        closed_by = _get(doc, "closed_by", str)
        return Reminder(
            id=doc_id,
            platform_id=platform_id,
            due_on=any_date(when),
            created=stored_time(created),
            text=_get(doc, "text", str, ""),
            stage=enum_value(StageKey, stage) if stage else None,
            state=enum_value(ReminderState, _get(doc, "state", str, _OPEN)),
            snoozed_until=_opt_any_date(doc, "snoozed_until"),
            kind=enum_value(ReminderKind, _get(doc, "kind", str, _MANUAL)),
            basis=any_date(basis) if basis else None,
            closed_by=enum_value(Closer, closed_by) if closed_by else None,
        )
    except ValueError as error:
        raise invalid(error) from None
