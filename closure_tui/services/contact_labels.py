"""How contacts, breaches and complaints read in the current language: shared by the
command line, the app and the reports so all three say the same."""

from __future__ import annotations

from datetime import date

from closure_tui.domain.complaints import Complaint
from closure_tui.domain.conduct import Breach
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import Contact
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


def complaint_status_text(complaint: Complaint, today: date) -> str:
    late = complaint.overdue_days(today)
    if late:
        return t("complaint.overdue", days=late)
    return t(f"complaint.status.{complaint.status.value}")
