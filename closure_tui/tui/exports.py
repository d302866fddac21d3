"""Exports from the app: the reports and the JSON backup, the calendar of reminders and a
platform's complaint pack, written to the user's documents folder; each says where it went
or why it could not be written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import SystemCommand

from closure_tui.domain.errors import DomainError
from closure_tui.i18n import describe, t
from closure_tui.services.report_formats import REPORT_FORMATS, extension

if TYPE_CHECKING:
    from closure_tui.tui.app_protocol import AppHost


T = TypeVar("T")
CALENDAR_FILE = "closure-tui-reminders.ics"


def export_folder() -> Path:
    """The user's documents folder (platformdirs), created if it does not exist yet."""
    from closure_tui.locations import documents_dir

    folder = documents_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def exporting(app: AppHost, write: Callable[[], T]) -> T | None:
    """Run `write`; a refusal, a file system error or damaged data is told, and gives
    None (damage through `read`, as everywhere)."""
    try:
        return app.read(lambda _service: write(), None)
    except DomainError as error:
        app.notify(describe(error.key, error.params), severity="error", markup=False)
    except OSError as error:
        reason = error.strerror or str(error)
        app.notify(t("tui.export_failed", reason=reason), severity="error", markup=False)
    return None


def stamp(app: AppHost) -> str:
    return f"{app.clock.now():%Y%m%d-%H%M%S}"


class Exports:
    """The app's exports; the command palette offers them."""

    def __init__(self, app: AppHost) -> None:
        self.app = app

    def report(self, fmt: str) -> Path | None:
        """Write a report (masked) or the JSON backup to the documents folder and say where."""
        # Imported here: the report writers are not needed for the first frame.
        from closure_tui.services.reports import EXPORTERS, report_input, save_export

        service = self.app.service
        if service is None:
            return None
        name = f"closure-tui-{stamp(self.app)}.{extension(fmt)}"

        def write() -> Path:
            content = EXPORTERS[fmt](report_input(service, None, reveal=False))
            return save_export(export_folder() / name, content, service.data_dir)

        return self._told(exporting(self.app, write))

    def pack(self, platform_id: int) -> Path | None:
        """One platform's complaint pack, account numbers masked."""
        from closure_tui.services.pack import build_pack
        from closure_tui.services.reports import save_export

        service = self.app.service
        if service is None:
            return None
        name = f"closure-tui-pack-{platform_id}-{stamp(self.app)}.zip"

        def write() -> Path:
            content = build_pack(service, platform_id, reveal=False)
            return save_export(export_folder() / name, content, service.data_dir)

        return self._told(exporting(self.app, write))

    def _told(self, written: Path | None) -> Path | None:
        if written is not None:
            self.app.notify(t("tui.exported", path=str(written)), timeout=15, markup=False)
        return written

    def calendar(self, path: Path | None = None) -> Path | None:
        """Write the open reminders as an .ics file (default: the documents folder)."""
        from closure_tui.locations import documents_dir
        from closure_tui.services.calendar import calendar_id, write_calendar
        from closure_tui.services.reminders import Reminders

        service = self.app.service
        if service is None:
            return None
        target = path or documents_dir() / CALENDAR_FILE

        def write() -> int:
            return write_calendar(Reminders(service), target, calendar_id(service))

        count = exporting(self.app, write)
        if count is None:
            return None
        self.app.notify(t("tui.exported_ics", count=count, path=target), markup=False)
        return target

    def commands(self) -> Iterator[SystemCommand]:
        """Command palette entries: the report exports and the calendar."""
        if self.app.service is None:
            return
        for fmt in REPORT_FORMATS:
            yield SystemCommand(
                t(f"cmd.export.{fmt}"),
                t("cmd.export.json.help" if fmt == "json" else "cmd.export.help"),
                lambda fmt=fmt: self.report(fmt),
            )
