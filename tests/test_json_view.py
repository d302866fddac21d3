"""The `--json` view is a contract: these are its exact fields for schema 1. A change here
is a change for every script reading the command line (see the README's JSON view)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from closure_tui.domain.complaint_channels import ComplaintChannel
from closure_tui.domain.complaints import Complaint, ComplaintStatus
from closure_tui.domain.conduct import Breach
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.contacts import Channel, Contact, Direction, FileRef, Party
from closure_tui.domain.evidence import Attachment
from closure_tui.domain.history import Event, EventState
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Kind, Payee, Payment, Platform, Stage
from closure_tui.domain.reminders import Reminder, ReminderKind
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.contact_json import complaint_json, contact_json
from closure_tui.services.json_view import (
    event_json,
    full_reminder_json,
    note_json,
    platform_json,
    reminder_json,
)

DAY = date(2026, 3, 1)
AT = datetime(2026, 3, 1, 9, 30)
DIGEST = "ab" * 32


def _platform() -> Platform:
    platform = Platform(
        id=3,
        name="借呗",
        created_on=DAY,
        kind=Kind.ONLINE_LOAN,
        original=Decimal("20000.00"),
        settled=Decimal("12000.50"),
        hotline="95188",
        payee=Payee("某某科技有限公司", "招商银行", "6214830123", "官方客服", DAY),
        payments=(Payment(Decimal("12000.50"), DAY, "HX123"),),
        attachments=(Attachment(StageKey.CERTIFICATE, "/p/证明.pdf", 2048, DIGEST, AT, "e/1.pdf"),),
    )
    negotiated = Stage(StageKey.NEGOTIATED, StageState.DONE, DAY, "", {"pay_by": date(2026, 3, 8)})
    return platform.with_stage(negotiated).with_stage(
        Stage(StageKey.CARD_UNBOUND, StageState.SKIPPED, None, "no card bound")
    )


def _stage(state: str, evidence: dict[str, object], done_on: str | None = None) -> dict:
    return {"state": state, "done_on": done_on, "skip_reason": "", "evidence": evidence}


def test_a_platform() -> None:
    assert platform_json(_platform()) == {
        "schema": 1,
        "id": 3,
        "name": "借呗",
        "kind": "online_loan",
        "original": "20000.00",
        "settled": "12000.50",
        "hotline": "95188",
        "app": "",
        "funder": "",
        "created_on": "2026-03-01",
        "closed": False,
        "next_stage": "paid",
        "stages": {
            "negotiated": _stage(
                "done",
                {"pay_by": "2026-03-08", "agreed_with": "", "reference": ""},
                "2026-03-01",
            ),
            "paid": {
                **_stage("todo", {}),
                "payee": {
                    "name": "某某科技有限公司",
                    "bank": "招商银行",
                    "account": "****0123",
                    "verified_via": "官方客服",
                    "verified_on": "2026-03-01",
                },
                "payments": [{"amount": "12000.50", "on": "2026-03-01", "reference": "HX123"}],
            },
            "certificate": _stage("todo", {"received_on": None, "stamped": None, "file": ""}),
            "account_cancelled": _stage("todo", {"channel": "", "confirmed_by_phone": None}),
            "credit_line_cancelled": _stage("todo", {"platform_channel": "", "funder_channel": ""}),
            "card_unbound": {**_stage("skipped", {"cards": ""}), "skip_reason": "no card bound"},
        },
        "attachments": [
            {
                "stage": "certificate",
                "path": "/p/证明.pdf",
                "size": 2048,
                "sha256": DIGEST,
                "attached_at": "2026-03-01T09:30:00",
                "stored": "e/1.pdf",
            }
        ],
    }


def test_account_numbers_only_when_revealed() -> None:
    shown = platform_json(_platform(), reveal=True)
    assert shown["stages"]["paid"]["payee"]["account"] == "6214830123"


def test_a_note() -> None:
    note = Note(7, 3, AT, "客服说三个工作日", StageKey.CERTIFICATE)
    assert note_json(note) == {
        "id": 7,
        "created": "2026-03-01T09:30:00",
        "stage": "certificate",
        "text": "客服说三个工作日",
    }


@pytest.fixture
def in_shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's time zone (reminder times are shown in it)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("in_shanghai")
def test_a_reminder_due_and_in_full() -> None:
    reminder = Reminder(
        id=4,
        platform_id=3,
        due_on=DAY,
        created=datetime(2026, 3, 1, 1, 30, tzinfo=UTC),
        text="催结清证明",
        stage=StageKey.CERTIFICATE,
        snoozed_until=date(2026, 3, 3),
        kind=ReminderKind.MANUAL,
    )
    due = {
        "schema": 1,
        "id": 4,
        "platform": "借呗",
        "stage": "certificate",
        "date": "2026-03-03",
        "text": "催结清证明",
        "overdue": 2,
    }
    assert reminder_json(reminder, "借呗", date(2026, 3, 5)) == due
    assert full_reminder_json(reminder, "借呗", date(2026, 3, 5)) == {
        **due,
        "platform_id": 3,
        "kind": "manual",
        "state": "open",
        "original_date": "2026-03-01",
        "snoozed_until": "2026-03-03",
        "created": "2026-03-01T09:30:00+08:00",
    }


def test_a_change() -> None:
    before = {
        "platforms": {3: {"name": "借呗", "stages": {"paid": {"payee": {"account": "6214830123"}}}}}
    }
    event = Event(
        9, AT, "payee_set", 3, "借呗", before, {"platforms": {3: None}}, EventState.UNDONE, AT
    )
    assert event_json(event) == {
        "schema": 1,
        "id": 9,
        "at": "2026-03-01T09:30:00",
        "action": "payee_set",
        "platform_id": 3,
        "platform": "借呗",
        "state": "undone",
        "undone_at": "2026-03-01T09:30:00",
        "patch": False,
        "before": {
            "platforms": {
                "3": {"name": "借呗", "stages": {"paid": {"payee": {"account": "****0123"}}}}
            }
        },
        "after": {"platforms": {"3": None}},
    }


FILE = FileRef("/p/录音.m4a", 4096, DIGEST, AT, "c/1.m4a")
FILE_VIEW = {
    "path": "/p/录音.m4a",
    "size": 4096,
    "sha256": DIGEST,
    "attached_at": "2026-03-01T09:30:00",
    "stored": "c/1.m4a",
}


def test_a_contact() -> None:
    contact = Contact(
        id=7,
        platform_id=3,
        at=datetime(2026, 3, 1, 21, 40),
        direction=Direction.IN,
        channel=Channel.PHONE,
        party=Party.COLLECTOR,
        name="张三",
        from_number="95188",
        text="threatened to call my employer",
        stage=StageKey.PAID,
        files=(FILE,),
    )
    assert contact_json(contact, "借呗", (Breach.OUTSIDE_HOURS,), ConductRules()) == {
        "schema": 1,
        "id": 7,
        "platform": "借呗",
        "platform_id": 3,
        "at": "2026-03-01T21:40",
        "direction": "in",
        "channel": "phone",
        "party": "collector",
        "name": "张三",
        "staff_id": "",
        "from_number": "95188",
        "workplace": False,
        "contacts_called": False,
        "text": "threatened to call my employer",
        "stage": "paid",
        "files": [FILE_VIEW],
        "breaches": ["outside_hours"],
        "breach_text": ["contact outside 08:00–18:30"],
    }


def test_a_complaint() -> None:
    complaint = Complaint(
        id=2,
        platform_id=3,
        channel=ComplaintChannel.NFRA_12378,
        filed_on=DAY,
        reply_by=date(2026, 3, 16),
        ticket="T-9",
        asked="stop the calls",
        cites=(7,),
        files=(FILE,),
        status=ComplaintStatus.FILED,
        reminder_id=11,
    )
    assert complaint_json(complaint, "借呗", date(2026, 3, 18)) == {
        "schema": 1,
        "id": 2,
        "platform": "借呗",
        "platform_id": 3,
        "channel": "12378",
        "filed_on": "2026-03-01",
        "reply_by": "2026-03-16",
        "ticket": "T-9",
        "asked": "stop the calls",
        "cites": [7],
        "files": [FILE_VIEW],
        "status": "filed",
        "status_on": None,
        "outcome": "",
        "escalated_to": None,
        "overdue": 2,
    }
