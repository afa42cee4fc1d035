"""The settings of an index run (method, normalisation, weighting, each with its documented
default) and the checks that a decision matrix can be computed with them.

A value a formula cannot take (a zero under min/x, a negative share for entropy) is reported
at its place in the file, or in the CSV file of the alternatives, with every other problem;
nothing is computed into a NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mgmt_tools._arrays import BoolArray
from mgmt_tools.errors import Problem
from mgmt_tools.locale import _
from mgmt_tools.mcda.judgements import unlinked_message
from mgmt_tools.mcda.matrix import DecisionMatrix
from mgmt_tools.mcda.model import METHODS, NORMALIZATIONS, WEIGHTINGS

__all__ = ["DEFAULT_NORMALIZATION", "SMALLEST", "Settings", "check", "settings_of"]

DEFAULT_NORMALIZATION = {
    "weighted_sum": "minmax",
    "weighted_product": "none",
    "topsis": "vector",
    "vikor": "vikor",
}
"""Each method's normalisation when none is asked for; vikor always uses its own."""
SMALLEST = 1e-290
"""The smallest size of a value other than 0: below it, differences of values (1e-300 and
1.0000000001e-300) lose their digits and their reciprocals (minmax's 1/(max - min), min/x)
overflow the float limit."""
CELL_LIMIT = 21
"""Problems reported per check of the values (the error list stops at 20 anyway)."""


@dataclass(frozen=True)
class Settings:
    """The variant of one index run; every field is printed in the result."""

    method: str
    normalization: str
    normalization_is_default: bool
    weighting: str
    vikor_v: float
    ahp_method: str
    random_index: str
    ignored_normalization: str | None = None
    """A normalisation asked for with vikor (which uses its own)."""


def settings_of(
    matrix: DecisionMatrix,
    method: str | None = None,
    normalization: str | None = None,
    weighting: str | None = None,
    vikor_v: float | None = None,
) -> Settings:
    """The file's settings with the given overrides; unknown names raise ValueError."""
    method = method or matrix.method
    weighting = weighting or matrix.weighting
    asked = normalization or matrix.normalization
    for message, value, choices in (
        (_("unknown method {value} (one of {known})"), method, METHODS),
        (_("unknown weighting {value} (one of {known})"), weighting, WEIGHTINGS),
        (_("unknown normalization {value} (one of {known})"), asked, (*NORMALIZATIONS, None)),
    ):
        if value not in choices:
            raise ValueError(
                message.format(value=repr(value), known=", ".join(c for c in choices if c))
            )
    v = matrix.vikor_v if vikor_v is None else vikor_v
    if not 0 <= v <= 1:
        raise ValueError(_("vikor_v must be between 0 and 1, not {value}").format(value=v))
    default = DEFAULT_NORMALIZATION[method]
    ignored = asked if method == "vikor" and asked is not None else None
    effective = default if method == "vikor" or asked is None else asked
    return Settings(
        method,
        effective,
        asked is None or asked == default or method == "vikor",
        weighting,
        v,
        matrix.ahp_method,
        matrix.random_index,
        ignored,
    )


def check(matrix: DecisionMatrix, settings: Settings) -> list[Problem]:
    """Every reason the matrix cannot be computed with ``settings``, located."""
    problems: list[Problem] = []
    _weights(matrix, settings, problems)
    values = matrix.values
    maximize = matrix.maximize
    cost = ~maximize
    norm = settings.normalization
    tiny = (values > -SMALLEST) & (values < SMALLEST)
    tiny &= values != 0
    _cells(
        matrix,
        tiny,
        _(
            "too small (a value other than 0 is at least {smallest} in size; write 0 for none)"
        ).format(smallest=f"{SMALLEST:g}"),
        problems,
    )
    del tiny
    if settings.weighting == "entropy":
        _cells(
            matrix,
            values < 0,
            _("entropy weighting takes shares x/sum(x): a value below 0 cannot be a share"),
            problems,
        )
    if settings.method == "weighted_product" and norm == "zscore":
        problems.append(
            matrix.locate(
                ("normalization",),
                _(
                    "weighted_product cannot use zscore normalisation: it gives values below 0, "
                    "which have no real powers (use none, max, sum, vector or minmax)"
                ),
            )
        )
    elif settings.method == "weighted_product" and norm in ("none", "vector"):
        _cells(
            matrix,
            values <= 0,
            _(
                "weighted_product (normalization {norm}) raises values to "
                "the power of the weights: a value must be greater than 0"
            ).format(norm=norm),
            problems,
        )
    if norm in ("max", "sum"):
        formula = "x/max" if norm == "max" else "x/sum(x)"
        _cells(
            matrix,
            (values < 0) & maximize,
            _(
                "{norm} normalisation takes {formula}: a value "
                "below 0 is not allowed (use minmax or zscore)"
            ).format(norm=norm, formula=formula),
            problems,
        )
        inverse = "min/x" if norm == "max" else "(1/x)/sum(1/x)"
        _cells(
            matrix,
            (values <= 0) & cost,
            _(
                "{norm} normalisation of a cost criterion takes "
                "{inverse}: a value must be greater than 0 (use minmax or zscore)"
            ).format(norm=norm, inverse=inverse),
            problems,
        )
    return problems


def _weights(matrix: DecisionMatrix, settings: Settings, problems: list[Problem]) -> None:
    given = matrix.given_weights
    if given is not None:
        for col in np.flatnonzero(given < 0).tolist():
            problems.append(
                matrix.locate(
                    matrix.weight_path(col),
                    _("negative weight {weight}: weights are 0 or more").format(
                        weight=f"{given[col]:g}"
                    ),
                )
            )
    if settings.weighting == "given":
        if given is None:
            problems.append(
                matrix.locate(
                    ("criteria",),
                    _(
                        "weighting: given needs a weight on every criterion (or choose "
                        "weighting: equal, roc, entropy, critic or ahp)"
                    ),
                )
            )
            return
        for col in np.flatnonzero(np.isnan(given)).tolist():
            problems.append(
                matrix.locate(
                    ("criteria", col, "weight"),  # not repeated when the weight was refused
                    _(
                        "criterion '{criterion}' has no weight (weighting: given needs "
                        "one on every criterion)"
                    ).format(criterion=matrix.criteria[col]),
                )
            )
        usable = given[~np.isnan(given)]
        if usable.size == given.size and not (usable < 0).any() and usable.sum() <= 0:
            problems.append(matrix.locate(("criteria",), _("the weights sum to 0")))
    elif settings.weighting == "ahp":
        if matrix.comparisons is None:
            message: str | None = _(
                "weighting: ahp needs comparisons of the criteria ([row, col, value] items)"
            )
        elif matrix.comparisons.faults:
            message = None  # the faulty judgements were reported; the gaps follow from them
        else:
            message = unlinked_message(matrix.comparisons, "indicator")
        if message is not None:
            problems.append(matrix.locate(("comparisons",), message))


def _cells(matrix: DecisionMatrix, bad: BoolArray, message: str, problems: list[Problem]) -> None:
    """A problem at each flagged value (the first :data:`CELL_LIMIT` of them, in row order)."""
    if not bad.any():
        return
    rows, cols = np.nonzero(bad)
    for row, col in zip(rows[:CELL_LIMIT].tolist(), cols[:CELL_LIMIT].tolist(), strict=True):
        value = float(matrix.values[row, col])
        problems.append(
            matrix.problem_at(
                row, col, _("{value}: {message}").format(value=f"{value:g}", message=message)
            )
        )
