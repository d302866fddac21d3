"""Platforms decoded from a file the record of checked files vouches for (`verified`).

A speed trick, kept in this one place. Such a file holds exactly the bytes this program
wrote from records it had decoded, or checked in full when it opened them, under these
very codecs (the record is keyed to their source). The checking decoder's per-field type
checks (`codec._get`, about fifty per platform) cannot fail on it, and they were most of
the time decoding a store's platforms took on the way to the dashboard's first frame.
Here every record is still built through its constructors, and every value converted by
the same functions (dates, amounts, enum members); only the checks are left out.

Anything unexpected (a key missing, a value of another shape) is handed to the checking
decoder, which reports it as damage as it always did: this never decides what is valid.
A file not vouched for is always decoded by `codec.decode_platform`.
"""

from __future__ import annotations

from datetime import datetime
from types import MappingProxyType
from typing import Any

from closure_tui.domain.evidence import Attachment
from closure_tui.domain.money import parse_money
from closure_tui.domain.platform import Kind, Payee, Payment, Platform, Stage
from closure_tui.domain.stages import EVIDENCE_FIELDS, FieldKind, StageKey, StageState
from closure_tui.store.codec import (
    _STAGE_KEYS,
    _UNTOUCHED,
    _UNTOUCHED_RAW,
    decode_platform,
    enum_value,
    stored_date,
)

_PAID = StageKey.PAID.value
#: Each stage's evidence fields: (key, whether it holds a date).
_EVIDENCE = {
    key: tuple((spec.key, spec.kind is FieldKind.DATE) for spec in specs)
    for key, specs in EVIDENCE_FIELDS.items()
}


def decode_recorded_platform(doc_id: int, doc: dict[str, Any]) -> Platform:
    """`decode_platform` for a vouched-for document: the same Platform, built unchecked;
    on anything unexpected, the checking decoder (which raises `RecordInvalid`)."""
    try:
        return _platform(doc_id, doc)
    except Exception:  # the checking decoder says what is wrong
        return decode_platform(doc_id, doc)


def _platform(doc_id: int, doc: dict[str, Any]) -> Platform:
    stages_raw = doc["stages"]
    paid = stages_raw[_PAID]
    payee = paid["payee"]
    original = doc["original"]
    settled = doc["settled"]
    return Platform(
        id=doc_id,
        name=doc["name"] or _absent(),
        created_on=stored_date(doc["created_on"]),
        kind=enum_value(Kind, doc["kind"]),
        original=None if original is None else parse_money(original),
        settled=None if settled is None else parse_money(settled),
        hotline=doc["hotline"],
        app=doc["app"],
        funder=doc["funder"],
        stages=tuple(_stage(key, stages_raw[name]) for key, name in _STAGE_KEYS),
        payee=None
        if payee is None
        else Payee(
            payee["name"],
            payee["bank"],
            payee["account"],
            payee["verified_via"],
            _day(payee["verified_on"]),
        ),
        payments=tuple(
            Payment(parse_money(p["amount"]), stored_date(p["on"]), p["reference"])
            for p in paid["payments"]
        ),
        attachments=tuple(_attachment(item) for item in doc["attachments"]),
    )


def _absent() -> Any:
    raise KeyError("name")


def _day(value: str | None) -> Any:
    return stored_date(value) if value else None


def _stage(key: StageKey, raw: dict[str, Any]) -> Stage:
    if raw == _UNTOUCHED_RAW[key]:
        return _UNTOUCHED[key]
    evidence = raw["evidence"]
    return Stage(
        key,
        enum_value(StageState, raw["state"]),
        _day(raw["done_on"]),
        raw["skip_reason"],
        _UNTOUCHED[key].evidence
        if evidence == _UNTOUCHED_RAW[key]["evidence"]
        else MappingProxyType(
            {
                name: _day(evidence[name]) if dated else evidence[name]
                for name, dated in _EVIDENCE[key]
            }
        ),
    )


def _attachment(item: dict[str, Any]) -> Attachment:
    return Attachment(
        stage=enum_value(StageKey, item["stage"]),
        path=item["path"],
        size=item["size"],
        sha256=item["sha256"],
        attached_at=datetime.fromisoformat(item["attached_at"]),
        stored=item["stored"],
    )
