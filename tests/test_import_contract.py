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


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each closure_tui module and the closure_tui modules it imports (anywhere in it).

    `from closure_tui.x import y` counts as importing the module `closure_tui.x.y` when
    there is one, else `closure_tui.x`."""
    known = {module_name(path): path for path in modules()}
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in known else node.module)
        graph[name] = {target for target in targets if target in known and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other() -> None:
    """Modules form a tree (imports inside functions count): a screen that needs the app
    uses `tui.app_protocol`, never the app module."""
    assert cycles(import_graph()) == []


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
