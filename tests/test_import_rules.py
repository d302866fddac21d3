"""Import applies the rules typed input goes through, lists every problem, writes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli_inprocess import Ran, in_process

Backup = dict[str, Any]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


@pytest.fixture
def backup(tmp_path: Path, run: Callable[..., Ran]) -> Backup:
    """A real backup: 借呗 with a note and a reminder; 花呗 added, removed and added again."""
    source = tmp_path / "source"
    for args in (
        ("add", "借呗"),
        ("note", "借呗", "called 95188"),
        ("remind", "借呗", "+3d", "call back"),
        ("add", "花呗"),
        ("remove", "花呗", "--yes"),
        ("add", "花呗"),
    ):
        assert run(source, *args).returncode == 0
    target = tmp_path / "b.json"
    assert run(source, "export", "--format", "json", "--output", str(target)).returncode == 0
    return json.loads(target.read_text(encoding="utf-8"))


def _import(run: Callable[..., Ran], tmp_path: Path, backup: Backup, lang: str = "en") -> Ran:
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(backup, ensure_ascii=False), encoding="utf-8")
    return run(tmp_path / "target", "import", str(path), lang=lang)


def _first(table: dict[str, Any]) -> dict[str, Any]:
    return table[min(table, key=int)]


def _long_name(b: Backup) -> None:
    _first(b["tables"]["platforms"])["name"] = "借" * 100_000


def _look_alike(b: Backup) -> None:
    platforms = b["tables"]["platforms"]
    platforms["9"] = {**_first(platforms), "name": "借\u200b呗"}


def _huge_note(b: Backup) -> None:
    _first(b["tables"]["notes"])["text"] = "记" * 20_001


def _orphan_reminder(b: Backup) -> None:
    _first(b["tables"]["reminders"])["platform_id"] = 99


def _unknown_action(b: Backup) -> None:
    _first(b["tables"]["history"])["action"] = "platform.teleport"


def _undo_makes_a_duplicate(b: Backup) -> None:
    """Drop the event that added 花呗 again: undoing the removal would then bring back a
    second 花呗."""
    history = b["tables"]["history"]
    del history[max(history, key=int)]


CASES: dict[str, tuple[Callable[[Backup], None], str]] = {
    "long_name": (_long_name, "platforms #1 name"),
    "look_alike": (_look_alike, "invisible character (U+200B)"),
    "huge_note": (_huge_note, "notes #1"),
    "orphan_reminder": (_orphan_reminder, "platform #99 is not in the backup"),
    "unknown_action": (_unknown_action, "unknown kind of change platform.teleport"),
    "undo_duplicate": (_undo_makes_a_duplicate, "would make two platforms share a name"),
}


def test_a_real_backup_imports(backup: Backup, tmp_path: Path, run: Callable[..., Ran]) -> None:
    result = _import(run, tmp_path, backup)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_rule_is_refused_and_nothing_written(
    case: str, backup: Backup, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    change, message = CASES[case]
    change(backup)
    result = _import(run, tmp_path, backup)
    assert result.returncode == 1
    assert message in result.stderr
    assert "nothing was changed" in result.stderr
    assert not (tmp_path / "target" / "closure.json").exists()


def test_every_problem_is_listed_at_once_in_either_language(
    backup: Backup, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    for change, _ in CASES.values():
        if change is not _undo_makes_a_duplicate:
            change(backup)
    english = _import(run, tmp_path, backup)
    for case, (_, message) in CASES.items():
        if case != "undo_duplicate":
            assert message in english.stderr, case
    chinese = _import(run, tmp_path, backup, lang="zh")
    assert chinese.returncode == 1
    assert "未知的修改类型" in chinese.stderr and "err." not in chinese.stderr
