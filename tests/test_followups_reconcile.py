"""Follow-ups follow the record: untick reopens, a new date moves, re-ticking is a no-op."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.reminders import Closer, Reminder, ReminderKind, ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session, open_closures
from tests.store_helpers import compacted


@pytest.fixture
def march(tmp_path: Path) -> FixedClock:
    return FixedClock(datetime(2027, 3, 1, 10, 0))


@pytest.fixture
def service(data_dir: Path, march: FixedClock) -> Iterator[Closures]:
    opened = open_closures(data_dir, march, writable=True, offsets=FollowUpOffsets())
    yield opened
    opened.store.close()


def _due_on(service: Closures, clock: FixedClock, day: date) -> list[ReminderKind]:
    clock.current = datetime.combine(day, clock.current.time())
    return [r.kind for r in Reminders(service).due()]


def _one(service: Closures, kind: ReminderKind) -> Reminder:
    [found] = [r for r in Reminders(service).all() if r.kind is kind]
    return found


def test_untick_reopens_what_the_tick_closed(service: Closures, march: FixedClock) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.NEGOTIATED, pay_by="2027-03-10")
    service.tick(platform.id, StageKey.PAID)
    march.advance(days=1)
    service.untick(platform.id, StageKey.PAID)
    assert _due_on(service, march, date(2027, 3, 9)) == [ReminderKind.OFFER_LAPSE]
    lapse = _one(service, ReminderKind.OFFER_LAPSE)
    assert (lapse.state, lapse.closed_by) == (ReminderState.OPEN, None)
    certificate = _one(service, ReminderKind.CERTIFICATE)
    assert (certificate.state, certificate.closed_by) == (ReminderState.DISMISSED, Closer.APP)


def test_untick_leaves_closed_what_the_user_closed(service: Closures) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.PAID)
    certificate = _one(service, ReminderKind.CERTIFICATE)
    Reminders(service).done(certificate.id)
    service.untick(platform.id, StageKey.PAID)
    service.tick(platform.id, StageKey.PAID)
    assert _one(service, ReminderKind.CERTIFICATE).state is ReminderState.DONE


def test_a_new_paid_date_moves_the_certificate_chase(service: Closures, march: FixedClock) -> None:
    platform = service.add_platform("P").value
    march.current = datetime(2027, 3, 10, 10, 0)
    service.tick(platform.id, StageKey.PAID)
    assert _one(service, ReminderKind.CERTIFICATE).due_on == date(2027, 3, 17)
    service.tick(platform.id, StageKey.PAID, on="2027-03-02")
    assert _one(service, ReminderKind.CERTIFICATE).due_on == date(2027, 3, 9)


def test_a_new_unbinding_date_moves_both_checks(service: Closures) -> None:
    platform = service.add_platform("P").value
    for key in list(StageKey)[:-1]:
        service.tick(platform.id, key, on="2027-02-20")
    service.tick(platform.id, StageKey.CARD_UNBOUND, on="2027-02-25")
    assert _one(service, ReminderKind.DEDUCTION_CHECK).due_on == date(2027, 4, 1)
    assert _one(service, ReminderKind.CREDIT_REPORT).due_on == date(2027, 4, 11)
    service.tick(platform.id, StageKey.CARD_UNBOUND, on="2027-02-21")
    assert _one(service, ReminderKind.DEDUCTION_CHECK).due_on == date(2027, 3, 28)
    assert _one(service, ReminderKind.CREDIT_REPORT).due_on == date(2027, 4, 7)


def test_a_snooze_is_kept_only_when_later_than_the_new_date(
    service: Closures, march: FixedClock
) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.PAID)  # chase on 03-08
    reminders = Reminders(service)
    chase = _one(service, ReminderKind.CERTIFICATE)
    reminders.snooze(chase.id, "2027-03-12")
    service.tick(platform.id, StageKey.PAID, on="2027-02-27")  # chase on 03-06
    assert reminders.get(chase.id).when == date(2027, 3, 12)
    march.advance(days=5)  # a done date is never in the future
    service.tick(platform.id, StageKey.PAID, on="2027-03-06")  # chase on 03-13
    moved = reminders.get(chase.id)
    assert (moved.when, moved.snoozed_until) == (date(2027, 3, 13), None)


def test_untick_and_retick_on_the_same_date_changes_no_follow_up(
    service: Closures, march: FixedClock
) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.CARD_UNBOUND, on="2027-02-01")
    reminders = Reminders(service)
    check = _one(service, ReminderKind.DEDUCTION_CHECK)
    reminders.done(check.id)
    service.tick(platform.id, StageKey.PAID)
    chase = _one(service, ReminderKind.CERTIFICATE)
    reminders.snooze(chase.id, "2027-03-20")
    before = {r.id: r for r in reminders.all()}
    march.advance(days=16)
    for key, on in ((StageKey.CARD_UNBOUND, "2027-02-01"), (StageKey.PAID, "2027-03-01")):
        service.untick(platform.id, key)
        service.tick(platform.id, key, on=on)
    assert {r.id: r for r in reminders.all()} == before
    assert reminders.due() == []


def test_one_follow_up_per_kind_under_one_id_whatever_the_cycles(service: Closures) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.PAID)
    first = _one(service, ReminderKind.CERTIFICATE)
    for _ in range(3):
        service.untick(platform.id, StageKey.PAID)
        service.tick(platform.id, StageKey.PAID)
    assert [r.id for r in Reminders(service).find(include_closed=True)] == [first.id]


def test_follow_ups_kept_by_an_older_version_are_followed_too(
    data_dir: Path, march: FixedClock
) -> None:
    with closures_session(data_dir, march, writable=True) as service:
        platform = service.add_platform("P").value
        service.tick(platform.id, StageKey.PAID)
        service.tick(platform.id, StageKey.CARD_UNBOUND)
        Reminders(service).dismiss(_one(service, ReminderKind.DEDUCTION_CHECK).id)
        other = service.add_platform("Q").value
        service.tick(other.id, StageKey.NEGOTIATED, pay_by="2027-03-10")
    compacted(data_dir, march)  # the base holds every record: edit it as an older version would
    path = data_dir / "closure.json"
    data = json.loads(path.read_text("utf-8"))
    for doc in data["reminders"].values():
        del doc["basis"], doc["closed_by"]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with closures_session(data_dir, march, writable=True) as service:
        before = _one(service, ReminderKind.CERTIFICATE)
        service.untick(platform.id, StageKey.CARD_UNBOUND)
        service.tick(platform.id, StageKey.CARD_UNBOUND)
        service.tick(platform.id, StageKey.PAID, on="2027-02-27")
        assert _one(service, ReminderKind.DEDUCTION_CHECK).state is ReminderState.DISMISSED
        moved = _one(service, ReminderKind.CERTIFICATE)
        assert (moved.id, moved.due_on, moved.is_open) == (before.id, date(2027, 3, 6), True)
        march.advance(days=20)
        service.untick(other.id, StageKey.NEGOTIATED)
        service.tick(other.id, StageKey.NEGOTIATED, on="2027-03-01", pay_by="2027-03-10")
        lapse = _one(service, ReminderKind.OFFER_LAPSE)
        assert (lapse.due_on, lapse.is_open) == (date(2027, 3, 9), True)


def test_a_pay_by_before_the_negotiation_is_refused(service: Closures) -> None:
    platform = service.add_platform("P").value
    with pytest.raises(DomainError) as refused:
        service.tick(platform.id, StageKey.NEGOTIATED, on="2027-02-20", pay_by="2027-02-19")
    assert refused.value.key == "err.pay_by.before_negotiated"
    assert Reminders(service).all() == []
    assert service.get(platform.id).stage(StageKey.NEGOTIATED).done_on is None


@pytest.mark.parametrize("pay_by", ["today", "tomorrow"])
def test_a_close_pay_by_puts_the_offer_lapse_on_today(service: Closures, pay_by: str) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.NEGOTIATED, pay_by=pay_by)
    [lapse] = Reminders(service).due()
    assert (lapse.when, lapse.overdue_days(service.today())) == (date(2027, 3, 1), 0)


def test_a_closed_reminder_is_never_overdue(service: Closures, march: FixedClock) -> None:
    platform = service.add_platform("P").value
    reminder = Reminders(service).add(platform.id, "today", "call")
    Reminders(service).done(reminder.id)
    march.advance(days=14)
    assert Reminders(service).get(reminder.id).overdue_days(service.today()) == 0


def test_undo_puts_the_reminders_back_exactly(service: Closures) -> None:
    platform = service.add_platform("P").value
    service.tick(platform.id, StageKey.NEGOTIATED, pay_by="2027-03-10")
    service.tick(platform.id, StageKey.PAID)
    before = service.store.table_docs("reminders")
    service.untick(platform.id, StageKey.PAID)
    assert service.store.table_docs("reminders") != before
    service.history.undo()
    assert service.store.table_docs("reminders") == before


def test_a_pay_by_an_older_version_accepted_blocks_no_other_stage(
    data_dir: Path, march: FixedClock
) -> None:
    with closures_session(data_dir, march, writable=True) as service:
        platform = service.add_platform("P").value
        service.tick(platform.id, StageKey.NEGOTIATED, pay_by="2027-03-05")
    compacted(data_dir, march)
    path = data_dir / "closure.json"
    path.write_text(path.read_text("utf-8").replace("2027-03-05", "2027-02-01"), "utf-8")
    with closures_session(data_dir, march, writable=True) as service:
        service.tick(platform.id, StageKey.PAID)
        assert _one(service, ReminderKind.OFFER_LAPSE).state is ReminderState.DONE
        with pytest.raises(DomainError):
            service.set_evidence(platform.id, StageKey.NEGOTIATED, {"agreed_with": "王"})
        service.set_evidence(platform.id, StageKey.NEGOTIATED, {"pay_by": "2027-03-06"})
