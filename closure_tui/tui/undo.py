"""Undo and redo from anywhere (ctrl+z / ctrl+y); every change still goes through the
app's `perform`, and each is told in one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from closure_tui.i18n import t

if TYPE_CHECKING:
    from closure_tui.domain.history import Event
    from closure_tui.tui.app_protocol import AppHost


class Undo:
    """Owned by the app, whose `action_undo` and `action_redo` call it."""

    def __init__(self, app: AppHost) -> None:
        self.app = app
        #: True while the last change of this session was an undo with something left to
        #: redo: then ctrl+y shows in the Footers (it works whenever there is something).
        self.redo_offered = False

    def undo(self) -> None:
        event = self.app.perform(lambda service: service.history.undo())
        if event is not None:
            self._say("history.undone", event)
            self.offer_redo(True)

    def redo(self) -> None:
        event = self.app.perform(lambda service: service.history.redo())
        if event is not None:
            self._say("history.redone", event)
            left = self.app.read(lambda service: bool(service.history.redo_stack()), False)
            self.offer_redo(left)

    def offer_redo(self, offered: bool) -> None:
        self.redo_offered = offered
        self.app.refresh_bindings()

    def _say(self, key: str, event: Event) -> None:
        from closure_tui.services.history_sentences import Shown, event_summary, lookup_for

        service = self.app.service
        assert service is not None
        shown = Shown(privacy=self.app.privacy)
        what = event_summary(event, shown=shown, lookup=lookup_for(service))
        self.app.notify(t(key, what=what), markup=False)

    def commands(self) -> Iterator[SystemCommand]:
        """Command palette entries, while changes can be saved."""
        if self.app.service is not None and not self.app.read_only:
            yield SystemCommand(t("cmd.undo"), t("cmd.undo.help"), self.undo)
            yield SystemCommand(t("cmd.redo"), t("cmd.redo.help"), self.redo)
