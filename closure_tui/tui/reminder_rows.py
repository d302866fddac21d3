"""The keys of a reminder row, the same in the agenda and on a platform's screen:
`d` done, `s` snooze, `x` dismiss, `e` edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from closure_tui.services.reminders import Reminders
from closure_tui.tui.bindings import bind

if TYPE_CHECKING:
    from closure_tui.tui.app import ClosureApp

REMINDER_ROW_BINDINGS = [
    bind("d", "reminder_done", "reminder_done"),
    bind("s", "snooze_reminder", "snooze"),
    bind("x", "dismiss_reminder", "dismiss_reminder"),
    bind("e", "edit_reminder", "edit_reminder"),
]


class ReminderRows:
    """Mix into the screen or widget that shows reminders; it provides `selected_id`."""

    if TYPE_CHECKING:

        def selected_id(self) -> int | None: ...

    @property
    def closure_app(self) -> ClosureApp:
        return cast("ClosureApp", self.app)  # type: ignore[attr-defined]

    def action_reminder_done(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            self.closure_app.perform(lambda service: Reminders(service).done(reminder_id))

    def action_dismiss_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            self.closure_app.perform(lambda service: Reminders(service).dismiss(reminder_id))

    def action_snooze_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            self.closure_app.ask_snooze(reminder_id)

    def action_edit_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            self.closure_app.ask_reminder_edit(reminder_id)
