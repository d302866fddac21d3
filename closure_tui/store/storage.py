"""A TinyDB storage that never leaves a half-written file and reads the disk only once.

TinyDB's stock `JSONStorage` rewrites its file in place and re-reads it on every
operation. This one parses strictly once, serves TinyDB from memory, and writes
each change atomically (see `fsutil.atomic_write`). A failed write drops the
in-memory state so the next read comes from what is really on disk.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from closure_tui.store.errors import StoreReadOnly, StoreWriteFailed
from closure_tui.store.fsutil import atomic_write


class FileDamaged(Exception):
    """The bytes on disk are not a strict JSON object."""


def _no_constants(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range {text[:20]}")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


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
        raise FileDamaged(str(error)[:200]) from None
    if not isinstance(data, dict):
        raise FileDamaged(f"top level is {type(data).__name__}, not an object")
    return data


def dump_strict(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
        "utf-8"
    )


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file; in memory after the first read."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        before_write: Callable[[], None] | None = None,
        empty: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._before_write = before_write
        self._empty = empty
        self._cache: dict[str, Any] | None = None
        self._loaded = False
        self._batch_depth = 0
        self._after_batch: list[Callable[[], None]] = []
        self._dirty = False
        #: Bumped whenever the in-memory copy is dropped, so caches built on it know to rebuild.
        self.generation = 0

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            data = self.load_from_disk()
            if data is None and self._empty is not None:
                data = self._empty()
            self._cache = data
            self._loaded = True
        return self._cache

    def load_from_disk(self) -> dict[str, Any] | None:
        """Parse the file strictly; None when it does not exist. Raises `FileDamaged`."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        return parse_strict(raw)

    def replace_cache(self, data: dict[str, Any] | None) -> None:
        """Adopt `data` as the current content (after validation or a migration)."""
        self._cache = data
        self._loaded = True

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            self.invalidate()
            raise StoreReadOnly()
        self._cache = data
        self._loaded = True
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        if self._cache is None:
            return
        try:
            if self._before_write is not None:
                self._before_write()
            atomic_write(self.path, dump_strict(self._cache))
        except OSError as error:
            self.invalidate()
            raise StoreWriteFailed(self.path, error.strerror or str(error)) from error
        except (TypeError, ValueError):
            self.invalidate()
            raise
        self._dirty = False

    def invalidate(self) -> None:
        """Forget the in-memory copy; the next read re-parses the file."""
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
