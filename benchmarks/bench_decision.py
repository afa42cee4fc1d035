"""Time the decision-tree engine at scale against a recursive Python rollback.

    python benchmarks/bench_decision.py [--quick] [--repeat N]

One random tree of 1,000,000 nodes (``--quick``: 100,000), drawn from a fixed seed: branching
2 to 4, decision and chance nodes mixed at every level, payoffs on every branch, and 50
variables ``v0 .. v49``, each used by the payoffs of three branches deep in the tree (with a
range each, for the tornado). Cases:

``build``      ``from_dict(data)``: validation and expansion into columns (no target; the
               baseline's build of its node objects is timed beside it).
``rollback``   ``solve(tree)``: values and the policy at every decision node, level by level
               with numpy; against a recursive rollback over Python node objects in the same
               process. Targets: under 0.2 s and at least 10x faster. Both must agree: the same
               expected value (1e-9 relative) and the same choice at every decision node.
``result``     ``rollback(tree, evpi=False)``: the above plus risk profile and branch values.
``vary``       ``sensitivity(tree, "v0", ..., 100 values)``: only the ancestors of the three
               branches using v0 are rolled back, one column per value: under 0.5 s. Checked
               against solving the tree anew at two of the values.
``tornado``    ``tornado_rows(tree)`` over the 50 ranges: under 1 s.

Times are medians of ``--repeat`` runs (the baseline: at most 3); peak memory is traced in one
more, untimed run.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Row, arguments, peak_mib, print_table, timed
from mgmt_tools._arrays import IndexArray
from mgmt_tools._gc import paused
from mgmt_tools.decision import Tree, from_dict, rollback, sensitivity, solve, tornado_rows

SEED = 20270301
VARIABLES = 50


@dataclass
class Shape:
    """A random tree in breadth-first columns (before it becomes a YAML-shaped dict)."""

    parent: IndexArray
    kind: npt.NDArray[np.int8]  # 0 decision, 1 chance, 2 terminal
    payoff: npt.NDArray[np.float64]
    weight: npt.NDArray[np.float64]
    uses: dict[int, int]  # node -> variable whose value its payoff adds


def draw(target: int, seed: int = SEED) -> Shape:
    """About ``target`` nodes, levels grown until the count is reached."""
    rng = np.random.default_rng(seed)
    parents: list[IndexArray] = [np.array([-1])]
    kinds: list[npt.NDArray[np.int8]] = []
    level = np.array([0])
    total = 1
    while level.size:
        remaining = target - total
        internal_count = min(level.size, max(0, remaining // 3))
        internal = np.zeros(level.size, dtype=bool)
        if internal_count:
            internal[rng.choice(level.size, internal_count, replace=False)] = True
        level_kinds = np.where(internal, rng.integers(0, 2, level.size), 2).astype(np.int8)
        kinds.append(level_kinds)
        counts = np.where(internal, rng.integers(2, 5, level.size), 0)
        children = np.repeat(level, counts)
        if not children.size:
            break
        parents.append(children)
        level = np.arange(total, total + children.size)
        total += children.size
    parent = np.concatenate(parents)
    kind = np.concatenate(kinds)[: parent.size]
    payoff = rng.integers(-100, 101, parent.size).astype(np.float64)
    payoff[0] = 0.0
    weight = rng.integers(1, 10, parent.size).astype(np.float64)
    deep = np.flatnonzero(kind == 2)[-parent.size // 4 :]
    chosen = rng.choice(deep, 3 * VARIABLES, replace=False)
    uses = {int(node): number % VARIABLES for number, node in enumerate(chosen)}
    return Shape(parent, kind, payoff, weight, uses)


def to_data(shape: Shape) -> dict[str, Any]:
    """The YAML-shaped dict of the tree (probabilities: weights normalised, last one 'rest')."""
    count = shape.parent.size
    children: list[list[int]] = [[] for _ in range(count)]
    for node, parent in enumerate(shape.parent.tolist()[1:], start=1):
        children[parent].append(node)
    totals = np.zeros(count)
    np.add.at(totals, shape.parent[1:], shape.weight[1:])
    built: list[dict[str, Any] | None] = [None] * count
    kind, payoff, weight = shape.kind.tolist(), shape.payoff.tolist(), shape.weight.tolist()
    for node in range(count - 1, -1, -1):
        if kind[node] == 2:
            continue
        branches = []
        last = len(children[node]) - 1
        for number, child in enumerate(children[node]):
            branch: dict[str, Any] = {"name": f"b{number}"}
            if child in shape.uses:
                branch["payoff"] = f"v{shape.uses[child]} + {payoff[child]:g}"
            else:
                branch["payoff"] = payoff[child]
            if kind[node] == 1:
                branch["p"] = "rest" if number == last else weight[child] / totals[node]
            if built[child] is not None:
                branch["node"] = built[child]
                built[child] = None
            branches.append(branch)
        name = f"n{node % 97}" if kind[node] == 1 else None
        built[node] = {"type": "decision" if kind[node] == 0 else "chance", "branches": branches}
        if name:
            built[node]["name"] = name  # type: ignore[index]
    return {
        "name": "Random tree",
        "variables": {f"v{i}": 0.0 for i in range(VARIABLES)},
        "ranges": {f"v{i}": [-50.0, 50.0 + i] for i in range(VARIABLES)},
        "root": built[0],
    }


# --- the baseline: Python objects and a recursive rollback -----------------------------------


class PyNode:
    __slots__ = ("children", "kind", "payoff", "probability")

    def __init__(self, kind: int, payoff: float, probability: float) -> None:
        self.kind = kind
        self.payoff = payoff
        self.probability = probability
        self.children: list[PyNode] = []


def build_objects(tree: Tree) -> list[PyNode]:
    """One object per node of the expanded tree, linked to its children."""
    kinds, payoffs = tree.kind.tolist(), tree.payoff.tolist()
    probabilities, parents = tree.probability.tolist(), tree.parent.tolist()
    nodes = [PyNode(kinds[i], payoffs[i], probabilities[i]) for i in range(len(kinds))]
    for node, parent in enumerate(parents[1:], start=1):
        nodes[parent].children.append(nodes[node])
    return nodes


def recursive_rollback(root: PyNode) -> tuple[float, dict[int, int]]:
    """Expected value and the chosen child (by position) of every decision node, by id."""
    policy: dict[int, int] = {}
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))

    def value(node: PyNode) -> float:
        if node.kind == 2:
            return 0.0
        branch = [child.payoff + value(child) for child in node.children]
        if node.kind == 1:
            pairs = zip(node.children, branch, strict=True)
            return sum(child.probability * v for child, v in pairs)
        top = max(branch)
        bound = top - 1e-9 * max(1.0, abs(top))  # ties: the first in input order (docs/formats/)
        best = next(number for number, v in enumerate(branch) if v >= bound)
        policy[id(node)] = best
        return branch[best]

    try:
        return value(root), policy
    finally:
        sys.setrecursionlimit(limit)


# --- the cases ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    options = arguments(__doc__, "a tree 10x smaller").parse_args(argv)
    size = 100_000 if options.quick else 1_000_000
    label = f"{size // 1000}k nodes"
    print(f"drawing a random tree of about {size:,} nodes (seed {SEED}) ...", flush=True)
    with paused():
        data = to_data(draw(size))
    rows: list[Row] = []
    ok = True

    build_time, tree = timed(lambda: _build(data), min(options.repeat, 2))
    objects_time, objects = timed(lambda: build_objects(tree), min(options.repeat, 2))
    rows.append(Row("build", label, "from_dict", build_time, objects_time, "-", True, "-"))
    print(f"expanded tree: {tree.node_count:,} nodes, {tree.level_count} levels", flush=True)

    fast_time, solution = timed(lambda: solve(tree), options.repeat)
    slow_time, (slow_value, slow_policy) = timed(
        lambda: recursive_rollback(objects[0]), min(options.repeat, 3)
    )
    same = _agree(tree, solution.root_value, solution.choice, objects, slow_value, slow_policy)
    ratio = slow_time.median / fast_time.median
    passed = same and fast_time.median < 0.2 and ratio >= 10
    ok &= passed
    peak = f"{peak_mib(lambda: solve(tree)):.0f}"
    target = "<0.2 s, >=10x"
    rows.append(Row("rollback", label, "levels", fast_time, slow_time, target, passed, peak))

    result_time, _ = timed(lambda: rollback(tree, evpi=False), options.repeat)
    rows.append(Row("result", label, "levels", result_time, None, "-", True, "-"))

    vary_time, study = timed(lambda: sensitivity(tree, "v0", -50, 50, 100), options.repeat)
    checked = _check_vary(data, study)
    passed = checked and vary_time.median < 0.5
    ok &= passed
    rows.append(Row("vary 100", label, "partial", vary_time, None, "<0.5 s", passed, "-"))

    tornado_time, table = timed(lambda: tornado_rows(tree), options.repeat)
    passed = len(table) == VARIABLES and tornado_time.median < 1.0
    ok &= passed
    rows.append(Row("tornado 50", label, "partial", tornado_time, None, "<1 s", passed, "-"))

    print_table(rows, "recursive")
    print(f"results agree with the recursive rollback: {same}; vary checked: {checked}")
    return 0 if ok else 1


def _build(data: dict[str, Any]) -> Tree:
    return from_dict(data)


def _agree(
    tree: Tree,
    value: float,
    choice: IndexArray,
    objects: list[PyNode],
    slow_value: float,
    slow_policy: dict[int, int],
) -> bool:
    if abs(value - slow_value) > 1e-9 * max(1.0, abs(slow_value)):
        print(f"MISMATCH: expected value {value!r} vs recursive {slow_value!r}")
        return False
    decisions = np.flatnonzero(tree.kind == 0)
    chosen = (choice[decisions] - tree.first_child[decisions]).tolist()
    slow = [slow_policy[id(objects[node])] for node in decisions.tolist()]
    differ = sum(1 for a, b in zip(chosen, slow, strict=True) if a != b)
    if differ:
        print(f"MISMATCH: {differ} of {len(slow):,} decisions differ (ties?)")
    return differ == 0


def _check_vary(data: dict[str, Any], study: Any) -> bool:
    """Solve the tree anew at two of the varied values; compare the root's branch values."""
    good = True
    for column in (0, 73):
        changed = dict(data, variables={**data["variables"], "v0": study.values[column]})
        again = rollback(from_dict(changed), evpi=False)
        for name, value in again.branch_values.items():
            got = study.values_by_branch[name][column]
            if abs(got - value) > 1e-9 * max(1.0, abs(value)):
                print(f"MISMATCH: vary {name} at {study.values[column]}: {got} vs {value}")
                good = False
    return good


if __name__ == "__main__":
    raise SystemExit(main())
