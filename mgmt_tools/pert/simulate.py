"""Monte Carlo schedule risk: sample three-point durations, reschedule every trial.

Tasks with three estimates draw their duration from beta-PERT (or triangular); fixed durations
stay fixed. Each trial runs the same forward and backward passes as :func:`schedule`, with the
same arithmetic, so a plan without estimates simulates to exactly its CPM numbers. The passes
run level by level over a matrix of (tasks x trials), so one numpy call serves a whole level of
tasks for a whole chunk of trials; trials are processed in chunks sized to a fixed memory
budget, each chunk with its own random stream from ``SeedSequence(seed).spawn``, so the numbers
depend on the seed and the plan only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._numeric import TOLERANCE, isclose
from mgmt_tools._validation import unknown_choice
from mgmt_tools.dist import DISTRIBUTIONS, sample_three_point
from mgmt_tools.errors import InputError, Problem
from mgmt_tools.locale import _
from mgmt_tools.pert.model import Plan
from mgmt_tools.pert.network import Network, network_of
from mgmt_tools.pert.passes import sweep
from mgmt_tools.pert.stats import QUANTILES

__all__ = ["CHUNK_BYTES", "Simulation", "simulate"]

CHUNK_BYTES = 48 * 2**20
"""Memory for one (tasks x trials) float64 matrix of a chunk; three are alive at a time."""


@dataclass(frozen=True, eq=False)
class Simulation:
    """The distribution of the project's finish over the trials, and criticality indexes."""

    trials: int
    seed: int
    distribution: str
    finish: FloatArray
    """Project finish (offset) of each trial."""
    criticality: FloatArray
    """Per task (input order): the share of trials in which it is critical."""
    deadline: float | None = None
    quantile_levels: tuple[float, ...] = QUANTILES
    warnings: list[str] = field(default_factory=list)

    @property
    def mean(self) -> float:
        return float(self.finish.mean())

    @property
    def sd(self) -> float:
        """Sample standard deviation of the finish (n - 1 in the denominator)."""
        return float(self.finish.std(ddof=1)) if self.trials > 1 else 0.0

    @property
    def quantiles(self) -> dict[str, float]:
        """Empirical quantiles of the finish (numpy's default, linear interpolation)."""
        values = np.quantile(self.finish, self.quantile_levels)
        return {str(q): float(v) for q, v in zip(self.quantile_levels, values, strict=True)}

    @property
    def probability(self) -> float | None:
        """Share of trials finishing by the deadline (within the comparison tolerance)."""
        if self.deadline is None:
            return None
        on_time = self.finish <= self.deadline
        on_time |= isclose(self.finish, self.deadline)
        return float(np.mean(on_time))

    def to_dict(self, ids: list[str]) -> dict[str, Any]:
        """The ``simulation`` block of the JSON result."""
        data: dict[str, Any] = {
            "trials": self.trials,
            "seed": self.seed,
            "distribution": self.distribution,
            "mean": self.mean,
            "sd": self.sd,
            "quantiles": self.quantiles,
        }
        if self.deadline is not None:
            data["deadline"] = self.deadline
            data["probability"] = self.probability
        data["criticality"] = dict(zip(ids, self.criticality.tolist(), strict=True))
        return data


_SLOTS = 8
"""Groups with up to this many links are reduced slot by slot; wider ones by ``reduceat``."""


@dataclass
class _Group:
    """The links of one level grouped by the task they bound (into or out of the level).

    Reducing each group (max of bounds for early starts, min for late starts) slot by slot,
    one vectorised call per link rank within the group, is several times faster than
    ``ufunc.reduceat(axis=0)`` on (links x trials) matrices, where groups have few links.
    """

    links: IndexArray
    tasks: IndexArray
    starts: IndexArray
    slots: list[tuple[IndexArray, IndexArray]]
    """For rank j >= 1: (groups with more than j links, their j-th link's row)."""
    wide: tuple[IndexArray, IndexArray, IndexArray] | None
    """Groups with more than _SLOTS links: (groups, rows of their links, reduceat starts)."""
    fs_only: bool
    """All links finish-to-start with lag 0: the bound is ES(pred) + d(pred)."""

    def reduce(self, ufunc: np.ufunc, bounds: FloatArray) -> FloatArray:
        result = bounds[self.starts]
        for groups, rows in self.slots:
            result[groups] = ufunc(result[groups], bounds[rows])
        if self.wide is not None:
            groups, rows, starts = self.wide
            result[groups] = ufunc.reduceat(bounds[rows], starts, axis=0)
        return result


def _group(network: Network, links: IndexArray, key: IndexArray) -> _Group:
    tasks, starts = np.unique(key[links], return_index=True)
    degree = np.diff(np.append(starts, len(links)))
    slots = []
    for rank in range(1, min(int(degree.max(initial=0)), _SLOTS)):
        groups = np.flatnonzero((degree > rank) & (degree <= _SLOTS))
        if groups.size:
            slots.append((groups, starts[groups] + rank))
    wide = None
    wide_groups = np.flatnonzero(degree > _SLOTS)
    if wide_groups.size:
        rows = np.concatenate([np.arange(starts[g], starts[g] + degree[g]) for g in wide_groups])
        wide_starts = np.concatenate(([0], np.cumsum(degree[wide_groups])[:-1]))
        wide = (wide_groups, rows, wide_starts)
    fs_only = bool(np.all(network.kind[links] == 0) and np.all(network.lag[links] == 0))
    return _Group(links, tasks, starts, slots, wide, fs_only)


@dataclass
class _Levels:
    """Per topological level, the links into its tasks (grouped by successor) and the links
    out of its tasks (grouped by predecessor)."""

    into: list[_Group]
    out_of: list[_Group]


def _levels(plan: Plan, network: Network) -> _Levels:
    n = network.node_count
    pred, succ = network.pred, network.succ
    hops = sweep(np.zeros(n), pred, succ, np.ones(len(pred)))  # ES with unit links = level
    if not hops.acyclic:
        from mgmt_tools.pert.cycles import cycle_error

        raise cycle_error(plan, network, hops.order)
    level = hops.es.astype(np.int64)
    depth = int(level.max()) + 1 if n else 0
    into_order = np.lexsort((succ, level[succ]))
    into_bounds = np.searchsorted(level[succ][into_order], np.arange(depth + 1))
    out_order = np.lexsort((pred, level[pred]))
    out_bounds = np.searchsorted(level[pred][out_order], np.arange(depth + 1))
    into = [
        _group(network, into_order[into_bounds[k] : into_bounds[k + 1]], succ) for k in range(depth)
    ]
    out_of = [
        _group(network, out_order[out_bounds[k] : out_bounds[k + 1]], pred) for k in range(depth)
    ]
    return _Levels(into, out_of)


def simulate(
    plan: Plan,
    trials: int,
    *,
    seed: int | None = None,
    distribution: str = "beta-pert",
    deadline: float | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> Simulation:
    """Simulate ``trials`` schedules of ``plan``; ``seed`` None draws a fresh one (reported).

    ``progress`` is called with the number of trials done after each chunk.

    >>> from mgmt_tools.pert import from_dict
    >>> plan = from_dict({"tasks": [
    ...     {"id": "A", "duration": 2},
    ...     {"id": "B", "optimistic": 1, "most_likely": 2, "pessimistic": 6, "depends_on": ["A"]},
    ...     {"id": "C", "duration": 3, "depends_on": ["A"]}]})
    >>> run = simulate(plan, 2000, seed=7)
    >>> round(run.mean, 2), run.criticality.tolist()
    (5.17, [1.0, 0.279, 0.721])
    """
    if trials < 1:
        raise InputError(
            [Problem(_("trials must be at least 1, not {trials}").format(trials=trials))]
        )
    if distribution not in DISTRIBUTIONS:
        message = unknown_choice(_("distribution"), f"'{distribution}'", DISTRIBUTIONS)
        raise InputError([Problem(message)])
    sequence = np.random.SeedSequence(seed)
    seed_used = int(sequence.entropy)  # type: ignore[arg-type]
    network = network_of(plan)
    n = network.node_count  # tasks, then the hidden start and finish of each group
    levels = _levels(plan, network)
    random_rows = np.flatnonzero(~np.isnan(plan.optimistic))
    chunk = max(1, min(trials, chunk_bytes // max(1, 8 * n)))
    starts = list(range(0, trials, chunk))
    streams = sequence.spawn(len(starts))
    finish = np.empty(trials)
    critical_count = np.zeros(n, dtype=np.int64)
    # Three (tasks x chunk) matrices reused by every chunk: fresh multi-megabyte arrays would
    # cost a page fault per 4 KiB each time, more than the arithmetic on them.
    buffers = [np.empty((n, chunk)) for _ in range(3)]
    for start, stream in zip(starts, streams, strict=True):
        size = min(chunk, trials - start)
        durations, es, ls = (buffer[:, :size] for buffer in buffers)
        durations[:] = network.duration[:, None]
        if random_rows.size:
            durations[random_rows] = sample_three_point(
                np.random.default_rng(stream),
                plan.optimistic[random_rows],
                plan.most_likely[random_rows],
                plan.pessimistic[random_rows],
                size,
                distribution,
            )
        finish[start : start + size], critical = _passes(network, levels, durations, es, ls)
        critical_count += critical
        if progress is not None:
            progress(start + size)
    criticality = critical_count[: plan.task_count] / trials
    return Simulation(trials, seed_used, distribution, finish, criticality, deadline)


def _offsets(network: Network, links: IndexArray, durations: FloatArray) -> FloatArray:
    """Per link and trial, c in ES(succ) >= ES(pred) + c, with the arithmetic of the CPM
    passes (:func:`mgmt_tools.pert.passes.link_offsets`): (lag + d(pred)) - d(succ), each
    term present by link type (multiplying by 1.0 or 0.0 is exact)."""
    kind = network.kind[links]
    from_finish = ((kind == 0) | (kind == 2)).astype(np.float64)[:, None]
    offset = durations[network.pred[links]]
    offset *= from_finish
    offset += network.lag[links][:, None]
    to_finish = ((kind == 2) | (kind == 3)).astype(np.float64)[:, None]
    if to_finish.any():
        offset -= durations[network.succ[links]] * to_finish
    return offset


def _passes(
    network: Network, levels: _Levels, durations: FloatArray, es: FloatArray, ls: FloatArray
) -> tuple[FloatArray, IndexArray]:
    """Forward and backward passes for a chunk: finish per trial, critical count per task.

    ``es`` and ``ls`` are work matrices shaped like ``durations``; ``durations`` is
    overwritten at the end.
    """
    pred, succ = network.pred, network.succ
    es[:] = 0.0
    for group in levels.into[1:]:
        links = group.links
        bounds = es[pred[links]]
        if group.fs_only:
            bounds += durations[pred[links]]
        else:
            bounds += _offsets(network, links, durations)
        early = group.reduce(np.maximum, bounds)
        np.maximum(early, 0.0, out=early)
        es[group.tasks] = early
    np.add(es, durations, out=ls)
    finish = ls.max(axis=0)
    np.subtract(finish[None, :], durations, out=ls)
    for group in reversed(levels.out_of):
        links = group.links
        if not links.size:
            continue
        bounds = ls[succ[links]]
        if group.fs_only:
            bounds -= durations[pred[links]]
        else:
            bounds -= _offsets(network, links, durations)
        ls[group.tasks] = np.minimum(ls[group.tasks], group.reduce(np.minimum, bounds))
    # critical: close(LS, ES), |LS - ES| <= TOLERANCE max(1, |LS|, |ES|) (both are >= 0
    # here), computed in place rather than by isclose: no new (tasks x trials) matrices
    tolerance = np.maximum(es, ls, out=durations)
    np.maximum(tolerance, 1.0, out=tolerance)
    tolerance *= TOLERANCE
    np.subtract(ls, es, out=ls)
    np.abs(ls, out=ls)
    critical = (ls <= tolerance).sum(axis=1)
    return finish, critical
