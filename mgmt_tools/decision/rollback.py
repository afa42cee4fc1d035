"""Roll a decision tree back into the result of ``mgmt decision``: expected value, policy,
utilities, risk profile, EVPI, and the sensitivity and tornado studies asked for.

The tree is solved by :func:`~mgmt_tools.decision.solve.solve` (level by level from the
deepest); ties between a decision's best branches go to the first in input order, with a
warning. :func:`run` is the method's verb; :func:`rollback` its older name.

>>> from mgmt_tools.decision import loads
>>> result = rollback(loads('''
... root:
...   type: decision
...   branches:
...     - name: Drill
...       node:
...         type: chance
...         branches:
...           - {name: Oil, p: 0.25, payoff: 700}
...           - {name: Dry, p: rest, payoff: -100}
...     - {name: Sell, payoff: 90}
... '''))
>>> result.expected_value, result.policy
(100.0, {'root': 'Drill'})
"""

from __future__ import annotations

import numpy as np

from mgmt_tools.decision.evpi import evpi as compute_evpi
from mgmt_tools.decision.levels import RELATIVE_TOLERANCE, utility
from mgmt_tools.decision.result import DecisionResult, RiskProfile
from mgmt_tools.decision.sensitivity import Vary, parse_vary, sensitivity, tornado_rows
from mgmt_tools.decision.solve import EXP_LIMIT, Solution, located, solve
from mgmt_tools.decision.tree import CHANCE, TERMINAL, Tree
from mgmt_tools.errors import InputError, OptionError, did_you_mean
from mgmt_tools.locale import _, listed

__all__ = ["Solution", "risk_profile", "rollback", "run", "solve"]

MAX_TIE_WARNINGS = 10


def _check_utility(tree: Tree, solution: Solution, tolerance: float) -> None:
    """Refuse, at ``risk_tolerance``, an expected utility 1 - exp(-CE / R) beyond the float
    limit: a certainty equivalent worse than about 709 times the risk tolerance."""
    sign = -1.0 if tree.objective == "max" else 1.0
    certainty = solution.root_value
    if sign * certainty / tolerance <= EXP_LIMIT:
        return
    message = _(
        "the expected utility 1 - exp({exponent}) overflows: the certainty equivalent "
        "{certainty} is more than {limit} times the risk tolerance {tolerance}; use a risk "
        "tolerance of at least {least} (in the units of the payoffs)"
    ).format(
        exponent=f"{sign * certainty / tolerance:.6g}",
        certainty=f"{certainty:.6g}",
        limit=f"{EXP_LIMIT:g}",
        tolerance=f"{tolerance:.6g}",
        least=f"{abs(certainty) / EXP_LIMIT:.6g}",
    )
    raise InputError([located(tree, ("risk_tolerance",), message)])


def risk_profile(tree: Tree, solution: Solution) -> RiskProfile:
    """The distribution of path totals under the policy, sorted, equal values merged."""
    count = tree.node_count
    reach = np.zeros(count)
    total = np.zeros(count)
    reach[0] = 1.0
    start = tree.level_start
    for level in range(tree.level_count - 1):
        low, high = int(start[level + 1]), int(start[level + 2])
        children = np.arange(low, high)
        parents = tree.parent[low:high]
        total[low:high] = total[parents] + tree.payoff[low:high]
        taken = np.where(
            tree.kind[parents] == CHANCE,
            tree.probability[low:high],
            (solution.choice[parents] == children).astype(np.float64),
        )
        reach[low:high] = reach[parents] * taken
    ends = np.flatnonzero((tree.kind == TERMINAL) & (reach > 0))
    values, probabilities = total[ends], reach[ends]
    order = np.argsort(values, kind="stable")
    values, probabilities, ends = values[order], probabilities[order], ends[order]
    if values.size:
        gap = np.diff(values)
        scale = np.maximum(1.0, np.maximum(np.abs(values[1:]), np.abs(values[:-1])))
        first = np.concatenate([[0], np.flatnonzero(gap > RELATIVE_TOLERANCE * scale) + 1])
        values = values[first]
        probabilities = np.add.reduceat(probabilities, first)
    return RiskProfile(values, probabilities)


def _tie_warnings(tree: Tree, solution: Solution) -> list[str]:
    warnings = []
    for node in solution.ties[:MAX_TIE_WARNINGS].tolist():
        children = list(tree.children(node))
        branch = tree.payoff[children] + solution.value[children]
        best = branch[int(solution.choice[node]) - children[0]]
        scale = RELATIVE_TOLERANCE * np.maximum(1.0, np.maximum(abs(best), np.abs(branch)))
        tied = [
            tree.branch_name(c)
            for c, v, s in zip(children, branch, scale, strict=True)
            if abs(v - best) <= s
        ]
        chosen = tree.branch_name(int(solution.choice[node]))
        warnings.append(
            _("tie at {path}: {branches} are worth {value}; chose '{chosen}' (input order)").format(
                path=repr(tree.path_text(node)),
                branches=listed(f"'{name}'" for name in tied),
                value=f"{best:.12g}",
                chosen=chosen,
            )
        )
    if solution.ties.size > MAX_TIE_WARNINGS:
        warnings.append(
            _("... and {count} more ties").format(count=solution.ties.size - MAX_TIE_WARNINGS)
        )
    return warnings


def rollback(
    tree: Tree,
    *,
    vary: str | None = None,
    tornado: bool = False,
    fixed_policy: bool = False,
    evpi: bool = True,
) -> DecisionResult:
    """Solve ``tree``: expected value, policy, branch values, risk profile and EVPI; with
    ``risk_tolerance`` expected utility and certainty equivalents; with ``vary``
    ("VAR=LOW:HIGH[:STEPS]") a sensitivity analysis and with ``tornado`` a tornado over
    ``ranges`` (``fixed_policy`` holds the base-case policy in both).

    The name of :func:`run` before every method had that verb; ``vary`` is the text here.
    """
    study = parse_vary(vary) if vary is not None else None
    return _analyse(tree, vary=study, tornado=tornado, fixed_policy=fixed_policy, evpi=evpi)


def run(
    tree: Tree,
    *,
    vary: Vary | None = None,
    tornado: bool = False,
    fixed_policy: bool = False,
) -> DecisionResult:
    """Roll ``tree`` back with the options of ``mgmt decision``.

    Parameters
    ----------
    tree
        The tree, as :func:`~mgmt_tools.decision.loads` reads it.
    vary
        ``(variable, low, high, steps)``, as
        :func:`~mgmt_tools.decision.sensitivity.parse_vary_text` reads ``--vary``: a one-way
        sensitivity with the exact break-even values.
    tornado
        A tornado over the tree's ``ranges``.
    fixed_policy
        In the sensitivity and the tornado, hold the base-case decisions.

    Raises
    ------
    OptionError
        ``vary`` names a variable the tree does not define, or ``tornado`` is asked of a
        tree without ``ranges``.

    Examples
    --------
    >>> from mgmt_tools.decision import loads
    >>> tree = loads('''
    ... variables: {fee: 30}
    ... root:
    ...   type: decision
    ...   branches: [{name: Charge, payoff: fee}, {name: Waive, payoff: 20}]
    ... ''')
    >>> run(tree, vary=("fee", 0, 40, 5)).sensitivity.break_even
    [20.0]
    >>> run(tree, vary=("fees", 0, 40, 5))
    Traceback (most recent call last):
    ...
    mgmt_tools.errors.OptionError: unknown variable 'fees' (did you mean 'fee'?)
    """
    if vary is not None and vary[0] not in tree.variables:
        hint = did_you_mean(vary[0], list(tree.variables))
        raise OptionError(_("unknown variable '{name}'{hint}").format(name=vary[0], hint=hint))
    if tornado and not tree.ranges:
        raise OptionError(_("--tornado needs 'ranges' in the tree (low and high per variable)"))

    return _analyse(tree, vary=vary, tornado=tornado, fixed_policy=fixed_policy)


def _analyse(
    tree: Tree,
    *,
    vary: Vary | None = None,
    tornado: bool = False,
    fixed_policy: bool = False,
    evpi: bool = True,
) -> DecisionResult:
    """What :func:`run` and :func:`rollback` compute, without checking the options."""
    maximize = tree.objective == "max"
    tolerance = tree.risk_tolerance
    solution = solve(tree, risk_tolerance=tolerance)
    neutral = solution if tolerance is None else solve(tree)
    warnings = [*tree.warnings, *_tie_warnings(tree, solution)]
    children = list(tree.children(0))
    names = tree.root_branches()
    expected_branch = tree.payoff[children] + solution.expected[children]
    branch_values = dict(zip(names, expected_branch.tolist(), strict=True))
    expected_utility = certainty = None
    branch_ce: dict[str, float] | None = None
    if tolerance is not None:
        certainty = solution.root_value
        _check_utility(tree, solution, tolerance)
        expected_utility = utility(certainty, tolerance, maximize)
        ce_branch = tree.payoff[children] + solution.value[children]
        branch_ce = dict(zip(names, ce_branch.tolist(), strict=True))
    evpi_values: dict[str, float] = {}
    skipped: dict[str, str] = {}
    if evpi:
        evpi_values, skipped, notes = compute_evpi(tree, neutral)
        warnings += notes
    study = None
    if vary is not None:
        variable, low, high, steps = vary
        study = sensitivity(tree, variable, low, high, steps, fixed_policy=fixed_policy)
    rows = tornado_rows(tree, fixed_policy=fixed_policy) if tornado else None
    return DecisionResult(
        tree=tree,
        solution=solution,
        expected_value=float(solution.expected[0]),
        branch_values=branch_values,
        expected_utility=expected_utility,
        certainty_equivalent=certainty,
        branch_certainty_equivalents=branch_ce,
        risk_profile=risk_profile(tree, solution),
        evpi=evpi_values,
        evpi_not_computed=skipped,
        sensitivity=study,
        tornado=rows,
        warnings=warnings,
    )
