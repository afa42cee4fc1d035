"""The goal tree as a top-down Graphviz diagram (DOT, SVG, PNG, PDF) and a Mermaid mindmap.

Each box shows the goal, its owner and due date, and a progress bar: a table of two cells
whose widths are proportional to the progress. Colours (all in :data:`PALETTE`): the accent
colour for goals off track or blocked, a calm green for done goals, neutral for the rest; an
at-risk goal has a dashed accent border. AND goals (min roll-up) say "ALL of" above their name,
OR goals (max) "ANY of". ``depth`` collapses the goals below that level into their ancestor,
which shows its rolled-up progress and how many goals it hides; of a goal with more than
``max_branches`` (default :data:`MAX_BRANCHES`) subgoals the first are drawn and a box counts
the others.

>>> from mgmt_tools.goals import analyse, loads
>>> dot = to_dot(analyse(loads("goal: Grow <deposits>\\nchildren: [{goal: A, progress: 0.5}]")))
>>> dot.splitlines()[0], "Grow &lt;deposits&gt;" in dot, "50%" in dot
('digraph goals {', True, True)
"""

from __future__ import annotations

from mgmt_tools.goals.result import GoalsResult, as_of_text, mark, percent, status_text, track_text
from mgmt_tools.goals.rollup import Node
from mgmt_tools.locale import _, date_text, ngettext
from mgmt_tools.render import mermaid
from mgmt_tools.render.dot import THEME, Html, attributes, cell, defaults, escape, wrap
from mgmt_tools.render.graphviz import pipe

__all__ = ["MAX_BRANCHES", "PALETTE", "render", "to_dot", "to_mermaid", "to_svg"]


PALETTE: dict[str, tuple[str, str, str]] = {
    "alert": (THEME.accent, THEME.accent_fill, THEME.accent),
    "risk": (THEME.accent, THEME.fill, "#D68910"),
    "done": ("#2E7D4F", "#EEF7F1", "#2E7D4F"),
    "neutral": (THEME.line, THEME.fill, "#52606D"),
}
"""Kind of goal -> (border, fill, progress-bar colour); the only colours of the diagram."""
TRACK_COLOUR = "#E4E7EB"
"""The unfilled part of a progress bar."""
BAR_WIDTH = 150
"""Width of a progress bar in points."""
MAX_BRANCHES = 50
"""Subgoals of one goal drawn by default; a box counts the others."""


def kind(node: Node) -> str:
    """alert (off track or blocked), risk (at risk), done, or neutral."""
    if node.track == "off_track" or node.goal.status == "blocked":
        return "alert"
    if node.status == "done" or node.progress >= 1.0:
        return "done"
    if node.track == "at_risk":
        return "risk"
    return "neutral"


def _bar(progress: float, colour: str) -> str:
    filled = round(BAR_WIDTH * min(1.0, max(0.0, progress)))
    cells = []
    if filled > 0:
        cells.append(f'<TD WIDTH="{filled}" HEIGHT="8" FIXEDSIZE="TRUE" BGCOLOR="{colour}"></TD>')
    if filled < BAR_WIDTH:
        cells.append(
            f'<TD WIDTH="{BAR_WIDTH - filled}" HEIGHT="8" FIXEDSIZE="TRUE" '
            f'BGCOLOR="{TRACK_COLOUR}"></TD>'
        )
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        + "".join(cells)
        + "</TR></TABLE>"
    )


def _label(node: Node, hidden: int) -> Html:
    border, _fill, bar = PALETTE[kind(node)]
    rows = []
    if mark(node):
        rows.append(
            cell(
                escape(mark(node) or ""), colspan=2, color=border, size=THEME.small_size, bold=True
            )
        )
    name = "<BR/>".join(escape(line) for line in wrap(node.goal.name, 30, 3))
    rows.append(cell(name, colspan=2, bold=node.depth == 0))
    who = [node.owner or ""]
    if node.due:
        who.append(_("due {date}").format(date=date_text(node.due)))
    details = " · ".join(part for part in who if part)
    if details:
        rows.append(cell(escape(details), colspan=2, color=THEME.muted, size=THEME.small_size))
    rows.append(
        cell(_bar(node.progress, bar), align="LEFT")
        + cell(escape(percent(node.progress)), color=THEME.ink, size=THEME.small_size, bold=True)
    )
    notes = []
    if node.goal.status == "blocked":
        notes.append(status_text("blocked"))
    if node.track:
        notes.append(track_text(node.track))
    if hidden:
        notes.append(
            ngettext("+{count} goal below", "+{count} goals below", hidden).format(count=hidden)
        )
    if notes:
        colour = border if kind(node) in ("alert", "risk") else THEME.muted
        rows.append(cell(escape(" · ".join(notes)), colspan=2, color=colour, size=THEME.small_size))
    body = "".join(f"<TR>{row}</TR>" for row in rows)
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{body}</TABLE>')


def _hidden(result: GoalsResult, depth: int | None) -> dict[int, int]:
    """Shown goal -> how many goals below it are hidden at ``depth``."""
    counts: dict[int, int] = {}
    if depth is None:
        return counts
    for node in result.nodes:
        if node.depth > depth:
            above = node
            while above.depth > depth:
                assert above.parent is not None
                above = result.nodes[above.parent]
            counts[above.index] = counts.get(above.index, 0) + 1
    return counts


def _branches(result: GoalsResult, max_branches: int | None) -> tuple[set[int], dict[int, int]]:
    """The goals left out by ``max_branches`` (a subgoal past the first of its parent, and
    all below it), and per goal how many of its subgoals are left out."""
    if max_branches is None:
        return set(), {}
    if max_branches < 1:
        raise ValueError(_("max_branches must be >= 1"))
    omitted: set[int] = set()
    more: dict[int, int] = {}
    for node in result.nodes:  # pre-order: a parent comes before its children
        if node.index in omitted:
            omitted.update(node.children)
        elif len(node.children) > max_branches:
            omitted.update(node.children[max_branches:])
            more[node.index] = len(node.children) - max_branches
    return omitted, more


def to_dot(
    result: GoalsResult, *, depth: int | None = None, max_branches: int | None = MAX_BRANCHES
) -> str:
    """DOT text of the goal tree, top down; ``depth`` N shows levels 0 (the root) to N, and
    of a goal with more than ``max_branches`` subgoals the first are drawn and a box counts
    the others (None draws them all)."""
    if depth is not None and depth < 0:
        raise ValueError(_("depth must be >= 0"))
    hidden = _hidden(result, depth)
    omitted, more = _branches(result, max_branches)
    graph: dict[str, str | float | Html] = {"rankdir": "TB", "nodesep": 0.3, "ranksep": 0.45}
    if result.tree.title:
        title = escape(result.tree.title)
        if result.as_of:
            when = escape(as_of_text(result.as_of))
            title += f'<BR/><FONT POINT-SIZE="{THEME.small_size:g}">{when}</FONT>'
        graph.update(label=Html(f"<B>{title}</B>"), labelloc="t", fontsize=14)
    lines = ["digraph goals {"]
    node_defaults = {"shape": "box", "style": "rounded,filled", "margin": "0.08,0.04"}
    lines += [
        "  " + line for line in defaults(THEME, node=node_defaults, edge={"dir": "none"}, **graph)
    ]
    for node in result.nodes:
        if (depth is not None and node.depth > depth) or node.index in omitted:
            continue
        border, fill, _bar = PALETTE[kind(node)]
        values: dict[str, str | float | Html] = {
            "label": _label(node, hidden.get(node.index, 0)),
            "color": border,
            "fillcolor": fill,
            "penwidth": 2.0 if node.depth == 0 or kind(node) == "alert" else 1.2,
        }
        if kind(node) == "risk":
            values["style"] = "rounded,filled,dashed"
        lines.append(f"  g{node.index} {attributes(values)}")
        if node.parent is not None:
            lines.append(f"  g{node.parent} -> g{node.index}")
    for index, count in more.items():  # after the goals drawn, so the box comes last
        if depth is None or result.nodes[index].depth < depth:
            label = escape(
                ngettext("… {count} more goal", "… {count} more goals", count).format(
                    count=f"{count:,}"
                )
            )
            box = {"label": Html(label), "style": "rounded,dashed", "fontcolor": THEME.muted}
            lines.append(f"  m{index} {attributes(box)}")
            lines.append(f"  g{index} -> m{index} [style=dashed]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(
    result: GoalsResult,
    fmt: str,
    *,
    depth: int | None = None,
    max_branches: int | None = MAX_BRANCHES,
) -> bytes:
    """The goal tree as SVG, PNG or PDF (Graphviz ``dot``)."""
    goals = len(result.nodes)
    return pipe(
        to_dot(result, depth=depth, max_branches=max_branches),
        fmt,
        diagram=ngettext(
            "the goal tree of {count} goal", "the goal tree of {count} goals", goals
        ).format(count=f"{goals:,}"),
        simpler=_("--depth N (the levels drawn below the root) or --max-branches N"),
    )


def to_svg(result: GoalsResult, *, depth: int | None = None) -> str:
    """The goal tree as SVG text."""
    return render(result, "svg", depth=depth).decode("utf-8")


def to_mermaid(result: GoalsResult, *, depth: int | None = None) -> str:
    """A Mermaid ``mindmap``: each goal with its progress (and ALL of / ANY of, track)."""
    hidden = _hidden(result, depth)
    lines = []
    if result.tree.title:
        lines.append(mermaid.comment(result.tree.title))
    lines.append("mindmap")
    for node in result.nodes:
        if depth is not None and node.depth > depth:
            continue
        text = f"{node.goal.name} {percent(node.progress)}"
        extra = [mark(node) or "", track_text(node.track)]
        if hidden.get(node.index):
            extra.append(_("+{count} below").format(count=hidden[node.index]))
        if any(extra):
            text += "\n" + " · ".join(part for part in extra if part)
        shape = ("((", "))") if node.depth == 0 else ("[", "]")
        ident = mermaid.node_id(node.index, "g")
        lines.append(f"{'  ' * (node.depth + 1)}{ident}{shape[0]}{mermaid.label(text)}{shape[1]}")
    return "\n".join(lines) + "\n"
