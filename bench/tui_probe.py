"""Timings taken inside the TUI with Textual's Pilot; prints one JSON object.

    python bench/tui_probe.py tick DATA_DIR SAMPLES     keypress (space) -> change and its
                                                        history entry durable
    python bench/tui_probe.py filter DATA_DIR QUERY     each filter keystroke -> repainted

`tick` needs a platform whose only step to do is `negotiated` (run.py adds one
named `BENCH`), so that space ticks without a confirmation and unticks again.
Prints {"samples": [seconds, ...]} or {"missing": "why"} when the TUI lacks it.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
import time
from datetime import datetime
from pathlib import Path

SIZE = (120, 40)


def _app(data_dir: Path):  # type: ignore[no-untyped-def]
    from closure_tui.domain.clock import FixedClock
    from closure_tui.tui.app import create_app

    config = data_dir.parent / "probe-config.toml"
    return create_app(
        data_dir=data_dir, clock=FixedClock(datetime(2026, 6, 1, 9)), lang="en", config_path=config
    )


async def tick_samples(data_dir: Path, count: int) -> dict:
    if importlib.util.find_spec("closure_tui.tui.screens.platform") is None:
        return {"missing": "no platform screen"}
    from closure_tui.store import journal, storage
    from closure_tui.tui.screens.platform import PlatformScreen

    written: list[float] = []
    atomic_write, append_durable = storage.atomic_write, journal.append_durable

    def timed_write(path: Path, data: bytes) -> None:
        atomic_write(path, data)
        written.append(time.perf_counter())

    def timed_append(path: Path, data: bytes) -> None:
        append_durable(path, data)
        written.append(time.perf_counter())

    storage.atomic_write = timed_write  # type: ignore[assignment]
    journal.append_durable = timed_append  # type: ignore[assignment]
    app = _app(data_dir)
    samples: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        target = app.service.resolve("BENCH")  # type: ignore[union-attr]
        await app.push_screen(PlatformScreen(target.id))
        await pilot.pause()
        for _ in range(count):
            before = len(written)
            started = time.perf_counter()
            await pilot.press("space")
            await pilot.pause()
            if len(written) == before:
                return {"missing": "space did not save"}
            samples.append(written[-1] - started)  # the change, then its history entry
    return {"samples": samples}


async def filter_samples(data_dir: Path, query: str) -> dict:
    from textual.widgets import Input

    app = _app(data_dir)
    samples: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        if not isinstance(app.focused, Input):
            return {"missing": "no filter on the dashboard"}
        for char in query:
            started = time.perf_counter()
            await pilot.press(char)
            await pilot.pause()
            samples.append(time.perf_counter() - started)
    return {"samples": samples}


def main(argv: list[str]) -> int:
    mode, data_dir = argv[0], Path(argv[1])
    if mode == "tick":
        result = asyncio.run(tick_samples(data_dir, int(argv[2])))
    else:
        result = asyncio.run(filter_samples(data_dir, argv[2]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
