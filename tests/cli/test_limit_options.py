"""The limit options every command takes (``--max-depth``, ``--render-timeout``, ``--limit``)
set :mod:`mgmt_tools.limits` for the run, and a wrong ``--limit`` is a usage error."""

from __future__ import annotations

from typing import Any

import click
import pytest
from click.testing import CliRunner

from mgmt_cli._limits import limit_options, limits_from
from mgmt_tools import limits
from mgmt_tools.methods import METHODS
from tests.helpers import mgmt

EXAMPLE = "examples/rank/weekly-todo.yaml"


def _seen(*args: str) -> tuple[int, Any]:
    """Exit code and the limits in force inside a command given ``args``."""
    seen: list[limits.Limits] = []

    def callback(**params: Any) -> None:
        with limits_from(params):
            seen.append(limits.current())

    command = click.Command("probe", callback=callback, params=limit_options())
    result = CliRunner().invoke(command, list(args))
    return result.exit_code, seen[0] if seen else result.output


def test_options_set_the_limits_for_the_run_only() -> None:
    code, inside = _seen("--max-depth", "500", "--render-timeout", "2.5", "--limit", "text=7")
    assert code == 0
    assert (inside.max_depth, inside.render_timeout, inside.max_text) == (500, 2.5, 7)
    assert limits.current() == limits.Limits()  # nothing leaks past the command


def test_defaults_without_options() -> None:
    assert _seen() == (0, limits.Limits())


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("txt=5", "did you mean 'text'"),
        ("text", "needs a value"),
        ("text=many", "not a number"),
        ("text=0", "positive"),
        ("render-timeout=nan", "positive"),
    ],
)
def test_a_wrong_limit_is_a_usage_error(value: str, words: str) -> None:
    code, output = _seen("--limit", value)
    assert code == 2
    assert words in output


@pytest.mark.parametrize("name", [*METHODS, "report"])
def test_every_command_takes_the_limit_options(name: str) -> None:
    code, out, _ = mgmt(name, "--help")
    assert code == 0
    for flag in ("--max-depth", "--render-timeout", "--limit"):
        assert flag in out


def test_csv_writers_take_raw_cells_and_others_do_not() -> None:
    with_csv = {name for name, method in METHODS.items() if "csv" in method.writers}
    assert with_csv  # rank, pareto, pert write CSV
    for name in METHODS:
        _code, out, _ = mgmt(name, "--help")
        assert ("--raw-cells" in out) == (name in with_csv), name


def test_a_bad_limit_on_a_method_command_exits_2() -> None:
    code, _, err = mgmt("rank", EXAMPLE, "--limit", "dept=3")
    assert code == 2
    assert "unknown limit 'dept'" in err
    assert "did you mean 'depth'" in err


FLOAT_OPTIONS = [
    (name, option.cli_flag)
    for name, method in METHODS.items()
    for option in method.options
    if option.kind == "float"
]


@pytest.mark.parametrize(("name", "flag"), FLOAT_OPTIONS)
@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_a_number_option_refuses_nan_and_infinity(name: str, flag: str, value: str) -> None:
    """NaN passes every range check (each comparison is false): it is refused by name."""
    code, _, err = mgmt(name, f"examples/{METHODS[name].example}", flag, value)
    assert code == 2, err
    assert flag in err
    assert "internal error" not in err
