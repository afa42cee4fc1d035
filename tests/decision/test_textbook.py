"""Published decision trees, solved by ``mgmt_tools.decision`` and checked against the numbers
their sources print. Sources:

1. Clemen, R. T. & Reilly, T., *Making Hard Decisions* (Duxbury), ch. 4 "Making Choices",
   Texaco versus Pennzoil (Hugh Liedtke's decision): EV of "Counteroffer $5 billion" 4.63, the
   final court decision 4.56, refuse Texaco's $3 billion counteroffer. Tree and probabilities as
   reprinted by Palisade (http://www.palisade-europe.com/articles/ptree_texpen.asp) and in the
   lecture slides of the chapter (studymode.com "Decision Making Analysis About Penzoil").
2. Hillier, F. S. & Lieberman, G. J., *Introduction to Operations Research* (McGraw-Hill),
   ch. "Decision Analysis", Goferbroke Company: drill (EV 100) or sell (90); EVPI 142.5;
   seismic survey (30) with P(FSS | oil) = 0.6, P(FSS | dry) = 0.2: survey, drill if
   favourable, sell if not, EV 123; expected value of experimentation 153 - 100 = 53. The same
   tree is LINDO's model DECTREE ("Oil Drilling Decision tree from Hillier & Lieberman").
3. SAS Institute, *SAS/OR User's Guide: Mathematical Programming / Project Management*, the
   DTREE procedure, oil wildcatter (Getting Started): drilling worth $140,000; value of perfect
   information of Oil_Deposit $155,000 (new optimal decision yields $295,000) and of Cost
   $10,000 ($150,000); with exponential utility and risk tolerance $700,000 the venture is
   worth $-13,580 and he should not drill
   (support.sas.com/documentation/cdl/en/orpmug/66855/HTML/default/orpmug_dtree_gettingstarted03.htm
   and orpmug_dtree_gettingstarted02.htm).
4. Anderson, D. R., Sweeney, D. J., Williams, T. A. et al., *An Introduction to Management
   Science* (Cengage), ch. 13 "Decision Analysis", Case Problem "Lawsuit Defense Strategy"
   (Allied Corporation, costs): counteroffer $400,000, accept John's $600,000 counteroffer;
   expected cost $670,000; risk profile 0: 0.08, 400: 0.10, 600: 0.50, 750: 0.20, 1500: 0.12
   (solution as published at scribd.com "Case Problem 2 Lawsuit Defense Strategy").
5. Radiant for R, documentation of Model > Decide > Decision analysis (github.com/
   radiant-rstats/docs, model/app/dtree.Rmd), "Sign contract" (Jenny Lind) example: EMV of the
   movie company 960,000 - 5,000 legal fees = 955,000 against the TV network's 900,000; "for
   legal fees higher than $60,000 Sign with TV Network produces the highest EMV".
6. Samuelson, W. F. & Marks, S. G., *Managerial Economics* (Wiley), ch. 13 "The Value of
   Information": drilling a site, wet 0.4 (600) or dry (-200), EV 120; a perfect test is worth
   120 (EVI); an imperfect test (good 0.5: wet 0.6, bad 0.5: wet 0.2) gives 280 after a good
   test, -40 after a bad one, so drill only after a good test: 140.
"""

from __future__ import annotations

import pytest

from mgmt_tools.decision import loads, rollback, sensitivity

close = pytest.approx


def alone(tree: str, subtree: str, **variables: str | float) -> str:
    """The decision ``subtree`` of ``tree`` as a tree of its own, with ``variables`` added
    after the tree's: what a branch of ``tree`` decides once it is reached."""
    head = tree.split("\nroot:")[0]
    lines = "".join(f"  {name}: {value}\n" for name, value in variables.items())
    if "\nvariables:\n" in head:
        head = head.replace("\nsubtrees:", f"\n{lines.rstrip()}\nsubtrees:")
    else:
        head = f"variables:\n{lines}{head}"
    return f"{head}\nroot: {{ref: {subtree}}}\n"


# --- 1. Texaco versus Pennzoil --------------------------------------------------------------

TEXACO = """
name: Liedtke's decision
units: $ billion
subtrees:
  court:
    type: chance
    name: Final court decision
    branches:
      - {name: "10.3", p: 0.2, payoff: 10.3}
      - {name: "5", p: 0.5, payoff: 5}
      - {name: "0", p: 0.3, payoff: 0}
root:
  type: decision
  branches:
    - {name: Accept $2 billion, payoff: 2}
    - name: Counteroffer $5 billion
      node:
        type: chance
        name: Texaco reaction
        branches:
          - {name: Texaco accepts $5 billion, p: 0.17, payoff: 5}
          - {name: Texaco refuses counteroffer, p: 0.5, node: {ref: court}}
          - name: Texaco counteroffers $3 billion
            p: 0.33
            node:
              type: decision
              branches:
                - {name: Refuse, node: {ref: court}}
                - {name: Accept $3 billion, payoff: 3}
"""


def test_texaco_pennzoil_expected_value_and_policy() -> None:
    result = rollback(loads(TEXACO))
    assert round(result.expected_value, 2) == 4.63
    assert result.expected_value == close(0.17 * 5 + 0.5 * 4.56 + 0.33 * 4.56)
    court = result.tree.children(int(result.tree.first_child[0]) + 1)
    assert result.solution.value[court[1]] == close(4.56)  # the court node


def test_texaco_pennzoil_risk_profile_of_the_policy() -> None:
    # Counteroffer $5 billion and refuse $3 billion: the court is reached with 0.5 + 0.33
    profile = rollback(loads(TEXACO)).risk_profile.to_list()
    assert profile == [
        {"value": 0.0, "probability": close(0.83 * 0.3)},
        {"value": 5.0, "probability": close(0.17 + 0.83 * 0.5)},
        {"value": 10.3, "probability": close(0.83 * 0.2)},
    ]
    assert [round(item["probability"], 3) for item in profile] == [0.249, 0.585, 0.166]


# --- 2. Goferbroke --------------------------------------------------------------------------

GOFERBROKE_SURVEY = """
units: $ thousand
variables:
  p_oil: 0.25
  p_fss_oil: 0.6
  p_fss_dry: 0.2
  p_fss: "p_oil * p_fss_oil + (1 - p_oil) * p_fss_dry"
  oil_if_fss: "p_oil * p_fss_oil / p_fss"
  oil_if_uss: "p_oil * (1 - p_fss_oil) / (1 - p_fss)"
subtrees:
  drill or sell:
    type: decision
    branches:
      - name: Drill
        node:
          type: chance
          name: State
          branches:
            - {name: Oil, p: p_state, payoff: 700}
            - {name: Dry, p: rest, payoff: -100}
      - {name: Sell, payoff: 90}
root:
  type: decision
  branches:
    - name: Do seismic survey
      payoff: -30
      node:
        type: chance
        name: Survey result
        branches:
          - {name: FSS, p: p_fss, set: {p_state: oil_if_fss}, node: {ref: drill or sell}}
          - {name: USS, p: rest, set: {p_state: oil_if_uss}, node: {ref: drill or sell}}
    - name: No survey
      set: {p_state: p_oil}
      node: {ref: drill or sell}
"""


# without a survey: the drill-or-sell decision with the prior probability of oil
GOFERBROKE_PRIOR = alone(GOFERBROKE_SURVEY, "drill or sell", p_state="p_oil")


def test_goferbroke_without_survey_and_evpi() -> None:
    result = rollback(loads(GOFERBROKE_PRIOR))
    assert result.expected_value == close(100.0)
    assert result.policy == {"root": "Drill"}
    assert result.evpi == {"State": close(142.5)}  # 0.25 x 700 + 0.75 x 90 - 100


def test_goferbroke_with_seismic_survey() -> None:
    result = rollback(loads(GOFERBROKE_SURVEY))
    assert result.expected_value == close(123.0)
    assert result.policy == {
        "root": "Do seismic survey",
        "Do seismic survey / FSS": "Drill",
        "Do seismic survey / USS": "Sell",
        "No survey": "Drill",
    }
    assert result.branch_values == {"Do seismic survey": close(123.0), "No survey": close(100.0)}
    # the expected value of experimentation: the survey's worth before paying its cost
    survey_worth = result.branch_values["Do seismic survey"] + 30
    assert survey_worth - result.branch_values["No survey"] == close(53.0)
    # 'State' has other probabilities after a survey: no EVPI, and the result says why
    assert "State" not in result.evpi
    assert "differ" in result.evpi_not_computed["State"]
    assert result.warnings == []
    assert result.evpi["Survey result"] >= 0


def test_goferbroke_survey_posteriors() -> None:
    tree = loads(GOFERBROKE_SURVEY)
    assert tree.variables["p_fss"] == close(0.3)
    assert tree.variables["oil_if_fss"] == close(0.5)
    assert tree.variables["oil_if_uss"] == close(1 / 7)


# --- 3. SAS DTREE oil wildcatter ---------------------------------------------------------------

WILDCATTER = """
name: Oil wildcatter
units: $
subtrees:
  deposit:
    type: chance
    name: Oil_Deposit
    branches:
      - {name: Dry, p: 0.5, payoff: "-cost"}
      - {name: Wet, p: 0.3, payoff: "700000 - cost"}
      - {name: Soaking, p: 0.2, payoff: "1200000 - cost"}
root:
  type: decision
  name: Drill
  branches:
    - name: Drill
      node:
        type: chance
        name: Cost
        branches:
          - {name: Low, p: 0.2, set: {cost: 150000}, node: {ref: deposit}}
          - {name: Fair, p: 0.6, set: {cost: 300000}, node: {ref: deposit}}
          - {name: High, p: 0.2, set: {cost: 500000}, node: {ref: deposit}}
    - {name: Not_Drill, payoff: 0}
"""


def test_sas_wildcatter_expected_value_and_value_of_perfect_information() -> None:
    result = rollback(loads(WILDCATTER))
    assert result.expected_value == close(140000.0)
    assert result.policy == {"root": "Drill"}
    assert result.evpi == {"Cost": close(10000.0), "Oil_Deposit": close(155000.0)}


def test_sas_wildcatter_risk_averse() -> None:
    result = rollback(loads("risk_tolerance: 700000\n" + WILDCATTER))
    assert result.policy == {"root": "Not_Drill"}
    assert result.branch_certainty_equivalents is not None
    assert round(result.branch_certainty_equivalents["Drill"], -1) == -13580.0
    assert result.certainty_equivalent == 0.0
    assert result.expected_utility == 0.0
    assert result.expected_value == 0.0  # of the policy chosen by expected utility
    assert result.branch_values["Drill"] == close(140000.0)
    # EVPI stays on expected values (docs/formats)
    assert result.evpi == {"Cost": close(10000.0), "Oil_Deposit": close(155000.0)}


# --- 4. Allied lawsuit defence (costs) ------------------------------------------------------

ALLIED = """
objective: min
units: $ thousand
subtrees:
  jury:
    type: chance
    name: Jury
    branches:
      - {name: "Damages of $1,500,000", p: 0.3, payoff: 1500}
      - {name: "Damages of $750,000", p: 0.5, payoff: 750}
      - {name: No damages, p: 0.2, payoff: 0}
root:
  type: decision
  branches:
    - {name: Accept John's offer, payoff: 750}
    - name: Counteroffer $400,000
      node:
        type: chance
        name: John's response
        branches:
          - {name: Accepts, p: 0.1, payoff: 400}
          - {name: Rejects, p: 0.4, node: {ref: jury}}
          - name: Counteroffers $600,000
            p: 0.5
            node:
              type: decision
              branches:
                - {name: Accept, payoff: 600}
                - {name: Trial, node: {ref: jury}}
"""


NEGOTIATIONS = {
    "texaco-pennzoil": (
        TEXACO,
        "Counteroffer $5 billion",
        "Texaco counteroffers $3 billion",
        "Refuse",
    ),
    "allied-lawsuit": (ALLIED, "Counteroffer $400,000", "Counteroffers $600,000", "Accept"),
}
"""Both cases counteroffer and meet a counter-counteroffer: the tree, the counteroffer, the
other side's counter-counteroffer and the answer to it."""
BRANCH_VALUES = {
    "texaco-pennzoil": {"Accept $2 billion": 2.0, "Counteroffer $5 billion": close(4.6348)},
    "allied-lawsuit": {"Accept John's offer": 750.0, "Counteroffer $400,000": close(670.0)},
}


@pytest.mark.parametrize("case", sorted(NEGOTIATIONS))
def test_the_negotiations_policy_and_branch_values(case: str) -> None:
    tree, offer, counter, answer = NEGOTIATIONS[case]
    result = rollback(loads(tree))
    assert result.policy == {"root": offer, f"{offer} / {counter}": answer}
    assert result.branch_values == BRANCH_VALUES[case]


def test_allied_lawsuit_minimises_expected_cost() -> None:
    result = rollback(loads(ALLIED))
    assert result.objective == "min"
    assert result.expected_value == close(670.0)
    assert result.risk_profile.to_list() == [
        {"value": 0.0, "probability": close(0.08)},
        {"value": 400.0, "probability": close(0.10)},
        {"value": 600.0, "probability": close(0.50)},
        {"value": 750.0, "probability": close(0.20)},
        {"value": 1500.0, "probability": close(0.12)},
    ]
    assert all(value >= 0 for value in result.evpi.values())


# --- 5. Radiant's Jenny Lind ----------------------------------------------------------------

JENNY_LIND = """
name: Sign contract
variables:
  legal_fees: 5000
  p_small: 0.3
  p_medium: 0.6
  p_large: "1 - p_small - p_medium"
root:
  type: decision
  branches:
    - name: Sign with Movie Company
      payoff: "-legal_fees"
      node:
        type: chance
        branches:
          - {name: Small Box Office, p: p_small, payoff: 200000}
          - {name: Medium Box Office, p: p_medium, payoff: 1000000}
          - {name: Large Box Office, p: p_large, payoff: 3000000}
    - {name: Sign with TV Network, payoff: 900000}
"""


def test_radiant_jenny_lind_and_its_break_even() -> None:
    tree = loads(JENNY_LIND)
    result = rollback(tree)
    assert result.expected_value == close(955000.0)
    assert result.branch_values == {
        "Sign with Movie Company": close(955000.0),
        "Sign with TV Network": 900000.0,
    }
    study = sensitivity(tree, "legal_fees", 0, 80000, 9)
    assert study.values == [10000.0 * k for k in range(9)]
    assert study.best[:7] == ["Sign with Movie Company"] * 7  # a tie at 60,000: input order
    assert study.best[7:] == ["Sign with TV Network"] * 2
    assert study.break_even == [close(60000.0, abs=1e-6)]
    # between grid values the break-even value is solved, not read off the grid
    assert sensitivity(tree, "legal_fees", 0, 75000, 4).break_even == [close(60000.0)]


# --- 6. Samuelson & Marks: the value of an imperfect test -----------------------------------

SEISMIC = """
subtrees:
  drill:
    type: decision
    branches:
      - name: Drill
        node:
          type: chance
          name: Site
          branches:
            - {name: Wet, p: wet, payoff: 600}
            - {name: Dry, p: rest, payoff: -200}
      - {name: Do not drill, payoff: 0}
root:
  type: decision
  branches:
    - {name: No test, set: {wet: 0.4}, node: {ref: drill}}
    - name: Imperfect test
      node:
        type: chance
        name: Test
        branches:
          - {name: Good, p: 0.5, set: {wet: 0.6}, node: {ref: drill}}
          - {name: Bad, p: 0.5, set: {wet: 0.2}, node: {ref: drill}}
"""


def test_samuelson_marks_perfect_and_imperfect_information() -> None:
    prior = rollback(loads(SEISMIC))
    assert prior.branch_values == {"No test": close(120.0), "Imperfect test": close(140.0)}
    assert prior.policy == {
        "root": "Imperfect test",
        "No test": "Drill",
        "Imperfect test / Good": "Drill",
        "Imperfect test / Bad": "Do not drill",
    }
    # without a test: drill or not on the prior 0.4, where a perfect test is worth 120
    no_test = loads(alone(SEISMIC, "drill", wet=0.4))
    assert rollback(no_test).evpi == {"Site": close(120.0)}
