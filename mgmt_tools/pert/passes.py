"""The forward and backward passes of the critical path method over a precedence graph.

Every link, whatever its type, bounds its successor's early start by the predecessor's early
start plus a constant (see :func:`link_offsets`), so both passes are longest-path sweeps over a
DAG in topological order:

    ES(s) = max(0, max over links p->s of ES(p) + c)
    LS(p) = min(T - d(p), min over links p->s of LS(s) - c)

The engines below give the same numbers to the bit: each bound is the same expression, and max
and min are exact whatever the order they are taken in.

``levels``
    numpy handles a whole topological level per call: Kahn's algorithm by levels over an
    out-link CSR, with ``ufunc.at`` scatter. About twenty numpy calls per level plus a few
    nanoseconds per link: best on wide graphs.
``loop``
    a Python loop, a fraction of a microsecond per link and nothing per level: best on deep,
    narrow graphs (a long chain). When every link goes from a lower task number to a higher one
    (the numbering is topological, as in most plans) it is one flat pass over the links each
    way; otherwise Kahn's algorithm orders the tasks first and they are renumbered.

``engine="auto"`` picks by the shape of the graph. When the numbering is topological it first
tries *runs*: maximal runs of consecutive tasks with no link among them are levels that need no
CSR and no in-degree counting (the links into a run are one slice of the links sorted by
successor), so a plan listed phase by phase sweeps in a few numpy calls per phase. Otherwise,
or when the first runs are narrow, it goes by levels. Whenever the last :data:`_PROBE_LEVELS`
runs or levels averaged fewer tasks than the break-even with the loop, the loop carries on
from there. Break-evens measured with ``benchmarks/bench_pert.py --calibrate`` (2-3 links per
task): levels vs loop about 20 tasks per level (:data:`NARROW_LEVEL`), 50 when the numbering
is topological (the loop needs no ordering then), runs vs loop about 11.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray

__all__ = ["NARROW_LEVEL", "Sweep", "link_offsets", "sweep"]


NARROW_LEVEL = 20
"""Average tasks per level below which the loop beats numpy level by level."""
_NARROW_NUMBERED_LEVEL = 50
"""The same when the numbering is topological (the loop then needs no Kahn ordering)."""
_NARROW_RUN = 11
"""Average tasks per run below which the flat loop beats numpy run by run."""
_PROBE_LEVELS = 64
"""Levels (or runs) over which the average width is taken before it is trusted."""


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


def link_offsets(
    duration: FloatArray,
    pred: IndexArray,
    succ: IndexArray,
    kind: npt.NDArray[np.int8],
    lag: FloatArray,
) -> FloatArray:
    """The constant c of each link in ES(succ) >= ES(pred) + c.

    FS: c = d(pred) + lag; SS: c = lag; FF: c = d(pred) + lag - d(succ); SF: c = lag - d(succ).
    """
    from_finish = (kind == 0) | (kind == 2)  # FS, FF: measured from the predecessor's finish
    to_finish = (kind == 2) | (kind == 3)  # FF, SF: bound the successor's finish
    offset = lag + np.where(from_finish, duration[pred], 0.0)
    return offset - np.where(to_finish, duration[succ], 0.0)


def sweep(
    duration: FloatArray,
    pred: IndexArray,
    succ: IndexArray,
    offset: FloatArray,
    *,
    engine: str = "auto",
) -> Sweep:
    """Run the forward and backward passes; ``engine`` is "auto", "levels" or "loop"."""
    numbered = pred.size == 0 or bool(np.all(pred < succ))
    if engine == "loop":
        return _by_loop(duration, pred, succ, offset, numbered)
    if engine == "auto" and numbered:
        result = _by_runs(duration, *_by_successor(len(duration), pred, succ, offset))
        if result is not None:
            return result
    return _by_levels(duration, pred, succ, offset, numbered, give_up=engine == "auto")


def _length(es: FloatArray, duration: FloatArray, order: IndexArray | None = None) -> float:
    """The project length: the latest early finish (of the ordered tasks)."""
    whole = order is None or order.size == es.size  # all tasks ordered: no gather needed
    finish = es + duration if whole else es[order] + duration[order]
    return float(finish.max()) if finish.size else 0.0


def _by_successor(
    n: int, pred: IndexArray, succ: IndexArray, offset: FloatArray
) -> tuple[IndexArray, IndexArray, FloatArray]:
    """The links sorted by successor (a loaded plan has them so already)."""
    if pred.size and not bool(np.all(succ[1:] >= succ[:-1])):
        by_succ = np.argsort(succ.astype(np.int32) if n < 2**31 else succ)
        pred, succ, offset = pred[by_succ], succ[by_succ], offset[by_succ]
    return pred, succ, offset


# --- By runs of consecutive tasks (topological numbering) -----------------------------------


def _by_runs(
    duration: FloatArray,
    pred: IndexArray,
    succ: IndexArray,
    offset: FloatArray,
    *,
    give_up: bool = True,
) -> Sweep | None:
    """Sweep run by run; links numbered topologically and sorted by successor.

    The links into a run are one slice, and their predecessors lie in earlier runs. None when
    the first runs are narrow (and ``give_up``): the caller then tries levels.
    """
    n = len(duration)
    into = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(succ, minlength=n), out=into[1:])
    # A run from task a ends at the first task with a predecessor numbered a or more:
    # ends[a] = min{s : latest[s] >= a}, latest[s] being the highest predecessor of s.
    latest = np.full(n, -1, dtype=np.int64)
    np.maximum.at(latest, succ, pred)
    first = np.full(n + 1, n, dtype=np.int64)
    linked = np.flatnonzero(latest >= 0)
    np.minimum.at(first, latest[linked], linked)
    ends = np.minimum.accumulate(first[::-1])[::-1].data
    bounds = into.data
    es = np.zeros(n)
    runs: list[tuple[int, int]] = []
    start = window = counted = 0
    while start < n:
        if give_up and counted == _PROBE_LEVELS:
            if start - window < _NARROW_RUN * _PROBE_LEVELS:  # narrow: the loop is faster
                if len(runs) == _PROBE_LEVELS:
                    return None
                return _runs_then_loop(duration, pred, succ, offset, es, runs, bounds[start])
            window, counted = start, 0
        end = ends[start]
        low, high = bounds[start], bounds[end]
        if high > low:
            np.maximum.at(es, succ[low:high], es[pred[low:high]] + offset[low:high])
        runs.append((low, high))
        start, counted = end, counted + 1
    length = _length(es, duration)
    ls = length - duration
    _runs_backward(pred, succ, offset, ls, runs)
    return Sweep(es, ls, length, np.arange(n, dtype=np.int64), "levels")


def _runs_backward(
    pred: IndexArray,
    succ: IndexArray,
    offset: FloatArray,
    ls: FloatArray,
    runs: list[tuple[int, int]],
) -> None:
    for low, high in reversed(runs):
        if high > low:
            np.minimum.at(ls, pred[low:high], ls[succ[low:high]] - offset[low:high])


def _runs_then_loop(
    duration: FloatArray,
    pred: IndexArray,
    succ: IndexArray,
    offset: FloatArray,
    es: FloatArray,
    runs: list[tuple[int, int]],
    low: int,
) -> Sweep:
    """Finish a sweep by runs with the flat loop over the links from ``low`` on."""
    _flat_forward(pred[low:], succ[low:], offset[low:], es)
    length = _length(es, duration)
    ls = length - duration
    _flat_backward(pred[low:], succ[low:], offset[low:], ls)
    _runs_backward(pred, succ, offset, ls, runs)
    return Sweep(es, ls, length, np.arange(len(duration), dtype=np.int64), "levels+loop")


# --- By levels (Kahn) -----------------------------------------------------------------------


@dataclass
class _Csr:
    """Links grouped by predecessor: those of task t are ``ptr[t]:ptr[t] + count[t]``."""

    succ: IndexArray
    offset: FloatArray
    ptr: IndexArray
    count: IndexArray


def _out_links(n: int, pred: IndexArray, succ: IndexArray, offset: FloatArray) -> _Csr:
    count = np.bincount(pred, minlength=n)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(count, out=ptr[1:])
    if pred.size and bool(np.all(pred[1:] >= pred[:-1])):
        return _Csr(succ, offset, ptr, count)
    # 32-bit keys sort in half the time; the order among a task's links does not matter.
    by_pred = np.argsort(pred.astype(np.int32) if n < 2**31 else pred)
    return _Csr(succ[by_pred], offset[by_pred], ptr, count)


Block = tuple[IndexArray, IndexArray, FloatArray]
"""The links out of one level: predecessors, successors, offsets."""


def _by_levels(
    duration: FloatArray,
    pred: IndexArray,
    succ: IndexArray,
    offset: FloatArray,
    numbered: bool,
    *,
    give_up: bool,
) -> Sweep:
    n = len(duration)
    out = _out_links(n, pred, succ, offset)
    narrow = _NARROW_NUMBERED_LEVEL if numbered else NARROW_LEVEL
    indegree = np.bincount(succ, minlength=n)
    es = np.zeros(n)
    frontier = np.flatnonzero(indegree == 0)
    numbers = np.arange(max(n, out.succ.size), dtype=np.int64)
    owner = np.zeros(n, dtype=np.int64)
    levels: list[IndexArray] = []
    blocks: list[Block] = []
    window = counted = 0
    while frontier.size:
        if give_up and counted == _PROBE_LEVELS:
            if window < narrow * _PROBE_LEVELS:  # deep and narrow: the loop is faster
                if len(levels) == _PROBE_LEVELS:
                    return _by_loop(duration, pred, succ, offset, numbered, out)
                return _levels_then_loop(duration, out, es, indegree, frontier, levels, blocks)
            window = counted = 0
        levels.append(frontier)
        window, counted = window + frontier.size, counted + 1
        counts = out.count[frontier]
        total = int(counts.sum())
        if total == 0:
            break
        ends = np.cumsum(counts)
        edges = np.repeat(out.ptr[frontier] - ends + counts, counts)
        edges += numbers[:total]
        sources = np.repeat(frontier, counts)
        targets = out.succ[edges]
        link_offset = out.offset[edges]
        np.maximum.at(es, targets, es[sources] + link_offset)
        blocks.append((sources, targets, link_offset))
        np.subtract.at(indegree, targets, 1)
        ready = targets[indegree[targets] == 0]
        # A task whose last links all come from this level is there once per link: keep
        # the copy that won the scatter (exactly one per task, whichever numpy picked).
        owner[ready] = numbers[: ready.size]
        frontier = ready[owner[ready] == numbers[: ready.size]]
        frontier.sort()
    order = np.concatenate(levels) if levels else np.zeros(0, dtype=np.int64)
    length = _length(es, duration, order)
    ls = length - duration
    _levels_backward(ls, blocks)
    return Sweep(es, ls, length, order, "levels")


def _levels_backward(ls: FloatArray, blocks: list[Block]) -> None:
    for sources, targets, link_offset in reversed(blocks):
        np.minimum.at(ls, sources, ls[targets] - link_offset)


def _levels_then_loop(
    duration: FloatArray,
    out: _Csr,
    es: FloatArray,
    indegree: IndexArray,
    frontier: IndexArray,
    levels: list[IndexArray],
    blocks: list[Block],
) -> Sweep:
    """Finish a sweep by levels with the loop, from ``frontier`` (not yet handled) on."""
    rest = _kahn_order(out, indegree, frontier)
    order = np.concatenate([*levels, rest])
    length, ls = _ordered_loop(duration, out, es, rest, order)
    _levels_backward(ls, blocks)
    return Sweep(es, ls, length, order, "levels+loop")


# --- By loop --------------------------------------------------------------------------------
#
# The loops index memoryviews of the numpy arrays rather than lists: a little slower per
# element, but the data stays compact (no pointer to a boxed number per element), which on big
# graphs whose links jump around memory makes the loops about twice as fast, and nothing is
# converted to lists and back.


def _by_loop(
    duration: FloatArray,
    pred: IndexArray,
    succ: IndexArray,
    offset: FloatArray,
    numbered: bool,
    out: _Csr | None = None,
) -> Sweep:
    n = len(duration)
    es = np.zeros(n)
    if numbered:
        pred, succ, offset = _by_successor(n, pred, succ, offset)
        _flat_forward(pred, succ, offset, es)
        length = _length(es, duration)
        ls = length - duration
        _flat_backward(pred, succ, offset, ls)
        return Sweep(es, ls, length, np.arange(n, dtype=np.int64), "loop")
    out = out or _out_links(n, pred, succ, offset)
    indegree = np.bincount(succ, minlength=n)
    order = _kahn_order(out, indegree, np.flatnonzero(indegree == 0))
    length, ls = _ordered_loop(duration, out, es, order, order)
    return Sweep(es, ls, length, order, "loop")


def _kahn_order(out: _Csr, indegree: IndexArray, ready: IndexArray) -> IndexArray:
    """The tasks reachable from ``ready`` in topological order (Kahn's algorithm, first in
    first out); uses up ``indegree``, the count of each task's links not yet passed."""
    order: list[int] = ready.tolist()
    left = indegree.data
    targets = out.succ.data
    ptr = out.ptr.data
    append = order.append
    for task in order:  # the list grows while it is walked
        for target in targets[ptr[task] : ptr[task + 1]]:
            count = left[target] - 1
            left[target] = count
            if not count:
                append(target)
    return np.array(order, dtype=np.int64)


def _ordered_loop(
    duration: FloatArray, out: _Csr, es: FloatArray, rest: IndexArray, order: IndexArray
) -> tuple[float, FloatArray]:
    """Both passes over the tasks ``rest``, given in topological order, whose links from
    other tasks are already applied to ``es``; ``order`` lists every ordered task.

    Raises ``es`` in place; returns the length and the late starts. The tasks are renumbered
    by their place in ``rest``, so the flat loop applies and walks memory nearly in order.
    """
    n = len(duration)
    rank = np.full(n, -1, dtype=np.int64)
    rank[rest] = np.arange(rest.size)
    counts = out.count[rest]
    ends = np.cumsum(counts)
    edges = np.repeat(out.ptr[rest] - ends + counts, counts) + np.arange(int(counts.sum()))
    pred = np.repeat(np.arange(rest.size), counts)
    succ = rank[out.succ[edges]]
    offset = out.offset[edges]
    if order.size < n:  # a cycle: drop the links to the tasks that could not be ordered
        keep = succ >= 0
        pred, succ, offset = pred[keep], succ[keep], offset[keep]
    early = es[rest]
    _flat_forward(pred, succ, offset, early)
    es[rest] = early
    length = _length(es, duration, order)
    ls = length - duration
    late = ls[rest]
    _flat_backward(pred, succ, offset, late)
    ls[rest] = late
    return length, ls


def _flat_forward(pred: IndexArray, succ: IndexArray, offset: FloatArray, es: FloatArray) -> None:
    """Raise ``es`` over links numbered topologically and sorted by predecessor or successor:
    then every link into a task comes before any link out of it."""
    early = es.data
    for source, target, constant in zip(pred.data, succ.data, offset.data, strict=True):
        bound = early[source] + constant
        if bound > early[target]:
            early[target] = bound


def _flat_backward(pred: IndexArray, succ: IndexArray, offset: FloatArray, ls: FloatArray) -> None:
    """Lower ``ls`` over the same links, the last first."""
    late = ls.data
    for source, target, constant in zip(
        pred[::-1].data, succ[::-1].data, offset[::-1].data, strict=True
    ):
        bound = late[target] - constant
        if bound < late[source]:
            late[source] = bound
