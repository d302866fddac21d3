"""Placeholder dashboard (replaced by the real one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from closure_tui.tui.text import plain


class DashboardScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="platforms")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "name")
        self.watch(self.app, "data_version", self.reload)

    def reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for platform in self.app.service.platforms():  # type: ignore[attr-defined]
            table.add_row(str(platform.id), plain(platform.name), key=str(platform.id))
