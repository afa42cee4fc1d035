"""Name the cycles of a plan whose links cannot be ordered (off the hot path: networkx)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from mgmt_tools._arrays import IndexArray
from mgmt_tools._validation import Locating, locate
from mgmt_tools.errors import CycleError, Problem
from mgmt_tools.locale import _
from mgmt_tools.pert.model import Plan
from mgmt_tools.pert.network import Network

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["cycle_error", "cycle_problems"]


_MAX_CYCLES = 20


def cycle_error(plan: Plan, network: Network, ordered: IndexArray) -> CycleError:
    """A :class:`CycleError` naming one cycle per strongly connected group of tasks.

    ``ordered`` lists the nodes the topological sweep could order; the cycles lie among the
    others. Each cycle is reported at the ``depends_on`` entry of a link of the plan that
    closes it, written ``A -> C -> B -> A`` in the direction of the links (predecessor first);
    a group on the cycle appears by its id.
    """

    def path_of(link: int) -> tuple[str | int, ...]:
        successor = int(plan.link_succ[link])
        return (*plan.entry_path(successor), "depends_on", int(plan.link_position[link]))

    problems, cycle = cycle_problems(network, path_of, ordered, plan.source)
    return CycleError(problems, cycle)


def cycle_problems(
    network: Network,
    path_of: Callable[[int], tuple[str | int, ...]],
    ordered: IndexArray,
    where: Locating | None,
) -> tuple[list[Problem], list[str]]:
    """The located problems for the cycles among the nodes not in ``ordered``, and the first
    cycle as ids (its first one repeated at the end). ``path_of`` places a declared link."""
    import networkx as nx

    pred, succ = network.pred, network.succ
    stuck = np.ones(network.node_count, dtype=bool)
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
        names = _without_repeats([network.labels[node] for node in cycle])
        text = " -> ".join([*names, names[0]])
        steps = list(zip(cycle, [*cycle[1:], cycle[0]], strict=True))
        declared = [
            graph.edges[a, b]["link"]
            for a, b in steps
            if graph.edges[a, b]["link"] < network.declared
        ]
        closing = declared[-1]  # structural links alone never form a cycle
        path = path_of(closing)
        message = _("cycle: {cycle}").format(cycle=text)
        problems.append(locate(where, path, message))
        first = first or [*names, names[0]]
    return problems, first


def _without_repeats(names: list[str]) -> list[str]:
    """Drop a name equal to the one before it (a group's start and finish both show its id)."""
    kept = [name for number, name in enumerate(names) if number == 0 or name != names[number - 1]]
    if len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    return kept


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
