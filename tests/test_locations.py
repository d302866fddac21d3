"""Where the data lives: --data-dir, then $CLOSURE_TUI_DATA_DIR, then the platform's data dir."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from closure_tui import locations


def test_flag_wins_over_environment(tmp_path: Path) -> None:
    env = {"CLOSURE_TUI_DATA_DIR": str(tmp_path / "env")}
    assert locations.data_dir(tmp_path / "flag", env) == tmp_path / "flag"
    assert locations.data_dir(None, env) == tmp_path / "env"


def test_default_is_the_user_data_directory_and_nothing_is_created(tmp_path: Path) -> None:
    chosen = locations.data_dir(None, {})
    assert chosen.name == "closure-tui"
    assert chosen.parent == Path(user_data_dir())
    assert not chosen.exists()


def test_tests_never_point_at_the_real_home(isolated_environment: Path) -> None:
    assert locations.data_dir().is_relative_to(isolated_environment)
    assert locations.config_file().is_relative_to(isolated_environment)
