"""The Pareto chart (matplotlib): bars in Pareto order with their counts on top, the cumulative
percent line on a right-hand 0-100 % axis, the cutoff line, the vital few in the accent colour
and "Other" last in grey. A stratified analysis (``--by``) draws one panel per stratum, with the
categories in the shared order and one count scale for all panels (as Minitab's by-variable).

Charts show at most :data:`MAX_BARS` bars (the rest drawn as one grey bar, with a note) and
:data:`MAX_PANELS` strata; the numbers are never cut (the JSON has them all).

>>> from mgmt_tools.pareto import analyse
>>> pareto_chart(analyse(["排队时间长", "Rates"], [12, 5]), "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools.locale import _, listed
from mgmt_tools.pareto.result import ParetoResult, measure_text
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import display_width, format_number, truncate
from mgmt_tools.render.dot import THEME, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["BAR", "MAX_BARS", "MAX_PANELS", "pareto_chart"]

BAR = "#52708F"
"""Fill of the bars beyond the vital few."""
MAX_BARS = 40
MAX_PANELS = 12
_LINE = THEME.ink


def pareto_chart(result: ParetoResult, fmt: str) -> bytes:
    """The Pareto chart (one panel, or one per stratum) as SVG, PNG or PDF."""
    names, tail = _drawn_names(result)
    strata = result.strata[:MAX_PANELS]
    panels: list[tuple[str | None, Any, int]] = (
        [(f"{s.name}  (n = {format_number(s.total)})", s.counts, s.vital) for s in strata]
        if strata
        else [(None, result.counts, result.vital)]
    )
    count = len(names)
    labels = [ch.clean(truncate(name, 26)) for name in names]
    widest = max((display_width(label) for label in labels), default=0)
    rotate = count > 6 or widest > (12 if len(panels) == 1 else 7)
    columns = 1 if len(panels) == 1 else min(3 if count <= 8 else 2, len(panels))
    rows = math.ceil(len(panels) / columns)
    panel_width = max(3.6, 0.42 * count + 1.4) if columns > 1 else max(6.0, 0.62 * count + 2.2)
    panel_height = 3.6 if rotate else 3.0
    left = 1.5 if rotate else 0.7  # a rotated first label reaches left of its bar
    width = min(panel_width * columns + left - 0.3, 18.0)
    notes = _notes(result, tail, len(result.strata) - len(strata), width)
    measure = measure_text(result.measure)
    title = parts.title_lines(
        result.title or _("Pareto chart of {measure}").format(measure=measure), width
    )
    top = parts.heading_height(title, notes)
    height = top + rows * panel_height + 0.45
    peak = (
        max(float(np.max(counts)) if len(counts) else 0.0 for _name, counts, _vital in panels)
        or 1.0
    )
    with ch.chart_style():
        figure = ch.new_figure(width, height)
        grid = figure.add_gridspec(
            rows,
            columns,
            left=left / width,
            right=1 - 0.75 / width,
            top=1 - (top + 0.25) / height,
            bottom=(1.3 if rotate else 0.55) / height,
            hspace=0.9 if rotate else 0.55,
            wspace=0.55,
        )
        for index, (name, counts, vital) in enumerate(panels):
            axes = figure.add_subplot(grid[index // columns, index % columns])
            values = _drawn_values(counts, count, tail)
            _panel(
                axes, labels, values, vital, result, peak, rotate, name, result.other or tail > 0
            )
            if index % columns == 0:
                axes.set_ylabel(ch.clean(measure))
        parts.heading(figure, title, notes, left=0.25)
        return ch.figure_bytes(figure, fmt)


def _drawn_names(result: ParetoResult) -> tuple[list[str], int]:
    """Names of the bars drawn, and how many items the last grey bar stands for (0: none)."""
    names = result.shown_names()
    if len(names) <= MAX_BARS:
        return names, 0
    tail = len(names) - (MAX_BARS - 1)
    return [*names[: MAX_BARS - 1], _("{count} more").format(count=tail)], tail


def _drawn_values(counts: Any, count: int, tail: int) -> list[float]:
    values = [float(v) for v in counts]
    if tail:
        return [*values[: count - 1], sum(values[count - 1 :])]
    return values


def _notes(result: ParetoResult, tail: int, hidden: int, width: float) -> list[str]:
    import textwrap

    total = format_number(result.total)
    vital = listed([truncate(name, 30) for name in result.shown_names()[: min(result.vital, 6)]])
    if result.vital > 6:
        vital = _("{listed} and {count} more").format(listed=vital, count=result.vital - 6)
    text = _(
        "total {total}; the vital few ({vital} of {count}, in red) reach "
        "the {cutoff}% cutoff: {names}"
    ).format(
        total=total,
        vital=result.vital,
        count=len(result.names),
        cutoff=format_number(result.cutoff),
        names=vital,
    )
    columns = max(int((width - 0.5) * 72 / (ch.NOTE_SIZE * 0.55)), 30)
    if display_width(text) == len(text):
        notes = textwrap.wrap(text, columns, max_lines=2, placeholder=" …")
    else:  # wide (CJK) characters take two columns
        notes = wrap(text, columns, max_lines=2, note=True)  # closing marks kept off line starts
    if tail:
        notes.append(
            _("the last {count} items are drawn as one bar; the JSON has them all").format(
                count=tail
            )
        )
    if hidden:
        notes.append(_("{count} more strata not drawn; the JSON has them all").format(count=hidden))
    return [ch.clean(note, note=True) for note in notes]


def _panel(
    axes: Axes,
    labels: list[str],
    values: list[float],
    vital: int,
    result: ParetoResult,
    peak: float,
    rotate: bool,
    name: str | None,
    grey_last: bool,
) -> None:
    positions = np.arange(len(values))
    colours = [THEME.accent if position < vital else BAR for position in range(len(values))]
    if grey_last and len(values) > vital:
        colours[-1] = ch.NEUTRAL  # "Other", or the bar standing for the items not drawn
    axes.bar(positions, values, color=colours, width=0.72, zorder=2)
    for position, value in zip(positions, values, strict=True):
        axes.text(
            float(position),
            value + 0.012 * peak,
            format_number(value, 2),
            ha="center",
            va="bottom",
            fontsize=7.5,
            color=THEME.ink,
        )
    axes.set_ylim(0, peak * 1.12)
    if all(float(value).is_integer() for value in values):
        from matplotlib.ticker import MaxNLocator

        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(-0.6, len(values) - 0.4)
    axes.set_xticks(
        positions, labels, rotation=40 if rotate else 0, ha="right" if rotate else "center"
    )
    axes.tick_params(axis="x", length=0)
    axes.grid(axis="y", zorder=0)
    axes.set_axisbelow(True)
    curve = axes.twinx()
    curve.spines["right"].set_visible(True)
    total = sum(values)
    if total > 0:
        cumulative = np.cumsum(values) / total * 100.0
        curve.plot(positions, cumulative, color=_LINE, marker="o", markersize=3.5, linewidth=1.4)
    curve.axhline(result.cutoff, color=THEME.accent, linestyle=ch.DASHES, linewidth=1.0)
    curve.text(
        len(values) - 0.45,
        result.cutoff + 1.5,
        _("{cutoff}%").format(cutoff=format_number(result.cutoff)),
        ha="right",
        va="bottom",
        fontsize=7.5,
        color=THEME.accent,
    )
    curve.set_ylim(0, 112)
    curve.set_yticks([0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"])
    if name is not None:
        axes.set_title(ch.clean(truncate(name, 50)), loc="left", fontsize=9.5)
