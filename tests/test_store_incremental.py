"""Writing only what changed must leave exactly the file a full rewrite would have written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from closure_tui.store.storage import AtomicJSONStorage, dump_strict
from closure_tui.store.tinydb_compat import InPlaceTinyDB
from tests.store_helpers import stored

TABLES = ("platforms", "notes")
texts = st.text(alphabet=st.sampled_from('ab结清证明 "\\\n'), max_size=6)
docs = st.dictionaries(st.sampled_from(("name", "state", "text")), texts, min_size=1)
operations = st.lists(
    st.tuples(
        st.sampled_from(("insert", "update", "upsert", "remove", "drop", "batch")),
        st.sampled_from(TABLES),
        st.integers(min_value=1, max_value=6),
        docs,
    ),
    max_size=30,
)


def _apply(db: TinyDB, operation: tuple[str, str, int, dict]) -> None:
    kind, name, doc_id, doc = operation
    table = db.table(name, cache_size=0)
    if kind == "insert" and table.get(doc_id=doc_id) is None:
        table.insert(Document(doc, doc_id=doc_id))
    elif kind == "update":
        table.update(doc, doc_ids=[doc_id])
    elif kind in ("upsert", "batch"):
        table.upsert(Document(doc, doc_id=doc_id))
    elif kind == "remove" and table.get(doc_id=doc_id) is not None:
        table.remove(doc_ids=[doc_id])
    elif kind == "drop":
        db.drop_table(name)


@settings(max_examples=60, deadline=None)
@given(operations)
def test_file_matches_stock_tinydb_after_every_operation(
    tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[str, str, int, dict]]
) -> None:
    path = tmp_path_factory.mktemp("incremental") / "data.json"
    ours = InPlaceTinyDB(path, storage=AtomicJSONStorage)
    stock = TinyDB(storage=MemoryStorage)
    for operation in ops:
        if operation[0] == "batch":
            with ours.storage.batch():
                _apply(ours, operation)
                _apply(ours, ("update", operation[1], operation[2], {"state": "batched"}))
            _apply(stock, operation)
            _apply(stock, ("update", operation[1], operation[2], {"state": "batched"}))
        else:
            _apply(ours, operation)
            _apply(stock, operation)
        if not path.exists():
            continue
        on_disk = path.read_bytes()
        assert json.loads(on_disk) == json.loads(json.dumps(stock.storage.read()))
        assert on_disk == dump_strict(json.loads(on_disk))


def test_a_tick_saves_the_platform(data_dir: Path, clock: FixedClock) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        first = service.add_platform("借呗").value
        second = service.add_platform("花呗").value
        service.tick(second.id, StageKey.NEGOTIATED)
        service.tick(first.id, StageKey.NEGOTIATED, on="2026-11-01")
        service.untick(second.id, StageKey.NEGOTIATED)
    saved = stored(data_dir, "closure.json")
    stages = {doc["name"]: doc["stages"]["negotiated"] for doc in saved["platforms"].values()}
    assert stages["借呗"]["state"] == "done"
    assert stages["借呗"]["done_on"] == "2026-11-01"
    assert stages["花呗"]["state"] == "todo"
    with closures_session(data_dir, clock, writable=False) as service:
        assert [p.done_count for p in service.platforms()] == [1, 0]
