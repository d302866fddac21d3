"""Reminder use cases: due dates relative to the injected clock, snooze, dismiss, done."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.reminders import ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures


@pytest.fixture
def service(data_dir: Path, clock: FixedClock) -> Iterator[Closures]:
    opened = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    yield opened
    opened.store.close()


@pytest.fixture
def reminders(service: Closures) -> Reminders:
    return Reminders(service)


def _add(reminders: Reminders, when: str, text: str = "call") -> int:
    platform = reminders.closures.add_platform(f"p-{when}-{text}").value
    return reminders.add(platform.id, when, text).id


def test_due_lists_overdue_first_and_leaves_out_the_future(reminders: Reminders) -> None:
    later = _add(reminders, "+10d")
    today = _add(reminders, "today")
    overdue = _add(reminders, "2026-11-20")
    assert [r.id for r in reminders.due()] == [overdue, today]
    assert [r.id for r in reminders.due(within=14)] == [overdue, today, later]
    assert reminders.get(overdue).overdue_days(date(2026, 11, 29)) == 9


def test_a_reminder_comes_due_as_the_clock_moves(reminders: Reminders, clock: FixedClock) -> None:
    reminder_id = _add(reminders, "tomorrow")
    assert reminders.due() == []
    clock.advance(days=1)
    assert [r.id for r in reminders.due()] == [reminder_id]


def test_snoozed_reminder_is_not_due_until_the_new_date(
    reminders: Reminders, clock: FixedClock
) -> None:
    reminder_id = _add(reminders, "yesterday")
    snoozed = reminders.snooze(reminder_id, "+3d")
    assert snoozed.when == date(2026, 12, 2)
    assert snoozed.due_on == date(2026, 11, 28)
    assert reminders.due() == []
    clock.advance(days=3)
    assert [r.id for r in reminders.due()] == [reminder_id]


def test_snooze_to_the_past_is_refused(reminders: Reminders) -> None:
    reminder_id = _add(reminders, "yesterday")
    with pytest.raises(DomainError) as refused:
        reminders.snooze(reminder_id, "2026-11-01")
    assert refused.value.key == "err.reminder.snooze_past"


def test_dismissed_and_done_reminders_are_no_longer_due(reminders: Reminders) -> None:
    first, second = _add(reminders, "today", "a"), _add(reminders, "today", "b")
    reminders.dismiss(first)
    reminders.done(second)
    assert reminders.due() == []
    assert reminders.get(first).state is ReminderState.DISMISSED
    assert {r.id for r in reminders.find(include_closed=True)} == {first, second}
    with pytest.raises(DomainError) as refused:
        reminders.dismiss(first)
    assert refused.value.key == "err.reminder.already_dismissed"


def test_manual_reminder_needs_text_unless_linked_to_a_stage(reminders: Reminders) -> None:
    platform = reminders.closures.add_platform("借呗").value
    with pytest.raises(DomainError):
        reminders.add(platform.id, "+1d", "  ")
    linked = reminders.add(platform.id, "+1d", "", StageKey.CERTIFICATE)
    assert linked.stage is StageKey.CERTIFICATE


def test_reminder_for_a_stage_already_done_is_refused(reminders: Reminders) -> None:
    platform = reminders.closures.add_platform("借呗").value
    reminders.closures.tick(platform.id, StageKey.CERTIFICATE)
    with pytest.raises(DomainError) as refused:
        reminders.add(platform.id, "+1d", "", StageKey.CERTIFICATE)
    assert refused.value.key == "err.reminder.stage_done"


def test_editing_the_date_clears_the_snooze(reminders: Reminders) -> None:
    reminder_id = _add(reminders, "today")
    reminders.snooze(reminder_id, "+5d")
    edited = reminders.edit(reminder_id, when="+2d", text="call again")
    assert (edited.when, edited.text) == (date(2026, 12, 1), "call again")


def test_resolve_accepts_hash_ids_and_refuses_junk(reminders: Reminders) -> None:
    reminder_id = _add(reminders, "today")
    assert reminders.resolve(f"#{reminder_id}").id == reminder_id
    for ref in ("x", "99", "١"):
        with pytest.raises(DomainError):
            reminders.resolve(ref)


def test_next_reminder_per_platform_is_the_earliest_open_one(reminders: Reminders) -> None:
    first = reminders.closures.add_platform("借呗").value
    second = reminders.closures.add_platform("花呗").value
    later = reminders.add(first.id, "+9d", "later")
    soon = reminders.add(first.id, "+2d", "soon")
    done = reminders.add(second.id, "today", "handled")
    reminders.done(done.id)
    assert reminders.next_by_platform() == {first.id: soon}
    snoozed = reminders.snooze(soon.id, "+12d")
    assert reminders.next_by_platform() == {first.id: later}
    assert reminders.find() == [later, snoozed]
