"""The platform screen's credit report section: what the newest report shows, every check
that concerns the platform, and its disputes with their answer-due dates."""

from __future__ import annotations

from rich.text import Text

from closure_tui.domain.credit_report import ReportLine, judge
from closure_tui.domain.disputes import Dispute
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.platform import Platform
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.credit_report import CreditReports
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.text import money, plain
from closure_tui.tui.widgets.platform_panel import PlatformPanel

STATE_STYLES = {
    Judgement.CONFIRMED: "bold green",
    Judgement.NOT_YET: "yellow",
    Judgement.DISCREPANCY: "bold red",
    Judgement.UNCHECKED: "dim",
}


def line_text(line: ReportLine, platform: Platform, *, privacy: bool) -> Text:
    """`2026-11-20 #3 某银行 settled · line shown ¥5,000.00 → discrepancy`."""
    text = Text(f"{line.on.isoformat()} #{line.id} ")
    if line.institution:
        text.append_text(plain(line.institution)).append(" ")
    text.append(t(f"report.status.{line.status.value}"))
    shown = t("tui.report.line_shown") if line.line_shown else t("tui.report.line_absent")
    text.append(f" · {shown}")
    if line.line_amount is not None:
        text.append(" " + money(line.line_amount, privacy=privacy))
    if line.overdue_after_settle:
        text.append(f" · {t('report.overdue_mark')}", style="red")
    verdict = judge(platform, line)
    text.append(" → ").append(t(f"report.state.{verdict.value}"), style=STATE_STYLES[verdict])
    text.append("  ").append_text(plain(line.source, style="dim"))
    return text


def dispute_text(dispute: Dispute, today_overdue: bool) -> Text:
    text = Text(f"#{dispute.id} {t(f'dispute.with.{dispute.filed_with.value}')} ")
    text.append(dispute.filed_on.isoformat() + " · ")
    text.append(t(f"dispute.status.{dispute.status.value}"))
    if dispute.is_open:
        text.append(" · " + t("tui.report.answer_due", date=dispute.answer_due.isoformat()))
    if today_overdue:
        text.append(" · " + t("dispute.overdue"), style="bold red")
    if dispute.reference:
        text.append("  ").append_text(plain(dispute.reference, style="dim"))
    return text


class CreditReportPanel(PlatformPanel):
    """Redraws after every change and when privacy mode hides the amounts."""

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "privacy", self.reload, init=False)

    def build(self, service: Closures) -> Text:
        platform = service.get(self.platform_id)
        reports = CreditReports(service)
        privacy = closure_app(self).privacy
        verdict = reports.judgement(platform)
        text = Text(no_wrap=False)
        text.append(t("tui.report.title") + "  ", style="bold")
        text.append(t(f"report.state.{verdict.value}"), style=STATE_STYLES[verdict])
        text.append("\n")
        for line in reports.lines(platform.id):
            text.append_text(line_text(line, platform, privacy=privacy)).append("\n")
        disputes = reports.disputes(platform.id)
        if disputes:
            text.append(t("tui.report.disputes") + "\n", style="bold")
        today = service.today()
        for dispute in disputes:
            text.append_text(dispute_text(dispute, dispute.overdue(today))).append("\n")
        text.append(t("tui.report.keys"), style="dim")
        return text
