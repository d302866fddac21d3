"""Placeholder help screen (replaced by the real one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from closure_tui.tui.bindings import bind


class HelpScreen(ModalScreen[None]):
    BINDINGS = [bind("escape", "dismiss", "close")]

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        yield Static("help")
