"""User text made safe for the Markdown report."""

from __future__ import annotations

from closure_tui.domain.text import display_safe


def cell(text: str) -> str:
    """User text made safe for one Markdown table cell or line."""
    return display_safe(text).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
