"""An `Input` that never sends what the user pasted to the terminal as control bytes.

Textual's `Input` draws its text as it is, so a pasted `ESC[2J` or a bidi override
would reach the terminal (or reorder the line) while it is being edited. This one
draws each such character as `�`; the value itself is untouched, so the form's input
rule still refuses it with a message naming the character.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input

from closure_tui.domain.text import mark_unsafe


class SafeInput(Input):
    """`Input` whose drawing replaces control, C1 and bidi characters one for one."""

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(mark_unsafe(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(mark_unsafe(self.value[:position]), 4))
