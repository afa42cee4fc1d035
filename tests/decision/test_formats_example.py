"""The worked example of docs/formats (decision): every number it prints.

The example tree extends a credit line (fee 40, repaid 120 with probability 1 - p_default,
recovery Full 0 / Partial -300 with 0.6 / rest), risk tolerance 500. The printed numbers are
rounded; the exact ones are EV 140.8, CE -500 ln(1 - EU) with EU = 0.233808..., so the CE is
133.1615... (printed 133.16), EVPI of 'Client outcome' 0.92 x 160 - 140.8 = 6.4.
"""

from __future__ import annotations

import json

import pytest

from mgmt_tools.decision import loads, rollback

EXAMPLE = """\
name: Extend the credit line?
objective: max
units: CNY k
risk_tolerance: 500
variables:
  fee: 40
  p_default: 0.08
  p_ok: "1 - p_default"
ranges:
  p_default: [0.03, 0.15]
subtrees:
  collect:
    type: chance
    name: Recovery
    branches:
      - {name: Full, probability: 0.6, payoff: 0}
      - {name: Partial, probability: rest, payoff: -300}
root:
  type: decision
  name: Credit committee
  branches:
    - name: Extend
      payoff: fee
      node:
        type: chance
        name: Client outcome
        branches:
          - {name: Repays, probability: p_ok, payoff: 120}
          - {name: Defaults, probability: p_default, node: {ref: collect}}
    - {name: Decline, payoff: 0}
"""

close = pytest.approx


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    data = rollback(loads(EXAMPLE), vary="p_default=0:0.1:2", tornado=True).to_dict()
    printed: dict[str, object] = json.loads(json.dumps(data))  # what --json prints
    return printed


def test_the_fields_of_formats_md_are_there_in_order(result: dict[str, object]) -> None:
    printed = [
        "command", "method", "objective", "expected_value", "policy", "branch_values",
        "expected_utility", "certainty_equivalent", "risk_profile", "evpi", "sensitivity",
        "tornado", "warnings",
    ]  # fmt: skip
    keys = list(result)
    assert [key for key in keys if key in printed] == printed
    assert result["command"] == "decision"
    assert result["method"] == "rollback"
    assert result["objective"] == "max"
    assert result["warnings"] == []


def test_expected_value_policy_and_branch_values(result: dict[str, object]) -> None:
    assert result["expected_value"] == close(140.8, abs=1e-12)
    assert result["policy"] == {"root": "Extend"}
    assert result["branch_values"] == {"Extend": close(140.8), "Decline": 0.0}


def test_expected_utility_and_certainty_equivalent(result: dict[str, object]) -> None:
    assert round(result["expected_utility"], 4) == 0.2338  # type: ignore[call-overload]
    assert round(result["certainty_equivalent"], 2) == 133.16  # type: ignore[call-overload]
    assert result["certainty_equivalent"] == close(133.16151573674753, rel=1e-12)
    assert result["branch_certainty_equivalents"] == {
        "Extend": close(133.16151573674753),
        "Decline": 0.0,
    }


def test_risk_profile(result: dict[str, object]) -> None:
    profile = result["risk_profile"]
    assert profile == [
        {"value": -260.0, "probability": close(0.032)},
        {"value": 40.0, "probability": close(0.048)},
        {"value": 160.0, "probability": close(0.92)},
    ]


def test_evpi(result: dict[str, object]) -> None:
    assert result["evpi"] == {"Client outcome": close(6.4, abs=1e-12), "Recovery": 0.0}


def test_sensitivity(result: dict[str, object]) -> None:
    study = result["sensitivity"]
    assert isinstance(study, dict)
    assert study["variable"] == "p_default"
    assert study["values"] == [0.0, 0.1]
    assert study["best"] == ["Extend", "Extend"]
    assert study["values_by_branch"] == {"Extend": [160.0, close(136.0)], "Decline": [0.0, 0.0]}
    assert study["break_even"] == []


def test_tornado(result: dict[str, object]) -> None:
    assert result["tornado"] == [
        {
            "variable": "p_default",
            "low": 0.03,
            "high": 0.15,
            "value_at_low": close(152.8),
            "value_at_high": close(124.0),
            "swing": close(28.8),
            "base_value": close(140.8),
        }
    ]
