"""Drawing helpers the charts share: the style a chart's figure is built under (:func:`styled`),
orthogonal link routes and their arrows, marker lines
(deadlines, quantiles), the heading and the legend row, and the axes and bars of a distribution
(histogram and S-curve). Date axes and non-working-day shading are in
:mod:`mgmt_tools.render.chart_dates`.

Each helper draws on a figure or axes built under :func:`~mgmt_tools.render.charts.chart_style`
(:mod:`mgmt_tools.render.charts` holds the style, fonts and output); chart text goes through
:func:`~mgmt_tools.render.charts.clean` first. Matplotlib and numpy are imported inside the
functions: importing this module costs nothing.

Examples
--------
>>> title_lines("Supply-chain finance onboarding", 8.0)
['Supply-chain finance onboarding']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from mgmt_tools.render.charts import (
    DASHES,
    DOTS,
    NEUTRAL,
    NOTE_SIZE,
    TITLE_SIZE,
    chart_style,
    clean,
)
from mgmt_tools.render.dot import THEME, wrap
from mgmt_tools.render.style import VALUE_SIZE

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

__all__ = [
    "HALO",
    "distribution_axes",
    "elbow",
    "framed",
    "heading",
    "heading_height",
    "histogram",
    "legend_row",
    "link_arrow",
    "marker_labels",
    "marker_line",
    "note_columns",
    "styled",
    "summary_outline",
    "title_lines",
]

HALO: dict[str, Any] = {
    "facecolor": THEME.background,
    "edgecolor": "none",
    "boxstyle": "square,pad=0.1",
}
"""The ``bbox`` of a value label written over lines or bars: the background, no edge, so the
label stays legible where a grid line or a bar end runs under it."""


def styled(build: Callable[..., Figure]) -> Callable[..., Figure]:
    """Make ``build``, which draws a chart of a result (and keyword options), draw it under
    :func:`~mgmt_tools.render.charts.chart_style` (rcParams are restored afterwards), so that
    every chart's ``_..._figure`` that the tests inspect looks like the chart written out."""

    @functools.wraps(build)
    def build_styled(result: Any, **options: Any) -> Figure:
        with chart_style():
            return build(result, **options)

    return build_styled


def elbow(
    start: tuple[float, float],
    leave: int,
    end: tuple[float, float],
    enter: int,
    stub: float,
    *,
    landing: tuple[float, float] | None = None,
    half: float = 0.25,
    gap: float = 0.5,
) -> list[tuple[float, float]]:
    """An orthogonal route between two bar ends, as scheduling software draws links.

    The route leaves ``start`` horizontally (``leave`` +1: to the right, -1: to the left), turns
    to the row of ``end`` and enters ``end`` horizontally from the side ``enter`` says (-1: from
    the left, pointing right; +1: from the right, pointing left), each straight part at least
    ``stub`` long. When that side cannot be reached straight away, the route drops onto the top
    (or bottom) edge of the target bar, ``half`` a row from its centre, if it can turn inside
    ``landing`` (the x range of that bar); otherwise it runs along the gap between the rows
    (``gap`` before the row of ``end``) and comes back round.

    >>> elbow((0, 0), 1, (5, 1), -1, 0.2)
    [(0, 0), (0.2, 0), (0.2, 1), (5, 1)]
    >>> elbow((3, 0), 1, (3, 1), -1, 0.2, landing=(3, 6))
    [(3, 0), (3.2, 0), (3.2, 0.75)]
    >>> elbow((4, 0), 1, (3, 2), -1, 0.2)
    [(4, 0), (4.2, 0), (4.2, 1.5), (2.8, 1.5), (2.8, 2), (3, 2)]
    """
    (x0, y0), (x1, y1) = start, end
    if leave == enter:  # both ends on the same side: turn beyond the outer one
        turn = max(x0, x1) + stub if leave > 0 else min(x0, x1) - stub
        return [(x0, y0), (turn, y0), (turn, y1), (x1, y1)]
    turn = x0 + leave * stub
    if enter * (turn - x1) >= stub / 2:
        return [(x0, y0), (turn, y0), (turn, y1), (x1, y1)]
    edge = y1 - half if y1 > y0 else y1 + half
    if landing is not None:
        low, high = landing
        drop = min(max(turn, low), high)
        if leave * (drop - x0) >= 0:
            return [(x0, y0), *([(drop, y0)] if drop != x0 else []), (drop, edge)]
    between = y1 - gap if y1 >= y0 else y1 + gap
    back = x1 + enter * stub
    return [(x0, y0), (turn, y0), (turn, between), (back, between), (back, y1), (x1, y1)]


def link_arrow(
    axes: Axes,
    route: Sequence[tuple[float, float]],
    *,
    color: str,
    width: float,
    zorder: float = 3.0,
) -> FancyArrowPatch:
    """Draw ``route`` (data coordinates) as a polyline ending in an arrowhead."""
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    arrow = FancyArrowPatch(
        path=Path(list(route)),
        arrowstyle=f"-|>,head_length={2.2 + width * 1.4:.2f},head_width={1.2 + width * 0.8:.2f}",
        color=color,
        linewidth=width,
        joinstyle="miter",
        capstyle="butt",
        zorder=zorder,
        gid="link",
    )
    axes.add_patch(arrow)
    return arrow


def title_lines(title: str, width: float) -> list[str]:
    """``title`` folded to at most two lines across a figure ``width`` inches wide."""
    return wrap(clean(title), max(int((width - 0.6) * 72 / (TITLE_SIZE * 0.62)), 20), 2)


def heading_height(title: Sequence[str], notes: Sequence[str], top: float = 0.18) -> float:
    """Inches :func:`heading` takes at the top of a figure."""
    return top + 0.22 * len(title) + 0.19 * len(notes)


def note_columns(width: float) -> int:
    """Display columns of a line of notes under a title, across a figure ``width`` inches wide
    (the rule every chart's notes are folded by; at least 30).

    >>> note_columns(8.0)
    107
    """
    return max(int((width - 0.6) * 72 / (NOTE_SIZE * 0.55)), 30)


def framed(
    figure: Figure,
    title: str,
    notes: Sequence[str],
    body: float,
    *,
    gap: float = 0.1,
    left: float = 0.25,
) -> None:
    """The frame of a chart drawn under the constrained layout: ``figure`` (keeping its width)
    made as tall as its :func:`heading` (``title`` in at most two lines, each of ``notes``
    folded to :func:`note_columns`, at most four lines), ``gap`` inches and ``body`` inches
    for the layout to fill, whose room is set to the part under the heading."""
    width = float(figure.get_size_inches()[0])
    lines = title_lines(title, width)
    columns = note_columns(width)
    rows = [
        folded for line in notes for folded in wrap(clean(line, note=True), columns, 4, note=True)
    ]
    top = heading_height(lines, rows) + gap
    height = top + body
    figure.set_size_inches(width, height)
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0, 0, 1, 1 - top / height))  # type: ignore[call-arg]
    heading(figure, lines, rows, left=left)


def heading(
    figure: Figure, title: Sequence[str], notes: Sequence[str], *, left: float = 0.3
) -> None:
    """The title (bold) and notes (muted) at the top left, ``left`` inches in."""
    width, height = figure.get_size_inches()
    y = 1 - 0.18 / height
    kwargs: dict[str, Any] = {"ha": "left", "va": "top", "linespacing": 1.35}
    figure.text(left / width, y, "\n".join(title), size=TITLE_SIZE, weight="bold", **kwargs)
    if notes:
        y -= 0.22 * len(title) / height
        figure.text(left / width, y, "\n".join(notes), size=NOTE_SIZE, color=THEME.muted, **kwargs)


def legend_row(
    figure: Figure,
    entries: Sequence[tuple[str, str, str]],
    bottom: float = 0.06,
    *,
    outside: bool = False,
) -> None:
    """One row of legend entries at the foot of ``figure``, ``bottom`` inches up (``outside``:
    under the axes, in room the constrained layout makes for it). Each entry is (kind, colour,
    label), kind "box", "stroke" (a thick line), "dashed", "dotted", "diamond" or "summary" (a
    summary bar, :func:`summary_outline`)."""
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Polygon

    handles: list[Patch | Line2D] = []
    handler_map: dict[Any, Any] = {}
    for kind, colour, label in entries:
        if kind == "box":
            handles.append(Patch(color=colour, label=label))
        elif kind == "diamond":
            handles.append(Line2D([], [], linestyle="none", marker="D", color=colour, label=label))
        elif kind == "summary":
            shape = Polygon([(0, 0)] * 3, color=colour, linewidth=0, label=label)
            handles.append(shape)
            handler_map[shape] = HandlerPatch(patch_func=_summary_handle)
        else:
            style: dict[str, Any] = {"linewidth": 3.0} if kind == "stroke" else {}
            if kind == "dashed":
                style = {"linestyle": DASHES}
            elif kind == "dotted":
                style = {"linestyle": DOTS, "linewidth": 1.4}
            handles.append(Line2D([], [], color=colour, label=label, **style))
    place: dict[str, Any] = {"loc": "outside lower center"}
    if not outside:
        place = {
            "loc": "lower center",
            "bbox_to_anchor": (0.5, bottom / figure.get_size_inches()[1]),
        }
    figure.legend(
        handles=handles,
        handler_map=handler_map,
        **place,
        ncol=len(handles),
        handlelength=1.6,
        columnspacing=1.5,
    )


def _summary_handle(
    legend: Any,
    orig_handle: Any,
    xdescent: float,
    ydescent: float,
    width: float,
    height: float,
    fontsize: float,
) -> Any:
    """A summary bar filling a legend handle box (whose y grows upwards)."""
    from matplotlib.patches import Polygon

    left, low = -xdescent, -ydescent
    top, bottom = low + 0.85 * height, low + 0.45 * height
    return Polygon(summary_outline(left, left + width, top, bottom, low, 0.4 * height))


def summary_outline(
    left: float, right: float, top: float, bottom: float, tip: float, cap: float
) -> list[tuple[float, float]]:
    """The outline of a summary bar, as scheduling software draws a group of tasks: a bar from
    ``left`` to ``right`` between ``top`` and ``bottom``, each end pointing on to ``tip``
    beyond ``bottom`` (a cap ``cap`` wide, at most half the bar).

    >>> summary_outline(0, 10, 0.9, 1.1, 1.3, 0.5)
    [(0, 0.9), (10, 0.9), (10, 1.3), (9.5, 1.1), (0.5, 1.1), (0, 1.3)]
    """
    cap = min(cap, (right - left) / 2)
    return [
        (left, top),
        (right, top),
        (right, tip),
        (right - cap, bottom),
        (left + cap, bottom),
        (left, tip),
    ]


def marker_line(
    axes: Axes,
    x: float,
    label: str,
    *,
    colour: str,
    dashes: tuple[float, tuple[float, float]] = DASHES,
    width: float = 1.1,
    side: str = "left",
    lift: float = 3.0,
    gid: str,
) -> None:
    """A vertical line at ``x`` across ``axes``, its ``label`` written up along it at the top
    (on its ``side``), or above the axes, level and ending at the line, with ``side="above"``
    (``lift`` points up)."""
    axes.axvline(x, color=colour, linewidth=width, linestyle=dashes, zorder=4, gid=gid)
    if not label:
        return
    place: dict[str, Any] = {"rotation": 90, "va": "top", "bbox": HALO}
    if side == "above":
        place = {"rotation": 0, "va": "bottom", "ha": "right", "xytext": (-3, lift)}
    else:
        place |= {"ha": "right", "xytext": (-2, -3)} if side == "left" else {"xytext": (2, -3)}
    axes.annotate(
        label,
        xy=(x, 1.0),
        xycoords=("data", "axes fraction"),
        textcoords="offset points",
        size=VALUE_SIZE,
        color=colour,
        zorder=5,
        **{"ha": "left", **place},
    )


def marker_labels(
    axes: Axes, marks: Sequence[tuple[float, str, str]], *, lift: float = 9.0, gap: float = 6.0
) -> list[Any]:
    """Labels of marker lines (:func:`marker_line` drawn with no label) in a row above
    ``axes``, clear of the data: each ``(x, text, colour)`` is written level, ``lift`` points
    over the top of the axes, moved sideways as little as keeps the labels ``gap`` points
    apart and within the figure, and joined to its line by a thin leader. Set the axes'
    position and limits first, on a figure with no layout engine: the labels are measured
    as drawn. Returns the texts."""
    figure = axes.get_figure()
    assert figure is not None
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    scale = figure.dpi / 72
    ordered = sorted(marks, key=lambda mark: mark[0])
    texts: list[Any] = []
    for x, words, colour in ordered:
        texts.append(
            axes.annotate(
                clean(words),
                xy=(x, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, lift),
                textcoords="offset points",
                ha="center",
                va="bottom",
                size=NOTE_SIZE,
                color=colour,
                annotation_clip=False,
                zorder=5,
            )
        )
    if not texts:
        return texts
    widths = [float(text.get_window_extent(renderer).width) for text in texts]
    centres = [float(axes.transData.transform((x, 0))[0]) for x, _words, _colour in ordered]
    space = gap * scale
    lefts = [centre - width / 2 for centre, width in zip(centres, widths, strict=True)]
    for index in range(1, len(lefts)):
        lefts[index] = max(lefts[index], lefts[index - 1] + widths[index - 1] + space)
    right = float(figure.bbox.width) - 4 * scale
    lefts[-1] = min(lefts[-1], right - widths[-1])
    for index in range(len(lefts) - 2, -1, -1):
        lefts[index] = min(lefts[index], lefts[index + 1] - widths[index] - space)
    low = 4 * scale
    if lefts[0] < low:  # too many to fit: keep them in the figure, from the left
        lefts[0] = low
        for index in range(1, len(lefts)):
            lefts[index] = max(lefts[index], lefts[index - 1] + widths[index - 1] + space)
    from matplotlib.lines import Line2D

    size = figure.bbox.width, figure.bbox.height
    top = float(axes.transAxes.transform((0, 1))[1])
    for label, left, width, centre, mark in zip(
        texts, lefts, widths, centres, ordered, strict=True
    ):
        label.xyann = ((left + width / 2 - centre) / scale, lift)
        # the leader, from the line's top to the label's foot (figure coordinates: the
        # figure has no layout engine to move the axes after this)
        xs = [centre / size[0], (left + width / 2) / size[0]]
        ys = [top / size[1], (top + (lift - 1) * scale) / size[1]]
        leader = Line2D(xs, ys, color=mark[2], linewidth=0.7, transform=figure.transFigure)
        figure.add_artist(leader)
    return texts


def distribution_axes(figure: Figure, share: str, cumulative: str) -> tuple[Axes, Axes]:
    """Axes for a distribution: shares on the left (a histogram, labelled ``share``), and a
    twin 0-100 % axis on the right for the cumulative curve (labelled ``cumulative``)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from mgmt_tools.render import format_number

    axes = figure.add_subplot()
    curve = axes.twinx()
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    percent = FuncFormatter(lambda value, _: f"{format_number(value, 2)}%")
    for side, label in ((axes, share), (curve, cumulative)):
        side.yaxis.set_major_formatter(percent)
        side.set_ylabel(label)
    curve.set_ylim(0, 100)
    curve.spines["right"].set_visible(True)
    axes.grid(axis="y")
    axes.set_axisbelow(True)
    return axes, curve


def histogram(axes: Axes, curve: Axes, values: Any, max_bins: int = 60) -> tuple[float, float]:
    """The histogram of ``values`` in percent of them on ``axes`` and their empirical
    cumulative distribution (the S-curve) on ``curve``; returns the range of the bins."""
    import numpy as np

    data = np.asarray(values, dtype=np.float64)
    edges = np.histogram_bin_edges(data, bins="auto")
    counts, edges = np.histogram(data, bins=edges if len(edges) <= max_bins + 1 else max_bins)
    widths = np.diff(edges) * 0.9
    axes.bar(edges[:-1], counts / len(data) * 100, widths, align="edge", color=NEUTRAL, zorder=2)
    levels = np.linspace(0.0, 1.0, 401)  # the curve through 401 quantiles, whatever the count
    quantiles = np.quantile(data, levels)
    curve.plot(quantiles, levels * 100, color=THEME.ink, linewidth=1.6, zorder=3, gid="s-curve")
    return float(edges[0]), float(edges[-1])
