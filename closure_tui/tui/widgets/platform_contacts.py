"""A platform's contact log and complaints on its screen: each contact with its conduct
breaches, each complaint with its reply-due date; Enter opens one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from closure_tui.i18n import t
from closure_tui.services.contact_labels import (
    breaches_text,
    complaint_status_text,
    contact_how,
    contact_who,
)
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.contact_logs import complaints_of, contact_log
from closure_tui.tui.text import plain
from closure_tui.tui.widgets.row_table import RowTable

CONTACT_COLUMNS = ("at", "breaches", "how", "who")
COMPLAINT_COLUMNS = ("filed", "channel", "ticket", "reply_by", "status")


class ContactsSection(Vertical):
    """Two titled tables; hidden parts stay out of the way while a platform has none."""

    def __init__(self, platform_id: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.platform_id = platform_id

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="contacts-title", classes="section-title")
        yield RowTable(id="contacts-table")
        yield Static("", markup=False, id="complaints-title", classes="section-title")
        yield RowTable(id="complaints-table")

    def on_mount(self) -> None:
        for name in ("data_version", "language", "privacy", "today"):
            self.watch(self.app, name, self.reload, init=name == "data_version")

    def reload(self, _: object = None) -> None:
        closure_app(self).read(lambda _service: self._fill(), None)

    def _fill(self) -> None:
        app = closure_app(self)
        log, complaints = contact_log(app), complaints_of(app)
        if log is None or complaints is None:
            return
        privacy = app.privacy
        contacts = log.contacts(self.platform_id)
        found = log.breaches()
        table = self.query_one("#contacts-table", RowTable)
        _reset(table, CONTACT_COLUMNS, "contacts")
        for contact in reversed(contacts):
            breaches = found.get(contact.id, ())
            table.add_row(
                Text(contact.at.isoformat(sep=" ", timespec="minutes")),
                Text(breaches_text(breaches, log.rules), style="bold red" if breaches else ""),
                Text(contact_how(contact)),
                plain(contact_who(contact, reveal=not privacy)),
                key=str(contact.id),
            )
        in_breach = sum(1 for c in contacts if c.id in found)
        title = t("tui.contacts.title", count=len(contacts), breaches=in_breach)
        self.query_one("#contacts-title", Static).update(title)
        for selector in ("#contacts-title", "#contacts-table"):
            self.query_one(selector).display = bool(contacts)
        listed = complaints.complaints(self.platform_id)
        today = complaints.closures.today()
        table = self.query_one("#complaints-table", RowTable)
        _reset(table, COMPLAINT_COLUMNS, "complaints")
        for complaint in reversed(listed):
            late = complaint.overdue_days(today) > 0
            table.add_row(
                Text(complaint.filed_on.isoformat()),
                Text(t(f"complaint.channel.{complaint.channel.value}")),
                plain(complaint.ticket),
                Text(complaint.reply_by.isoformat()),
                Text(complaint_status_text(complaint, today), style="bold red" if late else ""),
                key=str(complaint.id),
            )
        title = t("tui.complaints.title", count=len(listed))
        self.query_one("#complaints-title", Static).update(title)
        for selector in ("#complaints-title", "#complaints-table"):
            self.query_one(selector).display = bool(listed)

    def highlighted_contact(self) -> int | None:
        """The contact under the cursor while the contacts table has the focus."""
        table = self.query_one("#contacts-table", RowTable)
        key = table.selected_key() if table.has_focus else None
        return None if key is None else int(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from closure_tui.tui.modals.contact_detail import ComplaintDetail, ContactDetail

        event.stop()
        record_id = int(str(event.row_key.value))
        if event.data_table.id == "contacts-table":
            self.app.push_screen(ContactDetail(record_id))
        else:
            self.app.push_screen(ComplaintDetail(record_id))


def _reset(table: RowTable, columns: tuple[str, ...], prefix: str) -> None:
    table.clear(columns=True)
    for key in columns:
        table.add_column(t(f"tui.{prefix}.col.{key}"), key=key)
