"""Hostile text for every field: markup, terminal escapes, bidi, invisible and over-long text."""

from __future__ import annotations

import re

MARKUP = {
    "close_tag": "[/]",
    "open_bold": "[bold",
    "index": "[0]",
    "index_text": "[00] x",
    "currency": "[USD]",
    "variable": "[$var]",
    "click": "[@click=app.quit]x[/]",
    "link": "[link='https://e']pay[/]",
    "backslash": "pay\\",
    "escaped_tag": "\\[bold]x",
}
ESCAPES = {
    "clear_screen": "a\x1b[2Jb",
    "osc_title": "a\x1b]0;owned\x07b",
    "osc_link": "\x1b]8;;https://e\x1b\\pay\x1b]8;;\x1b\\",
    "osc_clipboard": "\x1b]52;c;aGk=\x07x",
    "c1_csi": "a\x9b2Jb",
    "bell": "a\x07b",
    "carriage_return": "good\rEVIL",
    "backspace": "abc\b\b\bxyz",
}
BIDI = {
    "rlo": "acc\u202e4321",
    "lri": "\u2066x\u2069",
    "rli": "\u2067x\u2069",
    "fsi": "\u2068x\u2069",
}
INVISIBLE = {
    "zero_width_space": "借\u200b呗",
    "zwnj": "a\u200cb",
    "combining": "e\u0301\u0301\u0301\u0301",
    "zalgo": "Z\u0364\u0354\u0367\u0311\u0313",
    "zwj_emoji": "\U0001f468\u200d\U0001f469\u200d\U0001f467",
}
#: Invisible characters refused in names only (they would make two names look the same).
INVISIBLE_IN_NAMES = ("zero_width_space",)
#: Text the input rules accept and must then show exactly as typed.
ACCEPTED = {**MARKUP, **INVISIBLE}
#: Text the input rules must refuse (control characters and bidi overrides).
REFUSED = {**ESCAPES, **BIDI}
ALL = {**ACCEPTED, **REFUSED}

#: Nothing from user data may reach the terminal as one of these.
FORBIDDEN_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def forbidden(text: str) -> list[str]:
    """Control, C1 and bidi characters in `text` (newline and tab are fine)."""
    return [f"U+{ord(char):04X}" for char in FORBIDDEN_OUTPUT.findall(text)]
