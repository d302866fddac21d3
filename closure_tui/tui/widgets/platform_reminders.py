"""One platform's open reminders on its screen; a row takes the agenda's keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.tui.actions import WriteGuard, bindings, localize
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.reminder_cells import agenda_row
from closure_tui.tui.reminder_rows import ReminderRows
from closure_tui.tui.widgets.row_table import RowTable

#: The agenda's columns without the platform: date, stage, status, text.
COLUMNS = ("date", "stage", "status", "text")


class PlatformReminders(ReminderRows, WriteGuard, RowTable):
    """Redraws itself after every change, when the language changes and at midnight."""

    #: In the Footer beside the screen's keys: done and snooze; dismiss and edit are in `?`.
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("platform_reminders"))

    def __init__(self, platform_id: int, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.platform_id = platform_id

    def on_mount(self) -> None:
        localize(self)
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "language", self.reload, init=False)
        self.watch(self.app, "today", self.reload, init=False)  # "due in N days" moves on
        self.watch(self.app, "privacy", self.reload, init=False)

    def reload(self, _: object = None) -> None:
        closure_app(self).read(self._fill, None)

    def _fill(self, service: Closures) -> None:
        selected = self.selected_key()
        self.clear(columns=True)
        for key in COLUMNS:
            self.add_column(t(f"tui.agenda.col.{key}"), key=key)
        today = service.today()
        for reminder in Reminders(service).find(self.platform_id):
            cells = agenda_row(reminder, "", today, privacy=closure_app(self).privacy)
            self.add_row(*cells[1:2], *cells[3:], key=str(reminder.id))
        self.display = self.row_count > 0
        if selected is not None and selected in {k.value for k in self.rows}:
            self.move_cursor(row=self.get_row_index(selected))

    def selected_id(self) -> int | None:
        key = self.selected_key()
        return None if key is None else int(key)
