"""Plain-text views of platforms for the command line, and how JSON is printed."""

from __future__ import annotations

import json
from typing import Any

from closure_tui.domain.money import display_money
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import EVIDENCE_FIELDS, FieldKind, StageState
from closure_tui.domain.text import display_safe, escape_for_json, mask_account
from closure_tui.i18n import t
from closure_tui.services.listing import next_label, progress_bar
from closure_tui.textwidth import fit


def json_text(data: Any) -> str:
    """Indented JSON for the terminal: readable Chinese, but no raw control or bidi character."""
    return escape_for_json(json.dumps(data, ensure_ascii=False, indent=2))


def table(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join(
        "  ".join(fit(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def list_text(platforms: list[Platform]) -> str:
    if not platforms:
        return t("cli.list.empty")
    header = [
        t("cli.col.id"),
        t("cli.col.name"),
        t("cli.col.kind"),
        t("cli.col.progress"),
        t("cli.col.next"),
        t("cli.col.settled"),
    ]
    rows = [header] + [
        [
            f"#{p.id}",
            display_safe(p.name),
            t(f"kind.{p.kind.value}"),
            progress_bar(p),
            next_label(p),
            display_money(p.settled),
        ]
        for p in platforms
    ]
    return table(rows, [5, 24, 14, 12, 24, 16])


def _evidence_line(platform: Platform, stage_index: int, reveal: bool) -> str:
    stage = platform.stages[stage_index]
    parts = []
    for spec in EVIDENCE_FIELDS[stage.key]:
        value = stage.evidence.get(spec.key)
        if value in (None, ""):
            continue
        if spec.kind is FieldKind.BOOL:
            value = t("cli.yes") if value else t("cli.no")
        parts.append(f"{t('ev.' + spec.key)}: {display_safe(str(value))}")
    if stage.key.value == "paid" and platform.payee is not None:
        payee = platform.payee
        account = display_safe(payee.account if reveal else mask_account(payee.account))
        verified = payee.verified_via or t("cli.unverified")
        parts.append(
            f"{display_safe(payee.name)} {display_safe(payee.bank)} {account} "
            f"({t('field.verified_via')}: {display_safe(verified)})"
        )
    for payment in platform.payments if stage.key.value == "paid" else ():
        reference = f" {display_safe(payment.reference)}" if payment.reference else ""
        parts.append(f"{display_money(payment.amount)} @ {payment.on}{reference}")
    return "; ".join(parts)


def show_text(platform: Platform, notes: list[Note], *, reveal: bool = False) -> str:
    lines = [
        f"#{platform.id} {display_safe(platform.name)}  ({t('kind.' + platform.kind.value)})",
        f"{t('cli.original')}: {display_money(platform.original)}   "
        f"{t('cli.settled')}: {display_money(platform.settled)}",
    ]
    for label, value in (
        ("field.hotline", platform.hotline),
        ("field.app", platform.app),
        ("field.funder", platform.funder),
    ):
        if value:
            lines.append(f"{t(label)}: {display_safe(value)}")
    lines.append("")
    marks = {StageState.DONE: "[x]", StageState.TODO: "[ ]", StageState.SKIPPED: "[-]"}
    for index, stage in enumerate(platform.stages):
        when = stage.done_on.isoformat() if stage.done_on else ""
        reason = display_safe(stage.skip_reason)
        lines.append(
            f"{marks[stage.state]} {fit(t('stage.' + stage.key.value), 26)} {when}{reason}".rstrip()
        )
        evidence = _evidence_line(platform, index, reveal)
        if evidence:
            lines.append(f"      {evidence}")
    if platform.attachments:
        lines += ["", t("cli.files")]
        lines += [
            f"  [{t('stage.' + a.stage.value)}] {display_safe(a.path)}  {a.size} B  "
            f"SHA-256 {a.sha256[:16]}…"
            for a in platform.attachments
        ]
    if notes:
        lines.append("")
        lines.append(t("cli.notes"))
        for note in notes:
            about = f" [{t('stage.' + note.stage.value)}]" if note.stage else ""
            lines.append(f"  {note.created:%Y-%m-%d %H:%M}{about}")
            lines.extend(
                f"    {line}" for line in display_safe(note.text, multiline=True).split("\n")
            )
    return "\n".join(lines)
