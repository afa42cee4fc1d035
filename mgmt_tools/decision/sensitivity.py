"""One-way sensitivity (``--vary``) with exact break-even values, and the tornado.

Both re-optimise the whole policy at every value (the value of the decision); with
``fixed_policy`` the decisions keep their base-case choices instead (SilverDecisions'
convention): in the sensitivity every decision below the root, in the tornado every decision.

A root branch's value is piecewise smooth in the varied variable (linear where the variable is
a payoff or a probability). Between two grid values where the best root branch changes, the
break-even value is found by regula falsi with the Illinois modification on the difference of
the two branches' values, which is exact in one step where that difference is linear and
otherwise converges to 1e-12 relative; if a third branch is best at the crossing, both
intervals are solved in turn.

>>> from mgmt_tools.decision import loads
>>> tree = loads('''
... variables: {legal_fees: 5000}
... root:
...   type: decision
...   branches:
...     - name: Movie
...       payoff: -legal_fees
...       node:
...         type: chance
...         branches:
...           - {name: Small, p: 0.3, payoff: 200000}
...           - {name: Medium, p: 0.6, payoff: 1000000}
...           - {name: Large, p: 0.1, payoff: 3000000}
...     - {name: TV, payoff: 900000}
... ''')
>>> study = sensitivity(tree, "legal_fees", 0, 80000, 9)
>>> study.best[-3:], study.break_even
(['Movie', 'TV', 'TV'], [60000.0])
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools._expr import ExpressionError, compile_expression
from mgmt_tools.decision.levels import RELATIVE_TOLERANCE
from mgmt_tools.decision.result import Sensitivity, TornadoRow
from mgmt_tools.decision.solve import Solution, solve
from mgmt_tools.decision.tree import DECISION, Tree
from mgmt_tools.decision.variation import Variation
from mgmt_tools.locale import _

__all__ = ["DEFAULT_STEPS", "Vary", "parse_vary", "parse_vary_text", "sensitivity", "tornado_rows"]

DEFAULT_STEPS = 11
Vary = tuple[str, float, float, int]
"""A one-way sensitivity: (variable, low, high, steps)."""
_MAX_SPLITS = 20
BREAK_EVEN_WIDTH = 1e-12
"""Regula falsi stops when its bracket is this narrow relative to max(1, |low|, |high|): a
stopping rule of the iteration (near the limit of float precision), not an equality test of
:mod:`mgmt_tools._numeric`."""


def parse_vary_text(text: str) -> Vary:
    """The value of ``--vary`` (the registry's parse hook): :func:`parse_vary` of ``text``.

    Raises ``ValueError`` with the message the user sees when ``text`` is not
    ``VAR=LOW:HIGH[:STEPS]`` with numbers.

    >>> parse_vary_text(" fee = 0 : 40 : 5 ")
    ('fee', 0.0, 40.0, 5)
    >>> parse_vary_text("fee=0")
    Traceback (most recent call last):
    ...
    ValueError: --vary takes VAR=LOW:HIGH[:STEPS], got 'fee=0'
    """
    return parse_vary(text.strip())


def parse_vary(text: str) -> Vary:
    """``"VAR=LOW:HIGH[:STEPS]"`` -> (variable, low, high, steps); raises ValueError.

    >>> parse_vary("p_default=0.03:0.15"), parse_vary("fee=-10:1/2:3")
    (('p_default', 0.03, 0.15, 11), ('fee', -10.0, 0.5, 3))
    """
    name, equals, spec = text.partition("=")
    parts = spec.split(":")
    if not equals or not name.strip() or len(parts) not in (2, 3):
        raise ValueError(_("--vary takes VAR=LOW:HIGH[:STEPS], got {text}").format(text=repr(text)))
    try:
        low, high = (_constant(part) for part in parts[:2])
    except ExpressionError as error:
        raise ValueError(_("--vary {text}: {error}").format(text=repr(text), error=error)) from None
    steps = DEFAULT_STEPS
    if len(parts) == 3:
        if not parts[2].strip().isdigit() or int(parts[2]) < 2:
            raise ValueError(
                _("--vary {text}: STEPS is a whole number of at least 2").format(text=repr(text))
            )
        steps = int(parts[2])
    if not low < high:
        raise ValueError(_("--vary {text}: LOW must be below HIGH").format(text=repr(text)))
    return name.strip(), low, high, steps


def _constant(text: str) -> float:
    expression = compile_expression(text)
    if expression.constant is None:
        raise ExpressionError(_("{text} is not a number").format(text=repr(text)))

    return expression.constant


def sensitivity(
    tree: Tree,
    variable: str,
    low: float,
    high: float,
    steps: int = DEFAULT_STEPS,
    *,
    fixed_policy: bool = False,
) -> Sensitivity:
    """Values of the root's branches and the best one at ``steps`` values of ``variable``
    from ``low`` to ``high``, with the exact values where the best branch changes."""
    base = solve(tree, risk_tolerance=tree.risk_tolerance)
    variation = Variation(tree, variable, base, fixed_policy=fixed_policy)
    grid = np.linspace(low, high, steps)
    outcome = variation.run(grid)
    names = tree.root_branches()
    maximize = tree.objective == "max"
    chooses = int(tree.kind[0]) == DECISION
    best = [_best(outcome.branch_value[:, k], maximize) if chooses else None for k in range(steps)]
    switches: list[tuple[float, int, int]] = []
    for k in range(steps - 1):
        left, right = best[k], best[k + 1]
        if left is not None and right is not None and left != right:
            switches += _crossings(
                variation, float(grid[k]), float(grid[k + 1]), left, right, maximize, 0
            )
    by_branch = {name: outcome.branch_expected[i].tolist() for i, name in enumerate(names)}
    certainty = None
    if tree.risk_tolerance is not None:
        certainty = {name: outcome.branch_value[i].tolist() for i, name in enumerate(names)}
    return Sensitivity(
        variable=variable,
        values=grid.tolist(),
        best=[names[b] if b is not None else None for b in best],
        values_by_branch=by_branch,
        break_even=[value for value, _, _ in switches],
        switches=[(value, names[a], names[b]) for value, a, b in switches],
        expected_value=outcome.root_expected.tolist(),
        fixed_policy=fixed_policy,
        certainty_equivalents_by_branch=certainty,
    )


def _best(values: FloatArray, maximize: bool) -> int:
    """The first branch, in input order, within tolerance of the best."""
    top = float(values.max() if maximize else values.min())
    slack = RELATIVE_TOLERANCE * np.maximum(1.0, np.maximum(abs(top), np.abs(values)))
    near = values >= top - slack if maximize else values <= top + slack
    return int(np.argmax(near))


def _crossings(
    variation: Variation,
    low: float,
    high: float,
    left: int,
    right: int,
    maximize: bool,
    depth: int,
) -> list[tuple[float, int, int]]:
    """Where the best branch changes from ``left`` (best at ``low``) to ``right``."""
    sign = 1.0 if maximize else -1.0

    def advantage(x: float) -> tuple[float, FloatArray]:
        values = variation.run(np.array([x])).branch_value[:, 0]
        return sign * float(values[left] - values[right]), values

    root, values = _root(advantage, low, high)
    best = _best(values, maximize)
    if best in (left, right) or depth >= _MAX_SPLITS or root in (low, high):
        return [(root, left, right)]
    return [
        *_crossings(variation, low, root, left, best, maximize, depth + 1),
        *_crossings(variation, root, high, best, right, maximize, depth + 1),
    ]


def _root(
    function: Callable[[float], tuple[float, FloatArray]], low: float, high: float
) -> tuple[float, FloatArray]:
    """A zero of ``function`` (positive at ``low``, negative at ``high``), Illinois method."""
    f_low, values = function(low)
    if f_low <= 0:
        return low, values
    f_high, values_high = function(high)
    if f_high >= 0:
        return high, values_high
    side = 0
    for _step in range(200):
        x = (low * f_high - high * f_low) / (f_high - f_low)
        if not low < x < high:
            x = 0.5 * (low + high)
        f_x, values = function(x)
        scale = max(1.0, float(np.max(np.abs(values))))
        if abs(f_x) <= 8 * np.finfo(float).eps * scale:
            return x, values
        if f_x > 0:
            low, f_low = x, f_x
            if side == 1:
                f_high /= 2
            side = 1
        else:
            high, f_high = x, f_x
            if side == -1:
                f_low /= 2
            side = -1
        if high - low <= BREAK_EVEN_WIDTH * max(1.0, abs(low), abs(high)):
            break
    x = 0.5 * (low + high)
    return x, function(x)[1]


def tornado_rows(tree: Tree, *, fixed_policy: bool = False) -> list[TornadoRow]:
    """One row per variable of ``ranges``: the tree's expected value at its low and high
    value, largest swing first (ties in input order)."""
    base: Solution = solve(tree, risk_tolerance=tree.risk_tolerance)
    rows = []
    for variable, (low, high) in tree.ranges.items():
        outcome = Variation(tree, variable, base, fixed_policy=fixed_policy).run(
            np.array([low, high])
        )
        at_low, at_high = (float(v) for v in outcome.root_expected)
        rows.append(
            TornadoRow(
                variable=variable,
                low=low,
                high=high,
                value_at_low=at_low,
                value_at_high=at_high,
                swing=abs(at_high - at_low),
                base_value=float(base.expected[0]),
            )
        )
    return sorted(rows, key=lambda row: -row.swing if math.isfinite(row.swing) else 0.0)
