"""Add or edit a platform: name (with suggestions), kind, amounts and official contacts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Select

from closure_tui.domain.money import format_money, parse_money
from closure_tui.domain.platform import Kind, Platform
from closure_tui.domain.text import clean_field, clean_name
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain

#: Names offered while typing. Deliberately no phone numbers: the user records the
#: hotline they verified themselves, since scams imitate lenders' numbers.
COMMON_PLATFORMS = (
    "借呗",
    "花呗",
    "网商贷",
    "京东金条",
    "京东白条",
    "美团借钱",
    "度小满",
    "招联金融",
    "微粒贷",
    "分期乐",
    "拍拍贷",
    "马上消费",
    "安逸花",
)

_CONTACTS = ("hotline", "app", "funder")


def _optional_money(text: str) -> Decimal | None:
    return parse_money(text) if text.strip() else None


def _amount_text(amount: Decimal | None) -> str:
    return "" if amount is None else format_money(amount)


@dataclass(frozen=True, slots=True)
class PlatformFields:
    """The platform's fields as the services read them (amounts as text, "" for none)."""

    name: str
    kind: str
    original: str
    settled: str
    hotline: str
    app: str
    funder: str

    def as_changes(self) -> dict[str, str]:
        return asdict(self)


class PlatformForm(FormModal[PlatformFields]):
    """Dismisses with the fields as text for `Closures.add_platform` / `edit_platform`."""

    AUTO_FOCUS = "#name"
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {"err.platform.duplicate": "name"}

    def __init__(self, platform: Platform | None) -> None:
        super().__init__()
        self.platform = platform

    def title_text(self) -> str | Text:
        if self.platform is None:
            return t("form.platform.add")
        return plain(t("form.platform.edit", name=self.platform.name))

    def fields(self) -> ComposeResult:
        current = self.platform
        yield FieldRow(
            t("form.platform.name"),
            text_input(
                "name",
                current.name if current else "",
                placeholder=t("form.platform.name_hint"),
                suggester=SuggestFromList(COMMON_PLATFORMS, case_sensitive=False),
            ),
        )
        kinds = [(t(f"kind.{kind.value}"), kind.value) for kind in Kind]
        yield FieldRow(
            t("form.platform.kind"),
            Select(
                kinds,
                value=(current.kind if current else Kind.ONLINE_LOAN).value,
                allow_blank=False,
                compact=True,
                id="kind",
            ),
        )
        with Horizontal(classes="row"):
            for key in ("original", "settled"):
                yield FieldRow(
                    t(f"form.platform.{key}"),
                    text_input(
                        key,
                        _amount_text(getattr(current, key) if current else None),
                        placeholder=t("form.platform.amount_hint"),
                    ),
                )
        yield FieldRow(
            t("form.platform.hotline"),
            text_input("hotline", current.hotline if current else ""),
            hint=t("form.platform.hotline_hint"),
        )
        with Horizontal(classes="row"):
            for key in ("app", "funder"):
                yield FieldRow(
                    t(f"form.platform.{key}"),
                    text_input(key, getattr(current, key) if current else ""),
                )

    def collect(self) -> PlatformFields:
        parsers: dict[str, Callable[[str], Any]] = {
            "name": clean_name,
            "original": _optional_money,
            "settled": _optional_money,
            **{key: functools.partial(clean_field, field=key) for key in _CONTACTS},
        }
        values = self.collect_all(parsers)
        kind = self.query_one("#kind", Select).value
        return PlatformFields(
            name=values["name"],
            kind=str(kind),
            original=_amount_text(values["original"]),
            settled=_amount_text(values["settled"]),
            hotline=values["hotline"],
            app=values["app"],
            funder=values["funder"],
        )
