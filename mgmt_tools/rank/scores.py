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
from typing import Any

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray, IntArray
from mgmt_tools.locale import _, ngettext
from mgmt_tools.rank.build import Comparison

__all__ = [
    "BradleyTerry",
    "borda",
    "bradley_terry",
    "bradley_terry_problem",
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
    with np.errstate(over="ignore"):  # an overflow is reported at its item by the caller
        scores = reach * impact
        scores *= confidence
        scores /= effort
    return scores


def ice(impact: FloatArray, confidence: FloatArray, ease: FloatArray) -> FloatArray:
    """Impact x confidence x ease."""
    with np.errstate(over="ignore"):
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
    with np.errstate(over="ignore"):
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


_SHOWN = 5
"""Groups, items and suggested comparisons named in a message before "and N more"."""


def bradley_terry_problem(names: Sequence[str], comparisons: Sequence[Comparison]) -> str | None:
    """Why the Bradley-Terry strengths of these comparisons have no maximum-likelihood
    estimate, with the comparisons that would give them one; None when they have one.

    The estimate exists and is unique if and only if, for every split of the items into two
    groups, some item of each group beat some item of the other at least once: the directed
    graph of wins (i -> j when i beat j; a tie, half a win to each, both ways) is strongly
    connected (Ford 1957, "Solution of a ranking problem from binary comparisons", Amer.
    Math. Monthly 64(8), 28-33; Hunter 2004, "MM algorithms for generalized Bradley-Terry
    models", Ann. Statist. 32(1), 384-406, Assumption 1). Two failures are told apart:

    * groups never compared with each other: their strengths have no common scale;
    * a group that never lost to (or never beat) the items outside it: its strengths go to
      infinity (or 0) and the algorithm has no point to converge to.

    >>> from mgmt_tools.rank.build import Comparison
    >>> print(bradley_terry_problem(["A", "B", "C"], [Comparison(0, 1, False),
    ...                                              Comparison(1, 2, False)]))
    Bradley-Terry strengths have no maximum-likelihood estimate: Ford's condition (Ford 1957) \
needs, for every split of the items in two, a win of each side over the other; A never lost; \
C never won; add a comparison such as "C > A" (or use model copeland)
    >>> bradley_terry_problem(["A", "B"], [Comparison(0, 1, False), Comparison(1, 0, False)])
    """
    import networkx as nx

    count = len(names)
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(range(count))
    for c in comparisons:
        graph.add_edge(c.first, c.second)
        if c.tie:
            graph.add_edge(c.second, c.first)
    if count < 2 or nx.is_strongly_connected(graph):
        return None
    groups = sorted((sorted(group) for group in nx.weakly_connected_components(graph)), key=min)
    if len(groups) > 1:
        return _disconnected(names, groups)
    return _not_strongly_connected(names, graph)


def _and_more(listed: str, more: int) -> str:
    """``listed`` followed by how many more were left out (none: ``listed`` itself)."""
    if not more:
        return listed
    return _("{listed} and {count} more").format(listed=listed, count=more)


def _group_text(names: Sequence[str], group: Sequence[int]) -> str:
    shown = _and_more(
        ", ".join(names[item] for item in group[:_SHOWN]), max(len(group) - _SHOWN, 0)
    )
    return shown if len(group) == 1 else "{" + shown + "}"


def _listed(texts: Sequence[str]) -> str:
    return _and_more(", ".join(texts[:_SHOWN]), max(len(texts) - _SHOWN, 0))


def _disconnected(names: Sequence[str], groups: list[list[int]]) -> str:
    described = _listed([_group_text(names, group) for group in groups])
    first = names[groups[0][0]]
    joins = [
        _('"{first} > {other}" and "{other} > {first}"').format(first=first, other=names[group[0]])
        for group in groups[1:]
    ]
    return _(
        "Bradley-Terry strengths have no common scale: the comparisons form {count} "
        "groups never compared with each other ({groups}); compare the groups, such as "
        "{joins} (a win each way, as Ford's condition needs; or use model copeland)"
    ).format(count=len(groups), groups=described, joins=_listed(joins))


def _not_strongly_connected(names: Sequence[str], graph: Any) -> str:
    """Ford's condition fails on one connected set: name the groups that never lost (the
    sources of the condensation) and never won (its sinks), and comparisons that fix it,
    found by adding "a sink's item beats a source's item" until the graph is strongly
    connected (each addition removes a source and a sink)."""
    import networkx as nx

    dag = nx.condensation(graph)
    first = {c: min(dag.nodes[c]["members"]) for c in dag}  # an item to name for each group
    never_lost = sorted(
        (sorted(dag.nodes[c]["members"]) for c in dag if not dag.in_degree(c)), key=min
    )
    never_won = sorted(
        (sorted(dag.nodes[c]["members"]) for c in dag if not dag.out_degree(c)), key=min
    )
    # on the graph of groups; only the fixes named are found one by one (each step condenses
    # the graph again), the rest are counted: max(sources, sinks) of what is left is the
    # fewest links that make a connected graph strongly connected (Eswaran and Tarjan 1976)
    current: nx.DiGraph[int] = nx.DiGraph(dag.edges)
    current.add_nodes_from(dag)
    fixes: list[str] = []
    more = 0
    while True:
        merged = nx.condensation(current)
        if len(merged) <= 1:
            break
        if len(fixes) == _SHOWN:
            sources = sum(1 for m in merged if not merged.in_degree(m))
            sinks = sum(1 for m in merged if not merged.out_degree(m))
            more = max(sources, sinks)
            break
        winner = _end_group(merged, merged.out_degree, first)
        loser = _end_group(merged, merged.in_degree, first)
        current.add_edge(winner, loser)
        fixes.append(f'"{names[first[winner]]} > {names[first[loser]]}"')
    lost = _never_all(names, never_lost, "lost")
    won = _never_all(names, never_won, "won")
    listed = _and_more(", ".join(fixes), more)
    return ngettext(
        "Bradley-Terry strengths have no maximum-likelihood estimate: Ford's condition (Ford "
        "1957) needs, for every split of the items in two, a win of each side over the other; "
        "{lost}; {won}; add a comparison such as {fixes} (or use model copeland)",
        "Bradley-Terry strengths have no maximum-likelihood estimate: Ford's condition (Ford "
        "1957) needs, for every split of the items in two, a win of each side over the other; "
        "{lost}; {won}; add comparisons such as {fixes} (or use model copeland)",
        len(fixes),
    ).format(lost=lost, won=won, fixes=listed)


def _end_group(merged: Any, degree: Any, first: dict[int, int]) -> int:
    """The group, among those with no link out (``degree`` out) or in, with the first item."""
    ends: list[int] = [
        min(merged.nodes[m]["members"], key=first.__getitem__) for m in merged if not degree(m)
    ]
    return min(ends, key=first.__getitem__)


def _never_all(names: Sequence[str], groups: Sequence[Sequence[int]], what: str) -> str:
    """The first :data:`_SHOWN` groups that never ``what`` (lost or won), the rest counted."""
    told = [_never(names, group, what) for group in groups[:_SHOWN]]
    left = len(groups) - _SHOWN
    if left > 0:
        more = _("{count} more never lost") if what == "lost" else _("{count} more never won")
        told.append(more.format(count=left))
    return _("; ").join(told)


def _never(names: Sequence[str], group: Sequence[int], what: str) -> str:
    if what == "lost":
        message = (
            _("{group} never lost to an item outside it")
            if len(group) > 1
            else _("{group} never lost")
        )
    else:
        message = (
            _("{group} never won against an item outside it")
            if len(group) > 1
            else _("{group} never won")
        )
    return message.format(group=_group_text(names, group))


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

    wins, _ties = _pairs(len(names), comparisons)
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
