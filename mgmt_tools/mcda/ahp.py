"""AHP priorities and consistency of one pairwise comparison matrix.

Priorities: ``eigenvector`` (Saaty's principal right eigenvector, by power iteration to a
largest change of 1e-12, :data:`EIGENVECTOR_TOLERANCE`, started from the geometric means) or
``geometric_mean`` (row geometric means, Crawford and Williams 1985). Whatever the method,
lambda_max is the Perron eigenvalue, CI = (lambda_max - n) / (n - 1) and CR = CI / RI(n) with
a named random-index table (:data:`RANDOM_INDEX`). Where the table has no entry for n the CR
is None (with a warning); CR above 0.1 gives a warning naming the judgement farthest from the
priorities, the largest |log(a_ij w_j / w_i)|.

>>> import numpy as np
>>> a = np.array([[1, 4, 3, 7], [1/4, 1, 1/3, 3], [1/3, 3, 1, 5], [1/7, 1/3, 1/5, 1]])
>>> w, lam = priorities(a)
>>> [round(x, 3) for x in w.tolist()], round(lam, 4)
([0.548, 0.127, 0.27, 0.056], 4.1184)
>>> round(consistency_ratio(lam, 4, "saaty1980"), 3)
0.044
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools.locale import _, pgettext
from mgmt_tools.mcda.completion import complete, perron
from mgmt_tools.mcda.judgements import ratio_text
from mgmt_tools.mcda.matrix import PairMatrix

__all__ = [
    "EIGENVECTOR_TOLERANCE",
    "RANDOM_INDEX",
    "MatrixAnalysis",
    "analyse_matrix",
    "consistency_ratio",
    "priorities",
    "random_index",
]


EIGENVECTOR_TOLERANCE = 1e-12
"""The power iteration for the eigenvector stops when no priority changes by more than this:
a convergence criterion (tighter than the comparison tolerance of :mod:`mgmt_tools._numeric`
so that the priorities are exact to the digits published), not an equality test."""

RANDOM_INDEX: dict[str, dict[int, float]] = {
    # Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill, New York, p. 21:
    # the mean CI of random reciprocal matrices on the 1-9 scale (n = 11-15 from the same
    # table as it is reproduced in Saaty's later texts).
    "saaty1980": {
        1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45,
        10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
    },
    # Saaty, T. L. (2005). Theory and Applications of the Analytic Network Process.
    # RWS Publications, Pittsburgh, p. 31 (larger samples of random matrices).
    "saaty2005": {
        1: 0.0, 2: 0.0, 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45,
        10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59,
    },
    # Donegan, H. A. and Dodd, F. J. (1991). A note on Saaty's random indexes. Mathematical
    # and Computer Modelling 15(10), 135-137, as tabulated in AHPy (P. Griffith); sizes 21-24,
    # 26-29 and so on are not in the table (the CR is then not computed, never interpolated).
    "donegan_dodd": {
        1: 0.0, 2: 0.0, 3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519, 8: 1.3171,
        9: 1.3733, 10: 1.4055, 11: 1.4213, 12: 1.4497, 13: 1.4643, 14: 1.4822, 15: 1.4969,
        16: 1.5078, 17: 1.5153, 18: 1.5262, 19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772,
        40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339,
    },
}  # fmt: skip
"""Random-index tables by name; each cites its source."""

CR_LIMIT = 0.1


def random_index(n: int, table: str = "saaty1980") -> float | None:
    """RI(n) from the named table, or None where the table has no entry."""
    return RANDOM_INDEX[table].get(n)


def consistency_ratio(lambda_max: float, n: int, table: str = "saaty1980") -> float | None:
    """CR = CI / RI(n); 0 for n <= 2 (always consistent); None where RI(n) is not tabulated."""
    if n <= 2:
        return 0.0
    index = random_index(n, table)
    if index is None:
        return None
    return max(0.0, (lambda_max - n) / (n - 1)) / index


def _geometric(a: FloatArray) -> FloatArray:
    g = np.exp(np.log(a).mean(axis=1))
    return np.asarray(g / g.sum(), dtype=np.float64)


def priorities(a: FloatArray, method: str = "eigenvector") -> tuple[FloatArray, float]:
    """The priorities (summing to 1) of a complete positive reciprocal matrix, and lambda_max."""
    start = _geometric(a)
    w, lam, _converged = perron(a, start, tol=EIGENVECTOR_TOLERANCE)
    if method == "geometric_mean":
        return start, lam
    if method != "eigenvector":
        raise ValueError(
            _("unknown AHP method {method} (eigenvector or geometric_mean)").format(
                method=repr(method)
            )
        )
    return w, lam


@dataclass(frozen=True, eq=False)
class MatrixAnalysis:
    """Priorities and consistency of one matrix."""

    name: str
    elements: tuple[str, ...]
    priorities: FloatArray
    lambda_max: float
    consistency_index: float
    consistency_ratio: float | None
    random_index: float | None
    completed: list[tuple[str, str, float]] = field(default_factory=list)
    """The missing pairs (row, col) and the value the completion gave them."""
    warnings: list[str] = field(default_factory=list)

    def weights(self) -> dict[str, float]:
        return dict(zip(self.elements, self.priorities.tolist(), strict=True))


def analyse_matrix(
    matrix: PairMatrix, method: str = "eigenvector", table: str = "saaty1980"
) -> MatrixAnalysis:
    """Complete ``matrix`` if pairs are missing, then its priorities, lambda_max, CI and CR."""
    warnings: list[str] = []
    values = matrix.values
    completed: list[tuple[str, str, float]] = []
    missing = matrix.missing
    kind = _kind(matrix.name)
    name = pgettext("matrix", "criteria") if kind == "criteria" else matrix.name
    if missing:
        values, converged = complete(values)
        completed = [
            (matrix.elements[i], matrix.elements[j], float(values[i, j])) for i, j in missing
        ]
        if not converged:
            warnings.append(
                {
                    "single": _("the completion did not fully converge"),
                    "criteria": pgettext(
                        "criteria", "the completion of {matrix} did not fully converge"
                    ),
                    "criterion": _("the completion of {matrix} did not fully converge"),
                }[kind].format(matrix=name)
            )
    n = matrix.size
    w, lam = priorities(values, method)
    ci = max(0.0, (lam - n) / (n - 1)) if n > 1 else 0.0
    cr = consistency_ratio(lam, n, table)
    ri = random_index(n, table) if n > 2 else 0.0
    if cr is None:
        sizes = sorted(k for k in RANDOM_INDEX[table] if k > 2)
        message = {
            "single": _(
                "no random index for {count} elements in table {table} (it lists n = "
                "{sizes}): the CR is not computed"
            ),
            "criteria": pgettext(
                "criteria",
                "no random index for {count} elements in table {table} (it lists n = "
                "{sizes}): the CR of {matrix} is not computed",
            ),
            "criterion": _(
                "no random index for {count} elements in table {table} (it lists n = "
                "{sizes}): the CR of {matrix} is not computed"
            ),
        }[kind]
        warnings.append(message.format(count=n, table=table, sizes=_ranges(sizes), matrix=name))
    elif cr > CR_LIMIT:
        message = {
            "single": _("CR is {cr}, above {limit}: the judgements are inconsistent; {advice}"),
            "criteria": pgettext(
                "criteria",
                "CR of {matrix} is {cr}, above {limit}: the judgements are inconsistent; {advice}",
            ),
            "criterion": _(
                "CR of {matrix} is {cr}, above {limit}: the judgements are inconsistent; {advice}"
            ),
        }[kind]
        warnings.append(
            message.format(matrix=name, cr=f"{cr:.3f}", limit=CR_LIMIT, advice=_worst(matrix, w))
        )
    return MatrixAnalysis(matrix.name, matrix.elements, w, lam, ci, cr, ri, completed, warnings)


def _kind(name: str) -> str:
    """Which matrix a warning names: a ``single`` one (named "matrix"), the ``criteria``'s of
    a hierarchy or an index (named "criteria"), or the alternatives' under a ``criterion``."""
    if name == "matrix":
        return "single"
    return "criteria" if name == "criteria" else "criterion"


def _worst(matrix: PairMatrix, w: FloatArray) -> str:
    """The judgement farthest from the priorities: the largest |log(a_ij w_j / w_i)|."""
    worst = max(
        matrix.given, key=lambda c: abs(math.log(c.value * w[c.col] / w[c.row])), default=None
    )
    if worst is None:
        return _("revise the judgements")
    row, col = matrix.elements[worst.row], matrix.elements[worst.col]
    implied = float(w[worst.row] / w[worst.col])
    return _(
        "the most inconsistent judgement is '{row}' against '{col}' = {given} (the "
        "priorities imply {implied})"
    ).format(row=row, col=col, given=ratio_text(worst.value), implied=ratio_text(implied))


def _ranges(sizes: list[int]) -> str:
    """3-20, 25, 30 for a sorted list of sizes."""
    parts: list[str] = []
    start = previous = sizes[0]
    for size in [*sizes[1:], -1]:
        if size == previous + 1:
            previous = size
            continue
        parts.append(f"{start}-{previous}" if previous > start else str(start))
        start = previous = size
    return ", ".join(parts)
