"""Logging a contact (`c`) and filing a complaint (`C`) from the platform screen.

Each field is checked with the domain's own parsers as the CLI's options are; the
services then refuse what needs the store (a cited contact of another platform, a file
that cannot be read), shown in the form, which stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox, Select

from closure_tui.domain.complaint_channels import ComplaintChannel
from closure_tui.domain.contacts import Channel, Direction, Party, parse_minute
from closure_tui.domain.dates import parse_date
from closure_tui.domain.stages import StageKey
from closure_tui.domain.text import clean_field, clean_note
from closure_tui.i18n import t
from closure_tui.services.complaints import ComplaintInput
from closure_tui.services.contacts import ContactInput
from closure_tui.tui.modals.file_rows import FileRows, FilesForm
from closure_tui.tui.modals.form_kit import FieldRow, text_input
from closure_tui.tui.modals.note_form import stage_select
from closure_tui.tui.text import plain


def choice(field_id: str, kind: type[StrEnum], prefix: str, value: StrEnum) -> Select[str]:
    options = [(t(f"{prefix}.{member.value}"), member.value) for member in kind]
    return Select(options, value=value.value, allow_blank=False, compact=True, id=field_id)


def _minute(text: str) -> str:
    """The time as typed once it parses (the services read it again)."""
    parse_minute(text)
    return text


@dataclass(frozen=True, slots=True)
class ContactAnswer:
    typed: ContactInput
    files: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class ComplaintAnswer:
    typed: ComplaintInput
    files: tuple[Path, ...]


class ContactForm(FilesForm[ContactAnswer]):
    """Dismisses with `{"typed": ContactInput, "files": (Path, ...)}`."""

    ENTER_ADVANCES = True
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.contact.time": "contact-at",
        "contact_text": "contact-text",
    }

    def __init__(self, platform_name: str, now: datetime, stage: StageKey | None) -> None:
        super().__init__()
        self.platform_name = platform_name
        self.now = now
        self.stage = stage

    def title_text(self) -> Text:
        return plain(t("form.contact.title", name=self.platform_name))

    def fields(self) -> ComposeResult:
        yield FieldRow(
            t("form.contact.at"),
            text_input("contact-at", self.now.strftime("%Y-%m-%d %H:%M")),
            hint=t("form.contact.at_hint"),
        )
        yield FieldRow(
            t("form.contact.direction"),
            choice("contact-direction", Direction, "contact.direction", Direction.IN),
        )
        yield FieldRow(
            t("form.contact.channel"),
            choice("contact-channel", Channel, "contact.channel", Channel.PHONE),
        )
        yield FieldRow(
            t("form.contact.party"),
            choice("contact-party", Party, "contact.party", Party.COLLECTOR),
        )
        yield FieldRow(t("field.contact_name"), text_input("contact-name"))
        yield FieldRow(t("field.staff_id"), text_input("contact-staff"))
        yield FieldRow(t("field.from_number"), text_input("contact-number"))
        yield Checkbox(t("cli.h.workplace"), id="contact-workplace", compact=True)
        yield Checkbox(t("cli.h.contacts_called"), id="contact-contacts", compact=True)
        yield FieldRow(t("field.contact_text"), text_input("contact-text"))
        yield FieldRow(
            t("form.note.stage"),
            stage_select("contact-stage", None),
            hint=t("form.contact.stage_hint"),
        )
        yield FileRows("contact")

    def collect(self) -> ContactAnswer:
        values = self.collect_all(
            {
                "contact-at": _minute,
                "contact-name": lambda text: clean_field(text, "contact_name"),
                "contact-staff": lambda text: clean_field(text, "staff_id"),
                "contact-number": lambda text: clean_field(text, "from_number"),
                "contact-text": lambda text: clean_note(text) if text.strip() else "",
                **self.file_parsers(),
            }
        )
        stage = self.query_one("#contact-stage", Select).value
        typed = ContactInput(
            direction=str(self.query_one("#contact-direction", Select).value),
            channel=str(self.query_one("#contact-channel", Select).value),
            party=str(self.query_one("#contact-party", Select).value),
            at=values["contact-at"],
            name=values["contact-name"],
            staff_id=values["contact-staff"],
            from_number=values["contact-number"],
            workplace=self.query_one("#contact-workplace", Checkbox).value,
            contacts_called=self.query_one("#contact-contacts", Checkbox).value,
            text=values["contact-text"],
            stage=StageKey(stage) if isinstance(stage, str) else None,
        )
        return ContactAnswer(typed, self.typed_files(values))


class ComplaintForm(FilesForm[ComplaintAnswer]):
    """Dismisses with `{"typed": ComplaintInput, "files": (Path, ...)}`; opens with the
    cited contacts and what they breached already written in."""

    ENTER_ADVANCES = True
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.contact.not_found": "complaint-cites",
        "err.contact.other_platform": "complaint-cites",
        "err.complaint.reply_before_filed": "complaint-reply",
        "err.date.range": "complaint-reply",
    }

    def __init__(self, platform_name: str, today: date, cites: list[int], grounds: str) -> None:
        super().__init__()
        self.platform_name = platform_name
        self.today = today
        self.cites = cites
        self.grounds = grounds

    def title_text(self) -> Text:
        return plain(t("form.complaint.title", name=self.platform_name))

    def fields(self) -> ComposeResult:
        yield FieldRow(
            t("form.complaint.channel"),
            choice(
                "complaint-channel",
                ComplaintChannel,
                "complaint.channel",
                ComplaintChannel.PLATFORM,
            ),
        )
        yield FieldRow(
            t("form.complaint.filed"), text_input("complaint-filed", self.today.isoformat())
        )
        yield FieldRow(
            t("form.complaint.reply_by"),
            text_input("complaint-reply"),
            hint=t("form.complaint.reply_hint"),
        )
        yield FieldRow(t("field.ticket"), text_input("complaint-ticket"))
        cited = " ".join(f"#{contact_id}" for contact_id in self.cites)
        yield FieldRow(
            t("form.complaint.cites"),
            text_input("complaint-cites", cited),
            hint=t("form.complaint.cites_hint"),
        )
        yield FieldRow(t("field.asked"), text_input("complaint-asked", self.grounds))
        yield FileRows("complaint")

    def collect(self) -> ComplaintAnswer:
        def day(text: str) -> str:
            if text.strip():
                parse_date(text, self.today)
            return text

        values = self.collect_all(
            {
                "complaint-filed": day,
                "complaint-reply": day,
                "complaint-ticket": lambda text: clean_field(text, "ticket"),
                "complaint-cites": lambda text: tuple(text.replace(",", " ").split()),
                "complaint-asked": lambda text: clean_note(text) if text.strip() else "",
                **self.file_parsers(),
            }
        )
        typed = ComplaintInput(
            channel=str(self.query_one("#complaint-channel", Select).value),
            filed=values["complaint-filed"],
            ticket=values["complaint-ticket"],
            reply_by=values["complaint-reply"],
            asked=values["complaint-asked"],
            cites=values["complaint-cites"],
        )
        return ComplaintAnswer(typed, self.typed_files(values))
