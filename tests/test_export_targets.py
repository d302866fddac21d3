"""`export` never writes into the data directory and never replaces a file unasked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_inprocess import Ran, in_process


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


@pytest.fixture
def store(data_dir: Path, run: Callable[..., Ran]) -> Path:
    assert run(data_dir, "add", "借呗", "--original", "1000").returncode == 0
    return data_dir


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "ics"])
def test_export_into_the_data_directory_is_refused(
    fmt: str, store: Path, run: Callable[..., Ran]
) -> None:
    before = {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()}
    for target in (store / "closure.json", store / "evidence-report.md", store / "new.txt"):
        result = run(store, "export", "--format", fmt, "--output", str(target), "--force")
        assert result.returncode == 1
        assert "data directory" in result.stderr
    after = {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()}
    assert after == before


def test_export_through_a_link_into_the_data_directory_is_refused(
    store: Path, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    link = tmp_path / "looks-harmless.json"
    link.symlink_to(store / "closure.json")
    before = (store / "closure.json").read_bytes()
    result = run(store, "export", "--format", "json", "--output", str(link), "--force")
    assert result.returncode == 1
    assert (store / "closure.json").read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_existing_file_is_kept_unless_forced(
    lang: str, store: Path, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    target = tmp_path / "mine.csv"
    target.write_text("my own sheet")
    refused = run(store, "export", "--format", "csv", "--output", str(target), lang=lang)
    assert refused.returncode == 1
    assert "--force" in refused.stderr and "err.export" not in refused.stderr
    assert target.read_text() == "my own sheet"
    forced = run(store, "export", "--format", "csv", "--output", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "借呗" in target.read_text(encoding="utf-8-sig")
