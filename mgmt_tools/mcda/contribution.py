"""The contribution chart of a weighted index or an AHP hierarchy (matplotlib): a horizontal
stacked bar per alternative, best on top, a segment per criterion.

What a segment is, per method (the x axis says which):

- ``weighted_sum``: the criterion's weight times the alternative's normalised value (the
  method's own normalisation, a kept cost column subtracting); the segments add up to the
  score.
- AHP hierarchy: the criterion's weight times the alternative's local priority under it; the
  segments add up to the overall priority.
- ``vikor``: the criterion's weight times the alternative's regret on it (its distance from the
  best value, min-max scaled); the segments add up to VIKOR's S (group regret; lower is
  better). The ranking is by Q.
- ``topsis`` and ``weighted_product``: the score is no sum over the criteria, so the bar is the
  score split in proportion to each criterion's weight times the alternative's standing on it
  (its value min-max scaled with the criterion's direction, worst 0, best 1): shares, not
  exact parts.

Segments stand left to right in the criteria's order of weight, heaviest first, coloured from
:data:`PALETTE` (a qualitative palette without the accent red, which marks the winner: its
name and bar outline are in :data:`~mgmt_tools.render.style.CHOSEN`). A negative segment (a
z-score, a subtracted cost column) is stacked left of zero. At most
:data:`~mgmt_tools.mcda.view.TOP` alternatives, the best, are drawn, with a note when there are
more. A single AHP matrix has no criteria: it has no contribution chart.

Examples
--------
>>> from mgmt_tools.mcda import evaluate, loads
>>> result = evaluate(loads('''
... criteria:
...   - {id: cost, weight: 0.6, direction: min}
...   - {id: support, weight: 0.4}
... alternatives:
...   - {name: A, cost: 250, support: 8}
...   - {name: B, cost: 310, support: 9}
... '''))
>>> found = contributions(result)
>>> found.parts.round(2).tolist(), found.adds_up
([[0.6, 0.0], [0.0, 0.4]], True)
>>> contribution_chart(result, "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools.errors import DomainError
from mgmt_tools.locale import _, pgettext
from mgmt_tools.mcda.charts import SCORE_AXIS
from mgmt_tools.mcda.normalize import normalization
from mgmt_tools.mcda.render import criteria_order, score_text
from mgmt_tools.mcda.result import AhpResult, IndexResult
from mgmt_tools.mcda.view import TOP, Hierarchy, hierarchy
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import wrap
from mgmt_tools.render.style import CATEGORIES, CHOSEN, LEGEND_SIZE, THEME, VALUE_SIZE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["PALETTE", "Contributions", "contribution_chart", "contributions"]

Result = IndexResult | AhpResult

PALETTE = CATEGORIES
"""Colours of the criteria, heaviest first (repeated beyond twelve criteria): a qualitative
palette, dark then light, with no red (the accent marks the winner) and no grey."""

_WIDTH = 8.0  # inches
_ROW = 0.34  # inches per alternative
_NAME_COLUMNS = 30
_KEY_COLUMNS = 26  # a criterion's name in the legend


@dataclass(frozen=True)
class Contributions:
    """Per alternative shown (best first) and criterion (input order), the segment drawn."""

    view: Hierarchy
    parts: FloatArray
    """Alternatives shown x criteria."""
    axis: str
    """What a bar's length is, for the x axis."""
    meaning: str
    """What a segment is, for the notes."""
    adds_up: bool
    """The segments add up to the method's score (weighted sum, AHP)."""

    @property
    def totals(self) -> FloatArray:
        """Each bar's length: the sum of its segments."""
        return np.asarray(self.parts.sum(axis=1), dtype=np.float64)


def _standing(result: IndexResult, rows: np.ndarray) -> FloatArray:
    """Values of ``rows`` min-max scaled with each criterion's direction: worst 0, best 1
    (a constant criterion: 1)."""
    matrix = result.matrix
    values = matrix.values
    low, high = values.min(axis=0), values.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    shown = values[rows]
    standing = np.where(matrix.maximize, shown - low, high - shown) / span
    return np.asarray(np.where(high > low, standing, 1.0), dtype=np.float64)


def contributions(result: Result, limit: int = TOP) -> Contributions:
    """The segments of the contribution chart of ``result`` (the best ``limit`` alternatives).

    Raises
    ------
    DomainError
        ``result`` is a single AHP matrix (no criteria).
    """
    view = hierarchy(result, limit)
    if isinstance(result, AhpResult):
        if not result.judgements.is_hierarchy or result.order is None:
            raise DomainError(
                _(
                    "the contribution chart needs criteria: a single matrix of judgements has "
                    "none (draw its ranking with --chart ranking)"
                )
            )
        rows = result.order[:limit]
        local = np.array([m.priorities[rows] for m in result.by_criterion]).T
        return Contributions(
            view,
            np.asarray(local * result.criteria.priorities, dtype=np.float64),
            _("Overall priority (weight × local priority)"),
            _("each segment is the criterion's weight times the local priority under it"),
            True,
        )
    rows = result.order[:limit]
    weights, method = result.weights, result.settings.method
    if method == "weighted_sum":
        matrix = result.matrix
        norm = normalization(matrix.values, matrix.maximize, result.settings.normalization)
        normalised = norm.apply(np.array(matrix.values[rows], dtype=np.float64))
        segments = normalised * norm.signs * weights
        return Contributions(
            view,
            np.asarray(segments, dtype=np.float64),
            _("Score (weighted sum of the normalised values)"),
            _("each segment is the criterion's weight times the normalised value"),
            True,
        )
    standing = _standing(result, rows)
    if method == "vikor":
        return Contributions(
            view,
            np.asarray((1.0 - standing) * weights, dtype=np.float64),
            _("S: weighted regret (lower is better; the ranking is by Q)"),
            _(
                "each segment is the criterion's weight times the regret on it (the distance "
                "from its best value, min-max scaled); they add up to S"
            ),
            False,
        )
    weighted = standing * weights
    sums = weighted.sum(axis=1, keepdims=True)
    scores = result.scores[rows][:, None]
    even = np.full_like(weighted, 1.0 / weighted.shape[1])
    shares = np.divide(weighted, sums, out=even, where=sums > 0)
    return Contributions(
        view,
        np.asarray(shares * scores, dtype=np.float64),
        _("{axis}, split by weighted standing").format(axis=_(SCORE_AXIS[method])),
        _(
            "the score split in proportion to each criterion's weight times the standing on "
            "it (its value min-max scaled: worst 0, best 1); the method's score is not a sum"
        ),
        False,
    )


def _flat(found: Contributions) -> list[str]:
    """The note of a chart whose segments are all 0 (every criterion's values the same for
    every alternative, so every score is 0): nothing tells the alternatives apart, and no
    winner is marked. Otherwise no note."""
    if np.any(found.parts):
        return []
    return [
        _(
            "every segment is 0: each criterion has the same value for every alternative, "
            "so no alternative is ahead"
        )
    ]


def contribution_chart(result: Result, fmt: str) -> bytes:
    """The contribution chart as SVG, PNG or PDF bytes (see :func:`contributions`)."""
    return ch.figure_bytes(_contribution_figure(result), fmt)


def _name(text: str) -> str:
    return "\n".join(wrap(ch.clean(text), _NAME_COLUMNS, 2))


def _key_label(name: str, weight: float) -> str:
    """A criterion's name in at most two lines, its weight always shown after it."""
    lines = "\n".join(wrap(ch.clean(name), _KEY_COLUMNS, 2))
    return _("{criterion} ({weight})").format(criterion=lines, weight=format_number(weight))


@parts.styled
def _contribution_figure(result: Result) -> Figure:
    """Build the contribution chart as a Figure (tests inspect its artists)."""
    from matplotlib.patches import Patch, Rectangle

    found = contributions(result)
    view = found.view
    count, order = len(view.alternatives), criteria_order(view.weights)
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(order)}
    figure = ch.new_figure(_WIDTH, 4.0)
    names = [_name(name) for name in view.alternatives]
    name_width = ch.text_width(figure, [ln for n in names for ln in n.splitlines()], 9.0)
    left = name_width + 0.35
    # an index's criteria are 指标 in Chinese, AHP's 准则
    index = isinstance(result, IndexResult)
    title_text = (
        pgettext("index", "{goal}: contribution of each criterion")
        if index
        else _("{goal}: contribution of each criterion")
    )
    title = parts.title_lines(title_text.format(goal=ch.clean(view.goal)), _WIDTH)
    columns = parts.note_columns(_WIDTH)
    notes = [
        folded
        for line in [*view.about, found.meaning, *view.notes, *_flat(found)]
        for folded in wrap(ch.clean(line, note=True), columns, 3, note=True)
    ]
    labels = [_key_label(view.criteria[c], view.weights[c]) for c in order]
    key_width = ch.text_width(figure, [ln for k in labels for ln in k.splitlines()], 8.0) + 0.45
    key_columns = max(1, min(len(labels), int((_WIDTH - 0.5) // key_width)))
    key_rows = math.ceil(len(labels) / key_columns)
    key_lines = max(label.count("\n") + 1 for label in labels)
    key_height = 0.25 + key_rows * (0.15 * key_lines + 0.05)
    top = parts.heading_height(title, notes) + 0.2
    bottom = key_height + 0.6
    height = top + _ROW * max(count, 2) + 0.2 + bottom
    figure.set_size_inches(_WIDTH, height)
    axes = figure.add_axes(
        (left / _WIDTH, bottom / height, 1 - (left + 0.3) / _WIDTH, 1 - (top + bottom) / height)
    )
    positions = np.arange(count)
    right = np.zeros(count)
    leftward = np.zeros(count)
    for c in order:
        values = found.parts[:, c]
        start = np.where(values >= 0, right, leftward + values)
        axes.barh(positions, np.abs(values), left=start, height=0.66, color=colours[c], zorder=2)
        right = right + np.maximum(values, 0.0)
        leftward = leftward + np.minimum(values, 0.0)
    totals = found.totals
    low, high = min(0.0, float(leftward.min())), max(0.0, float(right.max()))
    span = high - low if high > low else 1.0
    distinct = not _flat(found)
    for k in range(count):
        winner = view.ranks[k] == 1 and distinct
        if winner:
            axes.add_patch(
                Rectangle(
                    (float(leftward[k]), k - 0.38),
                    float(right[k] - leftward[k]),
                    0.76,
                    fill=False,
                    edgecolor=CHOSEN,
                    linewidth=1.8,
                    zorder=4,
                    gid="winner",
                )
            )
        axes.annotate(
            score_text(float(totals[k])),
            xy=(float(right[k]), k),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            size=VALUE_SIZE,
            color=CHOSEN if winner else THEME.ink,
            weight="bold" if winner else "normal",
            bbox=parts.HALO,
            zorder=5,
            gid="total",
        )
    axes.set_xlim(low - (0.04 * span if low < 0 else 0), high + 0.16 * span)
    axes.set_yticks(range(count), names)
    axes.set_ylim(count - 0.4, -0.6)
    axes.tick_params(axis="y", length=0)
    for label, rank in zip(axes.get_yticklabels(), view.ranks, strict=True):
        if rank == 1 and distinct:
            label.set_color(CHOSEN)
            label.set_fontweight("bold")
    axes.axvline(0, color=THEME.line, linewidth=0.8, zorder=3)
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    axes.set_xlabel(found.axis)
    key_title = (
        pgettext("index", "Criteria (weight), heaviest first")
        if index
        else _("Criteria (weight), heaviest first")
    )
    # legend entries read left to right, heaviest first (matplotlib fills columns)
    handles = [Patch(color=colours[c], label=label) for c, label in zip(order, labels, strict=True)]
    by_column = [
        handles[row * key_columns + column]
        for column in range(key_columns)
        for row in range(key_rows)
        if row * key_columns + column < len(handles)
    ]
    figure.legend(
        handles=by_column,
        loc="lower left",
        bbox_to_anchor=(0.2 / _WIDTH, 0.08 / height),
        ncol=key_columns,
        title=key_title,
        alignment="left",
        handlelength=1.2,
        fontsize=LEGEND_SIZE,
        title_fontsize=LEGEND_SIZE,
        frameon=False,
    )
    parts.heading(figure, title, notes, left=0.25)
    return figure
