"""Tick-to-durable through the services, against the same update through stock TinyDB.

The baseline keeps every table in one file, as TinyDB's `JSONStorage` would, and
re-reads and rewrites it on every operation (without even an fsync).
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import STAGE_ORDER, StageKey
from closure_tui.services.session import open_closures
from closure_tui.store.codec import encode_platform
from closure_tui.store.datafiles import read_replayed

TARGET = "BENCH"


def add_tick_target(data_dir: Path) -> None:
    """A platform whose only step to do is `negotiated`, its pay-by date already recorded:
    ticking it asks nothing (no confirmation, no pay-by date)."""
    clock = FixedClock(datetime(2026, 6, 1, 9, 0))
    service = open_closures(data_dir, clock, writable=True)
    try:
        platform = service.add_platform(TARGET, settled="1000").value
        for key in STAGE_ORDER[1:]:
            service.tick(platform.id, key)
        service.set_evidence(platform.id, StageKey.NEGOTIATED, {"pay_by": "2026-06-08"})
    finally:
        service.store.close()


def stock_copy(data_dir: Path, target: Path) -> Path:
    """All tables of `data_dir` in one file, written the way stock TinyDB writes it."""
    merged: dict = {}
    for name in ("closure.json", "notes.json"):
        merged.update(read_replayed(data_dir / name))  # the base and its segments
    target.write_text(json.dumps(merged), encoding="utf-8")
    return target


def alternate_ticks(
    data_dir: Path, stock_file: Path | None, count: int
) -> tuple[list[float], list[float]]:
    """`count` samples each, A then B in turn: (closure-tui seconds, stock TinyDB seconds).

    Without `stock_file` only closure-tui is measured.
    """
    clock = FixedClock(datetime(2026, 6, 1, 9, 0))
    service = open_closures(data_dir, clock, writable=True)
    stock = TinyDB(stock_file) if stock_file else None
    ours: list[float] = []
    theirs: list[float] = []
    try:
        platform = service.resolve(TARGET)
        for index in range(count):
            change = service.untick if index % 2 else service.tick
            started = time.perf_counter()
            updated = change(platform.id, StageKey.NEGOTIATED).value
            ours.append(time.perf_counter() - started)
            if stock is None:
                continue
            doc = encode_platform(updated)
            started = time.perf_counter()
            stock.table("platforms").update(doc, doc_ids=[platform.id])
            theirs.append(time.perf_counter() - started)
    finally:
        if stock is not None:
            stock.close()
        service.store.close()
    return ours, theirs
