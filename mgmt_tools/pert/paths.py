"""Critical paths: maximal chains of critical tasks joined by driving links.

A path starts at a critical task that no driving link from a critical task enters, and ends at
a critical task finishing at T that no driving link to a critical task leaves. Paths are listed
in input order of their first differing task; they can be exponentially many, so they are
counted by dynamic programming and only the first ``limit`` are spelled out. The PERT variance
of the worst path is found by the same dynamic programming, without listing paths.

The critical tasks are renumbered in topological order and their links kept as flat lists
(successors in input order), so a chain of a million critical tasks is walked with list
indexing, not dictionaries.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import IndexArray

__all__ = ["CriticalGraph", "critical_graph"]

# Which end of a task a link leaves from (predecessor side) and enters at (successor side):
# FS, SS, FF, SF. 0 = start, 1 = finish.
_LEAVES_AT = (1, 0, 1, 0)
_ENTERS_AT = (0, 0, 1, 1)
_COMPOSED = {(1, 0): 0, (0, 0): 1, (1, 1): 2, (0, 1): 3}
"""Link type by (end it leaves the predecessor at, end it enters the successor at)."""


class CriticalGraph:
    """The critical tasks (renumbered 0..c-1 in topological order) and the driving links
    between them, as flat adjacency lists."""

    def __init__(
        self,
        tasks: IndexArray,
        pred: IndexArray,
        succ: IndexArray,
        kind: npt.NDArray[np.int8],
        sink: npt.NDArray[np.bool_],
    ) -> None:
        """``tasks``: task number of each critical task, in topological order; ``pred``,
        ``succ``: links in the new numbering, sorted by (pred, input order of succ)."""
        count = tasks.size
        self.tasks = tasks
        self.count = count
        by_pred = np.argsort(pred, kind="stable")
        pred, succ, kind = pred[by_pred], succ[by_pred], kind[by_pred]
        distinct = np.ones(pred.size, dtype=bool)
        distinct[1:] = (pred[1:] != pred[:-1]) | (succ[1:] != succ[:-1])
        self._ptr = _pointers(pred[distinct], count)
        self._succ = succ[distinct].tolist()
        # with link types, for the variance (two links between a pair may differ in type)
        self._kind_ptr = _pointers(pred, count)
        self._kind_succ = succ.tolist()
        self._kind = kind.tolist()
        entered = np.zeros(count, dtype=bool)
        entered[succ] = True
        left = np.zeros(count, dtype=bool)
        left[pred] = True
        self.sources = np.flatnonzero(~entered)[np.argsort(tasks[~entered], kind="stable")]
        self._sink = (sink & ~left).tolist()

    def count_paths(self) -> int:
        """How many critical paths there are (exact, however many)."""
        ptr, succ, sink = self._ptr, self._succ, self._sink
        below = [0] * self.count
        for task in range(self.count - 1, -1, -1):
            low, high = ptr[task], ptr[task + 1]
            if high - low == 1:
                below[task] = below[succ[low]] + sink[task]
            else:
                below[task] = sum([below[child] for child in succ[low:high]]) + sink[task]
        return sum([below[source] for source in self.sources.tolist()])

    def paths(self, limit: int) -> list[list[int]]:
        """The first ``limit`` paths (task numbers) in input order of their first differing
        task."""
        ptr, succ, sink = self._ptr, self._succ, self._sink
        reaches = list(sink)
        for task in range(self.count - 1, -1, -1):
            if not reaches[task]:
                reaches[task] = any(reaches[child] for child in succ[ptr[task] : ptr[task + 1]])
        found: list[list[int]] = []
        for source in self.sources.tolist():
            if len(found) >= limit:
                break
            if not reaches[source]:
                continue
            path, cursor = [source], [ptr[source]]
            while path and len(found) < limit:
                task = path[-1]
                if sink[task]:
                    found.append(path.copy())
                    path.pop()
                    cursor.pop()
                    continue
                at, end = cursor[-1], ptr[task + 1]
                while at < end and not reaches[succ[at]]:
                    at += 1
                if at == end:
                    path.pop()
                    cursor.pop()
                    continue
                cursor[-1] = at + 1
                path.append(succ[at])
                cursor.append(ptr[succ[at]])
        return [self.tasks[np.array(path, dtype=np.int64)].tolist() for path in found]

    def worst_variance(self, variance: npt.NDArray[np.float64]) -> float:
        """The largest PERT variance of a critical path.

        A task's variance counts when the path enters it at one end and leaves at the other
        (the path then spans its duration); a first task is entered at its start, a last task
        left at its finish.
        """
        ptr, succ, kind, sink = self._kind_ptr, self._kind_succ, self._kind, self._sink
        own = variance[self.tasks].tolist()
        minus = float("-inf")
        best = [[minus, minus] for _ in range(self.count)]  # per task: entered at start, finish
        for task in range(self.count - 1, -1, -1):
            for entered in (0, 1):
                value = (own[task] if entered == 0 else 0.0) if sink[task] else minus
                for at in range(ptr[task], ptr[task + 1]):
                    link = kind[at]
                    below = best[succ[at]][_ENTERS_AT[link]]
                    if below == minus:
                        continue
                    spans = own[task] if entered != _LEAVES_AT[link] else 0.0
                    value = max(value, spans + below)
                best[task][entered] = value
        values = [best[source][0] for source in self.sources.tolist() if best[source][0] > minus]
        return max(values) if values else 0.0


def _pointers(pred: IndexArray, count: int) -> list[int]:
    pointers = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(pred, minlength=count), out=pointers[1:])
    return list(pointers.tolist())


def critical_graph(
    critical: npt.NDArray[np.bool_],
    finishes_last: npt.NDArray[np.bool_],
    pred: IndexArray,
    succ: IndexArray,
    kind: npt.NDArray[np.int8],
    driving: npt.NDArray[np.bool_],
    order: IndexArray,
    task_count: int | None = None,
) -> CriticalGraph:
    """Build the critical subgraph over the tasks from the schedule's masks.

    Nodes from ``task_count`` on are hidden (a group's start and finish): a chain through
    them joins the tasks at its ends, as a link leaving the first task where the chain's first
    link leaves it and entering the last where the chain's last link enters.
    """
    n = len(critical) if task_count is None else task_count
    keep = np.flatnonzero(driving & critical[pred] & critical[succ])
    link_pred, link_succ, link_kind = pred[keep], succ[keep], kind[keep]
    if n < len(critical):
        link_pred, link_succ, link_kind = _contract(link_pred, link_succ, link_kind, n)
    tasks = order[critical[order]]
    tasks = tasks[tasks < n]
    rank = np.full(n, -1, dtype=np.int64)
    rank[tasks] = np.arange(tasks.size)
    by_input = np.lexsort((link_succ, link_pred))  # successors in input order
    return CriticalGraph(
        tasks,
        rank[link_pred[by_input]],
        rank[link_succ[by_input]],
        link_kind[by_input],
        finishes_last[tasks],
    )


def _contract(
    pred: IndexArray, succ: IndexArray, kind: npt.NDArray[np.int8], n: int
) -> tuple[IndexArray, IndexArray, npt.NDArray[np.int8]]:
    """Links between tasks, chains through hidden nodes replaced by the tasks they reach."""
    raw: dict[int, list[tuple[int, int]]] = {}
    for p, s, k in zip(pred.tolist(), succ.tolist(), kind.tolist(), strict=True):
        raw.setdefault(p, []).append((s, k))
    reached: dict[int, list[tuple[int, int]]] = {}

    def through(node: int) -> list[tuple[int, int]]:
        """(task, type of the chain's last link) reached from hidden ``node``."""
        if node not in reached:
            found: list[tuple[int, int]] = []
            for child, link in raw.get(node, ()):
                found.extend([(child, link)] if child < n else through(child))
            reached[node] = found
        return reached[node]

    joined: set[tuple[int, int, int]] = set()
    for task, below in raw.items():
        if task >= n:
            continue
        for child, link in below:
            if child < n:
                joined.add((task, child, link))
            else:
                joined.update(
                    (task, end, _COMPOSED[(_LEAVES_AT[link], _ENTERS_AT[last])])
                    for end, last in through(child)
                )
    triples = sorted(joined)
    return (
        np.array([t[0] for t in triples], dtype=np.int64),
        np.array([t[1] for t in triples], dtype=np.int64),
        np.array([t[2] for t in triples], dtype=np.int8),
    )
