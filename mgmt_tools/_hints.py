"""Warnings for values a method takes but that are probably mistakes, and size checks.

A warning is a located line, ``file:line:col: path: message`` like an error, added to the
``load_warnings`` of what a loader returns (and so to the result's ``warnings``): the input is
computed as written, the user is told where to look.

* :func:`judgement_warnings`: an AHP judgement outside Saaty's scale 1/9..9 (a 15 is a typo
  for 1.5 or 5 as often as it is meant);
* a predecessor listed twice in one ``depends_on``: pert's own
  (:func:`mgmt_tools.pert.repeats.duplicate_link_warnings`), in the plan's link grammar;
* :func:`date_order_warnings`: a due date or deadline before its start;
* :func:`too_large` and :func:`size_problems`: numbers too large to add up (CSV cells, which
  do not pass through the input models).

>>> from mgmt_tools._yaml import Locator
>>> data = {"comparisons": [["A", "B", 15]], "elements": ["A", "B"]}
>>> judgement_warnings(data, Locator("f.yaml", {}, []))
["f.yaml: comparisons[0][2]: judgement 15 is outside Saaty's scale 1/9..9 (did you mean 5 \
or 1.5?)"]
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from typing import Any

from mgmt_tools._expr import ExpressionError, compile_expression
from mgmt_tools._fields import LARGEST, TOO_LARGE
from mgmt_tools._numeric import close
from mgmt_tools._validation import Locating
from mgmt_tools.errors import PathPart, Problem
from mgmt_tools.locale import _, date_text

__all__ = [
    "SAATY_HIGH",
    "date_order_warnings",
    "judgement_warnings",
    "size_problems",
    "too_large",
    "warning_position",
]

Path = tuple[PathPart, ...]

SAATY_HIGH = 9.0
"""Saaty's fundamental scale runs from 1/9 to 9."""


def too_large(value: float) -> str | None:
    """The message for a number too large to compute with, or None.

    >>> too_large(1e308), too_large(12.5)
    ('too large (at most 1e15 in size)', None)
    """
    if math.isnan(value) or abs(value) <= LARGEST:
        return None
    return _(TOO_LARGE)


def size_problems(
    values: Any, path_of: Callable[[int], Path], where: Locating, cells: list[str] | None = None
) -> list[Problem]:
    """A located "too large" problem for each number of ``values`` (a float array or list)
    beyond :data:`~mgmt_tools._fields.LARGEST`; ``path_of(i)`` places the i-th, ``cells``
    (the text written) is shown when given. Infinite values count; NaN (blank) does not."""
    import numpy as np

    array = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        big = np.flatnonzero(np.abs(array) > LARGEST)
    problems = []
    for index in big.tolist():
        message = _(TOO_LARGE)
        if cells is not None:
            message += _(", got {value}").format(value=f"'{cells[index].strip()}'")
        problems.append(where.problem(path_of(index), message))
    return problems


# --- AHP judgements ---------------------------------------------------------------------------


def judgement_warnings(data: Any, where: Locating) -> list[str]:
    """A located warning for every AHP judgement outside 1/9..9, in ``comparisons``,
    ``criteria_comparisons``, ``alternative_comparisons`` or a ``matrix`` (raw input data;
    values that are not numbers are left to the loader's errors)."""
    warnings = []
    for path, raw in _judgements(data):
        value = _number(raw)
        if value is None or value <= 0 or _on_scale(value):
            continue
        shown = raw.strip() if isinstance(raw, str) else f"{value:g}"
        message = _("judgement {value} is outside Saaty's scale 1/9..9{hint}").format(
            value=shown, hint=_scale_hint(value)
        )
        warnings.append(str(where.problem(path, message)))
    return warnings


def _on_scale(value: float) -> bool:
    """Whether a judgement is within 1/9..9 (an end computed as 1/9 counts as on it).

    >>> _on_scale(1 / 9), _on_scale(0.1), _on_scale(9.5)
    (True, False, False)
    """
    low = 1 / SAATY_HIGH
    return low <= value <= SAATY_HIGH or close(value, low) or close(value, SAATY_HIGH)


def _scale_hint(value: float) -> str:
    """What a judgement off the scale was probably meant to be: 15 -> 5 or 1.5."""
    big = value if value > 1 else 1 / value
    guesses = _guesses(big)
    if value < 1:
        guesses = [f"1/{text}" for text in guesses if "." not in text]
    if not guesses:
        return _(" (9 means extreme importance)")
    return _(" (did you mean {names}?)").format(names=_(" or ").join(guesses))


def _guesses(big: float) -> list[str]:
    text = f"{big:g}"
    found = []
    if text.isdigit() and len(text) == 2 and text[1] != "0" and text[1] in "23456789":
        found.append(text[1])  # a doubled key: 15 for 5
    if 10 <= big <= 90 and 1 < big / 10 <= SAATY_HIGH:
        found.append(f"{big / 10:g}")  # a lost decimal point: 15 for 1.5
    return found


def _judgements(data: Any) -> Iterator[tuple[Path, Any]]:
    if not isinstance(data, dict):
        return
    for key in ("comparisons", "criteria_comparisons"):
        yield from _triples(data.get(key), (key,))
    per_criterion = data.get("alternative_comparisons")
    if isinstance(per_criterion, dict):
        for name, triples in per_criterion.items():
            yield from _triples(triples, ("alternative_comparisons", name))
    matrix = data.get("matrix")
    if isinstance(matrix, list):
        for row_number, row in enumerate(matrix):
            if isinstance(row, list):
                for column, value in enumerate(row):
                    if row_number != column:
                        yield ("matrix", row_number, column), value


def _triples(triples: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    if isinstance(triples, list):
        for number, triple in enumerate(triples):
            if isinstance(triple, list) and len(triple) == 3:
                yield (*path, number, 2), triple[2]


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    if isinstance(raw, str):
        try:
            return compile_expression(raw).constant
        except ExpressionError:
            return None
    return None


def warning_position(warning: str) -> tuple[int, ...]:
    """Sort key of a located line: its line and column numbers."""
    parts = warning.split(": ", 1)[0].split(":")[1:]
    return tuple(int(part) for part in parts if part.isdigit())


# --- Dates ------------------------------------------------------------------------------------


def date_order_warnings(data: Any, where: Locating, end: str = "due") -> list[str]:
    """A located warning for each mapping of ``data`` (a goal tree, nested through
    ``children``) whose ``end`` date comes before its ``start``."""
    warnings = []
    stack: list[tuple[Any, Path]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if not isinstance(node, dict):
            continue
        start, finish = _date(node.get("start")), _date(node.get(end))
        if start is not None and finish is not None and finish < start:
            message = _("{end} {finish} is before start {start}").format(
                end=end, finish=date_text(finish), start=date_text(start)
            )
            warnings.append(str(where.problem((*path, end), message)))
        children = node.get("children")
        if isinstance(children, list):
            stack += [(child, (*path, "children", n)) for n, child in enumerate(children)]
    return sorted(warnings, key=warning_position)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
