"""Reminder commands: `remind`, `due`, `reminders`, `done`, `dismiss`, `snooze`.

`due` is a reader: it never waits for the lock, so it works while the app is open and
is quick enough for a shell start-up file.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from closure_tui.cli.registry import arguments, reader, say, warn, writer
from closure_tui.cli.render import json_text, table
from closure_tui.domain.errors import Problem
from closure_tui.domain.reminders import Reminder
from closure_tui.domain.stages import STAGE_ORDER, parse_stage
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.json_view import full_reminder_json, reminder_json
from closure_tui.services.reminder_labels import reminder_line_parts
from closure_tui.services.reminders import Reminders, parse_within

STAGES = ", ".join(key.value for key in STAGE_ORDER)
#: id, date, platform, stage, status, text
WIDTHS = [5, 10, 16, 24, 18, 60]


@arguments("remind")
def remind_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("date", metavar="DATE", help=t("cli.h.remind_date"))
    parser.add_argument("text", metavar="TEXT", nargs="?", default="", help=t("cli.h.remind_text"))
    parser.add_argument("--stage", metavar="STAGE", help=f"{t('cli.h.remind_stage')}: {STAGES}")


@arguments("due")
def due_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--within", metavar="DAYS", default="0", help=t("cli.h.within"))
    parser.add_argument("--json", action="store_true", help=t("cli.h.json"))
    parser.add_argument("-q", "--quiet", action="store_true", help=t("cli.h.quiet"))


@arguments("reminders")
def reminders_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM", nargs="?")
    parser.add_argument("--all", action="store_true", help=t("cli.h.reminders_all"))
    parser.add_argument("--json", action="store_true", help=t("cli.h.json"))


@arguments("done", "dismiss")
def reminder_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reminder", metavar="REMINDER_ID", help=t("cli.h.reminder_id"))


@arguments("snooze")
def snooze_arguments(parser: argparse.ArgumentParser) -> None:
    reminder_arguments(parser)
    parser.add_argument("date", metavar="DATE", help=t("cli.h.remind_date"))


def _print(
    service: Closures,
    reminders: list[Reminder],
    problems: list[Problem],
    *,
    as_json: bool,
    full: bool,
    empty: str,
) -> None:
    warn(problems)
    names = Reminders(service).platform_names()
    shown = [r for r in reminders if r.platform_id in names]
    if as_json:
        encode = full_reminder_json if full else reminder_json
        docs = [encode(r, names[r.platform_id], service.today()) for r in shown]
        say(json_text(docs))
    elif not shown:
        say(empty)
    else:
        today = service.today()
        rows = [reminder_line_parts(r, names[r.platform_id], today) for r in shown]
        if full:
            for row, reminder in zip(rows, shown, strict=True):
                if not reminder.is_open:
                    row[4] = t(f"reminder.state.{reminder.state.value}")
        say(table(rows, WIDTHS))


@writer("remind")
def remind(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage) if args.stage else None
    reminder = Reminders(service).add(platform.id, args.date, args.text, stage)
    say(t("cli.reminded", id=reminder.id, name=platform.name, date=reminder.due_on.isoformat()))
    return 0


@reader("due")
def due(service: Closures, args: argparse.Namespace) -> int:
    within = parse_within(args.within)
    reminders = Reminders(service)
    open_ones = reminders.open_reminders()  # read once for both
    found, problems = reminders.due(within, open_ones), reminders.problems(open_ones)
    if args.quiet and not found:
        warn(problems)
        return 0
    _print(service, found, problems, as_json=args.json, full=False, empty=t("cli.due.none"))
    return 0


@reader("reminders")
def list_reminders(service: Closures, args: argparse.Namespace) -> int:
    platform_id = service.resolve(args.platform).id if args.platform else None
    reminders = Reminders(service)
    found = reminders.find(platform_id, include_closed=args.all)
    _print(
        service,
        found,
        reminders.problems(),
        as_json=args.json,
        full=True,
        empty=t("cli.reminders.none"),
    )
    return 0


def _change(service: Closures, ref: str, change: Callable[[Reminders, int], Reminder]) -> Reminder:
    reminders = Reminders(service)
    return change(reminders, reminders.resolve(ref).id)


@writer("done")
def done(service: Closures, args: argparse.Namespace) -> int:
    reminder = _change(service, args.reminder, Reminders.done)
    say(t("cli.reminder_done", id=reminder.id))
    return 0


@writer("dismiss")
def dismiss(service: Closures, args: argparse.Namespace) -> int:
    reminder = _change(service, args.reminder, Reminders.dismiss)
    say(t("cli.dismissed", id=reminder.id))
    return 0


@writer("snooze")
def snooze(service: Closures, args: argparse.Namespace) -> int:
    reminder = _change(service, args.reminder, lambda r, i: r.snooze(i, args.date))
    say(t("cli.snoozed", id=reminder.id, date=reminder.when.isoformat()))
    return 0
