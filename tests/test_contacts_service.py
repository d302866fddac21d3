"""Contact log and complaint use cases: breaches, evidence files, the reply reminder, and
undo, removal, backup and forget like every other record."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.complaint_channels import ReplyWindows
from closure_tui.domain.complaints import ComplaintStatus
from closure_tui.domain.conduct import Breach
from closure_tui.domain.errors import DomainError
from closure_tui.domain.reminders import ReminderKind, ReminderState
from closure_tui.domain.stages import StageKey
from closure_tui.services.backup import build_backup
from closure_tui.services.closures import Closures
from closure_tui.services.complaints import ComplaintInput, Complaints
from closure_tui.services.contacts import ContactInput, ContactLog
from closure_tui.services.forget import forget_platform
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session

CALL = ContactInput(direction="in", channel="phone", party="collector", staff_id="A7")


@pytest.fixture
def service(data_dir: Path, clock: FixedClock) -> Iterator[Closures]:
    with closures_session(data_dir, clock, writable=True) as opened:
        opened.add_platform("借呗")
        yield opened


def log_of(service: Closures) -> ContactLog:
    return ContactLog(service)


def six_calls_and_one_at_night(log: ContactLog) -> list[int]:
    times = [f"2026-11-20 {hour}:00" for hour in range(9, 14)] + ["2026-11-20 21:40"]
    return [log.add(1, replace(CALL, at=at), copy=True).id for at in times]


def test_six_calls_and_one_at_night_breach_both_rules(service: Closures) -> None:
    log = log_of(service)
    ids = six_calls_and_one_at_night(log)
    found = log.breaches()
    assert found[ids[-1]] == (Breach.TOO_MANY_CALLS, Breach.OUTSIDE_HOURS)
    assert found[ids[0]] == (Breach.TOO_MANY_CALLS,)
    assert log.platforms_in_breach() == {1: 6}


def test_bad_input_changes_nothing(service: Closures) -> None:
    log = log_of(service)
    for typed in (
        ContactInput("sideways", "phone", "collector"),
        ContactInput("in", "fax", "collector"),
        ContactInput("in", "phone", "boss"),
        ContactInput("in", "phone", "collector", at="2026-11-20 25:00"),
        ContactInput("in", "phone", "collector", name="a\x1bb"),
    ):
        with pytest.raises(DomainError):
            log.add(1, typed, copy=True)
    with pytest.raises(DomainError):
        log.add(1, CALL, [Path("/no/such/file")], copy=True)
    assert log.contacts() == []
    assert service.history.events()[-1].action == "platform.add"


def test_time_defaults_to_now_to_the_minute(service: Closures, clock: FixedClock) -> None:
    contact = log_of(service).add(1, CALL, copy=True)
    assert contact.at == clock.now().replace(second=0)


def test_files_are_hashed_and_copied_and_undo_takes_the_contact_back(
    service: Closures, tmp_path: Path
) -> None:
    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"recording")
    log = log_of(service)
    contact = log.add(1, CALL, [recording], copy=True)
    [kept] = contact.files
    assert kept.size == 9
    assert kept.stored.startswith("evidence/p1-contact-")
    assert (service.store.data_dir / kept.stored).read_bytes() == b"recording"
    service.history.undo()
    assert log.contacts() == []
    service.history.redo()
    assert log.contacts() == [contact]


def complaints_of(service: Closures) -> Complaints:
    return Complaints(log_of(service), ReplyWindows())


def test_a_complaint_gets_a_reply_reminder_due_then_overdue(
    service: Closures, clock: FixedClock
) -> None:
    complaints = complaints_of(service)
    cited = log_of(service).add(1, replace(CALL, staff_id=""), copy=True)
    complaint = complaints.file(
        1, ComplaintInput("12378", ticket="T-1", cites=(str(cited.id),)), copy=True
    )
    assert complaint.reply_by == clock.now().date() + timedelta(days=15)
    assert complaints.grounds(complaint.cites) == (Breach.NO_STAFF_ID,)
    reminders = Reminders(service)
    [reminder] = reminders.find(1)
    assert (reminder.kind, reminder.due_on, reminder.id) == (
        ReminderKind.COMPLAINT_REPLY,
        complaint.reply_by,
        complaint.reminder_id,
    )
    clock.advance(days=15)
    assert [r.id for r in reminders.due()] == [reminder.id]
    assert complaints.overdue() == []
    clock.advance(days=1)
    assert reminders.due()[0].overdue_days(service.today()) == 1
    assert complaints.overdue() == [complaint]
    moved = complaints.move(complaint.id, "replied", outcome="they called back")
    assert moved.status is ComplaintStatus.REPLIED
    assert complaints.overdue() == []
    assert reminders.get(reminder.id).state is ReminderState.DONE
    service.history.undo()
    assert reminders.get(reminder.id).is_open
    assert complaints.get(complaint.id).status is ComplaintStatus.FILED


def test_complaint_refusals_change_nothing(service: Closures) -> None:
    service.add_platform("花呗")
    other = log_of(service).add(2, CALL, copy=True)
    complaints = complaints_of(service)
    for typed in (
        ComplaintInput("fax"),
        ComplaintInput("12378", filed="2026-11-20", reply_by="2026-11-19"),
        ComplaintInput("12378", cites=(str(other.id),)),
        ComplaintInput("12378", cites=("99",)),
        ComplaintInput("12378", filed="2100-12-30"),
    ):
        with pytest.raises(DomainError):
            complaints.file(1, typed, copy=True)
    assert complaints.complaints() == []
    assert service.store.reminders.raw_all() == {}
    filed = complaints.file(1, ComplaintInput("platform"), copy=True)
    complaints.move(filed.id, "resolved")
    with pytest.raises(DomainError) as caught:
        complaints.move(filed.id, "replied")
    assert caught.value.key == "err.complaint.status_step"


def test_removing_a_platform_takes_its_records_and_undo_brings_them_back(
    service: Closures,
) -> None:
    log = log_of(service)
    contact = log.add(1, CALL, copy=True)
    complaint = complaints_of(service).file(1, ComplaintInput("12321"), copy=True)
    service.remove_platform(1)
    assert log.contacts() == [] and complaints_of(service).complaints() == []
    service.history.undo()
    assert log.contacts() == [contact]
    assert complaints_of(service).complaints() == [complaint]


def test_backup_holds_them_and_forget_erases_them_with_their_copies(
    service: Closures, clock: FixedClock, tmp_path: Path
) -> None:
    screenshot = tmp_path / "shot.png"
    screenshot.write_bytes(b"png")
    contact = log_of(service).add(1, CALL, [screenshot], copy=True)
    complaints_of(service).file(1, ComplaintInput("nifa", cites=(str(contact.id),)), copy=True)
    tables = build_backup(service, None, clock.now())["tables"]
    assert list(tables["contacts"]) == [str(contact.id)]
    assert len(tables["complaints"]) == 1
    copy = service.store.data_dir / contact.files[0].stored
    forgotten = forget_platform(service, 1, "借呗")
    assert "1 contacts and 1 complaints erased too." in forgotten.message()
    assert not copy.exists()
    assert service.store.table_docs("contacts") == {}
    assert service.store.table_docs("complaints") == {}


def test_the_negotiated_contact_is_where_it_was_agreed(service: Closures) -> None:
    log = log_of(service)
    log.add(1, CALL, copy=True)
    agreed = log.add(
        1, ContactInput("out", "phone", "official", name="王", stage=StageKey.NEGOTIATED), copy=True
    )
    assert log.agreed_in(1) == [agreed]
    assert date(2026, 11, 29) == agreed.at.date()


def test_doctor_counts_a_contacts_copy_as_kept(service: Closures, tmp_path: Path) -> None:
    from closure_tui.services.doctor_edges import stray_evidence

    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"recording")
    log_of(service).add(1, CALL, [recording], copy=True)
    assert stray_evidence(service.store.data_dir) == []


def test_a_backup_imports_whole_and_merges_under_new_ids(
    service: Closures, clock: FixedClock, tmp_path: Path
) -> None:
    import json

    from closure_tui.services.backup import import_backup

    contact = log_of(service).add(1, replace(CALL, staff_id=""), copy=True)
    complaints_of(service).file(1, ComplaintInput("12378", cites=(str(contact.id),)), copy=True)
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(build_backup(service, None, clock.now())), encoding="utf-8")
    with closures_session(tmp_path / "empty", clock, writable=True) as other:
        import_backup(other, backup, None)
        assert log_of(other).contacts() == log_of(service).contacts()
        assert complaints_of(other).complaints() == complaints_of(service).complaints()
    with closures_session(tmp_path / "busy", clock, writable=True) as other:
        other.add_platform("花呗")
        log_of(other).add(1, CALL, copy=True)
        Reminders(other).add(1, "+3d", "call")
        import_backup(other, backup, "merge")
        merged = other.resolve("借呗").id
        [moved] = complaints_of(other).complaints(merged)
        [cited] = [c.id for c in log_of(other).contacts(merged)]
        assert moved.cites == (cited,) and cited != contact.id
        reminder = Reminders(other).get(moved.reminder_id or 0)
        assert (reminder.platform_id, reminder.kind) == (merged, ReminderKind.COMPLAINT_REPLY)
        assert complaints_of(other).grounds(moved.cites) == (Breach.NO_STAFF_ID,)
        other.history.undo()
        assert complaints_of(other).complaints() == [] and len(log_of(other).contacts()) == 1


def test_forget_leaves_no_byte_of_what_was_said(service: Closures) -> None:
    secret = "只在电话里说过的话"
    log_of(service).add(1, replace(CALL, text=secret, name="催收员张某"), copy=True)
    complaints_of(service).file(1, ComplaintInput("platform", asked=secret), copy=True)
    service.history.undo()
    service.history.redo()
    forget_platform(service, 1, "借呗")
    for path in service.store.data_dir.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            for text in (secret, "催收员张某"):
                assert text.encode() not in raw, path
                assert json_escaped(text) not in raw, path


def json_escaped(text: str) -> bytes:
    import json

    return json.dumps(text).strip('"').encode()


def test_doctor_reports_a_contacts_file_that_changed(service: Closures, tmp_path: Path) -> None:
    from closure_tui.services.doctor import examine

    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"recording")
    contact = log_of(service).add(1, CALL, [recording], copy=True)
    (service.store.data_dir / contact.files[0].stored).write_bytes(b"edited")
    found = [f for f in examine(service.store.data_dir) if f.key == "doctor.evidence_changed"]
    assert [f.params["platform"] for f in found] == ["借呗 · contact #1"]
