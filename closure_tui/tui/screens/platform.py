"""Placeholder platform screen (the real checklist screen replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class PlatformScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, platform_id: int) -> None:
        super().__init__()
        self.platform_id = platform_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"#{self.platform_id}", id="platform")
        yield Footer()
