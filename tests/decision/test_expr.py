"""The safe expression evaluator (``mgmt_tools._expr``): what parses, what is refused, where."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from mgmt_tools._expr import MAX_LENGTH, ExpressionError, compile_expression, is_name

ENV = {"a": 2.0, "b": 3.0, "bid": 550.0, "利率": 0.05}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/3", 1 / 3),
        ("1 - 0.08", 0.92),
        ("-a ** 2", -4.0),
        ("(a + b) * 2", 10.0),
        ("2 ** -1", 0.5),
        ("a < b", 1.0),
        ("a >= b", 0.0),
        ("a < b < 1", 0.0),
        ("a == 2", 1.0),
        ("a != 2", 0.0),
        ("(bid > 500) * 20 + max(bid, 400) / 10", 75.0),
        ("min(a, b, 1)", 1.0),
        ("abs(-a)", 2.0),
        ("exp(0) + log(1) + sqrt(9)", 4.0),
        ("利率 * 100", 5.0),
        ("1_000 + 1e3", 2000.0),
        ("  a\n + b", 5.0),
    ],
)
def test_values(text: str, value: float) -> None:
    assert compile_expression(text)(ENV) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0.5 *", "syntax error: incomplete expression at column 6"),
        ("p_ok )", "syntax error: unmatched ')' at column 6"),
        ("2 3", "syntax error at column 3"),
        ("a ^ 2", "'^' is not a power; write ** at column 3"),
        ("a % 2", "'%' is not allowed at column 3"),
        ("a // 2", "'//' is not allowed; write / at column 3"),
        ("a and b", "'and'/'or' are not allowed"),
        ("1 if a else 2", "'if ... else' is not allowed"),
        ("not a", "not allowed here: 'not a' at column 1"),
        ("a.real", "not allowed here: 'a.real' at column 1"),
        ("a[0]", "not allowed here"),
        ("'text'", "not a number: \"'text'\""),
        ("True + 1", "not a number: 'True'"),
        ("1j", "not a number: '1j'"),
        ("[1, 2]", "not allowed here"),
        ("lambda: 1", "not allowed here"),
        ("__import__('os')", "unknown function '__import__'"),
        ("eval('1')", "unknown function 'eval'"),
        ("max()", "max() takes at least one argument"),
        ("abs(1, 2)", "abs() takes one argument"),
        ("sqrt(x=1)", "sqrt() takes plain arguments"),
        ("1 / 0", "division by zero at column 3"),
        ("0 ** -1", "division by zero"),
        ("(-8) ** (1/3)", "a negative number to a fractional power"),
        ("9**9**9", "exponent 387420489 is too large"),
        ("2 ** 101", "exponent 101 is too large"),
        ("1e200 * 1e200", "not a finite number"),
        ("exp(1000)", "exp() of a number too large"),
        ("log(0)", "log() of a number that is not positive"),
        ("sqrt(-1)", "sqrt() of a negative number"),
        ("1" * 400 + ".0", "number too large"),
        ("", "empty expression"),
    ],
)
def test_refused(text: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(text)(ENV)
    assert message in str(caught.value)


def test_hundred_as_exponent_is_allowed() -> None:
    assert compile_expression("2 ** 100")({}) == 2.0**100


def test_unknown_variable_with_did_you_mean() -> None:
    with pytest.raises(ExpressionError) as caught:
        compile_expression("1 - p_defualt")({"p_default": 0.08, "fee": 40.0})
    assert str(caught.value) == "unknown variable 'p_defualt' (did you mean 'p_default'?)"


def test_length_and_nesting_are_bounded() -> None:
    with pytest.raises(ExpressionError, match="longer than"):
        compile_expression("1+" * MAX_LENGTH + "1")
    with pytest.raises(ExpressionError):
        compile_expression("(" * 240 + "1" + ")" * 240)


def test_hostile_powers_fail_fast() -> None:
    start = time.perf_counter()
    for text in ("9**9**9**9", "(10**99)**99", "2**2**2**2**2**2"):
        with pytest.raises(ExpressionError):
            compile_expression(text)
    assert time.perf_counter() - start < 1.0


def test_names_in_order_and_columns() -> None:
    expression = compile_expression("b * a + b - 利率")
    assert expression.names == ("b", "a", "利率")
    assert expression.column_of("利率") == 13
    assert expression.constant is None


def test_vector_evaluation_matches_scalar() -> None:
    expression = compile_expression("(x > 1) * 20 + max(x, 0.5) ** 2 - sqrt(abs(x)) + min(x, y)")
    xs = np.linspace(-2, 3, 11)
    vector = expression.vector({"x": xs, "y": 0.25})
    scalar = [expression({"x": float(x), "y": 0.25}) for x in xs]
    assert np.allclose(vector, scalar)


def test_vector_evaluation_reports_non_finite_results() -> None:
    with pytest.raises(ExpressionError, match="not a finite number"):
        compile_expression("1 / x").vector({"x": np.array([1.0, 0.0])})
    with pytest.raises(ExpressionError, match="exponent"):
        compile_expression("2 ** x").vector({"x": np.array([1.0, 200.0])})


def test_is_name() -> None:
    assert is_name("p_default")
    assert is_name("利率")
    assert not is_name("p-default")
    assert not is_name("2x")
    assert not is_name("max")
    assert not is_name("lambda")


def test_no_eval_anywhere() -> None:
    import inspect

    import mgmt_tools._expr as module

    source = inspect.getsource(module)
    assert "eval(" not in source.replace("literal_eval(", "")
    assert math.isfinite(compile_expression("1e308")({}))
