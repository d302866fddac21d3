"""The one place TinyDB is used beyond its public API (`store.tinydb_compat`) still fits the
installed TinyDB: these fail on an upgrade that changes what the override relies on."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest
import tinydb
from tinydb.storages import MemoryStorage
from tinydb.table import Document, Table

from closure_tui.store.tinydb_compat import TESTED, InPlaceTable, InPlaceTinyDB


def test_the_installed_tinydb_is_one_the_override_was_checked_against() -> None:
    release = ".".join(tinydb.__version__.split(".")[:2])
    assert release in TESTED, (
        f"TinyDB {tinydb.__version__}: check that every write of Table still goes through "
        "Table._update_table(updater), then add the release to tinydb_compat.TESTED"
    )


def test_update_table_keeps_its_signature() -> None:
    assert list(inspect.signature(Table._update_table).parameters) == ["self", "updater"]
    assert InPlaceTinyDB.table_class is InPlaceTable


WRITES: dict[str, Callable[[Table], object]] = {
    "insert": lambda table: table.insert({"name": "借呗"}),
    "insert_multiple": lambda table: table.insert_multiple([{"name": "花呗"}]),
    "update": lambda table: table.update({"state": "done"}, doc_ids=[1]),
    "update_multiple": lambda table: table.update_multiple([({"state": "x"}, lambda d: True)]),
    "upsert": lambda table: table.upsert(Document({"name": "度小满"}, doc_id=1)),
    "remove": lambda table: table.remove(doc_ids=[1]),
    "truncate": lambda table: table.truncate(),
}


@pytest.mark.parametrize("write", WRITES)
def test_every_write_goes_through_the_override(write: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db = InPlaceTinyDB(storage=MemoryStorage)
    table = db.table("platforms")
    table.insert(Document({"name": "借呗"}, doc_id=1))
    calls: list[object] = []
    real = InPlaceTable._update_table

    def counting(self: InPlaceTable, updater: Callable[..., None]) -> None:
        calls.append(updater)
        real(self, updater)

    monkeypatch.setattr(InPlaceTable, "_update_table", counting)
    WRITES[write](table)
    assert calls, f"Table.{write} no longer writes through _update_table"
