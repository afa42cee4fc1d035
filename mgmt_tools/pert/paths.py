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
) -> CriticalGraph:
    """Build the critical subgraph from the schedule's masks (vectorised selection)."""
    keep = np.flatnonzero(driving & critical[pred] & critical[succ])
    keep = keep[np.lexsort((succ[keep], pred[keep]))]
    children: dict[int, list[tuple[int, int]]] = {}
    entered = np.zeros(len(critical), dtype=bool)
    left = np.zeros(len(critical), dtype=bool)
    entered[succ[keep]] = True
    left[pred[keep]] = True
    for p, s, k in zip(pred[keep].tolist(), succ[keep].tolist(), kind[keep].tolist(), strict=True):
        children.setdefault(p, []).append((s, k))
    sources = np.flatnonzero(critical & ~entered).tolist()
    sinks = set(np.flatnonzero(critical & finishes_last & ~left).tolist())
    crit_order = order[critical[order]].tolist()
    return CriticalGraph(children, sources, sinks, crit_order)
