"""The ranked bar chart of a ranking (matplotlib): one horizontal bar per item, best on top,
its score at the bar's end, bars coloured by category (MoSCoW priority, quadrant) or, without
categories, the best-ranked items in the accent colour. Big backlogs show their top
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

from mgmt_tools.locale import _
from mgmt_tools.rank.result import RankResult, category_text, method_text
from mgmt_tools.render import charts as ch
from mgmt_tools.render import format_number, truncate
from mgmt_tools.render.dot import THEME

__all__ = ["CATEGORY_COLOURS", "TOP", "ranking_chart"]

TOP = 30
"""Bars drawn; a bigger backlog shows its best-ranked items with a note."""
CATEGORY_COLOURS = (THEME.accent, "#2E86C1", "#D4AC0D", ch.NEUTRAL)
"""Colours of the categories in their order (must/do/quick win first)."""


def ranking_chart(result: RankResult, fmt: str, *, top: int = TOP) -> bytes:
    """The ranked bar chart as SVG, PNG or PDF."""
    from matplotlib.patches import Patch

    rows = result.ranking_rows(top)
    count = len(rows)
    names = [ch.clean(truncate(f"{row['rank']}. {row['item']}", 42)) for row in rows]
    values = [0.0 if row["score"] is None else float(row["score"]) for row in rows]
    if result.categories is not None:
        colours = [
            CATEGORY_COLOURS[result.category_names.index(row["category"]) % 4] for row in rows
        ]
    else:
        colours = [THEME.accent if row["rank"] == 1 else ch.NEUTRAL for row in rows]
    with ch.chart_style():
        figure = ch.new_figure(8.0, 1.4 + 0.28 * max(count, 3), layout="constrained")
        axes = figure.add_subplot()
        positions = list(range(count))
        axes.barh(positions, values, color=colours, height=0.66)
        axes.set_yticks(positions, names)
        axes.invert_yaxis()
        axes.tick_params(axis="y", length=0)
        axes.grid(axis="x")
        axes.set_axisbelow(True)
        axes.axvline(0, color=THEME.line, linewidth=0.8)
        span = max((abs(v) for v in values), default=1.0) or 1.0
        for position, row, value in zip(positions, rows, values, strict=True):
            text = _("no score") if row["score"] is None else format_number(value, 2)
            axes.text(
                value + (0.01 * span if value >= 0 else -0.01 * span),
                position,
                text,
                va="center",
                ha="left" if value >= 0 else "right",
                fontsize=8,
                color=THEME.ink,
            )
        low = min(0.0, min(values, default=0.0))
        high = max(0.0, max(values, default=0.0))
        axes.set_xlim(low - (0.12 * span if low < 0 else 0), high + 0.12 * span)
        axes.set_xlabel(ch.clean(_("score: {meaning}").format(meaning=result.score_text)))
        title = result.backlog.title or _("Priority ranking ({method})").format(
            method=method_text(result.method)
        )
        note = ""
        if result.backlog.count > count:
            note = "\n" + _("the top {count} of {total} items").format(
                count=count, total=result.backlog.count
            )
        axes.set_title(ch.clean(title) + note, loc="left", fontsize=ch.TITLE_SIZE)
        if result.categories is not None:
            handles = [
                Patch(color=CATEGORY_COLOURS[k % 4], label=category_text(name))
                for k, name in enumerate(result.category_names)
            ]
            figure.legend(handles=handles, loc="outside lower center", ncols=len(handles))
        return ch.figure_bytes(figure, fmt)
