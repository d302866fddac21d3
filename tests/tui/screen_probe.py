"""What the terminal would receive from a screen: every segment's text and style."""

from __future__ import annotations

from textual.app import App

from tests import hostile


def segments(app: App) -> list[tuple[str, object]]:
    """(text, style) of every segment the screen's compositor would send to the terminal."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            found.append((segment.text, segment.style))
    return found


def screen_text(app: App) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def check_terminal_safe(app: App, where: str) -> None:
    """No control, C1 or bidi character and no link or click action anywhere on screen."""
    for text, style in segments(app):
        assert hostile.forbidden(text) == [], (where, text)
        if style is not None:
            assert not getattr(style, "link", None), (where, text)
            meta = getattr(style, "meta", None) or {}
            assert "@click" not in meta or "app.quit" not in str(meta["@click"]), (where, text)
