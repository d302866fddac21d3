"""A TinyDB storage that never leaves a half-written file and reads the disk only once.

TinyDB's stock `JSONStorage` rewrites its file in place and re-reads it on every
operation. This one parses strictly once, serves TinyDB from memory, and writes
each change atomically (see `fsutil.atomic_write`). A failed write drops the
in-memory state so the next read comes from what is really on disk.

Encoding is incremental: each document's JSON text is kept after a write and
only the documents TinyDB reports as touched (`forget_encoded`, called by
`tinydb_compat.InPlaceTable`) are encoded again, so ticking one stage of 500 platforms
encodes one platform, not 500. The bytes are exactly those of `dump_strict`.
Changes must therefore go through the tables, or hand `write` a new dict.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from closure_tui.i18n import t
from closure_tui.store.errors import StoreError, StoreReadOnly, StoreWriteFailed
from closure_tui.store.fsutil import atomic_write, read_file

if TYPE_CHECKING:
    from closure_tui.store.index import Spans


class FileDamaged(Exception):
    """The bytes on disk are not a strict JSON object."""


def _no_constants(name: str) -> Any:
    raise ValueError(t("err.file.constant", name=name))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(t("err.file.number", text=text[:20]))
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find which key, for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(t("err.file.duplicate_key", key=key[:80]))
            seen.add(key)
    return result


def _why_unparsed(error: Exception) -> str:
    """The parser's refusal in the user's language (its own wording is Python's, in English)."""
    if isinstance(error, UnicodeDecodeError):
        return t("err.file.utf8", position=error.start)
    if isinstance(error, json.JSONDecodeError):
        return t("err.file.json", line=error.lineno, column=error.colno)
    if isinstance(error, RecursionError):
        return t("err.file.too_deep")
    return str(error)[:200]  # the hooks above: already a sentence of the catalogue


def parse_strict(raw: bytes) -> dict[str, Any]:
    """Strict JSON: UTF-8, an object at the top, no NaN/Infinity (spelt or overflowing),
    no duplicate keys."""
    try:
        text = raw.decode("utf-8")
        data = json.loads(
            text,
            parse_constant=_no_constants,
            parse_float=_finite_float,
            object_pairs_hook=_no_duplicates,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise FileDamaged(_why_unparsed(error)) from None
    if not isinstance(data, dict):
        raise FileDamaged(t("err.file.top_level"))
    return data


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def dump_strict(data: dict[str, Any]) -> bytes:
    return _ENCODER.encode(data).encode("utf-8")


class _EncodedTables:
    """The UTF-8 JSON of every document as last written, per table and id."""

    def __init__(self) -> None:
        self._docs: dict[str, dict[str, bytes]] = {}

    def forget(self, table: str, doc_ids: Iterable[str] | None = None) -> None:
        """Drop the text of `doc_ids` (of the whole table when None): they changed."""
        if doc_ids is None:
            self._docs.pop(table, None)
            return
        cached = self._docs.get(table)
        if cached:
            for doc_id in doc_ids:
                cached.pop(doc_id, None)

    def clear(self) -> None:
        self._docs.clear()

    def encode(self, data: dict[str, Any], spans: Spans | None = None) -> bytes:
        """`dump_strict(data)`, encoding only the documents not cached; where each
        document of `spans.table` lies is told to `spans`."""
        encode = _ENCODER.encode
        for gone in self._docs.keys() - data.keys():
            del self._docs[gone]
        # One flat list joined once: joining per table and then again copied a 10 MB
        # history several times per save, each copy a fresh allocation to fault in.
        out = [b"{"]
        for name, table in data.items():
            if len(out) > 1:
                out.append(b",")
            if not isinstance(table, dict):
                out.append(f"{encode(name)}:{encode(table)}".encode())
                continue
            cached = self._docs.setdefault(name, {})
            if len(cached) > len(table):
                cached = self._docs[name] = {k: v for k, v in cached.items() if k in table}
            out.append(b"%s:{" % encode(name).encode())
            at = sum(map(len, out)) if spans is not None and name == spans.table else -1
            for doc_id, doc in table.items():
                text = cached.get(doc_id)
                if text is None:
                    text = cached[doc_id] = f"{encode(doc_id)}:{encode(doc)}".encode()
                out += (text, b",")
                if at >= 0:
                    spans.add(doc_id, doc, at, len(text))  # type: ignore[union-attr]
                    at += len(text) + 1
            if table:
                out.pop()
            out.append(b"}")
        out.append(b"}")
        return b"".join(out)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file; in memory after the first read."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        before_write: Callable[[], None] | None = None,
        after_write: Callable[[], None] | None = None,
        load: Callable[[], dict[str, Any] | None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._before_write = before_write
        self._after_write = after_write
        self._load = load or self.load_from_disk
        self._cache: dict[str, Any] | None = None
        self._loaded = False
        self._batch_depth = 0
        self._after_batch: list[Callable[[], None]] = []
        self._dirty = False
        self._encoded = _EncodedTables()
        #: Bumped whenever the in-memory copy is dropped, so caches built on it know to rebuild.
        self.generation = 0

    def read(self) -> dict[str, Any] | None:
        """The content; loaded (and checked, by `load`) on first use. A load that raises
        leaves nothing loaded, so the next use checks the file again."""
        if not self._loaded:
            self._cache = self._load()
            self._loaded = True
        return self._cache

    def load_from_disk(self) -> dict[str, Any] | None:
        """Parse the file strictly; None when it does not exist. Raises `FileDamaged`."""
        try:
            raw = read_file(self.path)
        except FileNotFoundError:
            return None
        return parse_strict(raw)

    def replace_cache(self, data: dict[str, Any] | None) -> None:
        """Adopt `data` as the current content (after validation or a migration)."""
        self._encoded.clear()
        self._cache = data
        self._loaded = True

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            self.invalidate()
            raise StoreReadOnly()
        if data is not self._cache:
            self._encoded.clear()
        self._cache = data
        self._loaded = True
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _pending(self) -> bool:
        """Whether there is anything to put on disk."""
        return self._cache is not None

    def _flush(self) -> None:
        if not self._pending():
            return
        try:
            if self._before_write is not None:
                self._before_write()
            rewritten = self._save()
        except OSError as error:
            self.invalidate()
            raise StoreWriteFailed(self.path, error.strerror or str(error)) from error
        except (TypeError, ValueError, StoreError):
            self.invalidate()
            raise
        self._dirty = False
        if rewritten and self._after_write is not None:
            self._after_write()

    def _save(self) -> bool:
        """Put the content on disk; True when the file at `path` was replaced."""
        self._write_whole()
        return True

    def _write_whole(self, spans: Spans | None = None) -> None:
        """The whole content to `path`, atomically (where records lie told to `spans`)."""
        assert self._cache is not None
        atomic_write(self.path, self._encoded.encode(self._cache, spans))

    def forget_encoded(self, table: str, doc_ids: Iterable[str] | None = None) -> None:
        """These documents of `table` (all when None) changed since they were last written."""
        self._encoded.forget(table, doc_ids)

    def invalidate(self) -> None:
        """Forget the in-memory copy; the next read re-parses the file."""
        self._encoded.clear()
        self._cache = None
        self._loaded = False
        self._dirty = False
        self.generation += 1

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB operations into one atomic write."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._dirty:
                self.invalidate()
            if not self._batch_depth:
                self._after_batch.clear()
            raise
        self._batch_depth -= 1
        if self._batch_depth:
            return
        if self._dirty:
            try:
                self._flush()
            except BaseException:
                self._after_batch.clear()
                raise
        waiting, self._after_batch = self._after_batch, []
        for callback in waiting:
            callback()

    @property
    def in_batch(self) -> bool:
        return bool(self._batch_depth)

    def after_batch(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the current batch is on disk (now when there is none);
        dropped if the batch fails, so nothing is recorded about unsaved changes."""
        if self._batch_depth:
            self._after_batch.append(callback)
        else:
            callback()

    def close(self) -> None:
        """Nothing to release: every write is already on disk."""
