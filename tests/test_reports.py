"""Markdown and CSV reports match the committed golden files; numbers stay masked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from closure_tui import i18n
from closure_tui.domain.disputes import FiledWith
from closure_tui.domain.report_entry import parse_entry
from closure_tui.domain.stages import StageKey
from closure_tui.services.credit_report import CreditReports
from closure_tui.services.evidence import attach
from closure_tui.services.reports import EXPORTERS, report_input
from tests.cli_helpers import cli
from tests.evidence_support import open_service, sample_store

GOLDEN = Path(__file__).parent / "golden"
ACCOUNT = "6222021234567890123"


def _report(data_dir: Path, clock, tmp_path: Path, fmt: str, *, reveal: bool = False) -> bytes:
    service = open_service(data_dir, clock)
    sample_store(service, clock)
    scan = tmp_path / "结清证明.pdf"
    scan.write_bytes(b"stamped certificate scan")
    jiebei = service.resolve("借呗").id
    attach(service, jiebei, StageKey.CERTIFICATE, scan, copy=True)
    service.set_evidence(
        jiebei, StageKey.CERTIFICATE, {"received_on": "2026-11-28", "stamped": True}
    )
    service.tick(jiebei, StageKey.CERTIFICATE, "2026-11-28")
    reports = CreditReports(service)
    [checked] = reports.record_check(
        "2026-11-29", "云闪付", [parse_entry("借呗=overdue,line=present,amount=5000")]
    )
    reports.file_dispute(
        jiebei, FiledWith.CENTER, "2026-11-29", reference="YY|1", check_id=checked.line.id
    )
    try:
        return EXPORTERS[fmt](report_input(service, None, reveal=reveal))
    finally:
        service.store.close()


def _golden(name: str, produced: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(produced)
    assert produced == path.read_bytes()


@pytest.mark.parametrize("name", ["report.en.md", "report.zh.md", "report.zh.csv"])
def test_report_matches_golden_file(data_dir, clock, tmp_path, name) -> None:
    _, lang, fmt = name.split(".")
    i18n.set_language(lang)
    _golden(name, _report(data_dir, clock, tmp_path, fmt))


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_account_numbers_are_masked_unless_revealed(data_dir, clock, tmp_path, fmt) -> None:
    masked = _report(data_dir, clock, tmp_path, fmt).decode("utf-8-sig")
    assert ACCOUNT not in masked
    assert "****0123" in masked
    revealed = _report(data_dir / "again", clock, tmp_path, fmt, reveal=True)
    assert ACCOUNT in revealed.decode("utf-8-sig")


def test_csv_has_a_bom_and_one_row_per_platform(data_dir, clock, tmp_path) -> None:
    produced = _report(data_dir, clock, tmp_path, "csv")
    assert produced.startswith(b"\xef\xbb\xbf")
    assert len(produced.decode("utf-8-sig").strip().split("\r\n")) == 3


def test_cli_export_writes_private_files_and_filters_a_platform(data_dir, tmp_path) -> None:
    cli(data_dir, "add", "借呗", "--original", "1000")
    cli(data_dir, "add", "美团借钱", "--original", "2000")
    target = tmp_path / "report.md"
    result = cli(
        data_dir, "export", "--format", "md", "--output", str(target), "--platform", "美团"
    )
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    text = target.read_text(encoding="utf-8")
    assert "美团借钱" in text and "借呗" not in text
    assert target.stat().st_mode & 0o077 == 0
    missing = cli(data_dir, "export", "--format", "csv", "--output", str(tmp_path / "no" / "x.csv"))
    assert missing.returncode == 1 and "No such folder" in missing.stderr
    folder = cli(data_dir, "export", "--format", "md", "--output", str(tmp_path))
    assert folder.returncode == 1 and "is a folder" in folder.stderr
