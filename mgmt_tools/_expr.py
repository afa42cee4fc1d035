"""Safe arithmetic for expressions written in inputs: parsed with :mod:`ast`, never ``eval``.

An expression is float arithmetic over numbers and variable names: ``+ - * / **``, unary minus,
parentheses, comparisons ``< <= > >= == !=`` (which give 1.0 or 0.0, chained as in Python) and
the functions ``min max abs exp log sqrt``. Nothing else parses: no attributes, no subscripts,
no other calls, no strings. Expressions are at most :data:`MAX_LENGTH` characters and powers
take exponents of at most :data:`MAX_EXPONENT` in absolute value, and every number is a float,
so ``9**9**9`` fails at once instead of computing a huge integer.

An expression is compiled once (:func:`compile_expression`) into a tree of closures and then
evaluated many times, with floats (:meth:`Expression.__call__`) or, for a grid of values at
once, with numpy arrays (:meth:`Expression.vector`).

>>> expression = compile_expression("1 - p_default")
>>> expression({"p_default": 0.08}), expression.names
(0.92, ('p_default',))
>>> compile_expression("1/3").constant
0.3333333333333333
>>> compile_expression("(bid > 500) * 20 + max(bid, 400) / 10")({"bid": 550.0})
75.0
>>> compile_expression("1 - p_defualt")({"p_default": 0.08})
Traceback (most recent call last):
...
mgmt_tools._expr.ExpressionError: unknown variable 'p_defualt' (did you mean 'p_default'?)
>>> compile_expression("9**9**9")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mgmt_tools._expr.ExpressionError: exponent 387420489 is too large (at most 100 in ...) at column 2
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mgmt_tools.errors import did_you_mean
from mgmt_tools.locale import N_, _, current

__all__ = [
    "FUNCTIONS",
    "LARGEST",
    "LARGEST_TEXT",
    "MAX_EXPONENT",
    "MAX_LENGTH",
    "Expression",
    "ExpressionError",
    "compile_expression",
    "fraction_hint",
    "is_name",
    "percentage_hint",
]

MAX_LENGTH = 500
MAX_EXPONENT = 100.0
LARGEST = 1e15
"""The largest size of a number in an input or of an expression's value: beyond it sums of
many numbers could overflow, and floats no longer hold every integer (2**53 is about 9e15)."""
LARGEST_TEXT = f"{LARGEST:g}".replace("e+", "e")
FUNCTIONS = ("abs", "exp", "log", "max", "min", "sqrt")

Scalar = Callable[[Mapping[str, float]], float]
Vector = Callable[[Mapping[str, Any]], Any]


class ExpressionError(ValueError):
    """An expression that does not parse or cannot be evaluated; ``column`` is 1-based."""

    def __init__(self, message: str, column: int | None = None) -> None:
        self.message = message
        self.column = column
        super().__init__(
            message
            if column is None
            else _("{message} at column {column}").format(message=message, column=column)
        )


_PERCENT = re.compile(r"^\s*([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*%\s*$")


def percentage_hint(text: str) -> str | None:
    """What to write instead of a percentage such as ``"94%"``, or None if it is not one.

    >>> percentage_hint("94%")
    'a percentage where a fraction is meant: write 0.94 for 94%'
    >>> percentage_hint(" 12.5 % "), percentage_hint("abc")
    ('a percentage where a fraction is meant: write 0.125 for 12.5%', None)
    """
    match = _PERCENT.match(text)
    if match is None:
        return None
    number = float(match.group(1))
    return _("a percentage where a fraction is meant: write {fraction} for {percent}%").format(
        fraction=f"{number / 100:.10g}", percent=f"{number:g}"
    )


def fraction_hint(value: float) -> str:
    """What to write for a number outside 0..1 where a fraction is meant: ``60`` was surely
    60 percent.

    >>> fraction_hint(60), fraction_hint(1.5), fraction_hint(250)
    (' (write 0.6 for 60%)', ' (write 0.015 for 1.5%)', '')
    """
    if 1 < value <= 100:
        return _(" (write {fraction} for {percent}%)").format(
            fraction=f"{value / 100:.10g}", percent=f"{value:g}"
        )
    return ""


def _checked(value: float) -> float:
    """``value`` if it is finite; else an error that says whether it overflowed.

    The size of a finite value is the caller's to judge (:data:`LARGEST` for inputs): an
    expression may compute ``2 ** 100`` on the way to a small result.
    """
    if math.isnan(value):
        raise ExpressionError(_("the result is not a finite number"))
    if math.isinf(value):
        raise ExpressionError(_("the result is too large (not a finite number)"))
    return value


def is_name(text: str) -> bool:
    """Whether ``text`` can name a variable (an identifier that is not a function or keyword)."""
    import keyword

    return text.isidentifier() and not keyword.iskeyword(text) and text not in FUNCTIONS


@dataclass(frozen=True, eq=False)
class Expression:
    """A compiled expression; call it with a mapping of variable values."""

    text: str
    names: tuple[str, ...]
    """The variables it uses, in order of first use."""
    constant: float | None
    """Its value when it uses no variable."""
    _scalar: Scalar = field(repr=False)
    _node: ast.expr = field(repr=False)
    _columns: dict[str, int] = field(repr=False)
    _vector: list[Vector] = field(default_factory=list, repr=False)

    def column_of(self, name: str) -> int:
        """The 1-based column where ``name`` is first used."""
        return self._columns.get(name, 1)

    def _check_names(self, env: Mapping[str, Any]) -> None:
        for name in self.names:
            if name not in env:
                raise ExpressionError(
                    _("unknown variable '{name}'{hint}").format(
                        name=name, hint=did_you_mean(name, sorted(env))
                    )
                )

    def __call__(self, env: Mapping[str, float]) -> float:
        """The value with the variables of ``env`` (floats)."""
        if self.constant is not None:
            return self.constant
        self._check_names(env)
        return _checked(self._scalar(env))

    def vector(self, env: Mapping[str, Any]) -> Any:
        """The values with variables that may be numpy arrays (broadcast together)."""
        import numpy as np

        if self.constant is not None:
            return self.constant
        self._check_names(env)
        if not self._vector:
            self._vector.append(_VectorCompiler(self.text).build(self._node))
        with np.errstate(all="ignore"):
            value = np.asarray(self._vector[0](env), dtype=np.float64)
        finite = np.isfinite(value)
        if not np.all(finite):
            _checked(float(value.flat[int(np.argmin(finite))]))
        return value


def compile_expression(text: str) -> Expression:
    """Parse and check ``text``; raises :class:`ExpressionError` with the column of the fault."""
    source = " ".join(text.splitlines()).rstrip()
    if not source.strip():
        raise ExpressionError(_("empty expression"))
    hint = percentage_hint(source)
    if hint is not None:  # "60%": Python would read a modulo with its right side missing
        raise ExpressionError(hint)
    if len(source) > MAX_LENGTH:
        raise ExpressionError(
            _("expression longer than {count} characters").format(count=MAX_LENGTH)
        )
    indent = len(source) - len(source.lstrip())
    try:
        node = ast.parse(source.lstrip(), mode="eval").body
    except SyntaxError as error:
        raise _syntax_error(error, source) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError(_("expression nested too deeply")) from None
    compiler = _ScalarCompiler(source.lstrip(), indent)
    scalar = compiler.build(node)
    constant = None
    if not compiler.names:
        constant = _checked(scalar({}))
    return Expression(text, tuple(compiler.names), constant, scalar, node, dict(compiler.names))


def _syntax_error(error: SyntaxError, source: str) -> ExpressionError:
    # Python's own words are English: other languages say what is wrong without them
    plain = error.msg in ("invalid syntax", "") or current() != "en"
    if not error.offset:  # Python points nowhere when the text ends too early
        if plain:
            return ExpressionError(_("syntax error: incomplete expression"), len(source) + 1)
        return ExpressionError(f"syntax error: incomplete expression: {error.msg}", len(source) + 1)
    column = error.offset + len(source) - len(source.lstrip())
    return ExpressionError(_("syntax error") if plain else f"syntax error: {error.msg}", column)


_ARITHMETIC: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_FORBIDDEN: dict[type, str] = {
    ast.BitXor: N_("'^' is not a power; write **"),
    ast.Mod: N_("'%' is not allowed"),
    ast.FloorDiv: N_("'//' is not allowed; write /"),
    ast.BoolOp: N_("'and'/'or' are not allowed; comparisons give 1 or 0, so multiply them"),
    ast.IfExp: N_("'if ... else' is not allowed; use comparisons, which give 1 or 0"),
}


class _ScalarCompiler:
    """Checks the tree and builds float closures; collects names with their first column."""

    def __init__(self, text: str, indent: int) -> None:
        self.text = text
        self.indent = indent
        self.names: dict[str, int] = {}

    def column(self, node: ast.AST) -> int:
        offset = getattr(node, "col_offset", 0)
        return len(self.text.encode("utf-8")[:offset].decode("utf-8", "ignore")) + 1 + self.indent

    def fail(self, node: ast.AST, message: str) -> ExpressionError:
        return ExpressionError(message, self.column(node))

    def operator_column(self, node: ast.BinOp) -> int:
        """The column of a binary operator (after the left operand and its parentheses)."""
        encoded = self.text.encode("utf-8")
        start = getattr(node.left, "end_col_offset", None) or node.col_offset
        between = encoded[start : node.right.col_offset].decode("utf-8", "ignore")
        skipped = len(between) - len(between.lstrip(" )"))
        return len(encoded[:start].decode("utf-8", "ignore")) + skipped + 1 + self.indent

    def build(self, node: ast.expr) -> Scalar:
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            self.names.setdefault(node.id, self.column(node))
            name = node.id
            return lambda env: env[name]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = self.build(node.operand)
            return (lambda env: -inner(env)) if isinstance(node.op, ast.USub) else inner
        if isinstance(node, ast.BinOp):
            return self.binary(node)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        kind = type(node.op) if isinstance(node, ast.BinOp | ast.UnaryOp) else type(node)
        forbidden = _FORBIDDEN.get(kind)
        if forbidden is not None:
            raise self.fail(node, _(forbidden))
        raise self.fail(node, _("not allowed here: {text}").format(text=self.snippet(node)))

    def snippet(self, node: ast.AST) -> str:
        return repr(ast.get_source_segment(self.text, node) or type(node).__name__)

    def constant(self, node: ast.Constant) -> Scalar:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(node, _("not a number: {text}").format(text=self.snippet(node)))
        try:
            number = float(value)
        except OverflowError:
            raise self.fail(node, _("number too large")) from None
        if not math.isfinite(number):
            raise self.fail(node, _("number too large"))
        return lambda env: number

    def binary(self, node: ast.BinOp) -> Scalar:
        left, right = self.build(node.left), self.build(node.right)
        column = self.operator_column(node)
        if isinstance(node.op, ast.Div):

            def divide(env: Mapping[str, float]) -> float:
                denominator = right(env)
                if denominator == 0:
                    raise ExpressionError(_("division by zero"), column)
                return left(env) / denominator

            return divide
        if isinstance(node.op, ast.Pow):
            return lambda env: _power(left(env), right(env), column)
        function = _ARITHMETIC.get(type(node.op))
        if function is None:
            message = _FORBIDDEN.get(type(node.op), N_("operator not allowed"))
            raise ExpressionError(_(message), column)
        return lambda env: function(left(env), right(env))

    def compare(self, node: ast.Compare) -> Scalar:
        operands = [self.build(node.left), *(self.build(item) for item in node.comparators)]
        tests = [_COMPARE[type(op)] for op in node.ops if type(op) in _COMPARE]
        if len(tests) != len(node.ops):
            raise self.fail(node, _("only < <= > >= == != compare numbers"))

        def compare(env: Mapping[str, float]) -> float:
            values = [operand(env) for operand in operands]
            ok = all(test(a, b) for test, a, b in zip(tests, values, values[1:], strict=False))
            return 1.0 if ok else 0.0

        return compare

    def call(self, node: ast.Call) -> Scalar:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            name = node.func.id if isinstance(node.func, ast.Name) else self.snippet(node.func)
            raise self.fail(
                node,
                _("unknown function '{name}' (functions: {functions})").format(
                    name=name, functions=", ".join(FUNCTIONS)
                ),
            )
        name = node.func.id
        if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
            raise self.fail(node, _("{name}() takes plain arguments").format(name=name))
        arguments = [self.build(arg) for arg in node.args]
        if not arguments or (name not in ("min", "max") and len(arguments) != 1):
            if name in ("min", "max"):
                raise self.fail(node, _("{name}() takes at least one argument").format(name=name))
            raise self.fail(node, _("{name}() takes one argument").format(name=name))
        column = self.column(node)
        if name in ("min", "max"):
            pick = min if name == "min" else max
            return lambda env: pick(argument(env) for argument in arguments)
        only = arguments[0]
        return lambda env: _function(name, only(env), column)


def _power(base: float, exponent: float, column: int) -> float:
    if abs(exponent) > MAX_EXPONENT:
        message = _("exponent {exponent} is too large (at most {limit} in absolute value)")
        text = message.format(exponent=_number(exponent), limit=f"{MAX_EXPONENT:g}")
        raise ExpressionError(text, column)
    if base == 0 and exponent < 0:
        raise ExpressionError(_("division by zero"), column)
    if base < 0 and exponent != int(exponent):
        raise ExpressionError(_("a negative number to a fractional power"), column)
    try:
        return float(base**exponent)
    except OverflowError:
        raise ExpressionError(_("the result is too large"), column) from None


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else f"{value:g}"


def _function(name: str, value: float, column: int) -> float:
    if name == "abs":
        return abs(value)
    if name == "exp":
        try:
            return math.exp(value)
        except OverflowError:
            raise ExpressionError(_("exp() of a number too large"), column) from None
    if name == "log":
        if value <= 0:
            raise ExpressionError(_("log() of a number that is not positive"), column)
        return math.log(value)
    if value < 0:
        raise ExpressionError(_("sqrt() of a negative number"), column)
    return math.sqrt(value)


class _VectorCompiler:
    """The same expression over numpy arrays; the tree was checked by the scalar compiler."""

    def __init__(self, text: str) -> None:
        self.text = text

    def build(self, node: ast.expr) -> Vector:
        import numpy as np

        if isinstance(node, ast.Constant):
            number = float(node.value)  # type: ignore[arg-type]  # checked: int or float
            return lambda env: number
        if isinstance(node, ast.Name):
            name = node.id
            return lambda env: env[name]
        if isinstance(node, ast.UnaryOp):
            inner = self.build(node.operand)
            return (lambda env: -inner(env)) if isinstance(node.op, ast.USub) else inner
        if isinstance(node, ast.BinOp):
            left, right = self.build(node.left), self.build(node.right)
            if isinstance(node.op, ast.Div):
                return lambda env: np.divide(left(env), right(env))
            if isinstance(node.op, ast.Pow):
                return lambda env: _vector_power(left(env), right(env))
            function = _ARITHMETIC[type(node.op)]
            return lambda env: function(left(env), right(env))
        if isinstance(node, ast.Compare):
            operands = [self.build(node.left), *(self.build(item) for item in node.comparators)]
            tests = [_COMPARE[type(op)] for op in node.ops]

            def compare(env: Mapping[str, Any]) -> Any:
                values = [operand(env) for operand in operands]
                ok = np.ones(np.broadcast(*values, 0.0).shape, dtype=bool)
                for test, a, b in zip(tests, values, values[1:], strict=False):
                    ok &= test(a, b)
                return np.where(ok, 1.0, 0.0)

            return compare
        assert isinstance(node, ast.Call)
        assert isinstance(node.func, ast.Name)
        arguments = [self.build(arg) for arg in node.args]
        name = node.func.id
        if name in ("min", "max"):
            pick = np.minimum if name == "min" else np.maximum

            def extreme(env: Mapping[str, Any]) -> Any:
                result = arguments[0](env)
                for argument in arguments[1:]:
                    result = pick(result, argument(env))
                return result

            return extreme
        ufunc = {"abs": np.abs, "exp": np.exp, "log": np.log, "sqrt": np.sqrt}[name]
        only = arguments[0]
        return lambda env: ufunc(only(env))


def _vector_power(base: Any, exponent: Any) -> Any:
    import numpy as np

    if np.any(np.abs(exponent) > MAX_EXPONENT):
        raise ExpressionError(
            _("an exponent is too large (at most {limit} in absolute value)").format(
                limit=f"{MAX_EXPONENT:g}"
            )
        )
    return np.power(np.asarray(base, dtype=np.float64), exponent)
