"""Automatic follow-ups appear when stages are ticked and close when their stage is done."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.reminders import Reminder, ReminderKind, ReminderState
from closure_tui.domain.stages import STAGE_ORDER, StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures

TODAY = date(2026, 11, 29)


@pytest.fixture
def service(data_dir: Path, clock: FixedClock) -> Iterator[Closures]:
    opened = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    yield opened
    opened.store.close()


def _open_of(service: Closures, kind: ReminderKind) -> list[Reminder]:
    return [r for r in Reminders(service).find() if r.kind is kind]


def test_pay_by_date_schedules_the_offer_lapse_the_day_before(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.NEGOTIATED, pay_by="2026-12-05")
    [lapse] = _open_of(service, ReminderKind.OFFER_LAPSE)
    assert lapse.due_on == date(2026, 12, 4)
    assert lapse.stage is StageKey.PAID


def test_changing_the_pay_by_date_moves_the_reminder(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.NEGOTIATED, pay_by="2026-12-05")
    service.set_evidence(platform.id, StageKey.NEGOTIATED, {"pay_by": "2026-12-10"})
    [lapse] = _open_of(service, ReminderKind.OFFER_LAPSE)
    assert lapse.due_on == date(2026, 12, 9)


def test_paying_closes_the_offer_lapse_and_asks_for_the_certificate(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.NEGOTIATED, pay_by="+3d")
    service.tick(platform.id, StageKey.PAID, on="2026-11-28")
    assert _open_of(service, ReminderKind.OFFER_LAPSE) == []
    [lapse] = [r for r in Reminders(service).all() if r.kind is ReminderKind.OFFER_LAPSE]
    assert lapse.state is ReminderState.DONE
    [certificate] = _open_of(service, ReminderKind.CERTIFICATE)
    assert certificate.due_on == date(2026, 12, 5)


def test_no_certificate_reminder_when_the_certificate_is_already_done(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.CERTIFICATE)
    service.tick(platform.id, StageKey.PAID)
    assert _open_of(service, ReminderKind.CERTIFICATE) == []


def test_getting_the_certificate_closes_its_reminder(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.PAID)
    service.tick(platform.id, StageKey.CERTIFICATE)
    assert _open_of(service, ReminderKind.CERTIFICATE) == []


def test_closing_a_platform_schedules_the_credit_report_check(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    for key in STAGE_ORDER[:-1]:
        service.tick(platform.id, key)
    assert _open_of(service, ReminderKind.CREDIT_REPORT) == []
    service.skip(platform.id, StageKey.CARD_UNBOUND, "no card bound")
    [check] = _open_of(service, ReminderKind.CREDIT_REPORT)
    assert check.due_on == TODAY + timedelta(days=45)
    assert check.stage is None


def test_unbinding_the_card_schedules_the_deduction_check(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.CARD_UNBOUND, on="2026-11-20")
    [check] = _open_of(service, ReminderKind.DEDUCTION_CHECK)
    assert check.due_on == date(2026, 11, 20) + timedelta(days=35)


def test_unticking_withdraws_the_follow_up(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.CARD_UNBOUND)
    service.untick(platform.id, StageKey.CARD_UNBOUND)
    assert _open_of(service, ReminderKind.DEDUCTION_CHECK) == []


def test_offsets_come_from_the_configuration(data_dir: Path, clock: FixedClock) -> None:
    offsets = FollowUpOffsets(offer_lapse_days=3, certificate_days=14)
    service = open_closures(data_dir, clock, writable=True, offsets=offsets)
    try:
        platform = service.add_platform("借呗").value
        service.tick(platform.id, StageKey.NEGOTIATED, pay_by="2026-12-05")
        service.tick(platform.id, StageKey.PAID)
        kinds = {r.kind: r.due_on for r in Reminders(service).all()}
        assert kinds[ReminderKind.OFFER_LAPSE] == date(2026, 12, 2)
        assert kinds[ReminderKind.CERTIFICATE] == TODAY + timedelta(days=14)
    finally:
        service.store.close()


def test_offsets_are_read_from_config_toml(data_dir: Path, clock: FixedClock) -> None:
    config_dir = Path(os.environ["CLOSURE_TUI_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.toml").write_text("[reminders]\ncredit_report_days = 60\n")
    service = open_closures(data_dir, clock, writable=True)
    try:
        platform = service.add_platform("借呗").value
        for key in STAGE_ORDER:
            service.tick(platform.id, key)
        [check] = _open_of(service, ReminderKind.CREDIT_REPORT)
        assert check.due_on == TODAY + timedelta(days=60)
    finally:
        service.store.close()


def test_a_manual_reminder_on_a_stage_closes_with_it_and_reopens_on_untick(
    service: Closures,
) -> None:
    platform = service.add_platform("借呗").value
    reminders = Reminders(service)
    reminder = reminders.add(platform.id, "+2d", "call 贷后", StageKey.ACCOUNT_CANCELLED)
    service.tick(platform.id, StageKey.ACCOUNT_CANCELLED)
    assert reminders.get(reminder.id).state is ReminderState.DONE
    service.untick(platform.id, StageKey.ACCOUNT_CANCELLED)
    assert reminders.get(reminder.id).is_open


def test_removing_a_platform_removes_its_reminders(service: Closures) -> None:
    platform = service.add_platform("借呗").value
    Reminders(service).add(platform.id, "+2d", "call")
    service.remove_platform(platform.id)
    assert Reminders(service).all() == []


def test_follow_ups_are_saved_with_the_tick(data_dir: Path, clock: FixedClock) -> None:
    service = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    platform = service.add_platform("借呗").value
    service.tick(platform.id, StageKey.PAID)
    service.store.close()
    reopened = open_closures(data_dir, clock, writable=False)
    try:
        assert [r.kind for r in Reminders(reopened).find()] == [ReminderKind.CERTIFICATE]
    finally:
        reopened.store.close()
