"""Terminal cell width, so CJK text (two cells a character) lines up in columns."""

from __future__ import annotations

import unicodedata


def cell_width(text: str) -> int:
    """Cells `text` occupies: wide/full-width characters 2, combining marks 0, others 1."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """Pad or cut `text` to exactly `width` cells (cut text ends with `…`)."""
    used = cell_width(text)
    if used <= width:
        return text + " " * (width - used)
    if text.isascii():  # a cell a character: cut without measuring each one
        kept = max(width - 1, 0)
        return text[:kept] + "…" + " " * (width - kept - 1)
    out: list[str] = []
    used = 0
    for char in text:
        char_width = cell_width(char)
        if used + char_width > width - 1:
            break
        out.append(char)
        used += char_width
    return "".join(out) + "…" + " " * (width - used - 1)
