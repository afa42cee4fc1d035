"""Check a validated tree model and expand it into the columnar :class:`~.tree.Tree`.

The checks that need meaning rather than structure live here, each written once: variable
names and order, expressions (compiled once per place in the file, evaluated once per
environment), refs to subtrees and recursive refs, duplicate branch names, probabilities in
[0, 1] that sum to 1, at most one ``rest``. A problem is placed at the place in the file that
causes it; inside a subtree the message names the path that reached it. Each problem is
reported once, however many paths reach it, and every problem of the file is collected.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from mgmt_tools._expr import Expression, ExpressionError, compile_expression, is_name
from mgmt_tools._validation import Locating
from mgmt_tools.decision.expand import Branch, Expansion, Node, expression_problem
from mgmt_tools.decision.model import NodeModel, RefModel, TreeModel, Value
from mgmt_tools.decision.tree import CHANCE, DECISION, Spec, Tree
from mgmt_tools.errors import PathPart, Problem, did_you_mean
from mgmt_tools.locale import _

__all__ = ["Branch", "Builder", "Node", "build_tree"]

Path = tuple[PathPart, ...]
PLACEHOLDER = "\x00"
"""Branch names starting with this mark parts of a file replaced after a structural error."""


def build_tree(
    model: TreeModel, where: Locating, problems: list[Problem], broken: set[str] | None = None
) -> Tree | None:
    """Expand ``model``; append every problem found to ``problems``.

    ``broken`` names variables already reported as malformed: expressions using them are
    skipped silently. Returns None when the tree cannot be expanded at all.
    """
    return Builder(where, problems, broken or set()).build(model)


class Builder:
    def __init__(self, where: Locating, problems: list[Problem], broken: set[str]) -> None:
        self.where = where
        self.problems = problems
        self.broken = set(broken)
        self.seen: set[tuple[Path, str]] = set()
        self.expressions: list[Expression] = []
        self.labels: list[str] = []
        self.label_of: dict[str, int] = {}
        self.refs: list[Branch] = []

    # --- reporting and small helpers --------------------------------------------------------

    def report(self, path: Path, message: str, *, key: bool = False, context: str = "") -> None:
        if (path, message) in self.seen:
            return
        self.seen.add((path, message))
        self.problems.append(self.where.problem(path, message + context, key=key))

    def label(self, text: str) -> int:
        index = self.label_of.get(text)
        if index is None:
            index = self.label_of[text] = len(self.labels)
            self.labels.append(text)
        return index

    def spec(self, value: Value, path: Path) -> Spec:
        """A constant, or the index of the compiled expression; NaN after a reported error."""
        if not isinstance(value, str):
            return float(value)
        try:
            expression = compile_expression(value)
        except ExpressionError as error:
            self.report(path, expression_problem(value, error))
            return math.nan
        if expression.constant is not None:
            return expression.constant
        self.expressions.append(expression)
        return len(self.expressions) - 1

    def evaluate(
        self,
        spec: Spec,
        values: dict[str, float],
        path: Path,
        context: Callable[[], str] = lambda: "",
    ) -> float:
        if isinstance(spec, float):
            return spec
        expression = self.expressions[spec]
        if any(name in self.broken and name not in values for name in expression.names):
            return math.nan
        try:
            return expression(values)
        except ExpressionError as error:
            self.report(path, expression_problem(expression.text, error), context=context())
            return math.nan

    # --- the parts of the file ----------------------------------------------------------------

    def build(self, model: TreeModel) -> Tree | None:
        specs, values = self.variables(model)
        ranges = self.ranges(model, values)
        subtrees = {
            name: self.template(node, ("subtrees", name)) for name, node in model.subtrees.items()
        }
        root = (
            self.template(model.root, ("root",))
            if isinstance(model.root, NodeModel)
            else self.resolve_root(model.root, subtrees)
        )
        used = self.resolve_refs(subtrees)
        if isinstance(model.root, RefModel):
            used.add(model.root.ref)
        self.cut_cycles(subtrees)
        if root is None:
            return None
        columns = Expansion(self, values).run(root)
        if columns is None:
            return None
        warnings = [
            _("subtree '{name}' is never used").format(name=name)
            for name in subtrees
            if name not in used
        ]
        return columns.tree(model, specs, values, ranges, warnings)

    def variables(self, model: TreeModel) -> tuple[dict[str, Spec], dict[str, float]]:
        specs: dict[str, Spec] = {}
        values: dict[str, float] = {}
        for name, raw in model.variables.items():
            path: Path = ("variables", name)
            if not is_name(name):
                message = _(
                    "'{name}' cannot name a variable (letters, digits and _, not starting with "
                    "a digit, not a function name)"
                ).format(name=name)
                self.report(path, message, key=True)
                self.broken.add(name)
                continue
            spec = self.spec(raw, path)
            if isinstance(spec, int):
                names = self.expressions[spec].names
                later = [n for n in names if n not in values and n in model.variables]
                if any(n in self.broken for n in names):
                    spec = math.nan
                elif later and later[0] not in self.broken:
                    self.report(
                        path,
                        _(
                            "variable '{name}' is defined later (a variable may use only the "
                            "variables above it)"
                        ).format(name=later[0]),
                    )
                    spec = math.nan
            value = self.evaluate(spec, values, path)
            if math.isnan(value):
                self.broken.add(name)
                continue
            specs[name], values[name] = spec, value
        return specs, values

    def ranges(self, model: TreeModel, values: dict[str, float]) -> dict[str, tuple[float, float]]:
        ranges: dict[str, tuple[float, float]] = {}
        for name, (low_raw, high_raw) in model.ranges.items():
            path: Path = ("ranges", name)
            if name not in values:
                if name not in self.broken:
                    hint = did_you_mean(name, list(values))
                    message = _("unknown variable '{name}'{hint}").format(name=name, hint=hint)
                    self.report(path, message, key=True)
                continue
            low, high = (
                self.evaluate(self.spec(raw, (*path, end)), values, (*path, end))
                for end, raw in enumerate((low_raw, high_raw))
            )
            if low > high:
                message = _("low {low} is above high {high}").format(
                    low=f"{low:g}", high=f"{high:g}"
                )
                self.report(path, message)
            elif not (math.isnan(low) or math.isnan(high)):
                ranges[name] = (low, high)
        return ranges

    def template(self, node: NodeModel, path: Path) -> Node:
        kind = DECISION if node.type == "decision" else CHANCE
        template = Node(kind, self.label(node.name) if node.name else -1, node.name, path)
        first_at: dict[str, int] = {}
        rests = 0
        for number, branch in enumerate(node.branches):
            where: Path = (*path, "branches", number)
            if branch.name in first_at and not branch.name.startswith(PLACEHOLDER):
                self.report(
                    (*where, "name"),
                    _("duplicate branch name '{name}' (first at branches[{first}])").format(
                        name=branch.name, first=first_at[branch.name]
                    ),
                )
            first_at.setdefault(branch.name, number)
            probability: Spec | None = None
            rest = False
            if kind == CHANCE:
                raw = branch.probability
                if raw is None:
                    self.report(
                        where, _("missing probability (outcomes of a chance node need one)")
                    )
                    probability = math.nan
                elif isinstance(raw, str) and raw.strip().lower() == "rest":
                    rest, rests = True, rests + 1
                    if rests == 2:
                        message = (
                            _(
                                "a second 'rest' in chance node '{name}': only one outcome may "
                                "take the rest"
                            ).format(name=node.name)
                            if node.name
                            else _(
                                "a second 'rest' in this chance node: only one outcome may take "
                                "the rest"
                            )
                        )
                        self.report((*where, "probability"), message)
                else:
                    probability = self.spec(raw, (*where, "probability"))
            elif branch.probability is not None:
                self.report(
                    (*where, "probability"),
                    _("the alternatives of a decision take no probability (is it type: chance?)"),
                )
            sets = []
            for name, raw_value in branch.set.items():
                if not is_name(name):
                    message = _(
                        "'{name}' cannot name a path variable (letters, digits and _, not "
                        "starting with a digit, not a function name)"
                    ).format(name=name)
                    self.report((*where, "set", name), message, key=True)
                    continue
                sets.append((name, self.spec(raw_value, (*where, "set", name))))
            item = Branch(
                branch.name,
                where,
                probability,
                rest,
                self.spec(branch.payoff, (*where, "payoff")),
                sets,
            )
            if isinstance(branch.node, RefModel):
                item.ref = branch.node.ref
                self.refs.append(item)
            elif branch.node is not None:
                item.child = self.template(branch.node, (*where, "node"))
            template.branches.append(item)
        return template

    def resolve_root(self, ref: RefModel, subtrees: dict[str, Node]) -> Node | None:
        if ref.ref in subtrees:
            return subtrees[ref.ref]
        hint = did_you_mean(ref.ref, list(subtrees))
        self.report(
            ("root", "ref"), _("unknown subtree '{name}'{hint}").format(name=ref.ref, hint=hint)
        )
        return None

    def resolve_refs(self, subtrees: dict[str, Node]) -> set[str]:
        used = set()
        for branch in self.refs:
            assert branch.ref is not None
            if branch.ref in subtrees:
                branch.child = subtrees[branch.ref]
                used.add(branch.ref)
            elif not branch.ref.startswith(PLACEHOLDER):
                hint = did_you_mean(branch.ref, list(subtrees))
                self.report(
                    (*branch.path, "node", "ref"),
                    _("unknown subtree '{name}'{hint}").format(name=branch.ref, hint=hint),
                )
        return used

    def cut_cycles(self, subtrees: dict[str, Node]) -> None:
        """Report each ref that closes a cycle of subtrees, and cut it so expansion ends."""
        inside: dict[str, list[Branch]] = {}
        for name, node in subtrees.items():
            stack, found = [node], []
            while stack:
                for branch in stack.pop().branches:
                    if branch.ref is not None:
                        found.append(branch)
                    elif branch.child is not None:
                        stack.append(branch.child)
            inside[name] = found
        state: dict[str, int] = {}  # 1: on the current path, 2: done

        def visit(name: str, trail: list[str]) -> None:
            state[name] = 1
            for branch in inside.get(name, []):
                target = branch.ref
                if target is None or branch.child is None:
                    continue
                if state.get(target) == 1:
                    cycle = [*trail[trail.index(target) :], target]
                    self.report(
                        (*branch.path, "node", "ref"),
                        _("recursive ref: {cycle} (a subtree cannot contain itself)").format(
                            cycle=" -> ".join(cycle)
                        ),
                    )
                    branch.child = None
                elif target not in state:
                    visit(target, [*trail, target])
            state[name] = 2

        for name in subtrees:
            if name not in state:
                visit(name, [name])
