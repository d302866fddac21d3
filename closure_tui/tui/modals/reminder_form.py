"""Asks for a reminder's date (same forms as the CLI: 2026-12-05, 明天, +10d …) and text."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from closure_tui.domain.dates import parse_date
from closure_tui.domain.errors import DomainError
from closure_tui.domain.text import display_safe
from closure_tui.i18n import describe, t
from closure_tui.tui.bindings import bind
from closure_tui.tui.widgets.safe_input import SafeInput


class ReminderForm(ModalScreen[dict[str, str] | None]):
    """Returns `{"date": ..., "text": ...}` (text omitted when `ask_text` is False), or None."""

    CSS_PATH = "reminder_form.tcss"
    BINDINGS = [bind("escape", "cancel", "reminder_cancel")]

    def __init__(
        self, title: str, today: date, *, ask_text: bool = True, when: str = "", text: str = ""
    ) -> None:
        super().__init__()
        self.heading = title
        self.today = today
        self.ask_text = ask_text
        self.initial_date = when
        self.initial_text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.heading, markup=False)
            yield SafeInput(
                self.initial_date, placeholder=t("tui.reminder.date_hint"), id="reminder-date"
            )
            if self.ask_text:
                yield SafeInput(
                    display_safe(self.initial_text),  # a hand-edited file may hold escapes
                    placeholder=t("tui.reminder.text_hint"),
                    id="reminder-text",
                )
            yield Static("", id="error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        when = self.query_one("#reminder-date", Input).value
        try:
            parse_date(when, self.today)
        except DomainError as error:
            self.query_one("#error", Static).update(describe(error.key, error.params))
            self.query_one("#reminder-date", Input).focus()
            return
        if self.ask_text and event.input.id == "reminder-date":
            self.query_one("#reminder-text", Input).focus()
            return
        result = {"date": when}
        if self.ask_text:
            result["text"] = self.query_one("#reminder-text", Input).value
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
