"""Helpers shared by the store tests: opening a store and writing raw data files."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from closure_tui.domain.clock import Clock, FixedClock
from closure_tui.domain.platform import Platform
from closure_tui.store.journal import Journal
from closure_tui.store.journaled import read_segments
from closure_tui.store.storage import parse_strict
from closure_tui.store.store import Store

DAY = date(2026, 11, 29)


@contextmanager
def opened(data_dir: Path, clock: FixedClock, *, writable: bool = True) -> Iterator[Store]:
    store = Store.open(data_dir, clock, writable=writable)
    try:
        yield store
    finally:
        store.close()


def add_platform(store: Store, name: str, **fields: Any) -> Platform:
    return store.platforms.insert(
        lambda new_id: Platform(id=new_id, name=name, created_on=DAY, **fields)
    )


def stored(data_dir: Path, name: str) -> dict[str, Any]:
    """A data file's content as the store reads it: a base file with its segments replayed."""
    data = parse_strict((data_dir / name).read_bytes())
    read_segments(Journal(data_dir, name), data, data_dir / "backups")
    return data


def compacted(data_dir: Path, clock: Clock) -> None:
    """Fold the journals, so that editing a base file edits every record (damage tests)."""
    with opened(data_dir, clock) as store:
        store.compact()


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def v1_platform(name: str = "借呗", **extra: Any) -> dict[str, Any]:
    """A minimal valid stored platform document (schema 1)."""
    return {"name": name, "kind": "online_loan", "created_on": "2026-01-02", **extra}


def v1_file(platforms: dict[str, Any] | None = None, **tables: Any) -> dict[str, Any]:
    return {"_meta": {"1": {"schema": 1}}, "platforms": platforms or {}, **tables}


def mode(path: Path) -> int:
    """Permission bits of `path`, e.g. 0o600."""
    return stat.S_IMODE(path.stat().st_mode)
