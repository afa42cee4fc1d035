"""The pass engines of ``mgmt_tools.pert.passes`` agree to the bit on random DAGs.

Graphs are drawn level by level with all four link types, negative and fractional lags,
zero durations and repeated links, then numbered in three ways: level by level (the runs that
``auto`` sweeps with numpy), in a topological order that is not level by level (depth first),
and at random (Kahn's algorithm needed). Their shapes make ``auto`` take every road: wide
(numpy only), deep (the loop only), wide then deep (numpy, then the loop carries on), deep then
wide (the loop from the start).
"""

from __future__ import annotations

import graphlib
from dataclasses import dataclass

import numpy as np
import pytest

from benchmarks._pert_networks import Network, renumbered
from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools.pert import passes
from mgmt_tools.pert.passes import Sweep, link_offsets, sweep

ENGINES = ("levels", "loop", "auto")


@dataclass
class Graph(Network):
    """A benchmark network that sweeps itself with each engine."""

    @property
    def offset(self) -> FloatArray:
        return link_offsets(self.duration, self.pred, self.succ, self.kind, self.lag)

    def sweep(self, engine: str) -> Sweep:
        return sweep(self.duration, self.pred, self.succ, self.offset, engine=engine)

    def renumbered(self, new_number: IndexArray) -> Graph:
        """The same graph with task t renumbered ``new_number[t]``, links by successor."""
        return Graph(**vars(renumbered(self, new_number)))


def layered(widths: list[int], seed: int) -> Graph:
    """Levels of the given widths; each task after the first level has 1-3 links, mostly
    from the previous level, some from up to 5 levels back, some repeated."""
    rng = np.random.default_rng(seed)
    starts = np.cumsum([0, *widths])
    n = int(starts[-1])
    duration = np.round(rng.uniform(0, 9, n), 1) * (rng.random(n) > 0.1)  # 10 % milestones
    preds: list[int] = []
    succs: list[int] = []
    for level in range(1, len(widths)):
        for task in range(int(starts[level]), int(starts[level + 1])):
            for _ in range(int(rng.integers(1, 4))):
                back = 1 if rng.random() < 0.7 else int(rng.integers(1, min(level, 5) + 1))
                source = level - back
                preds.append(int(rng.integers(starts[source], starts[source + 1])))
                succs.append(task)
    count = len(preds)
    kind = rng.integers(0, 4, count).astype(np.int8)
    lag = rng.choice([0.0, 0.0, 1.0, -1.5, 0.1, 2.7, -0.3], count)
    return Graph(
        duration, np.array(preds, dtype=np.int64), np.array(succs, dtype=np.int64), kind, lag
    )


def depth_first_numbering(graph: Graph, seed: int) -> IndexArray:
    """New numbers that follow a topological order which is not level by level."""
    n = len(graph.duration)
    sorter: graphlib.TopologicalSorter[int] = graphlib.TopologicalSorter()
    for task in range(n):
        sorter.add(task)
    for p, s in zip(graph.pred.tolist(), graph.succ.tolist(), strict=True):
        sorter.add(s, p)
    sorter.prepare()
    rng = np.random.default_rng(seed)
    order: list[int] = []
    stack: list[int] = []
    while sorter.is_active():
        ready = list(sorter.get_ready())
        rng.shuffle(ready)
        stack.extend(ready)
        task = stack.pop()  # go deep: the newest ready task first
        order.append(task)
        sorter.done(task)
    new_number = np.empty(n, dtype=np.int64)
    new_number[np.array(order)] = np.arange(n)
    return new_number


def numbered(graph: Graph, numbering: str, seed: int) -> Graph:
    if numbering == "levels":
        return graph
    if numbering == "depth-first":
        return graph.renumbered(depth_first_numbering(graph, seed))
    return graph.renumbered(np.random.default_rng(seed).permutation(len(graph.duration)))


def reference(graph: Graph) -> tuple[FloatArray, FloatArray, float]:
    """ES, LS and length by the textbook recurrences over graphlib's order."""
    n = len(graph.duration)
    offset = graph.offset.tolist()
    links = list(zip(graph.pred.tolist(), graph.succ.tolist(), offset, strict=True))
    into: dict[int, list[tuple[int, float]]] = {t: [] for t in range(n)}
    out: dict[int, list[tuple[int, float]]] = {t: [] for t in range(n)}
    for p, s, c in links:
        into[s].append((p, c))
        out[p].append((s, c))
    order = list(
        graphlib.TopologicalSorter({t: [p for p, _ in into[t]] for t in range(n)}).static_order()
    )
    es = [0.0] * n
    for task in order:
        es[task] = max([0.0, *(es[p] + c for p, c in into[task])])
    duration = graph.duration.tolist()
    length = max((es[t] + duration[t] for t in range(n)), default=0.0)
    ls = [0.0] * n
    for task in reversed(order):
        ls[task] = min([length - duration[task], *(ls[s] - c for s, c in out[task])])
    return np.array(es), np.array(ls), length


def assert_topological(result: Sweep, graph: Graph) -> None:
    position = np.full(len(graph.duration), -1)
    position[result.order] = np.arange(result.order.size)
    assert np.all(position[graph.pred] < position[graph.succ])


SHAPES = {
    "wide": [150] * 12,
    "deep": [2] * 300 + [1] * 100,
    "wide-then-deep": [120] * 70 + [2] * 200,
    "deep-then-wide": [2] * 150 + [200] * 8,
    "ragged": [1, 40, 3, 90, 2, 2, 60, 1, 1, 1, 150, 5] * 12,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("numbering", ["levels", "depth-first", "random"])
@pytest.mark.parametrize("seed", [1, 2])
def test_engines_agree_to_the_bit(shape: str, numbering: str, seed: int) -> None:
    graph = numbered(layered(SHAPES[shape], seed), numbering, seed)
    results = {engine: graph.sweep(engine) for engine in ENGINES}
    first = results["levels"]
    assert first.acyclic
    for engine, result in results.items():
        assert np.array_equal(result.es, first.es), engine
        assert np.array_equal(result.ls, first.ls), engine
        assert result.length == first.length, engine
        assert result.acyclic, engine
        assert_topological(result, graph)
    es, ls, length = reference(graph)
    assert np.array_equal(first.es, es)
    assert np.array_equal(first.ls, ls)
    assert first.length == length


@pytest.mark.parametrize(
    ("shape", "numbering", "engine"),
    [
        ("wide", "levels", "levels"),
        ("wide", "random", "levels"),
        ("deep", "levels", "loop"),
        ("deep", "random", "loop"),
        ("deep-then-wide", "levels", "loop"),
        ("deep-then-wide", "random", "loop"),
        ("wide-then-deep", "levels", "levels+loop"),
        ("wide-then-deep", "random", "levels+loop"),
    ],
)
def test_auto_chooses_by_shape(shape: str, numbering: str, engine: str) -> None:
    graph = numbered(layered(SHAPES[shape], 3), numbering, 3)
    assert graph.sweep("auto").engine == engine
    assert (graph.sweep("levels").engine, graph.sweep("loop").engine) == ("levels", "loop")


def test_links_in_any_order() -> None:
    graph = layered(SHAPES["ragged"], 4)
    shuffled = np.random.default_rng(4).permutation(len(graph.pred))
    jumbled = Graph(
        graph.duration,
        graph.pred[shuffled],
        graph.succ[shuffled],
        graph.kind[shuffled],
        graph.lag[shuffled],
    )
    expected = graph.sweep("loop")
    for engine in ENGINES:
        result = jumbled.sweep(engine)
        assert np.array_equal(result.es, expected.es), engine
        assert np.array_equal(result.ls, expected.ls), engine


def test_runs_without_giving_up_on_a_chain() -> None:
    graph = layered([1] * 200, 5)
    result = passes._by_runs(graph.duration, graph.pred, graph.succ, graph.offset, give_up=False)
    assert result is not None
    expected = graph.sweep("loop")
    assert np.array_equal(result.es, expected.es)
    assert np.array_equal(result.ls, expected.ls)


@pytest.mark.parametrize("numbering", ["levels", "random"])
def test_a_cycle_leaves_its_tasks_unordered(numbering: str) -> None:
    graph = layered([30] * 100, 6)
    # Close a cycle among three tasks of levels 50..52 and hang a task behind it.
    a, b, c = 50 * 30, 51 * 30, 52 * 30
    extra = np.array([[a, b], [b, c], [c, a], [c, 99 * 30]])
    pred = np.r_[graph.pred, extra[:, 0]]
    succ = np.r_[graph.succ, extra[:, 1]]
    graph = Graph(
        graph.duration,
        pred,
        succ,
        np.r_[graph.kind, np.zeros(4, np.int8)],
        np.r_[graph.lag, np.zeros(4)],
    )
    graph = numbered(graph, numbering, 6)
    results = [graph.sweep(engine) for engine in ENGINES]
    ordered = [set(result.order.tolist()) for result in results]
    assert all(not result.acyclic for result in results)
    assert ordered[0] == ordered[1] == ordered[2]
    assert len(ordered[0]) < len(graph.duration) - 3


@pytest.mark.parametrize("engine", ENGINES)
def test_no_links_and_no_tasks(engine: str) -> None:
    none = np.zeros(0, dtype=np.int64)
    result = sweep(np.array([2.0, 5.0]), none, none, np.zeros(0), engine=engine)
    assert (result.es.tolist(), result.ls.tolist(), result.length) == ([0, 0], [3, 0], 5.0)
    empty = sweep(np.zeros(0), none, none, np.zeros(0), engine=engine)
    assert (empty.length, empty.order.size, empty.acyclic) == (0.0, 0, True)


def test_link_offsets_of_the_four_types() -> None:
    duration = np.array([3.0, 2.0])
    pred, succ = np.zeros(4, dtype=np.int64), np.ones(4, dtype=np.int64)
    offsets = link_offsets(duration, pred, succ, np.arange(4, dtype=np.int8), np.full(4, 1.0))
    assert offsets.tolist() == [4.0, 1.0, 2.0, -1.0]  # FS, SS, FF, SF with lag 1


@pytest.mark.parametrize("engine", ENGINES)
def test_worked_example_with_every_link_type(engine: str) -> None:
    # A(3) -FS-> B(2); A -FF+2-> C(4); B -SS+1-> C; B -FS-1-> D(1); C -SF-> D.
    # ES: B = 3; C = max(3 + 2 - 4, 3 + 1) = 4; D = max(3 + 2 - 1, 4 - 1) = 4; T = 8.
    # LS: D = 7; C = min(4, 7 + 1) = 4; B = min(6, 4 - 1, 7 - 1) = 3; A = min(5, 0, 3) = 0.
    graph = Graph(
        duration=np.array([3.0, 2.0, 4.0, 1.0]),
        pred=np.array([0, 0, 1, 1, 2]),
        succ=np.array([1, 2, 2, 3, 3]),
        kind=np.array([0, 2, 1, 0, 3], dtype=np.int8),
        lag=np.array([0.0, 2.0, 1.0, -1.0, 0.0]),
    )
    result = graph.sweep(engine)
    assert result.es.tolist() == [0.0, 3.0, 4.0, 4.0]
    assert result.ls.tolist() == [0.0, 3.0, 4.0, 7.0]
    assert result.length == 8.0
