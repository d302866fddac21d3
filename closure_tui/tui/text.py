"""User text on screen: always literal, never markup, never a terminal escape."""

from __future__ import annotations

from rich.text import Text

from closure_tui.domain.money import display_money
from closure_tui.domain.text import display_safe, mask_account

HIDDEN = "•••"


def plain(value: str, *, multiline: bool = False, style: str = "") -> Text:
    """A `Text` that shows `value` exactly: `[/]`, `[USD]` and `[@click=…]` stay as typed."""
    return Text(display_safe(value, multiline=multiline), style=style, no_wrap=not multiline)


def money(amount: object, *, privacy: bool) -> str:
    """An amount for display, or a placeholder in privacy mode."""
    if privacy:
        return HIDDEN
    return display_money(amount)  # type: ignore[arg-type]


def account(number: str, *, privacy: bool, reveal: bool = False) -> str:
    """Account numbers are masked to their last four digits unless revealed (never in privacy)."""
    if privacy:
        return HIDDEN
    return number if reveal else mask_account(number)
