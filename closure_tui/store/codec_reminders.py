"""Reminders ↔ JSON documents, validated on decode like every other record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from closure_tui.domain.errors import DomainError
from closure_tui.domain.reminders import Reminder, ReminderKind, ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.store.codec import (
    RecordInvalid,
    _get,
    _opt_date,
    enum_value,
    stored_date,
)


def encode_reminder(reminder: Reminder) -> dict[str, Any]:
    return {
        "platform_id": reminder.platform_id,
        "stage": reminder.stage.value if reminder.stage else None,
        "date": reminder.date.isoformat(),
        "text": reminder.text,
        "state": reminder.state.value,
        "snoozed_until": reminder.snoozed_until.isoformat() if reminder.snoozed_until else None,
        "kind": reminder.kind.value,
        "created": reminder.created.isoformat(timespec="seconds"),
    }


def decode_reminder(doc_id: int, doc: dict[str, Any]) -> Reminder:
    """Build a Reminder from its stored document; raises RecordInvalid with the reason."""
    try:
        platform_id = _get(doc, "platform_id", int)
        when = _get(doc, "date", str)
        created = _get(doc, "created", str)
        if platform_id is None or when is None or created is None:
            raise RecordInvalid("platform_id, date and created are required")
        stage = _get(doc, "stage", str)
        return Reminder(
            id=doc_id,
            platform_id=platform_id,
            date=stored_date(when),
            created=datetime.fromisoformat(created),
            text=_get(doc, "text", str, ""),
            stage=enum_value(StageKey, stage) if stage else None,
            state=enum_value(ReminderState, _get(doc, "state", str, ReminderState.OPEN.value)),
            snoozed_until=_opt_date(doc, "snoozed_until"),
            kind=enum_value(ReminderKind, _get(doc, "kind", str, ReminderKind.MANUAL.value)),
        )
    except DomainError as error:
        raise RecordInvalid(f"{error.key} {dict(error.params)}") from None
    except ValueError as error:
        raise RecordInvalid(str(error)) from None
