"""Entry point from the CLI into the TUI."""

from __future__ import annotations

import sys
from pathlib import Path

from closure_tui.domain.clock import Clock
from closure_tui.i18n import t


def launch(*, data_dir: Path, lang: str | None, clock: Clock) -> int:
    print(t("cli.tui_pending"), file=sys.stderr)
    return 1
