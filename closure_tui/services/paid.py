"""The `paid` stage's evidence saved as one change: the payee, payments removed and added.

The paid form edits all three at once, so they are checked together before anything
is written: one write, one history entry, one undo step, and nothing when a part is
refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from closure_tui.domain.errors import DomainError
from closure_tui.domain.platform import Platform, payee_warnings, payment_warnings
from closure_tui.services.closures import Closures
from closure_tui.services.outcome import Outcome


@dataclass(frozen=True, slots=True)
class NewPayment:
    """A payment as typed: amount, date (None: today) and transfer reference."""

    amount: str
    on: str | None
    reference: str


def save_paid(
    service: Closures,
    platform_id: int,
    *,
    payee: Mapping[str, Any] | None = None,
    add: Iterable[NewPayment] = (),
    remove: Iterable[int] = (),
) -> Outcome[Platform]:
    """Set the payee (when given), remove payments by index, then add the new ones."""
    platform = service.get(platform_id)
    removed = set(remove)
    for index in sorted(removed):
        if not 0 <= index < len(platform.payments):
            raise DomainError("err.payment.index", index=index + 1)
    new_payee = platform.payee if payee is None else service.build_payee(**payee)
    added = [service.build_payment(p.amount, p.on, p.reference) for p in add]
    kept = [p for i, p in enumerate(platform.payments) if i not in removed]
    updated = replace(platform, payee=new_payee, payments=(*kept, *added))
    if updated == platform:
        return Outcome(platform)
    with service.history.change("paid.edit"):
        service.store.platforms.put(updated)
    warnings = payment_warnings(updated) if added or removed else []
    if payee is not None or added:  # paying, or naming whom to pay: is that account verified?
        warnings += payee_warnings(updated)
    return Outcome(updated, warnings)
