"""What `--json` prints: a documented view of the data, versioned by `SCHEMA`.

The view is built here field by field, never by the storage codec, so a change to how
records are stored cannot change what scripts reading the command line see. Every
top-level object carries `"schema": SCHEMA`; a field may be added within a schema, and
renaming, removing or changing the meaning of one raises it (and the README's table).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from closure_tui.domain.history import Event, Records
from closure_tui.domain.money import format_money
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Payee, Platform
from closure_tui.domain.reminders import Reminder
from closure_tui.domain.stages import EVIDENCE_FIELDS, FieldKind, StageKey
from closure_tui.domain.text import mask_account
from closure_tui.services.reminder_labels import reminder_text

SCHEMA = 1
ACCOUNT_KEY = "account"


def mask_accounts(value: Any) -> Any:
    """A copy of a JSON value with every `account` field masked to its last four digits."""
    if isinstance(value, dict):
        return {
            key: mask_account(item)
            if key == ACCOUNT_KEY and isinstance(item, str)
            else mask_accounts(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [mask_accounts(item) for item in value]
    return value


def day_json(value: date | None) -> str | None:
    """A date as the view writes it (`YYYY-MM-DD`), or null."""
    return value.isoformat() if value is not None else None


def _money(value: Decimal | None) -> str | None:
    return format_money(value) if value is not None else None


def _payee(payee: Payee | None, reveal: bool) -> dict[str, Any] | None:
    if payee is None:
        return None
    return {
        "name": payee.name,
        "bank": payee.bank,
        "account": payee.account if reveal else mask_account(payee.account),
        "verified_via": payee.verified_via,
        "verified_on": day_json(payee.verified_on),
    }


def _evidence(kind: FieldKind, value: Any) -> Any:
    """Every field a stage keeps, always present: a date as text, text never null."""
    if kind is FieldKind.DATE:
        return day_json(value)
    if kind is FieldKind.TEXT:
        return value or ""
    return value


def _stages(platform: Platform, reveal: bool) -> dict[str, Any]:
    stages: dict[str, Any] = {}
    for stage in platform.stages:
        view: dict[str, Any] = {
            "state": stage.state.value,
            "done_on": day_json(stage.done_on),
            "skip_reason": stage.skip_reason,
            "evidence": {
                spec.key: _evidence(spec.kind, stage.evidence.get(spec.key))
                for spec in EVIDENCE_FIELDS[stage.key]
            },
        }
        if stage.key is StageKey.PAID:
            view["payee"] = _payee(platform.payee, reveal)
            view["payments"] = [
                {"amount": format_money(p.amount), "on": p.on.isoformat(), "reference": p.reference}
                for p in platform.payments
            ]
        stages[stage.key.value] = view
    return stages


def platform_json(platform: Platform, *, reveal: bool = False) -> dict[str, Any]:
    """A platform, its stages with their evidence, payee, payments and attached files;
    account numbers masked unless `reveal`."""
    return {
        "schema": SCHEMA,
        "id": platform.id,
        "name": platform.name,
        "kind": platform.kind.value,
        "original": _money(platform.original),
        "settled": _money(platform.settled),
        "hotline": platform.hotline,
        "app": platform.app,
        "funder": platform.funder,
        "created_on": platform.created_on.isoformat(),
        "closed": platform.closed,
        "next_stage": platform.next_stage.value if platform.next_stage else None,
        "stages": _stages(platform, reveal),
        "attachments": [
            {
                "stage": a.stage.value,
                "path": a.path,
                "size": a.size,
                "sha256": a.sha256,
                "attached_at": a.attached_at.isoformat(timespec="seconds"),
                "stored": a.stored,
            }
            for a in platform.attachments
        ],
    }


def note_json(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "created": note.created.isoformat(timespec="seconds"),
        "stage": note.stage.value if note.stage else None,
        "text": note.text,
    }


def reminder_json(reminder: Reminder, platform: str, today: date) -> dict[str, Any]:
    """The `due --json` fields: `date` is when it falls due (snoozed or not), `overdue`
    the number of days past it (0: not overdue)."""
    return {
        "schema": SCHEMA,
        "id": reminder.id,
        "platform": platform,
        "stage": reminder.stage.value if reminder.stage else None,
        "date": reminder.when.isoformat(),
        "text": reminder_text(reminder),
        "overdue": reminder.overdue_days(today),
    }


def full_reminder_json(reminder: Reminder, platform: str, today: date) -> dict[str, Any]:
    """`reminders --json`: the `due` fields, plus where the reminder comes from and stands."""
    return {
        **reminder_json(reminder, platform, today),
        "platform_id": reminder.platform_id,
        "kind": reminder.kind.value,
        "state": reminder.state.value,
        "original_date": reminder.due_on.isoformat(),
        "snoozed_until": day_json(reminder.snoozed_until),
        "created": reminder.created.astimezone().isoformat(timespec="seconds"),
    }


def event_json(event: Event, *, reveal: bool = False) -> dict[str, Any]:
    """One change of `history --json`. `before` and `after` hold the records it touched
    exactly as they were kept then (`patch`: only their changed parts), since history is
    evidence; account numbers in them are masked unless `reveal`."""
    view = {
        "schema": SCHEMA,
        "id": event.id,
        "at": event.at.isoformat(timespec="seconds"),
        "action": event.action,
        "platform_id": event.platform_id,
        "platform": event.platform_name,
        "state": event.state.value,
        "undone_at": event.undone_at.isoformat(timespec="seconds") if event.undone_at else None,
        "patch": event.patch,
        "before": _records(event.before),
        "after": _records(event.after),
    }
    return view if reveal else mask_accounts(view)


def _records(records: Records) -> dict[str, dict[str, Any]]:
    return {
        name: {str(key): dict(doc) if doc is not None else None for key, doc in docs.items()}
        for name, docs in records.items()
    }
