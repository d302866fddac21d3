"""Entry point from the CLI into the TUI."""

from __future__ import annotations

import gc
from pathlib import Path

from closure_tui.domain.clock import Clock


def launch(*, data_dir: Path, lang: str | None, clock: Clock) -> int:
    """Run the app. The cyclic garbage collector waits until the first frame is drawn.

    Start-up builds tens of thousands of long-lived objects (Textual, the styles,
    the decoded store); the collector kept re-scanning them, about 4% of the time
    to the first frame. The app resumes it after that frame (`resume_gc`), with the
    start-up objects frozen out of later scans.
    """
    gc.disable()
    try:
        from closure_tui.tui.app import create_app

        app = create_app(data_dir=data_dir, clock=clock, lang=lang)
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


def resume_gc() -> None:
    """After the first frame: freeze what start-up built, then collect as usual again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
