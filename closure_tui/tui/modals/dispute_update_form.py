"""Moves an open dispute on: answered, corrected, rejected or escalated to a complaint, on
a date, with the answer received."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Select, TextArea

from closure_tui.domain.dates import parse_date
from closure_tui.domain.disputes import UPDATES, Dispute, DisputeStatus
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain
from closure_tui.tui.widgets.safe_text_area import SafeTextArea


def dispute_label(dispute: Dispute) -> str:
    """`#1 credit reference center 2026-12-01 · filed`."""
    return (
        f"#{dispute.id} {t(f'dispute.with.{dispute.filed_with.value}')} "
        f"{dispute.filed_on.isoformat()} · {t(f'dispute.status.{dispute.status.value}')}"
    )


@dataclass(frozen=True, slots=True)
class DisputeUpdate:
    dispute_id: int
    status: DisputeStatus
    on: str
    answer: str


class DisputeUpdateForm(FormModal[DisputeUpdate]):
    """Dismisses with the arguments of `CreditReports.update_dispute`."""

    AUTO_FOCUS = "#update-dispute"
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.dispute.step": "update-status",
        "err.dispute.before_filed": "update-on",
        "err.date.range": "update-on",
    }

    def __init__(self, platform_name: str, disputes: list[Dispute], today: date) -> None:
        super().__init__()
        self.platform_name = platform_name
        self.disputes = disputes
        self.today = today

    def title_text(self) -> Text:
        return plain(t("tui.dispute.update_title", name=self.platform_name))

    def fields(self) -> ComposeResult:
        choices = [(dispute_label(d), str(d.id)) for d in self.disputes]
        yield FieldRow(
            t("tui.report.disputes"),
            Select(
                choices,
                value=choices[0][1],
                allow_blank=False,
                compact=True,
                id="update-dispute",
            ),
        )
        statuses = [(t(f"dispute.status.{s.value}"), s.value) for s in UPDATES]
        yield FieldRow(
            t("cli.h.dispute_status"),
            Select(statuses, value="answered", allow_blank=False, compact=True, id="update-status"),
        )
        yield FieldRow(t("cli.h.dispute_on"), text_input("update-on", self.today.isoformat()))
        yield FieldRow(t("field.dispute_answer"), SafeTextArea("", id="update-answer"))

    def collect(self) -> DisputeUpdate:
        on = self.field_value("update-on", self._date)
        return DisputeUpdate(
            dispute_id=int(str(self.query_one("#update-dispute", Select).value)),
            status=DisputeStatus(str(self.query_one("#update-status", Select).value)),
            on=on,
            answer=self.query_one("#update-answer", TextArea).text,
        )

    def _date(self, text: str) -> str:
        parse_date(text, self.today)
        return text
