"""Calendar export (RFC 5545, via `icalendar`): one VTODO with an alarm per reminder.

UIDs are the store's random id (made once, kept in its meta) and the reminder id, so
importing a newer export into the same calendar updates the items instead of
duplicating them, and two stores never share one. Reminders closed in the last 90
days are written again as completed or cancelled so the calendar closes them too.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from closure_tui.domain.errors import DomainError
from closure_tui.domain.history import EventState
from closure_tui.domain.reminders import Reminder, ReminderState
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.reminder_labels import reminder_subject, reminder_text
from closure_tui.services.reminders import Reminders

if TYPE_CHECKING:
    from icalendar import Todo

    from closure_tui.services.closures import Closures

#: Namespace for reminder UIDs; never change it, or calendars would duplicate every item.
UID_NAMESPACE = uuid.UUID("6f1c2b0e-5a43-4c1e-9d0b-3c7a2e9f4b11")
UID_DOMAIN = "closure-tui"
#: The to-do is due on the reminder's day (a date, i.e. its midnight); the alarm goes
#: off this long after that: 09:00 on the same day.
ALARM_AFTER_DUE = timedelta(hours=9)
#: How long a done or dismissed reminder is still written, so a calendar that imported
#: an earlier export closes it.
KEEP_CLOSED = timedelta(days=90)
STATUS = {
    ReminderState.OPEN: "NEEDS-ACTION",
    ReminderState.DONE: "COMPLETED",
    ReminderState.DISMISSED: "CANCELLED",
}
PRODID = "-//closure-tui//closure-tui reminders//EN"


def calendar_id(service: Closures) -> str:
    """The store's random id for UIDs: made and saved on the first export from a writer.

    A read-only view of a store that has none yet cannot make it, and any stand-in
    would change the UIDs (or collide with another store's), so that export is refused.
    """
    existing = service.store_id()
    if existing is not None:
        return existing
    if service.read_only:
        raise DomainError("err.calendar.no_id")
    return service.store.ensure_store_id()


def reminder_uid(store_id: str, reminder_id: int) -> str:
    return f"{uuid.uuid5(UID_NAMESPACE, f'{store_id}/reminder/{reminder_id}')}@{UID_DOMAIN}"


def reminder_summary(reminder: Reminder, platform: str) -> str:
    text = display_safe(reminder_text(reminder))
    subject = f"{display_safe(platform)} · {display_safe(reminder_subject(reminder))}"
    return subject + (f": {text}" if text else "")


def _todo(reminder: Reminder, platform: str, stamp: datetime, store_id: str) -> Todo:
    from icalendar import Alarm, Todo

    summary = reminder_summary(reminder, platform)
    todo = Todo()
    todo.add("uid", reminder_uid(store_id, reminder.id))
    todo.add("dtstamp", stamp)
    todo.add("created", reminder.created.astimezone(UTC))
    todo.add("summary", summary)
    todo.add("description", display_safe(reminder_text(reminder), multiline=True) or summary)
    todo.add("due", reminder.when)
    todo.add("status", STATUS[reminder.state])
    todo.add("categories", [t("ics.calendar_name")])
    if reminder.is_open:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", ALARM_AFTER_DUE, parameters={"RELATED": "END"})
        todo.add_component(alarm)
    return todo


def closed_since(reminders: Reminders, cutoff: date) -> set[int]:
    """Ids of reminders whose last recorded change closed them on or after `cutoff` (days,
    so stored times with and without a zone compare alike)."""
    closed: dict[int, bool] = {}
    for event in reminders.history.events():
        if event.state is not EventState.APPLIED:
            continue
        for item_id, doc in event.after.get("reminders", {}).items():
            state = doc.get("state") if doc is not None else None
            if state is not None:
                closed[item_id] = state != ReminderState.OPEN and event.at.date() >= cutoff
    return {item_id for item_id, is_closed in closed.items() if is_closed}


def _items(reminders: Reminders, platform_id: int | None) -> list[Reminder]:
    everything = reminders.find(platform_id, include_closed=True)
    if all(r.is_open for r in everything):
        return everything
    recent = closed_since(reminders, reminders.closures.today() - KEEP_CLOSED)
    return [r for r in everything if r.is_open or r.id in recent]


def calendar_bytes(
    reminders: Reminders, store_id: str, platform_id: int | None = None
) -> tuple[bytes, int]:
    """The `.ics` text, and how many open reminders it holds (closed ones are extra)."""
    from icalendar import Calendar

    names = reminders.platform_names()
    stamp = reminders.closures.clock.now().astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", t("ics.calendar_name"))
    items = [r for r in _items(reminders, platform_id) if r.platform_id in names]
    for reminder in items:
        calendar.add_component(_todo(reminder, names[reminder.platform_id], stamp, store_id))
    return calendar.to_ical(), sum(r.is_open for r in items)


def write_calendar(
    reminders: Reminders, path: Path, store_id: str, platform_id: int | None = None
) -> int:
    """Write the `.ics` file atomically, readable by the user alone; returns the open count."""
    from closure_tui.store.fsutil import atomic_write

    data, count = calendar_bytes(reminders, store_id, platform_id)
    atomic_write(path, data)
    return count
