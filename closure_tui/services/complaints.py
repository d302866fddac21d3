"""Complaint use cases: filing one (with its reply-due reminder, in the same write),
moving it on as replies come, and finding those overdue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from closure_tui.domain.complaint_channels import ComplaintChannel, ReplyWindows
from closure_tui.domain.complaints import Complaint, ComplaintStatus, reply_due
from closure_tui.domain.conduct import Breach, cited_breaches
from closure_tui.domain.contacts import parse_choice
from closure_tui.domain.errors import DomainError
from closure_tui.domain.reminders import Closer, Reminder, ReminderKind, ReminderState
from closure_tui.domain.text import clean_field, clean_note
from closure_tui.services.contacts import ContactLog, keep_files, typed_id
from closure_tui.services.history import History
from closure_tui.services.recorded import recorded


def configured_windows() -> ReplyWindows:
    """The reply windows from the user's `config.toml` (15 days when not set)."""
    from closure_tui.config import load_config
    from closure_tui.locations import config_file

    return load_config(config_file()).config.reply_windows


@dataclass(frozen=True, slots=True)
class ComplaintInput:
    """A complaint as typed; `reply_by` empty means the channel's default window."""

    channel: str
    filed: str = ""
    ticket: str = ""
    reply_by: str = ""
    asked: str = ""
    cites: tuple[str, ...] = ()


class Complaints:
    """Complaints of one open store, over the contact log they cite."""

    def __init__(self, log: ContactLog, windows: ReplyWindows | None = None) -> None:
        self.log = log
        self.closures = log.closures
        self.history: History = log.closures.history
        self._windows = windows

    @property
    def windows(self) -> ReplyWindows:
        if self._windows is None:
            self._windows = configured_windows()
        return self._windows

    # ---- reading -------------------------------------------------------------------------

    def complaints(self, platform_id: int | None = None) -> list[Complaint]:
        """Oldest first (by filing date, then as recorded)."""
        found = [
            c
            for c in self.closures.store.complaints
            if platform_id is None or c.platform_id == platform_id
        ]
        return sorted(found, key=lambda c: (c.filed_on, c.id))

    def get(self, complaint_id: int) -> Complaint:
        found = self.closures.store.complaints.get(complaint_id)
        if found is None:
            raise DomainError("err.complaint.not_found", ref=str(complaint_id))
        return found

    def resolve(self, ref: str) -> Complaint:
        return self.get(typed_id(ref, "err.complaint.not_found"))

    def overdue(self) -> list[Complaint]:
        """Complaints still unanswered after their reply-due date, most overdue first."""
        today = self.closures.today()
        late = [c for c in self.complaints() if c.overdue_days(today) > 0]
        return sorted(late, key=lambda c: (c.reply_by, c.id))

    def grounds(self, cites: Sequence[int]) -> tuple[Breach, ...]:
        """The conduct breaches of the cited contacts: what a new complaint is about."""
        return cited_breaches(self.log.breaches(), cites)

    # ---- changing ------------------------------------------------------------------------

    def _cited(self, platform_id: int, refs: Sequence[str]) -> tuple[int, ...]:
        cited: list[int] = []
        for ref in refs:
            contact = self.log.resolve(ref)
            if contact.platform_id != platform_id:
                raise DomainError("err.contact.other_platform", id=contact.id)
            if contact.id not in cited:
                cited.append(contact.id)
        return tuple(cited)

    def parse(self, platform_id: int, typed: ComplaintInput) -> Complaint:
        """The complaint `typed` describes (id 0, no files or reminder); refuses bad input."""
        channel = ComplaintChannel(
            parse_choice(ComplaintChannel, typed.channel, "complaint_channel")
        )
        closures = self.closures
        filed = closures.parse_date(typed.filed) if typed.filed.strip() else closures.today()
        due = (
            closures.parse_date(typed.reply_by)
            if typed.reply_by.strip()
            else reply_due(filed, channel, self.windows)
        )
        return Complaint(
            id=0,
            platform_id=platform_id,
            channel=channel,
            filed_on=filed,
            reply_by=due,
            ticket=clean_field(typed.ticket, "ticket"),
            asked=clean_note(typed.asked) if typed.asked.strip() else "",
            cites=self._cited(platform_id, typed.cites),
        )

    def file(
        self, platform_id: int, typed: ComplaintInput, files: Sequence[Path] = (), *, copy: bool
    ) -> Complaint:
        """Check everything, keep the files, then record the complaint and its reminder."""
        platform = self.closures.get(platform_id)
        draft = self.parse(platform.id, typed)
        kept = keep_files(self.closures, files, f"p{platform.id}-complaint", copy=copy)
        return self._insert(replace(draft, files=kept))

    @recorded("complaint.file")
    def _insert(self, draft: Complaint) -> Complaint:
        store = self.closures.store
        created = self.closures.zoned_now()
        with store.transaction():
            reminder = store.reminders.insert(
                lambda new_id: Reminder(
                    id=new_id,
                    platform_id=draft.platform_id,
                    due_on=draft.reply_by,
                    created=created,
                    text=draft.ticket,
                    kind=ReminderKind.COMPLAINT_REPLY,
                )
            )
            return store.complaints.insert(
                lambda new_id: replace(draft, id=new_id, reminder_id=reminder.id)
            )

    @recorded("complaint.status")
    def move(
        self,
        complaint_id: int,
        status: str,
        on: str = "",
        outcome: str = "",
        escalated_to: str = "",
    ) -> Complaint:
        """Record a reply, a resolution or an escalation; the reply reminder closes with it."""
        complaint = self.get(complaint_id)
        wanted = ComplaintStatus(parse_choice(ComplaintStatus, status, "complaint_status"))
        day: date = self.closures.parse_date(on) if on.strip() else self.closures.today()
        target = self._escalation(complaint, escalated_to) if escalated_to.strip() else None
        if target is not None and wanted is not ComplaintStatus.ESCALATED:
            raise DomainError("err.complaint.to_needs_escalated")
        moved = complaint.moved_to(
            wanted, day, clean_note(outcome) if outcome.strip() else "", target
        )
        store = self.closures.store
        with store.transaction():
            store.complaints.put(moved)
            reminder = store.reminders.get(complaint.reminder_id or 0)
            if reminder is not None and reminder.is_open:
                store.reminders.put(reminder.close(ReminderState.DONE, Closer.APP))
        return moved

    def _escalation(self, complaint: Complaint, ref: str) -> int:
        other = self.resolve(ref)
        if other.id == complaint.id or other.platform_id != complaint.platform_id:
            raise DomainError("err.complaint.escalated_to", id=other.id)
        return other.id
