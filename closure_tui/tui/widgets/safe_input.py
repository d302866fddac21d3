"""An `Input` that never sends what the user pasted to the terminal as control bytes.

Textual's `Input` draws its text as it is, so a pasted `ESC[2J` or a bidi override
would reach the terminal (or reorder the line) while it is being edited. This one
draws each such character as `�`; the value itself is untouched, so the form's input
rule still refuses it with a message naming the character.
"""

from __future__ import annotations

from textual.widgets import Input

from closure_tui.domain.text import mark_unsafe
from closure_tui.tui.textual_compat import DrawnInput


class SafeInput(DrawnInput, Input):
    """`Input` whose drawing replaces control, C1 and bidi characters one for one."""

    def shown(self, value: str) -> str:
        return mark_unsafe(value)
