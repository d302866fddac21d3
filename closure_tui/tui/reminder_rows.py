"""The keys of a reminder row, the same in the agenda and on a platform's screen:
`d` done, `s` snooze, `x` dismiss, `e` edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from closure_tui.services.reminders import Reminders
from closure_tui.tui.closure_app import closure_app


class ReminderRows:
    """Mix into the screen or widget that shows reminders; it provides `selected_id`."""

    if TYPE_CHECKING:

        def selected_id(self) -> int | None: ...

    app: Any

    def action_reminder_done(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            closure_app(self).perform(lambda service: Reminders(service).done(reminder_id))

    def action_dismiss_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            closure_app(self).perform(lambda service: Reminders(service).dismiss(reminder_id))

    def action_snooze_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            closure_app(self).ask_snooze(reminder_id)

    def action_edit_reminder(self) -> None:
        reminder_id = self.selected_id()
        if reminder_id is not None:
            closure_app(self).ask_reminder_edit(reminder_id)
