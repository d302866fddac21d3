"""`doctor` on the credit report files kept with report checks: each is checked like an
evidence file (missing, changed), and its private copy is not a stray one. Reads
`closure.json` directly, as doctor must work when the store refuses to open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.text import display_safe
from closure_tui.services.doctor_finding import Finding
from closure_tui.services.evidence import kept_status
from closure_tui.store.codec import RecordInvalid
from closure_tui.store.codec_credit import decode_report_line
from closure_tui.store.datafiles import MAIN_FILE, read_replayed
from closure_tui.store.schema import is_doc_id
from closure_tui.store.storage import FileDamaged


def _tables(data_dir: Path) -> dict[str, Any]:
    try:
        return read_replayed(data_dir / MAIN_FILE)
    except (OSError, FileDamaged):
        return {}


def _checked_files(data_dir: Path) -> list[tuple[str, Path, FileStatus]]:
    """(platform name, the file checked, its status) for every report file kept; records
    that do not decode are reported by doctor's own file check."""
    tables = _tables(data_dir)
    lines, platforms = tables.get("report_checks", {}), tables.get("platforms", {})
    if not isinstance(lines, dict) or not isinstance(platforms, dict):
        return []
    found = []
    for doc_id, doc in lines.items():
        if not (is_doc_id(doc_id) and isinstance(doc, dict)):
            continue
        try:
            line = decode_report_line(int(doc_id), doc)
        except RecordInvalid:
            continue
        if line.file is None:
            continue
        owner = platforms.get(str(line.platform_id))
        name = str(owner.get("name", "")) if isinstance(owner, dict) else f"#{line.platform_id}"
        checked, status = kept_status(data_dir, line.file.stored, line.file.path, line.file)
        found.append((name, checked, status))
    return found


def report_copies(data_dir: Path) -> set[Path]:
    """The copies in `evidence/` that report checks refer to."""
    return {checked for _, checked, _ in _checked_files(data_dir)}


def report_files(data_dir: Path) -> list[Finding]:
    """Report files that went missing or changed since the check was recorded."""
    return [
        Finding(
            f"doctor.evidence_{status.value}",
            {"platform": display_safe(name), "path": str(checked)},
            attention=True,
        )
        for name, checked, status in _checked_files(data_dir)
        if status is not FileStatus.OK
    ]
