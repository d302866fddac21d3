"""History told as sentences in the user's language: "已还款：收款账户核实日期 — → 2026-11-30",
"提醒「打给招行贷后」已完成". Never a field name, a Python value or an empty pair of brackets.

Shared by the `history` command, the TUI's history panel and the undo / redo toasts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from closure_tui.domain.history import Event
from closure_tui.domain.money import display_money
from closure_tui.domain.text import display_safe, hide_figures, mask_account
from closure_tui.i18n import CATALOGUE, t

Doc = Mapping[str, Any]
Items = dict[tuple[Any, ...], list[Any]]

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures

HIDDEN = "•••"
TEXT_MAX = 40
AMOUNTS = frozenset({"original", "settled", "amount"})
#: Stored codes, each read through its catalogue entry.
_CODED = {"state": "report.state.", "kind": "kind.", "stage": "stage."}
#: Bookkeeping the user never typed: not worth a sentence.
QUIET = frozenset({"created_on", "created", "attached_at", "stored", "sha256"})
#: A reminder's kind, basis and closer say which follow-up made it and who closed it: its
#: text and its state change already tell.
REMINDER_QUIET = QUIET | {"kind", "basis", "closed_by"}


@dataclass(frozen=True, slots=True)
class Lookup:
    """What an event does not carry itself: a patched reminder's text, a platform's name."""

    reminder: Callable[[int], Any]
    platform_name: Callable[[int], str]


def lookup_for(service: Closures) -> Lookup:
    def reminder(reminder_id: int) -> Any:
        return service.store.reminders.get(reminder_id)

    def platform_name(platform_id: int) -> str:
        platform = service.store.platforms.get(platform_id)
        return platform.name if platform is not None else ""

    return Lookup(reminder, platform_name)


@dataclass(frozen=True, slots=True)
class Shown:
    """How values are shown: accounts revealed (CLI `--reveal`) or everything hidden."""

    reveal: bool = False
    privacy: bool = False


PLAIN = Shown()


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed value of a record, e.g. `stages.paid.state`, for the history's sentences."""

    path: str
    before: Any
    after: Any


def diff_record(old: Any, new: Any) -> list[FieldChange]:
    """The leaf values that differ between two versions of one record's document."""
    changes: list[FieldChange] = []
    _diff("", old, new, changes)
    return changes


def _diff(prefix: str, old: Any, new: Any, out: list[FieldChange]) -> None:
    """Walk two JSON values; a record or list item that appears is compared with an empty one."""
    if isinstance(old, list) or isinstance(new, list):
        olds, news = old if isinstance(old, list) else [], new if isinstance(new, list) else []
        for index in range(max(len(olds), len(news))):
            _diff(
                f"{prefix}[{index + 1}]",
                olds[index] if index < len(olds) else None,
                news[index] if index < len(news) else None,
                out,
            )
    elif isinstance(old, dict) or isinstance(new, dict):
        old_map = old if isinstance(old, dict) else {}
        new_map = new if isinstance(new, dict) else {}
        for key in [*old_map, *(k for k in new_map if k not in old_map)]:
            _diff(f"{prefix}.{key}" if prefix else key, old_map.get(key), new_map.get(key), out)
    elif old != new and not (old in (None, "") and new in (None, "")):
        out.append(FieldChange(prefix, old, new))


def _short(text: str) -> str:
    return text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1] + "…"


def value_text(leaf: str, value: Any, shown: Shown) -> str:
    """One stored value as the user reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return t("hs.yes" if value else "hs.no")
    if leaf in AMOUNTS:
        return HIDDEN if shown.privacy else _money(value)
    if leaf == "account":
        if shown.privacy:
            return HIDDEN
        return str(value) if shown.reveal else mask_account(str(value))
    prefix = _CODED.get(leaf)
    if prefix is not None and f"{prefix}{value}" in CATALOGUE:
        return t(f"{prefix}{value}")
    text = _short(display_safe(str(value)))
    return hide_figures(text) if shown.privacy else text


def _money(value: Any) -> str:
    """`¥5,000.00`; a value an older file stored oddly is shown as it is."""
    try:
        return display_money(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return display_safe(str(value))


def _label(key: str) -> str:
    return t(key) if key in CATALOGUE else t("hs.other")


def _pair(label: str, leaf: str, change: FieldChange, shown: Shown) -> str:
    before = value_text(leaf, change.before, shown)
    after = value_text(leaf, change.after, shown)
    return t("hs.change", label=label, before=before, after=after)


_STAGE_PATH = re.compile(
    r"stages\.(?P<stage>\w+)\.(?:(?P<group>payee|evidence|payments)(?:\[(?P<index>\d+)\])?\.)?"
    r"(?P<leaf>\w+)"
)
_LIST_ITEM = re.compile(r"(?P<group>attachments)\[(?P<index>\d+)\]\.(?P<leaf>\w+)")


def _items(changes: list[FieldChange], pattern: re.Pattern[str]) -> Items:
    """Changes grouped by the list item they belong to, in order."""
    groups: Items = {}
    for change in changes:
        match = pattern.fullmatch(change.path)
        if match is not None:
            key = tuple(match.group(n) for n in pattern.groupindex if n != "leaf")
            groups.setdefault(key, []).append((match.group("leaf"), change))
    return groups


def _item_sentence(
    stage: str, kind: str, fields: list[tuple[str, FieldChange]], shown: Shown
) -> list[str]:
    """A payment or a file that appeared or went away is one sentence; else one per field."""
    before = {leaf: c.before for leaf, c in fields}
    after = {leaf: c.after for leaf, c in fields}
    if all(v is None for v in before.values()) or all(v is None for v in after.values()):
        added = all(v is None for v in before.values())
        doc = after if added else before
        if kind == "payments":
            detail = t(
                "hs.payment_detail",
                amount=value_text("amount", doc.get("amount"), shown),
                on=value_text("on", doc.get("on"), shown),
            )
        else:
            name = PurePath(str(doc.get("path") or "")).name or "—"
            detail = _short(display_safe(name))
        what = t(f"hs.{kind}.{'added' if added else 'removed'}", detail=detail)
        return [t("hs.in_stage", stage=t(f"hs.stage.{stage}"), text=what)]
    label = t(f"hs.{kind}.one")
    return [
        t(
            "hs.in_stage",
            stage=t(f"hs.stage.{stage}"),
            text=_pair(f"{label}{_label(f'hs.field.{leaf}')}", leaf, change, shown),
        )
        for leaf, change in fields
        if leaf not in QUIET
    ]


def platform_sentences(old: Doc, new: Doc, shown: Shown) -> Iterator[str]:
    changes = diff_record(old, new)
    for change in changes:
        match = _STAGE_PATH.fullmatch(change.path)
        if match is None:
            if "." not in change.path and change.path not in QUIET:
                yield _pair(_label(f"hs.field.{change.path}"), change.path, change, shown)
            continue
        stage, group, leaf = match.group("stage", "group", "leaf")
        if group == "payments" or (leaf in QUIET and group is None):
            continue
        if group == "evidence":
            label = _label(f"ev.{leaf}")
        elif group == "payee":
            label = _label(f"hs.payee.{leaf}")
        else:
            label = _label(f"hs.stage_field.{leaf}")
        yield t("hs.in_stage", stage=t(f"hs.stage.{stage}"), text=_pair(label, leaf, change, shown))
    for (stage, _group, _index), fields in _items(changes, _STAGE_PATH).items():
        if _group == "payments":
            yield from _item_sentence(stage, "payments", fields, shown)
    for (_group, _index), fields in _items(changes, _LIST_ITEM).items():
        stage = next((str(c.after or c.before) for leaf, c in fields if leaf == "stage"), "")
        yield from _item_sentence(stage or "paid", "attachments", fields, shown)


def reminder_name(doc: Doc | None, reminder: Any) -> str:
    """「打给招行贷后」, or the standard wording of an automatic follow-up."""
    text, kind = "", "manual"
    for source in (doc or {}, _reminder_doc(reminder)):
        text = text or str(source.get("text") or "")
        kind = source.get("kind") or kind
    if not text and f"reminder.kind.{kind}" in CATALOGUE:
        text = t(f"reminder.kind.{kind}")
    return t("hs.quoted", text=_short(display_safe(text))) if text else ""


def _reminder_doc(reminder: Any) -> Doc:
    if reminder is None:
        return {}
    return {"text": reminder.text, "kind": reminder.kind.value}


def reminder_sentences(
    old: Doc | None, new: Doc | None, reminder: Any, shown: Shown
) -> Iterator[str]:
    what = reminder_name(new or old, reminder)
    if old is None or new is None:
        when = value_text("date", (new or old or {}).get("date"), shown)
        yield t("hs.reminder.added" if old is None else "hs.reminder.removed", what=what, on=when)
        return
    for change in diff_record(old, new):
        if change.path == "state":
            yield t(f"hs.reminder.{change.after}", what=what)
        elif change.path == "snoozed_until" and change.after:
            yield t("hs.reminder.snoozed", what=what, on=value_text("date", change.after, shown))
        elif change.path not in REMINDER_QUIET:
            label = _label(f"hs.reminder_field.{change.path}")
            yield t("hs.reminder.changed", what=what, text=_pair(label, change.path, change, shown))


def note_sentences(old: Doc | None, new: Doc | None, shown: Shown) -> Iterator[str]:
    doc = new or old or {}
    text = value_text("text", str(doc.get("text") or "").replace("\n", " "), shown)
    if old is None or new is None:
        yield t("hs.note.added" if old is None else "hs.note.removed", text=text)
    elif old.get("text") != new.get("text"):
        yield t("hs.note.edited", text=text)


def event_lines(event: Event, *, shown: Shown = PLAIN, lookup: Lookup | None = None) -> list[str]:
    """What the event changed, one sentence a line."""
    lines: list[str] = []
    for name in sorted(set(event.before) | set(event.after)):
        olds, news = event.before.get(name, {}), event.after.get(name, {})
        for item_id in sorted(set(olds) | set(news)):
            old, new = olds.get(item_id), news.get(item_id)
            if name == "platforms" and old is not None and new is not None:
                lines += platform_sentences(old, new, shown)
            elif name == "reminders":
                found = lookup.reminder(item_id) if lookup else None
                lines += reminder_sentences(old, new, found, shown)
            elif name == "notes":
                lines += note_sentences(old, new, shown)
    return lines


def action_label(event: Event) -> str:
    """The change's name in the user's language; an action this version does not know (a
    newer version's, or a hand-edited file's) is shown as stored, never as a catalogue key."""
    key = f"history.action.{event.action}"
    return t(key) if key in CATALOGUE else display_safe(event.action)


def event_platform(event: Event, lookup: Lookup | None) -> str:
    """The platform's name; for an event recorded without it, found through its reminder."""
    if event.platform_name or lookup is None:
        return event.platform_name
    if event.platform_id is not None:
        return lookup.platform_name(event.platform_id)
    for side in (event.after, event.before):
        for reminder_id in side.get("reminders", {}):
            reminder = lookup.reminder(reminder_id)
            if reminder is not None:
                return lookup.platform_name(reminder.platform_id)
    return ""


def _ticked_stage(event: Event) -> str | None:
    """The stage whose state a tick, untick or skip changed."""
    for item_id, new in event.after.get("platforms", {}).items():
        old = event.before.get("platforms", {}).get(item_id)
        if old is None or new is None:
            continue
        for change in diff_record(old, new):
            match = _STAGE_PATH.fullmatch(change.path)
            if match is not None and match.group("leaf") == "state" and not match.group("group"):
                return match.group("stage")
    return None


def event_summary(event: Event, *, shown: Shown = PLAIN, lookup: Lookup | None = None) -> str:
    """One line for a toast: `招行 · 提醒「打给招行贷后」已完成`."""
    lines = event_lines(event, shown=shown, lookup=lookup)
    whole = any(
        None in docs.values()
        for docs in (event.before.get("platforms", {}), event.after.get("platforms", {}))
    )
    single = len(lines) == 1 and not whole
    what = lines[0] if single else action_label(event)
    stage = _ticked_stage(event)
    if not single and stage is not None:
        what = t("hs.in_stage", stage=t(f"hs.stage.{stage}"), text=what)
    name = display_safe(event_platform(event, lookup))
    return t("hs.summary", name=name, what=what) if name else what
