"""History shown to people: action labels, changed fields, masked account numbers.

Shared by the `history` command, the Markdown report and the TUI history panel.
"""

from __future__ import annotations

import re
from typing import Any

from closure_tui.domain.history import Event, EventState
from closure_tui.domain.text import display_safe, mask_account
from closure_tui.i18n import CATALOGUE, t
from closure_tui.services.history import field_changes
from closure_tui.store.codec_history import encode_event

ACCOUNT_KEY = "account"
VALUE_MAX = 60


def action_label(event: Event) -> str:
    """The change's name in the user's language; an action this version does not know (a
    newer version's, or a hand-edited file's) is shown as stored, never as a catalogue key."""
    key = f"history.action.{event.action}"
    return t(key) if key in CATALOGUE else display_safe(event.action)


def state_label(event: Event) -> str:
    return "" if event.state is EventState.APPLIED else t(f"history.state.{event.state.value}")


def mask_accounts(value: Any) -> Any:
    """A copy of a JSON value with every `account` field masked to its last four digits."""
    if isinstance(value, dict):
        return {
            key: mask_account(item)
            if key == ACCOUNT_KEY and isinstance(item, str)
            else mask_accounts(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [mask_accounts(item) for item in value]
    return value


def _shown(value: Any, path: str, reveal: bool) -> str:
    if value is None or value == "":
        return "—"
    if path.endswith(ACCOUNT_KEY) and isinstance(value, str) and not reveal:
        value = mask_account(value)
    text = display_safe(value if isinstance(value, str) else str(mask_accounts(value)))
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…"


_LABELS = {
    "name": "field.name",
    "hotline": "field.hotline",
    "app": "field.app",
    "funder": "field.funder",
    "original": "report.original",
    "settled": "report.settled",
    "kind": "report.kind",
    "text": "field.note",
    "date": "report.date",
    "state": "report.state",
    "done_on": "report.date",
    "skip_reason": "field.reason",
    "bank": "field.bank",
    "account": "report.account",
    "verified_via": "field.verified_via",
    "amount": "report.amount",
    "on": "report.date",
    "reference": "report.reference",
}
_PATH = re.compile(
    r"(?:stages\.(?P<stage>\w+)\.)?"
    r"(?:(?P<group>payee|payments|attachments|evidence)(?:\[(?P<index>\d+)\])?\.)?"
    r"(?P<leaf>\w+)"
)
_GROUPS = {"payee": "report.payee", "payments": "report.payments", "attachments": "report.files"}


def _label(key: str, fallback: str) -> str:
    return t(key) if key in CATALOGUE else fallback


def field_label(path: str) -> str:
    """`stages.paid.payments[1].amount` → `Paid to verified account · Payments 1 · Amount`."""
    match = _PATH.fullmatch(path)
    if match is None:
        return path
    stage, group, index, leaf = match.group("stage", "group", "index", "leaf")
    parts = [_label(f"stage.{stage}", stage)] if stage else []
    if group in _GROUPS:
        parts.append(_label(_GROUPS[group], group) + (f" {index}" if index else ""))
    if group == "evidence":
        parts.append(_label(f"ev.{leaf}", leaf))
    else:
        parts.append(_label(_LABELS.get(leaf, ""), leaf))
    return " · ".join(parts)


def _value(value: Any, path: str, reveal: bool) -> str:
    if path.endswith(".state") or path == "state":
        key = f"report.state.{value}"
        if key in CATALOGUE:
            return t(key)
    return _shown(value, path, reveal)


def change_lines(event: Event, *, reveal: bool = False) -> list[str]:
    """`field: before → after` for each changed value (empty for whole records added/removed)."""
    return [
        t(
            "report.pair",
            label=field_label(change.path),
            value=f"{_value(change.before, change.path, reveal)} → "
            f"{_value(change.after, change.path, reveal)}",
        )
        for change in field_changes(event)
    ]


def headline(event: Event, *, with_platform: bool = True) -> str:
    """`2026-11-29 09:30  借呗  stage ticked  (undone)` — one line per event."""
    state = state_label(event)
    name = [display_safe(event.platform_name) or "—"] if with_platform else []
    parts = [f"{event.at:%Y-%m-%d %H:%M}", *name, action_label(event)]
    return "  ".join(parts) + (f"  ({state})" if state else "")


def event_json(event: Event, *, reveal: bool = False) -> dict[str, Any]:
    doc = {"id": event.id, **encode_event(event)}
    return doc if reveal else mask_accounts(doc)
