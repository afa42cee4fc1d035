"""The engines never compute an overflow into the result (issue #14, Deliver 2): a value that
would overflow is a located error naming the inputs that cause it; a stratified Pareto uses
memory in proportion to its data and its result; dates stay within year 9999.

Each test failed before its fix (an ``inf`` refused by the JSON writer, an internal error, a
NaN, or a dense table of every stratum and category), except the guards marked as such.
"""

from __future__ import annotations

import json
import math
import tracemalloc
from pathlib import Path

import pytest

from mgmt_tools import mcda
from mgmt_tools.errors import InputError
from mgmt_tools.pareto import analyse_tally, tally_text

from ..helpers import mgmt, written

# --- decision: exponential utility -----------------------------------------------------------

RISKY = """\
risk_tolerance: {tolerance}
root:
  type: decision
  branches:
    - name: Venture
      node:
        type: chance
        branches:
          - {{name: Up, p: 0.5, payoff: 1e15}}
          - {{name: Down, p: 0.5, payoff: -1e15}}
    - {{name: Sell at a loss, payoff: -1e15}}
"""


def test_an_expected_utility_beyond_the_float_limit_is_located_at_the_risk_tolerance(
    tmp_path: Path,
) -> None:
    # u = 1 - exp(-CE / R) with CE about -1e15 and R = 1: exp(1e15) overflows
    tree = written(tmp_path / "tree.yaml", RISKY.format(tolerance=1))
    code, out, err = mgmt("decision", str(tree), "--json")
    assert code == 1
    assert out == ""
    assert err.startswith(f"{tree}:1:17: risk_tolerance: the expected utility 1 - exp(")
    assert "use a risk tolerance of at least 1.41044e+12" in err  # 1e15 / 709


def test_a_risk_tolerance_too_small_for_the_payoffs_is_located(tmp_path: Path) -> None:
    # exp(1e15 / 1e-300) overflows inside the certainty equivalent (an internal error before)
    tree = written(tmp_path / "tree.yaml", RISKY.format(tolerance="1e-300"))
    code, _, err = mgmt("decision", str(tree))
    assert code == 1
    assert "risk_tolerance: payoffs as large as 1e+15 divided by the risk tolerance 1e-300" in err


def test_a_workable_risk_tolerance_is_computed() -> None:  # guard
    from mgmt_tools.decision import loads, rollback

    result = rollback(loads(RISKY.format(tolerance="2e15")))
    data = result.to_dict()
    assert math.isfinite(data["expected_utility"])
    json.dumps(data, allow_nan=False)


def test_a_varied_payoff_beyond_the_input_range_names_the_value_and_the_expression(
    tmp_path: Path,
) -> None:
    tree = written(
        tmp_path / "tree.yaml",
        "variables: {x: 2}\nranges: {x: [1, 1e15]}\nroot:\n  type: decision\n  branches:\n"
        '    - {name: A, payoff: "x * x * x"}\n    - {name: B, payoff: 0}\n',
    )
    for option in (("--vary", "x=1:1e15:3"), ("--tornado",)):
        code, out, err = mgmt("decision", str(tree), "--json", *option)
        assert code == 1, err
        assert out == ""
        assert "the payoff of 'A' (x * x * x) is" in err
        assert "too large (at most 1e15 in size)" in err


# --- AHP and index ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e-300", '"1/1e-300"', "1e16"])
def test_judgements_and_their_reciprocals_stay_within_the_input_range(
    tmp_path: Path, value: str
) -> None:
    pairs = written(
        tmp_path / "pairs.yaml",
        f"elements: [A, B, C]\ncomparisons:\n  - [A, B, {value}]\n  - [B, C, 2]\n  - [A, C, 2]\n",
    )
    code, out, err = mgmt("ahp", str(pairs), "--json")
    assert code == 1
    assert out == ""
    assert f"{pairs}:3:" in err
    assert "comparisons[0][2]" in err


def _index(
    values: list[list[float]], normalization: str, method: str = "topsis"
) -> dict[str, object]:
    return {
        "method": method,
        "normalization": normalization,
        "criteria": [{"id": "a", "weight": 0.5}, {"id": "b", "weight": 0.5, "direction": "min"}],
        "alternatives": [{"name": f"X{row}", "a": a, "b": b} for row, (a, b) in enumerate(values)],
    }


@pytest.mark.parametrize("normalization", ["vector", "zscore"])
def test_values_near_1e_200_have_a_norm_and_a_spread(normalization: str) -> None:
    # their squares underflow to 0: vector gave NaN scores, zscore called the columns constant
    tiny = [[1e-200, 2e-200], [3e-200, 1e-200], [2e-200, 5e-200]]
    scaled = [[a * 1e200, b * 1e200] for a, b in tiny]
    small = mcda.evaluate(mcda.from_dict(_index(tiny, normalization))).to_dict()
    plain = mcda.evaluate(mcda.from_dict(_index(scaled, normalization))).to_dict()
    json.dumps(small, allow_nan=False)
    assert small["warnings"] == plain["warnings"] == []
    assert [row["score"] for row in small["ranking"]] == pytest.approx(
        [row["score"] for row in plain["ranking"]]
    )


def test_values_too_small_to_compute_with_are_located() -> None:
    # 5e-320 is subnormal: 1 / (max - min) overflows in every normalisation
    data = _index([[5e-320, 1.0], [1e-321, 2.0], [1.0, 3.0]], "minmax", "weighted_sum")
    with pytest.raises(InputError) as caught:
        mcda.evaluate(mcda.from_dict(data))
    problems = caught.value.problems
    assert [problem.path for problem in problems] == [
        ("alternatives", 0, "a"),
        ("alternatives", 1, "a"),
    ]
    assert "too small (a value other than 0 is at least 1e-290 in size" in problems[0].message


# --- rank ------------------------------------------------------------------------------------


def test_a_score_that_overflows_is_located_at_its_item_with_its_values(tmp_path: Path) -> None:
    backlog = written(
        tmp_path / "backlog.yaml",
        "method: rice\nitems:\n"
        "  - {name: Tiny effort, reach: 1e15, impact: 1e15, confidence: 1, effort: 1e-300}\n"
        "  - {name: Normal, reach: 10, impact: 1, confidence: 1, effort: 1}\n",
    )
    code, out, err = mgmt("rank", str(backlog), "--json")
    assert code == 1
    assert out == ""
    assert err.startswith(f"{backlog}:3:5: items[0]: the rice score of 'Tiny effort' overflows")
    assert "reach 1e+15, impact 1e+15, confidence 1, effort 1e-300" in err
    assert "RuntimeWarning" not in err


# --- pareto --by -----------------------------------------------------------------------------


def _strata_csv(strata: int, categories: int, per_stratum: int = 3) -> str:
    lines = ["reason,branch"]
    for stratum in range(strata):
        for k in range(per_stratum):
            lines.append(f"r{(stratum * 7 + k * 13) % categories},b{stratum}")
    return "\n".join(lines) + "\n"


def test_too_many_strata_x_categories_is_an_error_naming_the_sizes(tmp_path: Path) -> None:
    data = written(tmp_path / "data.csv", _strata_csv(2_000, 1_000))
    code, out, err = mgmt("pareto", str(data), "--column", "reason", "--by", "branch")
    assert code == 1
    assert out == ""
    assert f"{data}: branch: 2,000 strata x 1,000 categories = 2,000,000 cells" in err
    assert "more than the 1,000,000 a stratified Pareto may have" in err
    assert "--top N or --other-after PERCENT" in err
    assert "raise it with --limit cells=N" in err
    code, _, err = mgmt(
        "pareto", str(data), "--column", "reason", "--by", "branch", "--limit", "cells=2000000"
    )
    assert code == 0, err


def test_the_tail_merged_keeps_the_table_small(tmp_path: Path) -> None:
    data = written(tmp_path / "data.csv", _strata_csv(2_000, 1_000))
    code, out, err = mgmt(
        "pareto", str(data), "--column", "reason", "--by", "branch", "--top", "5", "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    assert len(result["strata"]) == 2_000
    assert all(len(stratum["items"]) == 6 for stratum in result["strata"])  # 5 and Other
    assert sum(stratum["total"] for stratum in result["strata"]) == result["total"] == 6_000


def test_memory_follows_the_data_not_strata_x_categories() -> None:
    # 20,000 strata x 20,000 categories would be a 3.2 GB table; the top 5 need 1 MB
    text = _strata_csv(20_000, 20_000, per_stratum=2)
    tracemalloc.start()
    try:
        tally = tally_text(text, "reason", by="branch")
        result = analyse_tally(tally, top=5, extras={"by": "branch"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.strata) == 20_000
    assert peak < 64 * 2**20


def test_strata_add_up_with_and_without_a_merged_tail() -> None:  # guard
    text = "reason,branch,n\nx,A,2\ny,A,3\nz,B,4\nx,B,1\ny,B,5\n"
    tally = tally_text(text, "reason", count="n", by="branch")
    full = analyse_tally(tally)
    top = analyse_tally(tally, top=1)
    # totals y 8, z 4, x 3: the shared order; with --top 1, z and x are merged into Other
    assert [s.counts.tolist() for s in full.strata] == [[3.0, 0.0, 2.0], [5.0, 4.0, 1.0]]
    assert [s.counts.tolist() for s in top.strata] == [[3.0, 2.0], [5.0, 5.0]]


# --- goals: the last date --------------------------------------------------------------------


def test_a_goal_due_on_the_last_date_is_judged(tmp_path: Path) -> None:  # guard
    goals = written(
        tmp_path / "goals.yaml",
        "goal: Top\nstart: 9999-01-01\ndue: 9999-12-31\n"
        "metric: {baseline: 0, target: 1e-300, current: -1e15}\n",
    )
    code, out, err = mgmt("goals", str(goals), "--as-of", "9999-12-31", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["nodes"][0]["track"] == "off_track"
    assert data["progress"] == 0.0
