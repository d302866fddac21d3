"""Credit report commands: `report-check`, `report-checks`, `dispute`, `disputes`,
`dispute-update`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from closure_tui.cli.registry import arguments, listing_arguments, reader, say, writer
from closure_tui.cli.render import json_text, table
from closure_tui.domain.credit_report import AccountStatus, ReportLine, judge
from closure_tui.domain.disputes import (
    UPDATES,
    Dispute,
    FiledWith,
    parse_dispute_status,
    parse_filed_with,
)
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.money import display_money
from closure_tui.domain.report_entry import parse_entry
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.credit_json import dispute_json, line_json
from closure_tui.services.credit_report import CreditReports

#: id, report date, platform, institution, status, line, judgement, source
CHECK_WIDTHS = [5, 10, 16, 16, 10, 14, 20, 20]
#: id, platform, filed with, filed, answer due, status, reference
DISPUTE_WIDTHS = [5, 16, 16, 10, 10, 20, 24]


@arguments("report-check")
def report_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("--on", metavar="DATE", required=True, help=t("cli.h.report_on"))
    check.add_argument("--source", metavar="TEXT", required=True, help=t("cli.h.report_source"))
    check.add_argument("--file", metavar="PATH", help=t("cli.h.report_file"))
    statuses = ", ".join(s.value for s in AccountStatus)
    check.add_argument(
        "entries", metavar="ENTRY", nargs="+", help=t("cli.h.report_entry", choices=statuses)
    )


arguments("report-checks", "disputes")(listing_arguments)


@arguments("dispute")
def dispute_arguments(dispute: argparse.ArgumentParser) -> None:
    dispute.add_argument("platform", metavar="PLATFORM")
    choices = "|".join(w.value for w in FiledWith)
    dispute.add_argument(
        "--with", dest="filed_with", metavar=choices, required=True, help=t("cli.h.dispute_with")
    )
    dispute.add_argument("--filed", metavar="DATE", required=True, help=t("cli.h.dispute_filed"))
    dispute.add_argument("--ref", metavar="TEXT", default="", help=t("cli.h.dispute_ref"))
    dispute.add_argument("--check", metavar="ID", help=t("cli.h.dispute_check"))
    dispute.add_argument(
        "--cite", metavar="TEXT", action="append", default=[], help=t("cli.h.dispute_cite")
    )
    dispute.add_argument(
        "text", metavar="TEXT", nargs="?", default="", help=t("cli.h.dispute_text")
    )
    _text_anywhere(dispute)


@arguments("dispute-update")
def dispute_update_arguments(update: argparse.ArgumentParser) -> None:
    update.add_argument("dispute", metavar="ID", help=t("cli.h.dispute_id"))
    update.add_argument(
        "--status",
        metavar="|".join(s.value for s in UPDATES),
        required=True,
        help=t("cli.h.dispute_status"),
    )
    update.add_argument("--on", metavar="DATE", help=t("cli.h.dispute_on"))
    update.add_argument(
        "text", metavar="TEXT", nargs="?", default="", help=t("cli.h.dispute_answer")
    )
    _text_anywhere(update)


def _text_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let the text come after the options (`dispute 借呗 --with center --filed D TEXT`):
    plain parsing gives the optional text its empty value at the first word and then
    refuses the text as an unknown argument."""
    plain = parser.parse_known_args

    def intermixed(args: Any = None, namespace: Any = None) -> Any:
        parser.parse_known_args = plain  # type: ignore[method-assign]
        try:
            return parser.parse_known_intermixed_args(args, namespace)
        finally:
            parser.parse_known_args = intermixed  # type: ignore[method-assign]

    parser.parse_known_args = intermixed  # type: ignore[method-assign]


@writer("report-check")
def report_check(service: Closures, args: argparse.Namespace) -> int:
    entries = [parse_entry(text) for text in args.entries]
    file = Path(args.file) if args.file else None
    results = CreditReports(service).record_check(args.on, args.source, entries, file)
    for checked in results:
        name = display_safe(checked.platform.name)
        say(
            t(
                "cli.report_checked",
                id=checked.line.id,
                name=name,
                status=t(f"report.status.{checked.line.status.value}"),
                state=t(f"report.state.{checked.judgement.value}"),
            )
        )
    for checked in {c.platform.id: c for c in results}.values():
        if checked.judgement is Judgement.DISCREPANCY and checked.recheck is not None:
            say(
                t(
                    "cli.report_hint_dispute",
                    name=display_safe(checked.platform.name),
                    id=checked.line.id,
                    date=checked.recheck.isoformat(),
                )
            )
    return 0


def _line_cell(line: ReportLine) -> str:
    """Whether a credit line is still shown (and how much), and a fresh overdue mark."""
    cell = t("report.line_shown") if line.line_shown else t("report.line_absent")
    if line.line_amount is not None:
        cell = f"{cell} {display_money(line.line_amount)}"
    if line.overdue_after_settle:
        cell = f"{cell} · {t('report.overdue_mark')}"
    return cell


def _platform_id(service: Closures, ref: str | None) -> int | None:
    return service.resolve(ref).id if ref else None


def _names(service: Closures) -> dict[int, str]:
    return {p.id: p.name for p in service.platforms()}


@reader("report-checks")
def report_checks(service: Closures, args: argparse.Namespace) -> int:
    platforms = {p.id: p for p in service.platforms()}
    lines = CreditReports(service).lines(_platform_id(service, args.platform))
    if args.json:
        say(json_text([line_json(line, platforms.get(line.platform_id)) for line in lines]))
        return 0
    if not lines:
        say(t("cli.report_checks.none"))
        return 0
    keys = ["col.report_on", "cli.col.name", "col.institution", "col.status", "col.line"]
    rows = [["#", *(t(key) for key in keys), t("col.judgement"), t("field.report_source")]]
    for line in lines:
        platform = platforms.get(line.platform_id)
        verdict = judge(platform, line) if platform is not None else Judgement.UNCHECKED
        rows.append(
            [
                f"#{line.id}",
                line.on.isoformat(),
                display_safe(platform.name if platform else "?"),
                display_safe(line.institution),
                t(f"report.status.{line.status.value}"),
                _line_cell(line),
                t(f"report.state.{verdict.value}"),
                display_safe(line.source),
            ]
        )
    say(table(rows, CHECK_WIDTHS))
    return 0


@writer("dispute")
def dispute(service: Closures, args: argparse.Namespace) -> int:
    platform = service.resolve(args.platform)
    reports = CreditReports(service)
    check_id = reports.line(args.check).id if args.check else None
    filed = reports.file_dispute(
        platform.id,
        parse_filed_with(args.filed_with),
        args.filed,
        text=args.text,
        reference=args.ref,
        check_id=check_id,
        cited=args.cite,
    )
    name = display_safe(platform.name)
    say(t("cli.disputed", id=filed.id, name=name, due=filed.answer_due.isoformat()))
    return 0


def _status(dispute: Dispute, service: Closures) -> str:
    text = t(f"dispute.status.{dispute.status.value}")
    if dispute.overdue(service.today()):
        text = f"{text} · {t('dispute.overdue')}"
    return text


@reader("disputes")
def disputes(service: Closures, args: argparse.Namespace) -> int:
    found = CreditReports(service).disputes(_platform_id(service, args.platform))
    if args.json:
        say(json_text([dispute_json(d, service.today()) for d in found]))
        return 0
    if not found:
        say(t("cli.disputes.none"))
        return 0
    names = _names(service)
    keys = ["cli.col.name", "col.filed_with", "col.filed_on", "col.answer_due", "col.status"]
    rows = [["#", *(t(key) for key in keys), t("field.dispute_reference")]]
    rows += [
        [
            f"#{d.id}",
            display_safe(names.get(d.platform_id, "?")),
            t(f"dispute.with.{d.filed_with.value}"),
            d.filed_on.isoformat(),
            d.answer_due.isoformat(),
            _status(d, service),
            display_safe(d.reference),
        ]
        for d in found
    ]
    say(table(rows, DISPUTE_WIDTHS))
    return 0


@writer("dispute-update")
def dispute_update(service: Closures, args: argparse.Namespace) -> int:
    reports = CreditReports(service)
    status = parse_dispute_status(args.status)
    updated = reports.update_dispute(reports.dispute(args.dispute).id, status, args.on, args.text)
    say(t("cli.dispute_updated", id=updated.id, status=t(f"dispute.status.{status.value}")))
    return 0
