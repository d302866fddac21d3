"""Evidence of the `paid` stage: the verified corporate payee and every transfer made.

Payments added or removed here are pending until the form is saved, so cancel
really cancels; saving applies everything as one change (`services.paid.save_paid`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, OptionList, Static

from closure_tui.domain.money import format_money, parse_money
from closure_tui.domain.platform import Payee, Platform, clean_account
from closure_tui.domain.stages import StageKey
from closure_tui.domain.text import clean_field, mask_account
from closure_tui.i18n import t
from closure_tui.services.paid import NewPayment
from closure_tui.tui.actions import bindings
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, Invalid, text_input
from closure_tui.tui.modals.stage_forms import date_text, optional_date
from closure_tui.tui.text import money, plain


@dataclass(frozen=True, slots=True)
class PaidChanges:
    """The payee to set (None: unchanged), the payments to add and those to remove."""

    payee: Mapping[str, Any] | None
    add: tuple[NewPayment, ...]
    remove: tuple[int, ...]


class PaidForm(FormModal[PaidChanges]):
    """Dismisses with `{"payee": dict | None, "add": [NewPayment], "remove": [index]}`."""

    AUTO_FOCUS = "#payee-name"

    BINDINGS = bindings("form", "paid_form")

    def __init__(self, platform: Platform, today: date, *, privacy: bool) -> None:
        super().__init__()
        self.platform = platform
        self.today = today
        self.privacy = privacy
        self.pending: list[NewPayment] = []
        self.removed: set[int] = set()

    def title_text(self) -> Text:
        title = t("form.evidence.title", stage=t(f"stage.{StageKey.PAID.value}"))
        return Text(title) + Text(" · ") + plain(self.platform.name)

    def fields(self) -> ComposeResult:
        payee = self.platform.payee
        yield Static(t("form.paid.payee"), markup=False, classes="dialog-text")
        with Horizontal(classes="row"):
            name, bank = (payee.name, payee.bank) if payee else (None, None)
            yield FieldRow(t("form.paid.name"), text_input("payee-name", name))
            yield FieldRow(t("form.paid.bank"), text_input("payee-bank", bank))
        keep = (
            t("form.paid.account_keep", masked=mask_account(payee.account))
            if payee and not self.privacy
            else ""
        )
        yield FieldRow(t("form.paid.account"), text_input("payee-account", placeholder=keep))
        with Horizontal(classes="row"):
            yield FieldRow(
                t("form.paid.verified_via"),
                text_input("payee-via", payee.verified_via if payee else None),
            )
            yield FieldRow(
                t("form.paid.verified_on"),
                text_input(
                    "payee-on",
                    date_text(payee.verified_on) if payee else "",
                    placeholder=t("form.date_hint"),
                ),
            )
        yield Static(t("form.paid.payments"), markup=False, classes="dialog-text")
        payments = OptionList(*self._payment_lines(), id="payments", compact=True)
        payments.can_focus = payments.option_count > 0  # an empty list is no tab stop
        yield payments
        with Horizontal(classes="row"):
            yield FieldRow(t("form.paid.amount"), text_input("pay-amount"))
            yield FieldRow(t("form.paid.on"), text_input("pay-on", placeholder=t("form.date_hint")))
            yield FieldRow(t("form.paid.reference"), text_input("pay-ref"))
        with Horizontal(classes="dialog-buttons"):
            yield Button(t("form.paid.add_payment"), id="add-payment", compact=True)
            yield Button(t("form.paid.remove_payment"), id="remove-payment", compact=True)

    # ---- payments --------------------------------------------------------------------------

    def _payment_lines(self) -> list[Text]:
        lines: list[Text] = []
        for index, payment in enumerate(self.platform.payments):
            amount = money(payment.amount, privacy=self.privacy)
            line = Text(f"{payment.on.isoformat()}  {amount}  ")
            line.append_text(plain(payment.reference))
            if index in self.removed:
                line.stylize("strike dim")
            lines.append(line)
        for new in self.pending:
            amount = money(parse_money(new.amount), privacy=self.privacy)
            line = Text(f"{new.on}  {amount}  ")
            line.append_text(plain(new.reference))
            line.append(" " + t("form.paid.new"), style="italic")
            lines.append(line)
        return lines

    def _show_payments(self) -> None:
        options = self.query_one("#payments", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(self._payment_lines())
        options.can_focus = options.option_count > 0
        if highlighted is not None and options.option_count:
            options.highlighted = min(highlighted, options.option_count - 1)

    def _new_payment(self) -> NewPayment:
        values = self.collect_all(
            {
                "pay-amount": lambda text: format_money(parse_money(text)),
                "pay-on": optional_date(self.today),
                "pay-ref": lambda text: clean_field(text, "reference"),
            }
        )
        on_date = values["pay-on"] or self.today
        return NewPayment(values["pay-amount"], on_date.isoformat(), values["pay-ref"])

    def action_add_payment(self) -> None:
        try:
            payment = self._new_payment()
        except Invalid:
            return
        self.pending.append(payment)
        for field_id in ("pay-amount", "pay-on", "pay-ref"):
            self.query_one(f"#{field_id}", Input).value = ""
        self._show_payments()
        self.query_one("#pay-amount").focus()

    def action_remove_payment(self) -> None:
        index = self.query_one("#payments", OptionList).highlighted
        if index is None:
            return
        existing = len(self.platform.payments)
        if index < existing:
            self.removed ^= {index}
        else:
            del self.pending[index - existing]
        self._show_payments()

    @on(Button.Pressed, "#add-payment")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add_payment()

    @on(Button.Pressed, "#remove-payment")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_remove_payment()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a payment's fields adds that payment; in the payee's, it saves."""
        if event.input.id and event.input.id.startswith("pay-"):
            event.stop()
            event.prevent_default()  # the form's own handler would save
            self.action_add_payment()

    # ---- saving ----------------------------------------------------------------------------

    def _payee(self) -> dict[str, Any] | None:
        """The payee to save, or None when it is unchanged (or none was ever entered)."""
        current = self.platform.payee
        keep_account = current.account if current else ""
        values = self.collect_all(
            {
                "payee-name": lambda text: clean_field(text, "payee_name"),
                "payee-bank": lambda text: clean_field(text, "bank"),
                "payee-account": lambda text: clean_account(text) if text.strip() else keep_account,
                "payee-via": lambda text: clean_field(text, "verified_via"),
                "payee-on": optional_date(self.today),
            }
        )
        if not any(values.values()):
            return None
        if not values["payee-name"] or not values["payee-account"]:
            field_id = "payee-name" if not values["payee-name"] else "payee-account"
            self.show_error(field_id, t("form.paid.payee_incomplete"))
            raise Invalid
        payee = Payee(
            name=values["payee-name"],
            bank=values["payee-bank"],
            account=values["payee-account"],
            verified_via=values["payee-via"],
            verified_on=values["payee-on"],
        )
        if payee == current:
            return None
        return {
            "name": payee.name,
            "bank": payee.bank,
            "account": payee.account,
            "verified_via": payee.verified_via,
            "verified_on": date_text(payee.verified_on) or None,
        }

    def collect(self) -> PaidChanges:
        payee = self._payee()
        add = list(self.pending)
        if self.query_one("#pay-amount", Input).value.strip():
            add.append(self._new_payment())
        return PaidChanges(payee, tuple(add), tuple(sorted(self.removed)))
