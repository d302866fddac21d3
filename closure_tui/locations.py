"""Where things live on disk. Pure path arithmetic: nothing is created at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "closure-tui"
DATA_ENV = "CLOSURE_TUI_DATA_DIR"
CONFIG_ENV = "CLOSURE_TUI_CONFIG_DIR"


def data_dir(
    override: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """`--data-dir`, else $CLOSURE_TUI_DATA_DIR, else the platform's user data directory."""
    environ = os.environ if env is None else env
    chosen = override or environ.get(DATA_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_file(
    override: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """`config.toml` in $CLOSURE_TUI_CONFIG_DIR or the platform's user config directory."""
    environ = os.environ if env is None else env
    chosen = override or environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser() / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def documents_dir() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())
