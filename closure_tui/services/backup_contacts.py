"""Merging a backup's contacts and complaints: under fresh ids, with the platform, the
contacts a complaint cites and its reply reminder renumbered to match."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from closure_tui.domain.complaints import Complaint
from closure_tui.domain.contacts import Contact
from closure_tui.store.codec_contacts import decode_complaint, decode_contact
from closure_tui.store.store import Store

R = TypeVar("R", Contact, Complaint)


def _renumbered(record: R, new_id: int) -> R:
    return replace(record, id=new_id)


def merge_logged(
    store: Store,
    tables: dict[str, dict[int, dict[str, Any]]],
    platforms: dict[int, int],
    reminders: dict[int, int],
) -> None:
    """Add the contacts and complaints of the merged `platforms` (old id → new id)."""
    contacts: dict[int, int] = {}
    for old_id, doc in sorted(tables.get("contacts", {}).items()):
        contact = decode_contact(old_id, doc)
        if contact.platform_id in platforms:
            moved = replace(contact, platform_id=platforms[contact.platform_id])
            contacts[old_id] = store.contacts.insert(partial(_renumbered, moved)).id
    complaints: dict[int, int] = {}
    pending = []
    for old_id, doc in sorted(tables.get("complaints", {}).items()):
        complaint = decode_complaint(old_id, doc)
        if complaint.platform_id not in platforms:
            continue
        renumbered = replace(
            complaint,
            platform_id=platforms[complaint.platform_id],
            cites=tuple(contacts[i] for i in complaint.cites if i in contacts),
            reminder_id=reminders.get(complaint.reminder_id or 0),
        )
        added = store.complaints.insert(partial(_renumbered, renumbered))
        complaints[old_id] = added.id
        pending.append(added)
    for complaint in pending:
        if complaint.escalated_to is not None:
            target = complaints.get(complaint.escalated_to)
            store.complaints.put(replace(complaint, escalated_to=target))
