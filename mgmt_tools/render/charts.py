"""Charts with axes (Gantt, histograms, S-curves, Pareto, tornado): the shared matplotlib layer.

Every chart is a :class:`matplotlib.figure.Figure` built with the object API on the Agg canvas,
never pyplot, so nothing global (the pyplot figure manager, the interactive backend) is touched
and figures are freed when dropped. Style goes through :func:`chart_style`, a
:func:`matplotlib.rc_context`, so the caller's rcParams are left as they were: build the figure
inside it (artists read fonts and colours when they are created) and write it with
:func:`figure_bytes` (which sets the save-time parameters itself).

- Fonts: the families of :data:`~mgmt_tools.render.dot.FONT_FAMILIES` that are installed, CJK
  first, then DejaVu Sans; matplotlib falls back glyph by glyph along the list, so Chinese labels
  render in PNG and PDF, and SVG text is drawn as paths (it shows without the fonts).
- Text is never read as mathtext (``$`` in a task name stays a dollar sign); control characters
  are dropped by :func:`clean`, the one escaping function of chart text.
- Determinism: SVG ids come from a fixed ``svg.hashsalt`` and no date is written, so the same
  figure gives the same bytes on one matplotlib version; PDF carries no creation date.

Matplotlib is imported inside the functions: importing this module costs nothing.

Examples
--------
>>> with chart_style():
...     figure = new_figure(4, 3)
...     axes = figure.add_subplot()
...     _ = axes.bar(["收集资料", "Sign $5 fee"], [3, 4], color=THEME.accent)
>>> figure_bytes(figure, "png")[:4], figure_bytes(figure, "svg")[:5]
(b'\\x89PNG', b'<?xml')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

from mgmt_tools.errors import RenderError
from mgmt_tools.render.dot import FONT_FAMILIES, THEME, wrap

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

__all__ = [
    "DASHES",
    "DOTS",
    "DPI",
    "FORMATS",
    "GRID",
    "NEUTRAL",
    "NOTE_SIZE",
    "SHADE",
    "THEME",
    "TITLE_SIZE",
    "chart_style",
    "clean",
    "date_axis",
    "distribution_axes",
    "elbow",
    "epoch",
    "figure_bytes",
    "font_families",
    "heading",
    "heading_height",
    "histogram",
    "legend_row",
    "link_arrow",
    "marker_line",
    "new_figure",
    "shade_days",
    "style",
    "text_width",
    "title_lines",
]

FORMATS = ("svg", "png", "pdf")
"""Formats :func:`figure_bytes` writes."""
DPI = 150
"""Resolution of PNG output: sharp enough to paste into a report."""
NEUTRAL = "#9AA5B1"
"""Fill of ordinary bars: a grey between the theme's line and faint colours."""
SHADE = "#ECEFF3"
"""Background of non-working days and other spans that are out of play."""
GRID = "#E4E7EB"
DASHES = (0, (4, 3))
"""Dash pattern of deadlines and other limits."""
DOTS = (0, (1.5, 1.5))
TITLE_SIZE, NOTE_SIZE = 12.0, 9.0
_HALO = {"facecolor": "white", "edgecolor": "none", "boxstyle": "square,pad=0.15"}

_SALT = "mgmt-tools"
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@functools.cache
def font_families() -> tuple[str, ...]:
    """The theme's font families that matplotlib finds, then DejaVu Sans (bundled with it).

    Families that are not installed are left out: matplotlib would warn about each of them.
    """
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    found = [family for family in FONT_FAMILIES if family in installed]
    return (*found, *(["DejaVu Sans"] if "DejaVu Sans" not in found else []))


def style() -> dict[str, Any]:
    """The rcParams of every chart: theme colours, CJK-capable fonts, deterministic output."""
    return {
        "font.family": list(font_families()),
        "font.size": 9.0,
        "text.color": THEME.ink,
        "text.parse_math": False,
        "axes.edgecolor": THEME.line,
        "axes.labelcolor": THEME.ink,
        "axes.titlesize": 11.0,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.unicode_minus": True,
        "xtick.color": THEME.line,
        "ytick.color": THEME.line,
        "xtick.labelcolor": THEME.ink,
        "ytick.labelcolor": THEME.ink,
        "grid.color": GRID,
        "grid.linewidth": 0.6,
        "legend.frameon": False,
        "legend.fontsize": 8.5,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.dpi": DPI,
        "svg.hashsalt": _SALT,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    }


@contextmanager
def chart_style() -> Iterator[None]:
    """Apply :func:`style` for the duration of the block, restoring rcParams afterwards."""
    import matplotlib

    rc: Any = style()  # matplotlib types rc keys as literals; ours are checked at run time
    with matplotlib.rc_context(rc):
        yield


def new_figure(
    width: float, height: float, *, layout: Literal["constrained"] | None = None
) -> Figure:
    """A figure of ``width`` x ``height`` inches on its own Agg canvas (no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI, layout=layout)
    FigureCanvasAgg(figure)
    return figure


_METADATA: dict[str, dict[str, Any]] = {
    "svg": {"Date": None},
    "pdf": {"CreationDate": None},
    "png": {},
}


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """Write ``figure`` as SVG, PNG or PDF; SVG and PDF are deterministic (no date, fixed ids)."""
    import io

    import matplotlib

    if fmt not in FORMATS:
        raise RenderError(f"a chart is written as {', '.join(FORMATS)}, not '{fmt}'")
    buffer = io.BytesIO()
    rc: Any = style()
    with matplotlib.rc_context(rc):
        figure.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
    return buffer.getvalue()


def clean(text: object) -> str:
    """Chart text: control characters and lone surrogates dropped, tabs as spaces.

    Math parsing is off in :func:`style`, so ``$`` and ``\\`` need no escaping.

    >>> clean("Pay $5\\tfee\\x00")
    'Pay $5 fee'
    """
    return _FORBIDDEN.sub("", str(text).replace("\t", " "))


def text_width(figure: Figure, lines: Sequence[str], size: float) -> float:
    """Width in inches of the widest of ``lines`` at ``size`` points in the chart fonts."""
    from matplotlib.font_manager import FontProperties

    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    props = FontProperties(family=list(font_families()), size=size)
    widest = 0.0
    for line in lines:
        if line:
            width, _, _ = renderer.get_text_width_height_descent(line, props, ismath=False)
            widest = max(widest, float(width))
    return widest / figure.dpi


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


def date_axis(axes: Axes, days: float) -> None:
    """Readable date ticks for an axis spanning ``days`` days: Mondays up to four months
    (day ticks between them up to ten weeks), matplotlib's concise dates beyond."""
    from matplotlib import dates as mdates

    if days <= 120:
        weeks = 1 if days <= 70 else 2
        mondays = mdates.WeekdayLocator(byweekday=mdates.MO, interval=weeks)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(mondays)
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
        if days <= 70:
            axes.xaxis.set_minor_locator(mdates.DayLocator())  # type: ignore[no-untyped-call]
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        concise = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_formatter(concise)


def epoch() -> np.datetime64:
    """Day 0 of matplotlib's date numbers, as a ``numpy.datetime64`` day."""
    import numpy as np
    from matplotlib import dates as mdates

    day: str = mdates.get_epoch()  # type: ignore[no-untyped-call]
    return np.datetime64(day, "D")


def shade_days(axes: Axes, first: int, off: Sequence[bool] | Any) -> int:
    """Shade each run of days flagged in ``off`` (day ``first + i`` for flag ``i``, in
    matplotlib date numbers) behind the data; returns the number of shaded spans."""
    import numpy as np

    flags = np.asarray(off, dtype=bool)
    edges = np.diff(np.concatenate(([False], flags, [False])).astype(np.int8))
    begins, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    for begin, end in zip(begins.tolist(), ends.tolist(), strict=True):
        axes.axvspan(
            first + begin, first + end, color=SHADE, linewidth=0, zorder=0, gid="nonworking"
        )
    return len(begins)


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
    figure: Figure, entries: Sequence[tuple[str, str, str]], bottom: float = 0.06
) -> None:
    """One row of legend entries at the foot of ``figure``, ``bottom`` inches up. Each entry
    is (kind, colour, label), kind "box", "stroke" (a thick line), "dashed" or "diamond"."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Patch | Line2D] = []
    for kind, colour, label in entries:
        if kind == "box":
            handles.append(Patch(color=colour, label=label))
        elif kind == "diamond":
            handles.append(Line2D([], [], linestyle="none", marker="D", color=colour, label=label))
        else:
            style = {"linewidth": 3.0} if kind == "stroke" else {"linestyle": DASHES}
            handles.append(Line2D([], [], color=colour, label=label, **style))
    anchor = (0.5, bottom / figure.get_size_inches()[1])
    figure.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=anchor,
        ncol=len(handles),
        handlelength=1.6,
        columnspacing=1.5,
    )


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
    place: dict[str, Any] = {"rotation": 90, "va": "top", "bbox": _HALO}
    if side == "above":
        place = {"rotation": 0, "va": "bottom", "ha": "right", "xytext": (-3, lift)}
    else:
        place |= {"ha": "right", "xytext": (-2, -3)} if side == "left" else {"xytext": (2, -3)}
    axes.annotate(
        label,
        xy=(x, 1.0),
        xycoords=("data", "axes fraction"),
        textcoords="offset points",
        size=8,
        color=colour,
        zorder=5,
        **{"ha": "left", **place},
    )


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
