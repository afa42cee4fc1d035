"""Properties: input order never changes the scores; scaling reach keeps the RICE order; ties
share ranks and keep input order."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.rank import evaluate, from_dict, rank

positive = st.floats(0.1, 1000, allow_nan=False)
confidence = st.one_of(st.just(0.0), st.floats(1e-6, 1))
rice_items = st.lists(
    # confidence 0, or far from underflow: scaling a subnormal score by 0.001 loses it
    st.tuples(positive, st.sampled_from([0.25, 0.5, 1, 2, 3]), confidence, positive),
    min_size=1,
    max_size=25,
)


def _rice(rows: list[tuple[float, float, float, float]], scale: float = 1.0) -> dict[str, object]:
    return {
        "method": "rice",
        "items": [
            {"name": f"i{k}", "reach": r * scale, "impact": i, "confidence": c, "effort": e}
            for k, (r, i, c, e) in enumerate(rows)
        ],
    }


@settings(max_examples=60, deadline=None)
@given(rice_items, st.randoms(use_true_random=False))
def test_input_order_never_changes_the_scores(
    rows: list[tuple[float, float, float, float]], rnd: random.Random
) -> None:
    data = _rice(rows)
    shuffled = list(data["items"])  # type: ignore[call-overload,unused-ignore]
    rnd.shuffle(shuffled)
    first = evaluate(from_dict(data))
    second = evaluate(from_dict({**data, "items": shuffled}))
    by_name = {r["item"]: (r["score"], r["rank"]) for r in first.ranking}
    assert {r["item"]: (r["score"], r["rank"]) for r in second.ranking} == by_name


@settings(max_examples=60, deadline=None)
@given(rice_items, st.sampled_from([0.001, 0.5, 3.0, 1000.0]))
def test_scaling_reach_keeps_the_order(
    rows: list[tuple[float, float, float, float]], scale: float
) -> None:
    base = evaluate(from_dict(_rice(rows)))
    scaled = evaluate(from_dict(_rice(rows, scale)))
    assert scaled.ranks.tolist() == base.ranks.tolist()


@given(st.lists(st.integers(0, 5), min_size=1, max_size=40))
def test_ties_share_ranks_and_keep_input_order(values: list[int]) -> None:
    scores = np.array(values, dtype=float)
    order, ranks = rank(scores)
    for position, index in enumerate(order.tolist()):
        assert ranks[index] == 1 + int((scores > scores[index]).sum())
        if position:
            previous = int(order[position - 1])
            assert scores[previous] > scores[index] or previous < index


def test_competition_ranks() -> None:
    order, ranks = rank(np.array([3.0, 5.0, 5.0, 1.0, 5.0 + 1e-13]))
    assert ranks.tolist() == [4, 1, 1, 5, 1]
    assert order.tolist() == [1, 2, 4, 0, 3]


def test_borda_order_invariant() -> None:
    ballots = [["A", "B", "C"], {"ranking": ["B", "A", "C"], "count": 3}, ["C", "A", "B"]]
    one = evaluate(from_dict({"method": "borda", "items": ["A", "B", "C"], "ballots": ballots}))
    two = evaluate(from_dict({"method": "borda", "items": ["C", "B", "A"], "ballots": ballots}))
    assert {r["item"]: r["score"] for r in one.ranking} == {
        r["item"]: r["score"] for r in two.ranking
    }
