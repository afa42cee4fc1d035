"""The bad-input corpus (DESIGN.md, Tests; Contracts: errors): one malformed plan per file in
``tests/pert/bad/``.

For every file: loading and scheduling it raises :class:`InputError` (never another exception,
never a traceback), and the problems, one ``file:line:col: path: message`` line each, are
exactly the lines below: every problem of the file, in one run.

The cases marked xfail give what a careful user should see and the library does not give yet;
each reason says what it prints instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.errors import CycleError
from mgmt_tools.pert import load, schedule

from ..helpers import Corpus

BAD = Path(__file__).parent / "bad"

EXPECTED: dict[str, list[str]] = {
    # --- YAML syntax ------------------------------------------------------------------------
    "yaml_syntax.yaml": [
        "yaml_syntax.yaml:6:4: (top level): YAML syntax: bad indentation: this line does not "
        "line up with the lines above it (the keys of one mapping, and the '-' items of one "
        "list, start in the same column)",
    ],
    # The flow sequence opened at 7:17 is never closed; pyyaml notices at the end of the text.
    "unclosed_flow.yaml": [
        "unclosed_flow.yaml:7:17: (top level): YAML syntax: while parsing a flow sequence "
        "did not find expected ',' or ']'",
    ],
    "duplicate_keys.yaml": [
        "duplicate_keys.yaml:6:5: tasks[0].duration: duplicate key 'duration' (first at line 5)",
        "duplicate_keys.yaml:9:1: project: duplicate key 'project' (first at line 2)",
    ],
    # --- Structure --------------------------------------------------------------------------
    "missing_tasks.yaml": [
        "missing_tasks.yaml:2:1: tasks: missing required key 'tasks'",
    ],
    "empty_tasks.yaml": [
        "empty_tasks.yaml:3:8: tasks: a plan needs at least one task",
    ],
    "not_a_mapping.yaml": [
        "not_a_mapping.yaml:2:1: (top level): a plan is a mapping with a 'tasks' list",
    ],
    "task_not_a_mapping.yaml": [
        "task_not_a_mapping.yaml:5:5: tasks[1]: not a mapping, got 'Review the file'",
    ],
    "unknown_key.yaml": [
        "unknown_key.yaml:4:5: tasks[0].duraton: unknown key 'duraton' (did you mean 'duration'?)",
    ],
    "unknown_top_level_key.yaml": [
        "unknown_top_level_key.yaml:2:1: projet: unknown key 'projet' (did you mean 'project'?)",
    ],
    "wrong_types.yaml": [
        "wrong_types.yaml:4:15: tasks[0].duration: not a number, got 'three'",
        "wrong_types.yaml:7:16: tasks[1].milestone: not true or false, got 'yes'",
        "wrong_types.yaml:8:9: tasks[2].id: not text",
    ],
    # --- Ids and links ----------------------------------------------------------------------
    "unknown_task.yaml": [
        "unknown_task.yaml:7:18: tasks[1].depends_on[0]: unknown task 'Colect' "
        "(did you mean 'Collect'?)",
        "unknown_task.yaml:10:26: tasks[2].depends_on[1]: unknown task 'Z' "
        "(known: Collect, Review, Approve)",
    ],
    "duplicate_ids.yaml": [
        "duplicate_ids.yaml:7:9: tasks[2].id: duplicate id 'A' (first at tasks[0])",
    ],
    "bad_link_type.yaml": [
        "bad_link_type.yaml:8:25: tasks[1].depends_on[0].type: unknown type 'XX' "
        "(one of: FS, SS, FF, SF)",
    ],
    "bad_link_string.yaml": [
        "bad_link_string.yaml:7:18: tasks[1].depends_on[0]: unknown task 'A XX' (known: A, B) "
        "(a link is 'ID' or 'ID TYPE+LAG', TYPE one of FS, SS, FF, SF; for example 'A FF+2')",
        "bad_link_string.yaml:7:28: tasks[1].depends_on[1]: unknown task 'A FF+x' "
        "(known: A, B) (a link is 'ID' or 'ID TYPE+LAG', TYPE one of FS, SS, FF, SF; "
        "for example 'A FF+2')",
    ],
    "infinite_lag.yaml": [
        "infinite_lag.yaml:7:18: tasks[1].depends_on[0]: the lag must be a finite number: "
        "'A FF+1e400'",
    ],
    "cycle.yaml": [
        "cycle.yaml:5:18: tasks[0].depends_on[0]: cycle: A -> C -> B -> A",
    ],
    "self_dependency.yaml": [
        "self_dependency.yaml:7:21: tasks[1].depends_on[1]: cycle: B -> B",
    ],
    "cycle_and_other_problems.yaml": [
        "cycle_and_other_problems.yaml:5:18: tasks[0].depends_on[0]: cycle: A -> B -> A",
        "cycle_and_other_problems.yaml:7:15: tasks[1].duration: negative duration -1",
        "cycle_and_other_problems.yaml:10:5: tasks[2].duraton: unknown key 'duraton' "
        "(did you mean 'duration'?)",
    ],
    # --- Durations and estimates ------------------------------------------------------------
    "duration_and_estimates.yaml": [
        "duration_and_estimates.yaml:4:15: tasks[0].duration: give either duration or the "
        "three estimates (optimistic, most_likely, pessimistic), not both",
    ],
    "estimates_out_of_order.yaml": [
        "estimates_out_of_order.yaml:5:18: tasks[0].most_likely: estimates out of order: "
        "optimistic 5, most_likely 3, pessimistic 8 (need optimistic <= most_likely <= "
        "pessimistic)",
        "estimates_out_of_order.yaml:8:17: tasks[1].optimistic: three-point estimate "
        "incomplete: missing pessimistic",
    ],
    "negative_duration.yaml": [
        "negative_duration.yaml:4:15: tasks[0].duration: negative duration -2",
    ],
    "no_duration.yaml": [
        "no_duration.yaml:3:9: tasks[0].id: no duration: give duration, or optimistic, "
        "most_likely and pessimistic (or milestone: true)",
        "no_duration.yaml:5:17: tasks[1].optimistic: three-point estimate incomplete: "
        "missing most_likely",
    ],
    # --- Several problems at once -----------------------------------------------------------
    "three_problems.yaml": [
        "three_problems.yaml:4:5: tasks[0].duraton: unknown key 'duraton' "
        "(did you mean 'duration'?)",
        "three_problems.yaml:6:15: tasks[1].duration: negative duration -1",
        "three_problems.yaml:9:21: tasks[2].depends_on[1]: unknown task 'Bee' (known: A, B, C)",
    ],
    "invalid_task_links.yaml": [
        "invalid_task_links.yaml:6:5: tasks[1].duraton: unknown key 'duraton' "
        "(did you mean 'duration'?)",
        "invalid_task_links.yaml:7:18: tasks[1].depends_on[0]: unknown task 'Z' (known: A, B)",
    ],
    "invalid_task_referenced.yaml": [
        "invalid_task_referenced.yaml:6:5: tasks[1].duraton: unknown key 'duraton' "
        "(did you mean 'duration'?)",
        "invalid_task_referenced.yaml:10:9: tasks[3].id: duplicate id 'A' (first at tasks[0])",
    ],
    "bad_calendar.yaml": [
        "bad_calendar.yaml:4:8: units: units must be days when start is set (a calendar counts "
        "working days), not 'weeks'",
        "bad_calendar.yaml:5:11: deadline: deadline 2027-03-01 is before start 2027-03-08",
        "bad_calendar.yaml:7:24: calendar.workdays[2]: unknown value 'funday' "
        "(one of: mon, tue, wed, thu, fri, sat, sun)",
    ],
    # --- JSON -------------------------------------------------------------------------------
    "json_syntax.json": [
        "json_syntax.json:4:31: (top level): JSON syntax: Expecting property name enclosed in "
        "double quotes",
    ],
    "json_duplicate_keys.json": [
        "json_duplicate_keys.json:5:6: tasks[0].duration: duplicate key 'duration' "
        "(first at line 4)",
        "json_duplicate_keys.json:7:3: tasks: duplicate key 'tasks' (first at line 2)",
    ],
    "json_problems.json": [
        "json_problems.json:5:17: tasks[1].duraton: unknown key 'duraton' "
        "(did you mean 'duration'?)",
        "json_problems.json:6:29: tasks[2].duration: negative duration -1",
        "json_problems.json:7:31: tasks[2].depends_on[1]: unknown task 'Q' (known: A, B, C)",
        "json_problems.json:8:12: tasks[3].id: duplicate id 'A' (first at tasks[0])",
    ],
    "json_unknown_id_and_duplicate_key.json": [
        "json_unknown_id_and_duplicate_key.json:4:47: tasks[1].depends_on[0]: unknown task 'Z' "
        "(known: A, B, C)",
        "json_unknown_id_and_duplicate_key.json:5:32: tasks[2].duration: duplicate key "
        "'duration' (first at line 5)",
    ],
    # --- CSV --------------------------------------------------------------------------------
    "csv_not_a_number.csv": [
        "csv_not_a_number.csv:3:3: tasks[1].duration: not a number: 'three'",
    ],
    "csv_unknown_column.csv": [
        "csv_unknown_column.csv:1:5: owner: unknown column 'owner' (known: id, name, duration, "
        "optimistic, most_likely, pessimistic, depends_on, milestone)",
    ],
    "csv_misspelt_column.csv": [
        "csv_misspelt_column.csv:1:3: durration: unknown column 'durration' "
        "(did you mean 'duration'?)",
    ],
    # Record A spans lines 2-3 (a quoted newline), so record B is on line 4.
    "csv_multiline_record.csv": [
        "csv_multiline_record.csv:4:3: tasks[1].duration: negative duration -2",
        "csv_multiline_record.csv:4:4: tasks[1].depends_on[1]: unknown task 'Zed' (known: A, B)",
    ],
    "csv_missing_id.csv": [
        "csv_missing_id.csv:1: (top level): missing column 'id' (columns: name, duration)",
    ],
    # Not UTF-8 and not clearly Chinese (GBK text is recognised: tests/test_csv.py).
    "csv_cp1252_without_encoding.csv": [
        "csv_cp1252_without_encoding.csv:2: (top level): not valid UTF-8 text, nor clearly "
        "Chinese GBK text (give --encoding, for example --encoding gbk, or save the file as "
        "UTF-8)",
    ],
}

XFAIL: dict[str, str] = {}


CORPUS = Corpus(
    BAD,
    lambda name: schedule(load(name)),
    EXPECTED,
    companions=frozenset({"many_problems.yaml"}),  # it has a test of its own, below
    xfail=XFAIL,
    formats=frozenset({".yaml", ".json", ".csv"}),
)
test_every_problem_located, test_every_file_expected = CORPUS.tests()


def test_problems_are_located_in_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in sorted(set(EXPECTED) - set(XFAIL)):
        for problem in CORPUS.error(name, monkeypatch).problems:
            assert problem.source == name
            assert problem.line is not None, problem


@pytest.mark.parametrize(
    ("name", "cycle"),
    [
        ("cycle.yaml", ["A", "C", "B", "A"]),
        ("self_dependency.yaml", ["B", "B"]),
    ],
)
def test_a_cycle_is_a_cycle_error_naming_it(
    name: str, cycle: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    error = CORPUS.error(name, monkeypatch)
    assert isinstance(error, CycleError)
    assert error.cycle == cycle
    assert error.exit_code == 1


def test_the_message_stops_at_20_problems_and_counts_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = CORPUS.error("many_problems.yaml", monkeypatch)
    assert len(error.problems) == 25  # all of them are kept for callers
    lines = str(error).splitlines()
    # Task Tn is on line n + 3 (a comment line, then `tasks:`); its duration's value starts at
    # column 24 for n < 10 and 25 after (one more digit in the id).
    assert lines[:20] == [
        f"many_problems.yaml:{n + 3}:{24 if n < 10 else 25}: tasks[{n}].duration: "
        "negative duration -1"
        for n in range(20)
    ]
    assert lines[20:] == ["... and 5 more problems"]


def test_input_error_is_a_value_error(monkeypatch: pytest.MonkeyPatch) -> None:
    error = CORPUS.error("negative_duration.yaml", monkeypatch)
    assert isinstance(error, ValueError)
    assert error.exit_code == 1
