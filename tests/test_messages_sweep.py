"""Every refusal reads as a sentence in the user's language: never a catalogue key, a
Python repr or an exception's own text, in Chinese or English."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli_inprocess import Ran, in_process

#: A catalogue key (`err.date.invalid`), a dict repr, or Python's own wording.
LEAKS = re.compile(
    r"\b(?:err|cli|msg|warn|notice|history\.action|field|stage|kind)\.[a-z_]+(?:\.[a-z_]+)*\b"
    r"|\{'|is not a valid|Invalid isoformat|expected (?:str|int|dict|bool)\b|Traceback"
    r"|expected (?:list|object|integer|true)|are required|is not a number"
    r"|Expecting|top level is (?:list|int|str)|codec can't|bad schema version"
)
CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


def _edit(doc: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def change(platform: dict[str, Any]) -> None:
        for key, value in doc.items():
            target = platform
            *path, last = key.split("/")
            for part in path:
                target = target[part]
            target[last] = value

    return change


#: Backup edits, each breaking one stored value the way a hand-edited file can.
BAD_RECORDS = {
    "state": _edit({"stages/paid/state": "finished"}),
    "done_on": _edit({"stages/paid/done_on": "2026-13-45"}),
    "kind": _edit({"kind": "pawn_shop"}),
    "original": _edit({"original": "12,000"}),
    "hotline": _edit({"hotline": 95188}),
    "created_on": _edit({"created_on": "yesterday-ish"}),
    "payments": _edit({"stages/paid/payments": "none"}),
    "attachments": _edit({"attachments": [{"path": "x"}]}),
}

COMMANDS = [
    ("tick", "借呗", "paid", "--on", "2026-13-45"),
    ("tick", "借呗", "finished"),
    ("pay", "借呗", "12,000"),
    ("show", "花呗"),
    ("snooze", "99", "+2d"),
    ("remind", "借呗", "someday"),
    ("redo",),
    ("add", "借\u200b呗"),
    ("add", "x" * 81),
    ("note", "借呗", "bad\x1bnote"),
]


@pytest.fixture
def store(data_dir: Path, run: Callable[..., Ran]) -> Path:
    assert run(data_dir, "add", "借呗", "--original", "12000").returncode == 0
    return data_dir


def _clean(result: Ran, lang: str) -> None:
    text = result.stdout + result.stderr
    assert LEAKS.search(text) is None, text
    if lang == "zh":
        assert CJK.search(text), text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a)[:30])
def test_refused_commands_speak_plainly(
    args: tuple[str, ...], lang: str, store: Path, run: Callable[..., Ran]
) -> None:
    result = run(store, *args, lang=lang)
    assert result.returncode == 1, result.stdout
    _clean(result, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_bad_record_is_described_not_dumped(
    case: str, lang: str, store: Path, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    backup_path = tmp_path / "b.json"
    assert run(store, "export", "--format", "json", "--output", str(backup_path)).returncode == 0
    backup = json.loads(backup_path.read_text(encoding="utf-8"))
    BAD_RECORDS[case](backup["tables"]["platforms"]["1"])
    backup_path.write_text(json.dumps(backup, ensure_ascii=False), encoding="utf-8")
    imported = run(tmp_path / "other", "import", str(backup_path), lang=lang)
    assert imported.returncode == 1
    _clean(imported, lang)
    # The same record in the store itself: refused on open, and by doctor, in words.
    main = json.loads((store / "closure.json").read_text(encoding="utf-8"))
    BAD_RECORDS[case](main["platforms"]["1"])
    (store / "closure.json").write_text(json.dumps(main, ensure_ascii=False), encoding="utf-8")
    for args in (("list",), ("doctor",)):
        result = run(store, *args, lang=lang)
        assert result.returncode == 1, (args, result.stdout)
        _clean(result, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_change_of_an_unknown_kind_is_named_as_stored(
    lang: str, store: Path, run: Callable[..., Ran]
) -> None:
    """A newer version's (or a hand-edited) history entry is listed by its stored name."""
    history = json.loads((store / "history.json").read_text(encoding="utf-8"))
    history["history"]["1"]["action"] = "platform.teleport"
    (store / "history.json").write_text(json.dumps(history), encoding="utf-8")
    result = run(store, "history", lang=lang)
    assert result.returncode == 0, result.stderr
    assert "platform.teleport" in result.stdout
    assert LEAKS.search(result.stdout) is None, result.stdout


DAMAGED_FILES = {
    "json": b'{"platforms": {',
    "utf8": b'{"platforms": {}, "x": "\xff"}',
    "top_level": b"[1, 2]",
    "duplicate_key": b'{"platforms": {}, "platforms": {}}',
    "record_id": b'{"_meta": {"1": {"schema": 1}}, "platforms": {"x": {}}}',
    "schema": b'{"_meta": {"1": {"schema": "one"}}, "platforms": {}}',
    "too_deep": b'{"platforms": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(DAMAGED_FILES))
def test_a_damaged_file_is_described_in_words(
    case: str, lang: str, store: Path, run: Callable[..., Ran]
) -> None:
    (store / "closure.json").write_bytes(DAMAGED_FILES[case])
    for args in (("list",), ("doctor",)):
        result = run(store, *args, lang=lang)
        assert result.returncode == 1, (args, result.stdout)
        _clean(result, lang)
