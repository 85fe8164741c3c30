"""No import cycles in app/: the graph of its modules, read from the source (ast), has none.

A cycle held open by an import moved inside a function is still a cycle (the two modules cannot
be understood or tested apart, and the import fails or half-runs as soon as someone moves it up),
so the second test counts those imports too. Imports under ``if TYPE_CHECKING:`` never run and
are left out. (app/excel's importer ↔ handlers ↔ import_* cycle ended when the handler contract
and the report moved to app/excel/handler.py.)
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module of app/: dotted name → (file, is a package's __init__)."""
    found = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts.pop()
        found[".".join(parts)] = (path, package)
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(body: list[ast.stmt], *, in_functions: bool) -> list[ast.Import | ast.ImportFrom]:
    """The import statements that run: at module level (also inside if/try/with), and with
    ``in_functions`` those inside functions and classes too; never under ``if TYPE_CHECKING``."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                found += _imports(node.body, in_functions=in_functions)
            found += _imports(node.orelse, in_functions=in_functions)
        elif isinstance(node, ast.Try):
            for block in (node.body, *(h.body for h in node.handlers), node.orelse, node.finalbody):
                found += _imports(block, in_functions=in_functions)
        elif isinstance(node, ast.With):
            found += _imports(node.body, in_functions=in_functions)
        elif in_functions and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found += _imports(node.body, in_functions=True)
        elif in_functions and isinstance(node, ast.For | ast.While):
            found += _imports(node.body + node.orelse, in_functions=True)
    return found


def _graph(*, in_functions: bool) -> dict[str, set[str]]:
    """Module → the app modules it imports (``from .pkg import name`` counts as importing
    ``pkg.name`` if that is a module, else ``pkg``)."""
    modules = _modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, (path, package) in modules.items():
        here = name if package else name.rpartition(".")[0]
        edges: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _imports(tree.body, in_functions=in_functions):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = here
                    for _ in range(node.level - 1):
                        anchor = anchor.rpartition(".")[0]
                    base = f"{anchor}.{base}" if base else anchor
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            edges |= {t for t in map(known, targets) if t is not None and t.split(".")[0] == "app"}
        edges.discard(name)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_app_has_no_import_cycle_at_module_level() -> None:
    assert _cycles(_graph(in_functions=False)) == []


def test_imports_inside_functions_count_and_those_for_type_checking_do_not() -> None:
    source = "import a\nif TYPE_CHECKING:\n    import b\ndef f():\n    from .c import d\n"
    names = [n.names[0].name for n in _imports(ast.parse(source).body, in_functions=True)]
    assert names == ["a", "d"]
    assert [n.names[0].name for n in _imports(ast.parse(source).body, in_functions=False)] == ["a"]


def test_app_has_no_import_cycle_even_through_imports_inside_functions() -> None:
    assert _cycles(_graph(in_functions=True)) == []
