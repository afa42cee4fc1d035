"""The bad-input corpus of fishbones (issue 8, item 4): every problem of a file, located,
in one run, in file order."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.fishbone import load

from ..helpers import Corpus

BAD = Path(__file__).parent / "bad"
CAUSE = "a cause is text or a mapping {cause, count, causes}"

EXPECTED: dict[str, list[str]] = {
    "missing_categories.yaml": [
        "missing_categories.yaml:1:1: categories: missing required key 'categories'",
    ],
    "no_categories.yaml": [
        "no_categories.yaml:2:13: categories: a fishbone needs at least one category "
        "(name -> list of causes)",
    ],
    "wrong_type.yaml": [
        f"wrong_type.yaml:5:7: categories.People[1]: {CAUSE}, got '42'",
        f"wrong_type.yaml:6:7: categories.People[2]: {CAUSE}, got a list",
        f"wrong_type.yaml:10:11: categories.Methods[0].causes[0]: {CAUSE}, got a list",
    ],
    "negative_count.yaml": [
        "negative_count.yaml:4:32: categories.People[0].count: a count cannot be negative, "
        "got '-3'",
        "negative_count.yaml:6:14: categories.People[1].count: not a number, got 'lots'",
        "negative_count.yaml:8:37: categories.People[1].causes[0].count: a count cannot be "
        "negative, got '-1'",
        "negative_count.yaml:9:13: categories.Methods[0].cause: missing required key 'cause'",
        "negative_count.yaml:9:14: categories.Methods[0].caus: unknown key 'caus' in a cause "
        "(did you mean 'cause' or 'causes'?)",
    ],
}


test_every_problem_located, test_every_file_expected = Corpus(BAD, load, EXPECTED).tests()


def test_not_a_mapping() -> None:
    from mgmt_tools.fishbone import loads

    with pytest.raises(InputError, match="a fishbone is a mapping"):
        loads("- a\n- b\n")
