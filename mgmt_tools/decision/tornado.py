"""The tornado chart of a decision tree (``--tornado``): a bar per variable from the tree's value
at the variable's low to its value at its high, around the base value, largest swing on top,
each bar end labelled with the variable's value there (one label, "no effect", for a variable
that changes nothing). Re-exported by :mod:`mgmt_tools.decision.charts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgmt_tools.decision.chart_frame import freeze, headed, title_of, units_of
from mgmt_tools.decision.result import DecisionResult
from mgmt_tools.decision.tree_key import amount
from mgmt_tools.errors import DomainError
from mgmt_tools.locale import _
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import THEME
from mgmt_tools.render.style import VALUE_SIZE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["tornado_chart"]

_LOW, _HIGH = ch.NEUTRAL, THEME.muted
"""Tornado bars: the part from the base value to the value at the variable's low / high."""
_ROW, _TIGHT_ROW, _ROWS_HEIGHT = 0.34, 0.18, 5.0  # inches: a tornado's rows, and all of them


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
    note = _(
        "Each variable over its range, the others at their base values;\n"
        "each bar ends at the tree's value with the variable at the value written there"
    )
    title = _("{title}: tornado").format(title=title_of(result))
    pitch = min(_ROW, max(_TIGHT_ROW, _ROWS_HEIGHT / len(rows)))  # 30 rows fit a slide
    figure = headed(1.3 + pitch * len(rows), title, note, marks=True)
    axes = figure.add_subplot()
    base = rows[0].base_value
    ends = [base]
    for position, row in enumerate(rows):
        if row.value_at_low == base and row.value_at_high == base:
            # no swing: one label for both settings (two would lie on each other)
            text = _("{low} to {high}: no effect").format(
                low=format_number(row.low), high=format_number(row.high)
            )
            axes.annotate(
                text,
                xy=(base, position),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                size=VALUE_SIZE,
                color=THEME.muted,
                bbox=parts.HALO,
                zorder=5,
                gid="end-label",
            )
            continue
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
                format_number(setting),
                xy=(value, position),
                xytext=(3 if right else -3, 0),
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                size=VALUE_SIZE,
                color=THEME.ink,
                bbox=parts.HALO,
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
            else _("{variable} (base {value})").format(variable=text, value=format_number(at_base))
        )
    axes.set_yticks(range(len(rows)), labels)
    axes.set_ylim(len(rows) - 0.4, -0.6)  # largest swing on top
    low, high = min(ends), max(ends)
    margin = 0.18 * (high - low) if high > low else max(1.0, abs(base) * 0.1)
    axes.set_xlim(low - margin, high + margin)
    parts.marker_line(
        axes, base, "", colour=THEME.accent, dashes=(0, (1, 0)), width=1.2, gid="base"
    )
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    axes.tick_params(axis="y", length=0)
    axes.set_xlabel(_("Expected value of the tree{units}").format(units=units_of(result)))
    key = [("box", _LOW, _("variable at its low value")), ("box", _HIGH, _("at its high value"))]
    parts.legend_row(figure, key, outside=True)
    freeze(figure, axes, [(base, _("base {value}").format(value=amount(base)), THEME.accent)])
    return figure
