"""Placeholder damaged-store screen (replaced by the real one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from closure_tui.i18n import t
from closure_tui.store.errors import StoreDamaged


class DamagedScreen(Screen[None]):
    def __init__(self, error: StoreDamaged) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        yield Static(t(self.error.key, **self.error.params()), markup=False)
        yield Footer()
