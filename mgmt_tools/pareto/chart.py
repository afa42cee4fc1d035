"""The Pareto chart (matplotlib), drawn as Minitab and Juran draw it: bars in Pareto order, the
count axis from 0 to the total and the cumulative percent axis from 0 to 100 % over the same
height (100 % sits at the total; the cumulative line ends in the top right corner), the cutoff
line, the vital few in the accent colour, "Other" last in grey, and under the bars the category
names (wrapped, not cut) and a table of Count, Percent and Cum % per bar.

A stratified analysis (``--by``) draws one panel per stratum with records (a stratum without
any is named in a note), titled with the stratum's value, with the categories in the shared
order; each panel's count axis runs to its own total, and its vital few are its own: the
fewest of its categories, largest first, reaching the cutoff of its total.

Charts show at most :data:`MAX_BARS` bars (the rest drawn as one grey bar, with a note) and
:data:`MAX_PANELS` strata; the numbers are never cut (the JSON has them all).

>>> from mgmt_tools.pareto import analyse
>>> pareto_chart(analyse(["排队时间长", "Rates"], [12, 5]), "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mgmt_tools.locale import _, listed
from mgmt_tools.pareto.chart_table import (
    BAR,
    FONT,
    draw_panel,
    fold_names,
    table_height,
)
from mgmt_tools.pareto.result import ParetoResult, measure_text
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render import display_width, format_number, truncate
from mgmt_tools.render.dot import wrap

__all__ = ["BAR", "MAX_BARS", "MAX_PANELS", "pareto_chart"]

MAX_BARS = 40
MAX_PANELS = 12
_LEFT = 1.0  # inches left of a panel: the count axis, its label and the table's row names
_RIGHT = 0.5  # inches right of a panel: the percent axis
_GAP = 0.45  # inches right of a panel beside another, and left of one beside another
_WIDEST = 12.0
_WIDER = 18.0
_COLUMN = 0.26  # inches a bar's column takes at least when panels sit side by side


def pareto_chart(
    result: ParetoResult,
    fmt: str,
    *,
    title: str | None = None,
    other_label: str | None = None,
) -> bytes:
    """The Pareto chart (one panel, or one per stratum with records) as SVG, PNG or PDF.
    ``title`` replaces the chart's title; ``other_label`` names the bar of the merged tail
    (default "Other" in the reader's language)."""
    names, tail = _drawn_names(result, other_label)
    grey_last = result.other or tail > 0
    shown = result.strata[:MAX_PANELS]
    drawn = [s for s in shown if s.total > 0]
    empty = [s.name for s in shown if not s.total > 0]
    count = len(names)
    panels: list[tuple[str | None, list[float], frozenset[int]]] = []
    if result.strata:
        for stratum in drawn:
            values = [float(v) for v in stratum.counts]
            vital = stratum.positions
            panels.append(
                (
                    f"{stratum.name}  (n = {format_number(stratum.total)})",
                    _drawn_values(values, count, tail),
                    frozenset(p for p in vital if p < count - (1 if tail else 0)),
                )
            )
    else:
        leading = min(result.vital, count - (1 if tail else 0))
        values = [float(v) for v in result.counts]
        panels.append((None, _drawn_values(values, count, tail), frozenset(range(leading))))
    single = len(panels) <= 1
    columns, width = _columns(len(panels), count)
    if single:
        width = min(max(_LEFT + _RIGHT + count * 0.6, 6.3), _WIDEST)
    rows = max(math.ceil(len(panels) / columns), 1)
    inner = _GAP if columns > 1 else _RIGHT
    panel_width = (width - _LEFT - (columns - 1) * _GAP - columns * inner) / columns
    column = panel_width / max(count, 1)
    labels = [ch.clean(label) for label in names]
    with ch.chart_style():
        figure = ch.new_figure(width, 4.0)
        folded = fold_names(figure, labels, column)
        under = table_height(folded)
        notes = _notes(result, tail, len(result.strata) - len(shown), width, empty)
        measure = measure_text(result.measure)
        heading = title or result.title or _("Pareto chart of {measure}").format(measure=measure)
        lines = parts.title_lines(heading, width)
        top = parts.heading_height(lines, notes) + 0.1
        bars = 2.6 if single else (2.2 if rows == 1 else 1.5 if rows == 2 else 1.1)
        caption = 0.3 if result.strata else 0.0
        block = caption + bars + under + 0.2
        height = top + rows * block
        figure.set_size_inches(width, height)
        row_name = None if result.measure == "count" else truncate(measure, 14)
        decimals = 1 if column * 72 >= FONT * 0.55 * 5 + 4 else 0
        for index, (name, values, vital) in enumerate(panels):
            row, col = divmod(index, columns)
            x0 = _LEFT + col * (panel_width + inner + _GAP)
            y0 = height - top - row * block - caption - bars
            axes = figure.add_axes((x0 / width, y0 / height, panel_width / width, bars / height))
            first = col == 0
            draw_panel(
                axes, values, vital, grey_last, folded, result.cutoff, decimals, first, row_name
            )
            if first:
                axes.set_ylabel(ch.clean(truncate(measure, 24)), fontsize=FONT)
            if name is not None:
                axes.set_title(ch.clean(truncate(name, 40)), loc="left", fontsize=9)
        parts.heading(figure, lines, notes, left=0.25)
        return ch.figure_bytes(figure, fmt)


def _columns(panels: int, count: int) -> tuple[int, float]:
    """Panels side by side and the figure's width: as many (up to 3) as leave each bar
    :data:`_COLUMN` inches in :data:`_WIDEST` inches, else two in a wider figure (up to
    :data:`_WIDER`), else one."""
    for columns in range(min(panels, 3), 1, -1):
        if _needed(columns, count) <= _WIDEST:
            return columns, _WIDEST
    if panels >= 2 and _needed(2, count) <= _WIDER:
        return 2, max(_needed(2, count), _WIDEST)
    return 1, _WIDEST


def _needed(columns: int, count: int) -> float:
    return _LEFT + (2 * columns - 1) * _GAP + columns * count * _COLUMN


def _drawn_names(result: ParetoResult, other_label: str | None) -> tuple[list[str], int]:
    """Names of the bars drawn, and how many items the last grey bar stands for (0: none)."""
    names = result.shown_names()
    if result.other and names and other_label:
        names[-1] = other_label
    if len(names) <= MAX_BARS:
        return names, 0
    tail = len(names) - (MAX_BARS - 1)
    return [*names[: MAX_BARS - 1], _("{count} more").format(count=tail)], tail


def _drawn_values(values: list[float], count: int, tail: int) -> list[float]:
    if tail:
        return [*values[: count - 1], sum(values[count - 1 :])]
    return values


def _notes(
    result: ParetoResult, tail: int, hidden: int, width: float, empty: Sequence[str] = ()
) -> list[str]:
    import textwrap

    total = format_number(result.total)
    vital = listed([truncate(name, 30) for name in result.shown_names()[: min(result.vital, 6)]])
    if result.vital > 6:
        vital = _("{listed} and {count} more").format(listed=vital, count=result.vital - 6)
    text = _(
        "total {total}; the vital few ({vital} of {count}, in red) reach "
        "the {cutoff}% cutoff: {names}"
    ).format(
        total=total,
        vital=result.vital,
        count=len(result.names),
        cutoff=format_number(result.cutoff),
        names=vital,
    )
    columns = max(int((width - 0.5) * 72 / (ch.NOTE_SIZE * 0.55)), 30)
    if display_width(text) == len(text):
        notes = textwrap.wrap(text, columns, max_lines=2, placeholder=" …")
    else:  # wide (CJK) characters take two columns
        notes = wrap(text, columns, max_lines=2, note=True)  # closing marks kept off line starts
    if result.strata:
        notes.append(_("in each panel, red marks that panel's own vital few"))
    if tail:
        notes.append(
            _("the last {count} items are drawn as one bar; the JSON has them all").format(
                count=tail
            )
        )
    if hidden:
        notes.append(_("{count} more strata not drawn; the JSON has them all").format(count=hidden))
    if empty:
        notes.append(
            _("no records, not drawn: {strata}").format(
                strata=listed([truncate(name, 20) for name in empty[:6]])
            )
        )
    return [ch.clean(note, note=True) for note in notes]
