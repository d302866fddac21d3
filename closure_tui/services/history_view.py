"""History shown to people: action labels and headlines.

Shared by the `history` command, the Markdown report and the TUI history panel; what each
event changed reads as sentences (`history_sentences`).
"""

from __future__ import annotations

from closure_tui.domain.history import Event, EventState
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.history_sentences import Lookup, action_label, event_platform


def state_label(event: Event) -> str:
    return "" if event.state is EventState.APPLIED else t(f"history.state.{event.state.value}")


def headline(event: Event, *, with_platform: bool = True, lookup: Lookup | None = None) -> str:
    """`2026-11-29 09:30  借呗  stage ticked  (undone)` — one line per event."""
    state = state_label(event)
    name = [display_safe(event_platform(event, lookup)) or "—"] if with_platform else []
    parts = [f"{event.at:%Y-%m-%d %H:%M}", *name, action_label(event)]
    return "  ".join(parts) + (f"  ({state})" if state else "")
