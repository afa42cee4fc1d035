"""Bounded inputs (issue #14): nesting depth, alias expansion, integer digits, text length and
finite numbers are each a located error (``file:line:col: path: message``) that names the limit
and how to raise it, exit 1, checked before anything recursive reads the input; raising the
limit lets a sensible input through. No test here is timed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mgmt_tools import limits
from mgmt_tools._json_positions import bracket_depth
from mgmt_tools._yaml import load_text
from mgmt_tools._yaml_errors import bound_problems, within_bounds
from mgmt_tools.errors import InputError
from tests.helpers import mgmt, written

LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<path>.+?): ")


def goal_tree(levels: int) -> dict[str, object]:
    """A goal tree ``levels`` deep: one child per goal (two levels of nesting per goal)."""
    node: dict[str, object] = {"goal": f"g{levels - 1}"}
    for level in range(levels - 2, -1, -1):
        node = {"goal": f"g{level}", "children": [node]}
    return node


def located(err: str) -> re.Match[str]:
    """The first line of ``err``, which must be a located problem."""
    match = LOCATED.match(err)
    assert match is not None, err
    return match


# --- nesting depth ------------------------------------------------------------------------


def test_json_nested_a_thousand_deep_is_a_located_depth_error(tmp_path: Path) -> None:
    # before: "nested too deeply" with no position and no way out
    path = written(tmp_path / "deep.json", "[" * 1000 + "]" * 1000)
    code, _out, err = mgmt("pareto", str(path))
    assert code == 1, err
    place = located(err)
    assert (place["line"], place["column"]) == ("1", "201")  # the 201st '['
    assert "nested more than 200 levels deep" in err
    assert "raise it with --max-depth" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_a_goal_tree_past_the_depth_is_refused_at_its_first_value_too_deep(
    tmp_path: Path, suffix: str
) -> None:
    # 150 goals make 299 levels of nesting; before: pydantic's recursion error at 400 levels
    text = json.dumps(goal_tree(150))  # JSON is YAML too
    path = written(tmp_path / f"tree.{suffix}", text)
    code, _, err = mgmt("goals", str(path))
    assert code == 1, err
    place = located(err)
    # level 201 is the 101st goal's mapping: 200 parts, children[0] 100 times, the middle
    # of so long a path left out of the message (errors.format_path)
    assert place["path"].startswith("children[0].children[0]…(191 parts)…")
    assert "nested more than 200 levels deep" in err
    assert "--max-depth" in err
    assert "Recursion" not in err


@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_raising_max_depth_lets_a_deep_goal_tree_through(tmp_path: Path, suffix: str) -> None:
    path = written(tmp_path / f"tree.{suffix}", json.dumps(goal_tree(150)))
    code, out, err = mgmt("goals", str(path), "--max-depth", "400", "--json")
    assert code == 0, err
    assert json.loads(out)["goal"] == "g0"


def test_a_tree_deeper_than_the_models_check_is_a_clear_located_error(tmp_path: Path) -> None:
    # 400 goals pass --max-depth 1000 but not pydantic's own bound (about 255 models deep)
    path = written(tmp_path / "tree.json", json.dumps(goal_tree(400)))
    code, _, err = mgmt("goals", str(path), "--max-depth", "1000")
    assert code == 1, err
    located(err)
    assert "nested too deeply to check" in err
    assert "maximum validation depth" not in err


def test_yaml_flow_nesting_past_the_limit_is_located(tmp_path: Path) -> None:
    path = written(tmp_path / "deep.yaml", "counts: " + "[" * 300 + "]" * 300 + "\n")
    code, _, err = mgmt("pareto", str(path))
    assert code == 1, err
    place = located(err)
    assert (place["line"], place["column"]) == ("1", str(len("counts: ") + 200))
    assert "nested more than 200 levels deep" in err


def test_block_yaml_nesting_past_the_limit_is_located() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(250)) + "  " * 250 + "x: 1\n"
    with pytest.raises(InputError) as raised:
        load_text(text, "yaml", "deep.yaml")
    problem = raised.value.problems[0]
    assert (problem.line, problem.column) == (201, 401)  # the mapping under k199
    assert problem.path == tuple(f"k{level}" for level in range(200))
    with limits.using(max_depth=300):
        assert load_text(text, "yaml", "deep.yaml")["k0"]["k1"] is not None


def test_json_depth_counts_brackets_outside_strings_only() -> None:
    text = json.dumps({"a": ["[" * 500, "]" * 500, {"b": [1]}], "c": '\\"[[['})
    assert bracket_depth(text) == 4
    load_text(text, "json")  # 4 levels: nothing to refuse
    item = ["]]]]", [[["[[[["]]]]
    many = json.dumps([item] * 40_000)  # big: the vectorised path
    assert bracket_depth(many) == 5


# --- alias expansion ----------------------------------------------------------------------

BOMB = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
    for previous, name in zip("abcdefg", "bcdefgh", strict=False)
)


def test_an_alias_bomb_names_the_values_limit(tmp_path: Path) -> None:
    path = written(tmp_path / "bomb.yaml", BOMB)
    code, _, err = mgmt("pareto", str(path))
    assert code == 1, err
    located(err)
    assert "more than 1,000,000 values" in err
    assert "raise it with --limit values=N" in err


def test_the_values_limit_follows_the_option(tmp_path: Path) -> None:
    # about 1,100 values from about 40 written: past --limit values=500 (and past ten times
    # what is written, the allowance every file has), well within the default
    path = written(tmp_path / "aliases.yaml", BOMB.split("d:")[0])
    code, _, err = mgmt("pareto", str(path), "--limit", "values=500")
    assert code == 1, err
    assert "more than 500 values" in located(err).string
    code, _, err = mgmt("pareto", str(path))
    assert code == 1  # a, b and c are not pareto keys
    assert "--limit values" not in err
    assert "unknown key 'a'" in err


# --- integer digits -----------------------------------------------------------------------

VARIABLES = """name: digits
objective: max
variables:
  big: {number}
root:
  type: decision
  name: choose
  branches:
    - {{name: a, payoff: big}}
    - {{name: b, payoff: 0}}
"""


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_5000_digit_integer_is_a_located_digits_error(tmp_path: Path, suffix: str) -> None:
    # before: an internal error from Python's 4,300-digit conversion limit
    text = VARIABLES.format(number="7" * 5000)
    if suffix == "json":
        data = load_text(VARIABLES.format(number="7"), "yaml")
        text = json.dumps(data).replace('"big": 7', '"big": ' + "7" * 5000)
    path = written(tmp_path / f"tree.{suffix}", text)
    code, _, err = mgmt("decision", str(path))
    assert code == 1, err
    place = located(err)
    assert place["path"] == "variables.big"
    assert "integer of 5,000 digits, more than the limit of 30 digits" in err
    assert "raise it with --limit digits=N" in err


def test_raising_digits_past_pythons_own_limit_is_still_a_message(tmp_path: Path) -> None:
    path = written(tmp_path / "tree.yaml", VARIABLES.format(number="7" * 5000))
    code, _, err = mgmt("decision", str(path), "--limit", "digits=10000")
    assert code == 1, err
    assert "more than Python reads" in located(err).string


def test_raising_digits_lets_a_long_integer_reach_its_field(tmp_path: Path) -> None:
    path = written(tmp_path / "tree.yaml", VARIABLES.format(number="1" + "0" * 34))
    code, _, err = mgmt("decision", str(path))
    assert code == 1
    assert "--limit digits=N" in err
    code, _, err = mgmt("decision", str(path), "--limit", "digits=40")
    assert code == 1, err  # read now; the field's own range refuses it, located
    assert "too large" in err
    assert "--limit digits" not in err


# --- text length --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_text_longer_than_the_limit_is_located(tmp_path: Path, suffix: str) -> None:
    data = {"effect": "slow approvals", "categories": {"People": ["x" * 100_001]}}
    text = json.dumps(data)
    path = written(tmp_path / f"fishbone.{suffix}", text)
    code, _, err = mgmt("fishbone", str(path), "--json")
    assert code == 1, err
    place = located(err)
    assert place["path"] == "categories.People[0]"
    assert "text of 100,001 characters, more than the limit of 100,000" in err
    assert "raise it with --limit text=N" in err
    code, _out, err = mgmt("fishbone", str(path), "--json", "--limit", "text=200000")
    assert code == 0, err


def test_a_long_key_is_located_at_the_key() -> None:
    text = '{"counts": {"' + "k" * 50 + '": 1}}'
    with limits.using(max_text=40), pytest.raises(InputError) as raised:
        load_text(text, "json", "f.json")
    assert str(raised.value).startswith("f.json:1:13: counts.kkkk")


def test_a_long_csv_cell_is_located_at_its_line_and_column(tmp_path: Path) -> None:
    path = written(tmp_path / "plan.csv", "id,name,duration\nA,a,1\nB," + "n" * 100_001 + ",2\n")
    code, _, err = mgmt("pert", str(path))
    assert code == 1, err
    assert err.startswith(f"{path}:3:2: name: text of 100,001 characters")
    assert "--limit text=N" in err
    code, _, err = mgmt("pert", str(path), "--limit", "text=100001")
    assert code == 0, err


# --- finite numbers -----------------------------------------------------------------------

FINITE_CASES = [
    ("pert", "tasks:\n  - {id: A, duration: VALUE}\n", "tasks[0].duration"),
    ("pareto", "counts: {Fees: VALUE, Waits: 3}\n", "counts.Fees"),
    ("goals", "goal: g\nchildren:\n  - {goal: h, weight: VALUE}\n", "children[0].weight"),
    (
        "decision",
        "name: d\nobjective: max\nroot:\n  type: decision\n  name: r\n  branches:\n"
        "    - {name: a, payoff: VALUE}\n    - {name: b, payoff: 0}\n",
        "root.branches[0].payoff",
    ),
    ("ahp", "elements: [A, B]\ncomparisons:\n  - [A, B, VALUE]\n", "comparisons[0][2]"),
]


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN"])
@pytest.mark.parametrize(("method", "text", "where"), FINITE_CASES)
def test_yaml_infinity_and_nan_are_refused_where_a_number_is_expected(
    tmp_path: Path, method: str, text: str, where: str, value: str
) -> None:
    path = written(tmp_path / "input.yaml", text.replace("VALUE", value))
    code, _, err = mgmt(method, str(path))
    assert code == 1, err
    lines = [line for line in err.splitlines() if f": {where}: " in line]
    assert lines, err
    assert "not a finite number" in lines[0]
    assert f"'{value}'" in lines[0]
    located(lines[0])


def test_json_overflowing_to_infinity_is_too_large(tmp_path: Path) -> None:
    path = written(tmp_path / "plan.json", '{"tasks": [{"id": "A", "duration": 1e400}]}')
    code, _, err = mgmt("pert", str(path))
    assert code == 1, err
    assert ": tasks[0].duration: too large (at most 1e15 in size)" in err


# --- the checks themselves ----------------------------------------------------------------


def test_the_quick_check_agrees_with_the_walk_that_locates() -> None:
    data = {"a": [[{"b": "x" * 12}]], "c": {"d" * 12: 1}}
    for depth, text in [(2, 100), (10, 10), (10, 100), (4, 11)]:
        with limits.using(max_depth=depth, max_text=text):
            assert within_bounds(data) == (not bound_problems(data))


def test_depth_past_what_can_be_read_says_so_whatever_the_option(tmp_path: Path) -> None:
    path = written(tmp_path / "deep.json", '{"counts": ' + "[" * 5000 + "]" * 5000 + "}")
    code, _, err = mgmt("index", str(path), "--max-depth", "100000")
    assert code == 1, err
    place = located(err)
    assert (place["line"], place["column"]) == ("1", str(len('{"counts": ') + 1250))
    assert "the most mgmt-tools reads whatever --max-depth says" in err


def test_a_raised_depth_leaves_room_for_the_readers_below(tmp_path: Path) -> None:
    # 1,200 levels: past Python's default recursion limit of 1,000 frames, within the 1,250
    # read; the methods' own readers must give a message, not an internal error
    text = '{"name": "d", "root": {"type": "decision", "name": "r", "branches": '
    path = written(tmp_path / "deep.json", text + "[" * 1200 + "]" * 1200 + "}}")
    for method in ("decision", "index", "goals", "pareto"):
        code, _, err = mgmt(method, str(path), "--max-depth", "2000")
        assert code == 1, err
        located(err)
