"""The use cases shared by the CLI and the TUI: every change to the data goes through here."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from closure_tui.domain.clock import Clock, today
from closure_tui.domain.dates import parse_date
from closure_tui.domain.errors import DomainError, Problem
from closure_tui.domain.money import parse_money
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import (
    Kind,
    Payee,
    Payment,
    Platform,
    amount_warnings,
    clean_account,
    parse_kind,
    payee_warnings,
    payment_warnings,
    tick_warnings,
)
from closure_tui.domain.stages import EVIDENCE_FIELDS, FieldKind, StageKey, StageState
from closure_tui.domain.text import clean_field, clean_name, clean_note, name_key
from closure_tui.services.outcome import Outcome
from closure_tui.services.recorded import recorded
from closure_tui.store.errors import StoreWriteFailed
from closure_tui.store.store import Notice, Store

if TYPE_CHECKING:
    from closure_tui.services.history import History

#: Called with (before, after) inside the write that changes a platform's stages (after is
#: None when it is removed), so other records (reminders) change in the same atomic write.
PlatformHook = Callable[[Platform, Platform | None], None]

PLATFORM_FIELDS = ("name", "kind", "original", "settled", "hotline", "app", "funder")


class Closures:
    """Platform, stage, evidence and note use cases over one open store."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.hooks: list[PlatformHook] = []

    @functools.cached_property
    def history(self) -> History:
        """The undo/redo log, made on the first change or history read.

        Deferred because the history's module, its events, patches and codec cost about
        7.8 M instructions (0.7 %) of the app's first frame, which needs none of them; the
        store defers the codec likewise (`store.feature_codecs`).
        """
        from closure_tui.services.history import History

        return History(self.store, self.clock)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    @property
    def notices(self) -> list[Notice]:
        """What the user should hear about since the store opened (e.g. permissions fixed)."""
        return self.store.notices

    def close(self) -> None:
        """Release the writer lock; the service is not used afterwards."""
        self.store.close()

    @property
    def unrecorded(self) -> list[StoreWriteFailed]:
        """Changes saved whose history entry the disk refused (they cannot be undone): the
        interface says so, then clears the list."""
        return self.store.unrecorded

    def store_id(self) -> str | None:
        """The store's random id (calendar UIDs), None until the first calendar export."""
        return self.store.store_id()

    def today(self) -> date:
        return today(self.clock)

    def any_contacts(self) -> bool:
        """Whether any contact was logged, read without decoding one (the dashboard asks
        before its first frame)."""
        return bool(self.store.contacts.stored_field("platform_id"))

    def any_report_checks(self) -> bool:
        """Whether any credit report line was recorded, read without decoding one."""
        return bool(self.store.report_checks.stored_field("platform_id"))

    def zoned_now(self) -> datetime:
        """Now with its UTC offset, so a reminder's creation time means the same after the
        zone changes."""
        return self.clock.now().astimezone()

    def parse_date(self, text: str) -> date:
        return parse_date(text, self.today())

    # ---- reading -------------------------------------------------------------------------

    def platforms(self) -> list[Platform]:
        """All platforms, oldest first (by id)."""
        return sorted(self.store.platforms, key=lambda p: p.id)

    def get(self, platform_id: int) -> Platform:
        platform = self.find(platform_id)
        if platform is None:
            raise DomainError("err.platform.not_found", ref=str(platform_id))
        return platform

    def find(self, platform_id: int) -> Platform | None:
        """The platform, or None when there is none by that id (say, removed meanwhile)."""
        return self.store.platforms.get(platform_id)

    def resolve(self, ref: str) -> Platform:
        """Exact name (ignoring case and width), else a unique prefix, else the numeric id."""
        wanted = name_key(ref.strip())
        # Matched on the stored names: only the platform found is decoded.
        names = sorted(self.store.platforms.stored_field("name").items())
        exact = [item_id for item_id, name in names if name_key(name) == wanted]
        if exact:
            return self.get(exact[0])
        prefixed = [(i, name) for i, name in names if wanted and name_key(name).startswith(wanted)]
        if len(prefixed) == 1:
            return self.get(prefixed[0][0])
        if len(prefixed) > 1:
            matches = ", ".join(f"{name} (#{item_id})" for item_id, name in prefixed[:10])
            raise DomainError("err.platform.ambiguous", ref=ref, matches=matches)
        digits = wanted.removeprefix("#")
        if digits.isdigit() and digits.isascii():
            found = self.find(int(digits))
            if found is not None:
                return found
        raise DomainError("err.platform.not_found", ref=ref)

    def notes(self, platform_id: int) -> list[Note]:
        """Newest first."""
        found = self.store.notes.where("platform_id", platform_id)
        return sorted(found, key=lambda n: (n.created, n.id), reverse=True)

    # ---- platforms -----------------------------------------------------------------------

    def _check_unique(self, name: str, exclude: int | None = None) -> None:
        folded = name_key(name)
        for other in self.store.platforms:
            if other.id != exclude and name_key(other.name) == folded:
                raise DomainError("err.platform.duplicate", name=name)

    def _parse_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Validate the user's text for platform fields; unknown or None fields are ignored."""
        parsed: dict[str, Any] = {}
        for key, value in fields.items():
            if value is None or key not in PLATFORM_FIELDS:
                continue
            if key == "name":
                parsed[key] = clean_name(value)
            elif key == "kind":
                parsed[key] = value if isinstance(value, Kind) else parse_kind(value)
            elif key in ("original", "settled"):
                parsed[key] = _optional_money(value)
            else:
                parsed[key] = clean_field(value, key)
        return parsed

    @recorded("platform.add")
    def add_platform(self, name: str, **fields: Any) -> Outcome[Platform]:
        parsed = self._parse_fields({"name": name, **fields})
        self._check_unique(parsed["name"])
        created = self.today()
        platform = self.store.platforms.insert(
            lambda new_id: Platform(id=new_id, created_on=created, **parsed)
        )
        return Outcome(platform, amount_warnings(platform))

    @recorded("platform.edit")
    def edit_platform(self, platform_id: int, **fields: Any) -> Outcome[Platform]:
        platform = self.get(platform_id)
        parsed = self._parse_fields(fields)
        if "name" in parsed:
            self._check_unique(parsed["name"], exclude=platform_id)
        updated = replace(platform, **parsed)
        self.store.platforms.put(updated)
        return Outcome(updated, amount_warnings(updated) + payment_warnings(updated))

    @recorded("platform.remove")
    def remove_platform(self, platform_id: int) -> Platform:
        platform = self.get(platform_id)
        with self.store.transaction():
            self.store.platforms.remove([platform_id])
            for hook in self.hooks:
                hook(platform, None)
            # In the same transaction: notes found damaged here leave nothing written.
            note_ids = [n.id for n in self.store.notes if n.platform_id == platform_id]
            self.store.notes.remove(note_ids)
        return platform

    # ---- stages --------------------------------------------------------------------------

    def _set_stage(self, platform: Platform, key: StageKey, **changes: Any) -> Platform:
        stage = replace(platform.stage(key), **changes)
        updated = platform.with_stage(stage)
        if key is StageKey.NEGOTIATED:
            from closure_tui.domain.followup_rules import check_pay_by

            check_pay_by(updated)
        with self.store.transaction():
            self.store.platforms.put(updated)
            for hook in self.hooks:
                hook(platform, updated)
        return updated

    def tick_warnings(self, platform_id: int, key: StageKey) -> list[Problem]:
        """Warnings to show before ticking, so the TUI can ask for confirmation first."""
        return tick_warnings(self.get(platform_id), key)

    @recorded("stage.tick")
    def tick(
        self, platform_id: int, key: StageKey, on: str | None = None, pay_by: str | None = None
    ) -> Outcome[Platform]:
        """Mark a stage done; `pay_by` (negotiated only) records the agreed pay-by date too."""
        platform = self.get(platform_id)
        stage = platform.stage(key)
        done_on = self.parse_date(on) if on is not None else self.today()
        if done_on > self.today():
            raise DomainError("err.tick.future", date=done_on.isoformat())
        if on is None and stage.state is StageState.DONE:
            done_on = stage.done_on or done_on  # ticked again: the day it was done stands
            if pay_by is None:
                return Outcome(platform)
        changes: dict[str, Any] = {}
        if pay_by is not None:
            if key is not StageKey.NEGOTIATED:
                raise DomainError("err.pay_by.stage")
            evidence = {**stage.evidence, "pay_by": self.parse_date(pay_by)}
            changes["evidence"] = MappingProxyType(evidence)
        warnings = tick_warnings(platform, key)
        updated = self._set_stage(
            platform, key, state=StageState.DONE, done_on=done_on, skip_reason="", **changes
        )
        return Outcome(updated, warnings)

    @recorded("stage.untick")
    def untick(self, platform_id: int, key: StageKey) -> Outcome[Platform]:
        platform = self.get(platform_id)
        if platform.stage(key).state is StageState.TODO:
            raise DomainError("err.untick.todo", stage=key.value)
        updated = self._set_stage(
            platform, key, state=StageState.TODO, done_on=None, skip_reason=""
        )
        return Outcome(updated)

    @recorded("stage.skip")
    def skip(self, platform_id: int, key: StageKey, reason: str) -> Outcome[Platform]:
        platform = self.get(platform_id)
        cleaned = clean_field(reason, "reason")
        if not cleaned:
            raise DomainError("err.skip.reason")
        updated = self._set_stage(
            platform, key, state=StageState.SKIPPED, done_on=None, skip_reason=cleaned
        )
        return Outcome(updated)

    @recorded("evidence.edit")
    def set_evidence(
        self, platform_id: int, key: StageKey, values: dict[str, Any]
    ) -> Outcome[Platform]:
        """Update a stage's evidence fields from user input (text, date text or bool)."""
        platform = self.get(platform_id)
        current = dict(platform.stage(key).evidence)
        for spec in EVIDENCE_FIELDS[key]:
            if spec.key not in values:
                continue
            raw = values[spec.key]
            if spec.kind is FieldKind.BOOL:
                current[spec.key] = None if raw is None else bool(raw)
            elif spec.kind is FieldKind.DATE:
                current[spec.key] = self.parse_date(raw) if raw and str(raw).strip() else None
            else:
                current[spec.key] = clean_field(raw, "ev." + spec.key)
        updated = self._set_stage(platform, key, evidence=MappingProxyType(current))
        return Outcome(updated)

    @recorded("payee.set")
    def set_payee(
        self,
        platform_id: int,
        *,
        name: str,
        bank: str,
        account: str,
        verified_via: str,
        verified_on: str | None = None,
    ) -> Outcome[Platform]:
        platform = self.get(platform_id)
        payee = self.build_payee(
            name=name,
            bank=bank,
            account=account,
            verified_via=verified_via,
            verified_on=verified_on,
        )
        updated = replace(platform, payee=payee)
        self.store.platforms.put(updated)
        return Outcome(updated, payee_warnings(updated))

    def build_payee(
        self, *, name: str, bank: str, account: str, verified_via: str, verified_on: str | None
    ) -> Payee:
        """A payee from the user's text; refuses what `payee` on the command line refuses."""
        return Payee(
            name=clean_field(name, "payee_name", required=True),
            bank=clean_field(bank, "bank"),
            account=clean_account(account),
            verified_via=clean_field(verified_via, "verified_via"),
            verified_on=self.parse_date(verified_on) if verified_on is not None else None,
        )

    def build_payment(self, amount: str, on: str | None = None, reference: str = "") -> Payment:
        """A payment from the user's text (no date: today)."""
        return Payment(
            amount=parse_money(amount),
            on=self.parse_date(on) if on is not None else self.today(),
            reference=clean_field(reference, "reference"),
        )

    @recorded("payment.add")
    def add_payment(
        self, platform_id: int, amount: str, on: str | None = None, reference: str = ""
    ) -> Outcome[Platform]:
        platform = self.get(platform_id)
        payment = self.build_payment(amount, on, reference)
        updated = replace(platform, payments=(*platform.payments, payment))
        self.store.platforms.put(updated)
        return Outcome(updated, payee_warnings(updated) + payment_warnings(updated))

    @recorded("payment.remove")
    def remove_payment(self, platform_id: int, index: int) -> Outcome[Platform]:
        platform = self.get(platform_id)
        if not 0 <= index < len(platform.payments):
            raise DomainError("err.payment.index", index=index + 1)
        payments = platform.payments[:index] + platform.payments[index + 1 :]
        updated = replace(platform, payments=payments)
        self.store.platforms.put(updated)
        return Outcome(updated)

    # ---- notes ---------------------------------------------------------------------------

    @recorded("note.add")
    def add_note(self, platform_id: int, text: str, stage: StageKey | None = None) -> Note:
        self.get(platform_id)
        cleaned = clean_note(text)
        created = self.clock.now().replace(microsecond=0)  # stored to the second
        return self.store.notes.insert(
            lambda new_id: Note(
                id=new_id, platform_id=platform_id, created=created, text=cleaned, stage=stage
            )
        )

    def note(self, note_id: int) -> Note:
        found = self.store.notes.get(note_id)
        if found is None:
            raise DomainError("err.note.not_found", id=note_id)
        return found

    @recorded("note.edit")
    def edit_note(self, note_id: int, text: str, stage: StageKey | None = None) -> Note:
        """New text and stage; the note keeps its time, since it dates what was said."""
        updated = replace(self.note(note_id), text=clean_note(text), stage=stage)
        self.store.notes.put(updated)
        return updated

    @recorded("note.remove")
    def remove_note(self, note_id: int) -> Note:
        note = self.note(note_id)
        self.store.notes.remove([note_id])
        return note


def _optional_money(value: str | Decimal) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    return parse_money(value) if value.strip() else None
