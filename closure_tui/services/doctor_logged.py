"""`doctor` checks of the evidence files contacts and complaints keep: missing or changed
since attached. Reads `closure.json` directly, as doctor must work when the store refuses
to open; records that do not decode are left to doctor's own file check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from closure_tui.domain.contacts import FileRef
from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.doctor_finding import Finding
from closure_tui.services.evidence import file_status
from closure_tui.store.codec import RecordInvalid
from closure_tui.store.codec_contacts import decode_complaint, decode_contact
from closure_tui.store.datafiles import MAIN_FILE, read_replayed
from closure_tui.store.schema import is_doc_id
from closure_tui.store.storage import FileDamaged


class LoggedFile(NamedTuple):
    """One file of a contact or complaint: whose it is and where it is checked."""

    owner: str
    ref: FileRef
    checked: Path


def logged_files(data_dir: Path) -> Iterator[LoggedFile]:
    try:
        data = read_replayed(data_dir / MAIN_FILE)
    except (OSError, FileDamaged):
        return
    platforms = data.get("platforms")
    names = platforms if isinstance(platforms, dict) else {}
    for table, decode in (("contacts", decode_contact), ("complaints", decode_complaint)):
        docs = data.get(table)
        for doc_id, doc in docs.items() if isinstance(docs, dict) else ():
            if not (is_doc_id(doc_id) and isinstance(doc, dict)):
                continue
            try:
                record = decode(int(doc_id), doc)
            except RecordInvalid:
                continue
            platform = names.get(str(record.platform_id))
            name = platform.get("name") if isinstance(platform, dict) else None
            label = t(f"doctor.{table}_record", id=doc_id)
            owner = f"{display_safe(str(name or record.platform_id))} · {label}"
            for ref in record.files:
                checked = data_dir / ref.stored if ref.stored else Path(ref.path)
                yield LoggedFile(owner, ref, checked)


def logged_copies(data_dir: Path) -> set[str]:
    """The copies in `evidence/` that contacts and complaints refer to."""
    return {item.ref.stored for item in logged_files(data_dir) if item.ref.stored}


def logged_file_problems(data_dir: Path) -> list[Finding]:
    findings = []
    for item in logged_files(data_dir):
        status = file_status(item.checked, item.ref)
        if status is not FileStatus.OK:
            params = {"platform": item.owner, "path": str(item.checked)}
            findings.append(Finding(f"doctor.evidence_{status.value}", params, attention=True))
    return findings
