"""Credit report lines and disputes ↔ JSON documents, validated on decode like every record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from closure_tui.domain.credit_report import AccountStatus, ReportFile, ReportLine
from closure_tui.domain.disputes import Dispute, DisputeStatus, FiledWith
from closure_tui.domain.evidence import is_copy_path
from closure_tui.domain.money import format_money, parse_money
from closure_tui.i18n import t
from closure_tui.store.codec import (
    RecordInvalid,
    _get,
    enum_value,
    invalid,
    missing,
    stored_date,
    stored_time,
    wrong_type,
)

T = TypeVar("T")


def _validated(build: Callable[[], T]) -> T:
    """Every refusal of a stored record as `RecordInvalid`, in the user's language."""
    try:
        return build()
    except (ValueError, TypeError) as error:
        raise invalid(error) from None


def _required(doc: dict[str, Any], *keys: str) -> None:
    if any(doc.get(key) is None for key in keys):
        raise missing(", ".join(keys))


def encode_file(file: ReportFile | None) -> dict[str, Any] | None:
    if file is None:
        return None
    return {"path": file.path, "size": file.size, "sha256": file.sha256, "stored": file.stored}


def _decode_file(raw: Any) -> ReportFile | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise wrong_type("file", "object")
    stored = _get(raw, "stored", str, "")
    if stored and not is_copy_path(stored):
        raise RecordInvalid(t("err.record.copy_outside", path=stored[:80]))
    return ReportFile(
        path=_get(raw, "path", str, ""),
        size=_get(raw, "size", int, -1),
        sha256=_get(raw, "sha256", str, ""),
        stored=stored,
    )


def encode_report_line(line: ReportLine) -> dict[str, Any]:
    return {
        "platform_id": line.platform_id,
        "on": line.on.isoformat(),
        "source": line.source,
        "created": line.created.isoformat(timespec="seconds"),
        "status": line.status.value,
        "institution": line.institution,
        "line_shown": line.line_shown,
        "line_amount": format_money(line.line_amount) if line.line_amount is not None else None,
        "overdue_after_settle": line.overdue_after_settle,
        "file": encode_file(line.file),
    }


def decode_report_line(doc_id: int, doc: dict[str, Any]) -> ReportLine:
    """Build a ReportLine from its stored document; raises RecordInvalid with the reason."""

    def build() -> ReportLine:
        _required(doc, "platform_id", "on", "created", "status")
        amount = _get(doc, "line_amount", str)
        return ReportLine(
            id=doc_id,
            platform_id=_get(doc, "platform_id", int),
            on=stored_date(_get(doc, "on", str)),
            source=_get(doc, "source", str, ""),
            created=stored_time(_get(doc, "created", str)),
            status=enum_value(AccountStatus, _get(doc, "status", str)),
            institution=_get(doc, "institution", str, ""),
            line_shown=_get(doc, "line_shown", bool, False),
            line_amount=parse_money(amount) if amount is not None else None,
            overdue_after_settle=_get(doc, "overdue_after_settle", bool, False),
            file=_decode_file(doc.get("file")),
        )

    return _validated(build)


def encode_dispute(dispute: Dispute) -> dict[str, Any]:
    return {
        "platform_id": dispute.platform_id,
        "filed_with": dispute.filed_with.value,
        "filed_on": dispute.filed_on.isoformat(),
        "created": dispute.created.isoformat(timespec="seconds"),
        "text": dispute.text,
        "reference": dispute.reference,
        "check_id": dispute.check_id,
        "cited": list(dispute.cited),
        "status": dispute.status.value,
        "status_on": dispute.status_on.isoformat() if dispute.status_on else None,
        "answer": dispute.answer,
    }


def decode_dispute(doc_id: int, doc: dict[str, Any]) -> Dispute:
    """Build a Dispute from its stored document; raises RecordInvalid with the reason."""

    def build() -> Dispute:
        _required(doc, "platform_id", "filed_with", "filed_on", "created")
        cited = _get(doc, "cited", list, [])
        if not all(isinstance(item, str) for item in cited):
            raise wrong_type("cited", "text")
        status_on = _get(doc, "status_on", str)
        return Dispute(
            id=doc_id,
            platform_id=_get(doc, "platform_id", int),
            filed_with=enum_value(FiledWith, _get(doc, "filed_with", str)),
            filed_on=stored_date(_get(doc, "filed_on", str)),
            created=stored_time(_get(doc, "created", str)),
            text=_get(doc, "text", str, ""),
            reference=_get(doc, "reference", str, ""),
            check_id=_get(doc, "check_id", int),
            cited=tuple(cited),
            status=enum_value(DisputeStatus, _get(doc, "status", str, DisputeStatus.FILED.value)),
            status_on=stored_date(status_on) if status_on else None,
            answer=_get(doc, "answer", str, ""),
        )

    return _validated(build)
