"""Contacts and complaints as `contacts --json` and `complaints --json` print them: part
of the versioned view (see `json_view`), built field by field so the storage format can
change without changing what scripts read."""

from __future__ import annotations

from datetime import date
from typing import Any

from closure_tui.domain.complaints import Complaint
from closure_tui.domain.conduct import Breach
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import Contact, FileRef
from closure_tui.services.contact_labels import breach_text
from closure_tui.services.json_view import SCHEMA, day_json


def _file(ref: FileRef) -> dict[str, Any]:
    return {
        "path": ref.path,
        "size": ref.size,
        "sha256": ref.sha256,
        "attached_at": ref.attached_at.isoformat(timespec="seconds"),
        "stored": ref.stored,
    }


def contact_json(
    contact: Contact, platform: str, found: tuple[Breach, ...], rules: ConductRules
) -> dict[str, Any]:
    """One contact, its platform's name and the conduct breaches found, keyed and in words."""
    return {
        "schema": SCHEMA,
        "id": contact.id,
        "platform": platform,
        "platform_id": contact.platform_id,
        "at": contact.at.isoformat(timespec="minutes"),
        "direction": contact.direction.value,
        "channel": contact.channel.value,
        "party": contact.party.value,
        "name": contact.name,
        "staff_id": contact.staff_id,
        "from_number": contact.from_number,
        "workplace": contact.workplace,
        "contacts_called": contact.contacts_called,
        "text": contact.text,
        "stage": contact.stage.value if contact.stage else None,
        "files": [_file(f) for f in contact.files],
        "breaches": [b.value for b in found],
        "breach_text": [breach_text(b, rules) for b in found],
    }


def complaint_json(complaint: Complaint, platform: str, today: date) -> dict[str, Any]:
    """One complaint, its platform's name and the days its reply is overdue (0: not)."""
    return {
        "schema": SCHEMA,
        "id": complaint.id,
        "platform": platform,
        "platform_id": complaint.platform_id,
        "channel": complaint.channel.value,
        "filed_on": complaint.filed_on.isoformat(),
        "reply_by": complaint.reply_by.isoformat(),
        "ticket": complaint.ticket,
        "asked": complaint.asked,
        "cites": list(complaint.cites),
        "files": [_file(f) for f in complaint.files],
        "status": complaint.status.value,
        "status_on": day_json(complaint.status_on),
        "outcome": complaint.outcome,
        "escalated_to": complaint.escalated_to,
        "overdue": complaint.overdue_days(today),
    }
