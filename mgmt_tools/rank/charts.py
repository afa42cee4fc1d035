"""The ranked bar chart of a ranking (matplotlib): one horizontal bar per item, best on top,
its score at the bar's end, bars coloured by category (MoSCoW priority, quadrant) or, without
categories, the best-ranked items in the accent colour. Names are wrapped, never cut (each bar
as tall as its name needs). Big backlogs show their top
:data:`TOP` items with a note saying so; the numbers are never cut (the JSON has them all).

>>> from mgmt_tools.rank import evaluate, loads
>>> result = evaluate(loads('''
... method: moscow
... items:
...   - {name: 手机银行登录, priority: must}
...   - {name: Dark mode, priority: could}
... '''))
>>> ranking_chart(result, "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgmt_tools.errors import OptionError
from mgmt_tools.locale import _
from mgmt_tools.rank.result import RankResult, category_text, method_text
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import THEME, wrap
from mgmt_tools.render.style import QUADRANT_INKS, VALUE_SIZE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["TOP", "ranking_chart", "ranking_figure"]

TOP = 30
"""Bars drawn; a bigger backlog shows its best-ranked items with a note."""


_NAME_COLUMNS = (34, 56)  # a name wraps at this many display columns (never cut); 2nd: > 15 bars
_LINE = 0.15  # inches a line of a bar's name takes


def ranking_chart(
    result: RankResult, fmt: str, *, top: int = TOP, labels: str | None = None
) -> bytes:
    """The ranked bar chart as SVG, PNG or PDF.

    ``labels`` is the 2x2 matrix's option: given here (``--labels`` with a method whose
    picture is this chart, or ``--chart ranking``), it is refused with an
    :class:`~mgmt_tools.errors.OptionError` rather than ignored."""
    if labels is not None:
        raise OptionError(
            _(
                "--labels sets the labels of the 2x2 matrix; the ranking chart writes every "
                "name beside its bar (leave --labels out)"
            )
        )
    return ch.figure_bytes(ranking_figure(result, top=top), fmt)


@parts.styled
def ranking_figure(result: RankResult, *, top: int = TOP) -> Figure:
    """The figure of :func:`ranking_chart`: rank and full name of each bar (wrapped) on the
    left, the bar, its score at its end; the title and notes above, the key below."""
    rows = result.ranking_rows(top)
    count = len(rows)
    columns = _NAME_COLUMNS[0] if count <= 15 else _NAME_COLUMNS[1]
    names = [
        "\n".join(wrap(ch.clean(f"{row['rank']}. {row['item']}"), columns, 50)) for row in rows
    ]
    values = [0.0 if row["score"] is None else float(row["score"]) for row in rows]
    if result.categories is not None:  # the quadrants' inks: one colour in both pictures
        colours = [QUADRANT_INKS[result.category_names.index(row["category"]) % 4] for row in rows]
    else:
        colours = [THEME.accent if row["rank"] == 1 else ch.NEUTRAL for row in rows]
    lines = [name.count("\n") + 1 for name in names]
    # each bar's slot: its name's lines, at least a single row's height
    slots = [max(0.28, _LINE * n + 0.08) for n in lines]
    width = 8.0
    title = parts.title_lines(
        result.backlog.title
        or _("Priority ranking ({method})").format(method=method_text(result.method)),
        width,
    )
    notes = []
    if result.backlog.count > count:
        notes.append(
            _("the top {count} of {total} items").format(count=count, total=result.backlog.count)
        )
    head = parts.heading_height(title, notes) + 0.15
    foot = 0.55 + (0.35 if result.categories is not None else 0.0)
    plot = sum(slots)
    height = head + plot + foot
    figure = ch.new_figure(width, height)
    label_width = ch.text_width(figure, [line for name in names for line in name.split("\n")], 9)
    left = label_width + 0.35
    width = max(width, left + 4.5)
    figure.set_size_inches(width, height)
    axes = figure.add_axes(
        (left / width, foot / height, (width - left - 0.55) / width, plot / height)
    )
    centres, edge = [], 0.0
    for slot in slots:
        centres.append(edge + slot / 2)
        edge += slot
    heights = [0.66 * min(slot, 0.28) for slot in slots]
    axes.barh(centres, values, color=colours, height=heights)
    axes.set_ylim(edge, 0)
    axes.set_yticks(centres, names, linespacing=1.1)
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="x")
    axes.set_axisbelow(True)
    axes.axvline(0, color=THEME.line, linewidth=0.8)
    span = max((abs(v) for v in values), default=1.0) or 1.0
    for centre, row, value in zip(centres, rows, values, strict=True):
        text = _("no score") if row["score"] is None else format_number(value, 2)
        axes.text(
            value + (0.01 * span if value >= 0 else -0.01 * span),
            centre,
            text,
            va="center",
            ha="left" if value >= 0 else "right",
            fontsize=VALUE_SIZE,
            color=THEME.ink,
        )
    low = min(0.0, min(values, default=0.0))
    high = max(0.0, max(values, default=0.0))
    axes.set_xlim(low - (0.12 * span if low < 0 else 0), high + 0.12 * span)
    axes.set_xlabel(ch.clean(_("score: {meaning}").format(meaning=result.score_text)))
    parts.heading(figure, title, [ch.clean(note, note=True) for note in notes], left=0.25)
    if result.categories is not None:
        parts.legend_row(
            figure,
            [
                ("box", QUADRANT_INKS[k % 4], ch.clean(category_text(name)))
                for k, name in enumerate(result.category_names)
            ],
        )
    return figure
