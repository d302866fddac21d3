"""The dashboard's conduct-breach marker: a platform whose contacts broke a collection rule
is flagged beside its name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from closure_tui.i18n import t
from closure_tui.tui.text import plain

if TYPE_CHECKING:
    from closure_tui.tui.app_protocol import ClosureAppApi


def platforms_in_breach(app: ClosureAppApi) -> frozenset[int]:
    """The platforms with at least one contact in breach (the app's `[conduct]` rules)."""
    service = app.service
    if service is None or not service.any_contacts():
        return frozenset()
    from closure_tui.services.contacts import ContactLog  # only once a contact exists

    return frozenset(ContactLog(service, app.config.conduct).platforms_in_breach())


def breach_marked(name: str) -> Text:
    """A platform's name with the marker after it."""
    return plain(name).append("  " + t("tui.breach_marker"), style="bold red")
