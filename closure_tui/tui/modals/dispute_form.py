"""Files a dispute (异议) about a platform's lines on the credit report, prefilled from the
newest line that disagrees with the checklist: which check, what is wrong, the evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from closure_tui.domain.credit_report import ReportLine, judge
from closure_tui.domain.dates import parse_date
from closure_tui.domain.disputes import FiledWith
from closure_tui.domain.errors import DomainError
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain
from closure_tui.tui.widgets.safe_text_area import SafeTextArea


def discrepancy(platform: Platform, lines: list[ReportLine]) -> ReportLine | None:
    """The newest line that disagrees with the checklist (lines come newest first)."""
    return next((ln for ln in lines if judge(platform, ln) is Judgement.DISCREPANCY), None)


def findings(line: ReportLine) -> str:
    """What the line shows that it should not, in the current language."""
    found = []
    if line.status.value not in ("settled", "closed"):
        found.append(
            t("tui.dispute.finding.status", status=t(f"report.status.{line.status.value}"))
        )
    if line.line_shown:
        found.append(t("tui.dispute.finding.line"))
    if line.overdue_after_settle:
        found.append(t("tui.dispute.finding.mark"))
    return t("tui.dispute.list_sep").join(found)


def prefilled_text(platform: Platform, line: ReportLine | None) -> str:
    if line is None:
        return ""
    paid = platform.stage(StageKey.PAID).done_on
    return t(
        "tui.dispute.prefill",
        date=line.on.isoformat(),
        source=line.source,
        account=line.institution or platform.name,
        findings=findings(line),
        paid=paid.isoformat() if paid else "—",
    )


def cited_evidence(platform: Platform) -> str:
    """The evidence the record holds: the settlement certificate and the payments."""
    cited = []
    if platform.stage(StageKey.CERTIFICATE).state is StageState.DONE:
        cited.append(t("tui.dispute.cite.certificate"))
    if platform.payments:
        cited.append(t("tui.dispute.cite.payments"))
    return ", ".join(cited)


@dataclass(frozen=True, slots=True)
class DisputeAnswer:
    filed_with: FiledWith
    filed: str
    reference: str
    check_id: int | None
    text: str
    cited: tuple[str, ...]


class DisputeForm(FormModal[DisputeAnswer]):
    """Dismisses with the keyword arguments of `CreditReports.file_dispute` (but the platform)."""

    AUTO_FOCUS = "#dispute-with"
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.date.range": "dispute-filed",
        "err.report.check_not_found": "dispute-check",
        "err.report.check_other_platform": "dispute-check",
        "dispute_reference": "dispute-ref",
        "cited": "dispute-cited",
    }

    def __init__(self, platform: Platform, lines: list[ReportLine], today: date) -> None:
        super().__init__()
        self.platform = platform
        self.today = today
        self.line = discrepancy(platform, lines)

    def title_text(self) -> Text:
        return plain(t("tui.dispute.form_title", name=self.platform.name))

    def fields(self) -> ComposeResult:
        receivers = [(t(f"dispute.with.{w.value}"), w.value) for w in FiledWith]
        yield FieldRow(
            t("col.filed_with"),
            Select(receivers, value="center", allow_blank=False, compact=True, id="dispute-with"),
        )
        yield FieldRow(t("col.filed_on"), text_input("dispute-filed", self.today.isoformat()))
        yield FieldRow(t("field.dispute_reference"), text_input("dispute-ref"))
        check = str(self.line.id) if self.line is not None else ""
        yield FieldRow(t("cli.h.dispute_check"), text_input("dispute-check", check))
        text = prefilled_text(self.platform, self.line)
        yield FieldRow(
            t("field.dispute_text"), SafeTextArea(text, id="dispute-text", soft_wrap=True)
        )
        yield FieldRow(
            t("field.cited"),
            text_input("dispute-cited", cited_evidence(self.platform)),
            hint=t("tui.dispute.cited_hint"),
        )

    def collect(self) -> DisputeAnswer:
        values = self.collect_all(
            {"dispute-filed": self._date, "dispute-check": self._check_id, "dispute-ref": str}
        )
        cited = self.query_one("#dispute-cited", Input).value
        return DisputeAnswer(
            filed_with=FiledWith(str(self.query_one("#dispute-with", Select).value)),
            filed=values["dispute-filed"],
            reference=values["dispute-ref"],
            check_id=values["dispute-check"],
            text=self.query_one("#dispute-text", TextArea).text,
            cited=tuple(item.strip() for item in cited.split(",") if item.strip()),
        )

    def _date(self, text: str) -> str:
        parse_date(text, self.today)
        return text

    @staticmethod
    def _check_id(text: str) -> int | None:
        digits = text.strip().removeprefix("#")
        if not digits:
            return None
        if not (digits.isascii() and digits.isdigit()):
            raise DomainError("err.report.check_not_found", ref=text)
        return int(digits)
