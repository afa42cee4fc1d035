"""Turn written judgements into pairwise comparison matrices, reporting every fault in place.

Judgements come as ``[row, col, value]`` lists (``row`` is ``value`` times as important as
``col``; the reciprocal is implied) or as a full matrix. Values are positive numbers or quoted
fractions (``"1/3"``). A pair given twice must agree (reciprocally); a pair left out is missing
and completed later, which needs the judgements to connect every element.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from mgmt_tools._expr import LARGEST, LARGEST_TEXT, ExpressionError, compile_expression
from mgmt_tools._numeric import close
from mgmt_tools.errors import PathPart, did_you_mean
from mgmt_tools.locale import N_, _, listed, pgettext
from mgmt_tools.mcda.matrix import PLACEHOLDER, Comparison, PairMatrix

__all__ = ["Report", "from_judgements", "from_rows", "number", "ratio_text", "unlinked_message"]

Path = tuple[PathPart, ...]
Report = Callable[[Path, str], None]

_NOTHING = {
    "element": N_("nothing to compare: name at least one element (two for a comparison)"),
    "criterion": N_("nothing to compare: name at least one criterion (two for a comparison)"),
    "alternative": N_("nothing to compare: name at least one alternative (two for a comparison)"),
}
_LINK = {
    "element": N_(
        "no chain of judgements links {shown} to '{first}': compare each element with at "
        "least one that is linked (missing pairs are completed only within a connected set)"
    ),
    "criterion": N_(
        "no chain of judgements links {shown} to '{first}': compare each criterion with at "
        "least one that is linked (missing pairs are completed only within a connected set)"
    ),
    "alternative": N_(
        "no chain of judgements links {shown} to '{first}': compare each alternative with at "
        "least one that is linked (missing pairs are completed only within a connected set)"
    ),
}


def _nothing_message(kind: str) -> str:
    if kind == "indicator":  # an index's criteria: "criterion" in English, 指标 in Chinese
        return pgettext(
            "index", "nothing to compare: name at least one criterion (two for a comparison)"
        )
    return _(_NOTHING[kind])


def _link_message(kind: str) -> str:
    if kind == "indicator":
        return pgettext(
            "index",
            "no chain of judgements links {shown} to '{first}': compare each criterion with at "
            "least one that is linked (missing pairs are completed only within a connected set)",
        )
    return _(_LINK[kind])


def unknown_message(kind: str) -> str:
    """The message for a name that is not one of the ``kind`` compared (fields ``name`` and
    ``hint``)."""
    if kind == "indicator":
        return pgettext("index", "unknown criterion '{name}'{hint}")
    return {
        "element": _("unknown element '{name}'{hint}"),
        "criterion": _("unknown criterion '{name}'{hint}"),
        "alternative": _("unknown alternative '{name}'{hint}"),
    }[kind]


def number(value: Any, path: Path, report: Report) -> float:
    """The float of a number or a quoted arithmetic ("1/3"); NaN after reporting a fault."""
    if isinstance(value, bool) or value is None:
        report(path, _("not a number"))
        return math.nan
    if isinstance(value, int | float):
        return float(value)
    try:
        expression = compile_expression(str(value))
    except ExpressionError as error:
        report(
            path,
            _('"{value}" is not a number or a fraction: {error}').format(value=value, error=error),
        )
        return math.nan
    if expression.constant is None:
        report(path, _('"{value}" is not a number or a fraction').format(value=value))
        return math.nan
    return expression.constant


def ratio_text(value: float) -> str:
    """A judgement as people write it: 4, 1/3, 2.5."""
    if value >= 1 or value <= 0:
        return f"{value:.4g}"
    inverse = 1 / value
    if close(inverse, round(inverse)):
        return f"1/{round(inverse)}"
    return f"{value:.4g}"


def _judgement(value: float, path: Path, report: Report) -> float:
    if math.isnan(value):
        return value
    if not math.isfinite(value) or value <= 0:
        report(
            path,
            _(
                "a judgement of {value}: judgements are ratios greater than 0 "
                "(1 means equally important)"
            ).format(value=f"{value:g}"),
        )
        return math.nan
    if value > LARGEST or value < 1 / LARGEST:
        # its reciprocal is in the matrix too: both within the size every input number has
        report(
            path,
            _(
                "a judgement of {value}: judgements are at most {largest} and at least "
                "1/{largest} (the reciprocal is implied)"
            ).format(value=f"{value:g}", largest=LARGEST_TEXT),
        )
        return math.nan
    return value


def from_judgements(
    name: str,
    elements: Sequence[str],
    judgements: Sequence[Sequence[Any]],
    path: Path,
    report: Report,
    kind: str = "element",
    connected: bool = True,
) -> PairMatrix:
    """The matrix of ``[row, col, value]`` judgements over ``elements`` (NaN where missing);
    with ``connected`` a set of judgements that does not link every element is reported.
    ``kind`` names what the matrix compares in the messages: ``"element"`` (a single matrix),
    ``"criterion"`` (an AHP hierarchy's criteria), ``"indicator"`` (a weighted index's criteria,
    "criterion" in English too) or ``"alternative"``."""
    index = {element: number for number, element in enumerate(elements)}
    n = len(elements)
    if n == 0:
        report(path, _nothing_message(kind))
    values = np.full((n, n), np.nan)
    np.fill_diagonal(values, 1.0)
    first: dict[tuple[int, int], tuple[Path, float]] = {}
    given: list[Comparison] = []
    faults = 0
    for number_, item in enumerate(judgements):
        at = (*path, number_)
        row_name, col_name, raw = item
        if str(row_name).startswith(PLACEHOLDER):
            continue  # replaced after a structural error, already reported
        ends = []
        for end, element in ((0, row_name), (1, col_name)):
            if element not in index:
                hint = did_you_mean(element, list(elements))
                report((*at, end), unknown_message(kind).format(name=element, hint=hint))
            ends.append(index.get(element))
        value = _judgement(number(raw, (*at, 2), report), (*at, 2), report)
        row, col = ends
        if row is None or col is None or math.isnan(value):
            faults += 1
            continue
        if row == col:
            report(at, _("compares '{name}' with itself").format(name=row_name))
            faults += 1
            continue
        key = (min(row, col), max(row, col))
        upper = value if row < col else 1 / value
        if key in first:
            earlier_path, earlier = first[key]
            if not close(earlier, upper):
                implied = earlier if row < col else 1 / earlier
                report(
                    at,
                    _(
                        "not reciprocal: '{row}' against '{col}' is {value} here but "
                        "{implied} by the judgement at {path}"
                    ).format(
                        row=row_name,
                        col=col_name,
                        value=ratio_text(value),
                        implied=ratio_text(implied),
                        path=_show_path(earlier_path),
                    ),
                )
            continue
        first[key] = (at, upper)
        values[key] = upper
        values[key[::-1]] = 1 / upper
        given.append(Comparison(row, col, value, at))
    matrix = PairMatrix(name, tuple(elements), values, tuple(given), path, faults)
    # with faulty judgements the gaps are their consequence: they are not reported again
    message = unlinked_message(matrix, kind) if connected and not faults else None
    if message is not None:
        report(path, message)
    return matrix


def from_rows(
    name: str, elements: Sequence[str], rows: Sequence[Any], path: Path, report: Report
) -> PairMatrix | None:
    """The matrix written out in full (``null`` for a missing pair; one side implies the other)."""
    n = len(elements)
    if n == 0:
        report(path, _(_NOTHING["element"]))
        return None
    if len(rows) != n or any(not isinstance(row, list) or len(row) != n for row in rows):
        report(path, _("the matrix must have {n} rows of {n} values (one per element)").format(n=n))
        return None
    raw = np.full((n, n), np.nan)
    for i in range(n):
        for j in range(n):
            cell = rows[i][j]
            if cell is not None:
                raw[i, j] = _judgement(number(cell, (*path, i, j), report), (*path, i, j), report)
    values = np.full((n, n), np.nan)
    given: list[Comparison] = []
    for i in range(n):
        if not (math.isnan(raw[i, i]) or raw[i, i] == 1):
            report(
                (*path, i, i),
                _("the diagonal is 1 (an element against itself), not {value}").format(
                    value=f"{raw[i, i]:g}"
                ),
            )
        values[i, i] = 1.0
        for j in range(i + 1, n):
            upper, lower = raw[i, j], raw[j, i]
            if not math.isnan(upper) and not math.isnan(lower):
                if not close(upper * lower, 1.0):
                    report(
                        (*path, j, i),
                        _(
                            "not reciprocal: matrix[{i}][{j}] is {upper}, so matrix[{j}][{i}] "
                            "must be {implied}, not {lower}"
                        ).format(
                            i=i,
                            j=j,
                            upper=ratio_text(upper),
                            implied=ratio_text(1 / upper),
                            lower=ratio_text(lower),
                        ),
                    )
                    continue
            elif math.isnan(upper) and not math.isnan(lower):
                upper = 1 / lower
            if math.isnan(upper):
                continue
            values[i, j], values[j, i] = upper, 1 / upper
            given.append(Comparison(i, j, upper, (*path, i, j)))
    matrix = PairMatrix(name, tuple(elements), values, tuple(given), path)
    message = unlinked_message(matrix, "element")
    if message is not None:
        report(path, message)
    return matrix


def unlinked_message(matrix: PairMatrix, kind: str) -> str | None:
    """Missing pairs can be completed only when the judgements connect every element: the
    message naming those not linked to the first, or None when all are."""
    n = matrix.size
    if n < 2:
        return None
    known = ~np.isnan(matrix.values)
    reached = np.zeros(n, dtype=bool)
    reached[0] = True
    frontier = [0]
    while frontier:
        nxt = np.flatnonzero(known[frontier].any(axis=0) & ~reached)
        reached[nxt] = True
        frontier = nxt.tolist()
    if reached.all():
        return None
    apart = [matrix.elements[i] for i in np.flatnonzero(~reached).tolist()]
    shown = listed(f"'{name}'" for name in apart[:8]) + (" ..." if len(apart) > 8 else "")
    return _link_message(kind).format(shown=shown, first=matrix.elements[0])


def _show_path(path: Path) -> str:
    from mgmt_tools.errors import format_path

    return format_path(path)
