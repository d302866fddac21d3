"""`doctor`: look the data directory over without changing it and say what needs attention.

Works on files the store refuses to open (that is when it is most needed), so it
reads them with the store's strict checks instead of opening the store.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.text import display_safe
from closure_tui.services import doctor_credit, doctor_edges
from closure_tui.services.doctor_finding import Finding
from closure_tui.services.doctor_logged import logged_file_problems
from closure_tui.services.evidence import check_data_dir
from closure_tui.store.backups import list_snapshots
from closure_tui.store.codec_reminders import decode_reminder
from closure_tui.store.datafiles import (
    DATA_FILES,
    MAIN_FILE,
    NOTES_FILE,
    backups_dir,
    check_file,
    data_files,
    read_replayed,
)
from closure_tui.store.fsutil import PRIVATE_DIR, PRIVATE_FILE, is_temp_name
from closure_tui.store.lock import lock_holder
from closure_tui.store.storage import FileDamaged

Check = Callable[[Path], list[Finding]]


def _data_files(data_dir: Path) -> list[Finding]:
    findings = []
    for path in data_files(data_dir):
        if not (path.exists() or path.is_symlink()):
            lost = doctor_edges.main_missing(data_dir) if path.name == MAIN_FILE else []
            findings += lost or [Finding("doctor.file_absent", {"path": str(path)})]
            continue
        problems = check_file(path)
        if problems:
            params = {"path": str(path), "problems": "; ".join(problems[:3])}
            findings.append(Finding("doctor.file_damaged", params, attention=True))
        else:
            findings.append(Finding("doctor.file_ok", {"path": str(path)}))
    return findings


def _mode(path: Path) -> int | None:
    """Permission bits; None for a link (its own bits mean nothing) and when the path is
    gone (a backup pruned by a writer while this runs)."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return None
    return None if stat.S_ISLNK(status.st_mode) else stat.S_IMODE(status.st_mode)


def _walk(data_dir: Path) -> list[Path]:
    """Every path under `data_dir`, links not followed; what vanishes meanwhile is skipped."""
    found = []
    for root, dirs, files in os.walk(data_dir):
        found += [Path(root, name) for name in (*dirs, *files)]
    return sorted(found)


def _permissions(data_dir: Path) -> list[Finding]:
    modes = {path: _mode(path) for path in [data_dir, *_walk(data_dir)]}
    loose = {path: mode for path, mode in modes.items() if mode is not None and mode & 0o077}
    if not loose:
        return [
            Finding(
                "doctor.permissions_ok", {"dir": f"{PRIVATE_DIR:o}", "file": f"{PRIVATE_FILE:o}"}
            )
        ]
    return [
        Finding(
            "doctor.permissions_loose",
            {"path": str(path), "mode": f"{mode:o}"},
            attention=True,
        )
        for path, mode in loose.items()
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
        for name in DATA_FILES:
            path = snapshot.path / name
            if not (path.exists() or path.is_symlink()):
                continue
            problems = check_file(path)
            if problems and not snapshot.path.exists():
                continue  # pruned by a writer while it was read: gone, not damaged
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
        table = read_replayed(path).get(name, {})
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
    doctor_edges.writable,
    _data_files,
    _permissions,
    _lock,
    doctor_edges.links,
    _backups,
    _temporaries,
    _orphan_notes,
    _bad_reminders,
    _evidence_files,
    logged_file_problems,
    doctor_credit.report_files,
    doctor_edges.stray_evidence,
)


def examine(data_dir: Path, checks: tuple[Check, ...] = CHECKS) -> list[Finding]:
    """Every finding about `data_dir`; reads only (the lock is probed, never kept)."""
    if not data_dir.is_dir():
        return [Finding("doctor.no_data", {"dir": str(data_dir)})]
    findings: list[Finding] = []
    for check in checks:
        findings.extend(check(data_dir))
    return findings
