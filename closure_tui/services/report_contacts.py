"""The report's contacts and complaints section: each contact with its conduct breaches,
each complaint with its reply-due date and status. Left out when a platform has neither,
so a report without them reads as before."""

from __future__ import annotations

from datetime import date

from closure_tui.domain.complaints import Complaint
from closure_tui.domain.conduct import Breach
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import Contact
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.complaints import Complaints
from closure_tui.services.contact_labels import (
    breaches_text,
    complaint_status_text,
    contact_how,
    contact_who,
)
from closure_tui.services.contacts import ContactLog


def md_cell(text: str) -> str:
    """User text made safe for one Markdown table cell."""
    safe = display_safe(text).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
    return safe.replace("\n", " ")


def _contact_row(contact: Contact, found: tuple[Breach, ...], rules: ConductRules) -> str:
    cells = (
        f"#{contact.id}",
        contact.at.isoformat(sep=" ", timespec="minutes"),
        contact_how(contact),
        md_cell(contact_who(contact)),
        md_cell(contact.text),
        f"**{md_cell(breaches_text(found, rules))}**" if found else "",
    )
    return "| " + " | ".join(cells) + " |"


def _complaint_row(complaint: Complaint, today: date, rules: ConductRules, log: ContactLog) -> str:
    cited = " ".join(f"#{i}" for i in complaint.cites)
    grounds = breaches_text(Complaints(log).grounds(complaint.cites), rules)
    cells = (
        f"#{complaint.id}",
        complaint.filed_on.isoformat(),
        t(f"complaint.channel.{complaint.channel.value}"),
        md_cell(complaint.ticket),
        complaint.reply_by.isoformat(),
        complaint_status_text(complaint, today),
        cited,
        md_cell(grounds),
        md_cell(" / ".join(x for x in (complaint.asked, complaint.outcome) if x)),
    )
    return "| " + " | ".join(cells) + " |"


def _header(keys: tuple[str, ...]) -> list[str]:
    return [
        "| " + " | ".join(t(f"report.c.{key}") for key in keys) + " |",
        "|" + "---|" * len(keys),
    ]


def md_contacts(
    service: Closures, platform_id: int, rules: ConductRules | None = None
) -> list[str]:
    """`### Contacts` and `### Complaints` for one platform (nothing when it has neither)."""
    log = ContactLog(service, rules)
    contacts = log.contacts(platform_id)
    complaints = Complaints(log).complaints(platform_id)
    if not contacts and not complaints:
        return []
    found = log.breaches()
    lines = [f"### {t('report.contacts')}", ""]
    if contacts:
        lines += _header(("id", "at", "how", "who", "said", "breaches"))
        lines += [_contact_row(c, found.get(c.id, ()), log.rules) for c in contacts]
    else:
        lines.append(t("report.none"))
    lines += ["", f"### {t('report.complaints')}", ""]
    if complaints:
        keys = (
            "id",
            "filed",
            "channel",
            "ticket",
            "reply_by",
            "status",
            "cites",
            "grounds",
            "asked",
        )
        lines += _header(keys)
        today = service.today()
        lines += [_complaint_row(c, today, log.rules, log) for c in complaints]
    else:
        lines.append(t("report.none"))
    return [*lines, ""]
