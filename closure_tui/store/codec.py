"""Domain objects ↔ JSON documents. Decoding validates: a bad record is reported, never dropped."""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar, cast

from closure_tui.domain.dates import parse_iso_date
from closure_tui.domain.errors import DomainError
from closure_tui.domain.evidence import Attachment, is_copy_path
from closure_tui.domain.money import format_money, parse_money
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Kind, Payee, Payment, Platform, Stage
from closure_tui.domain.stages import (
    EVIDENCE_FIELDS,
    STAGE_ORDER,
    FieldKind,
    StageKey,
    StageState,
)
from closure_tui.domain.text import mask_account
from closure_tui.i18n import describe, t

E = TypeVar("E", bound=Enum)


class RecordInvalid(ValueError):
    """A stored record does not match the schema; the message is in the user's language."""


def invalid(error: ValueError | TypeError) -> RecordInvalid:
    """Any decoding error as a `RecordInvalid` whose message the user can read: a rule's
    refusal in words, never a catalogue key, a Python message or a repr."""
    if isinstance(error, RecordInvalid):
        return error
    if isinstance(error, DomainError):
        return RecordInvalid(describe(error.key, error.params))
    return RecordInvalid(t("err.record.value"))


def wrong_type(field: str, kind: str) -> RecordInvalid:
    """`field` holds the wrong kind of value (`kind`: text, number, bool, object, list, id)."""
    return RecordInvalid(t("err.record.type", field=field, kind=t("record.kind." + kind)))


def missing(fields: str) -> RecordInvalid:
    """Required `fields` are missing or empty."""
    return RecordInvalid(t("err.record.required", fields=fields))


def stored_time(text: str) -> datetime:
    """A stored date and time; a malformed one names its text."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise RecordInvalid(t("err.record.time", value=text)) from None


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _money(value: Decimal | None) -> str | None:
    return format_money(value) if value is not None else None


def encode_evidence(key: StageKey, evidence: MappingProxyType[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in EVIDENCE_FIELDS[key]:
        value = evidence.get(spec.key)
        if spec.kind is FieldKind.DATE:
            out[spec.key] = _date(value)
        elif spec.kind is FieldKind.TEXT:
            out[spec.key] = value or ""
        else:
            out[spec.key] = value
    return out


def encode_payee(payee: Payee | None, *, reveal: bool = True) -> dict[str, Any] | None:
    if payee is None:
        return None
    return {
        "name": payee.name,
        "bank": payee.bank,
        "account": payee.account if reveal else mask_account(payee.account),
        "verified_via": payee.verified_via,
        "verified_on": _date(payee.verified_on),
    }


def encode_platform(platform: Platform, *, reveal: bool = True) -> dict[str, Any]:
    """The stored document (without id); `reveal=False` masks account numbers for output."""
    stages: dict[str, Any] = {}
    for stage in platform.stages:
        doc: dict[str, Any] = {
            "state": stage.state.value,
            "done_on": _date(stage.done_on),
            "skip_reason": stage.skip_reason,
            "evidence": encode_evidence(stage.key, stage.evidence),
        }
        if stage.key is StageKey.PAID:
            doc["payee"] = encode_payee(platform.payee, reveal=reveal)
            doc["payments"] = [
                {"amount": format_money(p.amount), "on": p.on.isoformat(), "reference": p.reference}
                for p in platform.payments
            ]
        stages[stage.key.value] = doc
    return {
        "name": platform.name,
        "kind": platform.kind.value,
        "original": _money(platform.original),
        "settled": _money(platform.settled),
        "hotline": platform.hotline,
        "app": platform.app,
        "funder": platform.funder,
        "created_on": platform.created_on.isoformat(),
        "stages": stages,
        "attachments": [encode_attachment(a) for a in platform.attachments],
    }


def encode_attachment(attachment: Attachment) -> dict[str, Any]:
    return {
        "stage": attachment.stage.value,
        "path": attachment.path,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "attached_at": attachment.attached_at.isoformat(timespec="seconds"),
        "stored": attachment.stored,
    }


def _decode_attachments(raw: Any) -> tuple[Attachment, ...]:
    if not isinstance(raw, list):
        raise wrong_type("attachments", "list")
    found = []
    for item in raw:
        if not isinstance(item, dict):
            raise wrong_type("attachments[]", "object")
        digest = _get(item, "sha256", str, "")
        size = _get(item, "size", int, -1)
        when = _get(item, "attached_at", str, "")
        path = _get(item, "path", str, "")
        if len(digest) != 64 or size < 0 or not when or not path:
            raise missing("attachments[]: path, size, sha256, attached_at")
        stored = _get(item, "stored", str, "")
        if stored and not is_copy_path(stored):
            raise RecordInvalid(t("err.record.copy_outside", path=stored[:80]))
        found.append(
            Attachment(
                stage=enum_value(StageKey, _get(item, "stage", str, "")),
                path=path,
                size=size,
                sha256=digest,
                attached_at=stored_time(when),
                stored=stored,
            )
        )
    return tuple(found)


#: How `err.record.type` names the JSON type a field needs.
_KIND_NAMES: dict[Any, str] = {str: "text", int: "number", bool: "bool", dict: "object"}


def _get(doc: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
    value = doc.get(key, default)
    if type(value) is kind:  # JSON gives exactly str, bool, dict, list: the usual case
        return value
    if value is None and default is None:
        return None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise wrong_type(key, _KIND_NAMES.get(kind, "object"))
    return value


@functools.lru_cache(maxsize=4096)
def stored_date(text: str) -> date:
    """`parse_iso_date`, remembered: a store repeats the same few hundred dates thousands
    of times, and parsing them was a tenth of decoding it. Refusals are not cached."""
    return parse_iso_date(text)


def _opt_date(doc: dict[str, Any], key: str) -> date | None:
    value = _get(doc, key, str)
    return stored_date(value) if value else None


def _opt_money(doc: dict[str, Any], key: str) -> Decimal | None:
    value = _get(doc, key, str)
    return parse_money(value) if value is not None else None


def decode_evidence(key: StageKey, raw: Any) -> MappingProxyType[str, Any]:
    if not isinstance(raw, dict):
        raise wrong_type(f"stages.{key.value}.evidence", "object")
    values: dict[str, Any] = {}
    for spec in EVIDENCE_FIELDS[key]:
        if spec.kind is FieldKind.DATE:
            values[spec.key] = _opt_date(raw, spec.key)
        elif spec.kind is FieldKind.BOOL:
            values[spec.key] = _get(raw, spec.key, bool)
        else:
            values[spec.key] = _get(raw, spec.key, str, "")
    return MappingProxyType(values)


def enum_value(kind: type[E], value: str) -> E:
    """`kind(value)` by dictionary lookup: Enum's own lookup dominated decoding 5,000 platforms."""
    members = _ENUM_VALUES.get(kind)
    if members is None:
        members = _ENUM_VALUES[kind] = {member.value: member for member in kind}
    try:
        return cast(E, members[value])
    except KeyError:
        raise RecordInvalid(
            t("err.record.enum", value=value, choices=", ".join(map(str, members)))
        ) from None


def _decode_stage(key: StageKey, raw: Any) -> Stage:
    if raw == _UNTOUCHED_RAW[key]:
        return _UNTOUCHED[key]
    if not isinstance(raw, dict):
        raise wrong_type(f"stages.{key.value}", "object")
    return Stage(
        key=key,
        state=enum_value(StageState, _get(raw, "state", str, "todo")),
        done_on=_opt_date(raw, "done_on"),
        skip_reason=_get(raw, "skip_reason", str, ""),
        evidence=_decode_stage_evidence(key, raw.get("evidence", {})),
    )


def _decode_stage_evidence(key: StageKey, raw: Any) -> MappingProxyType[str, Any]:
    """Evidence left empty is stored the same way on every stage of its kind: shared."""
    if raw == _UNTOUCHED_RAW[key]["evidence"]:
        return _UNTOUCHED[key].evidence
    return decode_evidence(key, raw)


#: Each enum's members by value, filled by `enum_value` on first use.
_ENUM_VALUES: dict[type, dict[str, Any]] = {}
#: Each stage key with its stored name (`.value` on an enum member is a Python-level call).
_STAGE_KEYS = tuple((key, key.value) for key in STAGE_ORDER)
#: A stage never touched is stored the same way on every platform (`paid` with no payee
#: and no payment): decode it once, share it.
_UNTOUCHED_RAW: dict[str, dict[str, Any]] = encode_platform(Platform(0, "-", date.min))["stages"]
_UNTOUCHED = {key: Stage(key, evidence=decode_evidence(key, {})) for key in STAGE_ORDER}


def _decode_payee(raw: Any) -> Payee | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise wrong_type("payee", "object")
    return Payee(
        name=_get(raw, "name", str, ""),
        bank=_get(raw, "bank", str, ""),
        account=_get(raw, "account", str, ""),
        verified_via=_get(raw, "verified_via", str, ""),
        verified_on=_opt_date(raw, "verified_on"),
    )


def _decode_payments(raw: Any) -> tuple[Payment, ...]:
    if not isinstance(raw, list):
        raise wrong_type("payments", "list")
    payments = []
    for item in raw:
        if not isinstance(item, dict):
            raise wrong_type("payments[]", "object")
        amount = _get(item, "amount", str)
        when = _get(item, "on", str)
        if amount is None or when is None:
            raise missing("payments[]: amount, on")
        reference = _get(item, "reference", str, "")
        payments.append(Payment(parse_money(amount), stored_date(when), reference))
    return tuple(payments)


def decode_platform(doc_id: int, doc: dict[str, Any]) -> Platform:
    """Build a Platform from its stored document; raises RecordInvalid with the reason."""
    try:
        stages_raw = _get(doc, "stages", dict, {})
        stages = tuple(_decode_stage(key, stages_raw.get(value, {})) for key, value in _STAGE_KEYS)
        paid_raw = stages_raw.get(StageKey.PAID.value, {})
        name = _get(doc, "name", str)
        created = _opt_date(doc, "created_on")
        if not name or created is None:
            raise missing("name, created_on")
        return Platform(
            id=doc_id,
            name=name,
            created_on=created,
            kind=enum_value(Kind, _get(doc, "kind", str, Kind.ONLINE_LOAN.value)),
            original=_opt_money(doc, "original"),
            settled=_opt_money(doc, "settled"),
            hotline=_get(doc, "hotline", str, ""),
            app=_get(doc, "app", str, ""),
            funder=_get(doc, "funder", str, ""),
            stages=stages,
            payee=_decode_payee(paid_raw.get("payee")) if isinstance(paid_raw, dict) else None,
            payments=_decode_payments(paid_raw.get("payments", []))
            if isinstance(paid_raw, dict)
            else (),
            attachments=_decode_attachments(doc.get("attachments", [])),
        )
    except ValueError as error:
        raise invalid(error) from None


def encode_note(note: Note) -> dict[str, Any]:
    return {
        "platform_id": note.platform_id,
        "created": note.created.isoformat(timespec="seconds"),
        "text": note.text,
        "stage": note.stage.value if note.stage else None,
    }


def decode_note(doc_id: int, doc: dict[str, Any]) -> Note:
    try:
        stage = _get(doc, "stage", str)
        platform_id = _get(doc, "platform_id", int)
        text = _get(doc, "text", str)
        created = _get(doc, "created", str)
        if platform_id is None or text is None or created is None:
            raise missing("platform_id, text, created")
        return Note(
            id=doc_id,
            platform_id=platform_id,
            created=stored_time(created),
            text=text,
            stage=enum_value(StageKey, stage) if stage else None,
        )
    except ValueError as error:
        raise invalid(error) from None


def deep_merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`new` wins for every key it has; keys only in `old` (unknown to this version) survive.

    Lists of objects (payments) keep each old item's unknown keys when the item is still
    there: an old item matches the first new item whose every known value it shares.
    """
    merged = dict(old)
    for key, value in new.items():
        previous = old.get(key)
        if isinstance(value, dict) and isinstance(previous, dict):
            merged[key] = deep_merge(previous, value)
        elif isinstance(value, list) and isinstance(previous, list):
            merged[key] = _merge_items(previous, value)
        else:
            merged[key] = value
    return merged


def _merge_items(old: list[Any], new: list[Any]) -> list[Any]:
    unused = [item for item in old if isinstance(item, dict)]
    merged = []
    for item in new:
        match = None
        if isinstance(item, dict):
            match = next((o for o in unused if all(o.get(k) == v for k, v in item.items())), None)
        if match is None:
            merged.append(item)
        else:
            unused.remove(match)
            merged.append(deep_merge(match, item))
    return merged
