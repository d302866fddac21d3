"""Shared fixtures. Every test runs with its own data and config directories, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from closure_tui import i18n
from closure_tui.domain.clock import FixedClock

FIXED_NOW = datetime(2026, 11, 29, 9, 30, 0)


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every location the app could use at a temporary home, and reset the language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("CLOSURE_TUI_DATA_DIR", str(home / "closure-data"))
    monkeypatch.setenv("CLOSURE_TUI_CONFIG_DIR", str(home / "closure-config"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    i18n.set_language("en")
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The common default umask, under which the app must still create private files."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
