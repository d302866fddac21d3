"""Contacts and complaints come back exactly as saved; bad stored documents are refused."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.complaint_channels import ComplaintChannel
from closure_tui.domain.complaints import Complaint, ComplaintStatus
from closure_tui.domain.contacts import Channel, Contact, Direction, FileRef, Party
from closure_tui.domain.stages import StageKey
from closure_tui.store.codec import RecordInvalid
from closure_tui.store.codec_contacts import (
    decode_complaint,
    decode_contact,
    encode_complaint,
    encode_contact,
)
from tests.store_helpers import add_platform, opened

CLOCK = FixedClock(datetime(2026, 11, 29, 9, 30))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 1))
minutes = st.builds(datetime.combine, days, st.builds(time, st.integers(0, 23), st.integers(0, 59)))
files = st.builds(
    FileRef,
    path=texts.filter(bool),
    size=st.integers(0, 10**9),
    sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    attached_at=st.datetimes(min_value=datetime(2000, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
    stored=st.sampled_from(["", "evidence/p1-contact-abc-rec.m4a"]),
)
contacts = st.builds(
    Contact,
    id=st.just(0),
    platform_id=st.just(1),
    at=minutes,
    direction=st.sampled_from(Direction),
    channel=st.sampled_from(Channel),
    party=st.sampled_from(Party),
    name=texts,
    staff_id=texts,
    from_number=texts,
    workplace=st.booleans(),
    contacts_called=st.booleans(),
    text=texts,
    stage=st.none() | st.sampled_from(StageKey),
    files=st.lists(files, max_size=2).map(tuple),
)


@st.composite
def complaints(draw: st.DrawFn) -> Complaint:
    filed = draw(days)
    return Complaint(
        id=0,
        platform_id=1,
        channel=draw(st.sampled_from(ComplaintChannel)),
        filed_on=filed,
        reply_by=draw(st.dates(min_value=filed, max_value=date(2100, 12, 31))),
        ticket=draw(texts),
        asked=draw(texts),
        cites=tuple(draw(st.lists(st.integers(1, 99), max_size=3))),
        files=tuple(draw(st.lists(files, max_size=2))),
        status=draw(st.sampled_from(ComplaintStatus)),
        status_on=draw(st.none() | days),
        outcome=draw(texts),
        escalated_to=draw(st.none() | st.integers(1, 99)),
        reminder_id=draw(st.none() | st.integers(1, 99)),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    contact_list=st.lists(contacts, max_size=4), complaint_list=st.lists(complaints(), max_size=3)
)
def test_contacts_and_complaints_round_trip(
    contact_list: list[Contact], complaint_list: list[Complaint]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        with opened(data_dir, CLOCK) as store:
            add_platform(store, "借呗")
            saved = [store.contacts.insert(lambda i, c=c: replace(c, id=i)) for c in contact_list]
            filed = [
                store.complaints.insert(lambda i, c=c: replace(c, id=i)) for c in complaint_list
            ]
        with opened(data_dir, CLOCK, writable=False) as store:
            assert sorted(store.contacts, key=lambda c: c.id) == saved
            assert sorted(store.complaints, key=lambda c: c.id) == filed


GOOD_CONTACT = {
    "platform_id": 1,
    "at": "2026-11-20T21:40",
    "direction": "in",
    "channel": "phone",
    "party": "collector",
}
GOOD_COMPLAINT = {
    "platform_id": 1,
    "channel": "12378",
    "filed_on": "2026-11-20",
    "reply_by": "2026-12-05",
}


@pytest.mark.parametrize(
    "change",
    [
        {"at": "2026-11-20T21:40:30"},
        {"at": "yesterday"},
        {"direction": "sideways"},
        {"party": None},
        {"workplace": "yes"},
        {"files": [{"path": "x", "size": 1, "sha256": "0" * 63, "attached_at": "2026-01-01"}]},
        {
            "files": [
                {
                    "path": "x",
                    "size": 1,
                    "sha256": "0" * 64,
                    "attached_at": "2026-01-01",
                    "stored": "../../etc/passwd",
                }
            ]
        },
        {"stage": "nope"},
    ],
)
def test_bad_contacts_are_refused(change: dict) -> None:
    with pytest.raises(RecordInvalid):
        decode_contact(1, {**GOOD_CONTACT, **change})


@pytest.mark.parametrize(
    "change",
    [
        {"reply_by": "2026-11-19"},
        {"channel": "12345"},
        {"cites": [0]},
        {"cites": ["1"]},
        {"status": "lost"},
        {"filed_on": "2026-02-30"},
    ],
)
def test_bad_complaints_are_refused(change: dict) -> None:
    with pytest.raises(RecordInvalid):
        decode_complaint(1, {**GOOD_COMPLAINT, **change})


def test_good_documents_decode_and_encode_back() -> None:
    contact = decode_contact(3, GOOD_CONTACT)
    assert contact.at == datetime(2026, 11, 20, 21, 40)
    assert {k: v for k, v in encode_contact(contact).items() if k in GOOD_CONTACT} == GOOD_CONTACT
    complaint = decode_complaint(4, GOOD_COMPLAINT)
    assert complaint.status is ComplaintStatus.FILED
    encoded = encode_complaint(complaint)
    assert {k: v for k, v in encoded.items() if k in GOOD_COMPLAINT} == GOOD_COMPLAINT
