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
from mgmt_tools.decision.levels import RELATIVE_TOLERANCE
from mgmt_tools.decision.render import amount, path_totals
from mgmt_tools.decision.result import DecisionResult
from mgmt_tools.decision.tree import DECISION, TERMINAL
from mgmt_tools.errors import DomainError
from mgmt_tools.locale import _
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import THEME

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["alternatives", "risk_profile_chart", "sensitivity_chart", "tornado_chart"]

_N = format_number
# Lines of the alternatives that were not chosen: neutral colours told apart by their dashes.
_OTHERS: list[tuple[str, Any]] = [
    (THEME.ink, ch.DASHES),
    (THEME.muted, "solid"),
    (ch.NEUTRAL, (0, (6, 2, 1.5, 2))),
    (THEME.line, ch.DOTS),
    (THEME.ink, (0, (1.5, 3))),
    (ch.NEUTRAL, "solid"),
]
_BAND = "#F2B8B1"
"""The best branch's value under the lines: a light tint of the accent."""
_LOW, _HIGH = ch.NEUTRAL, THEME.muted
"""Tornado bars: the part from the base value to the value at the variable's low / high."""


def _title(result: DecisionResult) -> str:
    return ch.clean(result.tree.name or _("Decision tree"))


def _units(result: DecisionResult) -> str:
    units = result.tree.units
    return _(" ({units})").format(units=ch.clean(units)) if units else ""


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
    figure = ch.new_figure(8.0, 5.0, layout="constrained")
    axes = figure.add_subplot()
    every = np.concatenate([values for _, values, _ in found])
    low, high = float(every.min()), float(every.max())
    margin = 0.06 * (high - low) if high > low else max(1.0, abs(low) * 0.1)
    low, high = low - margin, high + margin
    expected = _expected_by_branch(result)
    drawn = 0
    for name, values, probabilities in found:
        is_chosen = name == chosen
        xs = np.concatenate([[low], values, [high]])
        ys = np.concatenate([[0.0], np.cumsum(probabilities), [1.0]]) * 100
        ys[-1] = ys[-2]
        label = ch.clean(name)
        if is_chosen:
            label = _("{name} (chosen)").format(name=label)
        if name in expected:
            label = _("{name}: {value}").format(name=label, value=expected[name])
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
    axes.set_xlabel(_("Path total{units}").format(units=_units(result)))
    axes.set_ylabel(_("Probability the path total is at most x"))
    axes.grid(True)
    axes.set_axisbelow(True)
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
    axes.set_title(note, size=ch.NOTE_SIZE, color=THEME.muted, linespacing=1.5)
    figure.legend(
        handles=list(axes.get_lines()), loc="outside lower center", ncol=min(len(found), 2)
    )
    title = _("{title}: risk profile").format(title=_title(result))
    figure.suptitle(title, size=ch.TITLE_SIZE, weight="bold")
    return figure


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
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{_N(value, 0)}%"))


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
    figure = ch.new_figure(8.0, 5.0, layout="constrained")
    axes = figure.add_subplot()
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
            color=_BAND,
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
            label=(
                _("{name} (best at the base value)").format(name=ch.clean(name))
                if is_chosen
                else ch.clean(name)
            ),
            gid="branch",
            **_style(drawn, is_chosen),
        )
        drawn += 0 if is_chosen else 1
    base = tree.variables.get(study.variable)
    if base is not None and grid[0] <= base <= grid[-1]:
        parts.marker_line(
            axes,
            base,
            _("base {value}").format(value=_N(base)),
            colour=THEME.muted,
            dashes=ch.DOTS,
            side="right",
            gid="base",
        )
    for value in study.break_even:
        label = _("break-even {value}").format(value=f"{value:.6g}")
        parts.marker_line(axes, value, label, colour=THEME.ink, width=1.0, gid="break-even")
    axes.set_xlim(float(grid[0]), float(grid[-1]))
    axes.set_xlabel(ch.clean(study.variable))
    axes.set_ylabel(
        (
            _("Certainty equivalent of the branch{units}")
            if certainty
            else _("Expected value of the branch{units}")
        ).format(units=_units(result))
    )
    axes.grid(True)
    axes.set_axisbelow(True)
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
    axes.set_title(note, size=ch.NOTE_SIZE, color=THEME.muted, linespacing=1.5)
    axes.legend(loc="best")
    title = _("{title}: sensitivity to {variable}").format(title=_title(result), variable=variable)
    figure.suptitle(title, size=ch.TITLE_SIZE, weight="bold")
    return figure


def _legend_below(figure: Figure, entries: list[tuple[str, str]]) -> None:
    """A row of boxes (colour, label) under the axes, with room made for it by the
    constrained layout."""
    from matplotlib.patches import Patch

    handles = [Patch(color=colour, label=label) for colour, label in entries]
    figure.legend(handles=handles, loc="outside lower center", ncol=len(handles))


# --- tornado ----------------------------------------------------------------------------------


def tornado_chart(result: DecisionResult, fmt: str) -> bytes:
    """The tornado of the variables' ranges as SVG, PNG or PDF bytes.

    Raises
    ------
    DomainError
        When ``result`` carries no tornado.
    """
    return ch.figure_bytes(_tornado_figure(result), fmt)


@parts.styled
def _tornado_figure(result: DecisionResult) -> Figure:
    """Build the tornado chart as a Figure (tests inspect its artists)."""
    if not result.tornado:
        raise DomainError(
            _(
                "the tornado chart needs a tornado over the variables' ranges: run mgmt "
                "decision TREE --tornado, or rollback(tree, tornado=True) in Python"
            )
        )
    rows = result.tornado
    tree = result.tree
    figure = ch.new_figure(8.0, 1.9 + 0.42 * len(rows), layout="constrained")
    axes = figure.add_subplot()
    base = rows[0].base_value
    ends = [base]
    halo = {"facecolor": "white", "edgecolor": "none", "boxstyle": "square,pad=0.1"}
    for position, row in enumerate(rows):
        sides = [
            (row.value_at_low, row.value_at_high, row.low, _LOW, "low"),
            (row.value_at_high, row.value_at_low, row.high, _HIGH, "high"),
        ]
        # the longer part first, so that a shorter one on the same side stays visible on top
        sides.sort(key=lambda side: -abs(side[0] - base))
        for value, other, setting, colour, gid in sides:
            axes.barh(
                position, value - base, left=base, height=0.62, color=colour, zorder=2, gid=gid
            )
            ends.append(value)
            # a bar end at the base value is labelled on the side away from the other end
            right = value > base or (value == base and other < base)
            axes.annotate(
                _N(setting),
                xy=(value, position),
                xytext=(3 if right else -3, 0),
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                size=8,
                color=THEME.ink,
                bbox=halo,
                zorder=5,
                gid="end-label",
            )
    labels = []
    for row in rows:
        at_base = tree.variables.get(row.variable)
        text = ch.clean(row.variable)
        labels.append(
            text
            if at_base is None
            else _("{variable} (base {value})").format(variable=text, value=_N(at_base))
        )
    axes.set_yticks(range(len(rows)), labels)
    axes.set_ylim(len(rows) - 0.4, -0.6)  # largest swing on top
    low, high = min(ends), max(ends)
    margin = 0.18 * (high - low) if high > low else max(1.0, abs(base) * 0.1)
    axes.set_xlim(low - margin, high + margin)
    parts.marker_line(
        axes,
        base,
        _("base {value}").format(value=amount(base)),
        colour=THEME.accent,
        dashes=(0, (1, 0)),
        width=1.2,
        side="above",
        gid="base",
    )
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    axes.tick_params(axis="y", length=0)
    axes.set_xlabel(_("Expected value of the tree{units}").format(units=_units(result)))
    axes.set_title(
        _(
            "Each variable over its range, the others at their base values;\n"
            "each bar ends at the tree's value with the variable at the value written there"
        ),
        size=ch.NOTE_SIZE,
        color=THEME.muted,
        linespacing=1.5,
        pad=16,
    )
    _legend_below(figure, [(_LOW, _("variable at its low value")), (_HIGH, _("at its high value"))])
    title = _("{title}: tornado").format(title=_title(result))
    figure.suptitle(title, size=ch.TITLE_SIZE, weight="bold")

    return figure
