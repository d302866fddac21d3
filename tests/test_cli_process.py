"""The program as a process: version, entry points, import hygiene (no Textual, no files)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points, version
from pathlib import Path

import pytest

from tests.cli_helpers import ok

LAYERS = ("closure_tui.domain", "closure_tui.store", "closure_tui.services", "closure_tui.cli")


def python(code: str, *, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run `code` in a fresh interpreter; return its stdout (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_version_prints_the_package_version(data_dir: Path) -> None:
    assert ok(data_dir, "--version").strip() == f"closure-tui {version('closure-tui')}"
    assert not data_dir.exists()


def test_python_dash_m_runs_the_cli(data_dir: Path) -> None:
    assert "usage: closure-tui" in ok(data_dir, "--help")
    assert "蚂蚁借呗" in ok(data_dir, "add", "蚂蚁借呗")


def test_console_script_points_at_the_cli() -> None:
    [script] = [ep for ep in entry_points(group="console_scripts") if ep.name == "closure-tui"]
    assert script.value == "closure_tui.cli:main"
    installed = Path(sys.executable).parent / "closure-tui"
    if installed.exists():
        result = subprocess.run(
            [installed, "--version"], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == f"closure-tui {version('closure-tui')}"


RUN_AND_LIST_MODULES = """
    import json, runpy, sys
    sys.argv = ["closure-tui", *json.loads(sys.argv[1])]
    try:
        runpy.run_module("closure_tui", run_name="__main__")
    except SystemExit as exit:
        code = exit.code
    print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["add", "借呗"],
        ["show", "借呗", "--json"],
        ["tick", "借呗", "paid"],
        ["restore"],
        ["due"],
        ["--version"],
        ["add", "--help"],
    ],
)
def test_cli_commands_never_import_textual(data_dir: Path, args: list[str]) -> None:
    ok(data_dir, "add", "借呗")
    modules = _modules_loaded_by(data_dir, args)
    assert not [name for name in modules if name.split(".")[0] == "textual"]


def _modules_loaded_by(data_dir: Path, args: list[str]) -> list[str]:
    """Every module imported by one run of the program with `args`."""
    full = ["--data-dir", str(data_dir), *args]
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(RUN_AND_LIST_MODULES), json.dumps(full)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] in (0, 1, None), result.stderr
    return report["modules"]


#: What a quick read (`due` in a shell start-up file) has no use for, and what importing
#: it would cost: package metadata, mail parsing, TLS, archives, TOML, iCalendar, the
#: services of other commands.
HEAVY_MODULES = (
    "importlib.metadata",
    "email",
    "ssl",
    "socket",
    "zipfile",
    "platform",
    "tomllib",
    "tomlkit",
    "icalendar",
    "csv",
    "shutil",
    "secrets",
    "closure_tui.version",
    "closure_tui.services.reports",
    "closure_tui.services.backup",
    "closure_tui.services.calendar",
    "closure_tui.services.evidence",
    "closure_tui.services.doctor",
)


@pytest.mark.parametrize("args", [["due"], ["list"], ["reminders"], ["due", "--json"]])
def test_quick_reads_import_nothing_they_do_not_use(data_dir: Path, args: list[str]) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "2026-01-01", "催结清证明")
    modules = set(_modules_loaded_by(data_dir, args))
    assert "closure_tui.store.store" in modules
    assert [name for name in HEAVY_MODULES if name in modules] == []


def test_the_cli_offers_every_report_format() -> None:
    from closure_tui.services.report_formats import REPORT_FORMATS
    from closure_tui.services.reports import EXPORTERS

    assert sorted(REPORT_FORMATS) == sorted(EXPORTERS)


def test_core_layers_never_import_textual() -> None:
    modules = json.loads(
        python(
            f"""
            import importlib, json, pkgutil, sys
            for package in {LAYERS!r}:
                root = importlib.import_module(package)
                for info in pkgutil.walk_packages(root.__path__, package + "."):
                    importlib.import_module(info.name)
            print(json.dumps(sorted(sys.modules)))
            """
        )
    )
    assert "closure_tui.store.store" in modules and "closure_tui.cli.commands" in modules
    assert [name for name in modules if name.split(".")[0] == "textual"] == []


def test_importing_every_module_creates_no_files(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "cwd"
    home.mkdir()
    work.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "CLOSURE_TUI_DATA_DIR": str(tmp_path / "data"),
        "CLOSURE_TUI_CONFIG_DIR": str(tmp_path / "config"),
    }
    imported = python(
        """
        import importlib, pkgutil
        import closure_tui
        names = [info.name for info in pkgutil.walk_packages(closure_tui.__path__, "closure_tui.")]
        for name in names:
            if name != "closure_tui.__main__":
                importlib.import_module(name)
        print(len(names))
        """,
        cwd=work,
        env=env,
    )
    assert int(imported) > 20
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "cwd",
        "home",
    ]
