"""Records one credit report: its date, where it came from, the file, and what it shows for
each platform on it. One report covers every platform, so the form lists them all (this
platform first); a platform whose status is left blank is not on this report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Select, Static

from closure_tui.domain.credit_report import AccountStatus
from closure_tui.domain.dates import parse_date
from closure_tui.domain.errors import DomainError
from closure_tui.domain.money import parse_money
from closure_tui.domain.platform import Platform
from closure_tui.domain.report_entry import LineEntry
from closure_tui.domain.text import clean_field
from closure_tui.i18n import describe, t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, Invalid, text_input
from closure_tui.tui.text import plain


@dataclass(frozen=True, slots=True)
class ReportCheck:
    """One report: the day it was seen, its source, its file, a line per platform shown."""

    on: str
    source: str
    file: Path | None
    entries: tuple[LineEntry, ...]


class ReportCheckForm(FormModal[ReportCheck]):
    """Dismisses with `{"on", "source", "file", "entries"}` for `CreditReports.record_check`."""

    DEFAULT_CSS = """
    ReportCheckForm .report-line { height: auto; }
    ReportCheckForm .report-line Select { width: 19; }
    ReportCheckForm .report-line Input { width: 1fr; }
    ReportCheckForm .report-line .amount { width: 12; }
    ReportCheckForm .report-line Checkbox { width: auto; }
    """
    AUTO_FOCUS = "#report-on"
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.date.range": "report-on",
        "err.date.format": "report-on",
        "report_source": "report-source",
        "err.evidence.not_a_file": "report-file",
        "err.evidence.unreadable": "report-file",
    }

    def __init__(self, platforms: list[Platform], today: date) -> None:
        super().__init__()
        self.platforms = platforms
        self.today = today

    def title_text(self) -> Text:
        return plain(t("tui.report.form_title"))

    def fields(self) -> ComposeResult:
        yield FieldRow(t("col.report_on"), text_input("report-on", self.today.isoformat()))
        yield FieldRow(
            t("field.report_source"),
            text_input("report-source", placeholder=t("tui.report.source_hint")),
        )
        yield FieldRow(t("tui.report.file"), text_input("report-file"))
        statuses = [(t(f"report.status.{s.value}"), s.value) for s in AccountStatus]
        lines = [(t("tui.report.line_absent"), "absent"), (t("tui.report.line_shown"), "present")]
        for platform in self.platforms:
            pid = platform.id
            row = Horizontal(
                Select(
                    statuses, prompt=t("tui.report.not_on_report"), compact=True, id=f"st-{pid}"
                ),
                Select(lines, value="absent", allow_blank=False, compact=True, id=f"ln-{pid}"),
                text_input(f"amt-{pid}", placeholder=t("tui.report.amount_hint"), classes="amount"),
                text_input(f"inst-{pid}", placeholder=t("field.institution")),
                Checkbox(t("tui.report.mark_short"), compact=True, id=f"mark-{pid}"),
                classes="report-line",
            )
            yield FieldRow(plain(platform.name), row)

    def collect(self) -> ReportCheck:
        values = self.collect_all(
            {
                "report-on": self._date,
                "report-source": lambda text: clean_field(text, "report_source", required=True),
                "report-file": lambda text: Path(text.strip()) if text.strip() else None,
            }
        )
        entries = [entry for p in self.platforms if (entry := self._entry(p)) is not None]
        if not entries:
            self.show_error(f"st-{self.platforms[0].id}", t("err.report.no_platform"))
            raise Invalid
        return ReportCheck(
            on=values["report-on"],
            source=values["report-source"],
            file=values["report-file"],
            entries=tuple(entries),
        )

    def _date(self, text: str) -> str:
        parse_date(text, self.today)
        return text

    def _entry(self, platform: Platform) -> LineEntry | None:
        """The platform's line, or None when it is not on this report."""
        pid = platform.id
        status = self.query_one(f"#st-{pid}", Select).value
        if not isinstance(status, str):
            return None
        shown = self.query_one(f"#ln-{pid}", Select).value == "present"
        amount_text = self.query_one(f"#amt-{pid}", Input).value.strip()
        try:
            amount = parse_money(amount_text) if amount_text else None
            institution = clean_field(self.query_one(f"#inst-{pid}", Input).value, "institution")
        except DomainError as error:
            self.show_error(f"st-{pid}", describe(error.key, error.params))
            raise Invalid from None
        self.show_error(f"st-{pid}", "")
        return LineEntry(
            platform=platform.name,
            status=AccountStatus(status),
            line_shown=shown or amount is not None,
            line_amount=amount,
            institution=institution,
            overdue_after_settle=self.query_one(f"#mark-{pid}", Checkbox).value,
        )

    def show_error(self, field_id: str, message: str) -> None:
        """A platform's line sits in a row of controls: its message goes under the row."""
        if field_id.startswith("st-"):
            row = self.query_one(f"#{field_id}").parent
            assert row is not None and row.parent is not None
            row.parent.query_one(".field-error", Static).update(message)
            row.parent.set_class(bool(message), "-invalid")
            return
        super().show_error(field_id, message)
