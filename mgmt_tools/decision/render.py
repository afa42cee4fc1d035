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
from mgmt_tools.decision.result import DecisionResult, objective_text
from mgmt_tools.decision.rollback import Solution
from mgmt_tools.decision.tree import CHANCE, DECISION, TERMINAL, Tree
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
    wrap,
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


_NAME_COLUMNS = 22  # width of a branch name, in display columns
_NODE_NAME_COLUMNS = 12
_CHOSEN_WIDTH = 3.0
_PLAIN_WIDTH = 1.2


def amount(value: float) -> str:
    """A value as the diagram and the charts write it: two decimals at most, thousands
    separated from 10,000 on.

    >>> amount(140.8), amount(-2065.0), amount(12345.678), amount(1 / 3)
    ('140.8', '-2065', '12,346', '0.33')
    """
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return format_number(value, 2)


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


def _node(
    result: DecisionResult, total: FloatArray, reach: FloatArray, node: int, collapsed: bool
) -> str:
    """A node: a triangle for a terminal; a square (decision) or circle (chance) holding the
    node's name and its value (expected value, with a risk tolerance the CE under it)."""
    tree = result.tree
    kind = int(tree.kind[node])
    on_policy = bool(reach[node] > 0)
    values: dict[str, str | float | Html]
    if kind == TERMINAL:
        values = {"shape": "triangle", "orientation": -90, "width": 0.24, "height": 0.24}
        values |= {"fixedsize": True, "label": "", "style": "filled"}
        values["fillcolor"] = THEME.accent_fill if on_policy else THEME.fill
        values["color"] = THEME.accent if on_policy else THEME.line
        return f"n{node} {attributes(values)}"
    small = format_number(THEME.small_size)
    first, *others = _values(result, total, node)
    text = f"<B>{escape(first)}</B>"
    text += "".join(f'<BR/><FONT POINT-SIZE="{small}">{escape(line)}</FONT>' for line in others)
    name = tree.node_name(node)
    if name:
        # narrow, to keep the shape small, but never cutting a word shorter than a long line
        longest = max((display_width(word) for word in name.split()), default=0)
        lines = html_lines(name, min(max(_NODE_NAME_COLUMNS, longest), _NAME_COLUMNS), 2)
        text = f'<FONT COLOR="{THEME.muted}" POINT-SIZE="{small}">{lines}</FONT><BR/>{text}'
    values = {"shape": "square" if kind == DECISION else "circle", "label": Html(text)}
    values["style"] = "filled,dashed" if collapsed else "filled"
    values["fillcolor"] = THEME.band_fill if kind == DECISION else THEME.fill
    if kind == DECISION and on_policy:
        values |= {"color": THEME.accent, "penwidth": 1.6}
    return f"n{node} {attributes(values)}"


def _beside_rows(
    total: FloatArray, reach: FloatArray, node: int, hidden: int | None
) -> list[tuple[str, CellStyle]]:
    """The lines right of a terminal (its path total and the probability of ending there)
    or of a collapsed subtree (how many nodes it hides)."""
    left: CellStyle = {"align": "LEFT"}
    small: CellStyle = {"align": "LEFT", "size": THEME.small_size}
    if hidden is not None:
        text = ngettext("+{count} node hidden", "+{count} nodes hidden", hidden)
        return [(text.format(count=f"{hidden:,}"), {**small, "color": THEME.muted})]
    probability = float(reach[node])
    colour = THEME.muted if probability > 0 else THEME.faint
    return [
        (amount(float(total[node])), {**left, "bold": True}),
        (f"p = {format_number(probability)}", {**small, "color": colour}),
    ]


def _beside(node: int, rows: list[tuple[str, CellStyle]], width: int) -> list[str]:
    """The text right of ``node``, as wide as all such texts (so they align left, not
    centred in their column), tied to it by an invisible edge."""
    table = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" WIDTH="{width}">'
        + "".join(f"<TR>{cell(escape(text), **style)}</TR>" for text, style in rows)
        + "</TABLE>"
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
        size = style.get("size", THEME.font_size)
        widest = max(widest, display_width(text) * size * (0.62 if style.get("bold") else 0.56))
    return int(widest) + 4


def _rule(colour: str, chosen: bool) -> str:
    """The rule a branch's name stands on, joining its two edges: 2 points of fill (an even
    height keeps it centred on the edges), and on a chosen branch a 1-point border around
    it too (3 points, as wide as its edges), which also closes the half point Graphviz leaves
    between a table's edge and its cells."""
    border = f' BORDER="1" COLOR="{colour}"' if chosen else ""
    height = 0 if chosen else 2
    return f'<TD PORT="r" HEIGHT="{height}" CELLPADDING="0"{border} BGCOLOR="{colour}"></TD>'


def _branch(result: DecisionResult, node: int, state: str) -> list[str]:
    """The branch into ``node``: a rule with the name above and the numbers below, and the
    two edges that join it to its parent and to ``node``. ``state`` is "chosen", "pruned"
    or "" (a chance branch)."""
    tree = result.tree
    parent = int(tree.parent[node])
    chosen, pruned = state == "chosen", state == "pruned"
    colour = THEME.accent if chosen else THEME.faint if pruned else THEME.line
    name = html_lines(tree.branch_name(node), _NAME_COLUMNS, 2)
    if chosen:
        name = Html(f"<B>{name}</B>")
    numbers = []
    probability = float(tree.probability[node])
    if not np.isnan(probability):
        numbers.append(f"p = {format_number(probability)}")
    payoff = float(tree.payoff[node])
    if payoff != 0:
        numbers.append(_signed(payoff))
    below = escape("   ".join(numbers)) if numbers else "&#160;"
    text_colour = THEME.accent if chosen else THEME.faint if pruned else THEME.ink
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f"<TR>{cell(name, color=text_colour)}</TR>"
        f"<TR>{_rule(colour, chosen)}</TR>"
        f"<TR>{cell(below, color=THEME.faint if pruned else THEME.muted, size=THEME.small_size)}"
        "</TR></TABLE>"
    )
    edge: dict[str, str | float | Html] = {"color": colour}
    edge["penwidth"] = _CHOSEN_WIDTH if chosen else _PLAIN_WIDTH
    if pruned:
        edge["style"] = "dashed"
    into = dict(edge)
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
    label = Html(
        f'<FONT COLOR="{THEME.muted}" POINT-SIZE="{format_number(THEME.small_size)}">{text}</FONT>'
    )
    return [
        f"m{node} {attributes({'shape': 'plain', 'label': label})}",
        f"n{node} -> m{node} {attributes({'style': 'dashed', 'color': THEME.faint})}",
    ]


def _legend(result: DecisionResult, note: str | None) -> Html:
    """The graph label: the title, the value of the tree, a key and the note of a cut tree."""
    tree = result.tree
    units = f" {tree.units}" if tree.units else ""
    value = _("Expected value {value}{units} (objective: {objective})").format(
        value=amount(result.expected_value), units=units, objective=objective_text(tree.objective)
    )
    if result.certainty_equivalent is not None and tree.risk_tolerance is not None:
        value += _("; certainty equivalent {value}{units} (risk tolerance {tolerance})").format(
            value=amount(result.certainty_equivalent),
            units=units,
            tolerance=amount(tree.risk_tolerance),
        )
    gap = "   "
    chosen, pruned = escape(_("chosen")), escape(_("pruned"))
    key = (
        escape(_("□ decision"))
        + gap
        + escape(_("○ chance"))
        + gap
        + escape(_("▷ terminal: path total and the probability of ending there under the policy"))
        + f'{gap}<FONT COLOR="{THEME.accent}"><B>━━</B> {chosen}</FONT>'
        + f'{gap}<FONT COLOR="{THEME.faint}">╌‖╌ {pruned}</FONT>'
        + gap
        + escape(_("node values include the payoffs on the way to the node"))
    )
    title = wrap(tree.name or _("Decision tree"), 80, 2)
    rows = [cell(f"<B>{escape(line)}</B>", size=14, align="LEFT") for line in title]
    rows += [
        cell(escape(value), align="LEFT"),
        cell(key, color=THEME.muted, size=THEME.small_size, align="LEFT"),
    ]
    if note is not None:
        rows.append(cell(escape(note), color=THEME.accent, align="LEFT"))
    return Html(
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(f"<TR>{row}</TR>" for row in rows)
        + "</TABLE>"
    )


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
            node={"fontsize": 10, "margin": 0.04},
            edge={"arrowhead": "none", "arrowsize": 0.8},
            rankdir="LR",
            ordering="out",
            nodesep=0.12,
            ranksep=0.22,
            labelloc="t",
            labeljust="l",
            label=_legend(result, view.note),
        )
    ]
    nodes = [node for node in range(view.shown) if node not in view.omitted]
    ends = [node for node in nodes if int(tree.kind[node]) == TERMINAL or node in view.collapsed]
    beside = {node: _beside_rows(total, reach, node, view.collapsed.get(node)) for node in ends}
    width = max((_text_width(rows) for rows in beside.values()), default=0)
    for node in nodes:
        lines.append("  " + _node(result, total, reach, node, node in view.collapsed))
        if node in beside:
            lines += ["  " + line for line in _beside(node, beside[node], width)]
        if node > 0:
            parent = int(tree.parent[node])
            state = ""
            if int(tree.kind[parent]) == DECISION:
                state = "chosen" if int(choice[parent]) == node else "pruned"
            lines += ["  " + line for line in _branch(result, node, state)]
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
