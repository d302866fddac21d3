"""Where TinyDB is used beyond its public API: a table that changes the stored table in place.

Stock TinyDB copies the whole table into a new dict (string ids to int ids and
back) on every insert, update or remove: O(n) per operation, which at 10,000
notes dominated a single note insert. Here the updater sees the stored dict
through an int-keyed view, so an operation costs what it touches.

This overrides `Table._update_table`, which TinyDB does not promise to keep: every
write of `Table` goes through it in the versions this was written for (`TESTED`).
`tests/test_tinydb_compat.py` fails on a TinyDB whose writes take another path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

#: The TinyDB releases whose `Table` writes all go through `_update_table(updater)`.
TESTED = ("4.8", "4.9")


class _IntKeyed(MutableMapping[int, Any]):
    """The stored table (string ids, as in JSON) seen with the int ids TinyDB expects."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw
        self.touched: set[str] = set()

    def __getitem__(self, doc_id: int) -> Any:
        key = str(doc_id)
        self.touched.add(key)
        return self._raw[key]

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        key = str(doc_id)
        self.touched.add(key)
        self._raw[key] = doc

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        self.touched.add(key)
        del self._raw[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._raw

    def __iter__(self) -> Iterator[int]:
        return (int(doc_id) for doc_id in list(self._raw))

    def __len__(self) -> int:
        return len(self._raw)


class InPlaceTable(Table):
    """Same behaviour as `tinydb.table.Table`; writes cost O(changed documents).

    Like stock TinyDB (whose rebuilt dict shares the document objects), an updater
    that raises part-way leaves the documents it already changed changed in memory.
    """

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        tables = self._storage.read() or {}
        raw = tables.setdefault(self.name, {})
        view = _IntKeyed(raw)
        try:
            updater(view)  # type: ignore[arg-type]
        finally:
            forget = getattr(self._storage, "forget_encoded", None)
            if forget is not None:
                forget(self.name, view.touched)
        self._storage.write(tables)
        self.clear_cache()


class InPlaceTinyDB(TinyDB):
    """TinyDB whose tables are `InPlaceTable`s."""

    table_class = InPlaceTable
