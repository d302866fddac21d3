"""The `[conduct]` and `[complaints]` tables of `config.toml`: conduct thresholds and how
long each complaint channel has to reply. A bad value is reported and its default kept."""

from __future__ import annotations

from datetime import time
from types import MappingProxyType
from typing import Any

from closure_tui.domain.complaint_channels import ComplaintChannel, ReplyWindows
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.errors import Problem

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


def parse_conduct(raw: Any, problems: list[Problem]) -> ConductRules:
    if not isinstance(raw, dict):
        problems.append(Problem("cfg.table", {"name": "conduct"}))
        return ConductRules()
    default = ConductRules()
    calls = raw.get("max_calls_per_day", default.max_calls_per_day)
    if not _whole(calls, 1, 1000):
        name = "conduct.max_calls_per_day"
        problems.append(Problem("cfg.whole", {"name": name, "low": 1, "high": 1000}))
        calls = default.max_calls_per_day
    hours = []
    for key in ("earliest", "latest"):
        value = raw.get(key, getattr(default, key))
        parsed = _clock_time(value)
        if parsed is None:
            problems.append(Problem("cfg.time", {"name": f"conduct.{key}"}))
            parsed = getattr(default, key)
        hours.append(parsed)
    if hours[0] >= hours[1]:
        order = {"first": "conduct.earliest", "second": "conduct.latest"}
        problems.append(Problem("cfg.order", order))
        hours = [default.earliest, default.latest]
    return ConductRules(max_calls_per_day=calls, earliest=hours[0], latest=hours[1])


def parse_complaints(raw: Any, problems: list[Problem]) -> ReplyWindows:
    """`reply_days = 15` and, per channel, `[complaints.reply_days_by_channel]` `"12378" = 15`."""
    if not isinstance(raw, dict):
        problems.append(Problem("cfg.table", {"name": "complaints"}))
        return ReplyWindows()
    default = raw.get("reply_days", ReplyWindows().default)
    if not _whole(default, 1, MAX_REPLY_DAYS):
        days = {"name": "complaints.reply_days", "low": 1, "high": MAX_REPLY_DAYS}
        problems.append(Problem("cfg.days", days))
        default = ReplyWindows().default
    by_channel: dict[ComplaintChannel, int] = {}
    table = raw.get("reply_days_by_channel", {})
    if not isinstance(table, dict):
        problems.append(Problem("cfg.table", {"name": "complaints.reply_days_by_channel"}))
        table = {}
    known = {c.value: c for c in ComplaintChannel}
    for key, value in table.items():
        if key not in known:
            unknown = {"name": "complaints.reply_days_by_channel", "value": str(key)}
            problems.append(Problem("cfg.unknown_channel", unknown))
        elif not _whole(value, 1, MAX_REPLY_DAYS):
            days = {
                "name": f"complaints.reply_days_by_channel.{key}",
                "low": 1,
                "high": MAX_REPLY_DAYS,
            }
            problems.append(Problem("cfg.days", days))
        else:
            by_channel[known[key]] = value
    return ReplyWindows(default=default, by_channel=MappingProxyType(by_channel))
