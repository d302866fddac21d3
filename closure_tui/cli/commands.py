"""What each subcommand does, over the services. Each returns an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from closure_tui.cli.registry import DIRECT, READERS, WRITERS, reader, say, warn, writer
from closure_tui.cli.render import json_text, list_text, show_text
from closure_tui.domain.clock import Clock
from closure_tui.domain.stages import StageState, parse_stage
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.json_view import note_json, platform_json
from closure_tui.services.session import closures_session, restore_backup


def _fields(args: argparse.Namespace) -> dict[str, str | None]:
    return {
        "kind": args.kind,
        "original": args.original,
        "settled": args.settled,
        "hotline": args.hotline,
        "app": args.app,
        "funder": args.funder,
    }


@writer("add")
def add(service: Closures, args: argparse.Namespace) -> int:
    outcome = service.add_platform(args.name, **_fields(args))
    warn(outcome.warnings)
    say(t("cli.added", name=outcome.value.name, id=outcome.value.id))
    return 0


@writer("edit")
def edit(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    outcome = service.edit_platform(platform.id, name=args.name, **_fields(args))
    warn(outcome.warnings)
    say(t("cli.edited", name=outcome.value.name))
    return 0


@writer("remove")
def remove(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    if not args.yes:
        print(t("cli.remove.needs_yes", name=platform.name), file=sys.stderr)
        return 1
    service.remove_platform(platform.id)
    say(t("cli.removed", name=platform.name))
    return 0


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


@writer("untick")
def untick(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage)
    service.untick(platform.id, stage)
    say(t("cli.unticked", name=platform.name, stage=t(f"stage.{stage.value}")))
    return 0


@writer("skip")
def skip(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage)
    service.skip(platform.id, stage, args.reason)
    say(t("cli.skipped", name=platform.name, stage=t(f"stage.{stage.value}")))
    return 0


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


@writer("pay")
def pay(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    outcome = service.add_payment(platform.id, args.amount, args.on, args.ref)
    warn(outcome.warnings)
    say(t("cli.paid", name=platform.name, amount=outcome.value.payments[-1].amount))
    return 0


@writer("note")
def note(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage) if args.stage else None
    service.add_note(platform.id, args.text, stage)
    say(t("cli.noted", name=platform.name))
    return 0


def run_restore(data_dir: Path, clock: Clock, args: argparse.Namespace) -> int:
    name, moved = restore_backup(data_dir, clock, args.backup)
    say(t("msg.restored", name=name, moved=", ".join(str(p) for p in moved) or "-"))
    return 0


def run(data_dir: Path, clock: Clock, args: argparse.Namespace) -> int:
    """Open the store the way the command needs it and run the handler."""
    if args.command == "restore":
        return run_restore(data_dir, clock, args)
    if args.command in DIRECT:
        return DIRECT[args.command](data_dir, clock, args)
    handler = WRITERS.get(args.command)
    writable = handler is not None
    handler = handler or READERS[args.command]
    # A reader uses little of the store: each file is read only if it uses it. A writer
    # checks every file at open (cheaply when unchanged), so damage refuses it unwritten.
    with closures_session(data_dir, clock, writable=writable, lazy=not writable) as service:
        for notice in service.notices:
            print(t(notice.key, path=notice.path), file=sys.stderr)
        code = handler(service, args)
        for failed in service.unrecorded:
            message = t("warn.history_unsaved", **failed.params())
            print(t("cli.warning_line", message=message), file=sys.stderr)
        return code
