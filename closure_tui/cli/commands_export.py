"""`export`: the user's data in other formats (so far: reminders as an iCalendar file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from closure_tui.cli.registry import reader, say
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders

FORMATS = ("ics",)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help=t("cli.h.export"))
    export.add_argument("--format", choices=FORMATS, required=True, help=t("cli.h.format"))
    export.add_argument("--output", metavar="FILE", help=t("cli.h.output"))


@reader("export")
def export(service: Closures, args: argparse.Namespace) -> int:
    from closure_tui.services.calendar import calendar_bytes, write_calendar

    reminders = Reminders(service)
    if args.output is None:
        data, _count = calendar_bytes(reminders)
        sys.stdout.buffer.write(data)
        return 0
    path = Path(args.output).expanduser()
    count = write_calendar(reminders, path)
    say(t("cli.exported", count=count, path=path))
    return 0
