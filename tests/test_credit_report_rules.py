"""Credit report judgement and dispute rules: pure, table-driven."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from closure_tui.domain.credit_report import (
    AccountStatus,
    ReportFile,
    ReportLine,
    judge,
    parse_status,
    platform_judgement,
    recheck_date,
)
from closure_tui.domain.disputes import (
    Dispute,
    DisputeStatus,
    FiledWith,
    parse_dispute_status,
    parse_filed_with,
)
from closure_tui.domain.errors import DomainError
from closure_tui.domain.judgement import Judgement
from closure_tui.domain.platform import Platform, Stage
from closure_tui.domain.report_entry import LineEntry, parse_entry
from closure_tui.domain.stages import STAGE_ORDER, StageKey, StageState

PAID_ON = date(2026, 9, 1)
CLOSED_ON = date(2026, 10, 1)
REPORT_ON = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 9, 0)
S = AccountStatus


def platform(progress: str) -> Platform:
    """`open`: nothing done; `paid`: negotiated and paid; `closed`: every stage done."""
    result = Platform(id=1, name="借呗", created_on=date(2026, 1, 1))
    done = {"open": 0, "paid": 2, "closed": len(STAGE_ORDER)}[progress]
    for key in STAGE_ORDER[:done]:
        day = CLOSED_ON if key is StageKey.CARD_UNBOUND else PAID_ON
        result = result.with_stage(Stage(key, StageState.DONE, day))
    return result


def line(status: AccountStatus, *, shown: bool = False, mark: bool = False, on: date = REPORT_ON):
    return ReportLine(
        id=1,
        platform_id=1,
        on=on,
        source="云闪付",
        created=NOW,
        status=status,
        line_shown=shown,
        overdue_after_settle=mark,
    )


@pytest.mark.parametrize(
    ("progress", "status", "shown", "mark", "expected"),
    [
        ("closed", S.SETTLED, False, False, Judgement.CONFIRMED),
        ("closed", S.CLOSED, False, False, Judgement.CONFIRMED),
        ("closed", S.SETTLED, True, False, Judgement.DISCREPANCY),
        ("closed", S.NORMAL, False, False, Judgement.DISCREPANCY),
        ("closed", S.BAD_DEBT, False, False, Judgement.DISCREPANCY),
        ("closed", S.SETTLED, False, True, Judgement.DISCREPANCY),
        ("paid", S.NORMAL, True, False, Judgement.NOT_YET),
        ("paid", S.SETTLED, False, False, Judgement.NOT_YET),
        ("paid", S.OVERDUE, False, False, Judgement.DISCREPANCY),
        ("paid", S.BAD_DEBT, True, False, Judgement.DISCREPANCY),
        ("paid", S.SETTLED, False, True, Judgement.DISCREPANCY),
        ("open", S.OVERDUE, True, False, Judgement.NOT_YET),
        ("open", S.NORMAL, True, False, Judgement.NOT_YET),
        ("open", S.SETTLED, False, False, Judgement.NOT_YET),
    ],
)
def test_judge(progress: str, status: AccountStatus, shown: bool, mark: bool, expected) -> None:
    assert judge(platform(progress), line(status, shown=shown, mark=mark)) is expected


@pytest.mark.parametrize(
    ("progress", "on", "status", "expected"),
    [
        # A report older than the closure (or the payment) cannot be expected to show it.
        ("closed", date(2026, 9, 15), S.SETTLED, Judgement.NOT_YET),
        ("closed", date(2026, 9, 15), S.NORMAL, Judgement.NOT_YET),
        ("paid", date(2026, 8, 1), S.OVERDUE, Judgement.NOT_YET),
        ("closed", CLOSED_ON, S.NORMAL, Judgement.DISCREPANCY),
    ],
)
def test_report_dated_before_the_checklist(progress, on, status, expected) -> None:
    assert judge(platform(progress), line(status, shown=True, on=on)) is expected


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], Judgement.UNCHECKED),
        ([(S.SETTLED, False)], Judgement.CONFIRMED),
        ([(S.SETTLED, False), (S.CLOSED, False)], Judgement.CONFIRMED),
        # One platform, two accounts (platform and partner bank): one open line is enough.
        ([(S.SETTLED, False), (S.SETTLED, True)], Judgement.DISCREPANCY),
    ],
)
def test_platform_judgement_covers_every_account(statuses, expected) -> None:
    lines = [line(status, shown=shown) for status, shown in statuses]
    assert platform_judgement(platform("closed"), lines) is expected


def test_of_two_reports_of_one_day_the_later_one_counts() -> None:
    earlier = line(S.SETTLED, shown=True)
    later = ReportLine(2, 1, REPORT_ON, "app", NOW.replace(hour=10), S.SETTLED)
    assert platform_judgement(platform("closed"), [earlier, later]) is Judgement.CONFIRMED


def test_only_the_newest_report_counts() -> None:
    old = line(S.SETTLED, shown=True, on=date(2026, 10, 20))
    new = line(S.SETTLED, on=REPORT_ON)
    assert platform_judgement(platform("closed"), [old, new]) is Judgement.CONFIRMED
    assert platform_judgement(platform("closed"), [old]) is Judgement.DISCREPANCY


@pytest.mark.parametrize(
    ("text", "expected"),
    [("settled", S.SETTLED), (" Bad_Debt ", S.BAD_DEBT), ("closed", S.CLOSED)],
)
def test_parse_status(text: str, expected: AccountStatus) -> None:
    assert parse_status(text) is expected


@pytest.mark.parametrize(
    ("build", "key"),
    [
        (lambda: parse_status("结清"), "err.report.status"),
        (lambda: line(S.SETTLED, on=date(1999, 12, 31)), "err.report.date"),
        (lambda: ReportFile("/r.pdf", 10, "abc"), "err.report.file"),
        (lambda: parse_filed_with("bank"), "err.dispute.with"),
        (lambda: parse_dispute_status("filed"), "err.dispute.status"),
        (lambda: parse_dispute_status("done"), "err.dispute.status"),
    ],
)
def test_refusals(build, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        build()
    assert caught.value.key == key


def test_a_line_amount_needs_a_line_shown() -> None:
    with pytest.raises(DomainError) as caught:
        ReportLine(1, 1, REPORT_ON, "app", NOW, S.SETTLED, line_amount=Decimal("5000"))
    assert caught.value.key == "err.report.line_amount"


def test_recheck_is_thirty_days_later_and_stays_in_range() -> None:
    assert recheck_date(REPORT_ON) == date(2026, 12, 20)
    with pytest.raises(DomainError):
        recheck_date(date(2100, 12, 15))


def dispute(**fields) -> Dispute:
    base = {"filed_with": FiledWith.CENTER, "filed_on": date(2026, 12, 1), "created": NOW}
    return Dispute(id=1, platform_id=1, **{**base, **fields})


def test_answer_is_due_twenty_days_after_filing() -> None:
    filed = dispute()
    assert filed.answer_due == date(2026, 12, 21)
    assert not filed.overdue(date(2026, 12, 21))
    assert filed.overdue(date(2026, 12, 22))
    answered = filed.moved_to(DisputeStatus.ANSWERED, date(2026, 12, 15), "已核实")
    assert not answered.overdue(date(2027, 1, 30))


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ([DisputeStatus.ANSWERED, DisputeStatus.CORRECTED], True),
        ([DisputeStatus.REJECTED, DisputeStatus.ESCALATED], True),
        ([DisputeStatus.ANSWERED, DisputeStatus.REJECTED, DisputeStatus.ESCALATED], True),
        ([DisputeStatus.CORRECTED, DisputeStatus.ESCALATED], False),
        ([DisputeStatus.ANSWERED, DisputeStatus.ANSWERED], False),
        ([DisputeStatus.ESCALATED, DisputeStatus.CORRECTED], False),
    ],
)
def test_status_steps(path: list[DisputeStatus], allowed: bool) -> None:
    current = dispute()
    try:
        for status in path:
            current = current.moved_to(status, date(2026, 12, 10))
    except DomainError as error:
        assert not allowed
        assert error.key == "err.dispute.step"
    else:
        assert allowed
        assert current.status is path[-1]
        assert not current.is_open


def test_a_status_date_before_filing_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        dispute().moved_to(DisputeStatus.ANSWERED, date(2026, 11, 30))
    assert caught.value.key == "err.dispute.before_filed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("借呗=settled", LineEntry("借呗", S.SETTLED)),
        ("借呗=closed,line=absent", LineEntry("借呗", S.CLOSED)),
        ("花呗=normal,line=present", LineEntry("花呗", S.NORMAL, line_shown=True)),
        (
            "京东金条=settled,amount=5000,institution=某银行",
            LineEntry("京东金条", S.SETTLED, True, Decimal("5000.00"), "某银行"),
        ),
        ("A,B=settled,overdue-after-settle", LineEntry("A,B", S.SETTLED, False, None, "", True)),
        ("a=b=closed", LineEntry("a=b", S.CLOSED)),
    ],
)
def test_parse_entry(text: str, expected: LineEntry) -> None:
    assert parse_entry(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("借呗", "err.report.entry"),
        ("=settled", "err.report.entry"),
        ("借呗=结清", "err.report.status"),
        ("借呗=settled,line=maybe", "err.report.status"),
        ("借呗=settled,amount=lots", "err.money.format"),
        ("借呗=settled,amount=5000,line=absent", "err.report.line_amount"),
    ],
)
def test_parse_entry_refusals(text: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_entry(text)
    assert caught.value.key == key
