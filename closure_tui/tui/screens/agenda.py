"""The agenda (`g`): every open reminder by date, with done / snooze / dismiss."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from closure_tui.i18n import t
from closure_tui.services.reminders import Reminders
from closure_tui.tui.bindings import WriteGuard, bind, undo_keys
from closure_tui.tui.reminder_cells import agenda_row
from closure_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from closure_tui.tui.app import ClosureApp


class AgendaScreen(WriteGuard, Screen[None]):
    """Read-only stores hide the done / snooze / dismiss / edit keys (`WriteGuard`)."""

    #: In the Footer (80 columns): back, done, snooze, dismiss, undo and `?`; edit is in `?`.
    BINDINGS = [
        bind("escape", "app.pop_screen", "agenda_back"),
        bind("d", "reminder_done", "reminder_done"),
        bind("s", "snooze_reminder", "snooze"),
        bind("x", "dismiss_reminder", "dismiss_reminder"),
        bind("e", "edit_reminder", "edit_reminder", show=False),
        *undo_keys(),
    ]

    @property
    def closure_app(self) -> ClosureApp:
        return cast("ClosureApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("tui.agenda.title"), id="agenda-title", markup=False)
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.agenda.empty"), id="agenda-empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("id", "date", "platform", "stage", "status", "text"):
            table.add_column(t(f"tui.agenda.col.{key}"), key=key)
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "privacy", self.reload, init=False)

    def reload(self) -> None:
        table = self.query_one(DataTable)
        service = self.closure_app.service
        if service is None:
            return
        selected = self.selected_id()
        reminders = Reminders(service)
        names = reminders.platform_names()
        today = service.today()
        table.clear()
        for reminder in reminders.find():
            if reminder.platform_id in names:
                name = names[reminder.platform_id]
                row = agenda_row(reminder, name, today, privacy=self.closure_app.privacy)
                table.add_row(*row, key=str(reminder.id))
        self.query_one("#agenda-empty").display = table.row_count == 0
        if selected is not None and str(selected) in {k.value for k in table.rows}:
            table.move_cursor(row=table.get_row_index(str(selected)))

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def action_reminder_done(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            self.closure_app.perform(lambda service: Reminders(service).done(reminder_id))

    def action_dismiss_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            self.closure_app.perform(lambda service: Reminders(service).dismiss(reminder_id))

    def action_snooze_reminder(self) -> None:
        from closure_tui.tui.modals.reminder_form import ReminderForm

        reminder_id = self.selected_id()
        service = self.closure_app.service
        if reminder_id is None or service is None:
            return

        def snoozed(answer: dict[str, str] | None) -> None:
            if answer is not None:
                self.closure_app.perform(
                    lambda service: Reminders(service).snooze(reminder_id, answer["date"])
                )

        form = ReminderForm(t("tui.reminder.snooze_title"), service.today(), ask_text=False)
        self.app.push_screen(form, snoozed)

    def action_edit_reminder(self) -> None:
        from closure_tui.tui.modals.reminder_form import ReminderForm

        reminder_id = self.selected_id()
        service = self.closure_app.service
        if reminder_id is None or service is None:
            return
        reminder = Reminders(service).get(reminder_id)

        def edited(answer: dict[str, str] | None) -> None:
            if answer is not None:
                self.closure_app.perform(
                    lambda service: Reminders(service).edit(
                        reminder_id, when=answer["date"], text=answer["text"]
                    )
                )

        form = ReminderForm(
            t("tui.reminder.edit_title", id=reminder_id),
            service.today(),
            when=reminder.when.isoformat(),
            text=reminder.text,
        )
        self.app.push_screen(form, edited)
