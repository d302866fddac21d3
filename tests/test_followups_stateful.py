"""Random tick / untick / skip / re-date / snooze / done / dismiss / undo / redo sequences on
one platform, with an injected clock, against a model of what the follow-ups should be.

Invariants after every step: at most one follow-up of each kind; an open one exists exactly
when the record calls for it (its fact is set, its closing stage is not done) and the user
has not closed it by hand since that fact last changed; its date is the rule's date from
that fact, with the user's snooze kept only if later; undo and redo put the reminders back
exactly. The store lives in memory-backed storage when the machine has it, so thousands of
sequences run in seconds.
"""

from __future__ import annotations

import contextlib
import copy
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import Reminder, ReminderKind
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures
from tests.stateful import machine_settings

KINDS = (
    ReminderKind.OFFER_LAPSE,
    ReminderKind.CERTIFICATE,
    ReminderKind.CREDIT_REPORT,
    ReminderKind.DEDUCTION_CHECK,
)
DAYS_AFTER = {
    ReminderKind.CERTIFICATE: 7,
    ReminderKind.CREDIT_REPORT: 45,
    ReminderKind.DEDUCTION_CHECK: 35,
}
#: Stages most sequences should touch often; the others close the platform now and then.
STAGES = st.sampled_from(
    [StageKey.NEGOTIATED, StageKey.PAID, StageKey.CERTIFICATE, StageKey.CARD_UNBOUND, *StageKey]
)
FOLLOW_UPS = st.sampled_from(KINDS)
CLOSING = {
    ReminderKind.OFFER_LAPSE: StageKey.PAID,
    ReminderKind.CERTIFICATE: StageKey.CERTIFICATE,
}
SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else None


def _done(platform: Platform, key: StageKey) -> bool:
    return platform.stage(key).state is StageState.DONE


def fact(platform: Platform, kind: ReminderKind, fallback: date) -> date | None:
    """The date a follow-up derives from, read off the record (None: not called for)."""
    if kind is ReminderKind.OFFER_LAPSE:
        pay_by = platform.stage(StageKey.NEGOTIATED).evidence.get("pay_by")
        return pay_by if _done(platform, StageKey.NEGOTIATED) else None
    if kind is ReminderKind.CREDIT_REPORT:
        if any(s.state is StageState.TODO for s in platform.stages):
            return None
        return max((s.done_on for s in platform.stages if s.done_on), default=fallback)
    key = StageKey.PAID if kind is ReminderKind.CERTIFICATE else StageKey.CARD_UNBOUND
    return platform.stage(key).done_on if _done(platform, key) else None


def settled(platform: Platform, kind: ReminderKind) -> bool:
    closing = CLOSING.get(kind)
    return closing is not None and _done(platform, closing)


def rule_date(kind: ReminderKind, basis: date, made: date) -> date:
    if kind is ReminderKind.OFFER_LAPSE:
        return max(basis - timedelta(days=1), made)
    return basis + timedelta(days=DAYS_AFTER[kind])


@dataclass
class Expected:
    """What one follow-up should be: whether it exists, its fact, date, snooze, and whether
    the user closed it since the fact last changed."""

    exists: bool = False
    basis: date | None = None
    date: date | None = None
    snooze: date | None = None
    user_closed: bool = False


@dataclass
class Model:
    follow_ups: dict[ReminderKind, Expected] = field(
        default_factory=lambda: {kind: Expected() for kind in KINDS}
    )

    def follow(self, platform: Platform, today: date) -> None:
        """The record changed: create or move each follow-up as the rules say."""
        for kind, want in self.follow_ups.items():
            basis = fact(platform, kind, want.basis if want.exists else today)
            if basis is None:
                continue
            if not want.exists:
                if not settled(platform, kind):
                    want.exists, want.basis, want.date = True, basis, rule_date(kind, basis, today)
            elif basis != want.basis:
                new = rule_date(kind, basis, today)
                want.snooze = want.snooze if want.snooze and want.snooze > new else None
                want.basis, want.date, want.user_closed = basis, new, False

    def is_open(self, kind: ReminderKind, platform: Platform) -> bool:
        want = self.follow_ups[kind]
        if not want.exists or want.user_closed or settled(platform, kind):
            return False
        return fact(platform, kind, want.basis or date.min) is not None


class FollowUpMachine(RuleBasedStateMachine):
    @initialize()
    def open_store(self) -> None:
        self.root = Path(tempfile.mkdtemp(dir=SCRATCH))
        self.clock = FixedClock(datetime(2027, 3, 1, 10, 0))
        self.service = open_closures(
            self.root / "data", self.clock, writable=True, offsets=FollowUpOffsets()
        )
        self.platform_id = self.service.add_platform("借呗").value.id
        self.model = Model()
        #: (model, reminder documents) before and after each recorded change
        self.applied: list[tuple[Any, Any]] = []
        self.undone: list[tuple[Any, Any]] = []

    # ---- helpers -------------------------------------------------------------------------

    @property
    def platform(self) -> Platform:
        return self.service.get(self.platform_id)

    def docs(self) -> dict[int, dict[str, Any]]:
        return self.service.store.table_docs("reminders")

    def follow_up(self, kind: ReminderKind) -> Reminder | None:
        found = [r for r in self.service.store.reminders if r.kind is kind]
        assert len(found) <= 1, found
        return found[0] if found else None

    def change(self, apply: Any, expect: Any = None) -> None:
        """Run a use case, then `expect` updates the model (by default: the record changed,
        follow the rules); a refusal must leave everything as it was."""
        model_before, docs_before = copy.deepcopy(self.model), self.docs()
        events = len(self.service.history.events())
        try:
            apply()
        except DomainError:
            assert self.docs() == docs_before
            assert len(self.service.history.events()) == events
            return
        if expect is None:
            self.model.follow(self.platform, self.service.today())
        else:
            expect(self.model.follow_ups)
        if len(self.service.history.events()) > events:
            after = (copy.deepcopy(self.model), self.docs())
            self.applied.append(((model_before, docs_before), after))
            self.undone.clear()

    # ---- rules ---------------------------------------------------------------------------

    @rule(stage=STAGES, days_ago=st.integers(0, 12), pay_by=st.none() | st.integers(-2, 12))
    def tick(self, stage: StageKey, days_ago: int, pay_by: int | None) -> None:
        on = self.service.today() - timedelta(days=days_ago)
        deadline = None
        if stage is StageKey.NEGOTIATED and pay_by is not None:
            deadline = (on + timedelta(days=pay_by)).isoformat()
        self.change(lambda: self.service.tick(self.platform_id, stage, on.isoformat(), deadline))

    @rule(stage=STAGES)
    def untick(self, stage: StageKey) -> None:
        self.change(lambda: self.service.untick(self.platform_id, stage))

    @rule(stage=STAGES)
    def skip(self, stage: StageKey) -> None:
        self.change(lambda: self.service.skip(self.platform_id, stage, "不适用"))

    @rule(kind=FOLLOW_UPS, how=st.sampled_from(["done", "dismiss"]))
    def close_by_hand(self, kind: ReminderKind, how: str) -> None:
        found = self.follow_up(kind)
        if found is None or not found.is_open:
            return
        self.change(
            lambda: getattr(Reminders(self.service), how)(found.id),
            lambda expected: setattr(expected[kind], "user_closed", True),
        )

    @rule(kind=FOLLOW_UPS, days=st.integers(0, 20))
    def snooze(self, kind: ReminderKind, days: int) -> None:
        found = self.follow_up(kind)
        if found is None or not found.is_open:
            return
        until = self.service.today() + timedelta(days=days)
        self.change(
            lambda: Reminders(self.service).snooze(found.id, until.isoformat()),
            lambda expected: setattr(expected[kind], "snooze", until),
        )

    @rule(days=st.integers(1, 3))
    def next_day(self, days: int) -> None:
        self.clock.advance(days=days)

    @rule(back=st.booleans())
    def undo_or_redo(self, back: bool) -> None:
        """Undo (or redo) the last change: the reminders are exactly as they were."""
        source, target = (self.applied, self.undone) if back else (self.undone, self.applied)
        if not source:
            return
        entry = source.pop()
        if back:
            self.service.history.undo()
        else:
            self.service.history.redo()
        self.model, docs = copy.deepcopy(entry[0 if back else 1][0]), entry[0 if back else 1][1]
        assert self.docs() == docs
        target.append(entry)

    # ---- invariants ----------------------------------------------------------------------

    @invariant()
    def follow_ups_match_the_record(self) -> None:
        if not hasattr(self, "model"):
            return
        platform = self.platform
        for kind, want in self.model.follow_ups.items():
            found = self.follow_up(kind)
            assert (found is not None) == want.exists, kind
            if found is None:
                continue
            assert (found.basis, found.due_on, found.snoozed_until) == (
                want.basis,
                want.date,
                want.snooze,
            ), kind
            assert found.is_open == self.model.is_open(kind, platform), kind
            assert found.dated_in_range

    def teardown(self) -> None:
        with contextlib.suppress(AttributeError):
            self.service.store.close()
            shutil.rmtree(self.root, ignore_errors=True)


FollowUpMachine.TestCase.settings = machine_settings(2500)
TestFollowUps = FollowUpMachine.TestCase
