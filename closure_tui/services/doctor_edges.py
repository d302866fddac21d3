"""`doctor` checks of the data folder's edges: can it be written, links where the program
keeps its own files, a lost main file, and evidence copies no platform refers to."""

from __future__ import annotations

import os
from pathlib import Path

from closure_tui.services.doctor_credit import report_copies
from closure_tui.services.doctor_finding import Finding
from closure_tui.services.doctor_logged import logged_copies
from closure_tui.services.evidence import check_data_dir
from closure_tui.store.datafiles import MAIN_FILE, backups_dir, files_with_records
from closure_tui.store.evidence_files import evidence_copies
from closure_tui.store.lock import LOCK_NAME


def writable(data_dir: Path) -> list[Finding]:
    """A folder that cannot be written: the app opens read-only, commands that change
    something are refused."""
    if os.access(data_dir, os.W_OK):
        return []
    return [Finding("doctor.read_only", {"dir": str(data_dir)}, attention=True)]


def links(data_dir: Path) -> list[Finding]:
    """The lock file or `backups/` as a link: writers refuse until it is removed."""
    return [
        Finding("doctor.link", {"path": str(path)}, attention=True)
        for path in (data_dir / LOCK_NAME, backups_dir(data_dir))
        if path.is_symlink()
    ]


def main_missing(data_dir: Path) -> list[Finding]:
    """For an absent `closure.json`: lost, when the other files still hold records."""
    main = data_dir / MAIN_FILE
    holders = files_with_records(data_dir)
    if not holders:
        return []
    params = {"path": str(main), "files": ", ".join(holders)}
    return [Finding("doctor.main_missing", params, attention=True)]


def stray_evidence(data_dir: Path) -> list[Finding]:
    """Copies in `evidence/` that no attachment or report check refers to (a removed
    platform's, kept for undo, or left by an interrupted attach); `forget` erases a
    platform's."""
    referenced = {check.checked for check in check_data_dir(data_dir)} | report_copies(data_dir)
    referenced |= {data_dir / stored for stored in logged_copies(data_dir)}
    stray = [path for path in evidence_copies(data_dir) if path not in referenced]
    return [Finding("doctor.evidence_stray", {"count": len(stray)})] if stray else []
