"""The expanded decision tree, kept in columns.

Every ``ref`` is instantiated once per path that reaches it (a branch's ``set`` can change the
values below it), so the expanded tree is a plain tree. Its nodes are numbered breadth first:
node 0 is the root, each level is a contiguous block, and the children of a node are contiguous
(``first_child .. first_child + child_count``), so a level's children are grouped by parent in
order and numpy's ``reduceat`` rolls a whole level back at once.

Each node but the root is reached by one branch: ``payoff`` and ``probability`` are that
branch's numbers (probability NaN under a decision). :class:`Formulas` keeps how each number was
computed (the compiled expression and the path-variable environment it saw), so sensitivity
analysis can recompute only what depends on a variable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._expr import Expression

__all__ = [
    "CHANCE",
    "CONSTANT",
    "DECISION",
    "REST",
    "TERMINAL",
    "Formulas",
    "Level",
    "Tree",
]

DECISION, CHANCE, TERMINAL = 0, 1, 2
KIND_NAMES = ("decision", "chance", "terminal")
CONSTANT = -1
"""Formula index of a number written as a number."""
REST = -2
"""Formula index of a ``rest`` probability (1 minus its siblings)."""

SmallArray = npt.NDArray[np.int32]

Spec = float | int
"""A constant (float) or the index of an expression in :attr:`Formulas.expressions` (int)."""


@dataclass(frozen=True, eq=False)
class Formulas:
    """How the numbers of the tree were computed, to recompute them when a variable changes.

    ``variables`` are the top-level variables in order, each a constant or an expression index.
    Environments hold path variables: environment 0 is the top level; environment ``e > 0``
    binds ``bindings[e]`` (name -> spec, evaluated in ``env_parent[e]``) on top of its parent.
    A node's payoff is evaluated in ``env[node]`` (its branch's own ``set`` included); its
    probability in the environment of its parent.
    """

    expressions: list[Expression]
    variables: dict[str, Spec]
    env_parent: list[int]
    bindings: list[dict[str, Spec]]
    env: SmallArray
    payoff_formula: SmallArray
    """Per node: index of the payoff's expression, or CONSTANT."""
    probability_formula: SmallArray
    """Per node: index of the probability's expression, CONSTANT, or REST."""
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    """Lazily computed dependency indexes (see :mod:`mgmt_tools.decision.incremental`)."""


@dataclass(frozen=True)
class Level:
    """The internal nodes of one level and how their children (the next level) group."""

    internal: IndexArray
    starts: IndexArray
    """Per internal node: where its children start, counted from ``child_low``."""
    counts: SmallArray
    chance: npt.NDArray[np.bool_]
    child_low: int
    child_high: int


@dataclass(frozen=True, eq=False)
class Tree:
    """A validated, expanded decision tree in breadth-first columns."""

    parent: IndexArray
    depth: SmallArray
    kind: npt.NDArray[np.int8]
    first_child: IndexArray
    """Per node: its first child, or -1 for a terminal."""
    child_count: SmallArray
    payoff: FloatArray
    probability: FloatArray
    branch_label: SmallArray
    """Per node: index into ``labels`` of the branch reaching it (-1 for the root)."""
    node_label: SmallArray
    """Per node: index into ``labels`` of the node's name, or -1 when it has none."""
    labels: list[str]
    level_start: IndexArray
    """Level d holds nodes ``level_start[d] .. level_start[d + 1]``."""
    formulas: Formulas
    variables: dict[str, float]
    ranges: dict[str, tuple[float, float]]
    name: str | None = None
    objective: str = "max"
    units: str | None = None
    risk_tolerance: float | None = None
    warnings: tuple[str, ...] = ()
    source: Any = field(default=None, repr=False)
    """Where the tree came from (a locator), to place problems found when it is solved."""

    @property
    def node_count(self) -> int:
        return int(self.parent.shape[0])

    @property
    def level_count(self) -> int:
        return int(self.level_start.shape[0]) - 1

    @cached_property
    def levels(self) -> list[Level]:
        """Per level with children, deepest first: its internal nodes and their groups."""
        found = []
        start = self.level_start
        for level in range(self.level_count - 2, -1, -1):
            low, high = int(start[level]), int(start[level + 1])
            child_low, child_high = high, int(start[level + 2])
            if child_low == child_high:
                continue
            internal = np.flatnonzero(self.kind[low:high] != TERMINAL) + low
            found.append(
                Level(
                    internal,
                    self.first_child[internal] - child_low,
                    self.child_count[internal],
                    self.kind[internal] == CHANCE,
                    child_low,
                    child_high,
                )
            )
        return found

    def children(self, node: int) -> range:
        """The children of ``node`` (empty for a terminal)."""
        first = int(self.first_child[node])
        return range(first, first + int(self.child_count[node])) if first >= 0 else range(0)

    def branch_name(self, node: int) -> str:
        """The name of the branch reaching ``node`` ("" for the root)."""
        label = int(self.branch_label[node])
        return self.labels[label] if label >= 0 else ""

    def node_name(self, node: int) -> str | None:
        label = int(self.node_label[node])
        return self.labels[label] if label >= 0 else None

    def kind_name(self, node: int) -> str:
        return KIND_NAMES[int(self.kind[node])]

    def path(self, node: int) -> list[str]:
        """The branch names from the root to ``node``."""
        names: list[str] = []
        while node > 0:
            names.append(self.branch_name(node))
            node = int(self.parent[node])
        return names[::-1]

    def path_text(self, node: int) -> str:
        """The policy key of ``node``: its path joined by " / ", "root" for the root."""
        return " / ".join(self.path(node)) or "root"

    def path_texts(self, nodes: npt.ArrayLike) -> list[str]:
        """:meth:`path_text` of many nodes, sharing the work of common ancestors."""
        wanted = np.asarray(nodes, dtype=np.int64)
        known: dict[int, str] = {0: ""}
        texts = []
        for node in wanted.tolist():
            chain = []
            current = node
            while current not in known:
                chain.append(current)
                current = int(self.parent[current])
            for step in reversed(chain):
                above = known[int(self.parent[step])]
                name = self.branch_name(step)
                known[step] = f"{above} / {name}" if above else name
            texts.append(known[node] or "root")
        return texts

    def root_branches(self) -> list[str]:
        """The names of the root's branches, in input order."""
        return [self.branch_name(child) for child in self.children(0)]
