"""mgmt_tools._yaml: YAML 1.2 core scalars with their literal text, duplicate keys, located
syntax errors, and the Locator that places a path of the data at its line and column."""

from __future__ import annotations

import math
from typing import Any

import pytest

from mgmt_tools._yaml import TextFloat, TextInt, literal_text, load_text, locator
from mgmt_tools.errors import InputError


def problems(text: str, fmt: str = "yaml") -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(text, fmt, "f")
    assert caught.value.problems, "an InputError must say what is wrong"
    return [str(problem) for problem in caught.value.problems]


# --- YAML 1.2 core schema -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scalar", "value", "kind"),
    [
        ("010", 10, TextInt),  # YAML 1.1 reads octal 8; YAML 1.2 core: decimal 10
        ("0o17", 15, TextInt),
        ("0x1F", 31, TextInt),
        ("+12", 12, TextInt),
        ("-0", 0, TextInt),
        ("1.10", 1.1, TextFloat),
        ("1e3", 1000.0, TextFloat),  # YAML 1.1 needs a dot; 1.2 does not
        (".5", 0.5, TextFloat),
        ("1.", 1.0, TextFloat),
        ("-2.5e-1", -0.25, TextFloat),
        (".inf", math.inf, TextFloat),
        ("-.Inf", -math.inf, TextFloat),
        ("true", True, bool),
        ("True", True, bool),
        ("FALSE", False, bool),
        ("yes", "yes", str),  # YAML 1.1 booleans stay text
        ("NO", "NO", str),
        ("on", "on", str),
        ("off", "off", str),
        ("y", "y", str),
        ("1_000", "1_000", str),  # YAML 1.1 int with underscores
        ("1:30", "1:30", str),  # YAML 1.1 sexagesimal 90
        ("0b101", "0b101", str),  # YAML 1.1 binary
        ("2027-03-01", "2027-03-01", str),  # dates stay text (the models parse them)
        ("~", None, type(None)),
        ("null", None, type(None)),
    ],
)
def test_core_schema_scalars(scalar: str, value: Any, kind: type) -> None:
    data = load_text(f"key: {scalar}", "yaml")
    assert type(data["key"]) is kind
    assert data["key"] == value


@pytest.mark.parametrize(
    "scalar", ["010", "NO", "1.10", "0x1F", "+12", "1e3", ".5", "1.", "-0", "0o17", "true"]
)
def test_literal_text_is_the_text_as_written(scalar: str) -> None:
    assert literal_text(load_text(f"key: {scalar}", "yaml")["key"]) == scalar


def test_literal_text_of_other_values() -> None:
    assert literal_text(True) == "true"
    assert literal_text(False) == "false"
    assert literal_text("text") == "text"
    assert literal_text(7) == "7"
    assert literal_text(TextInt(8, "0o10")) == "0o10"
    assert literal_text(TextFloat(1.5, "1.50")) == "1.50"


def test_not_a_number_is_read() -> None:
    value = load_text("key: .NaN", "yaml")["key"]
    assert isinstance(value, TextFloat)
    assert math.isnan(value)


def test_numbers_behave_as_numbers() -> None:
    data = load_text("a: 010\nb: 1.10", "yaml")
    assert data["a"] + 1 == 11
    assert data["b"] * 2 == pytest.approx(2.2)
    assert isinstance(data["a"], int)
    assert isinstance(data["b"], float)


def test_empty_text_is_none() -> None:
    assert load_text("", "yaml") is None
    assert load_text("# only a comment\n", "yaml") is None


def test_nested_structures() -> None:
    assert load_text("a: [1, {b: NO}]\nc: {d: [x, 010]}", "yaml") == {
        "a": [1, {"b": "NO"}],
        "c": {"d": ["x", 10]},
    }


# --- Duplicate keys -------------------------------------------------------------------------


def test_duplicate_keys_are_all_reported_where_they_repeat() -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\n  d: [1, {e: 1, e: 2}]\na: 3\n"
    assert problems(text) == [
        "f:4:3: b.c: duplicate key 'c' (first at line 3)",
        "f:5:17: b.d[1].e: duplicate key 'e' (first at line 5)",
        "f:6:1: a: duplicate key 'a' (first at line 1)",
    ]


def test_equal_keys_in_different_mappings_are_not_duplicates() -> None:
    assert load_text("a: {x: 1}\nb: {x: 2}\nc: [{x: 1}, {x: 2}]", "yaml")["b"] == {"x": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{1: a, 01: b}", ["f:1:8: 01: duplicate key '01' (first at line 1)"]),
        ("{true: a, True: b}", ["f:1:11: True: duplicate key 'True' (first at line 1)"]),
    ],
)
def test_keys_equal_in_value_are_duplicates_located(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_duplicate_json_keys_are_all_reported() -> None:
    text = '{"a": {"b": 1, "b": 2},\n "c": [{"d": 1, "d": 2}],\n "a": 3}'
    assert problems(text, "json") == [
        "f:1:16: a.b: duplicate key 'b' (first at line 1)",
        "f:2:17: c[0].d: duplicate key 'd' (first at line 2)",
        "f:3:2: a: duplicate key 'a' (first at line 1)",
    ]


# --- Syntax errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The second key is indented less than the first: the error is on line 3.
        (
            "a:\n  b: 1\n c: 2\n",
            "f:3:2: (top level): YAML syntax: bad indentation: this line does not line up "
            "with the lines above it (the keys of one mapping, and the '-' items of one list, "
            "start in the same column)",
        ),
        (
            "a: 1\n---\nb: 2",
            "f:2:1: (top level): YAML syntax: expected a single document in "
            "the stream but found another document",
        ),
        (
            "a:\n\t- 1",
            "f:2:1: (top level): YAML syntax: a tab used for indentation (YAML indents with "
            "spaces only: replace the tab with spaces)",
        ),
        # an unclosed bracket or quote is placed where it opens
        (
            "a: 1\nb: [1, 2\n",
            "f:2:4: (top level): YAML syntax: while parsing a flow sequence "
            "did not find expected ',' or ']'",
        ),
        (
            'a: "open',
            "f:1:4: (top level): YAML syntax: while scanning a quoted scalar found "
            "unexpected end of stream",
        ),
    ],
)
def test_yaml_syntax_errors_are_located(text: str, expected: str) -> None:
    assert problems(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"a": 1,}',
            "f:1:9: (top level): JSON syntax: Expecting property name enclosed in double quotes",
        ),
        ('{"a": 1\n "b": 2}', "f:2:2: (top level): JSON syntax: Expecting ',' delimiter"),
        ("", "f:1:1: (top level): JSON syntax: Expecting value"),
        (
            "{'a': 1}",
            "f:1:2: (top level): JSON syntax: Expecting property name enclosed in double quotes",
        ),
    ],
)
def test_json_syntax_errors_are_located(text: str, expected: str) -> None:
    assert problems(text, "json") == [expected]


def test_json_nan_is_refused_with_its_position() -> None:
    with pytest.raises(InputError) as caught:
        load_text('{"a": 1,\n "b": NaN}', "json", "f")
    (problem,) = caught.value.problems
    assert "NaN" in problem.message
    assert (problem.line, problem.column) == (2, 7)


def test_json_nan_is_refused() -> None:
    with pytest.raises(InputError, match="NaN is not valid JSON"):
        load_text('{"a": NaN}', "json")
    with pytest.raises(InputError, match="Infinity is not valid JSON"):
        load_text('{"a": -Infinity}', "json")


def test_json_floats_keep_their_text() -> None:
    data = load_text('{"a": 1.10, "b": 10, "c": 2.50e1, "d": "1.10"}', "json")
    assert [literal_text(data[key]) for key in "abcd"] == ["1.10", "10", "2.50e1", "1.10"]
    assert data["c"] == 25.0


def test_yaml_merge_keys() -> None:
    text = "base: &base {duration: 2, units: days}\ntask:\n  <<: *base\n  duration: 3\n"
    assert load_text(text, "yaml") == {
        "base": {"duration": 2, "units": "days"},
        "task": {"duration": 3, "units": "days"},
    }


def test_anchors_and_aliases() -> None:
    assert load_text("a: &x [1, 2]\nb: *x", "yaml") == {"a": [1, 2], "b": [1, 2]}


# --- Locator --------------------------------------------------------------------------------

YAML_TEXT = """\
project: X
tasks:
  - id: A
    depends_on: [B, {task: C}]
  - id: 'D'
    name: |
      long
"""
YAML_POSITIONS = [
    (("project",), (1, 10), (1, 1)),
    (("tasks",), (3, 3), (2, 1)),
    (("tasks", 0), (3, 5), (3, 5)),
    (("tasks", 0, "id"), (3, 9), (3, 5)),
    (("tasks", 0, "depends_on", 0), (4, 18), (4, 18)),
    (("tasks", 0, "depends_on", 1, "task"), (4, 28), (4, 22)),
    (("tasks", 1, "id"), (5, 9), (5, 5)),
    (("tasks", 1, "name"), (6, 11), (6, 5)),
    # Paths that are not in the text: the position of the longest prefix that is.
    (("tasks", 1, "duration"), (5, 5), (5, 5)),
    (("tasks", 7), (3, 3), (3, 3)),
    ((), (1, 1), (1, 1)),
]

JSON_TEXT = '{\n  "a": "x\\"y",\n  "b": [1, {"c": true, "é": null}],\n  "d": {}\n}'
JSON_POSITIONS = [
    (("a",), (2, 8), (2, 3)),
    (("b",), (3, 8), (3, 3)),
    (("b", 0), (3, 9), (3, 9)),
    (("b", 1), (3, 12), (3, 12)),
    (("b", 1, "c"), (3, 18), (3, 13)),
    (("b", 1, "é"), (3, 29), (3, 24)),  # columns count characters, not bytes
    (("d",), (4, 8), (4, 3)),
    (("d", "missing"), (4, 8), (4, 8)),
    (("b", 7), (3, 8), (3, 8)),
    ((), (1, 1), (1, 1)),
]
TEXTS = {"yaml": (YAML_TEXT, "plan.yaml"), "json": (JSON_TEXT, "plan.json")}
"""Each format's text and file name, and where each path of it stands: value, then key."""


@pytest.mark.parametrize(
    ("fmt", "path", "value_at", "key_at"),
    [("yaml", *case) for case in YAML_POSITIONS] + [("json", *case) for case in JSON_POSITIONS],
)
def test_positions(
    fmt: str, path: tuple[str | int, ...], value_at: tuple[int, int], key_at: tuple[int, int]
) -> None:
    text, name = TEXTS[fmt]
    where = locator(text, fmt, name)
    assert where.position(path) == value_at
    assert where.position(path, key=True) == key_at


def test_locator_problem_is_placed_and_formatted() -> None:
    where = locator(YAML_TEXT, "yaml", "plan.yaml")
    problem = where.problem(("tasks", 0, "depends_on", 1, "task"), "unknown task 'C'")
    assert str(problem) == "plan.yaml:4:28: tasks[0].depends_on[1].task: unknown task 'C'"
    unknown_key = where.problem(("tasks", 1, "name"), "unknown key 'name'", key=True)
    assert (unknown_key.line, unknown_key.column) == (6, 5)


def test_locator_of_broken_text_places_nothing_but_does_not_fail() -> None:
    assert locator("a: [1", "yaml").position(("a",)) == (None, None)
    # JSON keeps what it indexed before the error.
    assert locator('{"a": 1, "b": [1,', "json").position(("a",)) == (1, 7)


def test_duplicate_json_key_does_not_move_the_first_positions() -> None:
    where = locator('{"a": {"x": 1},\n "a": {"y": 2}}', "json")
    assert where.position(("a",)) == (1, 7)
    assert where.position(("a", "x")) == (1, 13)
    assert [str(p) for p in where.duplicates()] == [
        "<input>:2:2: a: duplicate key 'a' (first at line 1)"
    ]
