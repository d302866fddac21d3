"""History shown to people: action labels, changed fields, masked account numbers.

Shared by the `history` command, the Markdown report and the TUI history panel.
"""

from __future__ import annotations

from typing import Any

from closure_tui.domain.history import Event, EventState
from closure_tui.domain.text import display_safe, mask_account
from closure_tui.i18n import t
from closure_tui.services.history import field_changes
from closure_tui.store.codec_history import encode_event

ACCOUNT_KEY = "account"
VALUE_MAX = 60


def action_label(event: Event) -> str:
    return t(f"history.action.{event.action}")


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


def change_lines(event: Event, *, reveal: bool = False) -> list[str]:
    """`path: before → after` for each changed value (empty for whole records added/removed)."""
    return [
        f"{change.path}: {_shown(change.before, change.path, reveal)} → "
        f"{_shown(change.after, change.path, reveal)}"
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
