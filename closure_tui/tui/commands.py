"""Command palette entries: open a platform by name; Textual's own entries (Theme, Quit,
Keys, Screenshot, Maximize…) in the user's language, `Keys` opening this app's help."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from closure_tui.domain.platform import Platform
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.listing import View, next_label, select
from closure_tui.tui.closure_app import closure_app

#: Textual's titles (its own English) and the catalogue entry of each.
TEXTUAL_TITLES = {
    "Theme": "theme",
    "Quit": "quit",
    "Maximize": "maximize",
    "Minimize": "minimize",
    "Screenshot": "screenshot",
}


def localized(
    commands: Iterable[SystemCommand], show_help: Callable[[], object]
) -> Iterator[SystemCommand]:
    for command in commands:
        if command.title == "Keys":
            yield SystemCommand(t("cmd.sys.keys"), t("cmd.sys.keys.help"), show_help)
            continue
        name = TEXTUAL_TITLES.get(command.title)
        if name is None:
            yield command
        else:
            yield command._replace(title=t(f"cmd.sys.{name}"), help=t(f"cmd.sys.{name}.help"))


def literal_highlight(matcher: Matcher, candidate: str) -> Content:
    """Like `Matcher.highlight`, but the candidate is never read as markup."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class PlatformCommands(Provider):
    """ "Open <platform>" for every platform, outstanding ones first."""

    def _platforms(self) -> Iterator[Platform]:
        service = closure_app(self).service
        if service is None:
            return iter(())
        return iter(select(service.platforms(), View.ALL))

    def _open(self, platform_id: int) -> None:
        from closure_tui.tui.screens.platform import PlatformScreen

        self.app.push_screen(PlatformScreen(platform_id))

    async def discover(self) -> Hits:
        for platform in self._platforms():
            yield DiscoveryHit(
                Content(display_safe(platform.name)),
                partial(self._open, platform.id),
                text=platform.name,
                help=t("cmd.open.help", next=next_label(platform)),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for platform in self._platforms():
            name = display_safe(platform.name)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    literal_highlight(matcher, name),
                    partial(self._open, platform.id),
                    text=platform.name,
                    help=t("cmd.open.help", next=next_label(platform)),
                )
