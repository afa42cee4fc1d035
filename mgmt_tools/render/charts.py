"""Charts with axes (Gantt, histograms, S-curves, Pareto, tornado): the core of the shared
matplotlib layer (style, fonts, figures, deterministic output, chart text).

Every chart is a :class:`matplotlib.figure.Figure` built with the object API on the Agg canvas,
never pyplot, so nothing global (the pyplot figure manager, the interactive backend) is touched
and figures are freed when dropped. Style goes through :func:`chart_style`, a
:func:`matplotlib.rc_context`, so the caller's rcParams are left as they were: build the figure
inside it (artists read fonts and colours when they are created) and write it with
:func:`figure_bytes` (which sets the save-time parameters itself). The drawing helpers charts
share (link routes, date axes, shading, marker lines, headings, legends, histograms) are in
:mod:`mgmt_tools.render.chart_parts`.

- Style: colours, sizes and fonts come from :mod:`mgmt_tools.render.style`.
- Fonts: the families of :data:`~mgmt_tools.render.style.FONT_FAMILIES` that are installed, CJK
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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

from mgmt_tools.errors import RenderError
from mgmt_tools.locale import _
from mgmt_tools.render import geometry, shorten, strip_forbidden
from mgmt_tools.render.style import (
    DASHES,
    DOTS,
    DPI,
    FONT_FAMILIES,
    GRID,
    NEUTRAL,
    NOTE_SIZE,
    SHADE,
    THEME,
    TITLE_SIZE,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
    "figure_bytes",
    "font_families",
    "new_figure",
    "style",
    "text_width",
]

FORMATS = ("svg", "png", "pdf")
"""Formats :func:`figure_bytes` writes."""

_SALT = "mgmt-tools"


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
        raise RenderError(
            _("a chart is written as {known}, not '{format}'").format(
                known=", ".join(FORMATS), format=fmt
            )
        )
    buffer = io.BytesIO()
    rc: Any = style()
    with matplotlib.rc_context(rc):
        figure.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
        geometry.record_figure(figure)
    return buffer.getvalue()


def clean(text: object, *, note: bool = False) -> str:
    """Chart text: control characters and lone surrogates dropped, tabs as spaces, and a text
    longer than the ``max_label`` limit (a ``note``: ``NOTE_LABELS`` times that) shortened
    with '…' (:func:`~mgmt_tools.render.shorten`).

    Math parsing is off in :func:`style`, so ``$`` and ``\\`` need no escaping.

    A character that none of the chart fonts can draw (an emoji) is left out.

    >>> clean("Pay $5\\tfee\\x00")
    'Pay $5 fee'
    >>> clean("Launch 🚀 发布")
    'Launch  发布'
    """
    # what XML forbids (an SVG must parse) and controls such as DEL, and carriage returns,
    # which draw as boxes
    text = strip_forbidden(shorten(str(text), note=note).replace("\t", " ")).replace("\r", "")
    if any(ord(character) > _LATIN for character in text):
        drawable = _drawable()
        text = "".join(c for c in text if ord(c) <= _LATIN or ord(c) in drawable)
    return text


_LATIN = 0x24F
"""The last code point of Latin Extended-B: every chart font draws the characters up to it."""


@functools.cache
def _drawable() -> frozenset[int]:
    """The code points one of the chart fonts has a glyph for. A character none has (an emoji,
    a variation selector) is left out of chart text: matplotlib would draw an empty box and
    print a warning for it."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    points: set[int] = set()
    for family in font_families():
        properties = font_manager.FontProperties(family=family)
        path = font_manager.findfont(properties, fallback_to_default=False)
        points.update(FT2Font(path).get_charmap())
    return frozenset(points)


def text_width(
    figure: Figure, lines: Sequence[str], size: float, *, weight: str = "normal"
) -> float:
    """Width in inches of the widest of ``lines`` at ``size`` points (and ``weight``) in the
    chart fonts."""
    from matplotlib.font_manager import FontProperties

    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    props = FontProperties(family=list(font_families()), size=size, weight=weight)
    widest = 0.0
    for line in lines:
        if line:
            width, _height, _descent = renderer.get_text_width_height_descent(
                line, props, ismath=False
            )
            widest = max(widest, float(width))
    return widest / figure.dpi
