"""Contact log and complaint commands: `contact`, `contacts`, `complain`, `complaints`,
`complaint`. The listings are readers; they never wait for the lock."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from closure_tui.cli.registry import arguments, listing_arguments, reader, say, writer
from closure_tui.cli.render import json_text, table
from closure_tui.domain.complaint_channels import ComplaintChannel
from closure_tui.domain.complaints import ComplaintStatus
from closure_tui.domain.contacts import Channel, Direction, Party
from closure_tui.domain.stages import STAGE_ORDER, parse_stage
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.complaints import ComplaintInput, Complaints
from closure_tui.services.contact_json import complaint_json, contact_json
from closure_tui.services.contact_labels import (
    breaches_text,
    complaint_status_text,
    contact_how,
    contact_who,
)
from closure_tui.services.contacts import ContactInput, ContactLog

#: id, time, platform, how, who, breaches
CONTACT_WIDTHS = [5, 16, 14, 16, 36, 60]
#: id, filed, platform, channel, ticket, reply by, status
COMPLAINT_WIDTHS = [5, 10, 14, 28, 16, 10, 24]


class _TextLast(argparse.ArgumentParser):
    """Lets the free text follow the options (`contact P --at T --party collector TEXT`),
    as plain argparse only takes positionals before them."""

    _inside = False

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        if self._inside:
            return super().parse_known_args(args, namespace)
        self._inside = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False


def _text_last(parser: argparse.ArgumentParser) -> None:
    if isinstance(parser, argparse.ArgumentParser):
        parser.__class__ = type("TextLast", (_TextLast, type(parser)), {})


def _choices(members: Iterable[StrEnum]) -> str:
    return ", ".join(member.value for member in members)


@arguments("contact")
def contact_arguments(contact: argparse.ArgumentParser) -> None:
    contact.add_argument("platform", metavar="PLATFORM")
    contact.add_argument(
        "text", metavar="TEXT", nargs="?", default="", help=t("cli.h.contact_text")
    )
    contact.add_argument("--at", metavar="TIME", default="", help=t("cli.h.contact_at"))
    contact.add_argument("--direction", required=True, help=_choices(Direction))
    contact.add_argument("--channel", required=True, help=_choices(Channel))
    contact.add_argument("--party", required=True, help=_choices(Party))
    contact.add_argument("--name", default="", help=t("field.contact_name"))
    contact.add_argument("--staff-id", default="", help=t("field.staff_id"))
    contact.add_argument("--from-number", default="", help=t("field.from_number"))
    contact.add_argument("--workplace", action="store_true", help=t("cli.h.workplace"))
    contact.add_argument("--contacts-called", action="store_true", help=t("cli.h.contacts_called"))
    contact.add_argument("--stage", metavar="STAGE", help=", ".join(STAGE_ORDER))
    _file_options(contact)
    _text_last(contact)


arguments("contacts", "complaints")(listing_arguments)


@arguments("complain")
def complain_arguments(complain: argparse.ArgumentParser) -> None:
    complain.add_argument("platform", metavar="PLATFORM")
    complain.add_argument(
        "text", metavar="TEXT", nargs="?", default="", help=t("cli.h.complaint_text")
    )
    complain.add_argument("--channel", required=True, help=_choices(ComplaintChannel))
    complain.add_argument("--filed", metavar="DATE", default="", help=t("cli.h.filed"))
    complain.add_argument("--ticket", default="", help=t("field.ticket"))
    complain.add_argument("--reply-by", metavar="DATE", default="", help=t("cli.h.reply_by"))
    complain.add_argument(
        "--cite", metavar="CONTACT_ID", action="append", default=[], help=t("cli.h.cite")
    )
    _file_options(complain)
    _text_last(complain)


@arguments("complaint")
def complaint_arguments(complaint: argparse.ArgumentParser) -> None:
    complaint.add_argument("complaint", metavar="ID", help=t("cli.h.complaint_id"))
    complaint.add_argument("text", metavar="TEXT", nargs="?", default="", help=t("cli.h.outcome"))
    complaint.add_argument(
        "--status", required=True, help=_choices(s for s in ComplaintStatus if s.value != "filed")
    )
    complaint.add_argument("--on", metavar="DATE", default="", help=t("cli.h.status_on"))
    complaint.add_argument("--to", metavar="ID", default="", help=t("cli.h.escalated_to"))
    _text_last(complaint)


def _file_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--file", metavar="PATH", action="append", default=[], help=t("cli.h.contact_file")
    )
    command.add_argument(
        "--copy", action=argparse.BooleanOptionalAction, default=None, help=t("cli.h.copy")
    )


def _copy(args: argparse.Namespace) -> bool:
    from closure_tui.config import load_config
    from closure_tui.locations import config_file

    return args.copy if args.copy is not None else load_config(config_file()).config.copy_evidence


@writer("contact")
def add_contact(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    typed = ContactInput(
        direction=args.direction,
        channel=args.channel,
        party=args.party,
        at=args.at,
        name=args.name,
        staff_id=args.staff_id,
        from_number=args.from_number,
        workplace=args.workplace,
        contacts_called=args.contacts_called,
        text=args.text,
        stage=parse_stage(args.stage) if args.stage else None,
    )
    log = ContactLog(service)
    contact = log.add(platform.id, typed, [Path(p) for p in args.file], copy=_copy(args))
    say(t("cli.contact_added", id=contact.id, name=platform.name))
    found = log.breaches().get(contact.id, ())
    if found:
        say(t("cli.contact_breaches", breaches=breaches_text(found, log.rules)))
    return 0


def _platform_filter(service: Closures, ref: str | None) -> int | None:
    return service.resolve(ref).id if ref else None


@reader("contacts")
def list_contacts(service: Closures, args: argparse.Namespace) -> int:
    log = ContactLog(service)
    shown = log.contacts(_platform_filter(service, args.platform))
    names = {p.id: p.name for p in service.platforms()}
    found, rules = log.breaches(), log.rules
    if args.json:
        docs = [contact_json(c, names[c.platform_id], found.get(c.id, ()), rules) for c in shown]
        say(json_text(docs))
    elif not shown:
        say(t("cli.no_contacts"))
    else:
        rows = [
            [
                f"#{c.id}",
                c.at.isoformat(sep=" ", timespec="minutes"),
                display_safe(names[c.platform_id]),
                contact_how(c),
                contact_who(c),
                breaches_text(found.get(c.id, ()), rules),
            ]
            for c in shown
        ]
        say(table(rows, CONTACT_WIDTHS))
    return 0


@writer("complain")
def complain(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    typed = ComplaintInput(
        channel=args.channel,
        filed=args.filed,
        ticket=args.ticket,
        reply_by=args.reply_by,
        asked=args.text,
        cites=tuple(args.cite),
    )
    complaints = Complaints(ContactLog(service))
    files = [Path(p) for p in args.file]
    complaint = complaints.file(platform.id, typed, files, copy=_copy(args))
    say(
        t(
            "cli.complaint_added",
            id=complaint.id,
            name=platform.name,
            reply_by=complaint.reply_by.isoformat(),
            reminder=complaint.reminder_id,
        )
    )
    return 0


@reader("complaints")
def list_complaints(service: Closures, args: argparse.Namespace) -> int:
    shown = Complaints(ContactLog(service)).complaints(_platform_filter(service, args.platform))
    names = {p.id: p.name for p in service.platforms()}
    today = service.today()
    if args.json:
        say(json_text([complaint_json(c, names[c.platform_id], today) for c in shown]))
    elif not shown:
        say(t("cli.no_complaints"))
    else:
        rows = [
            [
                f"#{c.id}",
                c.filed_on.isoformat(),
                display_safe(names[c.platform_id]),
                t(f"complaint.channel.{c.channel.value}"),
                display_safe(c.ticket),
                c.reply_by.isoformat(),
                complaint_status_text(c, today),
            ]
            for c in shown
        ]
        say(table(rows, COMPLAINT_WIDTHS))
    return 0


@writer("complaint")
def move_complaint(service: Closures, args: argparse.Namespace) -> int:
    complaints = Complaints(ContactLog(service))
    found = complaints.resolve(args.complaint)
    moved = complaints.move(found.id, args.status, args.on, args.text, args.to)
    status = t(f"complaint.status.{moved.status.value}")
    say(t("cli.complaint_moved", id=moved.id, status=status))
    return 0
