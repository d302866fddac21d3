"""Where a complaint can be filed and how long each channel has to reply (`[complaints]`
in `config.toml`), apart from the complaints themselves: reading the settings needs no
complaint record."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple


class ComplaintChannel(StrEnum):
    PLATFORM = "platform"
    NFRA_12378 = "12378"
    NIFA = "nifa"
    MIIT_12321 = "12321"
    SAMR_12315 = "12315"
    HEIMAO = "heimao"
    BAR = "bar"
    POLICE = "police"
    COURT = "court"
    OTHER = "other"


DEFAULT_REPLY_DAYS = 15


class ReplyWindows(NamedTuple):
    """Days a channel has to reply: `default` unless the channel has its own. A setting
    read at every start, not a record: a NamedTuple, as `closure_tui.store.store.Notice`
    says why."""

    default: int = DEFAULT_REPLY_DAYS
    by_channel: Mapping[ComplaintChannel, int] = MappingProxyType({})

    def days(self, channel: ComplaintChannel) -> int:
        return self.by_channel.get(channel, self.default)
