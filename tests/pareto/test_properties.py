"""Hypothesis properties of the Pareto analysis."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from mgmt_tools.pareto import analyse, tally_text

counts = st.lists(st.integers(0, 10**6), min_size=1, max_size=40).filter(lambda c: sum(c) > 0)


def _names(size: int) -> list[str]:
    return [f"c{index}" for index in range(size)]


@given(counts, st.floats(1, 100))
def test_cumulative_is_non_decreasing_and_ends_at_100(values: list[int], cutoff: float) -> None:
    result = analyse(_names(len(values)), values, cutoff=cutoff)
    cumulative = [row["cumulative_percent"] for row in result.items]
    assert all(b >= a for a, b in pairwise(cumulative))
    assert cumulative[-1] == 100.0
    assert 1 <= result.vital <= len(values)
    reached = cumulative[result.vital - 1]
    assert reached >= cutoff - 1e-7
    if result.vital > 1:
        assert cumulative[result.vital - 2] < cutoff + 1e-7


@given(counts, st.integers(1, 45))
def test_other_plus_kept_is_the_total(values: list[int], top: int) -> None:
    result = analyse(_names(len(values)), values, top=top)
    assert sum(row["count"] for row in result.items) == sum(values)
    if top < len(values):
        assert result.items[-1]["category"] == "Other"
        assert len(result.items) == top + 1
    else:
        assert "Other" not in result.names


@given(counts, st.floats(1, 100))
def test_other_after_keeps_the_fewest_reaching(values: list[int], percent: float) -> None:
    result = analyse(_names(len(values)), values, other_after=percent)
    assert sum(row["count"] for row in result.items) == sum(values)
    kept = len(result.items) - (1 if result.other else 0)
    head = sorted(values, reverse=True)[:kept]
    assert sum(head) * 100 >= percent * sum(values) * (1 - 1e-9)


@given(st.lists(st.integers(1, 5), min_size=1, max_size=30))
def test_input_order_of_equal_counts_decides_ties(values: list[int]) -> None:
    names = _names(len(values))
    result = analyse(names, values)
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    assert result.names == [names[i] for i in order]


@given(st.lists(st.sampled_from(["a", "b", "c, d", "é", "资料"]), min_size=1, max_size=60))
def test_quoted_and_plain_csv_count_alike(records: list[str]) -> None:
    quoted = "reason\n" + "".join(f'"{r}"\n' for r in records)
    expected: dict[str, float] = {}
    for record in records:
        expected[record] = expected.get(record, 0.0) + 1
    assert tally_text(quoted, "reason").as_dict() == expected
    if not any("," in r for r in records):
        plain = "reason\n" + "".join(f"{r}\n" for r in records)
        assert tally_text(plain, "reason").as_dict() == expected


@given(st.lists(st.tuples(st.sampled_from("xyz"), st.sampled_from("AB"), st.integers(0, 9))))
def test_strata_add_up(rows: list[tuple[str, str, int]]) -> None:
    if not rows or sum(n for *_, n in rows) == 0:
        return
    text = "reason,branch,n\n" + "".join(f"{r},{b},{n}\n" for r, b, n in rows)
    tally = tally_text(text, "reason", count="n", by="branch")
    assert tally.by_stratum is not None
    assert np.allclose(tally.by_stratum.sum(axis=0), tally.totals)
