"""The charts of a decision tree (matplotlib): the risk profiles of the root's alternatives, the
one-way sensitivity of the root's branches to a variable, and the tornado.

- Risk profile: the cumulative distribution of the path total of each alternative at the root,
  each under the best policy below it, as step curves on one chart; the chosen alternative in
  the accent colour. A curve lying wholly to the right of (below) another dominates it
  stochastically when more is better; to the left (above) when costs are minimised.
- Sensitivity (``--vary``): the value of each root branch against the variable, the best
  branch's value as a band under the lines, the exact break-even values as labelled vertical
  lines and the variable's base value.
- Tornado (``--tornado``): a bar per variable from the tree's value at the variable's low to
  its value at its high, around the base value, largest swing on top, each bar end labelled
  with the variable's value there.

Nothing is computed here beyond the distribution of each alternative (the path totals and the
probabilities of reaching them under the policy); every other number comes from the
:class:`~mgmt_tools.decision.result.DecisionResult`.

Examples
--------
>>> from mgmt_tools.decision import loads, rollback
>>> result = rollback(loads('''
... root:
...   type: decision
...   branches:
...     - {name: Drill, node: {type: chance, branches: [{name: Oil, p: 0.25, payoff: 700},
...                                                     {name: Dry, p: rest, payoff: -100}]}}
...     - {name: Sell, payoff: 90}
... '''))
>>> risk_profile_chart(result, "png")[:4]
b'\\x89PNG'
>>> [name for name, _, _ in alternatives(result)]
['Drill', 'Sell']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools.decision.chart_frame import KEY_COLUMNS, freeze, headed, title_of, units_of
from mgmt_tools.decision.levels import RELATIVE_TOLERANCE
from mgmt_tools.decision.render import amount, path_totals
from mgmt_tools.decision.result import DecisionResult
from mgmt_tools.decision.tornado import _tornado_figure, tornado_chart
from mgmt_tools.decision.tree import DECISION, TERMINAL
from mgmt_tools.errors import DomainError
from mgmt_tools.locale import _
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import THEME, wrap
from mgmt_tools.render.style import ACCENT_TINT

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "_tornado_figure",
    "alternatives",
    "risk_profile_chart",
    "sensitivity_chart",
    "tornado_chart",
]

# Lines of the alternatives that were not chosen: neutral colours told apart by their dashes.
_OTHERS: list[tuple[str, Any]] = [
    (THEME.ink, ch.DASHES),
    (THEME.muted, "solid"),
    (ch.NEUTRAL, (0, (6, 2, 1.5, 2))),
    (THEME.line, ch.DOTS),
    (THEME.ink, (0, (1.5, 3))),
    (ch.NEUTRAL, "solid"),
]


def _style(index: int, chosen: bool) -> dict[str, Any]:
    """Colour, dashes and width of the line of the ``index``-th branch."""
    if chosen:
        return {"color": THEME.accent, "linestyle": "solid", "linewidth": 2.2, "zorder": 4}
    colour, dashes = _OTHERS[index % len(_OTHERS)]
    return {"color": colour, "linestyle": dashes, "linewidth": 1.4, "zorder": 3}


# --- risk profile -----------------------------------------------------------------------------


def alternatives(result: DecisionResult) -> list[tuple[str, FloatArray, FloatArray]]:
    """The distribution of the path total of each alternative at the root: (name, distinct
    values ascending, their probabilities), each under the best policy below it. A tree whose
    root is a chance node has one alternative, its policy (named after the tree)."""
    tree = result.tree
    if int(tree.kind[0]) != DECISION:
        profile = result.risk_profile
        return [(tree.name or _("Policy"), profile.values, profile.probabilities)]
    total, reach = path_totals(tree, result.solution.choice, alternatives=True)
    top = np.arange(tree.node_count)  # per node: the root branch above it
    start = tree.level_start
    for level in range(2, tree.level_count):
        low, high = int(start[level]), int(start[level + 1])
        top[low:high] = top[tree.parent[low:high]]
    ends = np.flatnonzero((tree.kind == TERMINAL) & (reach > 0))
    found = []
    for child in tree.children(0):
        mine = ends[top[ends] == child]
        values, probabilities = _merged(total[mine], reach[mine])
        found.append((tree.branch_name(child), values, probabilities))
    return found


def _merged(values: FloatArray, probabilities: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Sorted, with values equal within the rollback's tolerance merged (as the risk profile
    of the result merges them)."""
    order = np.argsort(values, kind="stable")
    values, probabilities = values[order], probabilities[order]
    if values.size < 2:
        return values, probabilities
    scale = np.maximum(1.0, np.maximum(np.abs(values[1:]), np.abs(values[:-1])))
    first = np.concatenate([[0], np.flatnonzero(np.diff(values) > RELATIVE_TOLERANCE * scale) + 1])
    return values[first], np.add.reduceat(probabilities, first)


def risk_profile_chart(result: DecisionResult, fmt: str) -> bytes:
    """The risk profiles of the root's alternatives as SVG, PNG or PDF bytes."""
    return ch.figure_bytes(_risk_profile_figure(result), fmt)


@parts.styled
def _risk_profile_figure(result: DecisionResult) -> Figure:
    """Build the risk-profile chart as a Figure (tests inspect its artists)."""
    tree = result.tree
    found = alternatives(result)
    chosen = result.policy.get("root") if int(tree.kind[0]) == DECISION else found[0][0]
    note = (
        _(
            "Cumulative distribution of each alternative under the best policy below it;\n"
            "a curve wholly to the right and below another dominates it"
        )
        if tree.objective == "max"
        else _(
            "Cumulative distribution of each alternative under the best policy below it;\n"
            "a curve wholly to the left and above another dominates it"
        )
    )
    title = _("{title}: risk profile").format(title=title_of(result))
    expected = _expected_by_branch(result)
    keys = [
        "\n".join(wrap(_key_text(name, name == chosen, expected), KEY_COLUMNS, 2))
        for name, _values, _probabilities in found
    ]
    lines = sum(
        max(key.count("\n") + 1 for key in keys[row : row + 2]) for row in range(0, len(keys), 2)
    )
    figure = headed(4.0 + 0.2 * lines, title, note)
    axes = figure.add_subplot()
    every = np.concatenate([values for _, values, _ in found])
    low, high = float(every.min()), float(every.max())
    margin = 0.06 * (high - low) if high > low else max(1.0, abs(low) * 0.1)
    low, high = low - margin, high + margin
    drawn = 0
    for index, (name, values, probabilities) in enumerate(found):
        is_chosen = name == chosen
        xs = np.concatenate([[low], values, [high]])
        ys = np.concatenate([[0.0], np.cumsum(probabilities), [1.0]]) * 100
        ys[-1] = ys[-2]
        label = keys[index]
        axes.plot(
            xs,
            ys,
            drawstyle="steps-post",
            label=label,
            gid="profile",
            **_style(drawn, is_chosen),
        )
        drawn += 0 if is_chosen else 1
    axes.set_xlim(low, high)
    axes.set_ylim(-2, 102)
    _percent_axis(axes)
    axes.set_xlabel(_("Path total{units}").format(units=units_of(result)))
    axes.set_ylabel(_("Probability the path total is at most x"))
    axes.grid(True)
    axes.set_axisbelow(True)
    figure.legend(
        handles=list(axes.get_lines()), loc="outside lower center", ncol=min(len(found), 2)
    )
    return figure


def _key_text(name: str, chosen: bool, expected: dict[str, str]) -> str:
    """An alternative's entry in the key: its name, "(chosen)", its EV (and CE)."""
    label = ch.clean(name)
    if chosen:
        label = _("{name} (chosen)").format(name=label)
    if name in expected:
        label = _("{name}: {value}").format(name=label, value=expected[name])
    return label


def _expected_by_branch(result: DecisionResult) -> dict[str, str]:
    """Per root branch: its expected value (and certainty equivalent) for the legend."""
    texts = {
        name: _("EV {value}").format(value=amount(value))
        for name, value in result.branch_values.items()
    }
    if result.branch_certainty_equivalents is not None:
        for name, value in result.branch_certainty_equivalents.items():
            texts[name] = _("{expected}, CE {value}").format(
                expected=texts[name], value=amount(value)
            )
    return texts


def _percent_axis(axes: Axes) -> None:
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    axes.yaxis.set_major_locator(MultipleLocator(20))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{format_number(value, 0)}%"))


# --- sensitivity ------------------------------------------------------------------------------


def sensitivity_chart(result: DecisionResult, fmt: str) -> bytes:
    """The value of each root branch against the varied variable as SVG, PNG or PDF bytes.

    Raises
    ------
    DomainError
        When ``result`` carries no sensitivity analysis.
    """
    return ch.figure_bytes(_sensitivity_figure(result), fmt)


@parts.styled
def _sensitivity_figure(result: DecisionResult) -> Figure:
    """Build the sensitivity chart as a Figure (tests inspect its artists)."""
    if result.sensitivity is None:
        raise DomainError(
            _(
                "the sensitivity chart needs a sensitivity analysis: run mgmt decision TREE "
                "--vary VAR=LOW:HIGH, or rollback(tree, vary='VAR=LOW:HIGH') in Python"
            )
        )
    study = result.sensitivity
    tree = result.tree
    maximize = tree.objective == "max"
    by_branch = study.certainty_equivalents_by_branch or study.values_by_branch
    certainty = study.certainty_equivalents_by_branch is not None  # what the policy optimises
    grid = np.asarray(study.values, dtype=np.float64)
    variable = ch.clean(study.variable)
    note = (
        _(
            "Value of each branch at the root as {variable} varies (decisions below held to "
            "the base case)"
        )
        if study.fixed_policy
        else _("Value of each branch at the root as {variable} varies (re-optimised)")
    ).format(variable=variable)
    switches = [
        _("{value} ({before} → {after})").format(
            value=f"{value:.6g}", before=ch.clean(before), after=ch.clean(after)
        )
        for value, before, after in study.switches
    ]
    note += "\n" + (
        _("Break-even: {values}").format(values=_("; ").join(switches))
        if switches
        else _("Break-even: none in this range")
    )
    title = _("{title}: sensitivity to {variable}").format(
        title=title_of(result), variable=variable
    )
    # the key goes under the plot, two entries a row (wrapped like the risk profile's), so
    # it never covers the lines
    key_lines = [len(wrap(ch.clean(name), KEY_COLUMNS, 2)) for name in by_branch] + [1]
    rows = sum(max(key_lines[row : row + 2]) for row in range(0, len(key_lines), 2))
    figure = headed(4.4 + 0.2 * rows, title, note, marks=True)
    axes = figure.add_subplot()
    marks: list[tuple[float, str, str]] = []
    chosen = result.policy.get("root") if int(tree.kind[0]) == DECISION else None
    if chosen is not None and by_branch:
        # the best branch's value: the envelope of the lines as drawn (straight between the
        # grid values), with the break-even values added where the best branch changes
        xs = np.union1d(grid, np.asarray(study.break_even, dtype=np.float64))
        lines = np.array([np.interp(xs, grid, values) for values in by_branch.values()])
        best = lines.max(axis=0) if maximize else lines.min(axis=0)
        axes.plot(
            xs,
            best,
            color=ACCENT_TINT,
            linewidth=9,
            solid_capstyle="butt",
            zorder=2,
            gid="best",
            label=_("Best branch"),
        )
    drawn = 0
    for name, values in by_branch.items():
        is_chosen = name == chosen
        axes.plot(
            grid,
            values,
            marker="o",
            markersize=3,
            label="\n".join(
                wrap(
                    _("{name} (best at the base value)").format(name=ch.clean(name))
                    if is_chosen
                    else ch.clean(name),
                    KEY_COLUMNS,
                    2,
                )
            ),
            gid="branch",
            **_style(drawn, is_chosen),
        )
        drawn += 0 if is_chosen else 1
    base = tree.variables.get(study.variable)
    if base is not None and grid[0] <= base <= grid[-1]:
        parts.marker_line(axes, base, "", colour=THEME.muted, dashes=ch.DOTS, gid="base")
        marks.append((base, _("base {value}").format(value=format_number(base)), THEME.muted))
    for value in study.break_even:
        label = _("break-even {value}").format(value=f"{value:.6g}")
        parts.marker_line(axes, value, "", colour=THEME.ink, width=1.0, gid="break-even")
        marks.append((value, label, THEME.ink))
    axes.set_xlim(float(grid[0]), float(grid[-1]))
    axes.set_xlabel(ch.clean(study.variable))
    axes.set_ylabel(
        (
            _("Certainty equivalent of the branch{units}")
            if certainty
            else _("Expected value of the branch{units}")
        ).format(units=units_of(result))
    )
    axes.grid(True)
    axes.set_axisbelow(True)
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncol=min(len(labels), 2))
    freeze(figure, axes, marks)
    return figure
