"""Report checks and disputes for `show`: as JSON documents (`show --json`, `report-checks`,
`disputes`: the stored fields plus the judgement and due dates the rules derive), and as
the lines `show` prints."""

from __future__ import annotations

from datetime import date
from typing import Any

from closure_tui.domain.credit_report import ReportLine, judge
from closure_tui.domain.disputes import Dispute
from closure_tui.domain.money import format_money
from closure_tui.domain.platform import Platform
from closure_tui.i18n import t
from closure_tui.services.credit_report import CreditReports
from closure_tui.services.json_view import SCHEMA, day_json


def line_json(line: ReportLine, platform: Platform | None) -> dict[str, Any]:
    """One report line; `judgement` is this line's alone (null once its platform is gone)."""
    file = line.file
    return {
        "schema": SCHEMA,
        "id": line.id,
        "platform_id": line.platform_id,
        "on": line.on.isoformat(),
        "source": line.source,
        "created": line.created.isoformat(timespec="seconds"),
        "status": line.status.value,
        "institution": line.institution,
        "line_shown": line.line_shown,
        "line_amount": format_money(line.line_amount) if line.line_amount is not None else None,
        "overdue_after_settle": line.overdue_after_settle,
        "file": None
        if file is None
        else {"path": file.path, "size": file.size, "sha256": file.sha256, "stored": file.stored},
        "judgement": judge(platform, line).value if platform is not None else None,
    }


def dispute_json(dispute: Dispute, today: date) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": dispute.id,
        "platform_id": dispute.platform_id,
        "filed_with": dispute.filed_with.value,
        "filed_on": dispute.filed_on.isoformat(),
        "created": dispute.created.isoformat(timespec="seconds"),
        "text": dispute.text,
        "reference": dispute.reference,
        "check_id": dispute.check_id,
        "cited": list(dispute.cited),
        "status": dispute.status.value,
        "status_on": day_json(dispute.status_on),
        "answer": dispute.answer,
        "answer_due": dispute.answer_due.isoformat(),
        "overdue": dispute.overdue(today),
    }


def credit_report_json(reports: CreditReports, platform: Platform) -> dict[str, Any]:
    """The platform's standing on the credit report: the judgement of its newest report,
    every line seen and every dispute filed."""
    lines = reports.lines(platform.id)
    today = reports.closures.today()
    return {
        "state": reports.judgement(platform).value,
        "checked_on": lines[0].on.isoformat() if lines else None,
        "checks": [line_json(line, platform) for line in lines],
        "disputes": [dispute_json(d, today) for d in reports.disputes(platform.id)],
    }


def credit_report_lines(reports: CreditReports, platform: Platform) -> list[str]:
    """`Credit report: report discrepancy (2026-11-20)` and each open dispute's due date."""
    lines = reports.lines(platform.id)
    state = t(f"report.state.{reports.judgement(platform).value}")
    when = f" ({lines[0].on.isoformat()})" if lines else ""
    shown = ["", t("cli.show.credit_report", state=state, when=when)]
    today = reports.closures.today()
    for dispute in reports.disputes(platform.id):
        if dispute.is_open:
            overdue = f" · {t('dispute.overdue')}" if dispute.overdue(today) else ""
            due = t("tui.report.answer_due", date=dispute.answer_due.isoformat())
            status = t(f"dispute.status.{dispute.status.value}")
            shown.append(f"  #{dispute.id} {status} · {due}{overdue}")
    return shown
