"""Name the cycles of a plan whose links cannot be ordered (off the hot path: networkx)."""

from __future__ import annotations

import numpy as np

from mgmt_tools.errors import CycleError, Problem
from mgmt_tools.pert.model import Plan

__all__ = ["cycle_error"]

_MAX_CYCLES = 20


def cycle_error(plan: Plan, ordered: np.ndarray) -> CycleError:
    """A :class:`CycleError` naming one cycle per strongly connected group of tasks.

    ``ordered`` lists the tasks the topological sweep could order; the cycles lie among the
    others. Each cycle is reported at the ``depends_on`` entry of the link that closes it,
    written ``A -> C -> B -> A`` in the direction of the links (predecessor first).
    """
    import networkx as nx

    stuck = np.ones(plan.task_count, dtype=bool)
    stuck[ordered] = False
    keep = np.flatnonzero(stuck[plan.link_pred] & stuck[plan.link_succ])
    graph = nx.DiGraph()
    for number in keep.tolist():
        graph.add_edge(int(plan.link_pred[number]), int(plan.link_succ[number]), link=number)
    problems: list[Problem] = []
    first: list[str] = []
    groups = sorted((sorted(group) for group in nx.strongly_connected_components(graph)
                     if len(group) > 1 or graph.has_edge(next(iter(group)), next(iter(group)))),
                    key=lambda group: group[0])
    for group in groups[:_MAX_CYCLES]:
        cycle = _shortest_cycle(graph, group)
        names = [plan.ids[task] for task in cycle]
        text = " -> ".join([*names, names[0]])
        closing = graph.edges[cycle[-1], cycle[0]]["link"]
        successor = int(plan.link_succ[closing])
        path = ("tasks", successor, "depends_on", int(plan.link_position[closing]))
        message = f"cycle: {text}"
        problems.append(plan.source.problem(path, message) if plan.source is not None
                        else Problem(message, path))
        first = first or [*names, names[0]]
    return CycleError(problems, first)


def _shortest_cycle(graph: object, group: list[int]) -> list[int]:
    """The shortest cycle through the group's first task (in input order)."""
    import networkx as nx

    assert isinstance(graph, nx.DiGraph)
    start = group[0]
    if graph.has_edge(start, start):
        return [start]
    best: list[int] | None = None
    for successor in sorted(graph.successors(start)):
        if successor not in group:
            continue
        try:
            path = nx.shortest_path(graph.subgraph(group), successor, start)
        except nx.NetworkXNoPath:
            continue
        if best is None or len(path) < len(best):
            best = path
    assert best is not None
    return [start, *best[:-1]]
