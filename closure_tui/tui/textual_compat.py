"""Every use of Textual's private API and every override of a framework method not meant
to be overridden, in one place. `tests/test_textual_compat.py` fails, naming what moved,
when a Textual upgrade changes any of them.

The overrides are mixins, listed before the Textual class they change (`SafeInput(DrawnInput,
Input)`, `ClosureApp(CompatApp, App)`): a subclass of a Textual widget or app costs its
first frame several million instructions to create, a plain class next to nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.expand_tabs import expand_tabs_inline
from textual.screen import Screen
from textual.widget import AwaitMount

from closure_tui.i18n import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.widgets import Input

    _InputBase = Input
    _AppBase = App[None]
else:
    _InputBase = _AppBase = object


def rewrite_binding_descriptions(node: object, describe: Callable[[Binding], str]) -> None:
    """Replace the descriptions in the node's own copy of its class bindings (`_bindings`).

    Textual reads a binding's description from there for the Footer and the help; it has
    no public way to change one, and the labels follow the UI language."""
    mapping = node._bindings.key_to_bindings  # type: ignore[attr-defined]
    for key, found in mapping.items():
        mapping[key] = [replace(b, description=describe(b)) for b in found]


ScreenT = TypeVar("ScreenT", bound=Screen[Any])


class DrawnInput(_InputBase):
    """Before `Input`: the input draws its value through `shown` (one character for one).

    Textual draws the value from `_value` and places the cursor with `_position_to_cell`;
    both are private, and overriding them is the only way to draw other characters than
    the value's while it is being edited."""

    def shown(self, value: str) -> str:
        return value

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(self.shown(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(self.shown(self.value[:position]), 4))


class CompatApp(_AppBase):
    """Before `App`: the app's overrides of Textual methods that are not hooks."""

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Textual has no event between pushing a screen and its first frame: the app
        labels the screen's keys (`screen_pushing`) and adds to it (`screen_pushed`)."""
        if isinstance(screen, Screen):
            self.screen_pushing(screen)
        mounted = super().push_screen(screen, *args, **kwargs)
        if isinstance(screen, Screen) and isinstance(mounted, AwaitMount):
            self.screen_pushed(screen, mounted)
        return mounted

    def shown_by_default(self, screen: ScreenT) -> ScreenT:
        """`screen`, given the hooks `push_screen` gives, for `get_default_screen`: the
        default screen is composed with the app, never pushed, and mounts with it."""
        self.screen_pushing(screen)
        self.screen_pushed(screen, AwaitMount(screen, [screen]))
        return screen

    def screen_pushing(self, screen: Screen[Any]) -> None:
        """Called before a screen is pushed."""

    def screen_pushed(self, screen: Screen[Any], mounted: AwaitMount) -> None:
        """Called once a screen is pushed, with what awaits its mounting."""

    def action_command_palette(self) -> None:
        """Textual's own, with the search prompt in the user's language (Textual's has no
        way to set it); `is_open` and the palette's id are as Textual's."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            palette = CommandPalette(id="--command-palette", placeholder=t("cmd.sys.search"))
            self.push_screen(palette)

    def search_themes(self) -> None:
        """Textual's own, with the search prompt in the user's language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=t("cmd.sys.search_themes"))
        )
