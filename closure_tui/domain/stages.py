"""The six closure stages, in order, and the evidence each one keeps."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class StageKey(StrEnum):
    """One name per stage, the same in code, UI keys and JSON."""

    NEGOTIATED = "negotiated"
    PAID = "paid"
    CERTIFICATE = "certificate"
    ACCOUNT_CANCELLED = "account_cancelled"
    CREDIT_LINE_CANCELLED = "credit_line_cancelled"
    CARD_UNBOUND = "card_unbound"


STAGE_ORDER: tuple[StageKey, ...] = tuple(StageKey)


class StageState(StrEnum):
    TODO = "todo"
    DONE = "done"
    SKIPPED = "skipped"


class FieldKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    BOOL = "bool"


class EvidenceField(NamedTuple):
    """One piece of evidence a stage keeps; `key` is also its catalogue key suffix. A
    fixed description, not a record: a NamedTuple, as `closure_tui.store.store.Notice`
    says why."""

    key: str
    kind: FieldKind = FieldKind.TEXT


_T, _D, _B = FieldKind.TEXT, FieldKind.DATE, FieldKind.BOOL

# The `paid` stage's payee and payments are structured and live on the platform.
EVIDENCE_FIELDS: dict[StageKey, tuple[EvidenceField, ...]] = {
    StageKey.NEGOTIATED: (
        EvidenceField("pay_by", _D),
        EvidenceField("agreed_with"),
        EvidenceField("reference"),
    ),
    StageKey.PAID: (),
    StageKey.CERTIFICATE: (
        EvidenceField("received_on", _D),
        EvidenceField("stamped", _B),
        EvidenceField("file"),
    ),
    StageKey.ACCOUNT_CANCELLED: (
        EvidenceField("channel"),
        EvidenceField("confirmed_by_phone", _B),
    ),
    StageKey.CREDIT_LINE_CANCELLED: (
        EvidenceField("platform_channel"),
        EvidenceField("funder_channel"),
    ),
    StageKey.CARD_UNBOUND: (EvidenceField("cards"),),
}


def parse_stage(text: str) -> StageKey:
    """A stage from its key (as typed on the command line)."""
    from closure_tui.domain.errors import DomainError

    try:
        return StageKey(text.strip().lower())
    except ValueError:
        raise DomainError("err.stage.unknown", value=text, choices=", ".join(STAGE_ORDER)) from None
