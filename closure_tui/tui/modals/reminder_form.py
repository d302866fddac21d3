"""Asks for a reminder's date (same forms as the CLI: 2026-12-05, 明天, +10d …) and text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult

from closure_tui.domain.dates import parse_date
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain


@dataclass(frozen=True, slots=True)
class ReminderAnswer:
    """The date as typed (the service reads it against its clock) and the text ("" when
    the form did not ask for it)."""

    when: str
    text: str = ""


class ReminderForm(FormModal[ReminderAnswer]):
    """Asks for a date and, unless `ask_text` is False, a text.

    Enter in the date moves on to the text, so a date typed and confirmed is not saved
    before the text is written.
    """

    ENTER_ADVANCES = True
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.reminder.snooze_past": "reminder-date",
        "err.reminder.stage_done": "reminder-date",
        "reminder_text": "reminder-text",
    }

    def __init__(
        self, title: str, today: date, *, ask_text: bool = True, when: str = "", text: str = ""
    ) -> None:
        super().__init__()
        self.heading = title
        self.today = today
        self.ask_text = ask_text
        self.initial_date = when
        self.initial_text = text

    def title_text(self) -> Text:
        return plain(self.heading)

    def fields(self) -> ComposeResult:
        yield FieldRow(
            t("form.reminder.date"),
            text_input("reminder-date", self.initial_date, placeholder=t("tui.reminder.date_hint")),
        )
        if self.ask_text:
            yield FieldRow(
                t("form.reminder.text"),
                text_input(
                    "reminder-text", self.initial_text, placeholder=t("tui.reminder.text_hint")
                ),
            )

    def collect(self) -> ReminderAnswer:
        when = self.field_value("reminder-date", self._date)
        if not self.ask_text:
            return ReminderAnswer(when)
        return ReminderAnswer(when, self.field_value("reminder-text", str))

    def _date(self, text: str) -> str:
        """The date as typed once it parses: the service reads it against the same clock."""
        parse_date(text, self.today)
        return text
