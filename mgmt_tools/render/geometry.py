"""Where a picture's text ended up: boxes measured from the drawing itself, to check that no
label overlaps another or leaves the canvas, that the shape stays in range, and that the
smallest text stays legible on an A4 page or a slide.

Two kinds of pictures, one :class:`Drawing`:

- a matplotlib chart: every visible text of the figure (titles, labels, annotations, legend
  entries, the tick labels that are drawn) with its window extent after the figure was saved
  (:func:`figure_drawing`);
- a Graphviz diagram: every text span of Graphviz's own layout (``-Tjson``: labels of nodes,
  clusters, edges and the graph) placed as Graphviz places it (:func:`layout_drawing` of
  the layout :func:`mgmt_tools.render.graphviz.drawing` asks Graphviz for).

Pictures are measured where they are made: while :func:`recorded` is active,
:func:`mgmt_tools.render.charts.figure_bytes` and :func:`mgmt_tools.render.graphviz.pipe`
append the :class:`Drawing` of what they write, so a test draws through the public API and
checks what came out::

    with geometry.recorded() as drawn:
        method.draw(result, "png", chart)
    assert drawn[0].problems(aspect=(0.3, 3.5)) == []

Outside :func:`recorded` nothing is measured and nothing is imported.

Coordinates are points (1/72 inch) from the bottom left corner of the canvas.

Examples
--------
>>> a = TextBox("Plan", 0, 0, 40, 10, 9)
>>> b = TextBox("Plan B", 30, 5, 80, 15, 9)
>>> drawing = Drawing(100, 50, (a, b))
>>> [(one.text, two.text) for one, two in drawing.overlapping()]
[('Plan', 'Plan B')]
>>> drawing.problems(aspect=(1, 3))
["text 'Plan' overlaps text 'Plan B' by 5.0 pt"]
>>> round(Drawing(1440, 360, (a,)).printed_size("a4"), 2)
2.83
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mgmt_tools.render.style import LEGIBLE_SIZE, PAGES, Page

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "Drawing",
    "TextBox",
    "figure_drawing",
    "layout_drawing",
    "record",
    "record_figure",
    "recorded",
    "recording",
]

_RECORDING: ContextVar[list[Drawing] | None] = ContextVar("mgmt_tools_drawings", default=None)


@dataclass(frozen=True)
class TextBox:
    """One piece of text and the box it covers, in points."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    """Font size in points."""
    corners: tuple[tuple[float, float], ...] | None = None
    """The four corners of a rotated text (None: the box itself)."""

    def polygon(self) -> list[tuple[float, float]]:
        """The corners of what the text covers, counter-clockwise."""
        if self.corners is not None:
            return list(self.corners)
        return [(self.x0, self.y0), (self.x1, self.y0), (self.x1, self.y1), (self.x0, self.y1)]

    def depth(self, other: TextBox) -> float:
        """How far the two texts overlap, in points (0 or less: apart): the smallest overlap of
        their shadows on the axes of their sides (the separating axis theorem)."""
        mine, theirs = self.polygon(), other.polygon()
        smallest = float("inf")
        for shape in (mine, theirs):
            for (ax, ay), (bx, by) in zip(shape, shape[1:] + shape[:1], strict=True):
                nx, ny = by - ay, ax - bx
                length = math.hypot(nx, ny)
                if length == 0:
                    continue
                nx, ny = nx / length, ny / length
                one = [x * nx + y * ny for x, y in mine]
                two = [x * nx + y * ny for x, y in theirs]
                smallest = min(smallest, min(max(one), max(two)) - max(min(one), min(two)))
        return smallest

    def __str__(self) -> str:
        return repr(self.text if len(self.text) <= 40 else self.text[:39] + "…")


@dataclass(frozen=True)
class Drawing:
    """A picture's canvas (points) and its texts."""

    width: float
    height: float
    texts: tuple[TextBox, ...] = ()
    kind: str = "chart"
    """``chart`` (matplotlib) or ``graph`` (Graphviz)."""

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width / self.height if self.height else float("inf")

    def overlapping(self, slack: float = 1.0) -> list[tuple[TextBox, TextBox]]:
        """Pairs of texts whose boxes overlap by more than ``slack`` points both ways."""
        import numpy as np

        texts = self.texts
        if len(texts) < 2:
            return []
        boxes = np.array([(t.x0, t.y0, t.x1, t.y1) for t in texts], dtype=float)
        wide = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(
            boxes[:, None, 0], boxes[None, :, 0]
        )
        tall = np.minimum(boxes[:, None, 3], boxes[None, :, 3]) - np.maximum(
            boxes[:, None, 1], boxes[None, :, 1]
        )
        hits = np.argwhere(np.triu((wide > slack) & (tall > slack), k=1))
        return [(texts[i], texts[j]) for i, j in hits if texts[i].depth(texts[j]) > slack]

    def outside(self, slack: float = 0.5) -> list[TextBox]:
        """Texts that reach more than ``slack`` points beyond the canvas."""
        return [
            t
            for t in self.texts
            if t.x0 < -slack
            or t.y0 < -slack
            or t.x1 > self.width + slack
            or t.y1 > self.height + slack
        ]

    def smallest_size(self) -> float:
        """The smallest font size drawn, in points (0 without text)."""
        return min((t.size for t in self.texts), default=0.0)

    def printed_size(self, page: str | Page) -> float:
        """The smallest text's size in points once the picture is fitted to ``page`` (a name
        of :data:`~mgmt_tools.render.style.PAGES` or a :class:`Page`); never enlarged."""
        area = PAGES[page] if isinstance(page, str) else page
        scale = min(1.0, area.width * 72 / self.width, area.height * 72 / self.height)
        return self.smallest_size() * scale

    def problems(
        self,
        *,
        aspect: tuple[float, float] | None = None,
        pages: Sequence[str] = (),
        legible: float = LEGIBLE_SIZE,
        slack: float = 1.0,
    ) -> list[str]:
        """What is wrong with the picture, in words (empty when nothing is): overlapping
        texts, texts off the canvas, an aspect ratio (width / height) outside ``aspect``, and
        for each of ``pages`` a smallest text that prints below ``legible`` points."""
        found = [
            f"text {one} overlaps text {two} by {_points(one.depth(two))} pt"
            for one, two in self.overlapping(slack)
        ]
        found += [
            f"text {t} leaves the {_points(self.width)} x {_points(self.height)} pt canvas "
            f"(box {_points(t.x0)},{_points(t.y0)} to {_points(t.x1)},{_points(t.y1)})"
            for t in self.outside(slack / 2)
        ]
        if aspect is not None and not aspect[0] <= self.aspect <= aspect[1]:
            found.append(
                f"aspect ratio {self.aspect:.2f} ({_points(self.width)} x "
                f"{_points(self.height)} pt) outside {aspect[0]}-{aspect[1]}"
            )
        for page in pages:
            size = self.printed_size(page)
            if size < legible:
                found.append(f"smallest text prints at {size:.1f} pt on {page} (< {legible})")
        return found


def _points(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"


@contextmanager
def recorded() -> Iterator[list[Drawing]]:
    """Collect the :class:`Drawing` of every chart and diagram written in the block."""
    drawn: list[Drawing] = []
    token = _RECORDING.set(drawn)
    try:
        yield drawn
    finally:
        _RECORDING.reset(token)


def record_figure(figure: Figure) -> None:
    """Called by :func:`~mgmt_tools.render.charts.figure_bytes` after saving ``figure``."""
    drawn = _RECORDING.get()
    if drawn is not None:
        drawn.append(figure_drawing(figure))


def recording() -> bool:
    """Whether drawings are being collected (:func:`recorded`): measuring costs a layout."""
    return _RECORDING.get() is not None


def record(drawing: Drawing) -> None:
    """Keep ``drawing`` for :func:`recorded` (nothing when no block collects them)."""
    drawn = _RECORDING.get()
    if drawn is not None:
        drawn.append(drawing)


def figure_drawing(figure: Figure) -> Drawing:
    """The texts of a matplotlib ``figure`` that has been drawn (saved) at least once."""
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    to_points = 72.0 / figure.dpi
    tick_labels: set[int] = set()
    shown: list[Text] = []
    for axis in figure.findobj(Axis):
        if not isinstance(axis, Axis):  # pragma: no cover - findobj's match is by type
            continue
        ticks = axis.get_major_ticks() + axis.get_minor_ticks()
        tick_labels.update(id(label) for tick in ticks for label in (tick.label1, tick.label2))
        if axis.get_visible() and axis.axes.get_visible():
            # the ticks inside the view, as drawn (matplotlib's own choice, not in its API)
            drawn_ticks: Any = getattr(axis, "_update_ticks")()  # noqa: B009
            shown += [
                label
                for tick in drawn_ticks
                for label in (tick.label1, tick.label2)
                if label.get_visible()
            ]
    shown += [
        text
        for text in figure.findobj(Text)
        if isinstance(text, Text) and id(text) not in tick_labels and _visible(text)
    ]
    boxes = []
    for text in shown:
        if not text.get_text().strip():
            continue
        extent = text.get_window_extent(renderer)
        corners = _rotated(text, renderer, extent)
        boxes.append(
            TextBox(
                text.get_text(),
                extent.x0 * to_points,
                extent.y0 * to_points,
                extent.x1 * to_points,
                extent.y1 * to_points,
                float(text.get_fontsize()),
                None
                if corners is None
                else tuple((x * to_points, y * to_points) for x, y in corners),
            )
        )
    width, height = figure.get_size_inches()
    return Drawing(float(width) * 72, float(height) * 72, tuple(boxes), "chart")


def _rotated(text: Any, renderer: Any, extent: Any) -> list[tuple[float, float]] | None:
    """The corners of a rotated ``text`` inside its upright ``extent`` (None when upright).

    A w x h box turned by an angle between 0 and 90 degrees touches each side of its extent
    with one corner; other angles are the same shape turned by a quarter or half turn."""
    angle = float(text.get_rotation()) % 180
    if angle % 90 == 0:
        return None
    text.set_rotation(0)
    try:
        upright = text.get_window_extent(renderer)
    finally:
        text.set_rotation(angle)
    w, h = upright.width, upright.height
    if angle > 90:
        angle, w, h = angle - 90, h, w
    sin = math.sin(math.radians(angle))
    x0, y0, x1, y1 = extent.x0, extent.y0, extent.x1, extent.y1
    return [(x0 + h * sin, y0), (x1, y0 + w * sin), (x1 - h * sin, y1), (x0, y1 - w * sin)]


def _visible(artist: Any) -> bool:
    """Visible itself and inside visible axes (a hidden axes hides its texts)."""
    axes = getattr(artist, "axes", None)
    return bool(artist.get_visible()) and (axes is None or bool(axes.get_visible()))


# Graphviz places a text by its baseline; the box spans this much of the font size below and
# above it (Noto Sans CJK and DejaVu Sans both fit in it).
_DESCENT, _ASCENT = 0.2, 0.75


def layout_drawing(data: bytes) -> Drawing:
    """The texts of a Graphviz layout (the ``-Tjson`` output ``data``) as Graphviz places
    them."""
    layout = json.loads(data)
    x0, y0, x1, y1 = (float(part) for part in layout["bb"].split(","))
    boxes: list[TextBox] = []
    for item in [layout, *layout.get("objects", []), *layout.get("edges", [])]:
        for key in ("_ldraw_", "_hldraw_", "_tldraw_", "_hdraw_", "_tdraw_", "_draw_"):
            size = 14.0
            for op in item.get(key, []):
                if op.get("op") == "F":
                    size = float(op["size"])
                elif op.get("op") == "T" and str(op.get("text", "")).strip():
                    x, y = (float(v) for v in op["pt"])
                    width = float(op["width"])
                    left = {"l": x, "r": x - width}.get(op.get("align", "c"), x - width / 2)
                    boxes.append(
                        TextBox(
                            str(op["text"]),
                            left - x0,
                            y - _DESCENT * size - y0,
                            left + width - x0,
                            y + _ASCENT * size - y0,
                            size,
                        )
                    )
    return Drawing(x1 - x0, y1 - y0, tuple(boxes), "graph")
