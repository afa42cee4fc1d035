"""When Bradley-Terry strengths exist (issue #14, Deliver 8): a located error that names the
condition that fails and the comparisons that would fix it.

The maximum-likelihood strengths exist, and are unique up to scale, if and only if for every
split of the items into two non-empty groups some item of each group beat some item of the
other: the directed graph of wins is strongly connected. Ford, L. R. (1957), "Solution of a
ranking problem from binary comparisons", American Mathematical Monthly 64(8), 28-33; Hunter,
D. R. (2004), "MM algorithms for generalized Bradley-Terry models", Annals of Statistics
32(1), 384-406, Assumption 1 (and Lemma 1: under it the MM iterates converge to the unique
maximum). A tie counts half a win to each side, so it links the two both ways.

Before the fix, comparisons in two unconnected groups reported converged, equal strengths with
no warning, and comparisons where one item never lost reported only "did not converge".
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.rank import evaluate, from_dict

from ..helpers import mgmt, written


def _bradley_terry(comparisons: list[str], **more: object) -> InputError:
    backlog = from_dict({"method": "pairwise", "comparisons": comparisons, **more})
    with pytest.raises(InputError) as caught:
        evaluate(backlog, model="bradley-terry")
    return caught.value


def test_disconnected_groups_are_named_with_comparisons_that_join_them(tmp_path: Path) -> None:
    backlog = written(
        tmp_path / "votes.yaml",
        "method: pairwise\nmodel: bradley-terry\ncomparisons:\n"
        "  - A > B\n  - B > A\n  - C > D\n  - D > C\n",
    )
    code, out, err = mgmt("rank", str(backlog))
    assert code == 1
    assert out == ""
    assert err.startswith(f"{backlog}:4:3: comparisons: Bradley-Terry strengths have no common")
    assert "2 groups never compared with each other ({A, B}, {C, D})" in err
    assert '"A > C" and "C > A"' in err
    assert "model copeland" in err


def test_three_groups_and_an_item_never_compared() -> None:
    error = _bradley_terry(["A = B", "C > D", "D > C"], items=["A", "B", "C", "D", "E"])
    message = str(error)
    assert "3 groups never compared with each other ({A, B}, {C, D}, E)" in message
    assert '"A > C" and "C > A", "A > E" and "E > A"' in message


def test_an_item_that_never_lost_is_named_with_the_comparison_that_fixes_it() -> None:
    # A > B > C: transitive and clear, but A's strength goes to infinity and C's to 0
    message = str(_bradley_terry(["A > B", "B > C", "A > C"]))
    assert "no maximum-likelihood estimate: Ford's condition (Ford 1957)" in message
    assert "A never lost; C never won" in message
    assert 'add a comparison such as "C > A"' in message


def test_a_group_that_never_lost_to_the_others() -> None:
    # every item wins and loses once, yet {A, B} never lost to {C, D}: the case that only
    # said "did not converge" before
    message = str(_bradley_terry(["A > B", "B > A", "C > D", "D > C", "A > C"]))
    assert "{A, B} never lost to an item outside it" in message
    assert "{C, D} never won against an item outside it" in message
    assert '"C > A"' in message


def test_the_suggested_comparisons_satisfy_the_condition() -> None:
    comparisons = ["A > B", "B > C", "C > D", "E > D"]
    message = str(_bradley_terry(comparisons))
    assert "A never lost; E never lost; D never won" in message
    suggested = message.split("comparisons such as ")[1].split(" (or use")[0]
    fixes = [text.strip().strip('"') for text in suggested.split(",")]
    assert fixes == ["D > A", "A > E"]
    fixed = evaluate(
        from_dict({"method": "pairwise", "comparisons": comparisons + fixes}),
        model="bradley-terry",
    )
    assert fixed.to_dict()["estimation"]["converged"]
    assert all(math.isfinite(score) and score > 0 for score in fixed.scores.tolist())


def test_ties_link_both_ways_and_a_strongly_connected_set_is_fitted() -> None:
    result = evaluate(
        from_dict({"method": "pairwise", "comparisons": ["A = B", "B > C", "C > A"]}),
        model="bradley-terry",
    )
    assert result.warnings == []
    assert result.to_dict()["estimation"]["converged"]


def test_copeland_still_ranks_what_bradley_terry_refuses() -> None:
    result = evaluate(from_dict({"method": "pairwise", "comparisons": ["A > B", "B > C"]}))
    assert [row["item"] for row in result.ranking] == ["A", "B", "C"]


def test_many_items_that_never_won_are_counted_not_listed() -> None:
    """One item beat 1,999 others and nothing else was compared: the first groups and fixes
    are named, the rest counted; the fewest comparisons that make the wins strongly connected
    are max(sources, sinks) = 1,999 (Eswaran, K. P. and Tarjan, R. E. (1976), "Augmentation
    problems", SIAM Journal on Computing 5(4), 653-665), 5 named and 1,994 more."""
    error = _bradley_terry([f"I0 > I{i}" for i in range(1, 2000)])
    message = str(error)
    assert "I0 never lost" in message
    assert "I5 never won; 1994 more never won" in message
    assert '"I5 > I0" and 1994 more (or use model copeland)' in message
    assert len(message) < 1000  # before: every one of the 1,999 items named
