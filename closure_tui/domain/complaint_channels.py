"""Where a complaint can be filed and how long each channel has to reply (`[complaints]`
in `config.toml`), apart from the complaints themselves: reading the settings needs no
complaint record."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


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


@dataclass(frozen=True, slots=True)
class ReplyWindows:
    """Days a channel has to reply: `default` unless the channel has its own."""

    default: int = DEFAULT_REPLY_DAYS
    by_channel: MappingProxyType[ComplaintChannel, int] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def days(self, channel: ComplaintChannel) -> int:
        return self.by_channel.get(channel, self.default)
