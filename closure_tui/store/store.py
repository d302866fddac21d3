"""The store: opens the data directory safely and exposes typed collections.

Three files, so that adding a note never touches the platforms and ticking a
stage never touches thousands of notes: `closure.json` (platforms, reminders),
`notes.json` and `history.json` (the change log undo works from). Their changes are
appended to segments after them (`journaled`), so no change rewrites any of them: a
tick is two appends, the platform's and then its history entry's.
Orphans (notes of a removed platform) are harmless and ignored.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, NoReturn, cast

from tinydb.table import Document

from closure_tui.domain.clock import Clock
from closure_tui.store import verified
from closure_tui.store.datafiles import (
    DATA_FILES,
    HISTORY_FILE,
    JOURNALED,
    MAIN_FILE,
    NOTES_FILE,
    backups_dir,
    data_files,
    empty_file,
    files_with_records,
    immutable_files,
)
from closure_tui.store.errors import (
    StoreDamaged,
    StoreError,
    StoreWriteFailed,
)
from closure_tui.store.file_reading import Loaded, load_checked
from closure_tui.store.fsutil import (
    PRIVATE_FILE,
    sweep_temp_files,
    tighten_if_possible,
)
from closure_tui.store.journaled import (
    JournalStorage,
)
from closure_tui.store.lock import WriterLock
from closure_tui.store.records import Records
from closure_tui.store.refusals import (
    LinkRefused,
    MainFileMissing,
)
from closure_tui.store.restore import prepare_dir
from closure_tui.store.schema import (
    META_ID,
    META_TABLE,
    counter_key,
    migrate,
)
from closure_tui.store.storage import AtomicJSONStorage
from closure_tui.store.tinydb_compat import InPlaceTinyDB

#: The base files whose records are found by platform without reading the rest (`index`).
INDEXED = {NOTES_FILE: ("notes", "platform_id"), HISTORY_FILE: ("history", "platform_id")}
#: Every command and the app's first frame read `closure.json`: its segments are folded
#: into it as a run ends once they hold more than this, so starting never replays much.
MAIN_FOLD_AFTER = 64 << 10
#: The `_meta` key of the store's random id.
STORE_ID = "store_id"


class Notice(NamedTuple):
    """Something the user should hear about that is not an error (e.g. permissions fixed).

    The plain result types made on the way to the first frame (this, `config.Loaded`,
    `fsutil.FileRead`, `services.outcome.Outcome`, `services.summary.Summary`) are
    NamedTuples: Python 3.11 builds a frozen slotted dataclass's methods with exec() when
    the class is created, six times the cost of a NamedTuple class; for the five, over 1 %
    of the instructions to the first frame. Domain records stay frozen dataclasses."""

    key: str
    path: str


class Store(Records):
    """Open with `Store.open`; close when done so the writer lock is released."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock,
        *,
        writable: bool,
        lazy: bool = False,
        platforms_on_use: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.read_only = not writable
        self.notices: list[Notice] = []
        self._lazy = lazy
        self._platforms_on_use = platforms_on_use
        self._lock = WriterLock(data_dir) if writable else None
        self._backed_up = False
        self._queued: list[Callable[[], object]] = []
        #: History entries the disk refused after their change was saved (the change
        #: stands but cannot be undone); the caller says so and clears the list.
        self.unrecorded: list[StoreWriteFailed] = []
        self._record = verified.Record(data_dir)
        self._storages: dict[str, AtomicJSONStorage] = {}
        self._dbs: dict[str, InPlaceTinyDB] = {}
        for name in DATA_FILES:
            journaled: dict[str, Any] = {}
            if name in JOURNALED:
                journaled = {"trusted": self._record.unchanged, "indexed": INDEXED.get(name)}
                if name == MAIN_FILE:
                    journaled["fold_after"] = MAIN_FOLD_AFTER
            db = InPlaceTinyDB(
                data_dir / name,
                storage=JournalStorage if journaled else AtomicJSONStorage,
                read_only=not writable,
                before_write=self._backup_once,
                after_write=functools.partial(self._record.written, data_dir / name),
                load=functools.partial(self._load_late, name),
                **journaled,
            )
            self._dbs[name] = db
            self._storages[name] = cast(AtomicJSONStorage, db.storage)
        super().__init__(dict(self._dbs), self._damaged_on_use)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        clock: Clock,
        *,
        writable: bool,
        lazy: bool = False,
        platforms_on_use: bool = False,
    ) -> Store:
        """Lock (when writing), parse, validate and migrate; raises a `StoreError` subclass.

        `closure.json` is always read at open, and its platforms decoded unless `lazy` or
        `platforms_on_use` (the other records when first used: the dashboard needs only the
        open reminders). Decoding them all at open finds a trusted file whose records no
        longer decode before anything is shown; a command that changes one platform
        (`platforms_on_use`) decodes that one, and any it reads, before it writes. The
        notes and history files are checked at open unless they hold what this program last
        wrote (then they are read when first used); with `lazy` (a command that may never
        use them) they are not looked at until first used. Damage found after open (a
        record that does not decode, in a file trusted without a full check) raises
        `StoreDamaged` just as at open.
        """
        tightened = writable and prepare_dir(data_dir)  # readers change nothing
        store = cls(
            data_dir, clock, writable=writable, lazy=lazy, platforms_on_use=platforms_on_use
        )
        if tightened:
            store.notices.append(Notice("notice.permissions_fixed", str(data_dir)))
        try:
            store._open()
        except BaseException:
            store.close()
            raise
        return store

    def _open(self) -> None:
        if self._lock is not None:
            self._lock.acquire()
            if self.backups_path.is_symlink():
                raise LinkRefused(self.backups_path)  # never sweep or prune through it
            sweep_temp_files(self.data_dir)
            sweep_temp_files(self.backups_path)
        loaded: dict[str, Loaded] = {}
        for name, storage in self._storages.items():
            if name != MAIN_FILE and (self._lazy or self._record.unchanged(storage.path)):
                self._tighten(storage.path)
                continue
            loaded[name] = self._load(name)
            if loaded[name][0] is not None:
                self._tighten(storage.path)
        if loaded[MAIN_FILE][0] is None:
            holders = files_with_records(self.data_dir)
            if holders:
                problem = f"missing, while {', '.join(holders)} hold records"
                raise MainFileMissing(self._storages[MAIN_FILE].path, [problem], self.backups_path)
        for name, (data, decoded, base) in loaded.items():
            self._adopt(name, data, decoded, base)
        if not (self._lazy or self._platforms_on_use):
            self.platforms.load()
        self._record.save_checked()

    def _load(self, name: str) -> Loaded:
        return load_checked(
            self._storages[name],
            name,
            self._record,
            self.backups_path,
            record_checked=self._lock is not None,
        )

    def _load_late(self, name: str) -> dict[str, Any]:
        """A file read after open (first use, or again after a failed write): checked as
        at open, migrated in memory only."""
        data = self._load(name)[0]
        self._record.save_checked()
        return migrate(data)[0] if data is not None else empty_file(name)

    def _damaged_on_use(self, name: str, problem: str) -> NoReturn:
        """A record of a file trusted at open does not decode (say, a file written by a
        newer version, or rules made stricter): the file is damaged after all. It loses its
        place in the record of checked files and is read again, in full, when next used."""
        storage = self._storages[name]
        self._record.forget(storage.path)
        storage.invalidate()
        raise StoreDamaged(storage.path, [problem], self.backups_path)

    def require(self, *names: str) -> None:
        """Read (and check) these files now, before a change that must not half-happen."""
        for name in names or tuple(self._storages):
            self._storages[name].read()

    def require_appendable(self, name: str) -> None:
        """As `require`, but a journal that can be appended to unread (see
        `JournalStorage.unread_meta`) is not read: appending needs nothing else."""
        storage = self._storages[name]
        if not isinstance(storage, JournalStorage) or storage.unread_meta() is None:
            storage.read()

    def _tighten(self, path: Path) -> None:
        if self._lock is not None and tighten_if_possible(path, PRIVATE_FILE):
            self.notices.append(Notice("notice.permissions_fixed", str(path)))

    def _adopt(
        self,
        name: str,
        data: dict[str, Any] | None,
        decoded: dict[str, dict[int, Any]] | None,
        base: dict[str, dict[str, Any]],
    ) -> None:
        storage = self._storages[name]
        if data is None:
            storage.replace_cache(empty_file(name))
            return
        data, changed = migrate(data)
        storage.replace_cache(data)
        if changed:
            if isinstance(storage, JournalStorage) and not self.read_only:
                storage.fold()  # the base itself must say the new version, for older ones
            elif not self.read_only:
                storage.write(data)
            return
        if decoded is None:  # recorded content: records are decoded when first used
            if name == MAIN_FILE:
                self.platforms.trust(_unreplayed(data, base, "platforms"))
            return
        # Validated above: decode only once.
        for collection in self.every_collection():
            if collection.name in DATA_FILES[name]:
                collection.prime(decoded.get(collection.name, {}))

    @property
    def backups_path(self) -> Path:
        return backups_dir(self.data_dir)

    def _backup_once(self) -> None:
        """Before the first write of this run, snapshot the files as they are on disk."""
        if self._backed_up:
            return
        from closure_tui.store import backups

        linked = immutable_files(self.data_dir)
        backups.take_snapshot(self.data_dir, data_files(self.data_dir), self.clock.now(), linked)
        for name in linked:
            self._record.linked(self.data_dir / name)
        self._backed_up = True

    def ensure_backup(self) -> None:
        """Take this run's snapshot now (before a bulk change such as an import)."""
        self._backup_once()

    @contextlib.contextmanager
    def transaction(self, file_name: str | None = None) -> Iterator[None]:
        """Several changes written as one atomic replace per file.

        Without `file_name`: `closure.json` and `notes.json`, the main file first, so a
        crash between the two replaces can leave a new platform without its new notes,
        or notes of a removed platform (orphans, which are ignored), never a note
        pointing at a platform that was not written.
        """
        names = [file_name] if file_name else [NOTES_FILE, MAIN_FILE]
        try:
            with contextlib.ExitStack() as stack:
                for name in names:
                    stack.enter_context(self._storages[name].batch())
                yield
        except BaseException:
            if not any(storage.in_batch for storage in self._storages.values()):
                self._queued.clear()
            raise

    def table_docs(self, name: str) -> dict[int, dict[str, Any]]:
        """Every stored document of a table by id, unknown keys included."""
        return {doc.doc_id: dict(doc) for doc in self._dbs[self.file_of(name)].table(name).all()}

    def replace_all(self, tables: dict[str, dict[int, dict[str, Any]]]) -> None:
        """Replace every table's records with `tables` (import): one atomic write per file.

        Ids are kept; each id counter moves past the highest id so none is reused.
        """
        self.require()  # a damaged file is refused before any file is written
        for file_name, names in DATA_FILES.items():
            db = self._dbs[file_name]
            with self._storages[file_name].batch():
                for name in names:
                    self._storages[file_name].forget_encoded(name)  # a journal is folded
                meta_table = db.table(META_TABLE)
                meta = dict(meta_table.get(doc_id=int(META_ID)) or {})
                for name in names:
                    table = db.table(name)
                    table.truncate()
                    docs = tables.get(name, {})
                    for item_id in sorted(docs):
                        table.insert(Document(docs[item_id], doc_id=item_id))
                    counter = counter_key(name)
                    meta[counter] = max(meta.get(counter, 1), max(docs, default=0) + 1)
                meta_table.upsert(Document(meta, doc_id=int(META_ID)))
        for collection in self.every_collection():
            collection.reset()

    def after_commit(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the open transaction is on disk (now when there is none).

        Callbacks queued during one transaction run together in one history write, and
        are dropped if the transaction fails: nothing is recorded about unsaved changes.
        """
        pending = [
            storage
            for name, storage in self._storages.items()
            if name != HISTORY_FILE and storage.in_batch
        ]
        if not pending:
            self._keeping_data(callback)
            return
        self._queued.append(callback)
        if len(self._queued) == 1:
            # The outermost batch closes last (`transaction` opens notes around main).
            pending[-1].after_batch(self._drain)

    def _drain(self) -> None:
        queued, self._queued = self._queued, []
        self._keeping_data(lambda: self._in_history_batch(queued))

    def _in_history_batch(self, callbacks: list[Callable[[], object]]) -> None:
        with self.transaction(HISTORY_FILE):
            for callback in callbacks:
                callback()

    def _keeping_data(self, record: Callable[[], object]) -> None:
        """Write a history entry after its data: if the disk refuses it, the data is
        saved all the same, so the change stands and is reported as not undoable."""
        try:
            record()
        except StoreWriteFailed as error:
            if error.path != self._storages[HISTORY_FILE].path:
                raise
            self.unrecorded.append(error)

    def file_of(self, collection: str) -> str:
        return next(name for name, tables in DATA_FILES.items() if collection in tables)

    def meta(self) -> dict[str, Any]:
        table = self._dbs[MAIN_FILE].table(META_TABLE)
        return dict(table.get(doc_id=int(META_ID)) or {})

    def store_id(self) -> str | None:
        """This store's random id (calendar UIDs), None until `ensure_store_id` made it."""
        value = self.meta().get(STORE_ID)
        return value if isinstance(value, str) and value else None

    def ensure_store_id(self) -> str:
        """The store's random id, made and saved in `closure.json`'s meta on first use."""
        existing = self.store_id()
        if existing is not None:
            return existing
        import uuid  # not at start-up: it imports `platform`, which reading commands skip

        made = uuid.uuid4().hex
        with self._storages[MAIN_FILE].batch():
            table = self._dbs[MAIN_FILE].table(META_TABLE)
            table.upsert(Document({**self.meta(), STORE_ID: made}, doc_id=int(META_ID)))
        return made

    def close(self) -> None:
        if self._lock is not None:
            self._fold_grown()
            self._record.finish()
            self._lock.release()
        for db in self._dbs.values():
            db.close()

    def compact(self) -> None:
        """Fold every journal into its base file now, so the base files alone hold the data
        (before they are rewritten whole, as `forget` does)."""
        for storage in self._storages.values():
            if isinstance(storage, JournalStorage):
                storage.fold()

    def _fold_grown(self) -> None:
        """Compact journals that outgrew their base, as the run ends (off any change's path);
        a fold that fails leaves the base and segments as they were, which is fine."""
        for storage in self._storages.values():
            if isinstance(storage, JournalStorage) and storage.fold_due():
                with contextlib.suppress(StoreError):
                    storage.fold()


def _unreplayed(
    data: dict[str, Any], base: dict[str, dict[str, Any]], table: str
) -> frozenset[int]:
    """Ids of the records of `table` that are still the base file's documents (no segment
    replaced them): what the record of checked files vouches for."""
    held = base.get(table, {})
    return frozenset(int(key) for key, doc in data.get(table, {}).items() if held.get(key) is doc)
