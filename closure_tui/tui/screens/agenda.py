"""The agenda (`g`): every open reminder by date, with done / snooze / dismiss / edit, and
Enter opening the reminder's platform at its stage."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.tui.actions import WriteGuard, bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.reminder_cells import agenda_row
from closure_tui.tui.reminder_rows import ReminderRows
from closure_tui.tui.widgets.row_table import RowTable
from closure_tui.tui.widgets.title_bar import TitleBar


class AgendaScreen(ReminderRows, WriteGuard, Screen[None]):
    """Read-only stores hide the done / snooze / dismiss / edit keys (`WriteGuard`)."""

    #: In the Footer (80 columns): back, done, snooze, dismiss, undo and `?`; edit is in `?`.
    BINDINGS = bindings("agenda")

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("tui.agenda.title"), id="agenda-title", markup=False)
        yield RowTable(id="agenda")
        yield Static(t("tui.agenda.empty"), id="agenda-empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        for key in ("id", "date", "platform", "stage", "status", "text"):
            table.add_column(t(f"tui.agenda.col.{key}"), key=key)
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "today", self.reload, init=False)
        self.watch(self.app, "privacy", self.reload, init=False)

    def reload(self) -> None:
        closure_app(self).read(self._fill, None)

    def _fill(self, service: Closures) -> None:
        table = self.query_one(RowTable)
        selected = self.selected_id()
        reminders = Reminders(service)
        names = reminders.platform_names()
        today = service.today()
        table.clear()
        for reminder in reminders.find():
            if reminder.platform_id in names:
                name = names[reminder.platform_id]
                row = agenda_row(reminder, name, today, privacy=closure_app(self).privacy)
                table.add_row(*row, key=str(reminder.id))
        self.query_one("#agenda-empty").display = table.row_count == 0
        if selected is not None and str(selected) in {k.value for k in table.rows}:
            table.move_cursor(row=table.get_row_index(str(selected)))

    def selected_id(self) -> int | None:
        key = self.query_one(RowTable).selected_key()
        return None if key is None else int(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter: the reminder's platform, at the reminder's stage."""
        from closure_tui.tui.screens.platform import PlatformScreen

        event.stop()
        service = closure_app(self).service
        if service is None or event.row_key.value is None:
            return
        reminder = Reminders(service).get(int(event.row_key.value))
        self.app.push_screen(PlatformScreen(reminder.platform_id, stage=reminder.stage))
