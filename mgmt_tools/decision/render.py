"""The decision tree as a textbook figure (Graphviz, left to right).

Nothing is computed here beyond adding the payoffs along each path; every value comes from the
:class:`~mgmt_tools.decision.result.DecisionResult`. Decision nodes are squares, chance nodes
circles and terminals triangles pointing right. Each branch is a short rule with its name above
and its probability and payoff below, as in the textbooks; the chosen branch at every decision is
drawn in the theme's accent colour and the others are pruned (grey, dashed, with the double hash
across them). Every node shows its rolled-back value in path-total terms (the payoffs already
taken on the way to it plus the value of what lies below it, so it compares directly with the
totals at the terminals), with a risk tolerance also its certainty equivalent; a terminal shows
its path total and the probability of ending there under the policy (0 off the policy).

What is drawn comes from :mod:`mgmt_tools.decision.view`: a tree of more than ``MAX_NODES``
nodes is drawn down to the deepest depth that keeps it under that, with a note saying so: each
subtree cut off is drawn as its root, showing its value and how many nodes it hides. A node
with more than ``MAX_BRANCHES`` branches shows the first of them (and the chosen one) and a
"… N more branches" mark. The terminals line up on the right
only in a tree of at most :data:`ALIGN_DEPTH` levels drawn (Graphviz takes minutes to align them
across a hundred levels). The numbers are never cut.

Examples
--------
>>> from mgmt_tools.decision import loads, rollback
>>> result = rollback(loads('''
... root:
...   type: decision
...   branches:
...     - {name: Extend, node: {type: chance, branches: [{name: Repays, p: 0.9, payoff: 120},
...                                                      {name: Defaults, p: rest, payoff: -300}]}}
...     - {name: Decline}
... '''))
>>> dot = to_dot(result)
>>> dot.splitlines()[0], 'shape="square"' in dot, 'shape="circle"' in dot
('digraph decision {', True, True)
"""

from __future__ import annotations

import numpy as np

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools.decision.result import DecisionResult
from mgmt_tools.decision.rollback import Solution
from mgmt_tools.decision.tree import CHANCE, DECISION, TERMINAL, Tree
from mgmt_tools.decision.tree_key import amount, heading_of
from mgmt_tools.decision.view import MAX_BRANCHES, select
from mgmt_tools.locale import _, ngettext
from mgmt_tools.render import display_width, format_number
from mgmt_tools.render.dot import (
    THEME,
    CellStyle,
    Html,
    attributes,
    cell,
    defaults,
    escape,
    html_lines,
)

__all__ = [
    "ALIGN_DEPTH",
    "amount",
    "path_totals",
    "render",
    "to_dot",
    "to_svg",
]

ALIGN_DEPTH = 25
"""Deepest tree drawn whose terminals line up on one rank (dot's time grows steeply with it:
0.15 s at 30 levels, 5 s at 50, minutes at 100)."""


_NAME_COLUMNS = 14  # width of a line of a branch or node name, in display columns
_NODE_NAME_COLUMNS = 12
_FONT = THEME.small_size  # every text of the tree but the heading, in points
_SHAPE = 16  # side of a decision or chance node, in points
_LINE = 14  # height of a line of text beside a node or above a branch, in points
_CLEAR = '<TD COLSPAN="3" HEIGHT="1" CELLPADDING="0"></TD>'
"""A row of 1 point between a branch's rule and the text above and under it (a wrapped name's
descenders and the node's name below never touch the rule), and above the branch's text (an
edge passing over it keeps clear of the tops of the letters)."""
_NEAR = 8
"""Weight of the edge from a node to its branch's text: dot keeps that edge one rank long, so
the text stands next to the node it leaves (the edge on to the child takes up the length)."""
_CHOSEN_WIDTH = 3.0
_PLAIN_WIDTH = 1.2


def _signed(value: float) -> str:
    """A payoff on a branch: with its sign (``+120``, ``-150``)."""
    text = amount(value)
    return text if text.startswith("-") or text == "0" else "+" + text


def path_totals(
    tree: Tree, choice: IndexArray, *, alternatives: bool = False
) -> tuple[FloatArray, FloatArray]:
    """Per node: the sum of the payoffs from the root to it, and the probability of reaching
    it when every decision follows ``choice`` (a :class:`~.rollback.Solution` ``choice``).

    With ``alternatives`` each branch of a decision root counts as taken (probability 1), so
    the probabilities below it are those of that alternative under the best policy below it.
    """
    count = tree.node_count
    total = np.zeros(count)
    reach = np.zeros(count)
    reach[0] = 1.0
    start = tree.level_start
    for level in range(1, tree.level_count):
        low, high = int(start[level]), int(start[level + 1])
        parents = tree.parent[low:high]
        total[low:high] = total[parents] + tree.payoff[low:high]
        taken = np.where(
            tree.kind[parents] == CHANCE,
            tree.probability[low:high],
            (choice[parents] == np.arange(low, high)).astype(np.float64),
        )
        if alternatives and level == 1 and int(tree.kind[0]) == DECISION:
            taken = np.ones(high - low)
        reach[low:high] = reach[parents] * taken
    return total, reach


# --- DOT --------------------------------------------------------------------------------------


def _values(result: DecisionResult, total: FloatArray, node: int) -> list[str]:
    """The node's value lines: its expected value, with a risk tolerance its CE too."""
    solution: Solution = result.solution
    expected = float(total[node] + solution.expected[node])
    if solution.risk_tolerance is None:
        return [amount(expected)]
    certainty = amount(float(total[node] + solution.value[node]))
    return [
        _("EV {value}").format(value=amount(expected)),
        _("CE {value}").format(value=certainty),
    ]


def _blank(markup: str) -> str:
    """As many empty lines as ``markup`` has, to balance it on the other side of a shape."""
    return "<BR/>".join(["&#160;"] * (markup.count("<BR/>") + 1))


def _node_text(result: DecisionResult, total: FloatArray, node: int) -> tuple[str, str]:
    """The node's name (muted, at most two short lines) and value (bold; with a risk
    tolerance, the CE after it) as markup for two cells side by side."""
    first, *others = _values(result, total, node)
    value = f"<B>{escape(first)}</B>" + "".join(f"  {escape(line)}" for line in others)
    name = result.tree.node_name(node)
    if not name:
        return "", value
    lines = html_lines(name, _NODE_NAME_COLUMNS, 2)
    return f'<FONT COLOR="{THEME.muted}">{lines}</FONT>', value


def _root_label(result: DecisionResult, total: FloatArray) -> list[str]:
    """The root's name and value in a text of their own left of it (the branches leaving the
    root cross nothing), tied to it by an invisible edge."""
    first, *others = _values(result, total, 0)
    lines = [f"<B>{escape(line)}</B>" for line in (first, *others)]
    name = result.tree.node_name(0)
    if name:
        name_lines = html_lines(name, _NODE_NAME_COLUMNS, 3)
        lines.insert(0, f'<FONT COLOR="{THEME.muted}">{name_lines}</FONT>')
    label = Html(
        '<TABLE BORDER="0" CELLPADDING="0"><TR><TD ALIGN="RIGHT">'
        + "<BR/>".join(lines)
        + "</TD></TR></TABLE>"
    )
    return [
        f"r0 {attributes({'shape': 'plain', 'label': label})}",
        f"r0 -> n0 {attributes({'style': 'invis', 'weight': 20})}",
    ]


def _node(
    result: DecisionResult, total: FloatArray, reach: FloatArray, node: int, collapsed: bool
) -> str:
    """A node: a small triangle for a terminal; a small square (decision) or circle (chance)
    with the node's name and value (expected value, with a risk tolerance the CE too) on one
    short line above it, as TreeAge draws them: the shape alone is what the edges meet
    (``fixedsize=shape``), the line above takes room in the layout but never covers a branch."""
    tree = result.tree
    kind = int(tree.kind[node])
    on_policy = bool(reach[node] > 0)
    values: dict[str, str | float | Html]
    if kind == TERMINAL:
        values = {"shape": "triangle", "orientation": -90, "width": 0.2, "height": 0.2}
        values |= {"fixedsize": True, "label": "", "style": "filled"}
        values["fillcolor"] = THEME.accent_fill if on_policy else THEME.fill
        values["color"] = THEME.accent if on_policy else THEME.line
        return f"n{node} {attributes(values)}"
    values = {"shape": "square" if kind == DECISION else "circle", "label": ""}
    values |= {"fixedsize": True, "width": _SHAPE / 72, "height": _SHAPE / 72}
    values["style"] = "filled,dashed" if collapsed else "filled"
    values["fillcolor"] = THEME.band_fill if kind == DECISION else THEME.fill
    if kind == DECISION and on_policy:
        values |= {"color": THEME.accent, "penwidth": 1.6}
    return f"n{node} {attributes(values)}"


def _beside_rows(
    total: FloatArray, reach: FloatArray, node: int, hidden: int | None
) -> list[tuple[str, CellStyle]]:
    """The line right of a terminal (its path total and the probability of ending there)
    or of a collapsed subtree (how many nodes it hides), as (text, style) pieces."""
    if hidden is not None:
        text = ngettext("+{count} node hidden", "+{count} nodes hidden", hidden)
        return [(text.format(count=f"{hidden:,}"), {"color": THEME.muted})]
    probability = float(reach[node])
    colour = THEME.muted if probability > 0 else THEME.faint
    return [
        (amount(float(total[node])), {"bold": True}),
        (f"p={format_number(probability)}", {"color": colour}),
    ]


def _beside(node: int, rows: list[tuple[str, CellStyle]], width: int) -> list[str]:
    """The line right of ``node``, as wide as all such lines (so they align left, not
    centred in their column), tied to it by an invisible edge."""
    pieces = ""
    for text, style in rows:
        left: CellStyle = {**style, "align": "LEFT"}
        pieces += cell(escape(text), **left)
    table = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" WIDTH="{width}">'
        f"<TR>{pieces}</TR></TABLE>"
    )
    return [
        f"v{node} {attributes({'shape': 'plain', 'label': Html(table)})}",
        f"n{node} -> v{node} {attributes({'style': 'invis', 'weight': 20})}",
    ]


def _text_width(rows: list[tuple[str, CellStyle]]) -> int:
    """A generous estimate of the width of ``rows`` in points (Graphviz widens a table whose
    text does not fit, so too small is harmless; too wide only moves the text right)."""
    widest = 0.0
    for text, style in rows:
        size = style.get("size", _FONT)
        widest += display_width(text) * size * (0.62 if style.get("bold") else 0.56) + 4
    return int(widest) + 4


def _rule(colour: str, chosen: bool, columns: int = 1) -> str:
    """The rule a branch's name stands on, joining its two edges: 2 points of fill (an even
    height keeps it centred on the edges), and on a chosen branch a 1-point border around
    it too (3 points, as wide as its edges), which also closes the half point Graphviz leaves
    between a table's edge and its cells."""
    border = f' BORDER="1" COLOR="{colour}"' if chosen else ""
    height = 0 if chosen else 2
    span = f' COLSPAN="{columns}"' if columns > 1 else ""
    return f'<TD PORT="r"{span} HEIGHT="{height}" CELLPADDING="0"{border} BGCOLOR="{colour}"></TD>'


def _branch(result: DecisionResult, total: FloatArray, node: int, state: str) -> list[str]:
    """The branch into ``node``: a rule with one short line above it, the name and then the
    probability and payoff (TreeAge's branch text), and the two edges that join it to its
    parent and to ``node``. ``state`` is "chosen", "pruned" or "" (a chance branch)."""
    tree = result.tree
    parent = int(tree.parent[node])
    chosen, pruned = state == "chosen", state == "pruned"
    colour = THEME.accent if chosen else THEME.faint if pruned else THEME.line
    name = html_lines(tree.branch_name(node), _NAME_COLUMNS, 3)
    text_colour = THEME.accent if chosen else THEME.faint if pruned else THEME.ink
    line = cell(Html(f"<B>{name}</B>") if chosen else name, color=text_colour, align="LEFT")
    numbers = []
    probability = float(tree.probability[node])
    if not np.isnan(probability):
        numbers.append(f"p={format_number(probability)}")
    payoff = float(tree.payoff[node])
    if payoff != 0:
        numbers.append(_signed(payoff))
    if numbers:
        numbers_colour = THEME.faint if pruned else THEME.muted
        line += '<TD WIDTH="5"></TD>' + cell(escape("  ".join(numbers)), color=numbers_colour)
    columns = 3
    if not numbers:
        line += "<TD></TD><TD></TD>"
    under = ""
    if int(tree.kind[node]) != TERMINAL:  # the node's name and value, under the rule
        name_text, value = _node_text(result, total, node)
        if pruned:
            name_text, value = (
                f'<FONT COLOR="{THEME.faint}">{t}</FONT>' for t in (name_text, value)
            )
        pieces = (
            f'<TD ALIGN="RIGHT">{name_text}</TD><TD COLSPAN="2" ALIGN="LEFT">&#160;{value}</TD>'
        )
        if not name_text:
            pieces = f'<TD COLSPAN="3" ALIGN="RIGHT">{value}</TD>'
        under = f"<TR>{pieces}</TR>"
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR>{_CLEAR}</TR><TR>{line}</TR>"
        f"<TR>{_CLEAR}</TR><TR>{_rule(colour, chosen, columns)}</TR><TR>{_CLEAR}</TR>{under}"
        "</TABLE>"
    )
    edge: dict[str, str | float | Html] = {"color": colour}
    edge["penwidth"] = _CHOSEN_WIDTH if chosen else _PLAIN_WIDTH
    if pruned:
        edge["style"] = "dashed"
    # heavy: the branch's text stays next to its own node; the edge on to the child stretches
    into: dict[str, str | float | Html] = {**edge, "weight": _NEAR}
    if pruned:  # the double hash across a pruned branch
        into |= {"arrowhead": "teetee", "arrowsize": 0.9}
    return [
        f"b{node} {attributes({'shape': 'plain', 'label': Html(table)})}",
        f"n{parent} -> b{node}:r:w {attributes(into)}",
        f"b{node}:r:e -> n{node} {attributes(edge)}",
    ]


def _more(node: int, count: int) -> list[str]:
    """The mark for the branches of ``node`` that are not drawn, tied to it by a dashed edge."""
    words = ngettext("… {count} more branch", "… {count} more branches", count)
    text = escape(words.format(count=f"{count:,}"))
    label = Html(f'<FONT COLOR="{THEME.muted}">{text}</FONT>')
    return [
        f"m{node} {attributes({'shape': 'plain', 'label': label})}",
        f"n{node} -> m{node} {attributes({'style': 'dashed', 'color': THEME.faint})}",
    ]


def to_dot(
    result: DecisionResult, *, depth: int | None = None, max_branches: int | None = MAX_BRANCHES
) -> str:
    """The decision tree as DOT text (deterministic: same tree, same bytes).

    Parameters
    ----------
    result
        The rolled-back tree.
    depth
        Draw the tree down to this depth (the root is depth 0); the subtrees below it are
        collapsed into their root, showing its value and how many nodes it hides. By default
        a tree of more than :data:`MAX_NODES` nodes is collapsed at the deepest depth that
        keeps it under that, with a note.
    max_branches
        Of a node with more branches, draw the first ``max_branches`` (and the chosen one) and
        a mark counting the others; None draws them all.

    Raises
    ------
    ValueError
        ``depth`` is negative or ``max_branches`` below 1.
    """
    tree = result.tree
    view = select(tree, depth, max_branches=max_branches, choice=result.solution.choice)
    total, reach = path_totals(tree, result.solution.choice)
    choice = result.solution.choice
    lines = ["digraph decision {"]
    lines += [
        "  " + line
        for line in defaults(
            THEME,
            node={"fontsize": _FONT, "margin": 0.04},
            edge={"arrowhead": "none", "arrowsize": 0.8},
            rankdir="LR",
            ordering="out",
            nodesep=0.05,
            ranksep=0.06,
            **heading_of(result, view.note),
        )
    ]
    nodes = [node for node in range(view.shown) if node not in view.omitted]
    ends = [node for node in nodes if int(tree.kind[node]) == TERMINAL or node in view.collapsed]
    beside = {node: _beside_rows(total, reach, node, view.collapsed.get(node)) for node in ends}
    width = max((_text_width(rows) for rows in beside.values()), default=0)
    for node in nodes:
        lines.append("  " + _node(result, total, reach, node, node in view.collapsed))
        if node == 0 and int(tree.kind[0]) != TERMINAL:
            lines += ["  " + line for line in _root_label(result, total)]
        if node in beside:
            lines += ["  " + line for line in _beside(node, beside[node], width)]
        if node > 0:
            parent = int(tree.parent[node])
            state = ""
            if int(tree.kind[parent]) == DECISION:
                state = "chosen" if int(choice[parent]) == node else "pruned"
            lines += ["  " + line for line in _branch(result, total, node, state)]
    for node, count in view.more.items():
        lines += ["  " + line for line in _more(node, count)]
    if ends and view.depth <= ALIGN_DEPTH:
        # the terminals (and collapsed subtrees) line up on the right, as in textbooks
        lines.append("  {rank=same; " + "; ".join(f"n{node}" for node in ends) + "}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(
    result: DecisionResult,
    fmt: str,
    *,
    depth: int | None = None,
    max_branches: int | None = MAX_BRANCHES,
) -> bytes:
    """The diagram rendered by Graphviz ``dot`` as ``fmt`` (svg, png or pdf); the errors are
    those of :func:`mgmt_tools.render.graphviz.pipe` (ValueError for another format,
    GraphvizNotFoundError without Graphviz: write :func:`to_dot` instead)."""
    from mgmt_tools.render.graphviz import pipe

    nodes = result.tree.node_count
    diagram = ngettext(
        "the decision tree of {count} node", "the decision tree of {count} nodes", nodes
    )
    return pipe(
        to_dot(result, depth=depth, max_branches=max_branches),
        fmt,
        diagram=diagram.format(count=f"{nodes:,}"),
        simpler=_("--depth N (the levels drawn below the root) or --max-branches N"),
    )


def to_svg(result: DecisionResult, *, depth: int | None = None) -> str:
    """The diagram as SVG text (see :func:`render`)."""
    return render(result, "svg", depth=depth).decode("utf-8")
