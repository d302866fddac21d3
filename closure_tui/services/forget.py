"""`forget`: erase a platform for good, unlike `remove` (which keeps it in the history so
that undo can bring it back).

Erased: the platform, its notes and reminders, its history entries (and its records in
any other entry), its evidence copies, and all of these in every backup and in the files
a `restore` kept aside. Not undoable, and recorded nowhere.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from closure_tui.domain.errors import DomainError
from closure_tui.domain.evidence import is_copy_path
from closure_tui.domain.text import name_key
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.store.backups import list_snapshots
from closure_tui.store.datafiles import DATA_FILES, is_segment, journal_files
from closure_tui.store.evidence_files import evidence_copies
from closure_tui.store.scrub import Owned, scrub_files, scrub_tables

TABLES = tuple(name for names in DATA_FILES.values() for name in names)


@dataclass(frozen=True, slots=True)
class Forgotten:
    """What was erased, for the message."""

    name: str
    notes: int
    reminders: int
    events: int
    evidence: int
    #: Copies of the data files (backups, files kept aside by restore) cleaned.
    copies: int
    #: Damaged copies that held the platform's text: deleted, as they cannot be cleaned.
    deleted: int
    contacts: int = 0
    complaints: int = 0

    def message(self) -> str:
        """What was erased, in the UI language (the command line and the app say the same)."""
        said = t("msg.forgotten", **asdict(self))
        if self.contacts or self.complaints:
            said += " " + t("msg.forgotten_log", contacts=self.contacts, complaints=self.complaints)
        return said


def _removed_platform(service: Closures, ref: str) -> tuple[int, str] | None:
    """A platform `remove`d earlier, found by its exact name in the history."""
    wanted = name_key(ref.strip())
    present = {p.id for p in service.platforms()}
    for event in sorted(service.store.history, key=lambda e: e.id, reverse=True):
        pid = event.platform_id
        if pid is not None and pid not in present and name_key(event.platform_name) == wanted:
            return pid, event.platform_name
    return None


def find_forgettable(service: Closures, ref: str) -> tuple[int, str]:
    """The platform `ref` names (as everywhere), else one removed earlier, by its exact
    name: its id and name. Raises DomainError when there is none."""
    try:
        platform = service.resolve(ref)
    except DomainError:
        removed = _removed_platform(service, ref)
        if removed is None:
            raise
        return removed
    return platform.id, platform.name


def _platform_docs(tables: dict[str, dict[str, Any]], platform_id: int) -> list[dict[str, Any]]:
    """The platform's record now and in every history entry (names and copies it had)."""
    key = str(platform_id)
    docs = [tables["platforms"].get(key)]
    for event in tables["history"].values():
        for side in ("before", "after"):
            records = event.get(side) if isinstance(event, dict) else None
            if isinstance(records, dict) and isinstance(records.get("platforms"), dict):
                docs.append(records["platforms"].get(key))
    return [doc for doc in docs if isinstance(doc, dict)]


def _copies_of(docs: list[dict[str, Any]]) -> set[str]:
    return {
        item["stored"]
        for doc in docs
        for item in doc.get("attachments") or ()
        if isinstance(item, dict) and isinstance(item.get("stored"), str)
    }


def _needles(docs: list[dict[str, Any]], names: set[str]) -> list[bytes]:
    """Text that marks a damaged copy as holding the platform: its names and accounts."""
    accounts = {
        doc["payee"]["account"]
        for doc in docs
        if isinstance(doc.get("payee"), dict) and isinstance(doc["payee"].get("account"), str)
    }
    return [text.encode() for text in names | accounts if text]


def _erase_evidence(data_dir: Path, platform_id: int, copies: set[str], kept: set[str]) -> int:
    """Delete the platform's copies: those its records name and those named after its id
    (`p<id>-…`), unless a remaining platform refers to the same copy."""
    erased = 0
    for path in evidence_copies(data_dir):
        relative = str(path.relative_to(data_dir))
        ours = relative in copies or path.name.startswith(f"p{platform_id}-")
        if ours and relative not in kept and is_copy_path(relative):
            path.unlink()
            erased += 1
    return erased


def _data_copies(data_dir: Path) -> list[Path]:
    """Every copy of a data file: in each backup, and those a `restore` kept aside."""
    paths = []
    for snap in list_snapshots(data_dir):
        paths += [snap.path / name for name in DATA_FILES] + journal_files(snap.path)
    for path in sorted(data_dir.iterdir()):
        kept, aside, _ = path.name.partition(".replaced-")
        if aside and (kept in DATA_FILES or is_segment(Path(kept))):
            paths.append(path)
    return paths


def forget_platform(service: Closures, platform_id: int, name: str) -> Forgotten:
    """Erase the platform `platform_id` (current, or removed earlier), named `name`."""
    store = service.store
    store.require()  # a damaged file is refused before anything is erased
    tables = {
        table: {str(doc_id): copy.deepcopy(doc) for doc_id, doc in store.table_docs(table).items()}
        for table in TABLES
    }
    docs = _platform_docs(tables, platform_id)
    names = {name, *(doc["name"] for doc in docs if isinstance(doc.get("name"), str))}
    owned = Owned(platform_id, frozenset(text.casefold() for text in names))
    copies, needles = _copies_of(docs), _needles(docs, names)
    removed = scrub_tables(tables, owned)
    store.replace_all(
        {
            table: {int(k): doc for k, doc in kept_docs.items()}
            for table, kept_docs in tables.items()
        }
    )
    kept = _copies_of(list(tables["platforms"].values()))
    evidence = _erase_evidence(store.data_dir, platform_id, copies, kept)
    files = scrub_files(_data_copies(store.data_dir), owned, needles)
    return Forgotten(
        name=name,
        notes=removed.get("notes", 0),
        reminders=removed.get("reminders", 0),
        events=removed.get("history", 0),
        evidence=evidence,
        copies=files.cleaned,
        deleted=files.deleted,
        contacts=removed.get("contacts", 0),
        complaints=removed.get("complaints", 0),
    )
