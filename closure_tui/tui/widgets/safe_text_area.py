"""A `TextArea` that never sends pasted control bytes to the terminal (see `safe_input`).

Its own module so that screens without a multi-line editor (the dashboard) do not
import Textual's `TextArea` at start-up.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from closure_tui.domain.text import mark_unsafe


class SafeTextArea(TextArea):
    """`TextArea` whose drawing replaces control, C1 and bidi characters (tabs stay)."""

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        return Text(mark_unsafe(line, multiline=True), end="", no_wrap=True)
