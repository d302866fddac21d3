"""Private files whatever the umask: directories 0700, every file 0600, loose ones tightened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.store.fsutil import is_temp_name
from closure_tui.store.store import MAIN_FILE
from tests.storekit import cli, populate

UMASKS = (0o022, 0o002, 0o077)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _modes(root: Path) -> dict[str, int]:
    found = {str(root): _mode(root)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = _mode(path)
    return found


def _assert_private(root: Path) -> None:
    for name, mode in _modes(root).items():
        path = root / name if name != str(root) else root
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{name}: {mode:o}"


@pytest.mark.parametrize("umask", UMASKS, ids=lambda m: f"umask{m:03o}")
def test_everything_the_cli_creates_is_private(umask: int, data_dir: Path) -> None:
    for args in (
        ("add", "借呗"),
        ("note", "借呗", "备注"),
        ("restore",),
    ):
        result = cli(data_dir, *args, umask=umask)
        assert result.returncode == 0, result.stderr
    assert (data_dir / "backups").is_dir()
    assert (data_dir / "closure.lock").exists()
    assert any(path.name.startswith(f"{MAIN_FILE}.replaced-") for path in data_dir.iterdir())
    _assert_private(data_dir)


@pytest.mark.parametrize("umask", UMASKS, ids=lambda m: f"umask{m:03o}")
def test_temporary_files_are_private_before_the_replace(
    umask: int, data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, int]] = []
    real_replace = os.replace

    def spying_replace(source: str | Path, target: str | Path) -> None:
        seen.append((Path(source).name, _mode(Path(source))))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spying_replace)
    previous = os.umask(umask)
    try:
        populate(data_dir, clock)
    finally:
        os.umask(previous)
    temporaries = [(name, mode) for name, mode in seen if is_temp_name(name)]
    assert temporaries
    assert all(mode in (0o600, 0o700) for _, mode in temporaries), temporaries
    _assert_private(data_dir)


@pytest.mark.parametrize("command", [("add", "新平台"), ("note", "借呗", "备注")])
def test_loose_permissions_are_tightened_and_the_user_told(
    command: tuple[str, ...], data_dir: Path, clock: FixedClock
) -> None:
    populate(data_dir, clock)
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / MAIN_FILE, 0o644)
    os.chmod(data_dir / "notes.json", 0o640)
    result = cli(data_dir, *command)
    assert result.returncode == 0, result.stderr
    for path in (data_dir, data_dir / MAIN_FILE, data_dir / "notes.json"):
        assert f"Tightened the permissions of {path}" in result.stderr
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / MAIN_FILE) == 0o600
    assert _mode(data_dir / "notes.json") == 0o600
    again = cli(data_dir, *command[:1], *command[1:])
    assert "Tightened" not in again.stderr


def test_tightening_notice_is_translated(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    os.chmod(data_dir / MAIN_FILE, 0o644)
    result = cli(data_dir, "--lang", "zh", "add", "新平台")
    assert f"已把 {data_dir / MAIN_FILE} 的权限收紧为仅自己可读写" in result.stderr


def test_a_reader_never_creates_the_data_directory(data_dir: Path) -> None:
    assert cli(data_dir, "list").returncode == 0
    assert not data_dir.exists()


def test_the_store_opens_with_private_files_after_a_session(
    data_dir: Path, clock: FixedClock
) -> None:
    previous = os.umask(0)
    try:
        with closures_session(data_dir, clock, writable=True) as service:
            service.add_platform("宽松掩码")
            service.add_platform("第二个")
    finally:
        os.umask(previous)
    _assert_private(data_dir)
