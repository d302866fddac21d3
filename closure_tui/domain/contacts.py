"""The contact log: who from a lender said what, when, and how they reached the user.

Settlements are agreed on calls and collectors overstep on calls, so each contact keeps
the facts a complaint needs later: the time to the minute, the other party's role, name
and staff or bar number, the number they called from, and whether they called the
user's workplace or contacts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from closure_tui.domain.dates import MAX_DATE, MIN_DATE
from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Channel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    APP_CHAT = "app_chat"
    LETTER = "letter"
    VISIT = "visit"


class Party(StrEnum):
    """Who was on the other side: only the official channel may agree terms."""

    OFFICIAL = "official"
    POST_LOAN = "post_loan"
    COLLECTOR = "collector"
    LAWYER = "lawyer"
    OTHER = "other"


def parse_choice(kind: type[StrEnum], text: str, key: str) -> StrEnum:
    """`kind` from the value the user typed; `err.<key>.unknown` lists the choices."""
    try:
        return kind(text.strip().lower())
    except (ValueError, AttributeError):
        choices = ", ".join(member.value for member in kind)
        raise DomainError(f"err.{key}.unknown", value=str(text)[:40], choices=choices) from None


_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def parse_minute(text: str) -> datetime:
    """`YYYY-MM-DD HH:MM` (local time), within the dates every date is kept in."""
    raw = text.strip() if isinstance(text, str) else ""
    for pattern in _TIME_FORMATS:
        try:
            parsed = datetime.strptime(raw, pattern)
        except ValueError:
            continue
        if not MIN_DATE <= parsed.date() <= MAX_DATE:
            raise DomainError("err.date.range", value=raw)
        return parsed
    raise DomainError("err.contact.time", value=raw[:40])


@dataclass(frozen=True, slots=True)
class FileRef:
    """An evidence file kept for a contact or complaint, hashed as stage evidence is:
    the path it had, its size and SHA-256, and the private copy (empty when not copied)."""

    path: str
    size: int
    sha256: str
    attached_at: datetime
    stored: str = ""

    def __post_init__(self) -> None:
        if len(self.sha256) != 64 or self.size < 0 or not self.path:
            raise DomainError("err.contact.file")


@dataclass(frozen=True, slots=True)
class Contact:
    """One call, message, letter or visit about a platform (optionally about one stage)."""

    id: int
    platform_id: int
    at: datetime
    direction: Direction
    channel: Channel
    party: Party
    name: str = ""
    staff_id: str = ""
    from_number: str = ""
    workplace: bool = False
    contacts_called: bool = False
    text: str = ""
    stage: StageKey | None = None
    files: tuple[FileRef, ...] = ()

    def __post_init__(self) -> None:
        if self.at.second or self.at.microsecond or self.at.tzinfo is not None:
            raise DomainError("err.contact.time", value=self.at.isoformat())
        if not MIN_DATE <= self.at.date() <= MAX_DATE:
            raise DomainError("err.date.range", value=self.at.isoformat())

    @property
    def is_call(self) -> bool:
        """An incoming phone call: what the collection rules count."""
        return self.direction is Direction.IN and self.channel is Channel.PHONE
