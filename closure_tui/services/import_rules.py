"""The rules typed input goes through, applied to every record of a backup before import.

A backup is a file anyone can edit: without these checks an import could bring in a
100,000-character name, a 20 MB note, two names that differ only by an invisible
character, reminders of platforms that do not exist, or a history whose undo would
break the store. Each problem is named with its table and record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from closure_tui.domain.errors import DomainError
from closure_tui.domain.platform import Platform
from closure_tui.domain.text import clean_field, clean_name, clean_note
from closure_tui.i18n import CATALOGUE, describe, t
from closure_tui.store.codec import decode_note, decode_platform
from closure_tui.store.codec_reminders import decode_reminder

Tables = dict[str, dict[int, dict[str, Any]]]


#: One rule applied to one value: what it is called, the rule, and the rule's arguments.
Check = tuple[str, Callable[..., object], tuple[Any, ...]]


def _checked(where: str, rule: Callable[..., object], args: tuple[Any, ...]) -> Iterator[str]:
    try:
        rule(*args)
    except DomainError as error:
        yield t("err.import.record", where=where, problem=describe(error.key, error.params))


def _platform_checks(platform: Platform) -> Iterator[Check]:
    yield "name", clean_name, (platform.name,)
    for key in ("hotline", "app", "funder"):
        yield key, clean_field, (getattr(platform, key), key)
    for stage in platform.stages:
        yield stage.key.value, clean_field, (stage.skip_reason, "reason")
    if platform.payee is not None:
        payee = platform.payee
        yield "payee", clean_field, (payee.name, "payee_name")
        yield "payee", clean_field, (payee.bank, "bank")
        yield "payee", clean_field, (payee.verified_via, "verified_via")
    for payment in platform.payments:
        yield "payments", clean_field, (payment.reference, "reference")


def _platforms(tables: Tables) -> Iterator[str]:
    for item_id, doc in sorted(tables.get("platforms", {}).items()):
        platform = decode_platform(item_id, doc)
        for field, rule, args in _platform_checks(platform):
            yield from _checked(f"platforms #{item_id} {field}", rule, args)


def _notes_and_reminders(tables: Tables) -> Iterator[str]:
    platform_ids = set(tables.get("platforms", {}))
    for item_id, doc in sorted(tables.get("notes", {}).items()):
        note = decode_note(item_id, doc)
        yield from _checked(f"notes #{item_id}", clean_note, (note.text,))
    for item_id, doc in sorted(tables.get("reminders", {}).items()):
        reminder = decode_reminder(item_id, doc)
        where = f"reminders #{item_id}"
        yield from _checked(where, clean_field, (reminder.text, "reminder_text"))
        if reminder.platform_id not in platform_ids:
            yield t("err.import.no_platform", where=where, id=reminder.platform_id)


def _history(tables: Tables) -> Iterator[str]:
    """Unknown actions, and events whose undo (or redo), taken in the order undo and redo
    take them, would bring back a platform under a name another platform has by then."""
    events = sorted(tables.get("history", {}).items())
    for item_id, doc in events:
        action = doc.get("action")
        if f"history.action.{action}" not in CATALOGUE:
            where = f"history #{item_id}"
            yield t("err.import.unknown_action", where=where, action=str(action))
    undo = [(i, d) for i, d in reversed(events) if d.get("state") == "applied"]
    redo = [(i, d) for i, d in events if d.get("state") == "undone"]
    for stack, side in ((undo, "before"), (redo, "after")):
        yield from _replayed_names(tables, stack, side)


def _replayed_names(
    tables: Tables, stack: list[tuple[int, dict[str, Any]]], side: str
) -> Iterator[str]:
    names = {
        item_id: str(doc.get("name", "")).casefold()
        for item_id, doc in tables.get("platforms", {}).items()
    }
    for item_id, doc in stack:
        records = doc.get(side) or {}
        for platform_id, record in (records.get("platforms") or {}).items():
            if record is None:
                names.pop(int(platform_id), None)
            elif isinstance(record.get("name"), str):
                names[int(platform_id)] = record["name"].casefold()
        if len(set(names.values())) != len(names):
            yield t("err.import.undo_duplicate", where=f"history #{item_id}")
            return


def rule_problems(tables: Tables) -> list[str]:
    """Every problem of every record, in table order (empty: the backup may be imported)."""
    return [*_platforms(tables), *_notes_and_reminders(tables), *_history(tables)]
