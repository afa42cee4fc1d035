"""Hypothesis strategies for decision trees, as the dicts a user's YAML would load to.

:func:`trees` draws trees of up to four levels below the root, with decision and chance nodes
mixed, one to four branches each. Payoffs are multiples of 0.25 and probabilities multiples of
1/8 (the last outcome of a chance node is sometimes written ``rest``), so every expected value
is exact in binary floating point: two correct rollbacks agree to the bit whatever the order
of their additions, and a shifted or permuted tree gives exactly the shifted or same value.
Chance nodes are named from a small pool, so a name often repeats (EVPI's consistency rule).
Some payoffs use the variable ``x`` (defined in ``variables``) for sensitivity properties.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import strategies as st

from ..strategies import quarter

__all__ = ["NAMES", "probabilities", "trees"]

NAMES = ("Market", "Client", "Court")


@st.composite
def probabilities(draw: st.DrawFn, count: int) -> list[float]:
    """``count`` positive multiples of 1/8 summing to exactly 1."""
    cuts = sorted(draw(st.sets(st.integers(1, 7), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, 8]
    return [(high - low) / 8 for low, high in itertools.pairwise(bounds)]


@st.composite
def _node(draw: st.DrawFn, depth: int, max_depth: int, variable: bool) -> dict[str, Any]:
    kind = draw(st.sampled_from(["decision", "chance"]))
    count = draw(st.integers(1, 4))
    node: dict[str, Any] = {"type": kind}
    if kind == "chance":
        node["name"] = draw(st.sampled_from(NAMES))
        shares = draw(probabilities(count))
        rest = draw(st.booleans())
    branches = []
    for number in range(count):
        branch: dict[str, Any] = {"name": f"b{number}"}
        payoff = draw(quarter(-20, 20))
        if variable and draw(st.integers(0, 5)) == 0:
            branch["payoff"] = f"{payoff} + x" if draw(st.booleans()) else f"2 * x - {payoff}"
        elif payoff or draw(st.booleans()):
            branch["payoff"] = payoff
        if kind == "chance":
            last = number == count - 1
            branch["p"] = "rest" if rest and last else shares[number]
        if depth < max_depth and draw(st.integers(0, 2)) > 0:
            branch["node"] = draw(_node(depth + 1, max_depth, variable))
        branches.append(branch)
    node["branches"] = branches
    return node


@st.composite
def trees(
    draw: st.DrawFn,
    *,
    max_depth: int = 3,
    objective: str | None = None,
    risk: bool | None = None,
    variable: bool = False,
    decision_root: bool = False,
) -> dict[str, Any]:
    """A random valid tree (see the module docstring)."""
    root = draw(_node(0, max_depth, variable))
    if decision_root and root["type"] != "decision":
        root = {"type": "decision", "branches": [{"name": "only", "node": root}]}
    data: dict[str, Any] = {
        "objective": objective or draw(st.sampled_from(["max", "min"])),
        "root": root,
    }
    if risk if risk is not None else draw(st.booleans()):
        data["risk_tolerance"] = draw(st.sampled_from([5.0, 20.0, 100.0]))
    if variable:
        data["variables"] = {"x": draw(quarter(-5, 5))}
    return data
