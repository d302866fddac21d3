"""Schema versions and the migrations between them.

Each data file carries `_meta` → `{"1": {"schema": N, "file": NAME}}`. A file
without `_meta` is version 0 (written before versions existed). Migrations run
in memory after a backup has been taken; the store then writes the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from closure_tui.i18n import t

CURRENT_SCHEMA = 3
META_TABLE = "_meta"
META_ID = "1"

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def is_doc_id(key: object) -> bool:
    """A record id as this program writes it: ASCII digits, no leading zero, so no two
    spellings ("1", "01") can name the same record and no digit-like symbol ("²") passes."""
    return isinstance(key, str) and key.isascii() and key.isdigit() and str(int(key)) == key


def counter_key(table: str) -> str:
    """The `_meta` key holding the next id of `table` (ids are never reused)."""
    return f"next_{table}"


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 had no `_meta` table; version 1 adds it with each table's id counter."""
    meta: dict[str, Any] = {"schema": 1}
    for name, table in data.items():
        if isinstance(table, dict):
            highest = max((int(key) for key in table if is_doc_id(key)), default=0)
            meta[counter_key(name)] = highest + 1
    data[META_TABLE] = {META_ID: meta}
    return data


def marked_key(table: str) -> str:
    """The `_meta` key listing the ids of `table`'s marked records (undone history events),
    so a change can find them without reading the table."""
    return f"marked_{table}"


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 appends notes and history to segments after their base file, and lists
    the undone history events in `_meta`; the records themselves are unchanged."""
    history = data.get("history")
    if isinstance(history, dict):
        data[META_TABLE][META_ID][marked_key("history")] = sorted(
            int(key)
            for key, doc in history.items()
            if is_doc_id(key) and isinstance(doc, dict) and doc.get("state") == "undone"
        )
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 appends the changes of `closure.json` to segments too (and older versions,
    which would not read them, must refuse it); the records themselves are unchanged."""
    return data


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def schema_version(data: dict[str, Any]) -> int:
    """The file's schema version; raises ValueError when `_meta` is malformed."""
    meta_table = data.get(META_TABLE)
    if meta_table is None:
        return 0
    if not isinstance(meta_table, dict) or not isinstance(meta_table.get(META_ID), dict):
        raise ValueError(t("err.file.meta"))
    version = meta_table[META_ID].get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError(t("err.file.schema", value=str(version)[:40]))
    return version


def migrate(data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Bring `data` to `CURRENT_SCHEMA`; returns the data and whether anything changed."""
    version = schema_version(data)
    changed = False
    while version < CURRENT_SCHEMA:
        data = MIGRATIONS[version](data)
        version += 1
        data[META_TABLE][META_ID]["schema"] = version
        changed = True
    return data, changed


def check_tables(data: dict[str, Any], names: tuple[str, ...]) -> list[str]:
    """Every known table must be an object of id → object with numeric ids."""
    problems = []
    for name in names:
        table = data.get(name, {})
        if not isinstance(table, dict):
            problems.append(t("err.file.table", table=name))
            continue
        for doc_id, doc in table.items():
            if not is_doc_id(doc_id):
                problems.append(t("err.file.id", table=name, id=doc_id[:40]))
            elif not isinstance(doc, dict):
                problems.append(t("err.file.record", table=name, id=doc_id))
    return problems


def check_meta(data: dict[str, Any], file_name: str) -> list[str]:
    """The id counters in `_meta` must be whole numbers, or new ids could not be made, and
    a file that names itself must be this file (not another data file copied over it)."""
    meta = data.get(META_TABLE, {}).get(META_ID, {})
    named = meta.get("file", file_name)
    other = t("err.file.other", named=str(named)[:80], file=file_name)
    wrong = [] if named == file_name else [other]
    return wrong + [
        t("err.file.counter", key=key[:80])
        for key, value in meta.items()
        if key.startswith("next_")
        and (not isinstance(value, int) or isinstance(value, bool) or value < 0)
    ]


def fresh_meta(file_name: str) -> dict[str, Any]:
    return {META_ID: {"schema": CURRENT_SCHEMA, "file": file_name}}
