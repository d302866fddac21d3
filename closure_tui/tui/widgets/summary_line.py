"""A one-line summary that keeps what matters most when the terminal is narrow: of its
variants (most detailed first) it shows the first that fits, never a half-cut amount."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class SummaryLine(Static):
    """`show` the variants; the width decides which one is drawn (again on every resize)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self._variants: list[Text] = [Text()]

    def show(self, variants: list[Text]) -> None:
        self._variants = variants or [Text()]
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width
        for variant in self._variants:
            if variant.cell_len <= width:
                return variant
        return self._variants[-1]
