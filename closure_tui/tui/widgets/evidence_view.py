"""How a stage's evidence reads on screen: a one-line summary and the full panel.

Everything the user typed is appended as literal `Text`; amounts and account
numbers go through `money`/`account` so privacy mode hides them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text

from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import EVIDENCE_FIELDS, StageKey, StageState
from closure_tui.i18n import t
from closure_tui.tui.text import account, money, plain


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return t("pf.yes") if value else t("pf.no")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _filled(platform: Platform, key: StageKey) -> list[tuple[str, Any]]:
    evidence = platform.stage(key).evidence
    return [
        (spec.key, evidence[spec.key])
        for spec in EVIDENCE_FIELDS[key]
        if evidence.get(spec.key) not in (None, "")
    ]


def _payee_line(platform: Platform, privacy: bool) -> Text:
    payee = platform.payee
    if payee is None:
        return Text(t("pf.no_payee"), style="yellow")
    line = plain(payee.name)
    if payee.bank:
        line.append(" · ").append_text(plain(payee.bank))
    line.append(" · " + account(payee.account, privacy=privacy))
    if not payee.verified:
        line.append(" · " + t("pf.unverified"), style="bold yellow")
    return line


def evidence_summary(platform: Platform, key: StageKey, *, privacy: bool) -> Text:
    """One line for the checklist: the skip reason (the state column says n/a), or the evidence."""
    stage = platform.stage(key)
    if stage.state is StageState.SKIPPED:
        return plain(stage.skip_reason, style="italic")
    if key is StageKey.PAID:
        if platform.payee is None and not platform.payments:
            return Text("")
        line = _payee_line(platform, privacy)
        if platform.payments:
            line.append(f" · {money(platform.paid_total, privacy=privacy)}")
        return line
    line = Text()
    for field_key, value in _filled(platform, key):
        if line:
            line.append(" · ")
        line.append(t("label.colon", label=t("ev." + field_key)))
        line.append_text(plain(_value_text(value)))
    return line


def evidence_detail(
    platform: Platform, key: StageKey, *, privacy: bool, hints: bool = True
) -> Text:
    """The full evidence of one stage, one fact per line; `hints`: say which key edits it
    (not while read-only)."""
    stage = platform.stage(key)
    text = Text(t(f"stage.{key.value}.help") + "\n\n", style="dim")
    if stage.state is StageState.SKIPPED:
        text.append_text(plain(t("pf.skipped_because", reason=stage.skip_reason)))
        text.append("\n")
    elif stage.done_on is not None:
        text.append(t("pf.done_on", date=stage.done_on.isoformat()) + "\n", style="green")
    if key is StageKey.PAID:
        return text + _paid_detail(platform, privacy)
    filled = _filled(platform, key)
    if not filled:
        text.append(t("pf.no_evidence" if hints else "pf.no_evidence.read_only"), style="dim")
    for field_key, value in filled:
        text.append(t("label.colon", label=t("ev." + field_key)), style="bold")
        text.append_text(plain(_value_text(value)))
        text.append("\n")
    return text


def _paid_detail(platform: Platform, privacy: bool) -> Text:
    text = Text(t("pf.payee") + "\n", style="bold")
    text.append_text(_payee_line(platform, privacy))
    payee = platform.payee
    if payee is not None and payee.verified:
        on = payee.verified_on.isoformat() if payee.verified_on else ""
        text.append("\n")
        text.append_text(plain(t("pf.verified", via=payee.verified_via, on=on), style="green"))
    total = money(platform.paid_total, privacy=privacy)
    text.append("\n\n" + t("pf.payments", total=total) + "\n", style="bold")
    if not platform.payments:
        text.append(t("pf.no_payments"), style="dim")
    for number, payment in enumerate(platform.payments, start=1):
        amount = money(payment.amount, privacy=privacy)
        line = t(
            "pf.payment_line",
            n=number,
            on=payment.on.isoformat(),
            amount=amount,
            reference=payment.reference,
        )
        text.append_text(plain(line))
        text.append("\n")
    return text
