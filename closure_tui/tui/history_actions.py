"""App actions: undo/redo (ctrl+z / ctrl+y), exports and the summary screen.

A mixin so the app class stays about the store and the language; every change
still goes through `app.perform`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textual.app import SystemCommand

from closure_tui.domain.errors import DomainError
from closure_tui.domain.history import Event
from closure_tui.i18n import describe, t
from closure_tui.services.report_formats import REPORT_FORMATS, extension
from closure_tui.tui.mixin_base import AppMembers


def export_folder() -> Path:
    """The user's documents folder (platformdirs), created if it does not exist yet."""
    from closure_tui.locations import documents_dir

    folder = documents_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class HistoryActions(AppMembers):
    """Mixed into `ClosureApp`."""

    #: True while the last change of this session was an undo with something left to redo:
    #: then ctrl+y shows in the Footers (it works whenever there is something to redo).
    redo_offered = False

    def action_undo(self) -> None:
        event = self.perform(lambda service: service.history.undo())
        if event is not None:
            self._say_history("history.undone", event)
            self._offer_redo(True)

    def action_redo(self) -> None:
        event = self.perform(lambda service: service.history.redo())
        if event is not None:
            self._say_history("history.redone", event)
            self._offer_redo(self.read(lambda service: bool(service.history.redo_stack()), False))

    def action_redo_offered(self) -> None:
        self.action_redo()

    def _offer_redo(self, offered: bool) -> None:
        self.redo_offered = offered
        self.refresh_bindings()

    def _say_history(self, key: str, event: Event) -> None:
        from closure_tui.services.history_sentences import Shown, event_summary, lookup_for

        assert self.service is not None
        what = event_summary(
            event, shown=Shown(privacy=self.privacy), lookup=lookup_for(self.service)
        )
        self.notify(t(key, what=what), markup=False)

    def export_report(self, fmt: str) -> Path | None:
        """Write a report (masked) or the JSON backup to the documents folder and say where."""
        # Imported here: the report writers are not needed for the first frame.
        from closure_tui.services.reports import EXPORTERS, report_input, save_export

        if self.service is None:
            return None
        stamp = f"{self.clock.now():%Y%m%d-%H%M%S}"
        try:
            target = export_folder() / f"closure-tui-{stamp}.{extension(fmt)}"
            content = EXPORTERS[fmt](report_input(self.service, None, reveal=False))
            written = save_export(target, content, self.service.data_dir)
        except DomainError as error:
            self.notify(describe(error.key, error.params), severity="error", markup=False)
            return None
        except OSError as error:
            self.notify(
                t("tui.export_failed", reason=error.strerror or str(error)),
                severity="error",
                markup=False,
            )
            return None
        self.notify(t("tui.exported", path=str(written)), timeout=15, markup=False)
        return written

    def action_summary(self) -> None:
        from closure_tui.tui.screens.summary import SummaryScreen

        if self.service is not None:
            self.push_screen(SummaryScreen())

    def evidence_commands(self) -> Iterator[SystemCommand]:
        """Command palette entries: summary and the three exports."""
        if self.service is None:
            return
        yield SystemCommand(t("cmd.summary"), t("cmd.summary.help"), self.action_summary)
        for fmt in REPORT_FORMATS:
            yield SystemCommand(
                t(f"cmd.export.{fmt}"),
                t("cmd.export.json.help" if fmt == "json" else "cmd.export.help"),
                lambda fmt=fmt: self.export_report(fmt),
            )
        if not self.read_only:
            yield SystemCommand(t("cmd.undo"), t("cmd.undo.help"), self.action_undo)
            yield SystemCommand(t("cmd.redo"), t("cmd.redo.help"), self.action_redo)
