"""User text rules: names, short fields and notes, and making stored text safe to show."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closure_tui.domain.errors import DomainError
from closure_tui.domain.text import (
    NOTE_MAX,
    clean_field,
    clean_name,
    clean_note,
    display_safe,
    mask_account,
)

BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  借呗  ", "借呗"),
        ("\u3000花呗\u3000", "花呗"),
        ("招商银行 信用卡", "招商银行 信用卡"),
        ("x", "x"),
        ("名" * 80, "名" * 80),
        (" " + "a" * 80 + " ", "a" * 80),
    ],
)
def test_names_are_trimmed_and_kept(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "err.text.empty"),
        ("   ", "err.text.empty"),
        ("a" * 81, "err.text.too_long"),
        ("借\n呗", "err.text.control"),
        ("借\t呗", "err.text.control"),
        ("借\x00呗", "err.text.control"),
        ("借\x1b[31m呗", "err.text.control"),
        ("借\x7f呗", "err.text.control"),
        ("借\x85呗", "err.text.control"),
        ("借\u2028呗", "err.text.control"),
        ("借\udcff呗", "err.text.control"),
        *[(f"借{char}呗", "err.text.control") for char in BIDI],
    ],
)
def test_bad_names_are_refused(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        clean_name(typed)
    assert caught.value.key == key


def test_control_refusal_says_where_and_what() -> None:
    with pytest.raises(DomainError) as caught:
        clean_name("ab\u202ecd")
    assert caught.value.params["position"] == 3
    assert caught.value.params["code"] == "U+202E"


def test_short_fields_are_optional_unless_required() -> None:
    assert clean_field(None, "hotline") == ""
    assert clean_field("  95188 ", "hotline") == "95188"
    with pytest.raises(DomainError):
        clean_field(" ", "payee_name", required=True)
    with pytest.raises(DomainError):
        clean_field("a\nb", "hotline")
    assert clean_field("r" * 500, "reason") == "r" * 500
    with pytest.raises(DomainError):
        clean_field("r" * 201, "hotline")


def test_notes_keep_newlines_and_tabs() -> None:
    text = "客服说：\n\t1. 一周内还款\n\t2. 盖章证明"
    assert clean_note(text) == text
    assert clean_note("a\r\nb") == "a\nb"
    assert clean_note("\n  call back \n") == "call back"


def test_note_length_limits() -> None:
    assert clean_note("x") == "x"
    assert len(clean_note("备" * NOTE_MAX)) == NOTE_MAX
    with pytest.raises(DomainError) as caught:
        clean_note("备" * (NOTE_MAX + 1))
    assert caught.value.key == "err.text.too_long"
    assert caught.value.params["max"] == 20_000


@pytest.mark.parametrize("typed", ["", " \n ", "a\x00b", "a\x1bb", "a\rb", "a\x07b", "a\u202eb"])
def test_bad_notes_are_refused(typed: str) -> None:
    with pytest.raises(DomainError):
        clean_note(typed)


def test_display_safe_strips_escapes_and_bidi() -> None:
    assert display_safe("\x1b[31mred\x1b[0m") == "red"
    assert display_safe("\x1b]0;title\x07name") == "name"
    assert display_safe("a\u202eb") == "ab"
    assert display_safe("a\x00b") == "a\ufffdb"
    assert display_safe("a\nb") == "a\ufffdb"
    assert display_safe("a\nb\tc", multiline=True) == "a\nb\tc"


@given(st.text())
def test_display_safe_never_lets_a_control_through(text: str) -> None:
    shown = display_safe(text)
    assert "\x1b" not in shown
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in shown)
    assert not any(char in shown for char in BIDI)


@pytest.mark.parametrize(
    ("number", "shown"),
    [("6225880123450123", "****0123"), ("00123", "****0123"), ("0123", "****"), ("", "")],
)
def test_mask_account_shows_last_four(number: str, shown: str) -> None:
    assert mask_account(number) == shown


@given(st.text(), st.booleans())
def test_display_safe_changes_text_only_where_a_character_is_refused(
    text: str, multiline: bool
) -> None:
    """Plain text comes back unchanged; anything else exactly as a per-character check says."""
    from closure_tui.domain.text import _bad_char, _escape_sequences

    expected = "".join(
        char if not _bad_char(char, multiline) else ("" if char in BIDI else "\ufffd")
        for char in _escape_sequences().sub("", text)
    )
    assert display_safe(text, multiline=multiline) == expected


def test_display_safe_keeps_plain_chinese_and_separators_apart() -> None:
    assert display_safe("借呗 P0001 ¥8,000.00") == "借呗 P0001 ¥8,000.00"
    assert display_safe("a\u2028b") == "a\ufffdb"
    assert display_safe("a\x85b") == "a\ufffdb"
    assert display_safe("a\ud800b") == "a\ufffdb"
