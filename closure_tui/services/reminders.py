"""Reminder use cases, and the automatic follow-ups scheduled as stages are ticked.

`Reminders.plug_in` hooks into `Closures`, so every stage change made through the
use cases (CLI or TUI) opens and closes follow-ups in the same atomic write.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from closure_tui.domain.dates import MAX_DATE, MIN_DATE
from closure_tui.domain.errors import DomainError, Problem
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import (
    Closer,
    Reminder,
    ReminderKind,
    ReminderState,
    by_date,
    date_order,
    due_reminders,
)
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.domain.text import clean_field
from closure_tui.services.closures import Closures
from closure_tui.services.recorded import recorded

if TYPE_CHECKING:
    from closure_tui.services.history import History

MAX_WITHIN_DAYS = 3650


def parse_within(text: str) -> int:
    """Days ahead as typed (`--within 14`): a whole number from 0 to MAX_WITHIN_DAYS."""
    days = text.strip()
    if not (days.isascii() and days.isdigit()) or int(days) > MAX_WITHIN_DAYS:
        raise DomainError("err.reminder.within", max=MAX_WITHIN_DAYS)
    return int(days)


def configured_offsets() -> FollowUpOffsets:
    """The offsets from the user's `config.toml` (defaults when missing or broken)."""
    from closure_tui.config import load_config
    from closure_tui.locations import config_file

    return load_config(config_file()).config.followups


def _shown(reminder: Reminder) -> bool:
    return reminder.dated_in_range or not reminder.is_open


class Reminders:
    """Reminders of one open store; `offsets` are read from the config when first needed."""

    def __init__(self, closures: Closures, offsets: FollowUpOffsets | None = None) -> None:
        self.closures = closures
        self._offsets = offsets

    @property
    def history(self) -> History:
        """The closures' history, so `@recorded` reminder changes can be undone too."""
        return self.closures.history

    @property
    def offsets(self) -> FollowUpOffsets:
        if self._offsets is None:
            self._offsets = configured_offsets()
        return self._offsets

    def plug_in(self) -> Reminders:
        """Schedule and close follow-ups whenever a platform's stages change."""
        self.closures.hooks.append(self._on_platform_change)
        return self

    # ---- reading -------------------------------------------------------------------------

    def all(self) -> list[Reminder]:
        """Every reminder but the open ones no reader can show (see `problems`)."""
        return by_date([r for r in self.closures.store.reminders if _shown(r)])

    def problems(self, among: list[Reminder] | None = None) -> list[Problem]:
        """Open reminders dated outside the range every date is kept in (only an older
        version could write them): left out of every list, and reported with the fix.
        `among`: only those reminders (`open_reminders`: a reader need not decode all)."""
        return [
            Problem(
                "warn.reminder.bad_date",
                {
                    "id": r.id,
                    "date": r.when.isoformat(),
                    "min": MIN_DATE.isoformat(),
                    "max": MAX_DATE.isoformat(),
                },
            )
            for r in (self.closures.store.reminders if among is None else among)
            if not _shown(r)
        ]

    def find(
        self, platform_id: int | None = None, *, include_closed: bool = False
    ) -> list[Reminder]:
        """By date; open ones only unless `include_closed`."""
        return [
            r
            for r in self.all()
            if (platform_id is None or r.platform_id == platform_id)
            and (include_closed or r.is_open)
        ]

    def due(self, within: int = 0, among: list[Reminder] | None = None) -> list[Reminder]:
        """Open reminders dated up to today + `within` days, most overdue first (of `among`,
        as for `problems`)."""
        if not 0 <= within <= MAX_WITHIN_DAYS:
            raise DomainError("err.reminder.within", max=MAX_WITHIN_DAYS)
        found = self.closures.store.reminders if among is None else among
        shown = [r for r in found if _shown(r)]
        return due_reminders(shown, self.closures.today(), within)

    def open_reminders(self) -> list[Reminder]:
        """The open reminders, decoding only those (unless all are decoded already): the
        store keeps every closed one too, most of them once it is a few months old, and
        decoding every reminder was a tenth of `due` at 500 platforms."""
        reminders = self.closures.store.reminders
        states = reminders.stored_field("state")
        # A record stored without a state is open, as its codec reads it.
        wanted = [i for i, state in states.items() if state in (None, ReminderState.OPEN.value)]
        return [r for r in map(reminders.get, wanted) if r is not None and r.is_open]

    def get(self, reminder_id: int) -> Reminder:
        found = self.closures.store.reminders.get(reminder_id)
        if found is None:
            raise DomainError("err.reminder.not_found", ref=str(reminder_id))
        return found

    def resolve(self, ref: str) -> Reminder:
        """A reminder by its id as typed (`3` or `#3`)."""
        digits = ref.strip().removeprefix("#")
        if not (digits.isascii() and digits.isdigit()):
            raise DomainError("err.reminder.not_found", ref=ref)
        return self.get(int(digits))

    def next_by_platform(self) -> dict[int, Reminder]:
        """Each platform's earliest open reminder (for the dashboard column): the first of
        its open ones in `find`'s order, found in one pass instead of sorting them all.
        Only the open ones are decoded (most reminders are done, and the dashboard asks
        before its first frame)."""
        earliest: dict[int, Reminder] = {}
        for reminder in self.closures.store.reminders.where("state", ReminderState.OPEN):
            if not reminder.dated_in_range:
                continue
            known = earliest.get(reminder.platform_id)
            if known is None or date_order(reminder) < date_order(known):
                earliest[reminder.platform_id] = reminder
        return earliest

    def platform_names(self) -> dict[int, str]:
        """Names by platform id, without decoding every platform (`due` shows only names)."""
        return self.closures.store.platforms.stored_field("name")

    # ---- changing ------------------------------------------------------------------------

    @recorded("reminder.add")
    def add(
        self, platform_id: int, when: str, text: str = "", stage: StageKey | None = None
    ) -> Reminder:
        """A manual reminder; one linked to a stage that is already done is refused."""
        platform = self.closures.get(platform_id)
        day = self.closures.parse_date(when)
        cleaned = clean_field(text, "reminder_text", required=stage is None)
        if stage is not None and platform.stage(stage).state is StageState.DONE:
            raise DomainError("err.reminder.stage_done", stage=stage.value)
        created = self.closures.zoned_now()
        return self.closures.store.reminders.insert(
            lambda new_id: Reminder(
                id=new_id,
                platform_id=platform_id,
                due_on=day,
                created=created,
                text=cleaned,
                stage=stage,
            )
        )

    def _open(self, reminder_id: int) -> Reminder:
        reminder = self.get(reminder_id)
        if not reminder.is_open:
            raise DomainError(f"err.reminder.already_{reminder.state.value}", id=reminder_id)
        return reminder

    def _put(self, reminder: Reminder) -> Reminder:
        self.closures.store.reminders.put(reminder)
        return reminder

    @recorded("reminder.done")
    def done(self, reminder_id: int) -> Reminder:
        return self._put(self._open(reminder_id).close(ReminderState.DONE, Closer.USER))

    @recorded("reminder.dismiss")
    def dismiss(self, reminder_id: int) -> Reminder:
        return self._put(self._open(reminder_id).close(ReminderState.DISMISSED, Closer.USER))

    @recorded("reminder.snooze")
    def snooze(self, reminder_id: int, until: str) -> Reminder:
        """Move an open reminder to a later date (today or after), keeping its original date."""
        reminder = self._open(reminder_id)
        day = self.closures.parse_date(until)
        if day < self.closures.today():
            raise DomainError("err.reminder.snooze_past", date=day.isoformat())
        return self._put(replace(reminder, snoozed_until=day))

    @recorded("reminder.edit")
    def edit(
        self, reminder_id: int, *, when: str | None = None, text: str | None = None
    ) -> Reminder:
        """Change an open reminder's date (clearing any snooze) or its text."""
        reminder = self._open(reminder_id)
        if when is not None:
            reminder = replace(reminder, due_on=self.closures.parse_date(when), snoozed_until=None)
        if text is not None:
            required = reminder.kind is ReminderKind.MANUAL and reminder.stage is None
            reminder = replace(reminder, text=clean_field(text, "reminder_text", required=required))
        return self._put(reminder)

    # ---- automatic follow-ups ------------------------------------------------------------

    def refresh(self, platform: Platform) -> None:
        """Follow-ups as the platform's record and report checks now call for them."""
        self._on_platform_change(platform, platform)

    def _on_platform_change(self, before: Platform, after: Platform | None) -> None:
        # Only this platform's records are decoded: a change costs what it changes.
        mine = self.closures.store.reminders.where("platform_id", before.id)
        if after is None:
            self.closures.store.reminders.remove([r.id for r in mine])
            return
        from closure_tui.domain.credit_report import platform_judgement
        from closure_tui.domain.followup_rules import reconcile  # not needed to show the data
        from closure_tui.domain.judgement import Judgement

        lines = self.closures.store.report_checks.where("platform_id", after.id)
        confirmed = platform_judgement(after, lines) is Judgement.CONFIRMED
        plan = reconcile(
            after, mine, self.offsets, self.closures.today(), report_confirmed=confirmed
        )
        for reminder in plan.changed:
            self._put(reminder)
        created = self.closures.zoned_now()
        for follow_up in plan.created:
            self.closures.store.reminders.insert(
                functools.partial(
                    Reminder,
                    platform_id=after.id,
                    due_on=follow_up.due_on,
                    created=created,
                    stage=follow_up.stage,
                    kind=follow_up.kind,
                    basis=follow_up.basis,
                )
            )
