"""The one tolerance and the one ranking with ties (:mod:`mgmt_tools._numeric`), and the two
``rank`` functions of mcda and rank built on it."""

from __future__ import annotations

import math
import random
import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgmt_tools import _numeric
from mgmt_tools._numeric import TOLERANCE, close, isclose, rank_with_ties
from mgmt_tools.mcda import ranking as mcda_ranking
from mgmt_tools.rank import ranking as rank_ranking

INF, NAN = math.inf, math.nan


def test_the_rule_is_relative_with_a_floor_of_one() -> None:
    assert close(1e6, 1e6 * (1 + 0.9 * TOLERANCE))
    assert not close(1e6, 1e6 * (1 + 1.1 * TOLERANCE))
    assert close(0.0, 0.9 * TOLERANCE)
    assert not close(0.0, 1.1 * TOLERANCE)
    assert not close(1e-12, 2e-12, floor=0)
    assert close(0.1 + 0.2, 0.3)


def test_infinities_and_nan() -> None:
    assert close(INF, INF)
    assert not close(INF, -INF)
    assert not close(INF, 1e308)
    assert not close(NAN, NAN)


numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-10, 10).map(lambda x: round(x, 1)),
)


@given(numbers, numbers, st.sampled_from([0.0, 1.0]))
def test_isclose_is_close_elementwise_and_symmetric(a: float, b: float, floor: float) -> None:
    assert close(a, b, floor=floor) == close(b, a, floor=floor)
    assert bool(isclose([a], [b], floor=floor)[0]) == close(a, b, floor=floor)


def _reference(
    scores: list[float], higher: bool, groups: list[int] | None, floor: float
) -> list[int]:
    """Competition ranks the slow, obvious way: sort, then walk and compare neighbours."""
    codes = groups or [0] * len(scores)

    def key(i: int) -> tuple[int, bool, float, int]:
        value = scores[i]
        missing = math.isnan(value)
        return (codes[i], missing, 0.0 if missing else (-value if higher else value), i)

    order = sorted(range(len(scores)), key=key)
    ranks = [0] * len(scores)
    for position, item in enumerate(order):
        if position:
            before = order[position - 1]
            a, b = scores[before], scores[item]
            same_group = codes[before] == codes[item]
            tie = (math.isnan(a) and math.isnan(b)) or close(a, b, floor=floor)
            if same_group and tie:
                ranks[item] = ranks[before]
                continue
        ranks[item] = position + 1
    return ranks


scores_lists = st.lists(
    st.one_of(
        st.sampled_from([0.0, 1.0, 2.0, 1.0 + 1e-12, 1e-12, -3.0, NAN, INF, -INF]),
        st.floats(-1e6, 1e6),
    ),
    min_size=0,
    max_size=30,
)


@given(scores_lists, st.booleans(), st.booleans(), st.sampled_from([0.0, 1.0]), st.randoms())
def test_ranks_match_the_obvious_algorithm(
    scores: list[float], higher: bool, grouped: bool, floor: float, rnd: random.Random
) -> None:
    groups = [rnd.randrange(3) for _ in scores] if grouped else None
    order, ranks = rank_with_ties(
        np.array(scores, dtype=float), higher_is_better=higher, groups=groups, floor=floor
    )
    expected = _reference(scores, higher, groups, floor)
    assert ranks.tolist() == expected
    assert sorted(order.tolist()) == list(range(len(scores)))
    # best first; tied items in input order
    assert [ranks[i] for i in order.tolist()] == sorted(expected)
    for before, after in zip(order.tolist(), order[1:].tolist(), strict=False):
        if ranks[before] == ranks[after]:
            assert before < after


def test_competition_ranking_both_ways() -> None:
    assert rank_with_ties([10.0, 30.0, 20.0, 30.0])[1].tolist() == [4, 1, 3, 1]
    assert rank_with_ties([10.0, 30.0, 20.0, 10.0], higher_is_better=False)[1].tolist() == [
        1,
        4,
        3,
        1,
    ]


def test_a_missing_score_comes_last_and_ties_only_with_missing_ones() -> None:
    order, ranks = rank_with_ties([3.0, NAN, 5.0, NAN])
    assert order.tolist() == [2, 0, 1, 3]
    assert ranks.tolist() == [2, 3, 1, 3]


def test_groups_come_first_and_never_tie_across() -> None:
    order, ranks = rank_with_ties([5.0, 5.0, 9.0], groups=[1, 0, 1])
    assert order.tolist() == [1, 2, 0]
    assert ranks.tolist() == [3, 1, 2]


def test_floor_zero_keeps_ties_under_rescaling() -> None:
    tiny = np.array([1e-10, 2e-10, 2e-10])
    assert rank_with_ties(tiny, floor=0)[1].tolist() == [3, 1, 1]
    assert rank_with_ties(tiny * 1e12, floor=0)[1].tolist() == [3, 1, 1]
    assert rank_with_ties(tiny)[1].tolist() == [1, 1, 1]  # floor 1: all within 1e-9 of 0


def test_chained_near_ties_form_one_group() -> None:
    step = 0.6 * TOLERANCE
    assert rank_with_ties([0.0, step, 2 * step, 1.0])[1].tolist() == [2, 2, 2, 1]


def test_the_two_rank_functions_are_thin_wrappers() -> None:
    assert mcda_ranking.TOLERANCE is _numeric.TOLERANCE
    assert rank_ranking.TOLERANCE is _numeric.TOLERANCE
    assert mcda_ranking.close is close
    scores = np.array([1e-10, 2e-10, 0.5, 0.5 + 1e-12])
    # mcda: scores of a known scale (floor 1); rank: arbitrary units (floor 0)
    assert mcda_ranking.rank(scores)[1].tolist() == [3, 3, 1, 1]
    assert mcda_ranking.rank(scores, higher_is_better=False)[1].tolist() == [1, 1, 3, 3]
    assert rank_ranking.rank(scores)[1].tolist() == [4, 3, 1, 1]
    assert rank_ranking.rank(scores, np.array([1, 0, 1, 1]))[1].tolist() == [4, 1, 2, 2]


@pytest.mark.parametrize("size", [0, 1])
def test_small_inputs(size: int) -> None:
    order, ranks = rank_with_ties(np.ones(size))
    assert order.tolist() == list(range(size))
    assert ranks.tolist() == [1] * size


@pytest.mark.parametrize("kind", ["distinct", "grouped", "tied", "missing"])
def test_a_large_ranking_keeps_few_arrays_alive(kind: str) -> None:
    # bench_index ranks a million scores under a memory target: the peak must stay near five
    # arrays of the size of the input (order, ranks and the work arrays freed early)
    rng = np.random.default_rng(7)
    size = 200_000
    scores = rng.random(size)
    groups = rng.integers(0, 5, size) if kind == "grouped" else None
    if kind == "tied":
        scores = np.round(scores, 3)
    if kind == "missing":
        scores[rng.random(size) < 0.1] = NAN
    tracemalloc.start()
    try:
        order, ranks = rank_with_ties(scores, groups=groups)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ranks[order[0]] == 1
    assert peak < 5.5 * scores.nbytes
