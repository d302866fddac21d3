"""Bindings whose descriptions follow the UI language.

Each `Binding` carries an `id` (so the user's keymap in config.toml can remap
it) and, as its description, the catalogue key `bind.<id>`. `localize` swaps the
key for the text in the current language on one node; the app calls it for
every screen when it is mounted and again when the language changes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from closure_tui.i18n import CATALOGUE, t


def bind(
    key: str, action: str, binding_id: str, *, show: bool = True, priority: bool = False
) -> Binding:
    """A binding described by the catalogue entry `bind.<binding_id>`."""
    return Binding(key, action, f"bind.{binding_id}", show=show, priority=priority, id=binding_id)


def app_key(key: str, action: str) -> Binding:
    """An app-wide key (its action and id alike) shown in this screen's Footer: the app's
    own bindings stay out of the Footers, so each screen shows the ones that matter there."""
    return bind(key, f"app.{action}", action)


def undo_keys() -> list[Binding]:
    """ctrl+z in the Footer, and ctrl+y there too right after an undo (both are in `?`)."""
    return [app_key("ctrl+z", "undo"), bind("ctrl+y", "app.redo_offered", "redo")]


def description(binding: Binding) -> str:
    """The binding's description in the current language."""
    if binding.id and f"bind.{binding.id}" in CATALOGUE:
        return t(f"bind.{binding.id}")
    return binding.description


class WriteGuard:
    """Mix into a screen (before `Screen`) so its write bindings vanish while read-only.

    Textual asks the node that owns a binding, so each screen with write actions
    needs this; the decision itself is the app's (`ClosureApp.allows`).
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allows = getattr(self.app, "allows", None)  # type: ignore[attr-defined]
        return True if allows is None else allows(action)


def localize(node: DOMNode) -> None:
    """Rewrite the node's binding descriptions in the current language.

    Textual keeps a per-node copy of the class bindings (`_bindings`); replacing the
    descriptions there is the one place we rely on that detail.
    """
    mapping = node._bindings.key_to_bindings
    for key, bindings in mapping.items():
        mapping[key] = [replace(b, description=description(b)) for b in bindings]
