"""How contacts, breaches and complaints read in the current language, and their JSON:
shared by the command line, the app and the reports so all three say the same."""

from __future__ import annotations

from datetime import date
from typing import Any

from closure_tui.domain.complaints import Complaint
from closure_tui.domain.conduct import Breach, ConductRules
from closure_tui.domain.contacts import Contact, FileRef
from closure_tui.domain.text import display_safe, mask_account
from closure_tui.i18n import t


def breach_text(breach: Breach, rules: ConductRules) -> str:
    return t(
        f"breach.{breach.value}",
        max=rules.max_calls_per_day,
        earliest=rules.earliest.strftime("%H:%M"),
        latest=rules.latest.strftime("%H:%M"),
    )


def breaches_text(found: tuple[Breach, ...], rules: ConductRules) -> str:
    return t("contact.breach_sep").join(breach_text(b, rules) for b in found)


def masked_number(number: str, *, reveal: bool) -> str:
    """A phone number as privacy mode shows it: the last four digits only."""
    return number if reveal or not number else mask_account(number)


def contact_who(contact: Contact, *, reveal: bool = True) -> str:
    """`third-party collector 张三 (A001) from 95188…`: who was on the other side."""
    parts = [t(f"contact.party.{contact.party.value}")]
    if contact.name:
        parts.append(display_safe(contact.name))
    if contact.staff_id:
        parts.append(f"({display_safe(contact.staff_id)})")
    if contact.from_number:
        parts.append(display_safe(masked_number(contact.from_number, reveal=reveal)))
    return " ".join(parts)


def contact_how(contact: Contact) -> str:
    """`incoming phone`."""
    direction = t(f"contact.direction.{contact.direction.value}")
    return f"{direction} · {t(f'contact.channel.{contact.channel.value}')}"


def file_json(ref: FileRef) -> dict[str, Any]:
    return {"path": ref.path, "size": ref.size, "sha256": ref.sha256, "stored": ref.stored}


def contact_json(
    contact: Contact, platform: str, found: tuple[Breach, ...], rules: ConductRules
) -> dict[str, Any]:
    return {
        "id": contact.id,
        "platform": platform,
        "platform_id": contact.platform_id,
        "at": contact.at.isoformat(sep=" ", timespec="minutes"),
        "direction": contact.direction.value,
        "channel": contact.channel.value,
        "party": contact.party.value,
        "name": contact.name,
        "staff_id": contact.staff_id,
        "from_number": contact.from_number,
        "workplace": contact.workplace,
        "contacts_called": contact.contacts_called,
        "stage": contact.stage.value if contact.stage else None,
        "text": contact.text,
        "files": [file_json(f) for f in contact.files],
        "breaches": [b.value for b in found],
        "breach_text": [breach_text(b, rules) for b in found],
    }


def complaint_status_text(complaint: Complaint, today: date) -> str:
    late = complaint.overdue_days(today)
    if late:
        return t("complaint.overdue", days=late)
    return t(f"complaint.status.{complaint.status.value}")


def complaint_json(complaint: Complaint, platform: str, today: date) -> dict[str, Any]:
    return {
        "id": complaint.id,
        "platform": platform,
        "platform_id": complaint.platform_id,
        "channel": complaint.channel.value,
        "filed_on": complaint.filed_on.isoformat(),
        "ticket": complaint.ticket,
        "asked": complaint.asked,
        "cites": list(complaint.cites),
        "files": [file_json(f) for f in complaint.files],
        "reply_by": complaint.reply_by.isoformat(),
        "status": complaint.status.value,
        "status_on": complaint.status_on.isoformat() if complaint.status_on else None,
        "outcome": complaint.outcome,
        "escalated_to": complaint.escalated_to,
        "overdue": complaint.overdue_days(today),
    }
