"""History shown to people: action labels, headlines, masked account numbers in JSON.

Shared by the `history` command, the Markdown report and the TUI history panel; what each
event changed reads as sentences (`history_sentences`).
"""

from __future__ import annotations

from typing import Any

from closure_tui.domain.history import Event, EventState
from closure_tui.domain.text import display_safe, mask_account
from closure_tui.i18n import t
from closure_tui.services.history_sentences import Lookup, action_label, event_platform
from closure_tui.store.codec_history import encode_event

ACCOUNT_KEY = "account"


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


def headline(event: Event, *, with_platform: bool = True, lookup: Lookup | None = None) -> str:
    """`2026-11-29 09:30  借呗  stage ticked  (undone)` — one line per event."""
    state = state_label(event)
    name = [display_safe(event_platform(event, lookup)) or "—"] if with_platform else []
    parts = [f"{event.at:%Y-%m-%d %H:%M}", *name, action_label(event)]
    return "  ".join(parts) + (f"  ({state})" if state else "")


def event_json(event: Event, *, reveal: bool = False) -> dict[str, Any]:
    doc = {"id": event.id, **encode_event(event)}
    return doc if reveal else mask_accounts(doc)
