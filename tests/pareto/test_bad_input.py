"""The bad-input corpus (issue 8, item 4): each file in ``tests/pareto/bad/`` gives located
messages through the library and exit 1 through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.pareto import analyse_tally, load

from ..helpers import Corpus, mgmt

BAD = Path(__file__).parent / "bad"

EXPECTED: dict[str, list[str]] = {
    "missing_column.csv": [
        "missing_column.csv:1: cause: no column 'cause' (the columns are: 'id', 'branch', "
        "'reason')",
    ],
    "bad_counts.csv": [
        "bad_counts.csv:3:2: n: 'n' is not a number: 'many'",
        "bad_counts.csv:4:2: n: 'n' is negative: -3",
        "bad_counts.csv:5:2: n: 'n' is empty",
    ],
    "header_only.csv": ["header_only.csv:1: (top level): no data: the CSV file has a header only"],
    "empty.csv": ["empty.csv:1: (top level): empty CSV file: no header"],
    "short_record.csv": [
        "short_record.csv:3: cost: the record has 1 field, the header 2: no 'cost'",
    ],
    "open_quote.csv": ["open_quote.csv:2: (top level): CSV syntax: unexpected end of data"],
    "negative.yaml": [
        "negative.yaml:4:10: counts.Rates: Input should be greater than or equal to 0, got '-4'",
        "negative.yaml:5:9: counts.Wait: not a number, got 'lots'",
    ],
    "unknown_key.yaml": [
        "unknown_key.yaml:1:1: counts: missing required key 'counts'",
        "unknown_key.yaml:2:1: count: unknown key 'count' (did you mean 'counts'?)",
    ],
    "no_counts.yaml": [
        "no_counts.yaml:1:9: counts: Dictionary should have at least 1 item after validation, "
        "not 0",
    ],
    "all_zero.yaml": [
        "all_zero.yaml: (top level): no data: every category totals 0, so there is nothing to rank",
    ],
}
OPTIONS = {
    "missing_column.csv": ["--column", "cause"],
    "bad_counts.csv": ["--column", "reason", "--count", "n"],
    "short_record.csv": ["--column", "reason", "--weight", "cost"],
}


def _options(name: str) -> dict[str, str]:
    args = OPTIONS.get(name, ["--column", "reason"] if name.endswith(".csv") else [])
    return {
        key.lstrip("-"): value.strip() for key, value in zip(args[::2], args[1::2], strict=True)
    }


def _analyse(name: str) -> object:
    return analyse_tally(load(name, **_options(name)).tally, source=name)


test_every_problem_located, test_every_file_expected = Corpus(BAD, _analyse, EXPECTED).tests()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_exit_1(name: str) -> None:
    args = [f"--{key}={value}" for key, value in _options(name).items()]
    code, out, err = mgmt("pareto", str(BAD / name), *args)
    assert code == 1, out + err
    assert "Traceback" not in out + err
    assert EXPECTED[name][0].split(":")[0] in err
