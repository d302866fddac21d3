"""How long after an event each automatic follow-up reminder falls due (configurable)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FollowUpOffsets:
    """Days after the triggering event (`offer_lapse_days`: before the pay-by date)."""

    offer_lapse_days: int = 1
    certificate_days: int = 7
    credit_report_days: int = 45
    deduction_check_days: int = 35
