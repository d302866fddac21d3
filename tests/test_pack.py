"""The complaint pack: a zip whose report names the breaches and whose files match the
manifest; account numbers masked unless revealed."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from closure_tui.cli import main
from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.complaints import ComplaintInput, Complaints
from closure_tui.services.contacts import ContactInput, ContactLog
from closure_tui.services.evidence import attach
from closure_tui.services.pack import build_pack, to_html
from closure_tui.services.session import closures_session

ACCOUNT = "6222020200112233"
CALL = ContactInput("in", "phone", "collector", staff_id="A7")


@pytest.fixture
def recorded(data_dir: Path, clock: FixedClock, tmp_path: Path) -> Path:
    scan = tmp_path / "certificate.pdf"
    scan.write_bytes(b"%PDF stamped")
    recording = tmp_path / "night call.m4a"
    recording.write_bytes(b"audio at night")
    with closures_session(data_dir, clock, writable=True) as service:
        pid = service.add_platform("借呗", original="12000", settled="6000").value.id
        service.set_payee(
            pid, name="某某科技", bank="招商银行", account=ACCOUNT, verified_via="95188"
        )
        service.add_payment(pid, "6000", "2026-11-25")
        attach(service, pid, StageKey.CERTIFICATE, scan, copy=True)
        log = ContactLog(service)
        for hour in range(9, 14):
            log.add(pid, replace(CALL, at=f"2026-11-20 {hour}:00"), copy=True)
        night = log.add(pid, replace(CALL, at="2026-11-20 21:40"), [recording], copy=True)
        Complaints(log).file(
            pid, ComplaintInput("12378", ticket="T-1", cites=(str(night.id),)), copy=True
        )
    return data_dir


def unpack(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_pack_names_the_breaches_and_its_files_match_the_manifest(
    recorded: Path, clock: FixedClock
) -> None:
    with closures_session(recorded, clock, writable=False) as service:
        files = unpack(build_pack(service, 1, reveal=False))
    sums = dict(
        reversed(line.split("  ", 1)) for line in files.pop("SHA256SUMS").decode().splitlines()
    )
    assert set(sums) == set(files)
    for name, content in files.items():
        assert hashlib.sha256(content).hexdigest() == sums[name]
    evidence = sorted(name for name in files if name.startswith("evidence/"))
    assert evidence == [
        "evidence/01-stage-certificate-certificate.pdf",
        "evidence/02-contact-6-night_call.m4a",
    ]
    assert files[evidence[1]] == b"audio at night"
    report = files["report.md"].decode()
    for text in ("more than 5 collection calls in one day", "outside 08:00–18:30", "T-1"):
        assert text in report
    assert ACCOUNT not in report and "****2233" in report
    html = files["report.html"].decode()
    assert "<table>" in html and "@media print" in html and "outside 08:00–18:30" in html


def test_reveal_shows_the_account_and_a_changed_file_is_left_out(
    recorded: Path, clock: FixedClock
) -> None:
    copy = next((recorded / "evidence").glob("*night_call.m4a"))
    copy.write_bytes(b"edited")
    with closures_session(recorded, clock, writable=False) as service:
        files = unpack(build_pack(service, 1, reveal=True))
    report = files["report.md"].decode()
    assert ACCOUNT in report
    assert "night call.m4a: missing or changed since it was attached, left out" in report
    assert not any("night_call" in name for name in files)


def test_user_html_in_the_report_is_shown_as_text() -> None:
    page = to_html("| a |\n|---|\n| <script>alert(1)</script> |\n", "<b>x</b>").decode()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page


def test_the_command_writes_the_pack_and_needs_a_platform(
    recorded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pack.zip"
    code = main(
        ["--data-dir", str(recorded), "export", "--format", "pack", "--output", str(target)]
    )
    assert code == 1
    assert "--platform" in capsys.readouterr().err
    assert not target.exists()
    args = ["--data-dir", str(recorded), "export", "--format", "pack", "--platform", "借呗"]
    assert main([*args, "--output", str(target)]) == 0
    assert "report.html" in unpack(target.read_bytes())
    assert target.stat().st_mode & 0o077 == 0
