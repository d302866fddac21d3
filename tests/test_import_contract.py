"""The layers hold by themselves: a module that imports across them fails here, whatever
the reviewer noticed. `domain` is pure (the standard library and itself), the command line
and the terminal app reach the data only through `services`, and only `tui` uses Textual."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "closure_tui"


def imported(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function (absolute names)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            names.add(node.module or "")
    return names


def modules(layer: str = "") -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def breaking(paths: list[Path], allowed: Callable[[str], bool]) -> list[str]:
    """`path: module` for each import `allowed(module)` refuses."""
    return [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in paths
        for name in sorted(imported(path))
        if not allowed(name)
    ]


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def test_domain_imports_only_the_standard_library_and_itself() -> None:
    def allowed(name: str) -> bool:
        return name.startswith("closure_tui.domain") or (
            _top(name) in sys.stdlib_module_names or name == "__future__"
        )

    assert breaking(modules("domain"), allowed) == []


@pytest.mark.parametrize("layer", ["cli", "tui"])
def test_the_interfaces_reach_the_store_only_through_services(layer: str) -> None:
    def allowed(name: str) -> bool:
        return not (name == "closure_tui.store" or name.startswith("closure_tui.store."))

    assert breaking(modules(layer), allowed) == []


def test_only_the_terminal_app_imports_textual() -> None:
    outside = [path for path in modules() if PACKAGE / "tui" not in path.parents]
    assert breaking(outside, lambda name: _top(name) != "textual") == []


def test_an_import_inside_a_function_counts_too(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import textual.app\n\n\ndef later():\n    from closure_tui.store import codec\n",
        encoding="utf-8",
    )
    assert imported(sample) == {"textual.app", "closure_tui.store"}
