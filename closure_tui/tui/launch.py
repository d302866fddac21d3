"""Entry point from the CLI into the TUI."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.clock import Clock


def launch(*, data_dir: Path, lang: str | None, clock: Clock) -> int:
    """Run the app. The CLI entry has paused the cyclic garbage collector; the app
    resumes it once its first frame is drawn (`collector.resume_collector`)."""
    from closure_tui.tui.app import create_app

    app = create_app(data_dir=data_dir, clock=clock, lang=lang)
    app.run()
    return app.return_code or 0
