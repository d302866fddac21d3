"""Rules for user text: what is accepted on input, and how any stored text is made safe to show."""

from __future__ import annotations

import functools
import re
import unicodedata

from closure_tui.domain.errors import DomainError

NAME_MAX = 80
FIELD_MAX = 200
NOTE_MAX = 20_000
REASON_MAX = 500

# Bidirectional overrides and isolates can make text display in a different order
# than it is stored (a spoofed account number or name), so they are refused.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_ALLOWED_IN_MULTILINE = frozenset("\n\t")
# Invisible characters that make two names look identical ("借呗" and "借\u200b呗"), so a
# name could pass the duplicate check and be picked by mistake. ZWJ/ZWNJ stay allowed:
# emoji and some scripts need them.
_INVISIBLE_IN_NAMES = frozenset("\u200b\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064")


@functools.cache
def _escape_sequences() -> re.Pattern[str]:
    """CSI/OSC/other escape sequences and two-character escapes, compiled on first use:
    only text holding a control character (never typed; hand-edited or imported) needs it."""
    return re.compile(
        r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
        r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated by BEL or ST (or not at all)
        r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS
        r"|\x1b[@-Z\\-_]"  # two-character escapes
    )


def _bad_char(char: str, multiline: bool) -> bool:
    if multiline and char in _ALLOWED_IN_MULTILINE:
        return False
    if char in _BIDI:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or char in ("\u2028", "\u2029")


def _check(value: str, *, field: str, max_len: int, multiline: bool, required: bool) -> str:
    if not isinstance(value, str):
        raise DomainError("err.text.type", field=field)
    if not value.strip():
        if required:
            raise DomainError("err.text.empty", field=field)
        return ""
    if len(value) > max_len:
        raise DomainError("err.text.too_long", field=field, max=max_len, length=len(value))
    for position, char in enumerate(value, start=1):
        if _bad_char(char, multiline):
            raise DomainError(
                "err.text.control", field=field, position=position, code=f"U+{ord(char):04X}"
            )
    return value


def clean_name(value: str) -> str:
    """A platform name: trimmed, 1-80 characters, one line, no control, bidi or invisible
    characters."""
    name = _check(
        value.strip() if isinstance(value, str) else value,
        field="name",
        max_len=NAME_MAX,
        multiline=False,
        required=True,
    )
    for position, char in enumerate(name, start=1):
        if char in _INVISIBLE_IN_NAMES:
            raise DomainError(
                "err.text.invisible", field="name", position=position, code=f"U+{ord(char):04X}"
            )
    return name


def name_key(name: str) -> str:
    """What two platform names must not share: the same letters once width, compatibility
    forms and case are set aside (`Ｃｉｔｉ` and `citi` name one lender)."""
    return unicodedata.normalize("NFKC", name).casefold()


def clean_field(value: str | None, field: str, *, required: bool = False) -> str:
    """A short single-line field (hotline, payee, reference...), trimmed; empty means unset."""
    if value is None:
        value = ""
    return _check(
        value.strip() if isinstance(value, str) else value,
        field=field,
        max_len=REASON_MAX if field == "reason" else FIELD_MAX,
        multiline=False,
        required=required,
    )


def clean_note(value: str) -> str:
    """A note: 1-20,000 characters; newlines and tabs allowed, other controls refused."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip("\n ")
    return _check(value, field="note", max_len=NOTE_MAX, multiline=True, required=True)


def display_safe(value: str, *, multiline: bool = False) -> str:
    """Strip escape sequences and control/bidi characters from any text before it is shown.

    Input rules already refuse these, but a hand-edited or imported file might not,
    and a terminal must never receive a byte sequence that came from user data.
    """
    # Every character `_bad_char` may refuse (Cc, Cs, line/paragraph separators, bidi
    # marks) is unprintable: printable text is shown as it is, without a per-character check.
    if value.isprintable():
        return value
    stripped = _escape_sequences().sub("", value)
    return "".join(
        char if not _bad_char(char, multiline) else ("" if char in _BIDI else "\ufffd")
        for char in stripped
    )


def mark_unsafe(value: str, *, multiline: bool = False) -> str:
    """`value` with every control, bidi or line-separator character replaced by U+FFFD,
    one for one, so an editor's cursor (which counts characters) stays in place."""
    return "".join("\ufffd" if _bad_char(char, multiline) else char for char in value)


def escape_for_json(text: str) -> str:
    """JSON text with every control, bidi and line-separator character as a `\\uXXXX` escape.

    `json.dumps(..., ensure_ascii=False)` keeps C1 controls and bidi overrides raw,
    so output meant for scripts could still move a terminal's cursor or reorder
    what the user reads; escaped, the data is identical for any JSON reader.
    """
    return "".join(
        f"\\u{ord(char):04x}" if _bad_char(char, multiline=True) else char for char in text
    )


def mask_account(number: str) -> str:
    """Show only the last four digits of an account number: `****0123`."""
    digits = number.strip()
    if not digits:
        return ""
    return "****" + digits[-4:] if len(digits) > 4 else "****"


@functools.cache
def _figures() -> re.Pattern[str]:
    """Dates, times and numbers, compiled on first use: only privacy mode hides figures."""
    return re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}|(?P<number>\d[\d,.，]*\d|\d)")


def hide_figures(text: str, placeholder: str = "•••") -> str:
    """`text` with every number of three digits or more hidden (amounts, account numbers,
    any part of one); dates and times stay, since privacy mode is about money."""

    def hidden(match: re.Match[str]) -> str:
        number = match.group("number")
        if number is None or sum(char.isdigit() for char in number) < 3:
            return match.group(0)
        return placeholder

    return _figures().sub(hidden, text)
