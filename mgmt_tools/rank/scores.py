"""The scoring methods of ``mgmt rank``, each a pure function over arrays.

* rice: reach x impact x confidence / effort (Intercom, McBride 2016);
* ice: impact x confidence x ease (Ellis);
* wsjf: (business_value + time_criticality + risk_reduction) / job_size (SAFe, after
  Reinertsen's cost of delay divided by duration);
* moscow: the priority (must, should, could, wont) as a category, then ``score``;
* eisenhower: quadrant do / schedule / delegate / eliminate from urgent and important, score
  urgent + important (booleans count 10 and 0);
* value_effort: quick win / big bet / fill-in / money pit from value and effort, score
  value - effort;
* pairwise: Copeland, wins minus losses over the comparisons (a tie counts for neither); or
  Bradley-Terry strengths by the MM algorithm of Hunter (2004), a tie half a win to each;
* borda: n - 1 points for first place down to 0, times the ballot's count;
* weighted: the weighted sum of ``mgmt index`` (:func:`mgmt_tools.mcda.methods.weighted_sum`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray, IntArray
from mgmt_tools.rank.build import Comparison

__all__ = [
    "BradleyTerry",
    "borda",
    "bradley_terry",
    "copeland",
    "eisenhower",
    "ice",
    "intransitive_cycles",
    "rice",
    "value_effort",
    "weighted",
    "wsjf",
]


def rice(
    reach: FloatArray, impact: FloatArray, confidence: FloatArray, effort: FloatArray
) -> FloatArray:
    """Reach x impact x confidence / effort.

    >>> rice(np.array([2000.0]), np.array([2.0]), np.array([0.8]), np.array([4.0])).tolist()
    [800.0]
    """
    scores = reach * impact
    scores *= confidence
    scores /= effort
    return scores


def ice(impact: FloatArray, confidence: FloatArray, ease: FloatArray) -> FloatArray:
    """Impact x confidence x ease."""
    scores = impact * confidence
    scores *= ease
    return scores


def wsjf(
    business_value: FloatArray,
    time_criticality: FloatArray,
    risk_reduction: FloatArray,
    job_size: FloatArray,
) -> FloatArray:
    """Cost of delay (business value + time criticality + risk reduction) / job size."""
    scores = business_value + time_criticality
    scores += risk_reduction
    scores /= job_size
    return scores


def eisenhower(
    urgent: FloatArray, important: FloatArray, threshold: float
) -> tuple[IntArray, FloatArray]:
    """Quadrant codes (0 do, 1 schedule, 2 delegate, 3 eliminate) and urgent + important."""
    return _quadrants(important >= threshold, urgent >= threshold, (0, 1, 2, 3)), urgent + important


def value_effort(
    value: FloatArray, effort: FloatArray, threshold: float
) -> tuple[IntArray, FloatArray]:
    """Codes (0 quick win, 1 big bet, 2 fill-in, 3 money pit) and value - effort."""
    return _quadrants(value >= threshold, effort >= threshold, (1, 0, 3, 2)), value - effort


def _quadrants(first: BoolArray, second: BoolArray, codes: tuple[int, int, int, int]) -> IntArray:
    """The code of each item's quadrant of a 2x2 matrix, from ``codes`` given for (both tests
    true, ``first`` only, ``second`` only, neither)."""
    both, first_only, second_only, neither = codes
    quadrant = np.where(
        first, np.where(second, both, first_only), np.where(second, second_only, neither)
    )
    return quadrant.astype(np.int64)


def _pairs(count: int, comparisons: Sequence[Comparison]) -> tuple[FloatArray, FloatArray]:
    """Wins matrix (w[i, j]: i preferred to j; a tie half to each) and ties matrix."""
    wins = np.zeros((count, count))
    ties = np.zeros((count, count))
    for c in comparisons:
        if c.tie:
            ties[c.first, c.second] += c.count
            ties[c.second, c.first] += c.count
        else:
            wins[c.first, c.second] += c.count
    return wins, ties


def copeland(
    count: int, comparisons: Sequence[Comparison]
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Scores (wins minus losses), wins, losses and ties of each item.

    >>> from mgmt_tools.rank.build import Comparison
    >>> pairs = [Comparison(0, 1, False), Comparison(1, 2, False), Comparison(0, 2, True)]
    >>> copeland(3, pairs)[0].tolist()
    [1.0, 0.0, -1.0]
    """
    wins, ties = _pairs(count, comparisons)
    won, lost = wins.sum(axis=1), wins.sum(axis=0)
    return won - lost, won, lost, ties.sum(axis=1)


@dataclass(frozen=True)
class BradleyTerry:
    """Bradley-Terry strengths (summing to 1) and how the MM algorithm ended."""

    strengths: FloatArray
    iterations: int
    converged: bool


def bradley_terry(
    count: int,
    comparisons: Sequence[Comparison],
    max_iterations: int = 10000,
    tolerance: float = 1e-10,
) -> BradleyTerry:
    """Maximum-likelihood strengths p (P(i beats j) = p_i / (p_i + p_j)) by the MM algorithm
    (Hunter 2004, eq. 3): p_i <- W_i / sum_j n_ij / (p_i + p_j), then normalised to sum 1;
    stops when no strength moves by more than ``tolerance`` x the largest.
    """
    wins, ties = _pairs(count, comparisons)
    wins = wins + ties / 2.0
    games = wins + wins.T
    won = wins.sum(axis=1)
    strength = np.full(count, 1.0 / max(count, 1))
    for iteration in range(1, max_iterations + 1):
        with np.errstate(divide="ignore", invalid="ignore"):
            denominator = (games / (strength[:, None] + strength[None, :])).sum(axis=1)
            updated = np.where(denominator > 0, won / denominator, 0.0)
        total = updated.sum()
        updated = updated / total if total > 0 else strength
        change = float(np.max(np.abs(updated - strength)))
        strength = updated
        if change <= tolerance * float(strength.max()):
            return BradleyTerry(strength, iteration, True)
    return BradleyTerry(strength, max_iterations, False)


def borda(count: int, ballots: Sequence[tuple[Sequence[int], float]]) -> FloatArray:
    """Points: n - 1 for first place down to 0 (n the number of items), times the count.

    >>> borda(3, [([0, 1, 2], 2.0), ([1, 0, 2], 1.0)]).tolist()
    [5.0, 4.0, 0.0]
    """
    points = np.zeros(count)
    for ranking, times in ballots:
        places = np.asarray(ranking, dtype=np.int64)
        points[places] += (count - 1 - np.arange(places.size)) * times
    return points


def intransitive_cycles(names: Sequence[str], comparisons: Sequence[Comparison]) -> list[list[str]]:
    """One preference cycle (A > B > C > A) per group of items that beat each other round,
    by the net result of each pair; each cycle lists its first name again at the end."""
    import networkx as nx

    wins, _ = _pairs(len(names), comparisons)
    graph: nx.DiGraph[int] = nx.DiGraph()
    for i, j in zip(*np.nonzero(wins > wins.T), strict=True):
        graph.add_edge(int(i), int(j))
    cycles = []
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        if len(component) < 2:
            continue
        start = min(component)
        edges = nx.find_cycle(graph.subgraph(component), source=start)
        cycle = [names[int(edge[0])] for edge in edges]
        cycles.append([*cycle, cycle[0]])
    return cycles


def weighted(
    values: FloatArray, maximize: BoolArray, weights: FloatArray, method: str
) -> FloatArray:
    """The weighted sum of ``mgmt index`` with normalisation ``method`` (weights sum to 1)."""
    from mgmt_tools.mcda.methods import weighted_sum
    from mgmt_tools.mcda.normalize import normalization

    norm = normalization(values, maximize, method)
    return weighted_sum(values, norm, weights / weights.sum())
