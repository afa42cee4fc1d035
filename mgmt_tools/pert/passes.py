"""The forward and backward passes of the critical path method over a precedence graph.

Every link, whatever its type, bounds its successor's early start by the predecessor's early
start plus a constant (see :func:`link_offsets`), so both passes are longest-path sweeps over a
DAG in topological order:

    ES(s) = max(0, max over links p->s of ES(p) + c)
    LS(p) = min(T - d(p), min over links p->s of LS(s) - c)

Two engines do the sweeps. On wide graphs, numpy processes a whole topological level per call
(Kahn's algorithm by levels, with ``ufunc.at`` scatter); on deep, narrow graphs (a long chain)
one numpy call per level costs more than it saves, and a plain loop over Python lists is
faster. :func:`sweep` starts by levels and switches to the loop when the levels so far
average fewer than :data:`NARROW_LEVEL` tasks (measured break-even: about 33).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["NARROW_LEVEL", "Sweep", "link_offsets", "sweep"]

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.int64]

NARROW_LEVEL = 33
"""Average tasks per level below which the per-task loop beats one numpy call per level."""
_PROBE_LEVELS = 64
"""Levels processed before the average width is trusted."""


@dataclass
class Sweep:
    """Result of the two passes: early and late starts, project length, topological order.

    ``order`` lists the tasks that could be ordered; when it is shorter than the number of
    tasks, the others lie on or behind a cycle and ``es``/``ls`` mean nothing for them.
    """

    es: FloatArray
    ls: FloatArray
    length: float
    order: IndexArray
    engine: str

    @property
    def acyclic(self) -> bool:
        return len(self.order) == len(self.es)


def link_offsets(duration: FloatArray, pred: IndexArray, succ: IndexArray,
                 kind: npt.NDArray[np.int8], lag: FloatArray) -> FloatArray:
    """The constant c of each link in ES(succ) >= ES(pred) + c.

    FS: c = d(pred) + lag; SS: c = lag; FF: c = d(pred) + lag - d(succ); SF: c = lag - d(succ).
    """
    from_finish = (kind == 0) | (kind == 2)  # FS, FF: measured from the predecessor's finish
    to_finish = (kind == 2) | (kind == 3)  # FF, SF: bound the successor's finish
    offset = lag + np.where(from_finish, duration[pred], 0.0)
    return offset - np.where(to_finish, duration[succ], 0.0)


def sweep(duration: FloatArray, pred: IndexArray, succ: IndexArray, offset: FloatArray,
          *, engine: str = "auto") -> Sweep:
    """Run the forward and backward passes; ``engine`` is "auto", "levels" or "loop"."""
    n = len(duration)
    by_pred = np.argsort(pred)
    out_succ = succ[by_pred]
    out_pred = pred[by_pred]
    out_offset = offset[by_pred]
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(pred, minlength=n), out=out_ptr[1:])
    if engine != "loop":
        result = _by_levels(duration, out_pred, out_succ, out_offset, out_ptr, succ,
                            give_up=engine == "auto")
        if result is not None:
            return result
    return _by_loop(duration, out_succ, out_offset, out_ptr, succ)


def _by_levels(duration: FloatArray, out_pred: IndexArray, out_succ: IndexArray,
               out_offset: FloatArray, out_ptr: IndexArray, succ: IndexArray,
               *, give_up: bool) -> Sweep | None:
    n = len(duration)
    indegree = np.bincount(succ, minlength=n)
    es = np.zeros(n)
    frontier = np.flatnonzero(indegree == 0)
    levels: list[IndexArray] = []
    blocks: list[IndexArray] = []
    done = 0
    while frontier.size:
        levels.append(frontier)
        done += frontier.size
        if give_up and len(levels) >= _PROBE_LEVELS and done < NARROW_LEVEL * len(levels):
            return None  # deep and narrow: the per-task loop is faster
        starts = out_ptr[frontier]
        counts = out_ptr[frontier + 1] - starts
        total = int(counts.sum())
        if total == 0:
            break
        ends = np.cumsum(counts)
        edges = np.repeat(starts - ends + counts, counts) + np.arange(total)
        blocks.append(edges)
        targets = out_succ[edges]
        np.maximum.at(es, targets, es[out_pred[edges]] + out_offset[edges])
        np.subtract.at(indegree, targets, 1)
        frontier = np.unique(targets[indegree[targets] == 0])
    order = np.concatenate(levels) if levels else np.zeros(0, dtype=np.int64)
    finish = es + duration
    length = float(finish[order].max()) if order.size else 0.0
    ls = length - duration
    for edges in reversed(blocks):
        np.minimum.at(ls, out_pred[edges], ls[out_succ[edges]] - out_offset[edges])
    return Sweep(es, ls, length, order, "levels")


def _by_loop(duration: FloatArray, out_succ: IndexArray, out_offset: FloatArray,
             out_ptr: IndexArray, succ: IndexArray) -> Sweep:
    n = len(duration)
    targets = out_succ.tolist()
    offsets = out_offset.tolist()
    ptr = out_ptr.tolist()
    indegree = np.bincount(succ, minlength=n).tolist()
    es = [0.0] * n
    stack = [task for task in range(n) if indegree[task] == 0]
    stack.reverse()  # pop sources in input order
    order: list[int] = []
    while stack:
        task = stack.pop()
        order.append(task)
        start = es[task]
        for k in range(ptr[task], ptr[task + 1]):
            target = targets[k]
            bound = start + offsets[k]
            if bound > es[target]:
                es[target] = bound
            indegree[target] -= 1
            if indegree[target] == 0:
                stack.append(target)
    early = np.array(es)
    length = float((early + duration)[order].max()) if order else 0.0
    late = (length - duration).tolist()
    for task in reversed(order):
        best = late[task]
        for k in range(ptr[task], ptr[task + 1]):
            bound = late[targets[k]] - offsets[k]
            if bound < best:
                best = bound
        late[task] = best
    return Sweep(early, np.array(late), length, np.array(order, dtype=np.int64), "loop")
