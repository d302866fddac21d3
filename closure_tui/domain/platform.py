"""A platform (lender) and its closure stages: pure data plus the rules that read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from closure_tui.domain.errors import DomainError, Problem
from closure_tui.domain.evidence import Attachment
from closure_tui.domain.stages import STAGE_ORDER, StageKey, StageState
from closure_tui.domain.text import mask_account


class Kind(StrEnum):
    CREDIT_CARD = "credit_card"
    BANK_LOAN = "bank_loan"
    ONLINE_LOAN = "online_loan"
    ONLINE_LOAN_UNREPORTED = "online_loan_unreported"
    OTHER = "other"


def parse_kind(text: str) -> Kind:
    try:
        return Kind(text.strip().lower())
    except ValueError:
        raise DomainError(
            "err.kind.unknown", value=text, choices=", ".join(k.value for k in Kind)
        ) from None


_ACCOUNT_RE = re.compile(r"[0-9]{4,34}", re.ASCII)


def clean_account(text: str) -> str:
    """A bank account number: ASCII digits (spaces ignored), 4 to 34 of them."""
    digits = text.replace(" ", "") if isinstance(text, str) else ""
    if not _ACCOUNT_RE.fullmatch(digits):
        raise DomainError("err.account.format")
    return digits


@dataclass(frozen=True, slots=True)
class Payee:
    """The corporate account paid, and how the user confirmed it through an official channel."""

    name: str
    bank: str
    account: str
    verified_via: str = ""
    verified_on: date | None = None

    @property
    def verified(self) -> bool:
        return bool(self.verified_via.strip())

    def __repr__(self) -> str:
        """Masked, so a traceback with locals or a log line never carries the full number."""
        masked = mask_account(self.account)
        return (
            f"Payee(name={self.name!r}, bank={self.bank!r}, account={masked!r}, "
            f"verified_via={self.verified_via!r}, verified_on={self.verified_on!r})"
        )


@dataclass(frozen=True, slots=True)
class Payment:
    """Money paid towards the settlement: how much, the day, the bank's reference."""

    amount: Decimal
    on: date
    reference: str = ""


def _frozen(mapping: dict[str, Any] | None = None) -> MappingProxyType[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Stage:
    """One closure step of a platform: done, to do or not applicable (and why), the day
    it was done and the evidence kept for it."""

    key: StageKey
    state: StageState = StageState.TODO
    done_on: date | None = None
    skip_reason: str = ""
    evidence: MappingProxyType[str, Any] = field(default_factory=_frozen)


#: The states, read per stage by the properties the dashboard asks of every platform: a
#: member read through its enum class goes through `EnumType`'s attribute hook each time.
_TODO, _DONE, _SKIPPED = StageState.TODO, StageState.DONE, StageState.SKIPPED


def fresh_stages() -> tuple[Stage, ...]:
    return tuple(Stage(key) for key in STAGE_ORDER)


@dataclass(frozen=True, slots=True)
class Platform:
    """A lender being closed: what was owed and settled, how to reach it, its six stages,
    the account paid and the payments made, and the files attached as evidence."""

    id: int
    name: str
    created_on: date
    kind: Kind = Kind.ONLINE_LOAN
    original: Decimal | None = None
    settled: Decimal | None = None
    hotline: str = ""
    app: str = ""
    funder: str = ""
    stages: tuple[Stage, ...] = field(default_factory=fresh_stages)
    payee: Payee | None = None
    payments: tuple[Payment, ...] = ()
    attachments: tuple[Attachment, ...] = ()

    def stage(self, key: StageKey) -> Stage:
        return self.stages[STAGE_ORDER.index(key)]

    def with_stage(self, new: Stage) -> Platform:
        index = STAGE_ORDER.index(new.key)
        return replace(self, stages=(*self.stages[:index], new, *self.stages[index + 1 :]))

    @property
    def closed(self) -> bool:
        """Closed when every stage that is not skipped is done: none is left to do."""
        return self.next_stage is None

    @property
    def next_stage(self) -> StageKey | None:
        for stage in self.stages:
            if stage.state is _TODO:
                return stage.key
        return None

    @property
    def done_count(self) -> int:
        return self._states().count(_DONE)

    @property
    def applicable_count(self) -> int:
        return len(self.stages) - self._states().count(_SKIPPED)

    @property
    def steps_left(self) -> int:
        return self._states().count(_TODO)

    def _states(self) -> list[StageState]:
        return [stage.state for stage in self.stages]

    @property
    def paid_total(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0.00"))

    @property
    def saved(self) -> Decimal | None:
        if self.original is None or self.settled is None:
            return None
        return self.original - self.settled


def tick_warnings(platform: Platform, key: StageKey) -> list[Problem]:
    """What deserves a second look before `key` is marked done (warn, never block)."""
    problems: list[Problem] = []
    earlier = STAGE_ORDER[: STAGE_ORDER.index(key)]
    todo = [k for k in earlier if platform.stage(k).state is StageState.TODO]
    if todo:
        problems.append(
            Problem(
                "warn.earlier_todo.one" if len(todo) == 1 else "warn.earlier_todo",
                {"stage": todo[0].value, "count": len(todo)},
            )
        )
    if key is StageKey.PAID:
        problems.extend(payee_warnings(platform))
        problems.extend(payment_warnings(platform) or _nothing_paid(platform))
    return problems


def _nothing_paid(platform: Platform) -> list[Problem]:
    """Ticking `paid` with no payment recorded: the payments cannot add up yet."""
    if platform.payments:
        return []
    if platform.settled is None:
        return [Problem("warn.no_payments")]
    return [Problem("warn.payments_mismatch", {"paid": "0.00", "settled": str(platform.settled)})]


def payment_warnings(platform: Platform) -> list[Problem]:
    """Payments that do not add up to the agreed settled amount."""
    if platform.settled is None or not platform.payments:
        return []
    total = platform.paid_total
    if total != platform.settled:
        return [
            Problem(
                "warn.payments_mismatch",
                {"paid": str(total), "settled": str(platform.settled)},
            )
        ]
    return []


def payee_warnings(platform: Platform) -> list[Problem]:
    """No verified payee, or one verified only after money was already paid to it."""
    payee = platform.payee
    if payee is None or not payee.verified:
        return [Problem("warn.unverified_payee")]
    verified_on = payee.verified_on
    early = [p.on for p in platform.payments if verified_on is not None and p.on < verified_on]
    if early and verified_on is not None:
        dates = {"paid": min(early).isoformat(), "verified": verified_on.isoformat()}
        return [Problem("warn.paid_before_verified", dates)]
    return []


def amount_warnings(platform: Platform) -> list[Problem]:
    """A settlement larger than the debt is almost always a typing slip."""
    if platform.original is None or platform.settled is None:
        return []
    if platform.settled > platform.original:
        amounts = {"settled": str(platform.settled), "original": str(platform.original)}
        return [Problem("warn.settled_above_original", amounts)]
    return []
