"""Credit report checks and disputes: recording them, and the reminders they open and close.

A check that confirms a closure completes the credit report follow-up; a discrepancy sets
a new check 30 days later; filing a dispute sets the 20-day answer-due reminder, which
closes when the dispute moves on; a corrected dispute sets the next check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

from closure_tui.domain.credit_report import (
    ReportFile,
    ReportLine,
    platform_judgement,
    recheck_date,
)
from closure_tui.domain.disputes import Dispute, DisputeStatus, FiledWith
from closure_tui.domain.errors import DomainError
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import Closer, Reminder, ReminderKind, ReminderState
from closure_tui.domain.report_entry import LineEntry
from closure_tui.domain.text import clean_field, clean_note
from closure_tui.services.closures import Closures
from closure_tui.services.history import History
from closure_tui.services.recorded import recorded
from closure_tui.services.reminders import Reminders

T = TypeVar("T")


class Checked(NamedTuple):
    """A line recorded by a check, the platform's judgement after it, and the new check
    date set when the report disagrees."""

    line: ReportLine
    platform: Platform
    judgement: Judgement
    recheck: date | None


class CreditReports:
    """Report checks and disputes over one open store."""

    def __init__(self, closures: Closures, reminders: Reminders | None = None) -> None:
        self.closures = closures
        self.reminders = reminders or Reminders(closures)
        #: The closures' history, so checks and disputes are undone like any change.
        self.history: History = closures.history

    # ---- reading -------------------------------------------------------------------------

    def lines(self, platform_id: int | None = None) -> list[ReportLine]:
        """Newest report first."""
        found = [
            c
            for c in self.closures.store.report_checks
            if platform_id is None or c.platform_id == platform_id
        ]
        return sorted(found, key=lambda c: (c.on, c.id), reverse=True)

    def disputes(self, platform_id: int | None = None) -> list[Dispute]:
        """Newest filing first."""
        found = [
            d
            for d in self.closures.store.disputes
            if platform_id is None or d.platform_id == platform_id
        ]
        return sorted(found, key=lambda d: (d.filed_on, d.id), reverse=True)

    def judgement(self, platform: Platform) -> Judgement:
        return platform_judgement(platform, self.lines(platform.id))

    def judgements(self, platforms: Sequence[Platform]) -> dict[int, Judgement]:
        """Every platform's judgement, reading the stored lines once."""
        by_platform: dict[int, list[ReportLine]] = {}
        for line in self.closures.store.report_checks:
            by_platform.setdefault(line.platform_id, []).append(line)
        return {p.id: platform_judgement(p, by_platform.get(p.id, [])) for p in platforms}

    def line(self, ref: str | int) -> ReportLine:
        found = _by_ref(self.closures.store.report_checks.get, ref)
        if found is None:
            raise DomainError("err.report.check_not_found", ref=str(ref))
        return found

    def dispute(self, ref: str | int) -> Dispute:
        found = _by_ref(self.closures.store.disputes.get, ref)
        if found is None:
            raise DomainError("err.dispute.not_found", ref=str(ref))
        return found

    # ---- checks --------------------------------------------------------------------------

    @recorded("report.check")
    def record_check(
        self,
        on: str,
        source: str,
        entries: Sequence[LineEntry],
        file: Path | None = None,
    ) -> list[Checked]:
        """One report, seen on `on`, with a line per platform account it shows."""
        if not entries:
            raise DomainError("err.report.no_platform")
        day = self.closures.parse_date(on)
        seen = ReportLine(
            id=0,
            platform_id=0,
            on=day,
            source=clean_field(source, "report_source", required=True),
            created=self.closures.clock.now().replace(microsecond=0),
            status=entries[0].status,
        )
        platforms = [self.closures.resolve(entry.platform) for entry in entries]
        saved: list[ReportLine] = []
        with self.closures.store.transaction():
            for platform, entry in zip(platforms, entries, strict=True):
                saved.append(
                    self.closures.store.report_checks.insert(
                        _line_maker(platform, entry, seen, self._keep_report(platform, file))
                    )
                )
            # A platform shown as several accounts is judged once, on all of them.
            firsts = {line.platform_id: line for line in reversed(saved)}
            judged = {pid: self._after_check(line) for pid, line in firsts.items()}
        return [judged[line.platform_id]._replace(line=line) for line in saved]

    def _keep_report(self, platform: Platform, file: Path | None) -> ReportFile | None:
        """The report file, with a private copy per platform (so `forget` can erase it)."""
        if file is None:
            return None
        from closure_tui.services.evidence import keep_file  # not for the quick reads

        source, facts, stored = keep_file(self.closures, file, f"p{platform.id}-report")
        return ReportFile(str(source), facts.size, facts.sha256, stored)

    def _after_check(self, line: ReportLine) -> Checked:
        platform = self.closures.get(line.platform_id)
        for reminder in self._open_reminders(platform.id, ReminderKind.REPORT_RECHECK):
            self._close(reminder)
        self.reminders.refresh(platform)
        verdict = self.judgement(platform)
        recheck = None
        if verdict is Judgement.DISCREPANCY:
            recheck = recheck_date(line.on)
            self._remind(platform.id, ReminderKind.REPORT_RECHECK, recheck, line.on)
        return Checked(line, platform, verdict, recheck)

    # ---- disputes ------------------------------------------------------------------------

    @recorded("dispute.file")
    def file_dispute(
        self,
        platform_id: int,
        filed_with: FiledWith,
        filed: str,
        *,
        text: str = "",
        reference: str = "",
        check_id: int | None = None,
        cited: Sequence[str] = (),
    ) -> Dispute:
        """A dispute, and the reminder on the day its written answer is due."""
        platform = self.closures.get(platform_id)
        if check_id is not None and self.line(check_id).platform_id != platform.id:
            raise DomainError("err.report.check_other_platform", id=check_id)
        created = self.closures.clock.now().replace(microsecond=0)
        dispute = Dispute(
            id=0,
            platform_id=platform.id,
            filed_with=filed_with,
            filed_on=self.closures.parse_date(filed),
            created=created,
            text=clean_note(text) if text.strip() else "",
            reference=clean_field(reference, "dispute_reference"),
            check_id=check_id,
            cited=tuple(clean_field(item, "cited", required=True) for item in cited),
        )
        with self.closures.store.transaction():
            stored = self.closures.store.disputes.insert(lambda new_id: replace(dispute, id=new_id))
            self._remind(
                platform.id, ReminderKind.DISPUTE_ANSWER, stored.answer_due, stored.filed_on
            )
        return stored

    @recorded("dispute.update")
    def update_dispute(
        self, dispute_id: int, status: DisputeStatus, on: str | None = None, answer: str = ""
    ) -> Dispute:
        """Move a dispute on; its answer-due reminder closes, a correction sets a new check."""
        dispute = self.dispute(dispute_id)
        day = self.closures.parse_date(on) if on is not None else self.closures.today()
        updated = dispute.moved_to(status, day, clean_note(answer) if answer.strip() else "")
        with self.closures.store.transaction():
            self.closures.store.disputes.put(updated)
            for reminder in self._open_reminders(dispute.platform_id, ReminderKind.DISPUTE_ANSWER):
                if reminder.basis == dispute.filed_on:
                    self._close(reminder)
            if status is DisputeStatus.CORRECTED:
                self._remind(
                    dispute.platform_id, ReminderKind.REPORT_RECHECK, recheck_date(day), day
                )
        return updated

    # ---- reminders -----------------------------------------------------------------------

    def _open_reminders(self, platform_id: int, kind: ReminderKind) -> list[Reminder]:
        return [
            r
            for r in self.closures.store.reminders
            if r.platform_id == platform_id and r.kind is kind and r.is_open
        ]

    def _close(self, reminder: Reminder) -> None:
        self.closures.store.reminders.put(reminder.close(ReminderState.DONE, Closer.APP))

    def _remind(self, platform_id: int, kind: ReminderKind, when: date, basis: date) -> None:
        created = self.closures.zoned_now()
        self.closures.store.reminders.insert(
            lambda new_id: Reminder(
                id=new_id,
                platform_id=platform_id,
                due_on=when,
                created=created,
                kind=kind,
                basis=basis,
            )
        )


def _line_maker(
    platform: Platform, entry: LineEntry, seen: ReportLine, file: ReportFile | None
) -> Callable[[int], ReportLine]:
    """Builds the platform's line of the report `seen` (its date, source and time)."""

    def make(new_id: int) -> ReportLine:
        return ReportLine(
            id=new_id,
            platform_id=platform.id,
            on=seen.on,
            source=seen.source,
            created=seen.created,
            status=entry.status,
            institution=entry.institution,
            line_shown=entry.line_shown,
            line_amount=entry.line_amount,
            overdue_after_settle=entry.overdue_after_settle,
            file=file,
        )

    return make


def _by_ref(get: Callable[[int], T | None], ref: str | int) -> T | None:
    """A record by its id as typed (`3` or `#3`)."""
    if isinstance(ref, int):
        return get(ref)
    digits = ref.strip().removeprefix("#")
    if not (digits.isascii() and digits.isdigit()):
        return None
    return get(int(digits))
