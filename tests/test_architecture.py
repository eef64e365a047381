"""The import graph of the tree: arrows between the top-level packages run one way.

Reads every module with `ast` (nothing is imported) and builds the graph of imports between
the project's top-level packages; a cycle, or an arrow against the layering below, fails.
Layers, bottom first: core; nlp and pages (the page cascade) on core; models on nlp;
crawlers on pages and nlp; timeline (storage and the jobs) over all of them; pipeline.py on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "nlp", "pages", "models", "timeline", "crawlers")
# Which package may import which (its own name aside). Anything else is an arrow upwards.
ALLOWED = {
    "core": set(),
    "nlp": {"core"},
    "pages": {"core"},
    "models": {"core", "nlp"},
    "timeline": {"core", "nlp", "pages", "models", "crawlers"},
    "crawlers": {"core", "nlp", "pages"},
}


def imported_packages(path: Path) -> set[str]:
    """Top-level project packages that a module imports (anywhere in it)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & set(PACKAGES)
    return found


def package_graph() -> dict[str, dict[str, list[str]]]:
    """{package: {imported package: [modules that import it]}}"""
    graph: dict[str, dict[str, list[str]]] = {name: {} for name in PACKAGES}
    for name in PACKAGES:
        for module in sorted((ROOT / name).rglob("*.py")):
            for target in imported_packages(module) - {name}:
                graph[name].setdefault(target, []).append(str(module.relative_to(ROOT)))
    return graph


def find_cycle(graph: dict[str, dict]) -> list[str] | None:
    """One cycle of the graph as a list of nodes, or None."""
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in graph.get(node, {}):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt, path + [nxt])):
                return cycle
        state[node] = 2
        return None

    for start in graph:
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def test_find_cycle_sees_a_cycle_and_a_clean_graph():
    assert find_cycle({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": []}, "b": {}, "c": {"a": []}}) is None


def test_imported_packages_reads_every_import_form(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\nimport nlp.events\nfrom core.errors import X\n"
                      "def f():\n    from timeline import store\nfrom . import sibling\n")
    assert imported_packages(module) == {"nlp", "core", "timeline"}


def test_no_import_cycle_between_top_level_packages():
    graph = package_graph()
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or []) + f": {graph}"


def test_every_arrow_runs_down_the_layers():
    wrong = {(src, dst): mods for src, targets in package_graph().items()
             for dst, mods in targets.items() if dst not in ALLOWED[src]}
    assert not wrong, wrong


def test_core_imports_nothing_of_the_project_but_itself():
    assert package_graph()["core"] == {}


def test_every_top_level_package_of_the_tree_is_walked():
    """A new package left out of PACKAGES would escape the cycle test."""
    on_disk = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert on_disk - {"tests", "benchmarks", "data"} == set(PACKAGES)
