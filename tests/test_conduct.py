"""Conduct checks, contact times and complaint steps: pure rules, table-driven."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from closure_tui.config import parse_config
from closure_tui.domain.complaint_channels import ComplaintChannel, ReplyWindows
from closure_tui.domain.complaints import Complaint, ComplaintStatus, reply_due
from closure_tui.domain.conduct import Breach, breaches, cited_breaches
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import Channel, Contact, Direction, Party, parse_minute
from closure_tui.domain.errors import DomainError

DAY = date(2026, 11, 20)


def call(
    contact_id: int,
    hour: int = 10,
    minute: int = 0,
    *,
    party: Party = Party.COLLECTOR,
    staff_id: str = "A001",
    channel: Channel = Channel.PHONE,
    direction: Direction = Direction.IN,
    platform_id: int = 1,
    day: date = DAY,
    **flags: bool,
) -> Contact:
    return Contact(
        id=contact_id,
        platform_id=platform_id,
        at=datetime.combine(day, time(hour, minute)),
        direction=direction,
        channel=channel,
        party=party,
        staff_id=staff_id,
        **flags,
    )


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        (call(1, 10), ()),
        (call(1, 8, 0), ()),
        (call(1, 18, 30), ()),
        (call(1, 7, 59), (Breach.OUTSIDE_HOURS,)),
        (call(1, 18, 31), (Breach.OUTSIDE_HOURS,)),
        (call(1, 21, 40), (Breach.OUTSIDE_HOURS,)),
        (call(1, 21, 40, direction=Direction.OUT), ()),
        (call(1, 21, 40, channel=Channel.SMS), ()),
        (call(1, 22, 0, channel=Channel.VISIT), (Breach.OUTSIDE_HOURS,)),
        (call(1, workplace=True), (Breach.WORKPLACE,)),
        (call(1, contacts_called=True), (Breach.CONTACTS_CALLED,)),
        (call(1, staff_id=""), (Breach.NO_STAFF_ID,)),
        (call(1, staff_id="  "), (Breach.NO_STAFF_ID,)),
        (call(1, party=Party.LAWYER, staff_id=""), (Breach.NO_STAFF_ID,)),
        (call(1, party=Party.OFFICIAL, staff_id=""), ()),
        (call(1, party=Party.POST_LOAN, staff_id=""), ()),
        (
            call(1, 6, staff_id="", workplace=True),
            (Breach.OUTSIDE_HOURS, Breach.WORKPLACE, Breach.NO_STAFF_ID),
        ),
    ],
)
def test_one_contact(contact: Contact, expected: tuple[Breach, ...]) -> None:
    assert breaches([contact]).get(1, ()) == expected


@pytest.mark.parametrize(
    ("calls", "limit", "crowded"),
    [
        ([call(i, 9 + i) for i in range(1, 6)], 5, set()),
        ([call(i, 9 + i) for i in range(1, 7)], 5, {1, 2, 3, 4, 5, 6}),
        ([call(i, 9 + i) for i in range(1, 4)], 2, {1, 2, 3}),
        # Another day, another platform, an official or outgoing call do not count.
        (
            [call(i, 9 + i) for i in range(1, 6)]
            + [call(6, day=date(2026, 11, 21)), call(7, platform_id=2)]
            + [call(8, party=Party.OFFICIAL), call(9, direction=Direction.OUT)]
            + [call(10, channel=Channel.SMS)],
            5,
            set(),
        ),
        ([call(i, 9 + i, party=Party.POST_LOAN) for i in range(1, 7)], 5, {1, 2, 3, 4, 5, 6}),
    ],
)
def test_calls_per_day(calls: list[Contact], limit: int, crowded: set[int]) -> None:
    found = breaches(calls, ConductRules(max_calls_per_day=limit))
    assert {i for i, b in found.items() if Breach.TOO_MANY_CALLS in b} == crowded


def test_six_calls_and_one_at_night_show_both_breaches() -> None:
    calls = [call(i, 9 + i) for i in range(1, 6)] + [call(6, 21, 40)]
    found = breaches(calls)
    assert found[6] == (Breach.TOO_MANY_CALLS, Breach.OUTSIDE_HOURS)
    assert found[1] == (Breach.TOO_MANY_CALLS,)
    assert cited_breaches(found, [6]) == (Breach.TOO_MANY_CALLS, Breach.OUTSIDE_HOURS)
    assert cited_breaches(found, [99]) == ()


def test_hours_follow_the_rules() -> None:
    rules = ConductRules(earliest=time(9, 0), latest=time(17, 0))
    assert breaches([call(1, 8, 30)], rules)[1] == (Breach.OUTSIDE_HOURS,)
    assert breaches([call(1, 8, 30)]) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20 21:40", datetime(2026, 11, 20, 21, 40)),
        (" 2026-11-20T08:05 ", datetime(2026, 11, 20, 8, 5)),
    ],
)
def test_contact_time(text: str, expected: datetime) -> None:
    assert parse_minute(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2026-11-20", "err.contact.time"),
        ("2026-11-20 25:00", "err.contact.time"),
        ("2026-11-20 21:40:10", "err.contact.time"),
        ("tomorrow", "err.contact.time"),
        ("1999-12-31 10:00", "err.date.range"),
    ],
)
def test_bad_contact_time(text: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_minute(text)
    assert caught.value.key == key


def test_a_contact_keeps_minutes_only() -> None:
    with pytest.raises(DomainError):
        Contact(1, 1, datetime(2026, 1, 1, 10, 0, 5), Direction.IN, Channel.PHONE, Party.OTHER)


def complaint(status: ComplaintStatus = ComplaintStatus.FILED) -> Complaint:
    return Complaint(
        1, 1, ComplaintChannel.NFRA_12378, date(2026, 11, 1), date(2026, 11, 16), status=status
    )


@pytest.mark.parametrize(
    ("status", "to", "allowed"),
    [
        (ComplaintStatus.FILED, ComplaintStatus.REPLIED, True),
        (ComplaintStatus.FILED, ComplaintStatus.RESOLVED, True),
        (ComplaintStatus.FILED, ComplaintStatus.ESCALATED, True),
        (ComplaintStatus.REPLIED, ComplaintStatus.RESOLVED, True),
        (ComplaintStatus.REPLIED, ComplaintStatus.FILED, False),
        (ComplaintStatus.RESOLVED, ComplaintStatus.REPLIED, False),
        (ComplaintStatus.ESCALATED, ComplaintStatus.RESOLVED, False),
    ],
)
def test_status_steps(status: ComplaintStatus, to: ComplaintStatus, allowed: bool) -> None:
    if allowed:
        moved = complaint(status).moved_to(to, date(2026, 11, 10), "ok")
        assert (moved.status, moved.status_on, moved.outcome) == (to, date(2026, 11, 10), "ok")
    else:
        with pytest.raises(DomainError) as caught:
            complaint(status).moved_to(to, date(2026, 11, 10), "")
        assert caught.value.key == "err.complaint.status_step"


@pytest.mark.parametrize(
    ("today", "days"),
    [(date(2026, 11, 15), 0), (date(2026, 11, 16), 0), (date(2026, 11, 17), 1)],
)
def test_overdue_only_after_the_reply_date(today: date, days: int) -> None:
    assert complaint().overdue_days(today) == days
    assert complaint(ComplaintStatus.REPLIED).overdue_days(today) == 0


def test_reply_window_per_channel_and_refusals() -> None:
    windows = ReplyWindows(by_channel={ComplaintChannel.NIFA: 30})  # type: ignore[arg-type]
    assert reply_due(date(2026, 11, 1), ComplaintChannel.NIFA, windows) == date(2026, 12, 1)
    assert reply_due(date(2026, 11, 1), ComplaintChannel.COURT, windows) == date(2026, 11, 16)
    with pytest.raises(DomainError):
        reply_due(date(2100, 12, 30), ComplaintChannel.COURT, windows)
    with pytest.raises(DomainError) as caught:
        Complaint(1, 1, ComplaintChannel.COURT, date(2026, 11, 2), date(2026, 11, 1))
    assert caught.value.key == "err.complaint.reply_before_filed"
    with pytest.raises(DomainError):
        complaint().moved_to(ComplaintStatus.REPLIED, date(2026, 10, 1), "")


@pytest.mark.parametrize(
    ("raw", "calls", "latest", "reply", "problems"),
    [
        ({}, 5, time(18, 30), 15, 0),
        ({"conduct": {"max_calls_per_day": 3, "latest": "20:00"}}, 3, time(20, 0), 15, 0),
        ({"conduct": {"max_calls_per_day": 0}}, 5, time(18, 30), 15, 1),
        ({"conduct": {"earliest": "19:00"}}, 5, time(18, 30), 15, 1),
        ({"conduct": {"latest": "noon"}}, 5, time(18, 30), 15, 1),
        ({"conduct": "x"}, 5, time(18, 30), 15, 1),
        ({"complaints": {"reply_days": 20}}, 5, time(18, 30), 20, 0),
        ({"complaints": {"reply_days": True}}, 5, time(18, 30), 15, 1),
        ({"complaints": {"reply_days_by_channel": {"nope": 3}}}, 5, time(18, 30), 15, 1),
    ],
)
def test_config_tables(raw: dict, calls: int, latest: time, reply: int, problems: int) -> None:
    loaded = parse_config(raw)
    assert loaded.config.conduct.max_calls_per_day == calls
    assert loaded.config.conduct.latest == latest
    assert loaded.config.reply_windows.default == reply
    assert len(loaded.problems) == problems


def test_config_per_channel_window() -> None:
    loaded = parse_config({"complaints": {"reply_days_by_channel": {"12378": 30}}})
    assert loaded.config.reply_windows.days(ComplaintChannel.NFRA_12378) == 30
    assert loaded.config.reply_windows.days(ComplaintChannel.COURT) == 15
