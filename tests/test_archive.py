"""The archive: backup, evidence copies and SHA256SUMS; imported elsewhere, the evidence is
there and checked; a tampered or unsafe archive is refused and nothing is written."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.evidence import attach, evidence_problems
from closure_tui.services.report_formats import REPORT_FORMATS
from closure_tui.services.session import closures_session
from tests.cli_inprocess import Ran, in_process
from tests.evidence_support import listing, open_service, sample_store


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


@pytest.fixture
def source(tmp_path: Path, clock: FixedClock) -> Path:
    """A store with a stamped certificate attached (its copy kept in `evidence/`)."""
    data_dir = tmp_path / "source"
    scan = tmp_path / "certificate.pdf"
    scan.write_bytes(b"%PDF-1.4 stamped certificate")
    service = open_service(data_dir, clock)
    try:
        sample_store(service, clock)
        attach(service, 1, StageKey.CERTIFICATE, scan, copy=True)
    finally:
        service.store.close()
    scan.unlink()  # the original is gone: only the copy in the store remains
    return data_dir


def _archive(run: Callable[..., Ran], data_dir: Path, target: Path) -> zipfile.ZipFile:
    result = run(data_dir, "export", "--format", "archive", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert target.stat().st_mode & 0o077 == 0
    return zipfile.ZipFile(target)


def test_archive_is_a_format_of_the_cli_and_the_palette() -> None:
    assert "archive" in REPORT_FORMATS


def test_archive_holds_backup_evidence_and_a_manifest_that_matches(
    source: Path, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    archive = _archive(run, source, tmp_path / "all.zip")
    names = archive.namelist()
    assert "backup.json" in names and "SHA256SUMS" in names
    (copy,) = [n for n in names if n.startswith("evidence/")]
    assert archive.read(copy) == b"%PDF-1.4 stamped certificate"
    sums = dict(
        reversed(line.split("  ", 1)) for line in archive.read("SHA256SUMS").decode().splitlines()
    )
    assert set(sums) == set(names) - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest


def test_archive_imported_elsewhere_restores_evidence(
    source: Path, tmp_path: Path, clock: FixedClock, run: Callable[..., Ran]
) -> None:
    _archive(run, source, tmp_path / "all.zip")
    elsewhere = tmp_path / "elsewhere"
    result = run(elsewhere, "import", str(tmp_path / "all.zip"))
    assert result.returncode == 0, result.stderr
    with closures_session(source, clock, writable=False) as before:
        expected = listing(before)
    with closures_session(elsewhere, clock, writable=False) as service:
        assert listing(service) == expected
        assert evidence_problems(service) == []
    assert run(elsewhere, "doctor").returncode == 0


def test_a_json_backup_alone_leaves_the_evidence_behind(
    source: Path, tmp_path: Path, clock: FixedClock, run: Callable[..., Ran]
) -> None:
    """Why the archive exists: the same store through plain JSON misses its file."""
    target = tmp_path / "b.json"
    assert run(source, "export", "--format", "json", "--output", str(target)).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    assert run(elsewhere, "import", str(target)).returncode == 0
    with closures_session(elsewhere, clock, writable=False) as service:
        assert len(evidence_problems(service)) == 1


def _rewrite(path: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _tamper_evidence(entries: dict[str, bytes]) -> None:
    name = next(n for n in entries if n.startswith("evidence/"))
    entries[name] = b"forged"


def _add(name: str) -> Callable[[dict[str, bytes]], None]:
    def change(entries: dict[str, bytes]) -> None:
        entries[name] = b"x"
        digest = hashlib.sha256(b"x").hexdigest()
        entries["SHA256SUMS"] += f"{digest}  {name}\n".encode()

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_tamper_evidence, "does not match its SHA-256"),
        (lambda e: e.pop("SHA256SUMS"), "lacks backup.json or SHA256SUMS"),
        (lambda e: e.__setitem__("backup.json", e["backup.json"] + b" "), "does not match"),
        (_add("../escape.txt"), "unsafe path"),
        (_add("/etc/escape.txt"), "unsafe path"),
        (_add("evidence/../../escape.txt"), "unsafe path"),
        (_add("evidence/sub/file"), "unexpected entry"),
        (_add("notes.json"), "unexpected entry"),
    ],
)
def test_a_tampered_or_unsafe_archive_is_refused_and_nothing_written(
    change: Callable[[dict[str, bytes]], None],
    message: str,
    source: Path,
    tmp_path: Path,
    run: Callable[..., Ran],
) -> None:
    target = tmp_path / "all.zip"
    _archive(run, source, target)
    _rewrite(target, change)
    elsewhere = tmp_path / "elsewhere"
    result = run(elsewhere, "import", str(target))
    assert result.returncode == 1
    assert message in result.stderr
    assert not (elsewhere / "evidence").exists()
    assert not (elsewhere / "closure.json").exists()
    assert not (tmp_path / "escape.txt").exists()


async def test_the_palette_exports_the_archive_to_documents(
    source: Path, clock: FixedClock, tmp_path: Path, isolated_environment: Path
) -> None:
    from closure_tui.tui.app import create_app
    from tests.tui.test_palette import run_command

    app = create_app(data_dir=source, clock=clock, lang="en", config_path=tmp_path / "c.toml")
    async with app.run_test() as pilot:
        await run_command(pilot, "complete archive")
    (written,) = (isolated_environment / "Documents").glob("closure-tui-*.zip")
    with zipfile.ZipFile(written) as archive:
        assert any(name.startswith("evidence/") for name in archive.namelist())
