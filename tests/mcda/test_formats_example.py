"""The examples of docs/formats (index and ahp) and the shape of their JSON results."""

from __future__ import annotations

import json

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.mcda import analyse, evaluate, loads, loads_judgements

INDEX_EXAMPLE = """\
goal: Choose a cash-management platform
method: weighted_sum
normalization: minmax
weighting: given
criteria:
  - {id: cost, name: Annual cost, weight: 0.40, direction: min}
  - {id: features, weight: 0.35}
  - {id: support, weight: 0.25}
comparisons:
  - [cost, features, 3]
alternatives:
  - {name: Vendor A, cost: 250, features: 7, support: 8}
  - {name: Vendor B, cost: 310, features: 9, support: 6}
"""

AHP_EXAMPLE = """\
goal: Choose a team leader
method: eigenvector
random_index: saaty1980
criteria: [Experience, Education, Charisma, Age]
criteria_comparisons:
  - [Experience, Education, 4]
  - [Education, Charisma, "1/3"]
alternatives: [Tom, Dick, Harry]
alternative_comparisons:
  Experience: [[Tom, Dick, "1/4"], [Tom, Harry, 4], [Dick, Harry, 9]]
"""


def printed(data: object) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(json.dumps(data))
    return loaded


def test_index_example() -> None:
    """With two alternatives min-max gives 0 or 1: A = 0.40 + 0.25, B = 0.35."""
    result = printed(evaluate(loads(INDEX_EXAMPLE)).to_dict())
    assert result["command"] == "index"
    assert (result["method"], result["normalization"], result["weighting"]) == (
        "weighted_sum",
        "minmax",
        "given",
    )
    assert result["weights"] == {"cost": 0.4, "features": 0.35, "support": 0.25}
    assert result["ranking"] == [
        {"alternative": "Vendor A", "score": pytest.approx(0.65), "rank": 1},
        {"alternative": "Vendor B", "score": pytest.approx(0.35), "rank": 2},
    ]
    assert result["warnings"] == ["the comparisons are not used: weighting is given"]


def test_index_example_with_ahp_weighting() -> None:
    """weighting: ahp takes the comparisons: cost 3 times as important as features, the rest
    completed (support is linked to nothing, so it cannot be)."""
    with pytest.raises(InputError, match=r"no chain of judgements links 'support'"):
        loads(INDEX_EXAMPLE, weighting="ahp")
    text = INDEX_EXAMPLE.replace(
        "  - [cost, features, 3]", "  - [cost, features, 3]\n  - [features, support, 2]"
    )
    result = evaluate(loads(text, weighting="ahp")).to_dict()
    assert result["weights"] == pytest.approx({"cost": 6 / 9, "features": 2 / 9, "support": 1 / 9})
    assert result["consistency_ratio"] == pytest.approx(0.0, abs=1e-9)
    assert result["ahp"]["completed"][0]["row"] == "cost"
    assert result["ahp"]["completed"][0]["value"] == pytest.approx(6.0)


def test_ahp_example_as_written_is_incomplete_and_says_where() -> None:
    """The docs/formats snippet is abbreviated: Age is compared with nothing and three criteria
    have no comparisons of the alternatives. Every gap is reported, located."""
    with pytest.raises(InputError) as caught:
        loads_judgements(AHP_EXAMPLE, source="leader.yaml")
    lines = [str(problem) for problem in caught.value.problems]
    assert lines[0].startswith(
        "leader.yaml:6:3: criteria_comparisons: no chain of judgements links 'Age'"
    )
    assert "no comparisons of the alternatives under 'Education'" in lines[1]
    assert len(lines) == 4


def test_ahp_example_completed_gives_the_result_shape() -> None:
    from .test_published import LEADER

    text = json.dumps(LEADER)
    result = printed(analyse(loads_judgements(text, "json")).to_dict())
    for key in ("criteria_weights", "local", "global", "overall", "consistency_ratio"):
        assert key in result
    ratios = result["consistency_ratio"]
    assert isinstance(ratios, dict)
    assert set(ratios) == {"criteria", "by_criterion"}
    assert result["command"] == "ahp"
    assert result["method"] == "eigenvector"
    assert result["random_index_table"] == "saaty1980"
    assert result["warnings"] == []


def test_single_matrix_result_shape() -> None:
    result = printed(
        analyse(loads_judgements("elements: [A, B]\nmatrix: [[1, 3], ['1/3', 1]]")).to_dict()
    )
    assert set(result) >= {
        "command",
        "method",
        "priorities",
        "lambda_max",
        "consistency_index",
        "consistency_ratio",
        "random_index_table",
        "warnings",
    }
    assert result["priorities"] == {"A": pytest.approx(0.75), "B": pytest.approx(0.25)}
    assert result["consistency_ratio"] == 0.0
