"""The read-only banner the app puts on every full screen while nothing can be saved:
another instance writes, or the data folder cannot be written."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from closure_tui.i18n import t


class ReadOnlyBanner(Static):
    """One line under the header; its text follows the UI language.

    A screen that composes its own banner with the id `OWN_ID` does not get this one.
    """

    OWN_ID = "read-only-banner"

    DEFAULT_CSS = """
    ReadOnlyBanner {
        height: auto;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, key: str, params: dict[str, object]) -> None:
        super().__init__(markup=False)
        self.key = key
        self.params = params

    def on_mount(self) -> None:
        self.watch(self.app, "language", self.relabel)

    def relabel(self) -> None:
        self.update(Text(t(self.key, **self.params)))
