"""No import cycle in the library, at module level or inside functions (DESIGN.md: imports
flow one way, cli -> methods -> io/render/charts/text -> engine/result -> model).

Every ``import`` statement counts, wherever it stands (a function body, ``TYPE_CHECKING``):
an import hidden in a function is still a dependency, and a cycle through it is still a
tangle. Modules named in strings (the registry's ``"module:function"``) are not imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "mgmt_tools"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _target(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours that ``name`` (a module or a module's attribute) lives in."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph() -> nx.DiGraph[str]:
    """Module -> every module of ours it imports, anywhere in its text."""
    modules = _modules()
    graph: nx.DiGraph[str] = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                found = _target(target, modules)
                if found is not None and found != name:
                    graph.add_edge(name, found)
    return graph


def test_the_graph_sees_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("mgmt_tools.pert.io", "mgmt_tools.pert.model")
    assert graph.has_edge("mgmt_tools.render.display", "mgmt_tools.methods")  # inside a function


def test_no_import_cycle() -> None:
    cycles = sorted(nx.simple_cycles(import_graph()), key=len)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles[:10])


def test_the_registry_imports_no_method() -> None:
    """The registry names its methods' functions as text, so it reaches no method package
    (and `mgmt --help`, which reads it, loads none of them)."""
    from mgmt_tools.methods import METHODS

    reached = nx.descendants(import_graph(), "mgmt_tools.methods")
    packages = {method.package for method in METHODS.values()}
    assert not {m for m in reached if any(m.startswith(p) for p in packages)}
    # only the cross-cutting modules (reading, errors, limits, JSON, the language, the shared
    # writers such as the workbook every method writes), never a package of methods
    allowed = ("mgmt_tools._", "mgmt_tools.registry", "mgmt_tools.render", "mgmt_tools.locale")
    shared = ("mgmt_tools.errors", "mgmt_tools.limits")
    assert all(m in shared or m.startswith(allowed) for m in reached), reached


def test_results_do_not_import_their_presentation() -> None:
    graph = import_graph()
    presentation = ("render", "charts", "chart", "text", "summary", "view", "gantt", "risk")
    for module in graph:
        if module.rsplit(".", 1)[-1] != "result":
            continue
        package = module.rsplit(".", 1)[0]
        reached = nx.descendants(graph, module)
        bad = [m for m in reached if m.startswith(package) and m.rsplit(".", 1)[-1] in presentation]
        assert not bad, f"{module} reaches {bad}"


def test_cross_cutting_modules_reach_no_method() -> None:
    """The shared modules (``mgmt_tools._*``, errors) serve every method and know none: a rule
    of one method lives in its package (pert's repeated links in ``pert/repeats.py``)."""
    from mgmt_tools.methods import METHODS

    graph = import_graph()
    packages = tuple({method.package + "." for method in METHODS.values()})
    for module in graph:
        if module == "mgmt_tools.errors" or module.startswith("mgmt_tools._"):
            reached = [m for m in nx.descendants(graph, module) if m.startswith(packages)]
            assert not reached, f"{module} reaches {reached}"
