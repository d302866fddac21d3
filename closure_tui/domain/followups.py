"""How long after an event each automatic follow-up reminder falls due (configurable)."""

from __future__ import annotations

from typing import NamedTuple


class FollowUpOffsets(NamedTuple):
    """Days after the triggering event (`offer_lapse_days`: before the pay-by date). A
    setting read at every start, not a record: a NamedTuple, as
    `closure_tui.store.store.Notice` says why."""

    offer_lapse_days: int = 1
    certificate_days: int = 7
    credit_report_days: int = 45
    deduction_check_days: int = 35
