"""Critical paths: maximal chains of critical tasks joined by driving links.

A path starts at a critical task that no driving link from a critical task enters, and ends at
a critical task finishing at T that no driving link to a critical task leaves. Paths are listed
in input order of their first differing task; they can be exponentially many, so they are
counted by dynamic programming and only the first ``limit`` are spelled out. The PERT variance
of the worst path is found by the same dynamic programming, without listing paths.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["CriticalGraph", "critical_graph"]

# Which end of a task a link leaves from (predecessor side) and enters at (successor side):
# FS, SS, FF, SF. 0 = start, 1 = finish.
_LEAVES_AT = (1, 0, 1, 0)
_ENTERS_AT = (0, 0, 1, 1)


@dataclass
class CriticalGraph:
    """The critical tasks and the driving links between them, as Python adjacency lists."""

    children: dict[int, list[tuple[int, int]]]
    """task -> [(successor, link type)], successors in input order."""
    sources: list[int]
    sinks: set[int]
    order: list[int]
    """The critical tasks in topological order."""

    def successors(self, task: int) -> list[int]:
        """The critical successors of ``task`` over driving links, each once, in input order."""
        return list(dict.fromkeys(child for child, _ in self.children.get(task, ())))

    def count_paths(self) -> int:
        """How many critical paths there are (exact, however many)."""
        count: dict[int, int] = {}
        for task in reversed(self.order):
            below = sum(count[child] for child in self.successors(task))
            count[task] = below + (1 if task in self.sinks else 0)
        return sum(count[source] for source in self.sources)

    def paths(self, limit: int) -> list[list[int]]:
        """The first ``limit`` paths in input order of their first differing task."""
        reaches = self._reaches_sink()
        found: list[list[int]] = []
        for source in self.sources:
            if not reaches.get(source):
                continue
            path = [source]
            stack = [iter(self.successors(source))]
            while stack and len(found) < limit:
                if path[-1] in self.sinks:
                    found.append(list(path))
                step = next((c for c in stack[-1] if reaches.get(c)), None)
                if path[-1] in self.sinks or step is None:
                    stack.pop()
                    path.pop()
                    continue
                path.append(step)
                stack.append(iter(self.successors(step)))
            if len(found) >= limit:
                break
        return found

    def _reaches_sink(self) -> dict[int, bool]:
        reaches: dict[int, bool] = {}
        for task in reversed(self.order):
            reaches[task] = task in self.sinks or any(
                reaches[child] for child, _ in self.children.get(task, ())
            )
        return reaches

    def worst_variance(self, variance: npt.NDArray[np.float64]) -> float:
        """The largest PERT variance of a critical path.

        A task's variance counts when the path enters it at one end and leaves at the other
        (the path then spans its duration); a first task is entered at its start, a last task
        left at its finish.
        """
        best: dict[tuple[int, int], float] = {}
        minus = float("-inf")
        for task in reversed(self.order):
            own = float(variance[task])
            for entered in (0, 1):
                value = (own if entered == 0 else 0.0) if task in self.sinks else minus
                for child, kind in self.children.get(task, ()):
                    below = best[(child, _ENTERS_AT[kind])]
                    if below == minus:
                        continue
                    spans = own if entered != _LEAVES_AT[kind] else 0.0
                    value = max(value, spans + below)
                best[(task, entered)] = value
        values = [best[(source, 0)] for source in self.sources if best[(source, 0)] > minus]
        return max(values) if values else 0.0


def critical_graph(
    critical: npt.NDArray[np.bool_],
    finishes_last: npt.NDArray[np.bool_],
    pred: npt.NDArray[np.int64],
    succ: npt.NDArray[np.int64],
    kind: npt.NDArray[np.int8],
    driving: npt.NDArray[np.bool_],
    order: npt.NDArray[np.int64],
    task_count: int | None = None,
) -> CriticalGraph:
    """Build the critical subgraph over the tasks from the schedule's masks.

    Nodes from ``task_count`` on are hidden (a group's start and finish): a chain through
    them joins the tasks at its ends, as a link leaving the first task where the chain's first
    link leaves it and entering the last where the chain's last link enters.
    """
    n = len(critical) if task_count is None else task_count
    keep = np.flatnonzero(driving & critical[pred] & critical[succ])
    keep = keep[np.lexsort((succ[keep], pred[keep]))]
    raw: dict[int, list[tuple[int, int]]] = {}
    for p, s, k in zip(pred[keep].tolist(), succ[keep].tolist(), kind[keep].tolist(), strict=True):
        raw.setdefault(p, []).append((s, k))
    children = raw if n == len(critical) else _contract(raw, n)
    entered = np.zeros(n, dtype=bool)
    left = np.zeros(n, dtype=bool)
    for task, below in children.items():
        left[task] = True
        for child, _ in below:
            entered[child] = True
    critical_tasks = critical[:n]
    sources = np.flatnonzero(critical_tasks & ~entered).tolist()
    sinks = set(np.flatnonzero(critical_tasks & finishes_last[:n] & ~left).tolist())
    crit_order = [node for node in order[critical[order]].tolist() if node < n]
    return CriticalGraph(children, sources, sinks, crit_order)


def _contract(raw: dict[int, list[tuple[int, int]]], n: int) -> dict[int, list[tuple[int, int]]]:
    """Children of tasks with chains through hidden nodes replaced by the tasks they reach."""
    reached: dict[int, list[tuple[int, int]]] = {}

    def through(node: int) -> list[tuple[int, int]]:
        """(task, type of the chain's last link) reached from hidden ``node``."""
        if node not in reached:
            found: list[tuple[int, int]] = []
            for child, kind in raw.get(node, ()):
                found.extend([(child, kind)] if child < n else through(child))
            reached[node] = found
        return reached[node]

    children: dict[int, list[tuple[int, int]]] = {}
    for task, below in raw.items():
        if task >= n:
            continue
        joined: list[tuple[int, int]] = []
        for child, kind in below:
            if child < n:
                joined.append((child, kind))
            else:
                joined.extend(
                    (end, _COMPOSED[(_LEAVES_AT[kind], _ENTERS_AT[last])])
                    for end, last in through(child)
                )
        children[task] = sorted(dict.fromkeys(joined))
    return {task: below for task, below in children.items() if below}


_COMPOSED = {(1, 0): 0, (0, 0): 1, (1, 1): 2, (0, 1): 3}
"""Link type by (end it leaves the predecessor at, end it enters the successor at)."""
