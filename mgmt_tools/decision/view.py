"""What a decision-tree diagram draws: the tree down to a depth that keeps it readable, and
of each node at most so many branches (the chosen one always), the rest counted.

The numbers of a result never depend on this; only :mod:`mgmt_tools.decision.render` uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from mgmt_tools._arrays import IndexArray
from mgmt_tools.decision.tree import DECISION, TERMINAL, Tree
from mgmt_tools.locale import _

__all__ = ["MAX_BRANCHES", "MAX_NODES", "View", "select"]

MAX_NODES = 300
"""Nodes drawn in full; a bigger tree is drawn to the deepest depth that keeps under this."""
MAX_BRANCHES = 50
"""Branches drawn of one node by default; the others are counted in a "… N more" mark."""


@dataclass(frozen=True)
class View:
    """The nodes a diagram draws (``0 .. shown - 1``: the tree down to ``depth``), the nodes
    drawn collapsed with how many nodes each hides, and why some are missing."""

    shown: int
    depth: int
    collapsed: dict[int, int]
    note: str | None = None
    omitted: frozenset[int] = frozenset()
    """Nodes below ``shown`` that are not drawn: branches past ``max_branches`` and theirs."""
    more: dict[int, int] = field(default_factory=dict)
    """Drawn node -> how many of its branches are not drawn."""


def select(
    tree: Tree,
    depth: int | None = None,
    max_nodes: int = MAX_NODES,
    max_branches: int | None = None,
    choice: IndexArray | None = None,
) -> View:
    """Down to ``depth`` (the root is depth 0), or by default all of a tree of at most
    ``max_nodes`` nodes and of a bigger one the deepest depth that keeps under that (at
    least 1); with ``max_branches``, of each node only its first ``max_branches`` branches
    and the one ``choice`` (a :class:`~.rollback.Solution` ``choice``) takes."""
    if max_branches is not None and max_branches < 1:
        raise ValueError(
            _("max_branches must be 1 or more, got {value}").format(value=max_branches)
        )
    view = _by_depth(tree, depth, max_nodes)
    if max_branches is None or view.shown <= max_branches + 1:
        return view
    return _by_branches(tree, view, max_branches, choice)


def _by_branches(tree: Tree, view: View, max_branches: int, choice: IndexArray | None) -> View:
    """``view`` without the branches past the first ``max_branches`` of each node (the chosen
    one kept) and all below them."""
    start = tree.level_start
    drawn = np.zeros(view.shown, dtype=np.bool_)
    drawn[0] = True
    more: dict[int, int] = {}
    for level in range(1, view.depth + 1):
        low, high = int(start[level]), int(start[level + 1])
        nodes = np.arange(low, high)
        parents = tree.parent[low:high]
        keep = nodes - tree.first_child[parents] < max_branches
        if choice is not None:
            keep |= (tree.kind[parents] == DECISION) & (choice[parents] == nodes)
        drawn[low:high] = drawn[parents] & keep
        cut = parents[drawn[parents] & ~keep]
        if cut.size:
            found, counts = np.unique(cut, return_counts=True)
            more.update(zip(found.tolist(), counts.tolist(), strict=True))
    if not more:
        return view
    omitted = frozenset(np.flatnonzero(~drawn).tolist())
    collapsed = {node: hidden for node, hidden in view.collapsed.items() if drawn[node]}
    count = int(drawn.sum())
    why = _("At most {branches} branches of a node drawn: {count} of {total} nodes").format(
        branches=f"{max_branches:,}", count=f"{count:,}", total=f"{tree.node_count:,}"
    )
    note = _("{note}. {more}").format(note=view.note, more=why) if view.note else why
    return replace(view, collapsed=collapsed, note=note, omitted=omitted, more=more)


def _by_depth(tree: Tree, depth: int | None, max_nodes: int) -> View:
    deepest = tree.level_count - 1
    start = tree.level_start
    automatic = depth is None
    if depth is None:
        fits = np.flatnonzero(start[1:] <= max_nodes)
        depth = max(int(fits[-1]) if fits.size else 0, 1)
    elif depth < 0:
        raise ValueError(_("depth must be 0 or more, got {value}").format(value=depth))
    depth = min(depth, deepest)
    shown = int(start[depth + 1])
    if depth == deepest:
        return View(shown, depth, {})
    low = int(start[depth])
    cut = low + np.flatnonzero(tree.kind[low:shown] != TERMINAL)
    hidden = _descendants(tree, depth)
    collapsed = dict(zip(cut.tolist(), hidden[cut - low].tolist(), strict=True))
    why = (
        _(
            "{total} nodes: drawn to depth {depth} ({shown} nodes); each collapsed subtree "
            "shows its value"
        )
        if automatic
        else _(
            "Drawn to depth {depth}: {shown} of {total} nodes; each collapsed subtree shows "
            "its value"
        )
    )
    note = why.format(total=f"{tree.node_count:,}", depth=depth, shown=f"{shown:,}")
    return View(shown, depth, collapsed, note)


def _descendants(tree: Tree, depth: int) -> IndexArray:
    """Per node of level ``depth``: how many nodes lie below it (summed level by level up
    from the deepest, whose nodes have none)."""
    start = tree.level_start
    deepest = tree.level_count - 1
    below = np.zeros(int(start[deepest + 1] - start[deepest]), dtype=np.int64)
    for level in range(deepest, depth, -1):
        low, above = int(start[level]), int(start[level - 1])
        parents = tree.parent[low : int(start[level + 1])] - above
        below = np.bincount(parents, weights=1 + below, minlength=low - above).astype(np.int64)
    return below
