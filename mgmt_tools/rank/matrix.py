"""The 2x2 priority matrix (Eisenhower, value/effort) as a matplotlib chart with a scale.

Both axes run over the 0-10 scores, the best quadrant top left (Eisenhower: more urgent to
the left, more important up; value/effort: less effort to the left, more value up). The
thresholds are dashed lines labelled with their value; a score equal to the threshold counts
as high, so an item on a line is drawn :data:`~mgmt_tools.rank.placement.NUDGE` units inside
the high side (:mod:`mgmt_tools.rank.placement`). The quadrants' names and counts sit in the
bands above and below the scale, where no item is drawn.

Labels (``labels``): ``names`` writes each item's rank and full name (wrapped, never cut)
beside its dot; ``numbers`` writes a number beside each dot (its rank, tied items told apart
by a letter: 1a, 1b; :func:`~mgmt_tools.rank.matrix_key.dot_numbers`) and a key beside the
plot lists number and full name; ``auto`` (default) draws names for up to
:data:`NAMES_UP_TO` items when every label finds a place in its quadrant, numbers otherwise.
``names`` falls back to numbers, with a note, when the names do not fit.

>>> from mgmt_tools.rank import evaluate, loads
>>> result = evaluate(loads('''
... method: value_effort
... items:
...   - {name: 手机银行登录优化, value: 8, effort: 5}
...   - {name: Dark mode, value: 3, effort: 2}
... '''))
>>> matrix_chart(result, "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mgmt_tools.errors import RenderError
from mgmt_tools.locale import _
from mgmt_tools.rank import placement as pl
from mgmt_tools.rank.matrix_key import KEY_SIZE, dot_numbers, draw_key, key_columns
from mgmt_tools.rank.quadrants import LAYOUT, SLOT
from mgmt_tools.rank.render import MATRIX_METHODS, MAX_ITEMS
from mgmt_tools.rank.result import RankResult
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME, wrap
from mgmt_tools.render.style import DASHES, NOTE_SIZE, QUADRANT_FILLS, QUADRANT_INKS, VALUE_SIZE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "LABELS",
    "NAMES_UP_TO",
    "Point",
    "matrix_chart",
    "matrix_figure",
    "matrix_points",
]

LABELS = ("auto", "names", "numbers")
NAMES_UP_TO = 12
"""``auto`` labels: names for up to this many items (when they fit), numbers beyond."""
_NAME_COLUMNS = (22, 16, 12)  # a name label's wrap widths tried, display columns
_KEY_COLUMNS = 28  # a key entry's wrap width
_BAND = 22.0  # points above and below the scale for the quadrant names


@dataclass(frozen=True)
class Point:
    """An item as drawn: its index, scores, drawn position and quadrant code."""

    index: int
    x_score: float
    y_score: float
    x: float
    y: float
    code: int


def matrix_points(result: RankResult, max_items: int = MAX_ITEMS) -> list[Point]:
    """The items drawn, best first, at their drawn positions (x: urgent or effort, y:
    important or value): on-threshold scores moved inside the high side, identical points
    spread."""
    fields = result.backlog.fields
    across, up = ("urgent", "important") if result.method == "eisenhower" else ("effort", "value")
    threshold = float(result.extras.get("threshold", 5.0))
    assert result.categories is not None
    shown = [int(i) for i in result.order[:max_items]]
    scores = [(float(fields[across][i]), float(fields[up][i])) for i in shown]
    drawn = [(pl.drawn_position(x, threshold), pl.drawn_position(y, threshold)) for x, y in scores]
    highs = [(x >= threshold, y >= threshold) for x, y in scores]
    spread = pl.spread(drawn, highs, threshold)
    return [
        Point(i, sx, sy, x, y, int(result.categories[i]))
        for i, (sx, sy), (x, y) in zip(shown, scores, spread, strict=True)
    ]


def matrix_chart(
    result: RankResult, fmt: str, *, max_items: int = MAX_ITEMS, labels: str = "auto"
) -> bytes:
    """The 2x2 matrix as SVG, PNG or PDF."""
    return ch.figure_bytes(matrix_figure(result, max_items=max_items, labels=labels), fmt)


@parts.styled
def matrix_figure(
    result: RankResult, *, max_items: int = MAX_ITEMS, labels: str = "auto"
) -> Figure:
    """The figure of :func:`matrix_chart` (its ``gid``s: ``dot-N`` and ``label-N``)."""
    if result.method not in MATRIX_METHODS:
        raise RenderError(
            _(
                "the 2x2 matrix draws eisenhower and value_effort rankings, not {method}; "
                "use the ranking chart"
            ).format(method=result.method)
        )
    labels = labels or "auto"
    if labels not in LABELS:
        raise RenderError(
            _("labels are one of {known}, not '{labels}'").format(
                known=", ".join(LABELS), labels=labels
            )
        )
    points = matrix_points(result, max_items)
    use_names = labels == "names" or (labels == "auto" and len(points) <= NAMES_UP_TO)
    figure = None
    for rings in (3, 10) if use_names else ():
        for columns in _NAME_COLUMNS:
            figure = _layout(result, points, names=columns, rings=rings)
            if figure is not None:
                break
        if figure is not None:
            break
    if figure is None:
        figure = _layout(result, points, names=0, fell_back=labels == "names")
        assert figure is not None
    return figure


def _notes(result: RankResult, shown: int, fell_back: bool) -> list[str]:
    threshold = f"{float(result.extras.get('threshold', 5.0)):g}"
    counts_as = (
        _("a 0-10 score of {threshold} or more counts as yes")
        if result.method == "eisenhower"
        else _("a 0-10 score of {threshold} or more counts as high")
    )
    notes = [
        counts_as.format(threshold=threshold)
        + _("; an item on a dashed threshold line is drawn just inside the high side")
    ]
    if result.backlog.count > shown:
        notes.append(
            _("the {shown} best-ranked of {count} items").format(
                shown=shown, count=result.backlog.count
            )
        )
    if fell_back:
        notes.append(_("the names do not fit beside their dots: numbered, with a key"))
    return [ch.clean(note, note=True) for note in notes]


def _key_entries(result: RankResult, points: list[Point]) -> list[tuple[str, list[str]]]:
    numbers = dot_numbers([int(result.ranks[p.index]) for p in points])
    return [
        (number, wrap(ch.clean(result.names[p.index]), _KEY_COLUMNS, 50))
        for number, p in zip(numbers, points, strict=True)
    ]


def _layout(
    result: RankResult,
    points: list[Point],
    *,
    names: int,
    rings: int = 10,
    fell_back: bool = False,
) -> Figure | None:
    """The whole figure, or None when the name labels (wrapped at ``names`` display
    columns; 0: numbers) do not all find a place."""
    count = len(points)
    side = 4.4 if count <= 15 else 5.0 if count <= 30 else 5.6  # the square of the scale
    band = _BAND / 72
    keys = [] if names else _key_entries(result, points)
    placed, key_width = key_columns(keys, side + 2 * band)
    columns = max(placed, default=-1) + 1
    left, right = 0.85, 0.9  # tick labels and axis name; the horizontal threshold's label
    width = left + side + right + columns * key_width
    title_text = result.backlog.title or (
        _("Eisenhower matrix") if result.method == "eisenhower" else _("Value / effort matrix")
    )
    title = parts.title_lines(title_text, width)
    notes = [
        piece
        for note in _notes(result, count, fell_back)
        for piece in wrap(note, int(width * 11), 3)
    ]
    top = parts.heading_height(title, notes) + 0.35
    bottom = 0.6
    height = top + side + 2 * band + bottom
    figure = ch.new_figure(width, height)
    axes = figure.add_axes(
        (left / width, bottom / height, side / width, (side + 2 * band) / height)
    )
    low, high = pl.scale_limits([(p.x, p.y) for p in points])
    units = (high - low) / side / 72  # score units per point, on both axes
    axes.set_ylim(low - _BAND * units, high + _BAND * units)
    eisenhower = result.method == "eisenhower"
    axes.set_xlim((high, low) if eisenhower else (low, high))
    _scale(axes, result, eisenhower)
    parts.heading(figure, title, notes, left=0.25)
    fixed = _quadrants(figure, axes, result)
    if not _items(figure, axes, result, points, fixed, names=names, rings=rings):
        return None
    if keys:
        corner = (left + side + right, bottom + 2 * band + side)
        draw_key(figure, keys, placed, corner, key_width)
    return figure


def _to_points(figure: Figure, box: Any) -> pl.Box:
    scale = 72 / figure.dpi
    return (box.x0 * scale, box.y0 * scale, box.x1 * scale, box.y1 * scale)


def _scale(axes: Any, result: RankResult, eisenhower: bool) -> None:
    threshold = float(result.extras.get("threshold", 5.0))
    ticks = list(range(0, 11, 2))
    axes.set_xticks(ticks)
    axes.set_yticks(ticks)
    axes.spines["left"].set_bounds(0, 10)
    axes.spines["bottom"].set_position(("data", axes.get_ylim()[0]))
    axes.set_xlabel(
        _("urgency, 0-10 (more urgent to the left)") if eisenhower else _("effort, 0-10")
    )
    axes.set_ylabel(_("importance, 0-10") if eisenhower else _("value, 0-10"))
    axes.yaxis.set_label_coords(-0.07, 0.5)
    line = {"color": THEME.line, "linewidth": 1.0, "linestyle": DASHES, "zorder": 2}
    axes.axvline(threshold, **line)
    axes.axhline(threshold, **line)
    mark = _("threshold {value}").format(value=f"{threshold:g}")
    axes.annotate(
        mark,
        (threshold, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
        color=THEME.muted,
        size=KEY_SIZE,
    )
    axes.annotate(
        mark,
        (1, threshold),
        xycoords=("axes fraction", "data"),
        xytext=(4, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        color=THEME.muted,
        size=KEY_SIZE,
    )


def _quadrant_box(axes: Any, result: RankResult, code: int) -> tuple[float, float, float, float]:
    """The data box of a quadrant (x0, x1, y0, y1), bands included."""
    threshold = float(result.extras.get("threshold", 5.0))
    column, row = SLOT[result.method][code]
    x_low, x_high = sorted(axes.get_xlim())
    y_low, y_high = axes.get_ylim()
    # eisenhower: the left column is urgent (high x on an inverted axis)
    high_x = column == 0 if result.method == "eisenhower" else column == 1
    xs = (threshold, x_high) if high_x else (x_low, threshold)
    ys = (threshold, y_high) if row == 0 else (y_low, threshold)
    return (*xs, *ys)


def _quadrants(figure: Figure, axes: Any, result: RankResult) -> list[pl.Box]:
    """Fill the quadrants and write their names; the names' boxes, in points."""
    from matplotlib.patches import Rectangle

    titles = LAYOUT[result.method][0]
    fixed: list[pl.Box] = []
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    assert result.categories is not None
    for code in range(4):
        x0, x1, y0, y1 = _quadrant_box(axes, result, code)
        axes.add_patch(
            Rectangle((x0, y0), x1 - x0, y1 - y0, color=QUADRANT_FILLS[code], linewidth=0, zorder=0)
        )
        column, row = SLOT[result.method][code]
        total = int((result.categories == code).sum())
        text = axes.text(
            0.01 if column == 0 else 0.99,
            0.99 if row == 0 else 0.01,
            ch.clean(f"{_(titles[code])} ({total})"),
            transform=axes.transAxes,
            ha="left" if column == 0 else "right",
            va="top" if row == 0 else "bottom",
            color=QUADRANT_INKS[code],
            weight="bold",
            size=NOTE_SIZE,
        )
        fixed.append(_to_points(figure, text.get_window_extent(renderer)))
    return fixed


def _items(
    figure: Figure,
    axes: Any,
    result: RankResult,
    points: list[Point],
    fixed: list[pl.Box],
    *,
    names: int,
    rings: int,
) -> bool:
    from matplotlib.lines import Line2D

    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    scale = 72 / figure.dpi
    dots = [tuple(axes.transData.transform((p.x, p.y)) * scale) for p in points]
    regions: list[pl.Box] = []
    texts = []
    numbers = dot_numbers([int(result.ranks[p.index]) for p in points])
    for number, point in zip(numbers, points, strict=True):
        if names:
            lines = wrap(ch.clean(result.names[point.index]), names, 50)
            label = f"{result.ranks[point.index]}. " + "\n".join(lines)
        else:
            label = number
        x0, x1, y0, y1 = _quadrant_box(axes, result, point.code)
        corners = axes.transData.transform([(x0, y0), (x1, y1)]) * scale
        regions.append(
            (
                float(corners[:, 0].min()) + 1,
                float(corners[:, 1].min()) + 1,
                float(corners[:, 0].max()) - 1,
                float(corners[:, 1].max()) - 1,
            )
        )
        text = figure.text(
            0,
            0,
            label,
            size=VALUE_SIZE,
            ha="left",
            va="bottom",
            linespacing=1.15,
            color=THEME.ink,
            transform=figure.dpi_scale_trans,
            gid=f"label-{point.index}",
        )
        texts.append(text)
    sizes = []
    for text in texts:
        box = _to_points(figure, text.get_window_extent(renderer))
        sizes.append((box[2] - box[0], box[3] - box[1]))
    outer = None if names else _to_points(figure, axes.get_window_extent(renderer))
    where = pl.place_labels(dots, sizes, regions, fixed, rings=rings, outer=outer)
    if where is None:
        return False
    for point, (x, y), text, box in zip(points, dots, texts, where, strict=True):
        text.set_position((box[0] / 72, box[1] / 72))
        axes.plot(
            [point.x],
            [point.y],
            "o",
            markersize=pl.DOT_RADIUS * 2,
            color=QUADRANT_INKS[point.code],
            markeredgecolor=THEME.fill,
            markeredgewidth=0.6,
            zorder=4,
            clip_on=False,
            gid=f"dot-{point.index}",
        )
        near_x, near_y = pl.leader_end((x, y), box)
        if (near_x - x) ** 2 + (near_y - y) ** 2 > (pl.DOT_RADIUS + 4) ** 2:
            figure.add_artist(
                Line2D(
                    [x / 72, near_x / 72],
                    [y / 72, near_y / 72],
                    transform=figure.dpi_scale_trans,
                    color=THEME.faint,
                    linewidth=0.6,
                    zorder=3,
                )
            )
    return True
