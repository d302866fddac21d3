"""`doctor`: look the data directory over without changing it and say what needs attention.

Works on files the store refuses to open (that is when it is most needed), so it
reads them with the store's strict checks instead of opening the store.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.text import display_safe
from closure_tui.services.evidence import check_data_dir
from closure_tui.store.backups import list_snapshots
from closure_tui.store.codec_reminders import decode_reminder
from closure_tui.store.datafiles import (
    MAIN_FILE,
    NOTES_FILE,
    backups_dir,
    check_file,
    data_files,
)
from closure_tui.store.fsutil import PRIVATE_DIR, PRIVATE_FILE, is_temp_name
from closure_tui.store.lock import lock_holder
from closure_tui.store.storage import FileDamaged, parse_strict


@dataclass(frozen=True)
class Finding:
    """One line of the report: a catalogue key, its parameters, and whether to act on it."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    attention: bool = False


Check = Callable[[Path], list[Finding]]


def _data_files(data_dir: Path) -> list[Finding]:
    findings = []
    for path in data_files(data_dir):
        if not path.exists():
            findings.append(Finding("doctor.file_absent", {"path": str(path)}))
            continue
        problems = check_file(path)
        if problems:
            params = {"path": str(path), "problems": "; ".join(problems[:3])}
            findings.append(Finding("doctor.file_damaged", params, attention=True))
        else:
            findings.append(Finding("doctor.file_ok", {"path": str(path)}))
    return findings


def _too_open(path: Path) -> bool:
    return bool(stat.S_IMODE(path.lstat().st_mode) & 0o077)


def _permissions(data_dir: Path) -> list[Finding]:
    loose = []
    for path in [data_dir, *sorted(data_dir.rglob("*"))]:
        if _too_open(path):
            loose.append(path)
    if not loose:
        return [
            Finding(
                "doctor.permissions_ok", {"dir": f"{PRIVATE_DIR:o}", "file": f"{PRIVATE_FILE:o}"}
            )
        ]
    return [
        Finding(
            "doctor.permissions_loose",
            {"path": str(path), "mode": f"{stat.S_IMODE(path.lstat().st_mode):o}"},
            attention=True,
        )
        for path in loose
    ]


def _lock(data_dir: Path) -> list[Finding]:
    holder = lock_holder(data_dir)
    if holder is None:
        return [Finding("doctor.lock_free")]
    return [Finding("doctor.lock_held", {"holder": holder})]


def _backups(data_dir: Path) -> list[Finding]:
    snapshots = list_snapshots(data_dir)
    if not snapshots:
        return [Finding("doctor.backups_none", {"dir": str(backups_dir(data_dir))})]
    findings = [
        Finding(
            "doctor.backups",
            {
                "count": len(snapshots),
                "newest": snapshots[0].name,
                "dir": str(backups_dir(data_dir)),
            },
        )
    ]
    for snapshot in snapshots:
        for path in sorted(snapshot.path.iterdir()):
            problems = check_file(path)
            if problems:
                params = {"path": str(path), "problems": "; ".join(problems[:3])}
                findings.append(Finding("doctor.backup_damaged", params, attention=True))
    return findings


def _temporaries(data_dir: Path) -> list[Finding]:
    left = [
        entry
        for directory in (data_dir, backups_dir(data_dir))
        if directory.is_dir()
        for entry in directory.iterdir()
        if is_temp_name(entry.name)
    ]
    return [Finding("doctor.temporaries", {"count": len(left)})] if left else []


def _table(path: Path, name: str) -> dict[str, Any] | None:
    try:
        table = parse_strict(path.read_bytes()).get(name, {})
    except (OSError, FileDamaged):
        return None
    return table if isinstance(table, dict) else None


def _orphan_notes(data_dir: Path) -> list[Finding]:
    """Notes whose platform was removed: harmless and never shown, but worth knowing about."""
    platforms = _table(data_dir / MAIN_FILE, "platforms")
    notes = _table(data_dir / NOTES_FILE, "notes")
    if platforms is None or notes is None:
        return []
    orphans = [
        note
        for note in notes.values()
        if isinstance(note, dict) and str(note.get("platform_id")) not in platforms
    ]
    return [Finding("doctor.orphan_notes", {"count": len(orphans)})] if orphans else []


def _bad_reminders(data_dir: Path) -> list[Finding]:
    """Open reminders an older version dated out of range: no list shows them."""
    findings = []
    for doc_id, doc in (_table(data_dir / MAIN_FILE, "reminders") or {}).items():
        try:
            reminder = decode_reminder(int(doc_id), doc)
        except (ValueError, TypeError, AttributeError):
            continue  # reported with the file
        if reminder.is_open and not reminder.dated_in_range:
            params = {"id": reminder.id, "date": reminder.when.isoformat()}
            findings.append(Finding("doctor.reminder_bad_date", params, attention=True))
    return findings


def _evidence_files(data_dir: Path) -> list[Finding]:
    """Attached evidence files that went missing or changed since they were attached."""
    checks = check_data_dir(data_dir)
    findings = [
        Finding(
            f"doctor.evidence_{check.status.value}",
            {"platform": display_safe(check.platform.name), "path": str(check.checked)},
            attention=True,
        )
        for check in checks
        if check.status is not FileStatus.OK
    ]
    if checks and not findings:
        findings.append(Finding("doctor.evidence_ok", {"count": len(checks)}))
    return findings


#: Run in this order.
CHECKS: tuple[Check, ...] = (
    _data_files,
    _permissions,
    _lock,
    _backups,
    _temporaries,
    _orphan_notes,
    _bad_reminders,
    _evidence_files,
)


def examine(data_dir: Path, checks: tuple[Check, ...] = CHECKS) -> list[Finding]:
    """Every finding about `data_dir`; reads only (the lock is probed, never kept)."""
    if not data_dir.is_dir():
        return [Finding("doctor.no_data", {"dir": str(data_dir)})]
    findings: list[Finding] = []
    for check in checks:
        findings.extend(check(data_dir))
    return findings
