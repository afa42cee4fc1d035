"""The goal tree as a top-down Graphviz diagram (DOT, SVG, PNG, PDF) and a Mermaid mindmap.

Each box shows the goal, its owner and due date, and a progress bar: a table of two cells whose
widths are proportional to the progress. Colours (all in :data:`PALETTE`): the accent colour
(red) for goals off track or blocked, a calm green for done goals, neutral for the rest; an
at-risk goal has a dashed amber (``style.WARNING``) border and status. AND goals (min roll-up)
say "ALL of" above their name, OR goals (max) "ANY of". ``depth`` collapses the goals below
that level into their ancestor, which shows its rolled-up progress and how many goals it hides;
of a goal with more than ``max_branches`` (default :data:`MAX_BRANCHES`) subgoals the first are
drawn and a box counts the others. A tree too wide for a page hangs its lower goals in columns
under their parent (:mod:`mgmt_tools.goals.layout`), org-chart style: a vertical stem straight
down from the middle of the parent, a horizontal bus to the stems of further columns, and a
horizontal branch into each goal; the title and the "as of" date are set by
:func:`mgmt_tools.render.dot.heading`.

>>> from mgmt_tools.goals import analyse, loads
>>> dot = to_dot(analyse(loads("goal: Grow <deposits>\\nchildren: [{goal: A, progress: 0.5}]")))
>>> dot.splitlines()[0], "Grow &lt;deposits&gt;" in dot, "50%" in dot
('digraph goals {', True, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mgmt_tools.goals import layout
from mgmt_tools.goals.result import GoalsResult, as_of_text, mark, percent, status_text, track_text
from mgmt_tools.goals.rollup import Node
from mgmt_tools.locale import _, date_text, ngettext
from mgmt_tools.render import display_width, mermaid
from mgmt_tools.render.dot import (
    THEME,
    Html,
    attributes,
    cell,
    defaults,
    escape,
    heading,
    wrap,
)
from mgmt_tools.render.graphviz import pipe
from mgmt_tools.render.style import GOOD, GOOD_FILL, PROGRESS, TRACK, WARNING

__all__ = ["MAX_BRANCHES", "PALETTE", "render", "to_dot", "to_mermaid", "to_svg"]


PALETTE: dict[str, tuple[str, str, str]] = {
    "alert": (THEME.accent, THEME.accent_fill, THEME.accent),
    "risk": (WARNING, THEME.fill, WARNING),
    "done": (GOOD, GOOD_FILL, GOOD),
    "neutral": (THEME.line, THEME.fill, PROGRESS),
}
"""Kind of goal -> (border, fill, progress-bar colour); the only colours of the diagram."""
BAR_WIDTH = 110
"""Width of a progress bar in points."""
NAME_WIDTH = 26
"""Display columns of a line of a goal's name (a Chinese character takes two)."""
PEN = 1.2
"""Border width of a goal box in points."""
BOLD_PEN = 2.0
"""Border width of the root goal and of goals off track or blocked."""
STRAIGHT = 1000
"""Weight of the stem's pieces: dot then sets them straight below one another (a ``group``
alone did not), so the stem has no diagonal piece and no kink."""
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
            f'<TD WIDTH="{BAR_WIDTH - filled}" HEIGHT="8" FIXEDSIZE="TRUE" BGCOLOR="{TRACK}"></TD>'
        )
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
        f'WIDTH="{BAR_WIDTH}" HEIGHT="8"><TR>' + "".join(cells) + "</TR></TABLE>"
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
    name = "<BR/>".join(escape(line) for line in _name_lines(node.goal.name))
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
    shown = [
        node
        for node in result.nodes
        if not ((depth is not None and node.depth > depth) or node.index in omitted)
    ]
    boxes = {f"g{node.index}": _box(node, hidden.get(node.index, 0)) for node in shown}
    sizes_of = {f"g{node.index}": _size(node, hidden.get(node.index, 0)) for node in shown}
    kids: dict[str, list[str]] = {name: [] for name in boxes}
    for node in shown:
        if node.parent is not None:
            kids[f"g{node.parent}"].append(f"g{node.index}")
    for index, count in more.items():  # after the goals drawn, so the box comes last
        if depth is None or result.nodes[index].depth < depth:
            label = escape(
                ngettext("… {count} more goal", "… {count} more goals", count).format(
                    count=f"{count:,}"
                )
            )
            box = {"label": Html(label), "style": "rounded,dashed", "fontcolor": THEME.muted}
            boxes[f"m{index}"] = attributes(box)
            sizes_of[f"m{index}"] = (display_width(label) * 6.0 + 40, 45.0)
            kids[f"m{index}"] = []
            kids[f"g{index}"].append(f"m{index}")
    names = list(boxes)
    position = {name: number for number, name in enumerate(names)}
    tree = [[position[kid] for kid in kids[name]] for name in names]
    arrangement = layout.plan(tree, [sizes_of[name] for name in names])
    depths = layout.depths(tree)
    sizes = {
        name: down
        for name, (_across, down) in zip(names, layout.extents(tree, arrangement), strict=True)
    }
    ranks = _ranks(names, kids, sizes, depths, arrangement)
    graph: dict[str, str | float | Html] = {"rankdir": "TB", "nodesep": 0.25, "ranksep": 0.3}
    if arrangement.rows is not None:
        graph.update(splines="polyline", ranksep=0.2)
    if result.tree.title:
        notes = [as_of_text(result.as_of)] if result.as_of else []
        graph.update(heading([result.tree.title], notes))
    lines = ["digraph goals {"]
    node_defaults = {"shape": "box", "style": "rounded,filled", "margin": "0.06,0.03"}
    lines += [
        "  " + line for line in defaults(THEME, node=node_defaults, edge={"dir": "none"}, **graph)
    ]
    rows = arrangement.rows or 0

    def subtree(name: str) -> list[str]:
        """The DOT lines of a goal and all below it; a goal whose subgoals hang holds
        its subtree in a cluster, and each column of hung goals is a cluster of its own,
        so that dot keeps the columns side by side, in order."""
        out = [f"  {name} {boxes[name]}"]
        if kids[name] and arrangement.stacked(depths[position[name]]):
            out += _stacked(name, kids[name], sizes, ranks, rows, subtree)
            return _cluster(f"cluster_{name}", out)
        for kid in kids[name]:
            out += [f"  {name} -> {kid}", *subtree(kid)]
        return out

    lines += subtree(names[0])
    lines.append("}")
    return "\n".join(lines) + "\n"


def _name_lines(name: str, width: int = NAME_WIDTH) -> list[str]:
    """A goal's name in at most 3 lines of at most ``width`` columns, the lines as even as
    they can be (no last line of one Chinese character).

    >>> _name_lines("稳住前50大零售客户存款不流失")
    ['稳住前50大零售', '客户存款不流失']
    """
    lines = wrap(name, width, 3)
    for narrower in range(max(4, width // 2), width):
        even = wrap(name, narrower, 3)
        if len(even) == len(lines) and not even[-1].endswith("…"):
            return even
    return lines


def _size(node: Node, hidden: int) -> layout.Box:
    """The estimated width and height of a goal's box in points, with the gaps around it."""
    name = _name_lines(node.goal.name)
    label = _label(node, hidden)
    small = label.count(f'POINT-SIZE="{THEME.small_size:g}"') - 1  # the percentage shares a row
    width = max(
        max(display_width(line) for line in name) * THEME.font_size * 0.56,
        BAR_WIDTH + 40.0,
        max((display_width(part) for part in re.findall(r">([^<>]+)<", label)), default=0)
        * THEME.small_size
        * 0.56,
    )
    height = len(name) * THEME.font_size * 1.3 + (small + 1) * THEME.small_size * 1.45
    return width + 36.0, height + 24.0


def _box(node: Node, hidden: int) -> str:
    """The attribute list of a goal's box."""
    border, fill, _bar = PALETTE[kind(node)]
    values: dict[str, str | float | Html] = {
        "label": _label(node, hidden),
        "color": border,
        "fillcolor": fill,
        "penwidth": BOLD_PEN if node.depth == 0 or kind(node) == "alert" else PEN,
    }
    if kind(node) == "risk":
        values["style"] = "rounded,filled,dashed"
    return attributes(values)


def _cluster(name: str, members: list[str]) -> list[str]:
    """``members`` in an invisible cluster called ``name``."""
    return [f"  subgraph {name} {{", "    peripheries=0", '    label=""', *members, "  }"]


def _stacked(
    parent: str,
    children: list[str],
    sizes: dict[str, int],
    ranks: dict[str, int],
    rows: int,
    subtree: Callable[[str], list[str]],
) -> list[str]:
    """DOT lines hanging ``children`` under ``parent`` in columns of at most ``rows`` boxes,
    org-chart style, every line straight across or straight down (invisible points hold the
    corners): a stem straight down from the middle of the parent, with more than one column a
    bus across to the stem of each further column, and a short branch across into each goal;
    each goal below the subtree of the one before (``sizes``: boxes down, ``ranks``: ranks
    down of each subtree; ``subtree`` gives the lines of a goal and all below it)."""
    point: dict[str, str | float | Html] = {
        "shape": "point",
        "width": 0.01,
        "height": 0.01,
        "label": "",
        "style": "invis",
    }
    stem = f"{parent}_stem"
    lines = [f"  {parent} {attributes({'group': stem})}"]
    parts = layout.columns([sizes[child] for child in children], rows)
    bus = parent
    if len(parts) > 1:  # a bus under the parent, one rank above the columns
        bus = f"{parent}_bus"
        lines.append(f"  {bus} {attributes({**point, 'group': stem})}")
        lines.append(f"  {parent} -> {bus} [weight={STRAIGHT}]")
    left = bus  # the bus runs from the stem to the top of each further column in turn
    across = []
    for column, part in enumerate(parts):
        group = stem if column == 0 else f"{parent}_{column}"
        above, gap = bus, 1
        members = []
        if column > 0:
            above = f"{parent}_top_{column}"
            members.append(f"  {above} {attributes({**point, 'group': group})}")
            across.append(f"  {{rank=same; {left} -> {above}}}")
            left = above
        for number in part:
            junction = f"{parent}_{column}_{number}"
            members.append(f"  {junction} {attributes({**point, 'group': group})}")
            length = f", minlen={gap}" if gap > 1 else ""
            members.append(f"  {above} -> {junction} [weight={STRAIGHT}{length}]")
            members += subtree(children[number])
            members.append(f"  {{rank=same; {junction} -> {children[number]} [minlen=0]}}")
            above, gap = junction, ranks[children[number]]
        lines += _cluster(f"cluster_{parent}_{column}", members)
    return lines + across


def _ranks(
    names: list[str],
    kids: dict[str, list[str]],
    sizes: dict[str, int],
    depths: list[int],
    arrangement: layout.Plan,
) -> dict[str, int]:
    """How many ranks of the drawing each goal's subtree takes (a bus takes one of its own)."""
    ranks: dict[str, int] = {}
    for number in reversed(range(len(names))):  # parents before their children
        name = names[number]
        below = kids[name]
        if not below:
            ranks[name] = 1
        elif arrangement.rows is not None and arrangement.stacked(depths[number]):
            parts = layout.columns([sizes[kid] for kid in below], arrangement.rows)
            down = max(sum(ranks[below[n]] for n in part) for part in parts)
            ranks[name] = 1 + (len(parts) > 1) + down
        else:
            ranks[name] = 1 + max(ranks[kid] for kid in below)
    return ranks


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
