"""Textual's own command palette entries (Theme, Quit, Keys, Screenshot, Maximize…) and its
search prompts in the user's language; `Keys` opens this app's help, which lists every key
of the screen with its meaning."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand

from closure_tui.i18n import t
from closure_tui.tui.mixin_base import AppMembers

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


#: Textual's titles (its own English) and the catalogue entry of each.
TEXTUAL_TITLES = {
    "Theme": "theme",
    "Quit": "quit",
    "Maximize": "maximize",
    "Minimize": "minimize",
    "Screenshot": "screenshot",
}


def localized(commands: Iterable[SystemCommand], show_help: object) -> Iterator[SystemCommand]:
    for command in commands:
        if command.title == "Keys":
            yield SystemCommand(t("cmd.sys.keys"), t("cmd.sys.keys.help"), show_help)  # type: ignore[arg-type]
            continue
        name = TEXTUAL_TITLES.get(command.title)
        if name is None:
            yield command
        else:
            yield command._replace(title=t(f"cmd.sys.{name}"), help=t(f"cmd.sys.{name}.help"))


class LocalPalette(AppMembers):
    """Mixed into `ClosureApp`, before `App`."""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from localized(super().get_system_commands(screen), self.action_help)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            palette = CommandPalette(id="--command-palette", placeholder=t("cmd.sys.search"))
            self.push_screen(palette)

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=t("cmd.sys.search_themes"))
        )
