"""`export`: reports, backups and the calendar, one writer function per format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from closure_tui.cli.registry import arguments, reader, say, warn
from closure_tui.domain.errors import DomainError
from closure_tui.i18n import t
from closure_tui.services.report_formats import REPORT_FORMATS

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures


def _write_report(service: Closures, args: argparse.Namespace) -> Path:
    """Markdown, CSV or the JSON backup (`--platform` narrows, `--reveal` unmasks md/csv)."""
    from closure_tui.services.reports import EXPORTERS, report_input, save_export

    platform_id = service.resolve(args.platform).id if args.platform else None
    data = report_input(service, platform_id, reveal=args.reveal)
    content = EXPORTERS[args.format](data)
    return save_export(Path(args.output), content, service.data_dir, force=args.force)


def _write_calendar(service: Closures, args: argparse.Namespace) -> Path:
    """Reminders as an iCalendar file (icalendar is imported only for this format)."""
    from closure_tui.services.calendar import write_calendar
    from closure_tui.services.export_target import export_target
    from closure_tui.services.reminders import Reminders

    path = export_target(Path(args.output), service.data_dir, force=args.force)
    platform_id = service.resolve(args.platform).id if args.platform else None
    reminders = Reminders(service)
    write_calendar(reminders, path, _store_id(service), platform_id)
    warn(reminders.problems())
    return path


def _store_id(service: Closures) -> str:
    """The store's calendar id; made (once) through a short write when it has none yet."""
    from closure_tui.services.calendar import calendar_id
    from closure_tui.services.errors import StoreLocked
    from closure_tui.services.session import closures_session

    existing = service.store_id()
    if existing is not None:
        return existing
    try:
        with closures_session(service.data_dir, service.clock, writable=True) as writing:
            return calendar_id(writing)
    except StoreLocked:
        raise DomainError("err.calendar.no_id") from None


def _write_pack(service: Closures, args: argparse.Namespace) -> Path:
    """The complaint pack of one platform (a zip; `--reveal` unmasks account numbers)."""
    from closure_tui.services.pack import build_pack
    from closure_tui.services.reports import save_export

    if not args.platform:
        raise DomainError("err.pack.platform")
    platform = service.resolve(args.platform)
    content = build_pack(service, platform.id, reveal=args.reveal)
    return save_export(Path(args.output), content, service.data_dir, force=args.force)


#: format name -> function writing that format to `args.output`; returns the path written.
FORMATS = {
    **{name: _write_report for name in REPORT_FORMATS},
    "ics": _write_calendar,
    "pack": _write_pack,
}


@arguments("export")
def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=sorted(FORMATS), help=t("cli.h.format"))
    parser.add_argument("--output", required=True, metavar="FILE", help=t("cli.h.output"))
    parser.add_argument("--platform", metavar="PLATFORM", help=t("cli.h.export_platform"))
    parser.add_argument("--reveal", action="store_true", help=t("cli.h.export_reveal"))
    parser.add_argument("--force", action="store_true", help=t("cli.h.force"))


@reader("export")
def export(service: Closures, args: argparse.Namespace) -> int:
    written = FORMATS[args.format](service, args)
    say(t("cli.exported", path=written))
    return 0
