"""Attached evidence files: hashed when attached, kept privately, and checked later."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest

from closure_tui.domain.errors import DomainError
from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.stages import StageKey
from closure_tui.services.evidence import (
    attach,
    check_data_dir,
    check_evidence,
    evidence_problems,
)
from tests.cli_helpers import cli
from tests.evidence_support import open_service

CONTENT = b"%PDF-1.4 stamped settlement certificate\n" * 1000


@pytest.fixture
def certificate(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "结清证明 借呗.pdf"
    path.parent.mkdir()
    path.write_bytes(CONTENT)
    return path


def test_attach_records_size_and_hash_and_keeps_a_private_copy(
    data_dir, clock, certificate
) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    attachment = attach(service, pid, StageKey.CERTIFICATE, certificate, copy=True).value
    assert attachment.size == len(CONTENT)
    assert attachment.sha256 == hashlib.sha256(CONTENT).hexdigest()
    assert attachment.path == str(certificate)
    copy = data_dir / attachment.stored
    assert copy.read_bytes() == CONTENT
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert service.get(pid).attachments == (attachment,)
    assert service.history.events()[-1].action == "evidence.attach"
    service.store.close()


def test_the_copy_survives_the_original_being_moved(data_dir, clock, certificate) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    attach(service, pid, StageKey.CERTIFICATE, certificate, copy=True)
    certificate.rename(certificate.with_name("moved.pdf"))
    assert [c.status for c in check_evidence(service)] == [FileStatus.OK]
    service.store.close()


@pytest.mark.parametrize("copy", [True, False])
def test_missing_and_changed_files_are_detected(data_dir, clock, certificate, copy) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    receipt = certificate.with_name("receipt.png")
    receipt.write_bytes(b"transfer receipt")
    first = attach(service, pid, StageKey.CERTIFICATE, certificate, copy=copy).value
    second = attach(service, pid, StageKey.PAID, receipt, copy=copy).value
    assert evidence_problems(service) == []

    kept = [data_dir / a.stored if copy else Path(a.path) for a in (first, second)]
    # Same size, different bytes: only the hash can tell.
    kept[0].write_bytes(CONTENT.replace(b"stamped", b"STAMPED"))
    kept[1].unlink()
    found = {c.attachment.stage: c.status for c in evidence_problems(service)}
    assert found == {StageKey.CERTIFICATE: FileStatus.CHANGED, StageKey.PAID: FileStatus.MISSING}
    service.store.close()


def test_attaching_a_missing_file_is_refused(data_dir, clock, tmp_path) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    with pytest.raises(DomainError) as refused:
        attach(service, pid, StageKey.CERTIFICATE, tmp_path / "nope.pdf", copy=True)
    assert refused.value.key == "err.evidence.not_a_file"
    assert service.get(pid).attachments == ()
    service.store.close()


def test_cli_attach_copies_by_default_and_never_prints_the_contents(
    data_dir, certificate, tmp_path
) -> None:
    cli(data_dir, "add", "借呗")
    result = cli(data_dir, "attach", "借呗", "certificate", str(certificate))
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(CONTENT).hexdigest() in result.stdout
    assert "PDF-1.4" not in result.stdout + result.stderr
    assert len(list((data_dir / "evidence").iterdir())) == 1

    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text("copy_evidence = false\n", encoding="utf-8")
    again = cli(
        data_dir,
        "attach",
        "借呗",
        "paid",
        str(certificate),
        env={"CLOSURE_TUI_CONFIG_DIR": str(config)},
    )
    assert again.returncode == 0, again.stderr
    assert len(list((data_dir / "evidence").iterdir())) == 1
    shown = json.loads(cli(data_dir, "show", "借呗", "--json").stdout)
    assert [a["stored"] != "" for a in shown["attachments"]] == [True, False]


def test_the_data_directory_check_works_without_opening_the_store(
    data_dir, clock, certificate
) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    attach(service, pid, StageKey.CERTIFICATE, certificate, copy=False)
    # The store stays open (locked), as when the app is running; doctor reads the file.
    certificate.unlink()
    found = check_data_dir(data_dir)
    assert [(c.platform.name, c.status) for c in found] == [("借呗", FileStatus.MISSING)]
    service.store.close()


def test_doctor_reports_a_missing_evidence_file(data_dir, clock, certificate) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    attach(service, pid, StageKey.CERTIFICATE, certificate, copy=False)
    service.store.close()
    healthy = cli(data_dir, "doctor")
    assert "1 evidence file(s) present and unchanged" in healthy.stdout
    certificate.unlink()
    result = cli(data_dir, "doctor", lang="zh")
    assert result.returncode == 1
    assert "借呗 的凭证文件不见了" in result.stdout + result.stderr
