"""One panel of the Pareto chart, drawn as Minitab and Juran draw it: the count axis runs from 0
to the panel's total and the cumulative percent axis from 0 to 100 % over the same height, so
100 % sits at the total and the cumulative line ends in the top right corner; under the bars the
category names (wrapped, never cut short) and the table of Count, Percent and Cum % per bar.

The vital few of a panel are its own (the stratum's ``positions``, from the engine's rule in
:mod:`mgmt_tools.pareto.analysis`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from mgmt_tools.locale import _
from mgmt_tools.render import charts as ch
from mgmt_tools.render import display_width, format_number
from mgmt_tools.render.dot import wrap
from mgmt_tools.render.style import DASHES, NEUTRAL, THEME, VITAL

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["BAR", "FONT", "Names", "draw_panel", "fold_names"]

BAR = "#52708F"
"""Fill of the bars beyond the vital few."""
FONT = 7.5
"""Points of the names, the table and the axis numbers."""
ROW = FONT * 1.5 / 72
"""Inches of one table row."""
_LINE = THEME.ink


@dataclass(frozen=True)
class Names:
    """The category names folded to fit their columns: the lines of each, whether they are
    turned (read bottom to top), and the height in inches they take under the bars."""

    lines: list[list[str]]
    turned: bool
    height: float


def fold_names(figure: Figure, labels: Sequence[str], column: float) -> Names:
    """Fold ``labels`` into columns ``column`` inches wide: level in up to four lines when
    each fits, else turned and in as many lines as the column holds (at most 3), each line as
    long as the longest name needs. Chinese names break between characters."""
    room = int(column * 72 / (FONT * 0.5))  # display columns across a column, at most
    while room >= 6:
        level = [_balanced(label, room) for label in labels]
        whole = all(_whole(lines, label) for lines, label in zip(level, labels, strict=True))
        if not whole:
            break
        widest = ch.text_width(figure, [line for lines in level for line in lines], FONT)
        if widest <= column - 4 / 72:
            rows = max((len(lines) for lines in level), default=1)
            return Names(level, False, rows * FONT * 1.3 / 72 + 0.06)
        room -= 1
    fits = max(min(int(column * 72 / (FONT * 1.2)), 3), 1)
    longest = max((display_width(label) for label in labels), default=1)
    turned = [
        _turned(label, fits, min(max(16, math.ceil(longest / fits) + 2), 40)) for label in labels
    ]
    height = ch.text_width(figure, [line for lines in turned for line in lines], FONT)
    return Names(turned, True, height + 0.1)


def _turned(label: str, fits: int, width: int) -> list[str]:
    """``label`` in at most ``fits`` lines of ``width`` columns, or wider ones until it fits
    whole (up to 80 columns)."""
    for wider in range(width, 81, 2):
        lines = wrap(label, wider, max_lines=fits)
        if _whole(lines, label):
            return lines
    return wrap(label, 80, max_lines=fits)


def _balanced(label: str, room: int) -> list[str]:
    """``label`` in as few lines of at most ``room`` columns as it needs (at most 4), the lines
    as even as they can be (no lone last character)."""
    lines = wrap(label, room, max_lines=4)
    need = max(math.ceil(display_width(label) / len(lines)), 1)
    for width in range(need, room):
        even = wrap(label, width, max_lines=4)
        if len(even) <= len(lines) and _whole(even, label):
            return even
    return lines


def _whole(lines: list[str], label: str) -> bool:
    """Whether the folded ``lines`` still hold all of ``label``, nothing cut and no word of
    Latin letters split (Chinese breaks between characters)."""
    joined = "".join("".join(lines).split())
    if joined != "".join(label.split()) or joined.endswith("…"):
        return False
    kept = {word for line in lines for word in line.split()}
    return all(word in kept for word in label.split() if display_width(word) == len(word))


def table_height(names: Names) -> float:
    """Inches under a panel's axes: the names, then the three table rows."""
    return names.height + 3 * ROW + 0.08


def draw_panel(
    axes: Axes,
    values: list[float],
    vital: frozenset[int],
    grey_last: bool,
    names: Names,
    cutoff: float,
    decimals: int,
    row_names: bool = True,
    count_name: str | None = None,
) -> Axes:
    """Bars, the cumulative line on the right axis, the cutoff line, names and the table.
    Returns the right (percent) axes."""
    import numpy as np
    from matplotlib import transforms
    from matplotlib.ticker import MaxNLocator

    count = len(values)
    positions = np.arange(count)
    colours = [VITAL if position in vital else BAR for position in range(count)]
    if grey_last and count - 1 not in vital:
        colours[-1] = NEUTRAL  # "Other", or the bar standing for the items not drawn
    axes.bar(positions, values, color=colours, width=0.72, zorder=2)
    total = float(sum(values)) or 1.0
    axes.set_xlim(-0.5, count - 0.5)
    axes.set_ylim(0, total)
    ticks = [t for t in MaxNLocator(nbins=5, integer=True).tick_values(0, total) if t <= total]
    ticks = [t for t in ticks if t < total * 0.9] + [total]
    places = 0 if total >= 100 else 2
    axes.set_yticks(ticks, [format_number(t, places) for t in ticks], fontsize=FONT)
    axes.set_xticks([])
    axes.grid(axis="y", zorder=0)
    axes.set_axisbelow(True)
    curve = axes.twinx()
    curve.spines["right"].set_visible(True)
    cumulative = np.cumsum(values) / total * 100.0
    edges = [-0.5, *(positions + 0.5)]  # Juran: each point at the right edge of its bar
    curve.plot(edges, [0.0, *cumulative], color=_LINE, marker="o", markersize=3, linewidth=1.3)
    curve.axhline(cutoff, color=VITAL, linestyle=DASHES, linewidth=1.0)
    curve.text(
        count - 0.55,
        cutoff + 1.5,
        _("{cutoff}%").format(cutoff=format_number(cutoff)),
        ha="right",
        va="bottom",
        fontsize=FONT,
        color=VITAL,
    )
    curve.set_ylim(0, 100)
    curve.set_yticks(
        [0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"], fontsize=FONT
    )
    figure = cast("Figure", axes.figure)
    under = transforms.blended_transform_factory(axes.transData, axes.transAxes)

    def below(points: float) -> Any:
        return transforms.offset_copy(under, figure, y=-points, units="points")

    rotation = 90 if names.turned else 0
    for position, lines in enumerate(names.lines):
        axes.text(
            float(position),
            0,
            "\n".join(lines),
            transform=below(3),
            ha="center",
            va="top",
            rotation=rotation,
            fontsize=FONT,
            linespacing=1.15,
            multialignment="right" if names.turned else "center",
        )
    count_label, count_cells = _count_row(figure, values, count_name, axes.bbox.width)
    rows = [
        (count_label, count_cells),
        (_("Percent"), [_percent(v / total * 100.0, decimals) for v in values]),
        (_("Cum %"), [_percent(v, decimals) for v in cumulative]),
    ]
    top = names.height * 72 + 2
    for index, (label, cells) in enumerate(rows):
        place = below(top + (index + 0.5) * ROW * 72)
        kwargs: dict[str, Any] = {"va": "center", "fontsize": FONT, "transform": place}
        shift = transforms.offset_copy(place, figure, x=-6, units="points")
        if row_names:
            axes.text(
                -0.5, 0, label, ha="right", color=THEME.muted, **{**kwargs, "transform": shift}
            )
        for position, cell in enumerate(cells):
            axes.text(float(position), 0, cell, ha="center", **kwargs)
    return curve


def _count_row(
    figure: Figure, values: list[float], name: str | None, pixels: float
) -> tuple[str, list[str]]:
    """The first row of the table: its name (``name``, default "Count") and the counts, with
    fewer decimals, then in thousands or millions (said in the name) until each fits its
    column of the panel ``pixels`` wide."""
    label = name or _("Count")
    room = pixels / figure.dpi / max(len(values), 1) - 3 / 72
    choices = [
        (label, [format_number(v, 2) for v in values]),
        (label, [format_number(v, 0) for v in values]),
        (
            _("{measure} (thousands)").format(measure=label),
            [format_number(v / 1e3, 1 if max(values) < 1e4 else 0) for v in values],
        ),
        (
            _("{measure} (millions)").format(measure=label),
            [format_number(v / 1e6, 1 if max(values) < 1e7 else 0) for v in values],
        ),
    ]
    for choice in choices:
        if ch.text_width(figure, choice[1], FONT) <= room:
            return choice
    return choices[-1]


def _percent(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"
