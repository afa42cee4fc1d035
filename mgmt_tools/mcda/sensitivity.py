"""Weight sensitivity of an index result (``--sensitivity``).

*Break points.* For each criterion j its weight is moved from w_j to t while the other weights
keep their proportions, w_k(t) = w_k (1 - t) / (1 - w_j); the result reports the weight above
and below w_j at which the top alternative changes, and who is top then. Normalised values do
not depend on the weights, so a weighted sum is linear in t (and a weighted product's logarithm
is): the crossings are solved exactly. TOPSIS and VIKOR are searched on a grid of 128 steps
and refined by multisection to 1e-10 (:data:`SEARCH_WIDTH`; a change and change back inside
one grid step can be missed).

*Rank acceptability.* Weights are drawn from a Dirichlet distribution with mean w and
concentration c (alpha = c w; the sd of a weight is sqrt(w (1 - w) / (c + 1)), about 0.046 for
w = 0.3 and c = 100); criteria of weight 0 stay at 0. The share of draws giving each
alternative each rank (equal scores share a rank) is reported, and the share ranked first.
Draws come in fixed chunks of 256, each from its own stream of
``SeedSequence(seed).spawn``; seed None draws a fresh seed, reported. Beyond 200 alternatives
only ranks 1-10 are counted, by position.
"""

from __future__ import annotations

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools.locale import _
from mgmt_tools.mcda.result import (
    FULL_RANKS,
    Acceptability,
    BreakPoint,
    CriterionSensitivity,
    IndexResult,
    Sensitivity,
)
from mgmt_tools.mcda.scorer import Scorer, scorer_of

__all__ = [
    "Acceptability",
    "BreakPoint",
    "CriterionSensitivity",
    "Sensitivity",
    "analyse_sensitivity",
]

CHUNK = 256
GRID = 128
SHOWN_RANKS = 10
SEARCH_WIDTH = 1e-10
"""TOPSIS and VIKOR break points: the multisection stops when the weight is bracketed this
narrowly (a stopping rule, not an equality test of :mod:`mgmt_tools._numeric`)."""
PARALLEL_SLOPE = 1e-15
"""Linear scores whose difference to the top changes by less than this over the whole weight
range never cross (dividing by such a slope would give a crossing made of round-off)."""
CROSSING_SLACK = 1e-12
"""Round-off allowed in an exact crossing (weights are in [0, 1]): a crossing this close to
the current weight or to 0 and 1 counts as on it, and crossings this close together tie."""


def _path(base: FloatArray, j: int, t: FloatArray) -> FloatArray:
    """Weight vectors with criterion j at each t and the others in their proportions."""
    others = base.copy()
    others[j] = 0.0
    total = others.sum()
    if total <= 0:  # j had all the weight: share the rest equally
        others = np.ones_like(base)
        others[j] = 0.0
        total = others.sum()
    weights = np.outer(1.0 - t, others / total)
    weights[:, j] = t
    return weights


def _linear(
    s: Scorer, weights: FloatArray, j: int, top: int
) -> tuple[tuple[float, int] | None, ...]:
    """Exact crossings of linear scores: (t, new top) above and below the current weight."""
    t0 = float(weights[j])
    ends = s.scores(_path(weights, j, np.array([0.0, 1.0])))  # score at t = 0 and t = 1
    start, slope = (
        ends[:, 0] - ends[top, 0],
        (ends[:, 1] - ends[top, 1]) - (ends[:, 0] - ends[top, 0]),
    )
    results: list[tuple[float, int] | None] = []
    for direction in (1.0, -1.0):
        with np.errstate(divide="ignore", invalid="ignore"):
            crossing = np.where(slope * direction > PARALLEL_SLOPE, -start / slope, np.nan)
        crossing[top] = np.nan
        valid = np.isfinite(crossing) & ((crossing - t0) * direction >= -CROSSING_SLACK)
        valid &= (crossing >= -CROSSING_SLACK) & (crossing <= 1 + CROSSING_SLACK)
        if not valid.any():
            results.append(None)
            continue
        best = np.nanmin(np.where(valid, (crossing - t0) * direction, np.nan))
        first = valid & (np.abs((crossing - t0) * direction - best) <= CROSSING_SLACK)
        candidates = np.flatnonzero(first)
        # at the crossing they tie; just beyond it the one rising fastest leads
        winner = int(candidates[np.argmax(slope[candidates] * direction)])
        results.append((min(1.0, max(0.0, float(crossing[winner]))), winner))
    return tuple(results)


def _search(
    s: Scorer, weights: FloatArray, j: int, top: int
) -> tuple[tuple[float, int] | None, ...]:
    t0 = float(weights[j])
    results: list[tuple[float, int] | None] = []
    for end in (1.0, 0.0):
        grid = t0 + (end - t0) * np.arange(1, GRID + 1) / GRID
        if grid.size == 0 or t0 == end:
            results.append(None)
            continue
        winners = s.winners(_path(weights, j, grid))
        changed = np.flatnonzero(winners != top)
        if not changed.size:
            results.append(None)
            continue
        k = int(changed[0])
        same, other = (t0 if k == 0 else float(grid[k - 1])), float(grid[k])
        new = int(winners[k])
        while abs(other - same) > SEARCH_WIDTH:
            inner = same + (other - same) * np.arange(1, 33) / 33
            found = s.winners(_path(weights, j, inner))
            moved = np.flatnonzero(found != top)
            if moved.size:
                m = int(moved[0])
                other, new = float(inner[m]), int(found[m])
                same = same if m == 0 else float(inner[m - 1])
            else:
                same = float(inner[-1])
        results.append((other, new))
    return tuple(results)


def _acceptability(
    s: Scorer, weights: FloatArray, seed: int | None, draws: int, concentration: float
) -> Acceptability:
    sequence = np.random.SeedSequence(seed)
    seed_used = int(sequence.entropy)  # type: ignore[arg-type]
    m = s.count
    shown = m if m <= FULL_RANKS else SHOWN_RANKS
    counts = np.zeros((m, shown), dtype=np.int64)
    positive = np.flatnonzero(weights > 0)
    chunks = list(range(0, draws, CHUNK))
    for start, stream in zip(chunks, sequence.spawn(len(chunks)), strict=True):
        size = min(CHUNK, draws - start)
        drawn = np.zeros((size, weights.size))
        rng = np.random.default_rng(stream)
        if positive.size == 1:
            drawn[:, positive] = 1.0
        else:
            drawn[:, positive] = rng.dirichlet(concentration * weights[positive], size)
        for batch in s.batches(drawn):
            scores = s.scores(batch)
            if m <= FULL_RANKS:
                ranks = s.competition_ranks(scores)
                for r in range(shown):
                    counts[:, r] += (ranks == r + 1).sum(axis=1)
            else:
                tops = s.top_positions(scores, shown)
                for r in range(shown):
                    np.add.at(counts[:, r], tops[r], 1)
    return Acceptability(draws, seed_used, concentration, counts)


def analyse_sensitivity(
    result: IndexResult, *, seed: int | None = None, draws: int = 2000, concentration: float = 100.0
) -> Sensitivity:
    """Break points of every criterion's weight and the rank acceptability of ``result``."""
    if draws < 1 or concentration <= 0:
        raise ValueError(_("draws must be at least 1 and the concentration above 0"))
    s = scorer_of(result)
    weights = result.weights
    top = int(result.order[0])
    names = result.matrix.alternatives
    solve = _linear if s.linear else _search
    criteria: list[CriterionSensitivity] = []
    for j, cid in enumerate(result.matrix.criteria):
        up, down = solve(s, weights, j, top) if len(names) > 1 else (None, None)
        criteria.append(
            CriterionSensitivity(
                cid,
                float(weights[j]),
                None if up is None else BreakPoint(up[0], names[up[1]]),
                None if down is None else BreakPoint(down[0], names[down[1]]),
                "exact" if s.linear else "search",
            )
        )
    accept = _acceptability(s, weights, seed, draws, concentration)
    return Sensitivity(names, names[top], criteria, accept)
