"""`export`: reports, backups and the calendar, one writer function per format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from closure_tui.cli.registry import reader, say, warn
from closure_tui.i18n import t
from closure_tui.services.report_formats import REPORT_FORMATS

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures


def _write_report(service: Closures, args: argparse.Namespace) -> Path:
    """Markdown, CSV or the JSON backup (`--platform` narrows, `--reveal` unmasks md/csv)."""
    from closure_tui.services.reports import EXPORTERS, report_input, save_export

    platform_id = service.resolve(args.platform).id if args.platform else None
    data = report_input(service, platform_id, reveal=args.reveal)
    return save_export(Path(args.output), EXPORTERS[args.format](data))


def _write_calendar(service: Closures, args: argparse.Namespace) -> Path:
    """Open reminders as an iCalendar file (icalendar is imported only for this format)."""
    from closure_tui.services.calendar import write_calendar
    from closure_tui.services.reminders import Reminders

    path = Path(args.output).expanduser()
    reminders = Reminders(service)
    write_calendar(reminders, path)
    warn(reminders.problems())
    return path


#: format name -> function writing that format to `args.output`; returns the path written.
FORMATS = {**{name: _write_report for name in REPORT_FORMATS}, "ics": _write_calendar}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help=t("cli.h.export"))
    export.add_argument("--format", required=True, choices=sorted(FORMATS), help=t("cli.h.format"))
    export.add_argument("--output", required=True, metavar="FILE", help=t("cli.h.output"))
    export.add_argument("--platform", metavar="PLATFORM", help=t("cli.h.export_platform"))
    export.add_argument("--reveal", action="store_true", help=t("cli.h.export_reveal"))


@reader("export")
def export(service: Closures, args: argparse.Namespace) -> int:
    written = FORMATS[args.format](service, args)
    say(t("cli.exported", path=written))
    return 0
