"""Ticking a stage with its facts: the date it was done, and for `negotiated` the pay-by date.

The same date forms as the command line (`2026-11-20`, 昨天, `+3d` …); the services decide
what is refused, and the form shows it under the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult

from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.modals.stage_forms import date_text, optional_date
from closure_tui.tui.text import plain


@dataclass(frozen=True, slots=True)
class TickAnswer:
    """The done date and pay-by date as typed; None when not asked or left empty."""

    on: str | None
    pay_by: str | None


class TickForm(FormModal[TickAnswer]):
    """Dismisses with `{"on": date text or None, "pay_by": date text or None}`.

    `ask_done`: the done date, prefilled with the stage's date or today. `negotiated`
    also asks for the agreed pay-by date (optional), so the offer-lapse reminder exists
    whichever way the stage was ticked.
    """

    ENTER_ADVANCES = True
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.pay_by.before_negotiated": "tick-pay-by",
        "err.tick.future": "tick-on",
    }

    def __init__(self, platform: Platform, stage: StageKey, today: date, *, ask_done: bool) -> None:
        super().__init__()
        self.platform = platform
        self.stage = stage
        self.today = today
        self.ask_done = ask_done

    @property
    def asks_pay_by(self) -> bool:
        return self.stage is StageKey.NEGOTIATED

    def title_text(self) -> Text:
        key = "form.tick.date_title" if self.ask_done else "form.tick.title"
        subject = f"{self.platform.name} · {t(f'stage.{self.stage.value}')}"
        return plain(t(key, subject=subject))

    def fields(self) -> ComposeResult:
        stage = self.platform.stage(self.stage)
        if self.ask_done:
            done = stage.done_on or self.today
            yield FieldRow(
                t("form.tick.on"),
                text_input("tick-on", done.isoformat(), placeholder=t("form.date_hint")),
            )
        if self.asks_pay_by:
            yield FieldRow(
                t("form.tick.pay_by"),
                text_input(
                    "tick-pay-by",
                    date_text(stage.evidence.get("pay_by")),
                    placeholder=t("form.date_hint"),
                ),
                hint=t("form.tick.pay_by_hint"),
            )

    def collect(self) -> TickAnswer:
        parse = optional_date(self.today)
        parsers = {"tick-on": parse} if self.ask_done else {}
        if self.asks_pay_by:
            parsers["tick-pay-by"] = parse
        values = self.collect_all(parsers)
        return TickAnswer(
            on=date_text(values.get("tick-on")) or None,
            pay_by=date_text(values.get("tick-pay-by")) or None,
        )
