"""The contact log and the complaints of the app's open data, with the conduct rules and
reply windows of the user's config; None while no data is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from closure_tui.services.complaints import Complaints
from closure_tui.services.contacts import ContactLog

if TYPE_CHECKING:
    from closure_tui.tui.app_protocol import ClosureAppApi


def contact_log(app: ClosureAppApi) -> ContactLog | None:
    if app.service is None:
        return None
    return ContactLog(app.service, app.config.conduct)


def complaints_of(app: ClosureAppApi) -> Complaints | None:
    log = contact_log(app)
    if log is None:
        return None
    return Complaints(log, app.config.reply_windows)
