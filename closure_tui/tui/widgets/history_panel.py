"""The history panel of the platform screen: this platform's events, newest first."""

from __future__ import annotations

from rich.text import Text

from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.history_sentences import Shown, event_lines, lookup_for
from closure_tui.services.history_view import headline
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.widgets.platform_panel import PlatformPanel

MAX_EVENTS = 50


class HistoryPanel(PlatformPanel):
    """Each event with what it changed, as sentences; in privacy mode no amount or account."""

    def build(self, service: Closures) -> Text:
        events = service.history.events(self.platform_id)[::-1][:MAX_EVENTS]
        shown = Shown(privacy=closure_app(self).privacy)
        lookup = lookup_for(service)
        text = Text(no_wrap=False)
        text.append(t("report.history") + "\n", style="bold")
        if not events:
            text.append(t("history.empty"))
        for event in events:
            text.append(headline(event, with_platform=False) + "\n")
            for line in event_lines(event, shown=shown, lookup=lookup):
                text.append(f"  {line}\n", style="dim")
        return text
