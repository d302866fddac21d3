"""How a reminder looks in tables: overdue in red, due today highlighted, user text literal."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from closure_tui.domain.reminders import Reminder, ReminderKind
from closure_tui.domain.text import display_safe, hide_figures
from closure_tui.i18n import t
from closure_tui.services.reminder_labels import due_status, reminder_subject, reminder_text
from closure_tui.tui.text import plain

OVERDUE_STYLE = "bold red"
TODAY_STYLE = "bold reverse"


def due_style(reminder: Reminder, today: date) -> str:
    if reminder.when < today:
        return OVERDUE_STYLE
    return TODAY_STYLE if reminder.when == today else ""


def next_reminder_cell(reminder: Reminder | None, today: date) -> Text:
    """The dashboard's next-reminder cell: its date, styled by how due it is."""
    if reminder is None:
        return Text()
    return Text(reminder.when.isoformat(), style=due_style(reminder, today))


def agenda_row(
    reminder: Reminder, platform: str, today: date, *, privacy: bool = False
) -> list[Text]:
    """id, date, platform, stage, status, text (its figures hidden in privacy mode)."""
    style = due_style(reminder, today)
    text = reminder_text(reminder)
    return [
        Text(f"#{reminder.id}"),
        Text(reminder.when.isoformat(), style=style),
        plain(platform),
        Text(reminder_subject(reminder)),
        Text(due_status(reminder, today), style=style),
        plain(hide_figures(text) if privacy else text),
    ]


def reminder_name(reminder: Reminder, platform: str) -> str:
    """What a dialog about the reminder names: the platform, then its stage or its text."""
    subject = reminder_subject(reminder)
    if reminder.stage is None and reminder.kind is ReminderKind.MANUAL:
        subject = display_safe(reminder_text(reminder))
    return " · ".join(part for part in (display_safe(platform), subject) if part)


def reminder_line(reminder: Reminder, platform: str, today: date) -> str:
    """One line for a notification (plain text; notifications are shown without markup)."""
    text = display_safe(reminder_text(reminder))
    parts = [display_safe(platform), reminder_subject(reminder), due_status(reminder, today)]
    subject = " · ".join(parts)
    return t("report.pair", label=subject, value=text) if text else subject
