"""A change saved without its history entry (disk full) is reported as it is: done, and
not undoable; never as refused, so nobody repeats a payment that was recorded."""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_inprocess import Ran, in_process
from tests.store_helpers import stored


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


def _history_disk_full(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, name: str = "history.json"
) -> None:
    """The data directory's `history.json` (or `name`) can no longer be replaced, nor its
    segments appended to; any other file can."""
    real, real_open = os.replace, os.open
    segment = re.compile(re.escape(name.removesuffix(".json")) + r"\.\d+\.log")

    def replace(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if Path(str(dst)) == data_dir / name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(src, dst, *args, **kwargs)

    def open_file(path: object, flags: int, *args: object, **kwargs: object) -> int:
        file = Path(str(path))
        if flags & os.O_APPEND and file.parent == data_dir and segment.fullmatch(file.name):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "open", open_file)


def _payments(data_dir: Path) -> list[dict]:
    platforms = stored(data_dir, "closure.json")["platforms"]
    return platforms["1"]["stages"]["paid"]["payments"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_payment_saved_without_its_history_entry_says_so_and_exits_0(
    lang: str, data_dir: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(data_dir, "add", "借呗").returncode == 0
    with monkeypatch.context() as patched:
        _history_disk_full(patched, data_dir)
        paid = run(data_dir, "pay", "借呗", "100", lang=lang)
    assert paid.returncode == 0, paid.stderr
    assert ("cannot be undone" if lang == "en" else "无法撤销") in paid.stderr
    assert os.strerror(errno.ENOSPC) in paid.stderr
    assert len(_payments(data_dir)) == 1
    undone = run(data_dir, "undo")
    assert len(_payments(data_dir)) == 1, undone.stdout


async def test_the_app_says_a_tick_was_saved_but_cannot_be_undone(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable[..., Ran]
) -> None:
    from closure_tui.domain.clock import SystemClock
    from closure_tui.tui.app import create_app
    from closure_tui.tui.screens.platform import PlatformScreen
    from tests.tui.helpers import notifications, running

    assert run(data_dir, "add", "借呗").returncode == 0
    ready = ("tick", "借呗", "negotiated", "--on", "2025-03-01", "--pay-by", "2025-03-05")
    assert run(data_dir, *ready).returncode == 0
    payee = ("--name", "某公司", "--bank", "银行", "--account", "62220001")
    payee += ("--verified-via", "热线")
    assert run(data_dir, "payee", "借呗", *payee).returncode == 0
    app = create_app(
        data_dir=data_dir, clock=SystemClock(), lang="en", config_path=tmp_path / "c.toml"
    )
    async with running(app) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        _history_disk_full(monkeypatch, data_dir)
        await pilot.press("space", "y")  # no payment recorded yet: confirmed
        await pilot.pause()
        assert any("cannot be undone" in str(m) for m in notifications(app))
        assert not any("Saving failed" in str(m) for m in notifications(app))
    shown = json.loads(run(data_dir, "show", "借呗", "--json").stdout)
    assert shown["stages"]["paid"]["state"] == "done"


def test_an_undo_saved_without_its_history_entry_is_done_and_said(
    data_dir: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(data_dir, "add", "借呗").returncode == 0
    assert run(data_dir, "pay", "借呗", "100").returncode == 0
    with monkeypatch.context() as patched:
        _history_disk_full(patched, data_dir)
        undone = run(data_dir, "undo")
    assert undone.returncode == 0, undone.stderr
    assert "cannot be undone" in undone.stderr
    assert _payments(data_dir) == []


def test_an_import_cut_short_says_what_was_written_and_how_to_go_back(
    data_dir: Path, tmp_path: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    assert run(other, "add", "花呗").returncode == 0
    assert run(other, "note", "花呗", "from the backup").returncode == 0
    backup = tmp_path / "b.json"
    assert run(other, "export", "--format", "json", "--output", str(backup)).returncode == 0
    assert run(data_dir, "add", "借呗").returncode == 0
    with monkeypatch.context() as patched:
        _history_disk_full(patched, data_dir, "notes.json")
        cut = run(data_dir, "import", str(backup), "--replace")
    assert cut.returncode == 1
    assert "only partly written" in cut.stderr and "restore" in cut.stderr
    assert run(data_dir, "restore").returncode == 0
    names = [p["name"] for p in json.loads(run(data_dir, "list", "--json").stdout)]
    assert names == ["借呗"]
