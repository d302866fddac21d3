"""The credit report commands, run as the real program (on chosen dates with libfaketime)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from closure_tui.domain.stages import STAGE_ORDER
from tests.cli_helpers import cli, ok
from tests.storekit import file_bytes
from tests.test_cli_followups_faketime import FAKETIME, done_on, due, listing


def close_all(data_dir: Path, name: str, day: str = "2026-10-01") -> None:
    ok(data_dir, "add", name)
    for key in STAGE_ORDER:
        ok(data_dir, "tick", name, key.value, "--on", day)


@pytest.mark.skipif(FAKETIME is None, reason="needs the faketime program")
def test_the_story_from_discrepancy_to_confirmed(data_dir: Path) -> None:
    close_all(data_dir, "借呗")
    done_on(
        "2026-11-20 10:00:00",
        data_dir,
        "report-check",
        "--on",
        "2026-11-20",
        "--source",
        "云闪付",
        "借呗=settled,line=present,amount=5000",
    )
    shown = json.loads(done_on("2026-11-20 10:00:00", data_dir, "show", "借呗", "--json"))
    assert shown["credit_report"]["state"] == "discrepancy"
    assert shown["credit_report"]["checks"][0]["line_amount"] == "5000.00"

    said = done_on(
        "2026-12-01 10:00:00",
        data_dir,
        *("dispute", "借呗", "--with", "center", "--filed", "2026-12-01", "--check", "1"),
        "额度仍显示",
    )
    assert "2026-12-21" in said
    [answer] = [r for r in due("2026-12-21 09:00:00", data_dir) if r["date"] == "2026-12-21"]
    assert "20" in answer["text"]

    done_on(
        "2026-12-25 10:00:00",
        data_dir,
        *("report-check", "--on", "2026-12-25", "--source", "征信中心", "借呗=settled"),
    )
    shown = json.loads(done_on("2026-12-25 10:00:00", data_dir, "show", "借呗", "--json"))
    assert shown["credit_report"]["state"] == "confirmed"
    [follow_up] = [
        r for r in listing("2026-12-25 10:00:00", data_dir) if r["kind"] == "credit_report"
    ]
    assert follow_up["state"] == "done"


def test_checks_and_disputes_list_in_both_languages(data_dir: Path, tmp_path: Path) -> None:
    close_all(data_dir, "借呗")
    ok(data_dir, "add", "花呗")
    report = tmp_path / "征信.pdf"
    report.write_bytes(b"%PDF report")
    ok(
        data_dir,
        *("report-check", "--on", "2026-11-20", "--source", "app", "--file", str(report)),
        *("借呗=closed", "花呗=overdue,line=present"),
    )
    [first, second] = json.loads(ok(data_dir, "report-checks", "--json"))
    assert {first["judgement"], second["judgement"]} == {"confirmed", "not_yet"}
    assert first["file"]["sha256"] == second["file"]["sha256"]
    assert "结清" not in ok(data_dir, "report-checks", "借呗")
    assert "销户" in ok(data_dir, "report-checks", "借呗", lang="zh")
    ok(data_dir, "dispute", "花呗", "--with", "institution", "--filed", "2026-11-25")
    ok(data_dir, "dispute-update", "1", "--status", "rejected", "--on", "2026-12-10", "不予更正")
    assert "被驳回" in ok(data_dir, "disputes", lang="zh")
    assert "征信：征信已确认 (2026-11-20)" in ok(data_dir, "show", "借呗", lang="zh")
    [dispute] = json.loads(ok(data_dir, "disputes", "--json"))
    assert (dispute["status"], dispute["answer"]) == ("rejected", "不予更正")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report-check", "--on", "2026-11-20", "--source", "app", "借呗=结清"), "status"),
        (("report-check", "--on", "2026-11-20", "--source", "app", "借呗"), "PLATFORM=STATUS"),
        (("report-check", "--on", "someday", "--source", "app", "借呗=closed"), "someday"),
        (("dispute", "借呗", "--with", "bank", "--filed", "2026-12-01"), "center"),
        (("dispute", "借呗", "--with", "center", "--filed", "2026-12-01", "--check", "7"), "#7"),
        (("dispute-update", "3", "--status", "answered"), "#3"),
    ],
)
def test_refusals_say_why_and_change_nothing(data_dir: Path, args, message: str) -> None:
    close_all(data_dir, "借呗")
    before = file_bytes(data_dir)
    refused = cli(data_dir, *args)
    assert refused.returncode != 0
    assert message in refused.stderr
    assert file_bytes(data_dir) == before


def test_a_refused_status_step(data_dir: Path) -> None:
    close_all(data_dir, "借呗")
    ok(data_dir, "dispute", "借呗", "--with", "center", "--filed", "2026-11-25")
    ok(data_dir, "dispute-update", "1", "--status", "corrected")
    refused = cli(data_dir, "dispute-update", "1", "--status", "answered")
    assert refused.returncode != 0
    assert "cannot go from 'corrected' to 'answered'" in refused.stderr


def test_the_archive_carries_the_report_file_and_restores_it_elsewhere(
    data_dir: Path, tmp_path: Path
) -> None:
    close_all(data_dir, "借呗")
    report = tmp_path / "征信.pdf"
    report.write_bytes(b"%PDF credit report")
    ok(
        data_dir,
        *("report-check", "--on", "2026-11-20", "--source", "app", "--file", str(report)),
        "借呗=closed",
    )
    report.unlink()
    target = tmp_path / "all.zip"
    ok(data_dir, "export", "--format", "archive", "--output", str(target))
    names = zipfile.ZipFile(target).namelist()
    assert any(name.startswith("evidence/p1-report") for name in names)
    elsewhere = tmp_path / "elsewhere"
    ok(elsewhere, "import", str(target))
    doctor = ok(elsewhere, "doctor")
    assert "missing" not in doctor and "changed" not in doctor
