"""What the damaged-data screen tells the user: the parser's complaint in their language with
its line, and the backups worth restoring (number, date, how many platforms)."""

from __future__ import annotations

import re
from pathlib import Path

from closure_tui.i18n import t
from closure_tui.services.snapshots import BackupInfo, list_backups

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


def restore_points(data_dir: Path) -> list[BackupInfo]:
    """The good backups, newest first (what `closure-tui restore NUMBER` would accept)."""
    return [backup for backup in list_backups(data_dir) if backup.good]
