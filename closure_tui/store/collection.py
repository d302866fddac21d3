"""A typed view of one TinyDB table: decoded objects cached, unknown keys preserved on update."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, NoReturn, TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Document

from closure_tui.collector import collector_paused
from closure_tui.store.codec import RecordInvalid, deep_merge
from closure_tui.store.schema import META_ID, META_TABLE, counter_key, marked_key
from closure_tui.store.storage import AtomicJSONStorage

T = TypeVar("T")

#: Told of every record change: (collection name, id, document before, document after);
#: a missing record is None. The history service listens to record undoable events.
ChangeListener = Callable[[str, int, dict[str, Any] | None, dict[str, Any] | None], None]
#: Told that a stored record does not decode (with why); raises the store's damaged-file error.
DamageHandler = Callable[[str], NoReturn]


class Collection(Generic[T]):
    """Records of one kind. Ids come from a counter in `_meta`, so they are never reused."""

    def __init__(
        self,
        db: TinyDB,
        name: str,
        decode: Callable[[int, dict[str, Any]], T],
        encode: Callable[[T], dict[str, Any]],
        get_id: Callable[[T], int],
        *,
        on_damage: DamageHandler,
        mark: Callable[[dict[str, Any]], bool] | None = None,
        decode_recorded: Callable[[int, dict[str, Any]], T] | None = None,
    ) -> None:
        self._db = db
        #: The store opens every database on an `AtomicJSONStorage`.
        self._storage = cast(AtomicJSONStorage, db.storage)
        self._table = db.table(name, cache_size=0)
        self.name = name
        self._decode = decode
        #: Decodes, without its checks, a document of a file the record of checked files
        #: vouches for (see `trust`); None: every document is checked.
        self._decode_recorded = decode_recorded
        #: The storage generation whose content was vouched for (-1: none), and the ids of
        #: the records vouched for in it.
        self._trusted = -1
        self._vouched: frozenset[int] = frozenset()
        self._encode = encode
        self._get_id = get_id
        self._on_damage = on_damage
        self._items: dict[int, T] | None = None
        #: Records decoded one by one (`get`) while `_items` is not built.
        self._some: dict[int, T] = {}
        self._highest = 0
        #: The highest stored id while the records are not all decoded (None: not read).
        self._stored_highest: int | None = None
        self._generation = self._storage.generation
        #: Records for which `mark` holds are listed in `_meta` (see `marked`).
        self._mark = mark
        self.listener: ChangeListener | None = None

    def _notify(
        self, item_id: int, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        if self.listener is not None and before != after:
            self.listener(self.name, item_id, before, after)

    def prime(self, items: dict[int, T]) -> None:
        """Adopt records already decoded from the current file (when it was validated)."""
        self._items = dict(items)
        self._highest = max(items, default=0)
        self._generation = self._storage.generation

    def trust(self, ids: frozenset[int]) -> None:
        """These records of the file's current content are exactly what this program wrote
        or checked in full (`verified`): decode them with `decode_recorded`, until the file
        is read again."""
        self._trusted = self._storage.generation
        self._vouched = ids

    def reset(self) -> None:
        self._items = None
        self._highest = 0
        self._stored_highest = None

    def _current(self) -> None:
        """Drop what was decoded from a copy a failed write discarded, so a change that was
        not saved is never shown as if it had been."""
        if self._generation != self._storage.generation:
            self._items = None
            self._some = {}
            self._stored_highest = None
            self._generation = self._storage.generation

    def _cache(self) -> dict[int, T]:
        """Decoded records, all of them (rebuilt from the file after a failed write)."""
        self._current()
        if self._items is None:
            self._some = {}
            with collector_paused():
                self._items = self._decode_all()
            self._highest = max(self._items, default=0)
        return self._items

    def _stored(self) -> dict[str, dict[str, Any]]:
        """The stored documents by id as the file holds them (string keys), not copied:
        decoders only read them."""
        stored: dict[str, dict[str, Any]] = (self._storage.read() or {}).get(self.name, {})
        return stored

    def _decode_all(self) -> dict[int, T]:
        """Every stored record, decoded. The file may have been trusted without a full check
        (see `verified`), so a record that does not decode goes to `on_damage`."""
        decoded = {}
        for key, doc in self._stored().items():
            item_id = int(key)
            decoded[item_id] = self._decode_one(item_id, doc)
        return decoded

    def _decode_one(self, item_id: int, doc: dict[str, Any]) -> T:
        decode = self._decode
        if (
            self._decode_recorded is not None
            and self._trusted == self._storage.generation
            and item_id in self._vouched
        ):
            decode = self._decode_recorded
        try:
            return decode(item_id, doc)
        except RecordInvalid as error:
            self._on_damage(f"{self.name} #{item_id}: {error}")

    def load(self) -> None:
        """Decode every record now, so damage is reported here rather than on first use."""
        self._cache()

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._cache().values()))

    def __len__(self) -> int:
        return len(self._cache())

    def stored_field(self, key: str) -> dict[int, Any]:
        """One stored field of every record by id, read without decoding the records (a
        list of names need not build every platform). Only for checked files: their
        documents decode, so the field has its decoded type."""
        return {int(doc_id): doc.get(key) for doc_id, doc in self._stored().items()}

    def where(self, key: str, value: object) -> list[T]:
        """The records whose `key` (stored and decoded under that name) is `value`. Until
        every record was decoded only these are, and a journal with an index reads only
        these: opening one platform need neither read nor decode everyone's notes and
        history."""
        self._current()
        if self._items is not None:
            return [item for item in self._items.values() if getattr(item, key) == value]
        read_where = getattr(self._storage, "read_where", None)
        found = read_where(self.name, key, value) if read_where is not None else None
        if found is None:
            found = {doc_id: doc for doc_id, doc in self._stored().items() if doc.get(key) == value}
        with collector_paused():
            return [self._decode_one(int(doc_id), doc) for doc_id, doc in found.items()]

    def get(self, item_id: int) -> T | None:
        """One record; until all are decoded, only this one is (a command that changes
        one platform need not decode 500)."""
        self._current()
        if self._items is not None:
            return self._items.get(item_id)
        found = self._some.get(item_id)
        if found is None:
            doc = self._table.get(doc_id=item_id)
            if doc is None:
                return None
            found = self._some[item_id] = self._decode_one(item_id, doc)
        return found

    def _remember(self, item_id: int, item: T | None) -> None:
        """Keep the decoded record just written (None: removed) without decoding the rest."""
        self._current()
        if item is not None and self._stored_highest is not None:
            self._stored_highest = max(self._stored_highest, item_id)
        for cache in (self._items, self._some):
            if cache is None:
                continue
            if item is None:
                cache.pop(item_id, None)
            else:
                cache[item_id] = item

    def raw(self, item_id: int) -> dict[str, Any] | None:
        doc = self._table.get(doc_id=item_id)
        return dict(doc) if doc is not None else None

    def next_id(self) -> int:
        meta: Mapping[str, Any] = self._db.table(META_TABLE).get(doc_id=int(META_ID)) or {}
        counter: int = meta.get(counter_key(self.name), 1)
        self._current()
        if self._items is not None:
            return max(counter, self._highest + 1)
        # The stored ids suffice: adding a record need not decode the others.
        if self._stored_highest is None:
            self._stored_highest = max((doc.doc_id for doc in self._table.all()), default=0)
        return max(counter, self._stored_highest + 1)

    def marked(self) -> list[int]:
        """Ids of the records `mark` holds for, read from `_meta` (from the newest record
        alone when the file is unread and can be appended to)."""
        unread = getattr(self._storage, "unread_meta", lambda: None)()
        meta: dict[str, Any] = unread.get(META_ID, {}) if unread is not None else self._meta()
        return list(meta.get(marked_key(self.name), []))

    def _meta(self) -> dict[str, Any]:
        return dict(self._db.table(META_TABLE).get(doc_id=int(META_ID)) or {})

    def _remark(self, meta: dict[str, Any], item_id: int, doc: dict[str, Any] | None) -> bool:
        """Update `meta`'s list of marked ids for `doc`; True when it changed."""
        if self._mark is None:
            return False
        key = marked_key(self.name)
        ids = set(meta.get(key, []))
        wanted = ids | {item_id} if doc is not None and self._mark(doc) else ids - {item_id}
        if wanted == ids:
            return False
        meta[key] = sorted(wanted)
        return True

    def insert(self, make: Callable[[int], T]) -> T:
        """Create the record with a fresh id and the id counter in one write (an append
        to an unread journal when the storage can: the table is not read for it)."""
        if self._items is None:
            unread = getattr(self._storage, "unread_meta", lambda: None)()
            if unread is not None:
                return self._insert_unread(unread, make)
        item_id = self.next_id()
        item = make(item_id)
        doc = self._encode(item)
        meta_table = self._db.table(META_TABLE)
        meta = dict(meta_table.get(doc_id=int(META_ID)) or {})
        meta[counter_key(self.name)] = item_id + 1
        self._remark(meta, item_id, doc)
        with self._storage.batch():
            meta_table.upsert(Document(meta, doc_id=int(META_ID)))
            self._table.insert(Document(doc, doc_id=item_id))
        self._remember(item_id, item)
        self._highest = max(self._highest, item_id)
        self._notify(item_id, None, doc)
        return item

    def _insert_unread(self, unread: dict[str, Any], make: Callable[[int], T]) -> T:
        meta = dict(unread.get(META_ID, {}))
        item_id = meta.get(counter_key(self.name), 1)
        item = make(item_id)
        doc = self._encode(item)
        meta[counter_key(self.name)] = item_id + 1
        self._remark(meta, item_id, doc)
        self._storage.append_unread(  # type: ignore[attr-defined]
            {META_TABLE: {**unread, META_ID: meta}, self.name: {str(item_id): doc}}
        )
        self._notify(item_id, None, doc)
        return item

    def put(self, item: T) -> None:
        """Replace a record, keeping any keys this version does not know."""
        item_id = self._get_id(item)
        old = self.raw(item_id) or {}
        merged = deep_merge(old, self._encode(item))
        meta = self._meta()
        with self._storage.batch():
            if self._remark(meta, item_id, merged):
                self._db.table(META_TABLE).upsert(Document(meta, doc_id=int(META_ID)))
            self._table.upsert(Document(merged, doc_id=item_id))
        self._remember(item_id, item)
        self._notify(item_id, old or None, merged)

    def remove(self, item_ids: list[int]) -> None:
        present = [item_id for item_id in item_ids if item_id in self._cache()]
        if present:
            before = {item_id: self.raw(item_id) for item_id in present}
            self._table.remove(doc_ids=present)
            for item_id in present:
                self._cache().pop(item_id, None)
                self._notify(item_id, before[item_id], None)

    def is_valid(self, item_id: int, doc: dict[str, Any]) -> bool:
        """Whether `doc` decodes as a record of this collection."""
        try:
            self._decode(item_id, doc)
        except RecordInvalid:
            return False
        return True

    def set_raw(self, item_id: int, doc: dict[str, Any] | None) -> None:
        """Put back a stored document exactly (None removes it), as undo and import need.

        The document is decoded first, so a bad one raises `RecordInvalid` unwritten.
        The id counter only ever moves forward, so a restored id is never handed out again.
        """
        if doc is None:
            if self.raw(item_id) is not None:
                self._table.remove(doc_ids=[item_id])
            self._remember(item_id, None)
            return
        item = self._decode(item_id, doc)
        meta_table = self._db.table(META_TABLE)
        meta = dict(meta_table.get(doc_id=int(META_ID)) or {})
        with self._storage.batch():
            grown = meta.get(counter_key(self.name), 1) <= item_id
            if grown:
                meta[counter_key(self.name)] = item_id + 1
            if self._remark(meta, item_id, doc) or grown:
                meta_table.upsert(Document(meta, doc_id=int(META_ID)))
            if self._table.contains(doc_id=item_id):
                self._table.remove(doc_ids=[item_id])
            self._table.insert(Document(doc, doc_id=item_id))
        self._remember(item_id, item)

    def raw_all(self) -> dict[int, dict[str, Any]]:
        """Every stored document by id, unknown keys included (for a complete backup)."""
        return {doc.doc_id: dict(doc) for doc in self._table.all()}
