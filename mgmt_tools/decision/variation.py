"""One top-level variable varied over many values: what it changes, and the new numbers.

A variable reaches the tree through the variables defined from it, the path variables ``set``
from those, and finally the payoffs and probabilities whose expressions use any of them (and a
``rest`` beside a changed probability). :func:`dependents` finds those nodes once per variable
(from the compiled expressions and environments the tree keeps); :class:`Variation` recomputes
their numbers for a whole grid of values at once (numpy arrays through the same expressions),
checks the probabilities, and rolls back only their ancestors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._expr import LARGEST, ExpressionError
from mgmt_tools._fields import TOO_LARGE
from mgmt_tools.decision.incremental import Outcome, evaluate, prepare
from mgmt_tools.decision.levels import RELATIVE_TOLERANCE
from mgmt_tools.decision.solve import Solution
from mgmt_tools.decision.tree import REST, Tree
from mgmt_tools.errors import DomainError, InputError, Problem, did_you_mean
from mgmt_tools.locale import _

__all__ = ["Variation", "dependents"]


def dependents(tree: Tree, variable: str) -> tuple[IndexArray, IndexArray]:
    """The nodes whose payoff, and whose probability, depend on ``variable`` (sorted)."""
    cache = tree.formulas.cache.setdefault("dependents", {})
    if variable not in cache:
        cache[variable] = _dependents(tree, variable)
    payoff, probability = cache[variable]
    return np.asarray(payoff, dtype=np.int64), np.asarray(probability, dtype=np.int64)


def _changed_globals(tree: Tree, variable: str) -> set[str]:
    formulas = tree.formulas
    changed = {variable}
    for name, spec in formulas.variables.items():
        if isinstance(spec, int) and changed & set(formulas.expressions[spec].names):
            changed.add(name)
    return changed


def _dependents(tree: Tree, variable: str) -> tuple[IndexArray, IndexArray]:
    formulas = tree.formulas
    expressions = formulas.expressions
    changed_env: list[frozenset[str]] = [frozenset(_changed_globals(tree, variable))]
    for env in range(1, len(formulas.env_parent)):
        above = changed_env[formulas.env_parent[env]]
        bound = formulas.bindings[env]
        names = {name for name in above if name not in bound}
        names |= {
            name
            for name, spec in bound.items()
            if isinstance(spec, int) and above & set(expressions[spec].names)
        }
        changed_env.append(above if names == above else frozenset(names))

    def affected(formula: npt.NDArray[np.int32], env: npt.NDArray[np.int32]) -> IndexArray:
        nodes = np.flatnonzero(formula >= 0)
        if not nodes.size:
            return nodes
        keys = np.stack([formula[nodes], env[nodes]], axis=1)
        pairs, inverse = np.unique(keys, axis=0, return_inverse=True)
        hit = np.array(
            [bool(changed_env[e] & set(expressions[f].names)) for f, e in pairs.tolist()],
            dtype=bool,
        )
        chosen: IndexArray = nodes[hit[inverse.ravel()]]
        return chosen

    payoff = affected(formulas.payoff_formula, formulas.env)
    parent_env = formulas.env[np.maximum(tree.parent, 0)]
    probability = affected(formulas.probability_formula, parent_env)
    if probability.size:
        rest = np.flatnonzero(formulas.probability_formula == REST)
        rest = rest[np.isin(tree.parent[rest], tree.parent[probability])]
        probability = np.union1d(probability, rest)
    return payoff.astype(np.int64), probability.astype(np.int64)


class Variation:
    """Re-solves ``tree`` for many values of one top-level variable."""

    def __init__(
        self, tree: Tree, variable: str, base: Solution, *, fixed_policy: bool = False
    ) -> None:
        if variable not in tree.variables:
            known = list(tree.variables)
            hint = did_you_mean(variable, known)
            raise InputError(
                [Problem(_("unknown variable '{name}'{hint}").format(name=variable, hint=hint))]
            )
        self.tree = tree
        self.variable = variable
        self.base = base
        self.fixed_policy = fixed_policy
        self.changed = _changed_globals(tree, variable)
        self.payoff_nodes, self.probability_nodes = dependents(tree, variable)
        self.partial = prepare(tree, base, self.payoff_nodes, self.probability_nodes)
        self.width = 1

    def run(self, values: FloatArray) -> Outcome:
        """Roll back at each of ``values`` (one column each)."""
        values = np.asarray(values, dtype=np.float64)
        payoff_rows, probability_rows = self.rows(values)
        self.check(values, probability_rows)
        return evaluate(
            self.tree,
            self.base,
            self.partial,
            payoff_rows,
            probability_rows,
            fixed_policy=self.fixed_policy,
        )

    def rows(self, values: FloatArray) -> tuple[FloatArray, FloatArray]:
        """The new payoffs and probabilities of the dependent nodes, one column per value."""
        tree, formulas = self.tree, self.tree.formulas
        columns = self.width = values.size
        top: dict[str, Any] = dict(tree.variables)
        top[self.variable] = values
        for name, spec in formulas.variables.items():
            if name in self.changed and name != self.variable and isinstance(spec, int):
                top[name] = self.compute(spec, top, _("variable '{name}'").format(name=name))
        environments: dict[int, Mapping[str, Any]] = {0: top}

        def environment(env: int) -> Mapping[str, Any]:
            found = environments.get(env)
            if found is None:
                above = environment(formulas.env_parent[env])
                found = dict(above)
                for name, spec in formulas.bindings[env].items():
                    found[name] = (
                        spec if isinstance(spec, float) else self.compute(spec, above, name)
                    )
                environments[env] = found
            return found

        payoff = np.empty((self.payoff_nodes.size, columns))
        for row, node in enumerate(self.payoff_nodes.tolist()):
            spec = int(formulas.payoff_formula[node])
            env = int(formulas.env[node])
            what = _("payoff of '{path}'").format(path=tree.path_text(node))
            payoff[row] = self.compute(spec, environment(env), what)
            self.check_size(values, payoff[row], spec, what)
        probability = np.empty((self.probability_nodes.size, columns))
        rests = []
        for row, node in enumerate(self.probability_nodes.tolist()):
            spec = int(formulas.probability_formula[node])
            if spec == REST:
                rests.append((row, node))
                continue
            env = int(formulas.env[int(tree.parent[node])])
            what = _("probability of '{path}'").format(path=tree.path_text(node))
            probability[row] = self.compute(spec, environment(env), what)
        for row, node in rests:
            siblings = [c for c in tree.children(int(tree.parent[node])) if c != node]
            probability[row] = 1.0 - self.column_sum(siblings, probability, columns)
        return payoff, probability

    def compute(self, spec: int, env: Mapping[str, Any], what: str) -> FloatArray:
        expression = self.tree.formulas.expressions[spec]
        try:
            value = expression.vector(env)
        except ExpressionError as error:
            raise DomainError(
                _("varying {variable}: the {what} ({expression}) fails: {error}").format(
                    variable=self.variable, what=what, expression=expression.text, error=error
                )
            ) from None
        return np.broadcast_to(np.asarray(value, dtype=np.float64), (self.width,))

    def check_size(self, values: FloatArray, computed: FloatArray, spec: int, what: str) -> None:
        """A payoff computed beyond :data:`~mgmt_tools._expr.LARGEST` in size is refused as
        the same number written in the tree is (sums of such values would overflow)."""
        with np.errstate(invalid="ignore"):
            big = np.flatnonzero(np.abs(computed) > LARGEST)
        if big.size:
            column = int(big[0])
            expression = self.tree.formulas.expressions[spec]
            raise DomainError(
                _(
                    "varying {variable}: at {variable} = {value} the {what} ({expression}) is "
                    "{computed}, {problem}"
                ).format(
                    variable=self.variable,
                    value=f"{values[column]:.12g}",
                    what=what,
                    expression=expression.text,
                    computed=f"{computed[column]:.6g}",
                    problem=_(TOO_LARGE),
                )
            )

    def column_sum(self, nodes: list[int], rows: FloatArray, columns: int) -> FloatArray:
        total = np.zeros(columns)
        for node in nodes:
            at = np.searchsorted(self.probability_nodes, node)
            changed = at < self.probability_nodes.size and self.probability_nodes[at] == node
            total += rows[at] if changed else self.tree.probability[node]
        return total

    def check(self, values: FloatArray, probability: FloatArray) -> None:
        """Every changed probability in [0, 1]; every changed chance node sums to 1."""
        tree = self.tree
        for parent in np.unique(tree.parent[self.probability_nodes]).tolist():
            kids = list(tree.children(parent))
            grid = np.array([self.column_sum([kid], probability, values.size) for kid in kids])
            outside = (grid < -RELATIVE_TOLERANCE) | (grid > 1 + RELATIVE_TOLERANCE)
            total = grid.sum(axis=0)
            wrong = np.abs(total - 1.0) > RELATIVE_TOLERANCE
            if outside.any():
                kid, column = (int(i) for i in np.argwhere(outside)[0])
                raise DomainError(
                    _(
                        "at {variable} = {value} the probability of '{path}' is {probability}, "
                        "outside [0, 1]"
                    ).format(
                        variable=self.variable,
                        value=f"{values[column]:.12g}",
                        path=tree.path_text(kids[kid]),
                        probability=f"{grid[kid, column]:.12g}",
                    )
                )
            if wrong.any():
                column = int(np.flatnonzero(wrong)[0])
                name = tree.node_name(parent)
                message = (
                    _(
                        "at {variable} = {value} the probabilities of chance node '{name}' sum "
                        "to {total}, not 1"
                    )
                    if name
                    else _(
                        "at {variable} = {value} the probabilities of the chance node at "
                        "'{path}' sum to {total}, not 1"
                    )
                )
                raise DomainError(
                    message.format(
                        variable=self.variable,
                        value=f"{values[column]:.12g}",
                        name=name,
                        path=tree.path_text(parent),
                        total=f"{total[column]:.12g}",
                    )
                )
