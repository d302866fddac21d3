"""The JSON backup: built from the stored documents exactly, validated whole before import.

Format: `{"format": "closure-tui-backup", "schema": N, "app_version", "exported_at",
"tables": {table: {id: document}}}` with every table of every data file (platforms,
reminders, notes, history). Documents are copied as stored, unknown keys included,
so export → import into an empty store gives back the same data, ids and all.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from closure_tui.domain.disputes import Dispute
from closure_tui.domain.errors import DomainError
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import Reminder
from closure_tui.domain.text import name_key
from closure_tui.i18n import t
from closure_tui.services.archive import clashing_evidence, put_evidence, read_archive
from closure_tui.services.backup_contacts import merge_logged
from closure_tui.services.closures import Closures
from closure_tui.services.import_rules import rule_problems
from closure_tui.store import backups
from closure_tui.store.codec import decode_note, decode_platform
from closure_tui.store.codec_credit import decode_dispute, decode_report_line
from closure_tui.store.codec_reminders import decode_reminder
from closure_tui.store.collection import Collection
from closure_tui.store.datafiles import DATA_FILES, check_data
from closure_tui.store.errors import StoreWriteFailed
from closure_tui.store.schema import CURRENT_SCHEMA, META_TABLE, fresh_meta
from closure_tui.store.storage import FileDamaged, parse_strict

#: The records an import merges under fresh ids.
R = TypeVar("R", Platform, Note, Reminder)


def _app_version() -> str:
    from closure_tui.version import app_version  # package metadata: slow to import

    return app_version()


FORMAT = "closure-tui-backup"
TABLES: tuple[str, ...] = tuple(name for names in DATA_FILES.values() for name in names)
Tables = dict[str, dict[int, dict[str, Any]]]


def _belongs(doc: dict[str, Any], ids: set[int]) -> bool:
    owner = doc.get("platform_id")
    return isinstance(owner, int) and owner in ids


def build_backup(service: Closures, ids: Iterable[int] | None, now: datetime) -> dict[str, Any]:
    """Every table's documents; with `ids`, only those platforms and what belongs to them."""
    wanted = None if ids is None else set(ids)
    if wanted == {p.id for p in service.platforms()}:
        wanted = None
    tables: dict[str, dict[str, Any]] = {}
    for name in TABLES:
        docs = service.store.table_docs(name)
        if wanted is not None:
            docs = {
                item_id: doc
                for item_id, doc in docs.items()
                if (item_id in wanted if name == "platforms" else _belongs(doc, wanted))
            }
        tables[name] = {str(item_id): docs[item_id] for item_id in sorted(docs)}
    return {
        "format": FORMAT,
        "schema": CURRENT_SCHEMA,
        "app_version": _app_version(),
        "exported_at": now.isoformat(timespec="seconds"),
        "tables": tables,
    }


def _tables(raw: dict[str, Any], problems: list[str]) -> Tables:
    if raw.get("format") != FORMAT:
        problems.append(t("err.import.not_backup"))
        return {}
    schema = raw.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema > CURRENT_SCHEMA:
        problems.append(t("err.import.too_new", schema=schema, current=CURRENT_SCHEMA))
        return {}
    tables = raw.get("tables")
    if not isinstance(tables, dict):
        problems.append("tables: expected object")
        return {}
    problems += [t("err.import.unknown_table", name=name) for name in tables if name not in TABLES]
    for file_name, names in DATA_FILES.items():
        data = {META_TABLE: fresh_meta(file_name), **{n: tables[n] for n in names if n in tables}}
        problems += check_data(file_name, data)
    if problems:
        return {}
    return {
        name: {int(item_id): doc for item_id, doc in tables.get(name, {}).items()}
        for name in TABLES
    }


def read_backup(path: Path) -> tuple[Tables, list[str]]:
    """The backup's tables and every problem found (nothing is usable unless none)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return {}, [error.strerror or str(error)]
    return parse_backup(raw)


def parse_backup(raw: bytes) -> tuple[Tables, list[str]]:
    """`read_backup` for bytes already read (a file, or the backup inside an archive)."""
    problems: list[str] = []
    try:
        parsed = parse_strict(raw)
    except FileDamaged as error:
        return {}, [str(error)]
    tables = _tables(parsed, problems)
    seen: set[str] = set()
    for doc in tables.get("platforms", {}).values():
        folded = name_key(str(doc.get("name", "")))
        if folded in seen:
            problems.append(t("err.import.duplicate_name", name=doc.get("name")))
        seen.add(folded)
    if not problems:
        problems += rule_problems(tables)
    return ({} if problems else tables), problems


@dataclass(frozen=True, slots=True)
class Imported:
    platforms: int
    notes: int
    backup: Path | None


def _is_empty(service: Closures) -> bool:
    return not any(service.store.table_docs(name) for name in TABLES)


def import_backup(service: Closures, path: Path, mode: str | None) -> Imported:
    """Validate all of `path` (a JSON backup, or an archive with its evidence files), snapshot
    the store, write the archive's evidence copies, then replace or merge.

    Raises DomainError("err.import.invalid") listing the problems; nothing is written then.
    """
    evidence: dict[str, bytes] = {}
    if zipfile.is_zipfile(path):
        content = read_archive(path)
        tables, problems = parse_backup(content.backup) if not content.problems else ({}, [])
        problems = content.problems + problems
        evidence = content.evidence
        problems += clashing_evidence(service.store.data_dir, evidence)
    else:
        tables, problems = read_backup(path)
    if not problems and mode is None:
        if not _is_empty(service):
            raise DomainError("err.import.mode")
        mode = "replace"
    if not problems and mode == "merge":
        existing = {name_key(p.name) for p in service.platforms()}
        problems = [
            t("err.import.name_exists", name=doc["name"])
            for doc in tables["platforms"].values()
            if name_key(str(doc["name"])) in existing
        ]
    if problems:
        raise DomainError("err.import.invalid", path=str(path), problems="\n".join(problems))
    service.store.ensure_backup()
    put_evidence(service.store.data_dir, evidence)
    snapshots = backups.list_snapshots(service.store.data_dir)
    taken = snapshots[0].path if snapshots else None
    if mode == "replace":
        _replace(service, tables, taken)
        return Imported(len(tables["platforms"]), len(tables["notes"]), taken)
    notes = _merge(service, tables)
    return Imported(len(tables["platforms"]), notes, taken)


def _renumbered(record: R, new_id: int, **changes: Any) -> R:
    """`record` under the id the store hands out (and any other `changes`)."""
    return replace(record, id=new_id, **changes)


def _replace(service: Closures, tables: Tables, taken: Path | None) -> None:
    """Write every file; if the disk refuses one after another was written, say so and
    where the state before the import is kept (one file per write, so that can happen)."""
    first = service.store.data_dir / next(iter(DATA_FILES))
    try:
        service.store.replace_all(tables)
    except StoreWriteFailed as error:
        if error.path == first:
            raise  # nothing was written: the usual refusal says so
        raise DomainError(
            "err.import.partial", reason=error.reason, path=str(error.path), backup=str(taken)
        ) from None


def _merge(service: Closures, tables: Tables) -> int:
    """Add the backup's platforms and what belongs to them (notes, reminders, report checks,
    disputes) under fresh ids, as one undoable event.

    The backup's history is not merged: its events refer to the other store's ids.
    Returns the number of notes added.
    """
    store = service.store
    moved: dict[int, int] = {}
    added: dict[str, int] = {}
    with service.history.change("import.merge"), store.transaction():
        for old_id, doc in sorted(tables["platforms"].items()):
            platform = decode_platform(old_id, doc)
            new = store.platforms.insert(functools.partial(_renumbered, platform))
            moved[old_id] = new.id
        owned: list[tuple[Collection[Any], Callable[[int, dict[str, Any]], Any]]] = [
            (store.notes, decode_note),
            (store.reminders, decode_reminder),
            (store.report_checks, decode_report_line),
            (store.disputes, decode_dispute),
        ]
        renumbered: dict[str, dict[int, int]] = {}
        for collection, decode in owned:
            ids = renumbered.setdefault(collection.name, {})
            for old_id, doc in sorted(tables.get(collection.name, {}).items()):
                item = decode(old_id, doc)
                if item.platform_id not in moved:
                    continue
                changes: dict[str, Any] = {"platform_id": moved[item.platform_id]}
                if isinstance(item, Dispute) and item.check_id is not None:
                    changes["check_id"] = renumbered["report_checks"].get(item.check_id)
                new_item = collection.insert(functools.partial(_renumbered, item, **changes))
                ids[old_id] = new_item.id
                added[collection.name] = added.get(collection.name, 0) + 1
        merge_logged(store, tables, moved, renumbered.get("reminders", {}))
    return added.get("notes", 0)
