"""The charts of a weighted index or an AHP result (matplotlib): the ranking and the rank
acceptability.

- Ranking: a horizontal bar per alternative, best on top, as long as its score (an index:
  the method's own score, VIKOR's Q where lower is better; AHP: the overall priority, or the
  priority of each element of a single matrix), the score written at the bar's end and the
  winner in the accent colour. The method and its variants are in the subtitle.
- Rank acceptability (``--sensitivity``): a stacked bar per alternative of the share of the
  Monte Carlo weight draws that give it each rank, rank 1 in the accent colour and the later
  ranks in greys from dark to light, alternatives in the order of their ranking at the given
  weights.

Either chart shows at most :data:`~mgmt_tools.mcda.render.TOP` alternatives, the best, and
says so when there are more. Nothing is computed here: every number comes from the
:class:`~mgmt_tools.mcda.result.IndexResult` or :class:`~mgmt_tools.mcda.result.AhpResult`.

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
... '''), sensitivity=True, seed=1, draws=200)
>>> ranking_chart(result, "png")[:4], acceptability_chart(result, "svg")[:5]
(b'\\x89PNG', b'<?xml')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from mgmt_tools.errors import DomainError
from mgmt_tools.locale import N_, _
from mgmt_tools.mcda.render import TOP, Hierarchy, hierarchy, score_text
from mgmt_tools.mcda.result import AhpResult, IndexResult
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import THEME, wrap
from mgmt_tools.render.style import GREYS, VALUE_SIZE

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SCORE_AXIS", "acceptability_chart", "rank_colours", "ranking_chart"]

Result = IndexResult | AhpResult

_LABEL_COLUMNS = 30  # an alternative's name on the axis, in display columns
_DARK, _LIGHT = GREYS
"""The grey of rank 2 and of the last rank in the acceptability chart."""
_BEYOND = THEME.band_fill
"""The draws in which a big input's alternative ranks below the ranks counted."""
SCORE_AXIS = {
    "weighted_sum": N_("Score (weighted sum)"),
    "weighted_product": N_("Score (weighted product)"),
    "topsis": N_("Score (closeness to the ideal)"),
    "vikor": N_("Q (lower is better)"),
}
"""The score axis of each method (the contribution chart's axis says how it splits it)."""
_PERCENT_SHOWN = 0.07
"""Segments of the acceptability chart at least this wide carry their percentage."""


def _name(text: str) -> str:
    return "\n".join(wrap(ch.clean(text), _LABEL_COLUMNS, 2))


def _heading(figure: Figure, title: str, lines: list[str], rows: int, foot: float = 0.0) -> None:
    """Make ``figure`` tall enough for ``rows`` bars (and ``foot`` inches of legend) under the
    title and the notes ``lines`` (:func:`~mgmt_tools.render.chart_parts.framed`)."""
    parts.framed(figure, title, lines, 0.95 + foot + 0.34 * max(rows, 2), gap=0.12)


def _names_axis(axes: Axes, view: Hierarchy) -> None:
    """The alternatives' names down the axis, best on top, the winner's in the accent colour."""
    count = len(view.alternatives)
    axes.set_yticks(range(count), [_name(name) for name in view.alternatives])
    axes.set_ylim(count - 0.4, -0.6)
    axes.tick_params(axis="y", length=0)
    for label, rank in zip(axes.get_yticklabels(), view.ranks, strict=True):
        if rank == 1:
            label.set_color(THEME.accent)
            label.set_fontweight("bold")


# --- ranking ----------------------------------------------------------------------------------


def ranking_chart(result: Result, fmt: str) -> bytes:
    """The ranking as SVG, PNG or PDF bytes."""
    return ch.figure_bytes(_ranking_figure(result), fmt)


def _axis_label(result: Result) -> str:
    if isinstance(result, IndexResult):
        return _(SCORE_AXIS[result.method])
    return _("Overall priority") if result.judgements.is_hierarchy else _("Priority")


@parts.styled
def _ranking_figure(result: Result) -> Figure:
    """Build the ranking chart as a Figure (tests inspect its artists)."""
    view = hierarchy(result, TOP)
    scores = np.asarray(view.scores, dtype=np.float64)
    figure = ch.new_figure(8.0, 4.0, layout="constrained")
    meaning = _("{name}: {meaning}").format(name=view.score_name.capitalize(), meaning=view.meaning)
    title = _("{goal}: ranking").format(goal=ch.clean(view.goal))
    _heading(figure, title, [*view.about, meaning, *view.notes], len(scores))
    axes = figure.add_subplot()
    colours = [THEME.accent if rank == 1 else ch.NEUTRAL for rank in view.ranks]
    axes.barh(range(len(scores)), scores, height=0.66, color=colours, zorder=2, gid="bar")
    for position, (score, rank) in enumerate(zip(scores.tolist(), view.ranks, strict=True)):
        winner = rank == 1
        axes.annotate(
            score_text(score),
            xy=(score, position),
            xytext=(3 if score >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if score >= 0 else "right",
            va="center",
            size=VALUE_SIZE,
            color=THEME.accent if winner else THEME.ink,
            weight="bold" if winner else "normal",
            bbox=parts.HALO,
            zorder=5,
            gid="score",
        )
    low, high = min(0.0, float(scores.min())), max(0.0, float(scores.max()))
    span = high - low if high > low else 1.0
    # room for the score written beyond each end
    axes.set_xlim(low - (0.16 * span if low < 0 else 0), high + (0.16 * span if high > 0 else 0))
    _names_axis(axes, view)
    axes.axvline(0, color=THEME.line, linewidth=0.8, zorder=3)
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    axes.set_xlabel(_axis_label(result))
    return figure


# --- rank acceptability -----------------------------------------------------------------------


def rank_colours(count: int) -> list[str]:
    """The colours of ranks 1 to ``count``: the accent, then greys from dark to light.

    >>> rank_colours(3)
    ['#C0392B', '#3E4C59', '#D9DEE4']
    """
    from matplotlib.colors import to_hex, to_rgb

    dark, light = np.array(to_rgb(_DARK)), np.array(to_rgb(_LIGHT))
    steps = np.linspace(0.0, 1.0, max(count - 1, 1))
    greys = [to_hex(dark + (light - dark) * step).upper() for step in steps.tolist()]
    return [THEME.accent, *greys][:count]


def acceptability_chart(result: Result, fmt: str) -> bytes:
    """The rank acceptability as SVG, PNG or PDF bytes.

    Raises
    ------
    DomainError
        When ``result`` carries no sensitivity analysis.
    """
    return ch.figure_bytes(_acceptability_figure(result), fmt)


def _acceptability_figure(result: Result) -> Figure:
    """Build the rank-acceptability chart as a Figure (tests inspect its artists)."""
    if not isinstance(result, IndexResult) or result.sensitivity is None:
        raise DomainError(
            _(
                "the acceptability chart needs the rank acceptability of a sensitivity "
                "analysis: run mgmt index MATRIX --sensitivity, or "
                "evaluate(matrix, sensitivity=True) in Python"
            )
        )
    return _draw_acceptability(result)


def _legend_ranks(count: int) -> list[int]:
    """The ranks the legend names: all of up to 8, else 1-3 and five spread to the last."""
    if count <= 8:
        return list(range(1, count + 1))
    spread = np.linspace(4, count, 5).round().astype(int).tolist()
    return [1, 2, 3, *dict.fromkeys(spread)]


@parts.styled
def _draw_acceptability(result: IndexResult) -> Figure:
    from matplotlib.patches import Patch

    study = result.sensitivity
    assert study is not None
    accept = study.acceptability
    view = hierarchy(result, TOP)
    rows = result.order[: len(view.alternatives)]
    shares = accept.shares()[rows]
    counted = shares.shape[1]
    partial = counted < len(result.matrix.alternatives)
    numbers = {
        "draws": f"{accept.draws:,}",
        "concentration": format_number(accept.concentration),
        "seed": accept.seed,
    }
    if partial:
        note = _(
            "Share of {draws} Dirichlet weight draws around the weights (concentration "
            "{concentration}, seed {seed}) giving each alternative each rank; the alternatives "
            "in the order of their ranking at the given weights; only ranks 1-{counted} are "
            "counted"
        ).format(counted=counted, **numbers)
    else:
        note = _(
            "Share of {draws} Dirichlet weight draws around the weights (concentration "
            "{concentration}, seed {seed}) giving each alternative each rank; the alternatives "
            "in the order of their ranking at the given weights"
        ).format(**numbers)
    figure = ch.new_figure(8.0, 4.0, layout="constrained")
    title = _("{goal}: rank acceptability").format(goal=ch.clean(view.goal))
    _heading(figure, title, [view.about[0], note, *view.notes], len(rows), foot=0.5)
    axes = figure.add_subplot()
    colours = rank_colours(counted)
    positions = np.arange(len(rows))
    left = np.zeros(len(rows))
    for rank in range(counted):
        width = shares[:, rank]
        axes.barh(
            positions, width, left=left, height=0.66, color=colours[rank], zorder=2, gid="share"
        )
        ink = _text_colour(colours[rank])
        for position, (start, share) in enumerate(zip(left.tolist(), width.tolist(), strict=True)):
            if share >= _PERCENT_SHOWN:
                axes.text(
                    start + share / 2,
                    position,
                    f"{100 * share:.0f}%",
                    ha="center",
                    va="center",
                    size=7.5,
                    color=ink,
                    zorder=4,
                    gid="percent",
                )
        left = left + width
    handles = [Patch(color=colours[rank - 1], label=str(rank)) for rank in _legend_ranks(counted)]
    if partial:
        rest = np.clip(1.0 - left, 0.0, 1.0)
        axes.barh(positions, rest, left=left, height=0.66, color=_BEYOND, zorder=2, gid="beyond")
        handles.append(Patch(color=_BEYOND, label=_("below {rank}").format(rank=counted)))
    axes.set_xlim(0, 1)
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    axes.xaxis.set_major_locator(MultipleLocator(0.2))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{100 * value:.0f}%"))
    _names_axis(axes, view)
    axes.set_xlabel(_("Share of the weight draws"))
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncol=len(handles),
        title=_("Rank"),
        handlelength=1.2,
    )
    return figure


def _text_colour(background: str) -> str:
    """White on a dark fill, the theme's ink on a light one."""
    from matplotlib.colors import to_rgb

    red, green, blue = to_rgb(background)
    return "white" if 0.299 * red + 0.587 * green + 0.114 * blue < 0.55 else THEME.ink
