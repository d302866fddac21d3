"""Contact log use cases: logging a contact with its evidence files, listing the log with
each contact's conduct breaches. Shared by the CLI and the TUI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from closure_tui.domain.conduct import Breach, breaches, platforms_in_breach
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import (
    Channel,
    Contact,
    Direction,
    FileRef,
    Party,
    parse_choice,
    parse_minute,
)
from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey
from closure_tui.domain.text import clean_field, clean_note
from closure_tui.services.closures import Closures
from closure_tui.services.history import History
from closure_tui.services.recorded import recorded


def configured_rules() -> ConductRules:
    """The `[conduct]` thresholds from the user's `config.toml` (defaults when missing)."""
    from closure_tui.config import load_config
    from closure_tui.locations import config_file

    return load_config(config_file()).config.conduct


def keep_files(
    closures: Closures, paths: Sequence[Path], prefix: str, *, copy: bool
) -> tuple[FileRef, ...]:
    """Hash (and copy) each file as stage evidence is; a missing file refuses them all."""
    from closure_tui.services.evidence import keep_file  # only when files are kept

    now = closures.clock.now()
    kept = []
    for path in paths:
        source, facts, stored = keep_file(closures, path, prefix if copy else None)
        kept.append(FileRef(str(source), facts.size, facts.sha256, now, stored))
    return tuple(kept)


def typed_id(ref: str, missing: str) -> int:
    """A record id as typed (`3` or `#3`); anything else is refused with `missing`."""
    digits = ref.strip().removeprefix("#")
    if not (digits.isascii() and digits.isdigit()):
        raise DomainError(missing, ref=ref)
    return int(digits)


@dataclass(frozen=True, slots=True)
class ContactInput:
    """A contact as typed: every field is text or a flag, checked by `ContactLog.add`."""

    direction: str
    channel: str
    party: str
    at: str = ""
    name: str = ""
    staff_id: str = ""
    from_number: str = ""
    workplace: bool = False
    contacts_called: bool = False
    text: str = ""
    stage: StageKey | None = None


class ContactLog:
    """The contact log of one open store; the conduct thresholds come from the config."""

    def __init__(self, closures: Closures, rules: ConductRules | None = None) -> None:
        self.closures = closures
        self.history: History = closures.history
        self._rules = rules

    @property
    def rules(self) -> ConductRules:
        if self._rules is None:
            self._rules = configured_rules()
        return self._rules

    # ---- reading -------------------------------------------------------------------------

    def contacts(self, platform_id: int | None = None) -> list[Contact]:
        """Oldest first (by time, then as logged)."""
        found = [
            c
            for c in self.closures.store.contacts
            if platform_id is None or c.platform_id == platform_id
        ]
        return sorted(found, key=lambda c: (c.at, c.id))

    def get(self, contact_id: int) -> Contact:
        found = self.closures.store.contacts.get(contact_id)
        if found is None:
            raise DomainError("err.contact.not_found", ref=str(contact_id))
        return found

    def resolve(self, ref: str) -> Contact:
        return self.get(typed_id(ref, "err.contact.not_found"))

    def breaches(self) -> dict[int, tuple[Breach, ...]]:
        """Every contact's breaches by contact id (the daily limit counts per platform)."""
        return breaches(self.closures.store.contacts, self.rules)

    def platforms_in_breach(self) -> dict[int, int]:
        """How many contacts of each platform breach a rule (for the dashboard marker)."""
        return platforms_in_breach(self.closures.store.contacts, self.rules)

    def agreed_in(self, platform_id: int) -> list[Contact]:
        """The contacts logged against the negotiated stage: where the settlement was agreed."""
        return [c for c in self.contacts(platform_id) if c.stage is StageKey.NEGOTIATED]

    # ---- changing ------------------------------------------------------------------------

    def parse(self, platform_id: int, typed: ContactInput) -> Contact:
        """The contact `typed` describes (id 0, no files); refuses bad input."""
        at = (
            parse_minute(typed.at)
            if typed.at.strip()
            else self.closures.clock.now().replace(second=0, microsecond=0, tzinfo=None)
        )
        return Contact(
            id=0,
            platform_id=platform_id,
            at=at,
            direction=Direction(parse_choice(Direction, typed.direction, "direction")),
            channel=Channel(parse_choice(Channel, typed.channel, "contact_channel")),
            party=Party(parse_choice(Party, typed.party, "party")),
            name=clean_field(typed.name, "contact_name"),
            staff_id=clean_field(typed.staff_id, "staff_id"),
            from_number=clean_field(typed.from_number, "from_number"),
            workplace=typed.workplace,
            contacts_called=typed.contacts_called,
            text=clean_note(typed.text) if typed.text.strip() else "",
            stage=typed.stage,
        )

    def add(
        self, platform_id: int, typed: ContactInput, files: Sequence[Path] = (), *, copy: bool
    ) -> Contact:
        """Check everything first, then keep the files, then record the contact."""
        platform = self.closures.get(platform_id)
        draft = self.parse(platform.id, typed)
        kept = keep_files(self.closures, files, f"p{platform.id}-contact", copy=copy)
        return self._insert(draft, kept)

    @recorded("contact.add")
    def _insert(self, draft: Contact, kept: tuple[FileRef, ...]) -> Contact:
        return self.closures.store.contacts.insert(
            lambda new_id: replace(draft, id=new_id, files=kept)
        )
