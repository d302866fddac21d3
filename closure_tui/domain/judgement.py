"""What a credit report says about a platform's closure, on its own: the dashboard marks
closed platforms with it without the credit report records and rules."""

from __future__ import annotations

from enum import StrEnum


class Judgement(StrEnum):
    """What a report says about a platform's closure. `closed` is the checklist's word;
    `confirmed` is the report's."""

    CONFIRMED = "confirmed"
    NOT_YET = "not_yet"
    DISCREPANCY = "discrepancy"
    UNCHECKED = "unchecked"
