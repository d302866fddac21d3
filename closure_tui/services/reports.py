"""Reports: a printable Markdown evidence report, a CSV sheet and a complete JSON backup.

Each exporter turns a `ReportInput` into bytes; `EXPORTERS` maps the format name to
it. Markdown and CSV mask account numbers unless asked to reveal them; the JSON
backup is always complete and unmasked (it is what `import` reads back).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from closure_tui.domain.evidence import Attachment
from closure_tui.domain.history import Event
from closure_tui.domain.money import display_money, format_money
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import EVIDENCE_FIELDS, FieldKind, StageKey, StageState
from closure_tui.domain.text import display_safe, escape_for_json, mask_account
from closure_tui.i18n import t
from closure_tui.services.backup import build_backup
from closure_tui.services.closures import Closures
from closure_tui.services.evidence import file_status
from closure_tui.services.export_target import export_target
from closure_tui.services.history_view import headline
from closure_tui.services.report_contacts import md_contacts
from closure_tui.services.report_credit_md import md_credit_report
from closure_tui.services.report_text import csv_cell, md_text
from closure_tui.services.summary import summarise
from closure_tui.store.fsutil import atomic_write


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything one export needs, read once from the services."""

    service: Closures
    platforms: list[Platform]
    generated: datetime
    reveal: bool


def report_input(service: Closures, platform_id: int | None, *, reveal: bool) -> ReportInput:
    platforms = service.platforms()
    if platform_id is not None:
        platforms = [p for p in platforms if p.id == platform_id]
    return ReportInput(service, platforms, service.clock.now(), reveal)


def _account(number: str, reveal: bool) -> str:
    return number if reveal else mask_account(number)


def _cell(text: str) -> str:
    """User text made safe for one Markdown table cell or line."""
    return md_text(text)


def _pair(label: str, value: object) -> str:
    """`label: value`, with the colon the language uses."""
    return t("report.pair", label=label, value=value)


def _evidence_details(platform: Platform, key: StageKey) -> str:
    stage = platform.stage(key)
    parts = []
    if stage.state is StageState.SKIPPED and stage.skip_reason:
        parts.append(_pair(t("field.reason"), stage.skip_reason))
    for spec in EVIDENCE_FIELDS[key]:
        value = stage.evidence.get(spec.key)
        if value in (None, ""):
            continue
        if spec.kind is FieldKind.BOOL:
            value = t("cli.yes") if value else t("cli.no")
        parts.append(_pair(t("ev." + spec.key), value))
    return t("report.sep").join(parts)


def _file_line(service: Closures, attachment: Attachment) -> str:
    checked = (
        service.store.data_dir / attachment.stored if attachment.stored else Path(attachment.path)
    )
    status = file_status(checked, attachment)
    return (
        f"{_cell(Path(attachment.path).name)} — {attachment.size} B — "
        f"SHA-256 `{attachment.sha256}` — {t('evidence.status.' + status.value)}"
    )


def _md_summary(data: ReportInput) -> list[str]:
    summary = summarise(data.platforms)
    heads = ("platforms", "closed", "total_original", "total_settled", "saved")
    values = (
        str(summary.platforms),
        str(summary.closed),
        display_money(summary.original),
        display_money(summary.settled),
        display_money(summary.saved),
    )
    return [
        f"## {t('report.summary')}",
        "",
        "| " + " | ".join(t(f"report.{head}") for head in heads) + " |",
        "|" + "---|" * len(heads),
        "| " + " | ".join(values) + " |",
        "",
    ]


def _md_stages(platform: Platform) -> list[str]:
    lines = [
        f"### {t('report.stages')}",
        "",
        f"| {t('report.stage')} | {t('report.state')} | {t('report.date')} | "
        f"{t('report.detail')} |",
        "|---|---|---|---|",
    ]
    for stage in platform.stages:
        when = stage.done_on.isoformat() if stage.done_on else ""
        lines.append(
            f"| {t('stage.' + stage.key.value)} | {t('report.state.' + stage.state.value)} | "
            f"{when} | {_cell(_evidence_details(platform, stage.key))} |"
        )
    return [*lines, ""]


def _md_payments(platform: Platform, reveal: bool) -> list[str]:
    lines = [f"### {t('report.payee')}", ""]
    payee = platform.payee
    if payee is None:
        lines.append(t("report.none"))
    else:
        verified = payee.verified_via or t("cli.unverified")
        when = f", {payee.verified_on.isoformat()}" if payee.verified_on else ""
        lines.append(
            f"{_cell(payee.name)} · {_cell(payee.bank)} · {_account(payee.account, reveal)}"
            + t("report.parens", text=_pair(t("report.verified_via"), _cell(verified) + when))
        )
    lines += ["", f"### {t('report.payments')}", ""]
    if not platform.payments:
        return [*lines, t("report.none"), ""]
    lines += [
        f"| {t('report.date')} | {t('report.amount')} | {t('report.reference')} |",
        "|---|---|---|",
    ]
    lines += [
        f"| {p.on.isoformat()} | {display_money(p.amount)} | {_cell(p.reference)} |"
        for p in platform.payments
    ]
    return [*lines, ""]


def _md_certificate(data: ReportInput, platform: Platform) -> list[str]:
    stage = platform.stage(StageKey.CERTIFICATE)
    state = t("report.state." + stage.state.value)
    when = f" · {stage.done_on.isoformat()}" if stage.done_on else ""
    lines = [f"### {t('report.certificate')}", "", f"{state}{when}"]
    details = _evidence_details(platform, StageKey.CERTIFICATE)
    if details:
        lines.append(t("report.parens", text=_cell(details)).strip())
    lines += ["", f"### {t('report.files')}", ""]
    if not platform.attachments:
        return [*lines, t("report.none"), ""]
    lines += [
        f"- {_pair(t('stage.' + a.stage.value), _file_line(data.service, a))}"
        for a in platform.attachments
    ]
    return [*lines, ""]


def _md_notes(notes: list[Note]) -> list[str]:
    lines = [f"### {t('report.notes')}", ""]
    if not notes:
        return [*lines, t("report.none"), ""]
    for note in sorted(notes, key=lambda n: (n.created, n.id)):
        stage = f" [{t('stage.' + note.stage.value)}]" if note.stage else ""
        text = md_text(note.text, multiline=True).replace("\n", "\n  ")
        lines.append(f"- {_pair(f'{note.created:%Y-%m-%d %H:%M}{stage}', text)}")
    return [*lines, ""]


def _md_history(events: list[Event]) -> list[str]:
    lines = [f"### {t('report.history')}", ""]
    if not events:
        return [*lines, t("report.none"), ""]
    return [*lines, *(f"- {_cell(headline(event, with_platform=False))}" for event in events), ""]


def export_md(data: ReportInput) -> bytes:
    lines = [
        f"# {t('report.title')}",
        "",
        t("report.generated", at=f"{data.generated:%Y-%m-%d %H:%M}"),
        "",
        *_md_summary(data),
    ]
    for platform in data.platforms:
        lines += [
            f"## {_cell(platform.name)} (#{platform.id})",
            "",
            " · ".join(
                (
                    _pair(t("report.kind"), t("kind." + platform.kind.value)),
                    _pair(t("report.original"), display_money(platform.original)),
                    _pair(t("report.settled"), display_money(platform.settled)),
                    _pair(
                        t("report.progress"), f"{platform.done_count}/{platform.applicable_count}"
                    ),
                )
            ),
            "",
            *_md_stages(platform),
            *_md_payments(platform, data.reveal),
            *_md_certificate(data, platform),
            *md_credit_report(data.service, platform),
            *_md_notes(data.service.notes(platform.id)),
            *md_contacts(data.service, platform.id),
            *_md_history(data.service.history.events(platform.id)),
        ]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _csv_row(platform: Platform, reveal: bool) -> list[str]:
    payee = platform.payee
    certificates = [a.sha256 for a in platform.attachments if a.stage is StageKey.CERTIFICATE]
    stages = [
        t("report.state." + s.state.value) + (f" {s.done_on.isoformat()}" if s.done_on else "")
        for s in platform.stages
    ]
    saved = platform.saved
    return [
        str(platform.id),
        display_safe(platform.name),
        t("kind." + platform.kind.value),
        format_money(platform.original) if platform.original is not None else "",
        format_money(platform.settled) if platform.settled is not None else "",
        format_money(saved) if saved is not None else "",
        t("cli.yes") if platform.closed else t("cli.no"),
        *stages,
        display_safe(payee.name) if payee else "",
        display_safe(payee.bank) if payee else "",
        _account(payee.account, reveal) if payee else "",
        display_safe(payee.verified_via) if payee else "",
        format_money(platform.paid_total),
        " ".join(certificates),
    ]


def export_csv(data: ReportInput) -> bytes:
    """One row per platform; UTF-8 with a BOM so spreadsheet programs read Chinese correctly."""
    header = [
        *(t(f"report.{key}") for key in ("id", "platform", "kind", "original", "settled")),
        *(t(f"report.{key}") for key in ("saved", "closed")),
        *(t(f"stage.{key.value}") for key in StageKey),
        *(t(f"report.{key}") for key in ("payee", "bank", "account", "verified_via", "paid")),
        f"{t('report.certificate')} SHA-256",
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in _csv_row(p, data.reveal)] for p in data.platforms)
    return buffer.getvalue().encode("utf-8-sig")


def export_json(data: ReportInput) -> bytes:
    """The complete, unmasked backup (`reveal` does not apply)."""
    ids = {p.id for p in data.platforms}
    backup = build_backup(data.service, ids, data.generated)
    return (escape_for_json(json.dumps(backup, ensure_ascii=False, indent=2)) + "\n").encode()


def export_archive(data: ReportInput) -> bytes:
    """The JSON backup with the evidence copies it refers to and a SHA256SUMS manifest."""
    from closure_tui.services.archive import archive_bytes

    backup = build_backup(data.service, {p.id for p in data.platforms}, data.generated)
    return archive_bytes(backup, data.service.store.data_dir)


Exporter = Callable[[ReportInput], bytes]
EXPORTERS: dict[str, Exporter] = {
    "md": export_md,
    "csv": export_csv,
    "json": export_json,
    "archive": export_archive,
}


def save_export(path: Path, content: bytes, data_dir: Path, *, force: bool = False) -> Path:
    """Write the export atomically, readable by the owner only (it holds private data)."""
    target = export_target(path, data_dir, force=force)
    atomic_write(target, content)
    return target
