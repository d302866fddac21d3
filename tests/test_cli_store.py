"""The data directory as the command line leaves it: private, locked, backed up, restorable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from closure_tui.cli import main
from closure_tui.store.collection import Collection
from closure_tui.store.lock import WriterLock
from tests.cli_helpers import as_json, cli, ok
from tests.store_helpers import mode
from tests.storekit import file_bytes


def test_directory_is_0700_and_files_0600_under_umask_022(data_dir: Path, umask_022: None) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "note", "借呗", "备注")
    ok(data_dir, "tick", "借呗", "negotiated")
    assert mode(data_dir) == 0o700
    entries = list(data_dir.rglob("*"))
    assert {path.name for path in entries} >= {"closure.json", "notes.json", "closure.lock"}
    for path in entries:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_env_variable_chooses_the_data_directory(tmp_path: Path) -> None:
    chosen = tmp_path / "from-env"
    env = {"CLOSURE_TUI_DATA_DIR": str(chosen)}
    result = subprocess.run(
        [sys.executable, "-m", "closure_tui", "add", "借呗"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (chosen / "closure.json").exists()


def test_every_writing_run_takes_one_backup_and_readers_none(data_dir: Path) -> None:
    """How many are kept is covered in test_store_backups; here: one per writing command."""
    ok(data_dir, "add", "平台1")
    ok(data_dir, "add", "平台2")
    ok(data_dir, "list")
    ok(data_dir, "show", "平台1")
    ok(data_dir, "tick", "平台1", "negotiated")
    snapshots = sorted(path.name for path in (data_dir / "backups").iterdir())
    assert [name[:7] for name in snapshots] == ["000001-", "000002-"]


def test_second_writer_refused_while_readers_work(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    lock = WriterLock(data_dir)
    lock.acquire()
    try:
        before = file_bytes(data_dir)
        for args in (["add", "花呗"], ["tick", "借呗", "paid"], ["restore"]):
            refused = cli(data_dir, *args)
            assert refused.returncode == 1
            assert "Another closure-tui is open" in refused.stderr
        assert "另一个 closure-tui 正在使用" in cli(data_dir, "add", "花呗", lang="zh").stderr
        assert [p["name"] for p in as_json(data_dir, "list")] == ["借呗"]
        assert "借呗" in ok(data_dir, "show", "借呗")
        assert file_bytes(data_dir) == before
    finally:
        lock.release()
    ok(data_dir, "add", "花呗")


@pytest.mark.parametrize("damaged", [b"", b'{"_meta": {"1": {"schema": 1}}, "platforms": [', b"[]"])
def test_damaged_file_is_refused_by_every_command_and_restored(
    data_dir: Path, damaged: bytes
) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "add", "花呗")
    ok(data_dir, "tick", "花呗", "negotiated")
    (data_dir / "closure.json").write_bytes(damaged)
    for args in (["list"], ["show", "借呗"], ["add", "白条"], ["tick", "借呗", "paid"]):
        result = cli(data_dir, *args)
        assert result.returncode == 1
        assert "damaged" in result.stderr
        assert str(data_dir / "backups") in result.stderr
        assert "closure-tui restore" in result.stderr
        assert (data_dir / "closure.json").read_bytes() == damaged
    assert "数据文件已损坏" in cli(data_dir, "list", lang="zh").stderr
    restored = cli(data_dir, "restore")
    assert restored.returncode == 0, restored.stderr
    assert "Restored backup 000002-" in restored.stdout
    platforms = as_json(data_dir, "list")
    assert [p["name"] for p in platforms] == ["借呗", "花呗"]
    assert platforms[1]["stages"]["negotiated"]["state"] == "todo"
    aside = [p for p in data_dir.iterdir() if p.name.startswith("closure.json.replaced-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    ok(data_dir, "add", "白条")


def test_restore_names_a_backup_and_refuses_unknown_ones(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "add", "花呗")
    ok(data_dir, "add", "白条")
    assert "000001" in ok(data_dir, "restore", "1")
    assert [p["name"] for p in as_json(data_dir, "list")] == ["借呗"]
    missing = cli(data_dir, "restore", "42")
    assert missing.returncode == 1 and "There is no backup numbered 42" in missing.stderr


def test_restore_with_no_backups_says_where_it_looked(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    result = cli(data_dir, "restore")
    assert result.returncode == 1
    assert str(data_dir / "backups") in result.stderr


def test_a_data_directory_that_is_a_file_is_refused_cleanly(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_bytes(b"keep")
    not_a_dir.chmod(0o640)
    result = cli(not_a_dir, "add", "借呗")
    assert result.returncode == 1
    assert (
        result.stderr == f"error: Cannot use {not_a_dir}: Not a directory. Nothing was changed.\n"
    )
    assert not_a_dir.read_bytes() == b"keep"
    assert mode(not_a_dir) == 0o640


def test_loose_permissions_are_tightened_with_a_notice(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    data_dir.chmod(0o755)
    (data_dir / "closure.json").chmod(0o644)
    reader = cli(data_dir, "list")
    assert reader.stderr == "" and mode(data_dir) == 0o755
    writer = cli(data_dir, "add", "花呗")
    assert writer.returncode == 0
    assert f"Tightened the permissions of {data_dir}" in writer.stderr
    assert mode(data_dir) == 0o700 and mode(data_dir / "closure.json") == 0o600


def test_a_damaged_history_refuses_changes_and_history_but_not_the_other_readers(
    data_dir: Path,
) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "note", "借呗", "客服说下周开证明")
    ok(data_dir, "remind", "借呗", "2026-01-01", "催结清证明")
    damaged = b'{"history": {"1": NaN}}'
    (data_dir / "history.json").write_bytes(damaged)
    main_before = file_bytes(data_dir)
    backups_before = sorted((data_dir / "backups").iterdir())
    for args in (["tick", "借呗", "negotiated"], ["undo"], ["history"]):
        result = cli(data_dir, *args)
        assert result.returncode == 1, args
        assert "damaged" in result.stderr and "history.json" in result.stderr
    assert file_bytes(data_dir) == main_before
    assert (data_dir / "history.json").read_bytes() == damaged
    assert sorted((data_dir / "backups").iterdir()) == backups_before
    assert "催结清证明" in ok(data_dir, "due")
    assert "借呗" in ok(data_dir, "list")
    assert "客服说下周开证明" in ok(data_dir, "show", "借呗")


def test_a_change_decodes_only_the_records_it_touches(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tick from the command line decodes the platform it ticks and that platform's
    reminders, not all 30 platforms and their reminders: a change costs what it changes."""
    for number in range(30):
        assert main(["--data-dir", str(data_dir), "add", f"P{number:02d}"]) == 0
        assert main(["--data-dir", str(data_dir), "remind", f"P{number:02d}", "+3d", "call"]) == 0
    decoded: list[tuple[str, int]] = []
    decode_one = Collection._decode_one

    def counted(self: Collection[Any], item_id: int, doc: Mapping[str, Any]) -> Any:
        decoded.append((self.name, item_id))
        return decode_one(self, item_id, doc)

    monkeypatch.setattr(Collection, "_decode_one", counted)
    assert main(["--data-dir", str(data_dir), "tick", "P07", "paid"]) == 0
    assert {item for name, item in decoded if name == "platforms"} == {8}
    assert {item for name, item in decoded if name == "reminders"} == {8}
    capsys.readouterr()
    monkeypatch.undo()
    [shown] = [p for p in json.loads(ok(data_dir, "list", "--json")) if p["name"] == "P07"]
    assert shown["stages"]["paid"]["state"] == "done"
    follow_ups = json.loads(ok(data_dir, "reminders", "P07", "--json"))
    assert "certificate" in {r["stage"] for r in follow_ups}
