"""Name the cycles of a plan whose links cannot be ordered (off the hot path: networkx)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from mgmt_tools._validation import Locating
from mgmt_tools.errors import CycleError, Problem
from mgmt_tools.pert.model import Plan

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["cycle_error", "cycle_problems"]

IndexArray = npt.NDArray[np.int64]

_MAX_CYCLES = 20


def cycle_error(plan: Plan, ordered: IndexArray) -> CycleError:
    """A :class:`CycleError` naming one cycle per strongly connected group of tasks.

    ``ordered`` lists the tasks the topological sweep could order; the cycles lie among the
    others. Each cycle is reported at the ``depends_on`` entry of the link that closes it,
    written ``A -> C -> B -> A`` in the direction of the links (predecessor first).
    """
    problems, cycle = cycle_problems(
        plan.ids, plan.link_pred, plan.link_succ, plan.link_position, ordered, plan.source
    )
    return CycleError(problems, cycle)


def cycle_problems(
    ids: list[str],
    pred: IndexArray,
    succ: IndexArray,
    position: IndexArray,
    ordered: IndexArray,
    where: Locating | None,
) -> tuple[list[Problem], list[str]]:
    """The located problems for the cycles among the tasks not in ``ordered``, and the first
    cycle as ids (its first task repeated at the end)."""
    import networkx as nx

    stuck = np.ones(len(ids), dtype=bool)
    stuck[ordered] = False
    keep = np.flatnonzero(stuck[pred] & stuck[succ])
    graph: nx.DiGraph[int] = nx.DiGraph()
    for number in keep.tolist():
        graph.add_edge(int(pred[number]), int(succ[number]), link=number)
    problems: list[Problem] = []
    first: list[str] = []
    groups = sorted(
        (
            sorted(group)
            for group in nx.strongly_connected_components(graph)
            if len(group) > 1 or graph.has_edge(next(iter(group)), next(iter(group)))
        ),
        key=lambda group: group[0],
    )
    for group in groups[:_MAX_CYCLES]:
        cycle = _shortest_cycle(graph, group)
        names = [ids[task] for task in cycle]
        text = " -> ".join([*names, names[0]])
        closing = graph.edges[cycle[-1], cycle[0]]["link"]
        path = ("tasks", int(succ[closing]), "depends_on", int(position[closing]))
        message = f"cycle: {text}"
        problems.append(
            where.problem(path, message) if where is not None else Problem(message, path)
        )
        first = first or [*names, names[0]]
    return problems, first


def _shortest_cycle(graph: nx.DiGraph[int], group: list[int]) -> list[int]:
    """The shortest cycle through the group's first task (in input order)."""
    import networkx as nx

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
