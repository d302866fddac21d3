"""A data folder that cannot be written opens read-only with a banner saying why.

Tests run as root, where permission bits do not stop writes: the read-only mount is
simulated by failing every open for writing under the data folder with EROFS.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from closure_tui.tui.screens.dashboard import DashboardScreen
from closure_tui.tui.widgets.banner import ReadOnlyBanner
from tests.tui.conftest import AppFactory
from tests.tui.helpers import notifications, running, screen_text, table_names

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


async def test_a_read_only_folder_opens_read_only_and_says_why(
    make_app: AppFactory, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only_mount(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & WRITE_FLAGS and os.fspath(path).startswith(str(filled)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_mount)
    app = make_app()
    async with running(app, size=(160, 32)) as pilot:
        await pilot.pause()
        assert app.read_only
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query(ReadOnlyBanner)
        text = screen_text(app)
        assert "Cannot write in" in text and "Read-only file system" in text
        assert len(table_names(app)) == 4
        assert app.perform(lambda service: service.add_platform("安逸花")) is None
        await pilot.pause()
        assert "Cannot write in" in notifications(app)[-1]
