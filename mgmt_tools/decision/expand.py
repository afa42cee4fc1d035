"""Expand checked node templates into the breadth-first columns of a :class:`~.tree.Tree`.

Nodes are created in the order they are visited, parents before children and the children of
a node together, so the numbering is breadth first. A ``ref`` is instantiated again on every
path that reaches it, with that path's environment of path variables. Each expression is
evaluated once per environment it is used in (a subtree used on many paths that set nothing
is evaluated once).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from mgmt_tools._expr import Expression, fraction_hint
from mgmt_tools._hints import too_large
from mgmt_tools._numeric import TOLERANCE, close
from mgmt_tools._validation import Locating
from mgmt_tools.decision.model import TreeModel
from mgmt_tools.decision.tree import CHANCE, CONSTANT, REST, TERMINAL, Formulas, Spec, Tree
from mgmt_tools.errors import PathPart
from mgmt_tools.locale import _, pgettext

__all__ = ["Branch", "Expansion", "Node", "expression_problem"]

Path = tuple[PathPart, ...]
MAX_NODES = 5_000_000


def expression_problem(text: str, error: object) -> str:
    """The message for an expression of the file that fails: the expression and why.

    >>> from mgmt_tools.locale import using
    >>> with using("en"):
    ...     expression_problem("1 / x", "division by zero")
    'expression "1 / x": division by zero'
    """
    return _('expression "{expression}": {error}').format(expression=text, error=error)


@dataclass
class Branch:
    """A branch template: checked, its expressions compiled, not yet on any path."""

    name: str
    path: Path
    probability: Spec | None
    """A spec; None for a decision's alternative or a ``rest`` outcome."""
    rest: bool
    payoff: Spec
    sets: list[tuple[str, Spec]]
    child: Node | None = None
    ref: str | None = None


@dataclass
class Node:
    """A node template: its kind, label and branches, checked, not yet on any path."""

    kind: int
    label: int
    name: str | None
    path: Path
    branches: list[Branch] = field(default_factory=list)


class Builder(Protocol):
    """What an expansion needs of :class:`~mgmt_tools.decision.build.Builder` (named here
    rather than imported: the builder imports this module)."""

    labels: list[str]
    expressions: list[Expression]
    where: Locating

    def label(self, text: str) -> int: ...

    def report(self, path: Path, message: str, *, key: bool = False, context: str = "") -> None: ...

    def evaluate(
        self, spec: Spec, values: dict[str, float], path: Path, context: Callable[[], str] = ...
    ) -> float: ...


class Expansion:
    """One breadth-first expansion of the tree from its root template."""

    def __init__(self, builder: Builder, values: dict[str, float]) -> None:
        self.builder = builder
        self.parent: list[int] = [-1]
        self.depth: list[int] = [0]
        self.kind: list[int] = []
        self.first_child: list[int] = [-1]
        self.child_count: list[int] = [0]
        self.payoff: list[float] = [0.0]
        self.probability: list[float] = [math.nan]
        self.branch_label: list[int] = [-1]
        self.node_label: list[int] = []
        self.env: list[int] = [0]
        self.payoff_formula: list[int] = [CONSTANT]
        self.probability_formula: list[int] = [CONSTANT]
        self.env_values: list[dict[str, float]] = [values]
        self.env_parent: list[int] = [-1]
        self.bindings: list[dict[str, Spec]] = [{}]
        self.memo: dict[tuple[int, int], float] = {}

    def trail(self, node: int, last: str | None = None) -> str:
        names = [] if last is None else [last]
        while node > 0:
            names.append(self.builder.labels[self.branch_label[node]])
            node = self.parent[node]
        return " / ".join(reversed(names)) or pgettext("decision tree", "root")

    def context(self, path: Path, node: int, last: str | None = None) -> Callable[[], str]:
        if path[:1] != ("subtrees",):
            return lambda: ""
        return lambda: _(" (reached by {path})").format(path=self.trail(node, last))

    def value(self, spec: Spec, env: int, path: Path, context: Callable[[], str]) -> float:
        if isinstance(spec, float):
            return self.sized(spec, path, context)
        key = (spec, env)
        found = self.memo.get(key)
        if found is None:
            found = self.builder.evaluate(spec, self.env_values[env], path, context)
            found = self.memo[key] = self.sized(found, path, context, spec)
        return found

    def sized(
        self, value: float, path: Path, context: Callable[[], str], spec: int | None = None
    ) -> float:
        """``value``, or NaN after reporting it too large: sums and products of such values
        would overflow (a number written in the file was refused by the model already; this
        catches what an expression computes)."""
        problem = too_large(value)
        if problem is None:
            return value
        if spec is not None:
            problem = expression_problem(self.builder.expressions[spec].text, problem)
        else:
            problem = _("{problem}, got {value}").format(problem=problem, value=f"{value:.12g}")
        self.builder.report(path, problem, context=context())
        return math.nan

    def run(self, root: Node) -> Expansion | None:
        builder = self.builder
        templates: list[Node | None] = [root]
        self.kind.append(root.kind)
        self.node_label.append(root.label)
        label = builder.label
        number = 0
        while number < len(templates):
            template = templates[number]
            if template is None:
                number += 1
                continue
            own_env = self.env[number]
            own_values = self.env_values[own_env]
            start = len(templates)
            self.first_child[number] = start
            self.child_count[number] = len(template.branches)
            depth = self.depth[number] + 1
            chance = template.kind == CHANCE
            for branch in template.branches:
                child_env = own_env
                if branch.sets:
                    local = {
                        name: self.value(
                            spec,
                            own_env,
                            (*branch.path, "set", name),
                            self.context(branch.path, number, branch.name),
                        )
                        for name, spec in branch.sets
                    }
                    child_env = len(self.env_values)
                    self.env_values.append({**own_values, **local})
                    self.env_parent.append(own_env)
                    self.bindings.append(dict(branch.sets))
                spec = branch.payoff
                if isinstance(spec, float) and too_large(spec) is None:  # the usual case
                    self.payoff.append(spec)
                    self.payoff_formula.append(CONSTANT)
                else:
                    context = self.context(branch.path, number, branch.name)
                    path = (*branch.path, "payoff")
                    self.payoff.append(self.value(spec, child_env, path, context))
                    self.payoff_formula.append(CONSTANT if isinstance(spec, float) else spec)
                probability = branch.probability
                if not chance or branch.rest or probability is None:
                    self.probability.append(math.nan)
                    self.probability_formula.append(REST if branch.rest else CONSTANT)
                elif isinstance(probability, float):
                    self.probability.append(probability)
                    self.probability_formula.append(CONSTANT)
                else:
                    path = (*branch.path, "probability")
                    context = self.context(branch.path, number, branch.name)
                    self.probability.append(self.value(probability, own_env, path, context))
                    self.probability_formula.append(probability)
                child = branch.child
                templates.append(child)
                self.kind.append(child.kind if child is not None else TERMINAL)
                self.node_label.append(child.label if child is not None else -1)
                self.parent.append(number)
                self.depth.append(depth)
                self.first_child.append(-1)
                self.child_count.append(0)
                self.branch_label.append(label(branch.name))
                self.env.append(child_env)
            if chance:
                self.check_probabilities(number, template, start)
            if len(templates) > MAX_NODES:
                builder.report(
                    ("root",),
                    _(
                        "the expanded tree has more than {count} nodes (a ref is copied for "
                        "every path that reaches it)"
                    ).format(count=f"{MAX_NODES:,}"),
                )
                return None
            number += 1
        return self

    def check_probabilities(self, number: int, template: Node, start: int) -> None:
        """Probabilities in [0, 1] summing to 1; fills in a ``rest``."""
        count = len(template.branches)
        values = self.probability[start : start + count]
        rest = [k for k, branch in enumerate(template.branches) if branch.rest]
        context = self.context(template.path, number)
        outside = False
        for branch, value in zip(template.branches, values, strict=True):
            if branch.rest or math.isnan(value) or -TOLERANCE <= value <= 1 + TOLERANCE:
                continue
            outside = True
            self.builder.report(
                (*branch.path, "probability"),
                _("probability {value} is outside [0, 1]{hint}").format(
                    value=f"{value:.12g}", hint=_percent_hint(value)
                ),
                context=context(),
            )
        given = [v for k, v in enumerate(values) if k not in rest]
        if outside or any(math.isnan(v) for v in given) or len(rest) > 1:
            return  # the sum would only repeat what was reported
        total = math.fsum(given)
        name = template.name
        if rest:
            left = 1.0 - total
            if left < -TOLERANCE:
                message = (
                    _(
                        "the probabilities of chance node '{name}' already sum to {total}, "
                        "leaving {left} for 'rest'"
                    )
                    if name
                    else _(
                        "the probabilities of this chance node already sum to {total}, leaving "
                        "{left} for 'rest'"
                    )
                )
                self.builder.report(
                    template.path,
                    message.format(name=name, total=f"{total:.12g}", left=f"{left:.12g}"),
                    context=context(),
                )
            self.probability[start + rest[0]] = min(1.0, max(0.0, left))
        elif not close(total, 1.0):
            message = (
                _("the probabilities of chance node '{name}' sum to {total}, not 1")
                if name
                else _("the probabilities of this chance node sum to {total}, not 1")
            )
            self.builder.report(
                template.path,
                message.format(name=name, total=f"{total:.12g}"),
                context=context(),
            )

    def tree(
        self,
        model: TreeModel,
        specs: dict[str, Spec],
        values: dict[str, float],
        ranges: dict[str, tuple[float, float]],
        warnings: list[str],
    ) -> Tree:
        depth = np.array(self.depth, dtype=np.int32)
        level_start = np.searchsorted(depth, np.arange(int(depth.max()) + 2)).astype(np.int64)
        formulas = Formulas(
            self.builder.expressions,
            specs,
            self.env_parent,
            self.bindings,
            np.array(self.env, dtype=np.int32),
            np.array(self.payoff_formula, dtype=np.int32),
            np.array(self.probability_formula, dtype=np.int32),
        )
        return Tree(
            parent=np.array(self.parent, dtype=np.int64),
            depth=depth,
            kind=np.array(self.kind, dtype=np.int8),
            first_child=np.array(self.first_child, dtype=np.int64),
            child_count=np.array(self.child_count, dtype=np.int32),
            payoff=np.array(self.payoff, dtype=np.float64),
            probability=np.array(self.probability, dtype=np.float64),
            branch_label=np.array(self.branch_label, dtype=np.int32),
            node_label=np.array(self.node_label, dtype=np.int32),
            labels=self.builder.labels,
            level_start=level_start,
            formulas=formulas,
            variables=values,
            ranges=ranges,
            name=model.name,
            objective=model.objective,
            units=model.units,
            risk_tolerance=model.risk_tolerance,
            warnings=tuple(warnings),
            source=self.builder.where,
        )


def _percent_hint(value: float) -> str:
    """What to write for a probability given as a whole percent (``p: 60``); a 1.2 is more
    likely a slip than 1.2 percent, so it gets no guess.

    >>> _percent_hint(60.0), _percent_hint(1.2)
    (' (write 0.6 for 60%)', '')
    """
    return fraction_hint(value) if value.is_integer() else ""
