"""What `closure_tui/tui/textual_compat.py` relies on in Textual. Each test names the private
detail it checks, so a framework upgrade that moves one fails here, saying what to update,
instead of as a wrong label or a garbled input somewhere in the app."""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Input

from closure_tui.tui.textual_compat import CompatApp, rewrite_binding_descriptions
from closure_tui.tui.widgets.safe_input import SafeInput

UPGRADE = "Textual changed {what}: update closure_tui/tui/textual_compat.py ({where})"


def _parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


class Keyed(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "thing", "bind.thing", id="thing")]


def test_a_node_keeps_its_own_binding_copy() -> None:
    screen, other = Keyed(), Keyed()
    found = getattr(screen, "_bindings", None)
    message = UPGRADE.format(what="DOMNode._bindings", where="rewrite_binding_descriptions")
    assert found is not None, message
    assert isinstance(getattr(found, "key_to_bindings", None), dict), message
    rewrite_binding_descriptions(screen, lambda binding: f"<{binding.id}>")
    assert [b.description for b in screen._bindings.key_to_bindings["x"]] == ["<thing>"], message
    assert [b.description for b in other._bindings.key_to_bindings["x"]] == ["bind.thing"], (
        message + ": the copy is no longer per node"
    )


def test_input_draws_through_value_and_position_to_cell() -> None:
    message = UPGRADE.format(what="Input._value / Input._position_to_cell", where="DrawnInput")
    assert isinstance(inspect.getattr_static(Input, "_value", None), property), message
    assert _parameters(Input._position_to_cell) == ["self", "position"], message


async def test_a_pasted_escape_is_drawn_as_a_replacement_character() -> None:
    class OneInput(App[None]):
        def compose(self) -> Any:
            yield SafeInput(value="a\x1b[2Jb", id="field")

    app = OneInput()
    async with app.run_test() as pilot:
        field = app.query_one("#field", SafeInput)
        await pilot.pause()
        assert field._value.plain == "a\ufffd[2Jb", UPGRADE.format(
            what="how Input draws its value", where="DrawnInput"
        )
        assert field.value == "a\x1b[2Jb"


class Recording(CompatApp, App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, object]] = []

    def screen_pushing(self, screen: Screen[Any]) -> None:
        self.calls.append(("pushing", screen))

    def screen_pushed(self, screen: Screen[Any], mounted: AwaitMount) -> None:
        self.calls.append(("pushed", mounted))


def test_push_screen_keeps_its_signature() -> None:
    message = UPGRADE.format(what="App.push_screen's signature", where="CompatApp.push_screen")
    assert _parameters(App.push_screen)[:4] == [
        "self",
        "screen",
        "callback",
        "wait_for_dismiss",
    ], message


async def test_pushing_a_screen_runs_both_hooks() -> None:
    app = Recording()
    async with app.run_test() as pilot:
        screen: Screen[None] = Screen()
        app.push_screen(screen)
        await pilot.pause()
        kinds = [kind for kind, _ in app.calls]
        assert kinds == ["pushing", "pushed"], UPGRADE.format(
            what="what App.push_screen returns (an AwaitMount)", where="CompatApp.push_screen"
        )
        assert app.calls[0][1] is screen


async def test_the_palette_opens_once_with_our_prompt() -> None:
    message = UPGRADE.format(
        what="how the command palette is opened", where="CompatApp.action_command_palette"
    )
    assert callable(getattr(CommandPalette, "is_open", None)), message
    assert hasattr(App, "action_command_palette") and hasattr(App, "search_themes"), message
    app = Recording()
    async with app.run_test() as pilot:
        app.action_command_palette()
        await pilot.pause()
        app.action_command_palette()
        await pilot.pause()
        palettes = [s for s in app.screen_stack if isinstance(s, CommandPalette)]
        assert len(palettes) == 1, message
        assert CommandPalette.is_open(app), message
