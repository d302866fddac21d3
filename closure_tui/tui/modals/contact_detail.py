"""One contact or complaint in full, opened with Enter from the platform screen; a
complaint's reply, resolution or escalation is recorded from here (`s`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Select, Static

from closure_tui.domain.complaints import ComplaintStatus
from closure_tui.domain.dates import parse_date
from closure_tui.domain.errors import DomainError
from closure_tui.domain.text import clean_note
from closure_tui.i18n import t
from closure_tui.services.complaints import Complaints
from closure_tui.services.contact_labels import (
    breaches_text,
    complaint_status_text,
    contact_how,
    contact_who,
)
from closure_tui.services.contacts import ContactLog
from closure_tui.tui.actions import WriteGuard, bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.contact_logs import complaints_of, contact_log
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain


def _line(text: Text, label: str, value: str, style: str = "") -> None:
    if value:
        text.append(t("label.colon", label=label), style="bold")
        text.append_text(plain(value, multiline=True, style=style))
        text.append("\n")


class RecordDetail(WriteGuard, ModalScreen[None]):
    """A read-only page of one record; escape goes back."""

    CSS_PATH = "forms.tcss"
    BINDINGS = bindings("record_detail")

    def __init__(self, record_id: int) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("", markup=False, classes="dialog-title", id="detail-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static("", markup=False, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self.redraw)

    def redraw(self, _: object = None) -> None:
        try:
            shown = closure_app(self).read(lambda _service: self.describe(), None)
        except DomainError:
            shown = None
        if shown is None:
            self.dismiss(None)
            return
        title, body = shown
        self.query_one("#detail-title", Static).update(title)
        self.query_one("#detail", Static).update(body)

    def describe(self) -> tuple[str, Text]:
        raise NotImplementedError

    @property
    def privacy(self) -> bool:
        return closure_app(self).privacy

    def action_close(self) -> None:
        self.dismiss(None)


class ContactDetail(RecordDetail):
    def describe(self) -> tuple[str, Text]:
        log = contact_log(closure_app(self))
        if log is None:
            raise DomainError("err.contact.not_found", ref=str(self.record_id))
        contact = log.get(self.record_id)
        body = Text()
        _line(body, t("form.contact.at"), contact.at.isoformat(sep=" ", timespec="minutes"))
        _line(body, t("form.contact.channel"), contact_how(contact))
        _line(body, t("form.contact.party"), contact_who(contact, reveal=not self.privacy))
        if contact.stage is not None:
            _line(body, t("form.note.stage"), t(f"stage.{contact.stage.value}"))
        found = log.breaches().get(contact.id, ())
        _line(body, t("tui.contacts.col.breaches"), breaches_text(found, log.rules), "bold red")
        _line(body, t("field.contact_text"), contact.text)
        for ref in contact.files:
            _line(body, t("form.contact.file"), f"{ref.path} ({ref.size} B, {ref.sha256[:12]}…)")
        return t("tui.contact.detail_title", id=contact.id), body


class ComplaintDetail(RecordDetail):
    BINDINGS = bindings("record_detail", "complaint_detail")

    def describe(self) -> tuple[str, Text]:
        complaints = complaints_of(closure_app(self))
        if complaints is None:
            raise DomainError("err.complaint.not_found", ref=str(self.record_id))
        complaint = complaints.get(self.record_id)
        today = complaints.closures.today()
        body = Text()
        _line(body, t("form.complaint.channel"), t(f"complaint.channel.{complaint.channel.value}"))
        _line(body, t("form.complaint.filed"), complaint.filed_on.isoformat())
        _line(body, t("field.ticket"), complaint.ticket)
        _line(body, t("form.complaint.reply_by"), complaint.reply_by.isoformat())
        late = complaint.overdue_days(today) > 0
        status = complaint_status_text(complaint, today)
        _line(body, t("tui.complaints.col.status"), status, "bold red" if late else "")
        cites = " ".join(f"#{i}" for i in complaint.cites)
        _line(body, t("form.complaint.cites"), cites)
        grounds = breaches_text(complaints.grounds(complaint.cites), complaints.log.rules)
        _line(body, t("tui.contacts.col.breaches"), grounds, "bold red")
        _line(body, t("field.asked"), complaint.asked)
        _line(body, t("field.outcome"), complaint.outcome)
        for ref in complaint.files:
            _line(body, t("form.contact.file"), f"{ref.path} ({ref.size} B, {ref.sha256[:12]}…)")
        return t("tui.complaint.detail_title", id=complaint.id), body

    def action_move_complaint(self) -> None:
        complaint_id = self.record_id
        form = StatusForm()
        form.saving(
            lambda service, a: Complaints(ContactLog(service)).move(
                complaint_id, a.status, a.on, a.outcome, a.escalated_to
            )
        )
        self.app.push_screen(form)


@dataclass(frozen=True, slots=True)
class StatusAnswer:
    status: str
    on: str
    outcome: str
    escalated_to: str


class StatusForm(FormModal[StatusAnswer]):
    """The next status of a complaint, the day and the outcome."""

    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.complaint.status_step": "status-on",
        "err.complaint.status_before_filed": "status-on",
        "err.complaint.escalated_to": "status-to",
        "err.complaint.not_found": "status-to",
    }

    def title_text(self) -> str:
        return t("form.status.title")

    def fields(self) -> ComposeResult:
        options = [
            (t(f"complaint.status.{s.value}"), s.value)
            for s in ComplaintStatus
            if s is not ComplaintStatus.FILED
        ]
        yield FieldRow(
            t("tui.complaints.col.status"),
            Select(options, value="replied", allow_blank=False, compact=True, id="status-value"),
        )
        yield FieldRow(t("form.status.on"), text_input("status-on"), hint=t("form.status.on_hint"))
        yield FieldRow(t("field.outcome"), text_input("status-outcome"))
        yield FieldRow(t("cli.h.escalated_to"), text_input("status-to"))

    def collect(self) -> StatusAnswer:
        service = closure_app(self).service
        today = None if service is None else service.today

        def day(text: str) -> str:
            if text.strip() and today is not None:
                parse_date(text, today())
            return text

        values = self.collect_all(
            {
                "status-on": day,
                "status-outcome": lambda text: clean_note(text) if text.strip() else "",
                "status-to": str.strip,
            }
        )
        return StatusAnswer(
            status=str(self.query_one("#status-value", Select).value),
            on=values["status-on"],
            outcome=values["status-outcome"],
            escalated_to=values["status-to"],
        )
