"""The action registry (`closure_tui/tui/actions.py`) is where every key is declared: each has
its label in the catalogue, an action either writes data or does not wherever it is bound,
and what writes is refused while read-only."""

from __future__ import annotations

from textual.binding import Binding

from closure_tui.i18n import CATALOGUE
from closure_tui.tui.actions import REGISTRY, WRITE_ACTIONS, bindings

ENTRIES = [entry for entries in REGISTRY.values() for entry in entries]


def test_every_key_has_a_label_in_both_languages() -> None:
    keyed = [entry for entry in ENTRIES if entry.keys]
    missing = sorted({entry.label for entry in keyed if entry.label not in CATALOGUE})
    assert missing == []
    assert all(all(CATALOGUE[entry.label]) for entry in keyed)


def test_an_action_writes_everywhere_or_nowhere() -> None:
    undecided = sorted(
        {entry.name for entry in ENTRIES if entry.name in WRITE_ACTIONS and not entry.writes}
    )
    assert undecided == []


def test_the_changes_a_user_makes_are_write_actions() -> None:
    """Writing actions hide while read-only: these must all be among them."""
    for name in ("add_platform", "toggle_stage", "add_note", "undo", "forget_platform"):
        assert name in WRITE_ACTIONS
    for name in ("help", "quit", "agenda", "filter", "back"):
        assert name not in WRITE_ACTIONS


def test_a_screen_binding_carries_its_id_label_and_target() -> None:
    [escape, done, *_rest] = bindings("agenda")
    assert isinstance(escape, Binding) and isinstance(done, Binding)
    assert (escape.key, escape.action, escape.id) == ("escape", "app.pop_screen", "agenda_back")
    assert (done.key, done.action, done.description) == (
        "d",
        "reminder_done",
        "bind.reminder_done",
    )
