"""The modules of Karar import each other without cycles at run time: a module that needs
one above it (a renderer reaching up into start-up) is a layering defect, even when the
import hides inside a function."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import karar

PACKAGE = Path(karar.__file__).parent


def karar_modules() -> dict[str, Path]:
    """Every module of the ``karar`` package (source tree), by dotted name."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["karar", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def run_time_imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Which karar modules each one imports when it runs: at module level or inside a
    function (a lazy import still runs), but not under ``if TYPE_CHECKING:``."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        stack: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
        while stack:
            for child in ast.iter_child_nodes(stack.pop()):
                if isinstance(child, ast.If) and _is_type_checking(child):
                    stack.extend(child.orelse)
                    continue
                if isinstance(child, ast.Import):
                    imported.update(a.name for a in child.names if a.name in modules)
                elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                    for alias in child.names:
                        full = f"{child.module}.{alias.name}"
                        if full in modules:
                            imported.add(full)
                        elif child.module in modules:
                            imported.add(child.module)
                stack.append(child)
        imported.discard(name)
        graph[name] = imported
    return graph


def test_every_module_imports() -> None:
    """Every module imports, in a fresh interpreter (so the graph below covers the real
    modules, and none is broken by the order it is first imported in)."""
    names = sorted(set(karar_modules()) - {"karar.__main__"})  # that one runs the command
    code = (
        "import importlib, json, sys\n"
        "for name in json.loads(sys.argv[1]):\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(names)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(names) > 30


def test_no_import_cycles_at_run_time() -> None:
    graph = run_time_imports(karar_modules())
    # The graph sees imports inside functions: those are where cycles hide.
    assert "karar.ui.scene" in graph["karar.ui.export"]
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as err:
        cycle = " -> ".join(reversed(err.args[1]))  # graphlib lists dependencies first
        raise AssertionError(f"import cycle (A -> B: A imports B): {cycle}") from None
    assert set(order) == set(graph)


def test_the_renderer_does_not_reach_up_into_start_up() -> None:
    graph = run_time_imports(karar_modules())
    below_export = set()
    todo = ["karar.ui.export"]
    while todo:
        for imported in graph[todo.pop()] - below_export:
            below_export.add(imported)
            todo.append(imported)
    assert not below_export & {"karar.ui.app", "karar.ui.mainwindow", "karar.cli"}


def test_a_picture_export_loads_only_what_it_draws(tmp_path: Path) -> None:
    """``karar export -o x.png`` starts fast: the text report and the undo commands (with
    the widget helpers they pull in) load when they are used, not for a picture."""
    out = tmp_path / "x.png"
    code = (
        "import sys; from karar.cli import main; "
        f"rc = main(['export', '-o', {str(out)!r}]); "
        "lazy = ('karar.core.report', 'karar.ui.commands', 'karar.ui.plaintext', 'difflib'); "
        "print(rc, [m for m in lazy if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr[-2000:]
    assert out.stat().st_size > 0
