"""How a reminder reads, in the current language: shared by the CLI, the TUI and the calendar."""

from __future__ import annotations

from datetime import date

from closure_tui.domain.reminders import Reminder, ReminderKind
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t

#: Follow-ups about something other than a stage, with a subject of their own.
SUBJECTS = frozenset(
    {
        ReminderKind.CREDIT_REPORT,
        ReminderKind.DEDUCTION_CHECK,
        ReminderKind.DISPUTE_ANSWER,
        ReminderKind.REPORT_RECHECK,
        ReminderKind.COMPLAINT_REPLY,
    }
)


def reminder_text(reminder: Reminder) -> str:
    """The user's text; an automatic follow-up left blank reads as its standard wording."""
    if reminder.text:
        return reminder.text
    if reminder.kind is not ReminderKind.MANUAL:
        return t(f"reminder.kind.{reminder.kind.value}")
    return ""


def reminder_subject(reminder: Reminder) -> str:
    """The stage label, or what a follow-up without a stage is about."""
    if reminder.stage is not None:
        return t(f"stage.{reminder.stage.value}")
    if reminder.kind in SUBJECTS:
        return t(f"reminder.subject.{reminder.kind.value}")
    return t("reminder.subject.none")


def due_status(reminder: Reminder, today: date) -> str:
    """ "overdue by N days", "due today" or "due in N days"."""
    days = (reminder.when - today).days
    if days < -1:
        return t("reminder.overdue", days=-days)
    if days == -1:
        return t("reminder.overdue_one")
    if days == 0:
        return t("reminder.today")
    if days == 1:
        return t("reminder.in_one_day")
    return t("reminder.in_days", days=days)


def reminder_line_parts(reminder: Reminder, platform: str, today: date) -> list[str]:
    """Terminal-safe cells: id, date, platform, subject, status, text."""
    return [
        f"#{reminder.id}",
        reminder.when.isoformat(),
        display_safe(platform),
        reminder_subject(reminder),
        due_status(reminder, today),
        display_safe(reminder_text(reminder)),
    ]
