"""The bad-input corpus of backlogs (issue 7, item 4): one malformed backlog per file in
``tests/rank/bad/``; every problem of a file, located, in one run, in file order."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.rank import load, loads

from ..helpers import Corpus

BAD = Path(__file__).parent / "bad"
RICE = "(method rice needs reach, impact, confidence, effort)"

EXPECTED: dict[str, list[str]] = {
    "ballot_faults.yaml": [
        "ballot_faults.yaml:5:27: ballots[1].ranking[1]: unknown item 'Chatanooga' (did you "
        "mean 'Chattanooga'?)",
        "ballot_faults.yaml:6:30: ballots[2][2]: 'Knoxville' is listed twice in this ballot "
        "(first in place 1)",
    ],
    "missing_criteria.yaml": [
        "missing_criteria.yaml:1:1: criteria: missing required key 'criteria' (weighted)",
    ],
    "missing_field.yaml": [
        f"missing_field.yaml:4:5: items[1]: missing 'confidence', 'effort' {RICE}",
        f"missing_field.yaml:5:5: items[2]: missing 'effort' {RICE}",
    ],
    "moscow_value.yaml": [
        "moscow_value.yaml:4:33: items[1].priority: 'shoud' is not a MoSCoW priority (must, "
        "should, could, wont) (did you mean 'should' or 'could'?)",
        "moscow_value.yaml:5:31: items[2].priority: 'maybe' is not a MoSCoW priority (must, "
        "should, could, wont)",
    ],
    "unknown_method.yaml": [
        "unknown_method.yaml:1:9: method: unknown method 'rise' (did you mean 'rice' or "
        "'pairwise'?)",
    ],
    "unknown_name.yaml": [
        "unknown_name.yaml:5:5: comparisons[1]: unknown item 'Mobile ap' (did you mean 'Mobile "
        "app'?)",
        'unknown_name.yaml:6:5: comparisons[2]: write "A > B", "A < B" or "A = B", got '
        "'Branch refit >> Call centre'",
    ],
    "zero_effort.yaml": [
        "zero_effort.yaml:3:72: items[0].effort: effort must be above 0 (rice divides by it), "
        "got 0",
        "zero_effort.yaml:4:72: items[1].effort: effort must be above 0 (rice divides by it), "
        "got -2",
        "zero_effort.yaml:5:27: items[2].reach: not a number, got 'lots'",
    ],
    "zero_job_size.yaml": [
        "zero_job_size.yaml:3:90: items[0].job_size: job_size must be above 0 (wsjf divides by "
        "it), got 0",
    ],
}


test_every_problem_located, test_every_file_expected = Corpus(BAD, load, EXPECTED).tests()


def test_csv_items_are_located_by_line_and_column() -> None:
    text = "name,reach,impact,confidence,effort\nA,500,2,0.8,3\nB,800,1,0.5,0\nC,300,2,,1\n"
    with pytest.raises(InputError) as caught:
        loads(text, "csv", source="items.csv", method="rice")
    assert [str(p) for p in caught.value.problems] == [
        "items.csv:3:5: items[1].effort: effort must be above 0 (rice divides by it), got 0.0",
        f"items.csv:4: items[2]: missing 'confidence' {RICE}",
    ]


def test_csv_needs_a_method_and_a_name_column() -> None:
    with pytest.raises(InputError, match="needs the method"):
        loads("name,reach\nA,1\n", "csv", source="x.csv")
    with pytest.raises(InputError, match="'name' column"):
        loads("title,reach\nA,1\n", "csv", source="x.csv", method="rice")


def test_json_is_located_too() -> None:
    text = '{"method": "wsjf", "items": [{"name": "A", "business_value": 1}]}'
    with pytest.raises(InputError) as caught:
        loads(text, "json", source="b.json")
    assert str(caught.value.problems[0]).startswith("b.json:1:30: items[0]: missing ")
