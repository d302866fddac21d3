"""Report lines and disputes come back exactly as saved, and bad stored ones are refused."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.credit_report import AccountStatus, ReportFile, ReportLine
from closure_tui.domain.disputes import Dispute, DisputeStatus, FiledWith
from closure_tui.store.codec import RecordInvalid
from closure_tui.store.codec_credit import (
    decode_dispute,
    decode_report_line,
    encode_dispute,
    encode_report_line,
)
from closure_tui.store.datafiles import check_data
from closure_tui.store.store import MAIN_FILE
from tests.store_helpers import add_platform, opened, v1_file

CLOCK = FixedClock(datetime(2026, 11, 29, 9, 30))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 11, 30))
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0)
)
files = st.none() | st.builds(
    ReportFile,
    path=texts.map(lambda text: "/r/" + text),
    size=st.integers(min_value=0, max_value=2**40),
    sha256=st.just("a" * 64),
    stored=st.sampled_from(["", "evidence/p1-report-r.pdf"]),
)


@st.composite
def report_lines(draw: st.DrawFn) -> ReportLine:
    shown = draw(st.booleans())
    amount = draw(st.none() | st.integers(0, 10**9).map(lambda c: Decimal(c).scaleb(-2)))
    return ReportLine(
        id=1,
        platform_id=1,
        on=draw(days),
        source=draw(texts.filter(str.strip)),
        created=draw(moments),
        status=draw(st.sampled_from(AccountStatus)),
        institution=draw(texts),
        line_shown=shown,
        line_amount=amount if shown else None,
        overdue_after_settle=draw(st.booleans()),
        file=draw(files),
    )


@st.composite
def disputes(draw: st.DrawFn) -> Dispute:
    filed = draw(days)
    status = draw(st.sampled_from(DisputeStatus))
    return Dispute(
        id=1,
        platform_id=1,
        filed_with=draw(st.sampled_from(FiledWith)),
        filed_on=filed,
        created=draw(moments),
        text=draw(texts),
        reference=draw(texts),
        check_id=draw(st.none() | st.integers(1, 10**6)),
        cited=tuple(draw(st.lists(texts, max_size=3))),
        status=status,
        status_on=None if status is DisputeStatus.FILED else filed,
        answer=draw(texts),
    )


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=report_lines(), dispute=disputes())
def test_saved_lines_and_disputes_come_back_exactly(line: ReportLine, dispute: Dispute) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        with opened(data_dir, CLOCK) as store:
            add_platform(store, "借呗")
            store.report_checks.insert(lambda new_id: line)
            store.disputes.insert(lambda new_id: dispute)
        with opened(data_dir, CLOCK, writable=False) as store:
            assert list(store.report_checks) == [line]
            assert list(store.disputes) == [dispute]


GOOD_LINE = encode_report_line(
    ReportLine(1, 1, date(2026, 11, 20), "云闪付", CLOCK.now(), AccountStatus.SETTLED)
)
GOOD_DISPUTE = encode_dispute(Dispute(1, 1, FiledWith.CENTER, date(2026, 12, 1), CLOCK.now()))


@pytest.mark.parametrize(
    ("decode", "doc"),
    [
        (decode_report_line, {**GOOD_LINE, "status": "结清"}),
        (decode_report_line, {**GOOD_LINE, "on": "1999-01-01"}),
        (decode_report_line, {**GOOD_LINE, "source": " "}),
        (decode_report_line, {**GOOD_LINE, "line_amount": "5000.00"}),
        (decode_report_line, {**GOOD_LINE, "file": {"path": "/r", "size": 1, "sha256": "x"}}),
        (decode_report_line, {**GOOD_LINE, "platform_id": None}),
        (decode_dispute, {**GOOD_DISPUTE, "filed_with": "bank"}),
        (decode_dispute, {**GOOD_DISPUTE, "cited": [1]}),
        (decode_dispute, {**GOOD_DISPUTE, "status_on": "2026-11-01"}),
        (decode_dispute, {**GOOD_DISPUTE, "check_id": "3"}),
    ],
)
def test_bad_documents_are_refused(decode, doc) -> None:
    assert decode(1, GOOD_LINE if decode is decode_report_line else GOOD_DISPUTE)
    with pytest.raises(RecordInvalid):
        decode(1, doc)


def test_a_bad_stored_dispute_makes_the_file_damaged() -> None:
    data = v1_file(disputes={"1": {**GOOD_DISPUTE, "filed_with": "bank"}})
    assert any("disputes #1" in problem for problem in check_data(MAIN_FILE, data))
    assert check_data(MAIN_FILE, v1_file(disputes={"1": GOOD_DISPUTE})) == []


def test_backup_merge_renumbers_checks_and_disputes(tmp_path: Path) -> None:
    """A merged backup's checks and disputes follow their platform's new id, and a
    dispute keeps pointing at its own check."""
    from closure_tui.domain.report_entry import parse_entry
    from closure_tui.services.backup import import_backup
    from closure_tui.services.credit_report import CreditReports
    from closure_tui.services.reports import export_json, report_input
    from closure_tui.services.session import closures_session

    source, target, backup = tmp_path / "a", tmp_path / "b", tmp_path / "backup.json"
    with closures_session(source, CLOCK, writable=True) as service:
        pid = service.add_platform("借呗").value.id
        reports = CreditReports(service)
        [checked] = reports.record_check("2026-11-20", "app", [parse_entry("借呗=overdue")])
        reports.file_dispute(pid, FiledWith.CENTER, "2026-11-25", check_id=checked.line.id)
        backup.write_bytes(export_json(report_input(service, None, reveal=False)))
    with closures_session(target, CLOCK, writable=True) as service:
        service.add_platform("花呗")
        CreditReports(service).record_check("2026-11-20", "app", [parse_entry("花呗=normal")])
        import_backup(service, backup, "merge")
        merged = service.resolve("借呗")
        reports = CreditReports(service)
        [line] = reports.lines(merged.id)
        [dispute] = reports.disputes(merged.id)
        assert (line.id, dispute.check_id) == (2, 2)
        assert line.status is AccountStatus.OVERDUE
