"""The one way screens, dialogs, widgets and palette providers reach the running app."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from closure_tui.tui.app_protocol import ClosureAppApi, InApp


def closure_app(node: InApp) -> ClosureAppApi:
    """The running app of a screen, dialog, widget or palette provider, as screens see it."""
    return cast("ClosureAppApi", node.app)
