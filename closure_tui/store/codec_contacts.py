"""Contacts and complaints ↔ JSON documents, validated on decode like every other record.

Records are built through their constructors, so a stored document obeys the same rules
as one typed in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from closure_tui.domain.complaint_channels import ComplaintChannel
from closure_tui.domain.complaints import Complaint, ComplaintStatus
from closure_tui.domain.contacts import Channel, Contact, Direction, FileRef, Party
from closure_tui.domain.errors import DomainError
from closure_tui.domain.evidence import is_copy_path
from closure_tui.domain.stages import StageKey
from closure_tui.store.codec import RecordInvalid, _get, enum_value, stored_date


def encode_file(ref: FileRef) -> dict[str, Any]:
    return {
        "path": ref.path,
        "size": ref.size,
        "sha256": ref.sha256,
        "attached_at": ref.attached_at.isoformat(timespec="seconds"),
        "stored": ref.stored,
    }


def _decode_files(raw: Any) -> tuple[FileRef, ...]:
    if not isinstance(raw, list):
        raise RecordInvalid("files: expected list")
    found = []
    for item in raw:
        if not isinstance(item, dict):
            raise RecordInvalid("file: expected object")
        stored = _get(item, "stored", str, "")
        if stored and not is_copy_path(stored):
            raise RecordInvalid(f"file: copy {stored[:80]!r} is not inside evidence/")
        found.append(
            FileRef(
                path=_get(item, "path", str, ""),
                size=_get(item, "size", int, -1),
                sha256=_get(item, "sha256", str, ""),
                attached_at=datetime.fromisoformat(_get(item, "attached_at", str, "")),
                stored=stored,
            )
        )
    return tuple(found)


def encode_contact(contact: Contact) -> dict[str, Any]:
    return {
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
        "files": [encode_file(f) for f in contact.files],
    }


def _required(doc: dict[str, Any], *keys: str) -> None:
    if any(doc.get(key) is None for key in keys):
        raise RecordInvalid(f"{', '.join(keys)} are required")


def decode_contact(doc_id: int, doc: dict[str, Any]) -> Contact:
    """Build a Contact from its stored document; raises RecordInvalid with the reason."""
    try:
        _required(doc, "platform_id", "at", "direction", "channel", "party")
        stage = _get(doc, "stage", str)
        return Contact(
            id=doc_id,
            platform_id=_get(doc, "platform_id", int),
            at=datetime.fromisoformat(_get(doc, "at", str)),
            direction=enum_value(Direction, _get(doc, "direction", str)),
            channel=enum_value(Channel, _get(doc, "channel", str)),
            party=enum_value(Party, _get(doc, "party", str)),
            name=_get(doc, "name", str, ""),
            staff_id=_get(doc, "staff_id", str, ""),
            from_number=_get(doc, "from_number", str, ""),
            workplace=_get(doc, "workplace", bool, False),
            contacts_called=_get(doc, "contacts_called", bool, False),
            text=_get(doc, "text", str, ""),
            stage=enum_value(StageKey, stage) if stage else None,
            files=_decode_files(doc.get("files", [])),
        )
    except DomainError as error:
        raise RecordInvalid(f"{error.key} {dict(error.params)}") from None
    except ValueError as error:
        raise RecordInvalid(str(error)) from None


def encode_complaint(complaint: Complaint) -> dict[str, Any]:
    return {
        "platform_id": complaint.platform_id,
        "channel": complaint.channel.value,
        "filed_on": complaint.filed_on.isoformat(),
        "reply_by": complaint.reply_by.isoformat(),
        "ticket": complaint.ticket,
        "asked": complaint.asked,
        "cites": list(complaint.cites),
        "files": [encode_file(f) for f in complaint.files],
        "status": complaint.status.value,
        "status_on": complaint.status_on.isoformat() if complaint.status_on else None,
        "outcome": complaint.outcome,
        "escalated_to": complaint.escalated_to,
        "reminder_id": complaint.reminder_id,
    }


def _ids(raw: Any) -> tuple[int, ...]:
    if not isinstance(raw, list) or not all(type(item) is int and item > 0 for item in raw):
        raise RecordInvalid("cites: expected a list of record ids")
    return tuple(raw)


def decode_complaint(doc_id: int, doc: dict[str, Any]) -> Complaint:
    """Build a Complaint from its stored document; raises RecordInvalid with the reason."""
    try:
        _required(doc, "platform_id", "channel", "filed_on", "reply_by")
        status_on = _get(doc, "status_on", str)
        return Complaint(
            id=doc_id,
            platform_id=_get(doc, "platform_id", int),
            channel=enum_value(ComplaintChannel, _get(doc, "channel", str)),
            filed_on=stored_date(_get(doc, "filed_on", str)),
            reply_by=stored_date(_get(doc, "reply_by", str)),
            ticket=_get(doc, "ticket", str, ""),
            asked=_get(doc, "asked", str, ""),
            cites=_ids(doc.get("cites", [])),
            files=_decode_files(doc.get("files", [])),
            status=enum_value(
                ComplaintStatus, _get(doc, "status", str, ComplaintStatus.FILED.value)
            ),
            status_on=stored_date(status_on) if status_on else None,
            outcome=_get(doc, "outcome", str, ""),
            escalated_to=_get(doc, "escalated_to", int),
            reminder_id=_get(doc, "reminder_id", int),
        )
    except DomainError as error:
        raise RecordInvalid(f"{error.key} {dict(error.params)}") from None
    except ValueError as error:
        raise RecordInvalid(str(error)) from None
