"""The bad-input corpus of decision trees (issue 5, item 9): one malformed tree per file in
``tests/decision/bad/``.

For every file, loading raises :class:`InputError` (never another exception), and its problems,
one ``file:line:col: path: message`` line each, are exactly the lines below: every problem of
the file, in one run, in file order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.decision import load, loads
from mgmt_tools.errors import InputError

from ..helpers import Corpus

BAD = Path(__file__).parent / "bad"

EXPECTED: dict[str, list[str]] = {
    "bad_names.yaml": [
        "bad_names.yaml:2:3: variables.p-default: 'p-default' cannot name a variable (letters, "
        "digits and _, not starting with a digit, not a function name)",
        "bad_names.yaml:3:3: variables.max: 'max' cannot name a variable (letters, digits and "
        "_, not starting with a digit, not a function name)",
        "bad_names.yaml:7:24: root.branches[0].set.2bid: '2bid' cannot name a path variable "
        "(letters, digits and _, not starting with a digit, not a function name)",
    ],
    "decision_without_branches.yaml": [
        "decision_without_branches.yaml:9:19: root.branches[0].node.branches: a decision node "
        "needs at least one branch",
    ],
    "duplicate_keys.yaml": [
        "duplicate_keys.yaml:6:7: root.branches[0].payoff: duplicate key 'payoff' (first at "
        "line 5)",
    ],
    "expression_faults.yaml": [
        'expression_faults.yaml:3:11: variables.growth: expression "9**9**9": exponent '
        "387420489 is too large (at most 100 in absolute value) at column 2",
        'expression_faults.yaml:4:10: variables.share: expression "rate.real": not allowed '
        "here: 'rate.real' at column 1",
        'expression_faults.yaml:8:28: root.branches[0].payoff: expression "100 * (1 + rate) ^ '
        "2\": '^' is not a power; write ** at column 18",
        'expression_faults.yaml:9:28: root.branches[1].payoff: expression "log(rate - 0.05)": '
        "log() of a number that is not positive at column 1",
        "expression_faults.yaml:10:28: root.branches[2].payoff: expression "
        "\"__import__('os')\": unknown function '__import__' (functions: abs, exp, log, max, "
        "min, sqrt) at column 1",
    ],
    "missing_probability.yaml": [
        "missing_probability.yaml:5:7: root.branches[0]: missing probability (outcomes of a "
        "chance node need one)",
    ],
    "missing_ref.yaml": [
        "missing_ref.yaml:11:44: root.branches[1].node.ref: unknown subtree 'colect' (did you "
        "mean 'collect'?)",
    ],
    "missing_root.yaml": [
        "missing_root.yaml:1:1: root: missing required key 'root'",
    ],
    "not_a_mapping.yaml": [
        "not_a_mapping.yaml:1:1: (top level): a decision tree is a mapping with a 'root' node",
    ],
    "probabilities_sum.yaml": [
        "probabilities_sum.yaml:6:9: root.branches[0].node: the probabilities of chance node "
        "'Client outcome' sum to 0.95, not 1",
    ],
    "probability_outside.yaml": [
        "probability_outside.yaml:7:21: root.branches[0].p: probability 1.2 is outside [0, 1]",
        "probability_outside.yaml:8:23: root.branches[1].p: probability -0.2 is outside [0, 1]",
        'probability_outside.yaml:9:23: root.branches[2].p: expression "1/0": division by zero '
        "at column 2",
    ],
    "recursive_refs.yaml": [
        "recursive_refs.yaml:11:51: subtrees.respond.branches[1].node.ref: recursive ref: "
        "negotiate -> respond -> negotiate (a subtree cannot contain itself)",
    ],
    "rest_overdrawn.yaml": [
        "rest_overdrawn.yaml:2:3: root: the probabilities of chance node 'Market' already sum "
        "to 1.1, leaving -0.1 for 'rest'",
    ],
    "several_problems.yaml": [
        "several_problems.yaml:2:1: objectve: unknown key 'objectve' (did you mean 'objective'?)",
        "several_problems.yaml:5:8: variables.bad: not a number or an expression",
        "several_problems.yaml:10:7: root.branches[0].payof: unknown key 'payof' (did you mean "
        "'payoff'?)",
        "several_problems.yaml:12:9: root.branches[0].node: the probabilities of this chance "
        "node sum to 0.97, not 1",
        "several_problems.yaml:17:10: root.branches[1].p: the alternatives of a decision take "
        "no probability (is it type: chance?)",
        "several_problems.yaml:18:14: root.branches[2].name: duplicate branch name 'Decline' "
        "(first at branches[1])",
        'several_problems.yaml:18:31: root.branches[2].payoff: expression "fe": unknown '
        "variable 'fe' (did you mean 'fee'?)",
    ],
    "sum_in_subtree.yaml": [
        "sum_in_subtree.yaml:4:5: subtrees.award: the probabilities of chance node 'Award' sum "
        "to 0.8, not 1 (reached by Bid 120)",
    ],
    "syntax_errors.yaml": [
        'syntax_errors.yaml:2:8: variables.fee: expression "40 *": syntax error: incomplete '
        "expression at column 5",
        "syntax_errors.yaml:3:9: variables.rate: expression \"0.05 ^ 2\": '^' is not a power; "
        "write ** at column 6",
        'syntax_errors.yaml:7:30: root.branches[0].payoff: expression "fee + (120": syntax '
        "error: '(' was never closed at column 7",
    ],
    "two_rest.yaml": [
        "two_rest.yaml:7:23: root.branches[2].p: a second 'rest' in chance node 'Market': only "
        "one outcome may take the rest",
    ],
    "unknown_keys.json": [
        "unknown_keys.json:5:22: root.branches[0].probabilty: unknown key 'probabilty' (did "
        "you mean 'probability'?)",
        "unknown_keys.json:6:34: root.branches[1].payof: unknown key 'payof' (did you mean "
        "'payoff'?)",
        "unknown_keys.json:9:16: objective: unknown objective 'maximum' (did you mean 'max'?)",
    ],
    "unknown_variable.yaml": [
        'unknown_variable.yaml:7:35: root.branches[0].probability: expression "1 - p_defualt": '
        "unknown variable 'p_defualt' (did you mean 'p_default'?)",
    ],
    "variable_defined_later.yaml": [
        "variable_defined_later.yaml:2:9: variables.p_ok: variable 'p_default' is defined "
        "later (a variable may use only the variables above it)",
        'variable_defined_later.yaml:4:8: variables.fee: expression "max(40, floor)": unknown '
        "variable 'floor' (known: p_default)",
    ],
}


test_every_problem_located, test_every_file_expected = Corpus(
    BAD, lambda name: load(name, fmt=None), EXPECTED
).tests()


def test_a_message_inside_a_subtree_names_the_path_that_reached_it() -> None:
    with pytest.raises(InputError, match=r"subtrees\.award: .* \(reached by Bid 120\)"):
        load(BAD / "sum_in_subtree.yaml")


def test_a_subtree_reached_by_many_paths_reports_its_problem_once() -> None:
    text = """
subtrees:
  s:
    type: chance
    branches:
      - {name: a, p: 0.5, payoff: "missing"}
      - {name: b, p: 0.5}
root:
  type: chance
  branches:
    - {name: x, p: 0.5, node: {ref: s}}
    - {name: y, p: 0.5, node: {ref: s}}
"""
    with pytest.raises(InputError) as caught:
        loads(text, source="t.yaml")
    assert len(caught.value.problems) == 1
    assert "unknown variable 'missing'" in str(caught.value)


def test_yaml_syntax_error_is_located() -> None:
    with pytest.raises(InputError, match=r"^t\.yaml:\d+:\d+: \(top level\): YAML syntax"):
        loads("root:\n  type: chance\n  branches: [\n", source="t.yaml")
