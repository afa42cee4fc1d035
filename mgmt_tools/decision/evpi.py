"""Expected value of perfect information, per chance node name (docs/formats/decision.md).

For a name whose outcomes (names and probabilities) are the same wherever it appears: resolve
every node of that name to the same outcome k (probability 1, with that outcome's payoff and
path variables), roll the tree back with every decision free to adapt, and weigh the values by
the outcomes' probabilities. EVPI is that expected value minus the tree's (the reverse for
costs): what knowing the outcome before the first decision is worth, in value units, never
negative. It is computed on expected values, also when the tree has a risk tolerance.

All outcomes of one name are rolled back together, one column each, and only the ancestors of
the resolved nodes are recomputed (:mod:`~mgmt_tools.decision.incremental`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import IndexArray
from mgmt_tools.decision.incremental import evaluate, prepare
from mgmt_tools.decision.levels import RELATIVE_TOLERANCE
from mgmt_tools.decision.solve import Solution
from mgmt_tools.decision.tree import CHANCE, Tree
from mgmt_tools.locale import N_, _

__all__ = ["MAX_NAMES", "evpi"]

MAX_NAMES = 1000
"""EVPI is computed for at most this many chance node names (a warning says when cut)."""
OUTCOMES_DIFFER = N_("its outcomes or their probabilities differ where it appears")
"""Why a name has no EVPI (kept in English in the JSON; the summary translates it)."""


def evpi(tree: Tree, neutral: Solution) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """EVPI per chance node name, in order of first appearance; the names left out, each
    with the reason; and warnings.

    ``neutral`` is the tree's expected-value solution (no risk tolerance).
    """
    if neutral.risk_tolerance is not None:
        raise ValueError(_("EVPI needs the expected-value solution (no risk tolerance)"))
    named = np.flatnonzero((tree.kind == CHANCE) & (tree.node_label >= 0))
    labels, first = np.unique(tree.node_label[named], return_index=True)
    order = labels[np.argsort(first)]
    warnings: list[str] = []
    skipped: dict[str, str] = {}
    if order.size > MAX_NAMES:
        warnings.append(
            _("EVPI computed for the first {count} of {total} chance node names").format(
                count=MAX_NAMES, total=order.size
            )
        )
        order = order[:MAX_NAMES]
    maximize = tree.objective == "max"
    base = neutral.root_value
    values: dict[str, float] = {}
    for label in order.tolist():
        name = tree.labels[label]
        nodes = named[tree.node_label[named] == label]
        outcomes = _outcomes(tree, nodes)
        if outcomes is None:
            skipped[name] = OUTCOMES_DIFFER
            continue
        kids, outcome_labels, probabilities = outcomes
        resolved = (tree.branch_label[kids][:, None] == outcome_labels[None, :]).astype(float)
        partial = prepare(tree, neutral, np.zeros(0, dtype=np.int64), kids)
        outcome = evaluate(
            tree,
            neutral,
            partial,
            np.zeros((0, outcome_labels.size)),
            resolved,
        )
        informed = float(np.dot(probabilities, outcome.root_value))
        gain = informed - base if maximize else base - informed
        if gain < -RELATIVE_TOLERANCE * max(1.0, abs(base)):
            warnings.append(
                _(
                    "EVPI of '{name}' came out negative ({value}) and is reported as 0: the node "
                    "repeats on one path, so resolving every occurrence alike changes the odds"
                ).format(name=name, value=f"{gain:.6g}")
            )

        values[name] = gain if gain > RELATIVE_TOLERANCE * max(1.0, abs(base)) else 0.0
    return values, skipped, warnings


def _outcomes(
    tree: Tree, nodes: IndexArray
) -> tuple[IndexArray, npt.NDArray[np.int32], npt.NDArray[np.float64]] | None:
    """The children of ``nodes`` (sorted), the outcome labels and their probabilities; None
    when the nodes do not share the same outcomes and probabilities."""
    counts = tree.child_count[nodes]
    if np.any(counts != counts[0]):
        return None
    width = int(counts[0])
    grid = tree.first_child[nodes][:, None] + np.arange(width)[None, :]
    labels = tree.branch_label[grid]
    probabilities = tree.probability[grid]
    order = np.argsort(labels, axis=1, kind="stable")
    sorted_labels = np.take_along_axis(labels, order, axis=1)
    sorted_probabilities = np.take_along_axis(probabilities, order, axis=1)
    if np.any(sorted_labels != sorted_labels[0]):
        return None
    slack = RELATIVE_TOLERANCE * np.maximum(1.0, np.abs(sorted_probabilities[0]))
    if np.any(np.abs(sorted_probabilities - sorted_probabilities[0]) > slack):
        return None
    return grid.ravel(), labels[0], probabilities[0]
