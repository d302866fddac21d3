"""The history panel of the platform screen: this platform's events, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from closure_tui.i18n import t
from closure_tui.services.history_view import change_lines, headline

MAX_EVENTS = 50


class HistoryPanel(Static):
    """Plain text only (user data is never markup); account numbers stay masked."""

    DEFAULT_CSS = """
    HistoryPanel { height: auto; padding: 0 1; }
    """

    def __init__(self, platform_id: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.platform_id = platform_id

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "language", self.reload, init=False)

    def reload(self, _: object = None) -> None:
        service = self.app.service  # type: ignore[attr-defined]
        if service is None:
            return
        events = service.history.events(self.platform_id)[::-1][:MAX_EVENTS]
        text = Text(no_wrap=False)
        text.append(t("report.history") + "\n", style="bold")
        if not events:
            text.append(t("history.empty"))
        for event in events:
            text.append(headline(event, with_platform=False) + "\n")
            for line in change_lines(event):
                text.append(f"    {line}\n", style="dim")
        self.update(text)
