"""What each subcommand does, over the services. Each returns an exit code."""

from __future__ import annotations

import argparse
import importlib
import sys
import unicodedata
from pathlib import Path

from closure_tui import i18n
from closure_tui.cli.registry import (
    COMMANDS,
    DIRECT,
    READERS,
    WRITERS,
    arguments,
    reader,
    say,
    warn,
    writer,
)
from closure_tui.cli.render import json_text, list_text, show_text
from closure_tui.domain.clock import Clock
from closure_tui.domain.platform import Kind
from closure_tui.domain.stages import STAGE_ORDER, StageState, parse_stage
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.json_view import note_json, platform_json
from closure_tui.services.session import closures_session, restore_backup

STAGES = [key.value for key in STAGE_ORDER]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "").replace("_", "")


def kind_value(text: str) -> str:
    """The kind's key for its key or its name in either language (`信用卡`, `网贷(上征信)`,
    `credit card`), else `text` unchanged, for the service to refuse with the choices."""
    wanted = _folded(text)
    for kind in Kind:
        if wanted in {_folded(kind.value), *map(_folded, i18n.CATALOGUE[f"kind.{kind.value}"])}:
            return kind.value
    return text


def _kinds_help() -> str:
    names = ", ".join(f"{kind.value} ({t(f'kind.{kind.value}')})" for kind in Kind)
    return t("cli.h.kind", choices=names)


def _platform_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", type=kind_value, help=_kinds_help())
    parser.add_argument("--original", metavar="AMOUNT", help=t("cli.h.original"))
    parser.add_argument("--settled", metavar="AMOUNT", help=t("cli.h.settled"))
    parser.add_argument("--hotline", metavar="TEXT", help=t("cli.h.hotline"))
    parser.add_argument("--app", metavar="TEXT", help=t("cli.h.app"))
    parser.add_argument("--funder", metavar="TEXT", help=t("cli.h.funder"))


def _fields(args: argparse.Namespace) -> dict[str, str | None]:
    return {
        "kind": args.kind,
        "original": args.original,
        "settled": args.settled,
        "hotline": args.hotline,
        "app": args.app,
        "funder": args.funder,
    }


@arguments("add")
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME")
    _platform_options(parser)


@writer("add")
def add(service: Closures, args: argparse.Namespace) -> int:
    outcome = service.add_platform(args.name, **_fields(args))
    warn(outcome.warnings)
    say(t("cli.added", name=outcome.value.name, id=outcome.value.id))
    return 0


@arguments("edit")
def edit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("--name", help=t("cli.h.new_name"))
    _platform_options(parser)


@writer("edit")
def edit(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    outcome = service.edit_platform(platform.id, name=args.name, **_fields(args))
    warn(outcome.warnings)
    say(t("cli.edited", name=outcome.value.name))
    return 0


@arguments("remove")
def remove_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("--yes", action="store_true", help=t("cli.h.yes"))


@writer("remove")
def remove(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    if not args.yes:
        print(t("cli.remove.needs_yes", name=platform.name), file=sys.stderr)
        return 1
    service.remove_platform(platform.id)
    say(t("cli.removed", name=platform.name))
    return 0


@arguments("list")
def list_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help=t("cli.h.all"))
    which.add_argument("--closed", action="store_true", help=t("cli.h.closed"))
    parser.add_argument("--json", action="store_true", help=t("cli.h.json"))


@reader("list")
def list_platforms(service: Closures, args: argparse.Namespace) -> int:
    platforms = service.platforms()
    if args.closed:
        platforms = [p for p in platforms if p.closed]
    elif not args.all:
        platforms = [p for p in platforms if not p.closed]
    if args.json:
        say(json_text([platform_json(p) for p in platforms]))
    else:
        say(list_text(platforms))
    return 0


@arguments("show")
def show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("--json", action="store_true", help=t("cli.h.json"))
    parser.add_argument("--reveal", action="store_true", help=t("cli.h.reveal"))


@reader("show")
def show(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    notes = service.notes(platform.id)
    from closure_tui.services.credit_json import credit_report_json, credit_report_lines
    from closure_tui.services.credit_report import CreditReports

    reports = CreditReports(service)
    if args.json:
        doc = platform_json(platform, reveal=args.reveal)
        doc["notes"] = [note_json(n) for n in notes]
        doc["credit_report"] = credit_report_json(reports, platform)
        say(json_text(doc))
    else:
        say(show_text(platform, notes, reveal=args.reveal))
        say("\n".join(credit_report_lines(reports, platform)))
    return 0


@arguments("tick")
def tick_arguments(parser: argparse.ArgumentParser) -> None:
    stage_arguments(parser)
    parser.add_argument("--on", metavar="DATE", help=t("cli.h.on"))
    parser.add_argument("--pay-by", metavar="DATE", help=t("cli.h.pay_by"))


@writer("tick")
def tick(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage)
    before = platform.stage(stage)
    outcome = service.tick(platform.id, stage, args.on, args.pay_by)
    warn(outcome.warnings)
    label = t(f"stage.{stage.value}")
    if args.on is None and before.state is StageState.DONE and before.done_on is not None:
        say(t("cli.tick.kept", name=platform.name, stage=label, date=before.done_on))
    else:
        say(t("cli.ticked", name=platform.name, stage=label))
    return 0


@arguments("untick")
def stage_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("stage", metavar="STAGE", help=", ".join(STAGES))


@writer("untick")
def untick(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage)
    service.untick(platform.id, stage)
    say(t("cli.unticked", name=platform.name, stage=t(f"stage.{stage.value}")))
    return 0


@arguments("skip")
def skip_arguments(parser: argparse.ArgumentParser) -> None:
    stage_arguments(parser)
    parser.add_argument("--reason", required=True, metavar="TEXT", help=t("cli.h.reason"))


@writer("skip")
def skip(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage)
    service.skip(platform.id, stage, args.reason)
    say(t("cli.skipped", name=platform.name, stage=t(f"stage.{stage.value}")))
    return 0


@arguments("payee")
def payee_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("--name", required=True, metavar="TEXT", help=t("cli.h.payee_name"))
    parser.add_argument("--bank", required=True, metavar="TEXT", help=t("cli.h.bank"))
    parser.add_argument("--account", required=True, metavar="DIGITS", help=t("cli.h.account"))
    parser.add_argument(
        "--verified-via", required=True, metavar="TEXT", help=t("cli.h.verified_via")
    )
    parser.add_argument("--verified-on", metavar="DATE", help=t("cli.h.verified_on"))


@writer("payee")
def payee(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    outcome = service.set_payee(
        platform.id,
        name=args.name,
        bank=args.bank,
        account=args.account,
        verified_via=args.verified_via,
        verified_on=args.verified_on,
    )
    warn(outcome.warnings)
    say(t("cli.payee_set", name=platform.name))
    return 0


@arguments("pay")
def pay_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("amount", metavar="AMOUNT")
    parser.add_argument("--on", metavar="DATE", help=t("cli.h.on"))
    parser.add_argument("--ref", default="", metavar="TEXT", help=t("cli.h.ref"))


@writer("pay")
def pay(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    outcome = service.add_payment(platform.id, args.amount, args.on, args.ref)
    warn(outcome.warnings)
    say(t("cli.paid", name=platform.name, amount=outcome.value.payments[-1].amount))
    return 0


@arguments("note")
def note_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("text", metavar="TEXT")
    parser.add_argument("--stage", metavar="STAGE", help=", ".join(STAGES))


@writer("note")
def note(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage) if args.stage else None
    service.add_note(platform.id, args.text, stage)
    say(t("cli.noted", name=platform.name))
    return 0


@arguments("restore")
def restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", nargs="?", metavar="BACKUP", help=t("cli.h.backup"))


def run_restore(data_dir: Path, clock: Clock, args: argparse.Namespace) -> int:
    name, moved = restore_backup(data_dir, clock, args.backup)
    say(t("msg.restored", name=name, moved=", ".join(str(p) for p in moved) or "-"))
    return 0


def run(data_dir: Path, clock: Clock, args: argparse.Namespace) -> int:
    """Open the store the way the command needs it and run the handler."""
    importlib.import_module(COMMANDS[args.command])  # registers the command's handler
    if args.command == "restore":
        return run_restore(data_dir, clock, args)
    if args.command in DIRECT:
        return DIRECT[args.command](data_dir, clock, args)
    handler = WRITERS.get(args.command)
    writable = handler is not None
    handler = handler or READERS[args.command]
    # A reader uses little of the store: each file is read only if it uses it. A writer
    # checks every file at open (cheaply when unchanged), so damage refuses it unwritten,
    # and decodes the platforms it touches before it writes.
    session = closures_session(
        data_dir, clock, writable=writable, lazy=not writable, platforms_on_use=True
    )
    with session as service:
        for notice in service.notices:
            print(t(notice.key, path=notice.path), file=sys.stderr)
        code = handler(service, args)
        for failed in service.unrecorded:
            message = t("warn.history_unsaved", **failed.params())
            print(t("cli.warning_line", message=message), file=sys.stderr)
        return code
