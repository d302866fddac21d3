"""The `[conduct]` and `[complaints]` tables of `config.toml`: conduct thresholds and how
long each complaint channel has to reply. A bad value is reported and its default kept."""

from __future__ import annotations

from datetime import time
from types import MappingProxyType
from typing import Any

from closure_tui.domain.complaints import ComplaintChannel, ReplyWindows
from closure_tui.domain.conduct import ConductRules

MAX_REPLY_DAYS = 365


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _clock_time(value: Any) -> time | None:
    """`"08:00"` (or a TOML local time) as a time of day, else None."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def parse_conduct(raw: Any, problems: list[str]) -> ConductRules:
    if not isinstance(raw, dict):
        problems.append("[conduct] must be a table")
        return ConductRules()
    default = ConductRules()
    calls = raw.get("max_calls_per_day", default.max_calls_per_day)
    if not _whole(calls, 1, 1000):
        problems.append("conduct.max_calls_per_day must be a whole number (1-1000)")
        calls = default.max_calls_per_day
    hours = []
    for key in ("earliest", "latest"):
        value = raw.get(key, getattr(default, key))
        parsed = _clock_time(value)
        if parsed is None:
            problems.append(f"conduct.{key} must be a time of day such as '08:00'")
            parsed = getattr(default, key)
        hours.append(parsed)
    if hours[0] >= hours[1]:
        problems.append("conduct.earliest must be before conduct.latest")
        hours = [default.earliest, default.latest]
    return ConductRules(max_calls_per_day=calls, earliest=hours[0], latest=hours[1])


def parse_complaints(raw: Any, problems: list[str]) -> ReplyWindows:
    """`reply_days = 15` and, per channel, `[complaints.reply_days_by_channel]` `"12378" = 15`."""
    if not isinstance(raw, dict):
        problems.append("[complaints] must be a table")
        return ReplyWindows()
    default = raw.get("reply_days", ReplyWindows().default)
    if not _whole(default, 1, MAX_REPLY_DAYS):
        problems.append(
            f"complaints.reply_days must be a whole number of days (1-{MAX_REPLY_DAYS})"
        )
        default = ReplyWindows().default
    by_channel: dict[ComplaintChannel, int] = {}
    table = raw.get("reply_days_by_channel", {})
    if not isinstance(table, dict):
        problems.append("[complaints.reply_days_by_channel] must be a table")
        table = {}
    known = {c.value: c for c in ComplaintChannel}
    for key, value in table.items():
        if key not in known:
            problems.append(f"complaints.reply_days_by_channel: unknown channel {key!r}")
        elif not _whole(value, 1, MAX_REPLY_DAYS):
            problems.append(f"complaints.reply_days_by_channel.{key} must be 1-{MAX_REPLY_DAYS}")
        else:
            by_channel[known[key]] = value
    return ReplyWindows(default=default, by_channel=MappingProxyType(by_channel))
