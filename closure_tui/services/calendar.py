"""Calendar export (RFC 5545, via `icalendar`): one VTODO with an alarm per open reminder.

UIDs depend only on the reminder id, so importing a newer export into the same calendar
updates the items instead of duplicating them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from closure_tui.domain.reminders import Reminder
from closure_tui.i18n import t
from closure_tui.services.reminder_labels import reminder_subject, reminder_text
from closure_tui.services.reminders import Reminders

if TYPE_CHECKING:
    from icalendar import Todo

#: Namespace for reminder UIDs; never change it, or calendars would duplicate every item.
UID_NAMESPACE = uuid.UUID("6f1c2b0e-5a43-4c1e-9d0b-3c7a2e9f4b11")
UID_DOMAIN = "closure-tui"
#: Alarms go off at 09:00 on the reminder's day (the all-day item starts at midnight).
ALARM_AFTER_START = timedelta(hours=9)
PRODID = "-//closure-tui//closure-tui reminders//EN"


def reminder_uid(reminder_id: int) -> str:
    return f"{uuid.uuid5(UID_NAMESPACE, f'reminder/{reminder_id}')}@{UID_DOMAIN}"


def reminder_summary(reminder: Reminder, platform: str) -> str:
    text = reminder_text(reminder)
    return f"{platform} · {reminder_subject(reminder)}" + (f": {text}" if text else "")


def _todo(reminder: Reminder, platform: str, stamp: datetime) -> Todo:
    from icalendar import Alarm, Todo

    summary = reminder_summary(reminder, platform)
    todo = Todo()
    todo.add("uid", reminder_uid(reminder.id))
    todo.add("dtstamp", stamp)
    todo.add("created", reminder.created.astimezone(UTC))
    todo.add("summary", summary)
    todo.add("description", reminder_text(reminder) or summary)
    todo.add("dtstart", reminder.when)
    todo.add("due", reminder.when + timedelta(days=1))
    todo.add("status", "NEEDS-ACTION")
    todo.add("categories", [t("ics.calendar_name")])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", ALARM_AFTER_START)
    todo.add_component(alarm)
    return todo


def calendar_bytes(reminders: Reminders) -> tuple[bytes, int]:
    """The `.ics` text of every open reminder, and how many items it holds."""
    from icalendar import Calendar

    names = reminders.platform_names()
    stamp = reminders.closures.clock.now().astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", t("ics.calendar_name"))
    items = [r for r in reminders.find() if r.platform_id in names]
    for reminder in items:
        calendar.add_component(_todo(reminder, names[reminder.platform_id], stamp))
    return calendar.to_ical(), len(items)


def write_calendar(reminders: Reminders, path: Path) -> int:
    """Write the `.ics` file atomically, readable by the user alone; returns the item count."""
    from closure_tui.store.fsutil import atomic_write

    data, count = calendar_bytes(reminders)
    atomic_write(path, data)
    return count
