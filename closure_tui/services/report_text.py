"""User text made harmless for the files reports are read in.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return
as a formula (OWASP's CSV-injection rule), and a Markdown viewer turns user text into
headings, table cells, links or HTML. Control and bidi characters are removed first,
as on screen.
"""

from __future__ import annotations

import re

from closure_tui.domain.text import display_safe

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters that mean something anywhere in a line (emphasis, code, links, images,
#: HTML, entities, table cells, strikethrough, e-mail autolinks).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|!&~@])")
#: What makes a line a heading, quote, list item, rule or setext underline.
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)
#: Web addresses that GitHub-flavoured Markdown links by itself.
_MD_AUTOLINK = re.compile(r"(?i)(?<=\w)(:)(?=//)|(?<=\bwww)(\.)")


def csv_cell(text: str) -> str:
    """A CSV cell that spreadsheets show as text: a formula-like start gets a leading `'`."""
    return "'" + text if text.startswith(FORMULA_START) else text


def md_text(text: str, *, multiline: bool = False) -> str:
    """User text as literal Markdown: what could start a heading, a list, a quote, a table
    cell, a link, emphasis, code or HTML is escaped with a backslash."""
    text = _MD_INLINE.sub(r"\\\1", display_safe(text, multiline=multiline))
    text = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    """`#` → `\\#`; `12.` → `12\\.` (an ordered list needs its dot or bracket)."""
    return marker[:-1] + "\\" + marker[-1]
