"""A base file plus its segments (see `journal`), served to TinyDB like any data file.

A save appends the records TinyDB reports as touched, so its cost is the change's,
not the file's. A record can even be appended before the file was ever read (a note
added from the command line): its id comes from the counters in the newest record,
read from the segment's end. A whole new content (a migration, an import) and a
journal grown past the base are folded into a new base instead.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from closure_tui.i18n import t
from closure_tui.store import index
from closure_tui.store.errors import StoreReadOnly
from closure_tui.store.fsutil import read_with_status
from closure_tui.store.journal import Journal, replay, replay_where, through
from closure_tui.store.refusals import DataFileLinked
from closure_tui.store.schema import META_TABLE
from closure_tui.store.storage import AtomicJSONStorage, FileDamaged, parse_strict

#: Fold when the segments hold more than this, and more than the base itself.
FOLD_AFTER = 4 << 20
#: Segments are read whole by `read_where` (they hold everyone's changes since the last
#: fold), and again at each call: beyond this, the content is read once instead.
WHERE_READS_UP_TO = 1 << 20


class SegmentDamaged(Exception):
    """A segment holds bad bytes before its end: (path, problem)."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem


class SegmentsMoved(Exception):
    """A segment went while being read: a writer folded the journal; read the base again."""


def live_records(
    journal: Journal, base_through: int, backups: Path
) -> Iterator[tuple[int, Path, list[dict[str, Any]], bool]]:
    """(number, path, its whole records parsed, whether its tail is torn) of each segment
    after `base_through`, oldest first. A damaged segment raises."""
    from closure_tui.store import frames  # with zlib, only once a journal is read

    for number, path in journal.live(base_through):
        try:
            read = read_with_status(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise DataFileLinked(path, backups) from None
            raise
        if read is None:
            raise SegmentsMoved(path)
        scan = frames.scan(read.raw)
        if scan.damaged_at >= 0:
            raise SegmentDamaged(path, t("err.file.segment_frame", position=scan.damaged_at))
        try:
            records = [parse_strict(payload) for payload in scan.payloads]
        except FileDamaged:
            raise SegmentDamaged(path, t("err.file.segment_record")) from None
        yield number, path, records, bool(scan.torn)


def read_segments(journal: Journal, data: dict[str, Any], backups: Path) -> None:
    """Replay the live segments over `data` (the base's content), in place. A torn tail is
    dropped (appends go on in a later segment); a damaged segment raises."""
    found = False
    for number, path, records, torn in live_records(journal, through(data), backups):
        for record in records:
            try:
                replay(data, record)
            except (AttributeError, TypeError):
                raise SegmentDamaged(path, t("err.file.segment_record")) from None
        journal.adopt(number, path, torn=torn)
        found = True
    if not found:
        journal.start_after(through(data))


class JournalStorage(AtomicJSONStorage):
    """`AtomicJSONStorage` whose saves append to segments."""

    def __init__(
        self,
        path: Path,
        *,
        trusted: Callable[[Path], bool],
        indexed: tuple[str, str] | None = None,
        fold_after: int | None = None,
        **options: Any,
    ) -> None:
        super().__init__(path, **options)
        #: Fold once the segments hold more than this, however large the base (None: more
        #: than `FOLD_AFTER` and more than the base).
        self._fold_after = fold_after
        #: (table, key): the base's records of that table are indexed by that key (`index`).
        self._indexed = indexed
        self.journal = Journal(self.path.parent, self.path.name)
        #: Whether the base file holds what was last checked (the verified record).
        self._trusted = trusted
        #: Touched documents by table since the last save; None: save everything (fold).
        self._touched: dict[str, set[str]] | None = None
        #: Records appended while the content is unread, and the newest counters.
        self._unread: dict[str, Any] = {}
        self._tail: dict[str, Any] | None = None

    def replace_cache(self, data: dict[str, Any] | None) -> None:
        super().replace_cache(data)
        self._touched = {}

    def write(self, data: dict[str, Any]) -> None:
        if data is not self._cache:
            self._touched = None
        super().write(data)

    def forget_encoded(self, table: str, doc_ids: Iterable[str] | None = None) -> None:
        super().forget_encoded(table, doc_ids)
        if self._touched is not None:
            if doc_ids is None:
                self._touched = None
            else:
                self._touched.setdefault(table, set()).update(doc_ids)

    def invalidate(self) -> None:
        super().invalidate()
        self._touched = None
        self._unread = {}
        self._tail = None

    # ---- appending without reading ------------------------------------------------------

    def unread_meta(self) -> dict[str, Any] | None:
        """The current `_meta` when the content is unread, the base file holds what was last
        checked and the newest segment ends in a whole record; None otherwise (then read
        and check the content: a damaged file refuses the change before it is written)."""
        if self._loaded:
            return None
        if self._tail is None and self._trusted(self.path):
            self._tail = self.journal.tail_meta()
        return self._tail

    def append_unread(self, delta: dict[str, Any]) -> None:
        """Save records (with the `_meta` they change) while the content is unread."""
        if self.read_only:
            raise StoreReadOnly()
        for name, docs in delta.items():
            if name == META_TABLE:
                self._tail = docs
            self._unread.setdefault(name, {}).update(docs)
        if self.in_batch:
            self._dirty = True
        else:
            self._flush()

    def _pending(self) -> bool:
        return super()._pending() or bool(self._unread)

    def read(self) -> dict[str, Any] | None:
        """As `AtomicJSONStorage.read`; records appended unread in an open batch join it."""
        if self._loaded:
            return self._cache
        unread, self._unread = self._unread, {}
        data = super().read()
        self._touched = {}
        if data is not None and unread:
            replay(data, unread)
            for name, docs in unread.items():
                self._touched.setdefault(name, set()).update(docs)
            self._dirty = True
        return data

    def read_where(self, table: str, key: str, value: object) -> dict[str, Any] | None:
        """The records of `table` whose `key` is `value`, by id, while the content is unread:
        read from the base at their place (see `index`), then the segments. None when that
        cannot be done (content read, base not as checked, no index for it, a segment not
        as expected, more segments than `WHERE_READS_UP_TO`); then read the content, which
        reports any damage, and is kept."""
        if (
            self._loaded
            or self._indexed != (table, key)
            or not isinstance(value, int)
            or self.journal.size() > WHERE_READS_UP_TO
            or not self._trusted(self.path)
        ):
            return None
        found = index.read(self.path, table, key, value)
        if found is None:
            return None
        base_through, docs = found
        try:
            for _, _, records, _ in live_records(self.journal, base_through, self.path.parent):
                for record in records:
                    replay_where(docs, record, table, key, value)
            replay_where(docs, self._unread, table, key, value)
        except (SegmentDamaged, SegmentsMoved, DataFileLinked, OSError, TypeError):
            return None
        return docs

    # ---- saving -------------------------------------------------------------------------

    def _save(self) -> bool:
        if self._unread:
            unread, self._unread = self._unread, {}
            self.journal.append(unread)
            return False
        assert self._cache is not None
        touched, self._touched = self._touched, {}
        if touched is None or not self.journal.ready:
            self._encoded.forget(META_TABLE)
            self.journal.fold(self._cache, self._write_base)
            return True
        delta: dict[str, Any] = {META_TABLE: self._cache.get(META_TABLE, {})}
        for name, ids in touched.items():
            if name == META_TABLE:
                continue
            table = self._cache.get(name, {})
            delta[name] = {doc_id: table.get(doc_id) for doc_id in ids}
        self.journal.append(delta)
        self._tail = delta[META_TABLE]
        return False

    def _write_base(self) -> None:
        """The whole content as the new base, and where its records lie (`index`)."""
        assert self._cache is not None
        if self._indexed is None:
            self._write_whole()
            return
        spans = index.Spans(*self._indexed)
        self._write_whole(spans)
        index.write(self.path, spans, through(self._cache))

    def fold_due(self) -> bool:
        """Whether the segments outgrew their limit (see `fold_after`), or the content was
        read in full this run while a platform's records could not be read alone (no index
        for the base, or segments past `WHERE_READS_UP_TO`): folding then costs no read,
        and the next run reads one platform's records again."""
        if self.read_only:
            return False
        grown = self.journal.size()
        alone = self._indexed is None or (
            grown <= WHERE_READS_UP_TO and index.describes(self.path, *self._indexed)
        )
        if self._loaded and not alone:
            return True
        if self._fold_after is not None:
            return grown > self._fold_after
        if grown <= FOLD_AFTER:
            return False
        try:
            return grown > self.path.stat().st_size
        except OSError:
            return True

    def fold(self) -> None:
        """Compact now (the content must be read): the next open replays nothing."""
        self.read()
        self._touched = None
        self._flush()
