"""The result of rolling a decision tree back, its JSON form and its text summary.

The numbers of the expanded tree stay in the arrays of the :class:`~.rollback.Solution`; the
policy, a dict keyed by the path of branch names, is built when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools._rows import Row
from mgmt_tools.decision.solve import Solution
from mgmt_tools.decision.tree import DECISION, Tree
from mgmt_tools.errors import did_you_mean
from mgmt_tools.locale import _, pgettext
from mgmt_tools.render import display_width, pad
from mgmt_tools.render.display import Displayed
from mgmt_tools.render.escape import terminal

__all__ = [
    "DecisionResult",
    "ProfilePoint",
    "RiskProfile",
    "Sensitivity",
    "Switch",
    "TornadoRow",
    "summary_text",
]

_SHOWN = 20


@dataclass(frozen=True)
class ProfilePoint(Row):
    """A row of the JSON ``risk_profile``: a path total and its probability."""

    value: float
    probability: float


@dataclass(frozen=True, eq=False)
class RiskProfile:
    """The distribution of path totals under the policy: distinct values, ascending."""

    values: FloatArray
    probabilities: FloatArray

    @property
    def points(self) -> list[ProfilePoint]:
        """The distinct values with their probabilities, ascending (the JSON rows)."""
        return [
            ProfilePoint(value, probability)
            for value, probability in zip(
                self.values.tolist(), self.probabilities.tolist(), strict=True
            )
        ]

    def to_list(self) -> list[dict[str, float]]:
        """The JSON ``risk_profile``."""
        return [
            {"value": value, "probability": probability}
            for value, probability in zip(
                self.values.tolist(), self.probabilities.tolist(), strict=True
            )
        ]


@dataclass(frozen=True)
class Switch:
    """Where the best root branch changes in a sensitivity: the break-even value, the branch
    best below it and the one best above. (The JSON names the two ``from`` and ``to``.)"""

    value: float
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: ``value``, ``from``, ``to``."""
        return {"value": self.value, "from": self.before, "to": self.after}


@dataclass(frozen=True)
class Sensitivity:
    """The root's branches over a grid of values of one variable (``--vary``)."""

    variable: str
    values: list[float]
    best: list[str | None]
    """Per value: the best root branch (None when the root is a chance node)."""
    values_by_branch: dict[str, list[float]]
    """Expected value of each root branch under the (re-optimised or fixed) policy below."""
    break_even: list[float]
    """The exact values where the best root branch changes, ascending."""
    switches: list[tuple[float, str, str]]
    """Each break-even value with the branch best before and after it."""
    expected_value: list[float]
    """The tree's expected value at each value."""
    fixed_policy: bool = False
    certainty_equivalents_by_branch: dict[str, list[float]] | None = None

    @property
    def switch_points(self) -> list[Switch]:
        """:attr:`switches` as records with names."""
        return [Switch(value, before, after) for value, before, after in self.switches]

    def to_dict(self) -> dict[str, Any]:
        """The JSON ``sensitivity``."""
        data: dict[str, Any] = {
            "variable": self.variable,
            "values": self.values,
            "best": self.best,
            "values_by_branch": self.values_by_branch,
            "break_even": self.break_even,
            "switches": [switch.to_dict() for switch in self.switch_points],
            "expected_value": self.expected_value,
            "policy": "fixed" if self.fixed_policy else "re-optimised",
        }
        if self.certainty_equivalents_by_branch is not None:
            data["certainty_equivalents_by_branch"] = self.certainty_equivalents_by_branch
        return data


@dataclass(frozen=True)
class TornadoRow(Row):
    """The tree's expected value at the low and high value of one variable: a row of the
    JSON ``tornado``."""

    variable: str
    low: float
    high: float
    value_at_low: float
    value_at_high: float
    swing: float
    base_value: float


@dataclass(frozen=True, eq=False)
class DecisionResult(Displayed):
    """Expected value, policy, branch values, risk profile, EVPI, and optionally expected
    utility, sensitivity and tornado of a decision tree (``mgmt decision --json``)."""

    tree: Tree
    solution: Solution
    expected_value: float
    branch_values: dict[str, float]
    risk_profile: RiskProfile
    evpi: dict[str, float]
    expected_utility: float | None = None
    certainty_equivalent: float | None = None
    branch_certainty_equivalents: dict[str, float] | None = None
    sensitivity: Sensitivity | None = None
    tornado: list[TornadoRow] | None = None
    warnings: list[str] = field(default_factory=list)
    evpi_not_computed: dict[str, str] = field(default_factory=dict)
    """Chance node names without an EVPI, each with the reason."""

    method = "rollback"

    @property
    def objective(self) -> str:
        return self.tree.objective

    @property
    def policy(self) -> dict[str, str]:
        """The chosen branch at every decision node, keyed by the path from the root
        ("root" for the root), in breadth-first order."""
        tree = self.tree
        nodes = np.flatnonzero(tree.kind == DECISION)
        chosen = self.solution.choice[nodes].tolist()
        return dict(zip(tree.path_texts(nodes), (tree.branch_name(c) for c in chosen), strict=True))

    def tornado_row(self, variable: str) -> TornadoRow:
        """The tornado row of ``variable`` (a ``KeyError`` naming the closest variables when
        there is none, or no tornado was computed)."""
        rows = self.tornado or []
        for row in rows:
            if row.variable == variable:
                return row
        known = [row.variable for row in rows]
        hint = did_you_mean(variable, known)
        raise KeyError(_("no tornado row for '{name}'{hint}").format(name=variable, hint=hint))

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` result (docs/formats/decision.md)."""
        tree = self.tree
        data: dict[str, Any] = {
            "command": "decision",
            "method": self.method,
            "name": tree.name,
            "units": tree.units,
            "objective": tree.objective,
            "expected_value": self.expected_value,
            "policy": self.policy,
            "branch_values": self.branch_values,
        }
        if tree.risk_tolerance is not None:
            data["risk_tolerance"] = tree.risk_tolerance
            data["expected_utility"] = self.expected_utility
            data["certainty_equivalent"] = self.certainty_equivalent
            data["branch_certainty_equivalents"] = self.branch_certainty_equivalents
        data["risk_profile"] = self.risk_profile.to_list()
        data["evpi"] = self.evpi
        if self.evpi_not_computed:
            data["evpi_not_computed"] = self.evpi_not_computed
        if self.sensitivity is not None:
            data["sensitivity"] = self.sensitivity.to_dict()
        if self.tornado is not None:
            data["tornado"] = [row.to_dict() for row in self.tornado]
        data["warnings"] = list(self.warnings)
        return data


def _number(value: float) -> str:
    return f"{value:,.6g}" if abs(value) >= 1e4 else f"{value:.6g}"


def objective_text(objective: str) -> str:
    """The objective (``max`` or ``min``) as the reader's language says it (English: as
    written in the file)."""
    if objective == "max":
        return pgettext("objective", "max")
    if objective == "min":
        return pgettext("objective", "min")
    return objective


def policy_key_text(key: str) -> str:
    """A key of the policy as the summary shows it: the root in the reader's language."""
    return pgettext("decision tree", "root") if key == "root" else key


def summary_text(result: DecisionResult, *, warnings: bool = True) -> str:
    """A readable summary: value, policy, branch values, risk profile, EVPI, studies."""
    tree = result.tree
    units = f" {tree.units}" if tree.units else ""
    lines = [
        _("{name} (objective: {objective}; {count} nodes)").format(
            name=tree.name or _("Decision tree"),
            objective=objective_text(tree.objective),
            count=f"{tree.node_count:,}",
        ),
        _("Expected value: {value}{units}").format(
            value=_number(result.expected_value), units=units
        ),
    ]
    if result.certainty_equivalent is not None and result.expected_utility is not None:
        lines.append(
            _(
                "Certainty equivalent: {value}{units} (expected utility {utility}, "
                "risk tolerance {tolerance})"
            ).format(
                value=_number(result.certainty_equivalent),
                units=units,
                utility=f"{result.expected_utility:.6g}",
                tolerance=_number(tree.risk_tolerance or 0.0),
            )
        )
    policy = result.policy
    root_choice = policy.get("root")
    lines += ["", _("Root branches:")]
    width = max((display_width(name) for name in result.branch_values), default=0)
    for name, value in result.branch_values.items():
        mark = "  " + _("<- chosen") if name == root_choice else ""
        ce = result.branch_certainty_equivalents
        extra = "  " + _("(CE {value})").format(value=_number(ce[name])) if ce is not None else ""
        lines.append(f"  {pad(name, width)}  {_number(value)}{extra}{mark}")
    if policy:
        lines += ["", _("Policy:")]
        for key, choice in list(policy.items())[:_SHOWN]:
            lines.append(
                "  " + _("{name}: {value}").format(name=policy_key_text(key), value=choice)
            )
        if len(policy) > _SHOWN:
            more = f"{len(policy) - _SHOWN:,}"
            lines.append("  " + _("... and {count} more decisions").format(count=more))
    profile = result.risk_profile.to_list()
    lines += ["", _("Risk profile of the policy (value: probability):")]
    for item in profile[:_SHOWN]:
        lines.append(
            "  "
            + _("{name}: {value}").format(
                name=_number(item["value"]), value=f"{item['probability']:.6g}"
            )
        )
    if len(profile) > _SHOWN:
        more = f"{len(profile) - _SHOWN:,}"
        lines.append("  " + _("... and {count} more values").format(count=more))
    if result.evpi or result.evpi_not_computed:
        lines += ["", _("EVPI (value of knowing the outcome before deciding):")]
        for name, value in result.evpi.items():
            lines.append("  " + _("{name}: {value}").format(name=name, value=_number(value)))
        for name, reason in result.evpi_not_computed.items():
            lines.append(
                "  " + _("{name}: not computed ({reason})").format(name=name, reason=_(reason))
            )
    study = result.sensitivity
    if study is not None:
        lines += ["", _("Sensitivity to {variable}:").format(variable=study.variable)]
        for value, best, total in zip(study.values, study.best, study.expected_value, strict=True):
            lines.append(
                "  "
                + _("{value}: best {best}, expected value {total}").format(
                    value=_number(value), best=best, total=_number(total)
                )
            )
        for value, before, after in study.switches:
            lines.append(
                "  "
                + _("break-even at {value}: {before} -> {after}").format(
                    value=f"{value:.12g}", before=before, after=after
                )
            )
    if result.tornado is not None:
        lines += ["", _("Tornado (expected value at low / high):")]
        for row in result.tornado:
            lines.append(
                "  "
                + _("{variable} [{low}, {high}]: {at_low} / {at_high}, swing {swing}").format(
                    variable=row.variable,
                    low=_number(row.low),
                    high=_number(row.high),
                    at_low=_number(row.value_at_low),
                    at_high=_number(row.value_at_high),
                    swing=_number(row.swing),
                )
            )
    if warnings and result.warnings:
        lines += ["", *(_("warning: {warning}").format(warning=w) for w in result.warnings)]
    return terminal("\n".join(lines))
