"""Command palette entries: open a platform by name, plus the app's own system commands."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from closure_tui.domain.platform import Platform
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.listing import View, next_label, select


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
        service = getattr(self.app, "service", None)
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
