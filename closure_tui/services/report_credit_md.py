"""The credit report part of the Markdown evidence report: each check seen for the
platform, the judgement, and every dispute with its answer-due date and answer."""

from __future__ import annotations

from closure_tui.domain.credit_report import ReportLine, judge
from closure_tui.domain.disputes import Dispute
from closure_tui.domain.money import display_money
from closure_tui.domain.platform import Platform
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.credit_report import CreditReports
from closure_tui.services.report_text import md_text


def _line(line: ReportLine, platform: Platform) -> str:
    parts = [line.on.isoformat(), md_text(line.source)]
    if line.institution:
        parts.append(md_text(line.institution))
    parts.append(t(f"report.status.{line.status.value}"))
    shown = t("tui.report.line_shown") if line.line_shown else t("tui.report.line_absent")
    if line.line_amount is not None:
        shown = f"{shown} {display_money(line.line_amount)}"
    parts.append(shown)
    if line.overdue_after_settle:
        parts.append(t("report.overdue_mark"))
    parts.append(f"**{t(f'report.state.{judge(platform, line).value}')}**")
    if line.file is not None:
        parts.append(f"{md_text(line.file.path)} (SHA-256 {line.file.sha256})")
    return f"- #{line.id} " + " · ".join(parts)


def _dispute(dispute: Dispute) -> list[str]:
    parts = [
        t(f"dispute.with.{dispute.filed_with.value}"),
        f"{t('col.filed_on')} {dispute.filed_on.isoformat()}",
        f"{t('col.answer_due')} {dispute.answer_due.isoformat()}",
        t(f"dispute.status.{dispute.status.value}")
        + (f" {dispute.status_on.isoformat()}" if dispute.status_on else ""),
    ]
    if dispute.reference:
        parts.append(md_text(dispute.reference))
    lines = [f"- #{dispute.id} " + " · ".join(parts)]
    for label, text in (
        ("field.dispute_text", dispute.text),
        ("field.cited", ", ".join(dispute.cited)),
        ("field.dispute_answer", dispute.answer),
    ):
        if text:
            body = md_text(text, multiline=True).replace("\n", "\n    ")
            lines.append(f"  - {t(label)}: {body}")
    return lines


def md_credit_report(service: Closures, platform: Platform) -> list[str]:
    reports = CreditReports(service)
    verdict = reports.judgement(platform)
    lines = [f"### {t('tui.report.title')}", "", t(f"report.state.{verdict.value}"), ""]
    checks = [_line(line, platform) for line in reports.lines(platform.id)]
    if checks:
        lines += [*checks, ""]
    disputes = reports.disputes(platform.id)
    if disputes:
        lines += [f"#### {t('tui.report.disputes')}", ""]
        for dispute in disputes:
            lines += _dispute(dispute)
        lines.append("")
    return lines
