"""Recording report checks and disputes: judgements, the reminders they move, undo, forget."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.disputes import DisputeStatus, FiledWith
from closure_tui.domain.errors import DomainError
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.reminders import ReminderKind, ReminderState
from closure_tui.domain.report_entry import parse_entry
from closure_tui.domain.stages import STAGE_ORDER
from closure_tui.services.closures import Closures
from closure_tui.services.credit_report import CreditReports
from closure_tui.services.forget import forget_platform
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures

CLOSED_ON = "2026-10-01"


@pytest.fixture
def service(data_dir: Path, clock: FixedClock) -> Iterator[Closures]:
    opened = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    yield opened
    opened.store.close()


def closed_platform(service: Closures, name: str = "借呗") -> int:
    platform_id = service.add_platform(name).value.id
    for key in STAGE_ORDER:
        service.tick(platform_id, key, on=CLOSED_ON)
    return platform_id


def of_kind(service: Closures, kind: ReminderKind) -> list:
    return [r for r in Reminders(service).all() if r.kind is kind]


def test_the_done_when_story(service: Closures) -> None:
    """Closed, checked with a line still shown: discrepancy; a dispute on 12-01 is due on
    12-21; a later clean check confirms it and completes the 45-day follow-up."""
    platform_id = closed_platform(service)
    reports = CreditReports(service)
    [follow_up] = of_kind(service, ReminderKind.CREDIT_REPORT)
    assert follow_up.is_open
    [checked] = reports.record_check(
        "2026-11-20", "云闪付", [parse_entry("借呗=settled,line=present,amount=5000")]
    )
    assert checked.judgement is Judgement.DISCREPANCY
    assert checked.recheck == date(2026, 12, 20)
    assert [r.due_on for r in of_kind(service, ReminderKind.REPORT_RECHECK)] == [date(2026, 12, 20)]
    assert of_kind(service, ReminderKind.CREDIT_REPORT)[0].is_open

    dispute = reports.file_dispute(
        platform_id, FiledWith.CENTER, "2026-12-01", check_id=checked.line.id, text="额度仍显示"
    )
    [answer] = of_kind(service, ReminderKind.DISPUTE_ANSWER)
    assert answer.due_on == dispute.answer_due == date(2026, 12, 21)

    [clean] = reports.record_check("2026-12-25", "征信中心", [parse_entry("借呗=settled")])
    assert clean.judgement is Judgement.CONFIRMED
    [follow_up] = of_kind(service, ReminderKind.CREDIT_REPORT)
    assert follow_up.state is ReminderState.DONE
    assert not any(r.is_open for r in of_kind(service, ReminderKind.REPORT_RECHECK))


def test_a_later_stage_change_keeps_the_follow_up_completed(service: Closures) -> None:
    platform_id = closed_platform(service)
    CreditReports(service).record_check("2026-11-20", "app", [parse_entry("借呗=closed")])
    service.edit_platform(platform_id, hotline="95188")
    service.set_evidence(platform_id, STAGE_ORDER[-1], {"cards": "招行 0123"})
    assert of_kind(service, ReminderKind.CREDIT_REPORT)[0].state is ReminderState.DONE


def test_one_check_covers_several_platforms_and_accounts(service: Closures) -> None:
    closed_platform(service, "借呗")
    open_id = service.add_platform("花呗").value.id
    entries = [
        parse_entry("借呗=settled,institution=某银行"),
        parse_entry("借呗=settled,line=present"),
        parse_entry("花呗=overdue"),
    ]
    results = CreditReports(service).record_check("2026-11-20", "征信中心", entries)
    assert [r.judgement for r in results] == [
        Judgement.DISCREPANCY,
        Judgement.DISCREPANCY,
        Judgement.NOT_YET,
    ]
    assert len(of_kind(service, ReminderKind.REPORT_RECHECK)) == 1
    assert CreditReports(service).judgement(service.get(open_id)) is Judgement.NOT_YET


def test_answer_closes_the_reminder_and_a_correction_sets_a_check(service: Closures) -> None:
    platform_id = closed_platform(service)
    reports = CreditReports(service)
    dispute = reports.file_dispute(platform_id, FiledWith.INSTITUTION, "2026-12-01")
    reports.update_dispute(dispute.id, DisputeStatus.ANSWERED, "2026-12-10", "已核实")
    assert of_kind(service, ReminderKind.DISPUTE_ANSWER)[0].state is ReminderState.DONE
    corrected = reports.update_dispute(dispute.id, DisputeStatus.CORRECTED, "2026-12-12")
    assert corrected.answer == "已核实"
    assert [r.due_on for r in of_kind(service, ReminderKind.REPORT_RECHECK)] == [date(2027, 1, 11)]


def check(on: str, source: str, *entries: str):
    return lambda reports, _: reports.record_check(on, source, [parse_entry(e) for e in entries])


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (check("2026-11-20", " ", "借呗=closed"), "err.text.empty"),
        (check("1999-01-01", "app", "借呗=closed"), "err.date.range"),
        (check("2026-11-20", "app", "无此平台=closed"), "err.platform.not_found"),
        (check("2026-11-20", "app"), "err.report.no_platform"),
        (
            lambda r, p: r.file_dispute(p, FiledWith.CENTER, "2026-12-01", check_id=99),
            "err.report.check_not_found",
        ),
        (lambda r, p: r.update_dispute(99, DisputeStatus.ANSWERED), "err.dispute.not_found"),
    ],
)
def test_bad_input_changes_nothing(service: Closures, change, key: str) -> None:
    platform_id = closed_platform(service)
    before = len(service.history.events())
    reminders = len(Reminders(service).all())
    with pytest.raises(DomainError) as caught:
        change(CreditReports(service), platform_id)
    assert caught.value.key == key
    assert list(service.store.report_checks) == [] and list(service.store.disputes) == []
    assert len(service.history.events()) == before
    assert len(Reminders(service).all()) == reminders


def test_undo_takes_back_the_check_and_its_reminders(service: Closures) -> None:
    closed_platform(service)
    CreditReports(service).record_check("2026-11-20", "app", [parse_entry("借呗=closed")])
    assert of_kind(service, ReminderKind.CREDIT_REPORT)[0].state is ReminderState.DONE
    service.history.undo()
    assert list(service.store.report_checks) == []
    assert of_kind(service, ReminderKind.CREDIT_REPORT)[0].is_open
    service.history.redo()
    assert len(list(service.store.report_checks)) == 1


def test_forget_erases_checks_disputes_and_the_report_copy(
    service: Closures, tmp_path: Path
) -> None:
    platform_id = closed_platform(service)
    other = closed_platform(service, "花呗")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF credit report")
    reports = CreditReports(service)
    [checked, _] = reports.record_check(
        "2026-11-20", "app", [parse_entry("借呗=closed"), parse_entry("花呗=closed")], report
    )
    assert checked.line.file is not None and checked.line.file.stored
    assert (service.store.data_dir / checked.line.file.stored).exists()
    reports.file_dispute(platform_id, FiledWith.CENTER, "2026-12-01")
    forgotten = forget_platform(service, platform_id, "借呗")
    assert forgotten.name == "借呗"
    assert [line.platform_id for line in service.store.report_checks] == [other]
    assert list(service.store.disputes) == []
    assert not (service.store.data_dir / checked.line.file.stored).exists()


def test_doctor_checks_report_files_and_knows_their_copies(
    service: Closures, tmp_path: Path
) -> None:
    from closure_tui.services.doctor import examine

    closed_platform(service)
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF credit report")
    [checked] = CreditReports(service).record_check(
        "2026-11-20", "app", [parse_entry("借呗=closed")], report
    )
    data_dir = service.store.data_dir
    keys = [finding.key for finding in examine(data_dir)]
    assert "doctor.evidence_stray" not in keys and "doctor.evidence_changed" not in keys
    assert checked.line.file is not None
    (data_dir / checked.line.file.stored).write_bytes(b"edited")
    found = [f for f in examine(data_dir) if f.key == "doctor.evidence_changed"]
    assert [f.params["platform"] for f in found] == ["借呗"]
