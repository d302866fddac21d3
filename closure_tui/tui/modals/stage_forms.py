"""Forms about one stage: the reason it does not apply, and the evidence it keeps."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox

from closure_tui.domain.dates import parse_date
from closure_tui.domain.errors import DomainError
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import EVIDENCE_FIELDS, FieldKind, StageKey
from closure_tui.domain.text import clean_field
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain


def optional_date(today: date) -> Callable[[str], date | None]:
    """A parser for an optional date field, relative to the app's clock."""

    def parse(text: str) -> date | None:
        return parse_date(text, today) if text.strip() else None

    return parse


def date_text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else ""


class SkipForm(FormModal[str]):
    """Why this stage does not apply; the reason is kept and shown on the checklist."""

    AUTO_FOCUS = "#reason"

    def __init__(self, stage: StageKey, reason: str = "", *, platform_name: str = "") -> None:
        super().__init__()
        self.stage = stage
        self.reason = reason
        self.platform_name = platform_name

    def title_text(self) -> Text:
        title = Text(t("form.skip.title", stage=t(f"stage.{self.stage.value}")))
        if self.platform_name:
            title += Text(" · ") + plain(self.platform_name)
        return title

    def fields(self) -> ComposeResult:
        yield FieldRow(
            t("form.skip.reason"),
            text_input("reason", self.reason, placeholder=t("form.skip.hint")),
        )

    def collect(self) -> str:
        def required_reason(text: str) -> str:
            cleaned = clean_field(text, "reason")
            if not cleaned:
                raise DomainError("err.skip.reason")
            return cleaned

        return self.field_value("reason", required_reason)


@dataclass(frozen=True, slots=True)
class EvidenceAnswer:
    """Each evidence field of the stage: text, a date as text ("" for none) or yes/no."""

    fields: Mapping[str, str | bool]


class EvidenceForm(FormModal[EvidenceAnswer]):
    """The evidence fields of one stage (`EVIDENCE_FIELDS`): text, dates and yes/no."""

    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {"err.pay_by.before_negotiated": "ev-pay_by"}

    def __init__(self, platform: Platform, stage: StageKey, today: date) -> None:
        super().__init__()
        self.platform = platform
        self.stage = stage
        self.today = today

    def title_text(self) -> Text:
        title = t("form.evidence.title", stage=t(f"stage.{self.stage.value}"))
        return Text(title) + Text(" · ") + plain(self.platform.name)

    def fields(self) -> ComposeResult:
        evidence = self.platform.stage(self.stage).evidence
        for spec in EVIDENCE_FIELDS[self.stage]:
            label = t(f"ev.{spec.key}")
            value = evidence.get(spec.key)
            field_id = f"ev-{spec.key}"
            if spec.kind is FieldKind.BOOL:
                yield Checkbox(label, bool(value), id=field_id, compact=True)
            elif spec.kind is FieldKind.DATE:
                yield FieldRow(
                    label, text_input(field_id, date_text(value), placeholder=t("form.date_hint"))
                )
            else:
                yield FieldRow(label, text_input(field_id, str(value or "")))

    def collect(self) -> EvidenceAnswer:
        specs = EVIDENCE_FIELDS[self.stage]
        parsers: dict[str, Callable[[str], Any]] = {}
        for spec in specs:
            if spec.kind is FieldKind.DATE:
                parsers[f"ev-{spec.key}"] = optional_date(self.today)
            elif spec.kind is FieldKind.TEXT:
                parsers[f"ev-{spec.key}"] = functools.partial(clean_field, field="ev." + spec.key)
        parsed = self.collect_all(parsers)
        values: dict[str, str | bool] = {}
        for spec in specs:
            field_id = f"ev-{spec.key}"
            if spec.kind is FieldKind.BOOL:
                values[spec.key] = self.query_one(f"#{field_id}", Checkbox).value
            elif spec.kind is FieldKind.DATE:
                values[spec.key] = date_text(parsed[field_id])
            else:
                values[spec.key] = parsed[field_id]
        return EvidenceAnswer(values)
