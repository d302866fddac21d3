"""A `config.toml` nested deeper than Python can parse is reported; the defaults are used."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from closure_tui.config import load_config
from closure_tui.i18n import describe
from tests.cli_inprocess import Ran, in_process

DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


def test_a_too_deep_config_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(DEEP, encoding="utf-8")
    loaded = load_config(path)
    assert loaded.config == load_config(tmp_path / "missing.toml").config
    assert [describe(p.key, p.params) for p in loaded.problems] == [
        f"{path}: nested too deeply to read"
    ]


def test_tick_works_with_the_defaults(data_dir: Path, run: Callable[..., Ran]) -> None:
    config = Path(os.environ["CLOSURE_TUI_CONFIG_DIR"]) / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(DEEP, encoding="utf-8")
    assert run(data_dir, "add", "借呗").returncode == 0
    ticked = run(data_dir, "tick", "借呗", "paid")
    assert ticked.returncode == 0, ticked.stderr
    assert run(data_dir, "reminders", "--json").stdout.count('"certificate"') >= 1
