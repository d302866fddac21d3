"""Placeholder platform form (replaced by the real one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Input

from closure_tui.domain.platform import Platform


class PlatformForm(ModalScreen[dict[str, str] | None]):
    def __init__(self, platform: Platform | None) -> None:
        super().__init__()
        self.platform = platform

    def compose(self) -> ComposeResult:
        yield Input(id="name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss({"name": event.value})
