"""What the damaged-data screen tells the user: the parser's complaint in their language with
its line, and the backups worth restoring (number, date, how many platforms)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from closure_tui.i18n import t
from closure_tui.store import backups
from closure_tui.store.datafiles import DATA_FILES, check_file
from closure_tui.store.storage import FileDamaged, parse_strict

MAIN_FILE = next(iter(DATA_FILES))
_AT = re.compile(r"(?P<what>.+?): line (?P<line>\d+) column (?P<column>\d+) \(char \d+\)")
#: The JSON parser's messages (its own wording, in English), each with its catalogue entry.
_PARSER = (
    ("Expecting value", "damage.json.value"),
    ("Expecting property name", "damage.json.name"),
    ("Expecting ':'", "damage.json.colon"),
    ("Expecting ','", "damage.json.comma"),
    ("Unterminated string", "damage.json.string"),
    ("Invalid control character", "damage.json.control"),
    ("Invalid \\", "damage.json.escape"),
    ("Extra data", "damage.json.extra"),
    ("Illegal trailing comma", "damage.json.trailing_comma"),
    ("not UTF-8", "damage.json.utf8"),
)


def problem_text(problem: str) -> str:
    """`Expecting ':' delimiter: line 3 column 20 (char 75)` → `第 3 行第 20 列：缺少冒号（:）`."""
    match = _AT.fullmatch(problem)
    if match is None:
        return problem
    what = match.group("what")
    key = next((key for prefix, key in _PARSER if what.startswith(prefix)), None)
    return t(
        "damage.at",
        line=match.group("line"),
        column=match.group("column"),
        what=t(key) if key else what,
    )


class RestorePoint(NamedTuple):
    """A backup every data file of which reads cleanly."""

    number: int
    taken: datetime | None
    platforms: int


def _taken(name: str) -> datetime | None:
    _, _, stamp = name.partition("-")
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S")
    except ValueError:
        return None


def _platform_count(path: Path) -> int:
    try:
        tables = parse_strict(path.read_bytes()).get("platforms")
    except (OSError, FileDamaged):
        return 0
    return len(tables) if isinstance(tables, dict) else 0


def restore_points(data_dir: Path) -> list[RestorePoint]:
    """The good backups, newest first (what `closure-tui restore NUMBER` would accept)."""
    found = []
    for snapshot in backups.list_snapshots(data_dir):
        present = [snapshot.path / n for n in DATA_FILES if (snapshot.path / n).is_file()]
        if present and not any(check_file(path) for path in present):
            count = _platform_count(snapshot.path / MAIN_FILE)
            found.append(RestorePoint(snapshot.number, _taken(snapshot.name), count))
    return found
