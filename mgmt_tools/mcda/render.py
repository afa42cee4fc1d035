"""The hierarchy of a weighted index or an AHP result as a Graphviz diagram, top down.

The goal sits at the top, the criteria with their weights (and, for AHP, the consistency ratio
of each matrix) below it, and the alternatives at the bottom with their scores (overall
priorities for AHP) and ranks; the winner (rank 1) is drawn in the theme's accent colour. A
single AHP matrix is drawn as the goal over its elements.

Criteria stand left to right by weight, heaviest first (ties in the input's order), and
alternatives by rank, best first, so that the reader's eye runs from what matters most.

Two layouts:

- ``edges``: every criterion joined to every alternative, each line as wide as the local weight
  (AHP: the alternative's local priority under the criterion; an index: the alternative's
  standing on the criterion, its raw value min-max scaled with the criterion's direction, worst
  0 to best 1, whatever the method's own normalisation), and each criterion joined to the goal
  by a line as wide as its weight. The lines into the winner are in the accent colour. With two
  or more criteria and two or more alternatives these lines must cross (a complete two-layer
  graph of m criteria and n alternatives drawn with straight lines has m(m-1)/2 x n(n-1)/2
  crossings whatever the order), so ``auto`` draws them only where they cannot cross.
- ``table``: the alternatives as one ranked table, best first, with a column per criterion (an
  index: the values as given; AHP: the local priorities; the best of each column in bold) in
  the criteria's order, each criterion's line ending on top of its own column (so no two lines
  cross), then the score and the rank. The contribution chart
  (:mod:`mgmt_tools.mcda.contribution`) draws the same numbers as stacked bars.

``auto`` (the default) draws the lines when they cannot cross (one criterion, one alternative,
or a single AHP matrix: the goal over its elements), at most :data:`MAX_EDGES` of them and at
most :data:`MAX_ROW` alternatives, and the table otherwise. Either layout draws at most
:data:`TOP` alternatives, the best, with a note saying how many there are; the numbers are
never cut (the JSON result has them all).

Nothing is computed here beyond the standings that set the widths of an index's lines; every
other number comes from the :class:`~mgmt_tools.mcda.result.IndexResult` or
:class:`~mgmt_tools.mcda.result.AhpResult`.

Examples
--------
>>> from mgmt_tools.mcda import evaluate, loads
>>> result = evaluate(loads('''
... goal: Choose a vendor
... criteria:
...   - {id: cost, weight: 0.6, direction: min}
...   - {id: support, weight: 0.4}
... alternatives:
...   - {name: A, cost: 250, support: 8}
...   - {name: B, cost: 310, support: 9}
... '''))
>>> dot = to_dot(result)
>>> dot.splitlines()[0], "Choose a vendor" in dot, 'rankdir="TB"' in dot
('digraph hierarchy {', True, True)
"""

from __future__ import annotations

from typing import Unpack

from mgmt_tools.locale import _, pgettext
from mgmt_tools.mcda.view import TOP, Hierarchy, Result, hierarchy, score_text, value_text
from mgmt_tools.render import display_width
from mgmt_tools.render.dot import THEME, CellStyle, Html, attributes, cell, defaults, escape, wrap

__all__ = [
    "LAYOUTS",
    "MAX_EDGES",
    "MAX_ROW",
    "TOP",
    "Hierarchy",
    "auto_layout",
    "balanced",
    "criteria_order",
    "crossings",
    "hierarchy",
    "render",
    "score_text",
    "to_dot",
    "to_svg",
    "value_text",
]

LAYOUTS = ("auto", "edges", "table")
MAX_EDGES = 60
"""Lines between the criteria (or the goal) and the alternatives that ``auto`` draws at most;
beyond, and wherever two of them would cross, the alternatives are a table."""
MAX_ROW = 5
"""Alternatives that ``auto`` draws side by side at most (a wider row does not fit a page)."""

# widths of text, in display columns
_GOAL_COLUMNS = 44
_NAME_COLUMNS = 18  # criteria and alternatives
_HEADER_COLUMNS = 12  # a criterion's column in the table
_ROW_NAME_COLUMNS = 36  # an alternative's name in the table (two lines at most)
_WRAPPED_FROM = 3  # criteria from which the table wraps the alternatives' names
_LEGEND_COLUMNS = 100
_THIN, _WIDE = 0.6, 4.0  # line widths for a local weight of 0 and of the largest one


# --- DOT --------------------------------------------------------------------------------------


def _box(
    lines: list[tuple[str, CellStyle]],
    *,
    winner: bool,
    fill: str = THEME.fill,
    border: str = THEME.line,
) -> Html:
    """A rounded box of text, a row per line (Graphviz sets the lines of one cell too tight
    for CJK glyphs); the winner's in the accent colours with a double-width border."""
    border = THEME.accent if winner else border
    return Html(
        f'<TABLE BORDER="{2 if winner else 1}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"'
        f' COLOR="{border}" BGCOLOR="{THEME.accent_fill if winner else fill}" STYLE="rounded">'
        # a space each side: Graphviz measures small text a little narrow, and the rounded
        # corners take some room
        + "".join(f"<TR>{cell(f'&#160;{markup}&#160;', **style)}</TR>" for markup, style in lines)
        + "</TABLE>"
    )


def balanced(text: str, width: int, max_lines: int = 3) -> list[str]:
    """``text`` wrapped as :func:`~mgmt_tools.render.dot.wrap` does, in lines of about equal
    width: the narrowest width that needs no more lines, breaking at spaces where that can
    be done.

    >>> balanced("Choose a team leader for the corporate RM desk", 44)
    ['Choose a team leader for', 'the corporate RM desk']
    >>> balanced("资深客户经理 张敏", 14)
    ['资深客户经理', '张敏']
    """
    lines = wrap(text, width, max_lines)
    if len(lines) < 2 or lines[-1].endswith("…"):
        return lines
    words = " ".join(text.split())
    narrowest: list[str] | None = None
    for narrower in range(max(1, display_width(text) // len(lines)), width):
        found = wrap(text, narrower, max_lines)
        if len(found) != len(lines) or found[-1].endswith("…"):
            continue
        if " ".join(found) == words:  # every break at a space
            return found
        narrowest = narrowest or found
    return lines if " ".join(lines) == words else (narrowest or lines)


def _name_lines(name: str, columns: int, *, bold: bool, colour: str) -> list[tuple[str, CellStyle]]:
    return [(escape(line), {"bold": bold, "color": colour}) for line in balanced(name, columns)]


def _small(text: str, colour: str = THEME.muted) -> tuple[str, CellStyle]:
    return (escape(text), {"color": colour, "size": THEME.small_size})


def _goal(view: Hierarchy) -> str:
    lines: list[tuple[str, CellStyle]] = [
        (escape(line), {"bold": True, "size": 14}) for line in balanced(view.goal, _GOAL_COLUMNS, 2)
    ]
    lines += [_small(line) for line in view.about]
    label = _box(lines, winner=False, fill=THEME.band_fill, border=THEME.ink)
    return f"goal {attributes({'label': label})}"


def _alternative_lines(view: Hierarchy, k: int) -> list[tuple[str, CellStyle]]:
    winner = view.ranks[k] == 1
    colour = THEME.accent if winner else THEME.ink
    lines = _name_lines(view.alternatives[k], _NAME_COLUMNS, bold=winner, colour=colour)
    lines.append((escape(f"{view.score_name} {score_text(view.scores[k])}"), {"color": colour}))
    if view.extra:
        text = " · ".join(f"{name} {score_text(v[k])}" for name, v in view.extra.items())
        lines.append(_small(text))
    rank = _("rank {rank}").format(rank=view.ranks[k])
    lines.append(_small(rank, THEME.accent if winner else THEME.muted))
    return lines


def _width(share: float) -> float:
    return round(_THIN + (_WIDE - _THIN) * max(0.0, min(1.0, share)), 2)


def criteria_order(weights: list[float]) -> list[int]:
    """Positions of the criteria left to right: heaviest first, ties in the input's order.

    >>> criteria_order([0.2, 0.5, 0.2, 0.1])
    [1, 0, 2, 3]
    """
    return sorted(range(len(weights)), key=lambda c: (-weights[c], c))


def _in_order(prefix: str, order: list[int] | int) -> list[str]:
    """Keep nodes ``prefix{k}`` for ``k`` in ``order`` (or ``0 .. order-1``) left to right:
    invisible edges along one rank (``ordering`` would tie the order to that of the edges,
    and the winner's lines must come last to be drawn on top)."""
    positions = list(range(order)) if isinstance(order, int) else order
    if len(positions) < 2:
        return []
    chain = " -> ".join(f"{prefix}{k}" for k in positions)
    return [f'  {{rank=same; {chain} [style="invis"]}}']


def _edges_layout(view: Hierarchy) -> list[str]:
    lines = []
    for k in range(len(view.alternatives)):
        label = _box(_alternative_lines(view, k), winner=view.ranks[k] == 1)
        lines.append(f"a{k} {attributes({'label': label})}")
    if not view.criteria:  # a single matrix: the goal over its elements
        biggest = max(view.scores, default=1.0) or 1.0
        for k, score in enumerate(view.scores):
            edge: dict[str, str | float | Html] = {"penwidth": _width(score / biggest)}
            if view.ranks[k] == 1:
                edge["color"] = THEME.accent
            lines.append(f"goal -> a{k} {attributes(edge)}")
        return lines
    winners = [k for k in range(len(view.alternatives)) if view.ranks[k] == 1]
    others = [k for k in range(len(view.alternatives)) if view.ranks[k] != 1]
    # the winner's lines last, so that they are drawn over the others
    for group, colour in ((others, THEME.faint), (winners, THEME.accent)):
        for c in range(len(view.criteria)):
            for k in group:
                width = _width(float(view.local[c, k]))
                lines.append(f"c{c} -> a{k} {attributes({'penwidth': width, 'color': colour})}")
    return lines


def _with(style: CellStyle, **more: Unpack[CellStyle]) -> CellStyle:
    """``style`` with ``more`` added or overriding."""
    merged = CellStyle(**style)
    merged.update(more)
    return merged


def _table_layout(view: Hierarchy) -> list[str]:
    header: CellStyle = {"bgcolor": THEME.band_fill, "bold": True, "size": THEME.small_size}
    heads = [
        cell(escape(pgettext("table header", "rank")), **header),
        cell(escape(view.noun), **_with(header, align="LEFT")),
    ]
    order = criteria_order(view.weights)
    for c in order:
        # the criterion's name as in its box above (its id when it has none), wrapped narrow
        column = view.criteria[c] or view.columns[c]
        # (a long Latin word widens the column; Chinese text breaks between any characters)
        words = [word for word in column.split() if word.isascii()]
        longest = max((display_width(word) for word in words), default=0)
        width = min(max(_HEADER_COLUMNS, longest), 2 * _HEADER_COLUMNS)
        text = "<BR/>".join(escape(line) for line in balanced(column, width, 4))
        # the port the criterion's line ends at (cell() has no keyword for it)
        heads.append(cell(text, **header).replace("<TD", f'<TD PORT="c{c}"', 1))
    heads += [cell(escape(name), **header) for name in (view.score_name, *view.extra)]
    rows = ["<TR>" + "".join(heads) + "</TR>"]
    for k, name in enumerate(view.alternatives):
        winner = view.ranks[k] == 1
        style: CellStyle = {"color": THEME.accent if winner else THEME.ink}
        if winner:
            style["bgcolor"] = THEME.accent_fill
        number = _with(style, align="RIGHT")
        cells = [cell(str(view.ranks[k]), **_with(style, bold=winner))]
        shown = escape(name)
        if len(order) >= _WRAPPED_FROM:  # a wide table: long names take two lines
            shown = "<BR/>".join(escape(line) for line in balanced(name, _ROW_NAME_COLUMNS, 2))
        cells.append(cell(shown, **_with(style, bold=winner, align="LEFT")))
        for c in order:
            cells.append(cell(escape(view.cells[k][c]), **_with(number, bold=view.best[k][c])))
        cells.append(cell(escape(score_text(view.scores[k])), **_with(number, bold=True)))
        for values in view.extra.values():
            cells.append(cell(escape(score_text(values[k])), **number))
        rows.append("<TR>" + "".join(cells) + "</TR>")
    if view.total > len(view.alternatives):
        more = _("… and {count} more").format(count=f"{view.total - len(view.alternatives):,}")
        span = 3 + len(view.columns) + len(view.extra)
        rows.append(f"<TR>{cell(escape(more), colspan=span, color=THEME.muted, align='LEFT')}</TR>")
    table = Html(
        f'<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="{THEME.line}"'
        f' BGCOLOR="{THEME.fill}">' + "".join(rows) + "</TABLE>"
    )
    lines = [f"alternatives {attributes({'label': table})}"]
    if not view.criteria:
        lines.append("goal -> alternatives")
    for c in order:
        lines.append(f"c{c} -> alternatives:c{c}:n")
    return lines


def _legend(view: Hierarchy, layout: str) -> Html:
    """The key under the diagram: what the score and the line widths (or the columns) mean,
    then the notes (alternatives left out, VIKOR's compromise) in the accent colour."""
    rows = [_("{name}: {meaning}.").format(name=view.score_name.capitalize(), meaning=view.meaning)]
    if layout == "edges" and view.criteria and view.priorities:
        rows.append(
            _(
                "Line widths: from the goal, the criterion's weight; to an alternative, {meaning}."
            ).format(meaning=view.local_meaning)
        )
    elif layout == "edges" and view.criteria:  # an index's criteria: 指标 in Chinese
        rows.append(
            pgettext(
                "index",
                "Line widths: from the goal, the criterion's weight; to an alternative, {meaning}.",
            ).format(meaning=view.local_meaning)
        )
    elif layout == "edges":
        rows.append(_("Line widths: the element's priority."))
    elif view.criteria and view.priorities:
        rows.append(_("Columns: the criteria's local priorities; the best of each in bold."))
    elif view.criteria:
        rows.append(_("Columns: the criteria's values as given; the best of each in bold."))
    small = THEME.small_size
    cells = [
        cell(escape(line), color=colour, size=small, align="LEFT")
        for texts, colour in ((rows, THEME.muted), (view.notes, THEME.accent))
        for text in texts
        for line in balanced(text, _LEGEND_COLUMNS, 4)
    ]
    return Html(
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(f"<TR>{c}</TR>" for c in cells)
        + "</TABLE>"
    )


def crossings(criteria: int, alternatives: int) -> int:
    """Crossings of the lines joining every one of ``criteria`` to every one of
    ``alternatives`` in two rows, straight, whatever their order: m(m-1)/2 x n(n-1)/2.

    >>> crossings(6, 4), crossings(1, 30), crossings(2, 2)
    (90, 0, 1)
    """
    return criteria * (criteria - 1) // 2 * (alternatives * (alternatives - 1) // 2)


def auto_layout(view: Hierarchy) -> str:
    """The layout ``auto`` picks: ``edges`` when no two lines cross, there are at most
    :data:`MAX_EDGES` of them and at most :data:`MAX_ROW` alternatives (all of them) side by
    side, else ``table``."""
    shown = len(view.alternatives)
    lines = max(len(view.criteria), 1) * shown
    fits = view.total <= min(TOP, MAX_ROW) and lines <= MAX_EDGES
    return "edges" if fits and crossings(len(view.criteria), shown) == 0 else "table"


def to_dot(result: Result, *, layout: str = "auto") -> str:
    """The hierarchy as DOT text (deterministic: same result, same bytes).

    Parameters
    ----------
    result
        An index result, or an AHP result (a hierarchy or a single matrix).
    layout
        ``edges``, ``table`` or ``auto`` (lines where none would cross, see
        :func:`auto_layout`; the table otherwise).

    Raises
    ------
    ValueError
        ``layout`` is not one of :data:`LAYOUTS`.
    """
    if layout not in LAYOUTS:
        raise ValueError(
            _("unknown layout {layout}; choose one of {known}").format(
                layout=repr(layout), known=", ".join(LAYOUTS)
            )
        )
    view = hierarchy(result)
    if layout == "auto":
        layout = auto_layout(view)
    lines = ["digraph hierarchy {"]
    graph = defaults(
        THEME,
        node={"shape": "plain"},
        edge={"arrowhead": "none", "penwidth": 1.0},
        rankdir="TB",
        nodesep=0.35,
        splines="line",
        outputorder="edgesfirst",  # boxes over any line that passes them
        ranksep=0.9 if layout == "edges" and view.criteria else 0.5,
        labelloc="b",
        labeljust="l",
        label=_legend(view, layout),
    )
    lines += ["  " + line for line in graph]
    lines.append("  " + _goal(view))
    biggest = max(view.weights, default=1.0) or 1.0
    for c, name in enumerate(view.criteria):
        box = _name_lines(name, _NAME_COLUMNS, bold=True, colour=THEME.ink)
        box += [_small(line) for line in view.criterion_lines[c]]
        lines.append(
            f"  c{c} {attributes({'label': _box(box, winner=False, fill=THEME.band_fill)})}"
        )
        edge = {"penwidth": _width(view.weights[c] / biggest)}
        lines.append(f"  goal -> c{c} {attributes(edge)}")
    body = _edges_layout(view) if layout == "edges" else _table_layout(view)
    lines += ["  " + line for line in body]
    lines += _in_order("c", criteria_order(view.weights))
    if layout == "edges":
        lines += _in_order("a", len(view.alternatives))
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(result: Result, fmt: str, *, layout: str = "auto") -> bytes:
    """The diagram rendered by Graphviz ``dot`` as ``fmt`` (svg, png or pdf); the errors are
    those of :func:`mgmt_tools.render.graphviz.pipe` (ValueError for another format,
    GraphvizNotFoundError without Graphviz: write :func:`to_dot` instead)."""
    from mgmt_tools.render.graphviz import pipe

    return pipe(to_dot(result, layout=layout), fmt, diagram=_("the hierarchy"))


def to_svg(result: Result, *, layout: str = "auto") -> str:
    """The hierarchy as SVG text (see :func:`render`)."""
    return render(result, "svg", layout=layout).decode("utf-8")
