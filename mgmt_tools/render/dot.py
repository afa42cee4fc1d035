"""DOT text for Graphviz: the one escaping function for labels, quoting, and the shared theme.

Every piece of user text that reaches a DOT file goes through :func:`escape` and is placed in
an HTML-like label (``label=<...>``); node names are generated (``t0``, ``t1``, ...) and other
attribute values are written by :func:`quote`. HTML-like labels are used even for one-line
labels because their escaping is complete and simple, whereas quoted labels give meaning to
``\\N``, ``\\l`` and friends.

The :data:`THEME` (kept in :mod:`mgmt_tools.render.style`, the one style module) holds the
colours and fonts all diagrams share: one accent colour for what
matters (critical tasks, the optimal branch, the vital few), neutral greys for the rest, and a
font list that covers Chinese, Japanese and Korean as well as Latin text.

Examples
--------
>>> escape('Fish & "chips" <b>')
'Fish &amp; &quot;chips&quot; &lt;b&gt;'
>>> quote('say "hi"')
'"say \\\\"hi\\\\""'
>>> attributes({"label": Html("<B>x</B>"), "penwidth": 2.0, "color": THEME.accent})
'[label=<<B>x</B>>, penwidth=2, color="#C0392B"]'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from graphlib import TopologicalSorter
from typing import TypedDict, Unpack

from mgmt_tools.render import display_width, format_number, shorten, strip_forbidden
from mgmt_tools.render.style import FONT_FAMILIES, NOTE_SIZE, THEME, TITLE_SIZE, Theme

__all__ = [
    "FONT_FAMILIES",
    "THEME",
    "CellStyle",
    "Html",
    "Theme",
    "attributes",
    "cell",
    "defaults",
    "escape",
    "heading",
    "html_lines",
    "quote",
    "stacked",
    "transitive_reduction",
    "wrap",
]


_TABLE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        # Graphviz decodes entities and then still expands \N, \G, \L...: a doubled
        # backslash is the only way to print one (&#92; would not help).
        "\\": "\\\\",
        "\t": " ",
        "\n": "<BR/>",
        # Graphviz (2.43) rejects an HTML label that is "]" or "]]" (its parser reads them as
        # the end of a CDATA section): the entity is drawn as the bracket.
        "]": "&#93;",
    }
)


class Html(str):
    """Markup for an HTML-like label, already built from escaped text.

    :func:`attributes` writes it between ``<`` and ``>`` instead of quoting it.
    """

    __slots__ = ()


def escape(text: object) -> str:
    """Escape text for an HTML-like Graphviz label: the one DOT escaping function of the package
    (also :func:`mgmt_tools.render.escape.dot`).

    ``& < > " '`` become entities, a backslash is doubled, a line break becomes ``<BR/>``, a tab
    a space; control characters that XML forbids and lone surrogates are dropped. A text longer
    than the ``max_label`` limit is shortened first (:func:`mgmt_tools.render.shorten`).

    Examples
    --------
    >>> escape("R&D <team>")
    'R&amp;D &lt;team&gt;'
    >>> escape("two\\r\\nlines"), escape("C:\\\\new \\\\N"), escape("bell\\x07")
    ('two<BR/>lines', 'C:\\\\\\\\new \\\\\\\\N', 'bell')
    >>> escape("收集客户资料")
    '收集客户资料'
    """
    value = shorten(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return strip_forbidden(value).translate(_TABLE)


def quote(value: object) -> str:
    """A double-quoted DOT string for an id or attribute value.

    Quotes and backslashes are escaped, a line break becomes ``\\n`` and forbidden control
    characters are dropped, so no value can end the string early or inject DOT.

    Examples
    --------
    >>> print(quote("a"), quote('x"y'), quote("back\\\\"), quote("two\\nlines"))
    "a" "x\\"y" "back\\\\" "two\\nlines"
    """
    text = shorten(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = strip_forbidden(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


# Graphviz's HTML-like labels reject a text tag with nothing inside (``<B></B>`` is a syntax
# error), which an empty name would otherwise produce.
_EMPTY_TAG = re.compile(r"<(B|I|U|O|S|SUB|SUP|FONT)\b[^<>]*></\1>")


def _value(value: str | float | Html) -> str:
    if isinstance(value, Html):
        markup, found = _EMPTY_TAG.subn("", value)
        while found:
            markup, found = _EMPTY_TAG.subn("", markup)
        return f"<{markup}>"
    if isinstance(value, bool):  # before float: True is a number to Python, not to DOT
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(float(value))
    return quote(value)


def attributes(values: Mapping[str, str | float | Html]) -> str:
    """A DOT attribute list ``[name=value, ...]`` in the mapping's order.

    Names are ours (Graphviz attribute names) and are written bare; values are quoted, or
    written as HTML-like labels when they are :class:`Html`.
    """
    return "[" + ", ".join(f"{name}={_value(value)}" for name, value in values.items()) + "]"


def defaults(
    theme: Theme = THEME,
    *,
    node: Mapping[str, str | float | Html] | None = None,
    edge: Mapping[str, str | float | Html] | None = None,
    **graph: str | float | Html,
) -> list[str]:
    """The ``graph``, ``node`` and ``edge`` default statements of a themed diagram.

    ``node`` and ``edge`` add or override node and edge defaults; keyword arguments do the
    same for graph attributes (``rankdir="LR"``, ``label=Html(...)``).

    >>> defaults(node={"shape": "plain"}, rankdir="LR")[0].endswith('rankdir="LR"]')
    True
    """
    text: dict[str, str | float | Html] = {
        "fontname": theme.font,
        "fontsize": theme.font_size,
        "fontcolor": theme.ink,
    }
    graph_values = {"bgcolor": theme.background, **text, **graph}
    node_values = {**text, "color": theme.line, **(node or {})}
    edge_values = {**text, "color": theme.line, "arrowsize": 0.7, **(edge or {})}
    return [
        f"graph {attributes(graph_values)}",
        f"node {attributes(node_values)}",
        f"edge {attributes(edge_values)}",
    ]


# Line-breaking rules of Chinese and Japanese (kinsoku): no line ends with an opening bracket
# and none starts with a closing bracket or punctuation.
_OPENING = frozenset("([{<（［｛〔【《〈「『“‘")
_CLOSING = frozenset(")]}>）］｝〕】》〉」』”’，。、；：！？,.;:!?%")


def _pieces(text: str) -> list[str]:
    """Break points for :func:`wrap`: words with their following space, and wide characters
    alone (Chinese and Japanese text breaks between any two characters)."""
    pieces: list[str] = []
    for word in re.findall(r"\S+\s*|\s+", text):
        current = ""
        for char in word:
            if display_width(char) == 2:
                if current:
                    pieces.append(current)
                    current = ""
                pieces.append(char)
            else:
                current += char
        if current:
            pieces.append(current)
    glued: list[str] = []
    for piece in pieces:
        if glued and (glued[-1][-1] in _OPENING or piece[0] in _CLOSING):
            glued[-1] += piece
        else:
            glued.append(piece)
    return glued


def wrap(text: str, width: int, max_lines: int = 3, *, note: bool = False) -> list[str]:
    """Fold ``text`` into lines of at most ``width`` display columns (CJK characters count 2).

    Lines break at spaces, or between wide characters; a word longer than a line is cut. Beyond
    ``max_lines`` the last line ends with an ellipsis. A text longer than the ``max_label``
    limit (a ``note``: :data:`~mgmt_tools.render.NOTE_LABELS` times that) is shortened first.

    Examples
    --------
    >>> wrap("Collect KYC documents from the client", 16)
    ['Collect KYC', 'documents from', 'the client']
    >>> wrap("收集客户资料并核验", 8)
    ['收集客户', '资料并核', '验']
    >>> wrap("名单筛查（KYC/AML）", 12)
    ['名单筛查', '（KYC/AML）']
    >>> wrap("a b c d e f g h", 3, max_lines=2)
    ['a b', 'c …']
    """
    lines: list[str] = []
    current = ""
    text = shorten(text, note=note)
    room = (width + 2) * max_lines * 2  # more than the lines can hold
    overflow = len(text) > room
    if overflow:
        text = text[:room]
    for piece in _pieces(" ".join(text.splitlines())):
        if not current and not piece.strip():
            continue  # no line starts with a space
        while display_width(piece.rstrip()) > width:  # a word longer than a line is cut
            if current:
                lines.append(current.rstrip())
                current = ""
            cut = max(1, _cut(piece, width))
            lines.append(piece[:cut])
            piece = piece[cut:]
        if current and display_width((current + piece).rstrip()) > width:
            lines.append(current.rstrip())
            current = ""
        current += piece
    if current.strip():
        lines.append(current.rstrip())
    lines = [line for line in lines if line] or [""]
    if overflow and len(lines) <= max_lines:  # what was cut did not show: say it is there
        lines.append("…")
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and display_width(last) + 2 > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + " …"]
    return lines


def _cut(text: str, width: int) -> int:
    """How many characters of ``text`` fit in ``width`` columns."""
    used = 0
    for position, char in enumerate(text):
        used += display_width(char)
        if used > width:
            return position
    return len(text)


def html_lines(text: str, width: int, max_lines: int = 3) -> Html:
    """``text`` wrapped by :func:`wrap`, escaped, lines joined by ``<BR/>``.

    >>> html_lines("Fish & chips for the team", 12)
    'Fish &amp; chips<BR/>for the team'
    """
    return Html("<BR/>".join(escape(line) for line in wrap(text, width, max_lines)))


# --- HTML-like tables -------------------------------------------------------------------------


class CellStyle(TypedDict, total=False):
    """Keyword arguments of :func:`cell`: text style, then TD attributes (lower case)."""

    color: str
    size: float
    bold: bool
    colspan: int
    width: int
    bgcolor: str
    sides: str
    cellpadding: int
    align: str
    valign: str


def cell(markup: str, **style: Unpack[CellStyle]) -> str:
    """One ``<TD>`` of an HTML-like table holding ``markup`` (text already passed through
    :func:`escape`). ``color``, ``size`` and ``bold`` style the text; the other keywords are
    TD attributes (``colspan=3``, ``bgcolor=...``, ``sides="LR"``).

    >>> cell(escape("A&B"), colspan=3, color="#333333", bold=True)
    '<TD COLSPAN="3"><FONT COLOR="#333333"><B>A&amp;B</B></FONT></TD>'
    """
    tags = ""
    for name, value in style.items():
        if name not in ("color", "size", "bold"):
            text = format_number(value) if isinstance(value, int | float) else escape(value)
            tags += f' {name.upper()}="{text}"'
    body = f"<B>{markup}</B>" if style.get("bold") else markup
    font = ""
    if "color" in style:
        font += f' COLOR="{escape(style["color"])}"'
    if "size" in style:
        font += f' POINT-SIZE="{format_number(style["size"])}"'
    return f"<TD{tags}>{f'<FONT{font}>{body}</FONT>' if font else body}</TD>"


def stacked(cells: Sequence[tuple[str, CellStyle]]) -> str:
    """Rows of one cell each, ruled only around the whole stack: the lines of one label.

    Graphviz sets the lines of one cell (``<BR/>``) too tight for CJK glyphs; a row per line
    spaces them evenly. Each item is the markup and the style of its :func:`cell`.
    """
    rows = []
    for number, (markup, style) in enumerate(cells):
        ruled = CellStyle(**style)
        if len(cells) > 1:
            first, last = number == 0, number == len(cells) - 1
            ruled["sides"] = "LR" + ("T" if first else "") + ("B" if last else "")
            if not (first or last):
                ruled["cellpadding"] = 1
        rows.append(f"<TR>{cell(markup, **ruled)}</TR>")
    return "".join(rows)


def heading(
    title: Sequence[str], notes: Sequence[str] = (), key: str = ""
) -> dict[str, Html | str]:
    """Graph attributes that set a diagram's title as every picture sets it: top left, bold,
    in :data:`~mgmt_tools.render.style.TITLE_SIZE` points, each of ``notes`` (plain text, e.g.
    "as of 8 Dec 2026") on a muted line below it, then ``key`` (markup for a legend, already
    escaped) under them; nothing beside the title, so it never collides with the legend.

    >>> attrs = heading(["Plan"], ["as of 1 Mar"])
    >>> attrs["labelloc"], attrs["labeljust"], attrs["label"].count("<TR>")
    ('t', 'l', 2)
    """
    rows = [cell(escape(line), align="LEFT", size=TITLE_SIZE, bold=True) for line in title]
    rows += [cell(escape(line), align="LEFT", color=THEME.muted, size=NOTE_SIZE) for line in notes]
    if key:
        rows.append(cell(key, align="LEFT"))
    label = Html(
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(f"<TR>{row}</TR>" for row in rows)
        + "</TABLE>"
    )
    return {"label": label, "labelloc": "t", "labeljust": "l"}


# --- Big diagrams -----------------------------------------------------------------------------


def transitive_reduction(
    nodes: Sequence[int], edges: Iterable[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The edges of a DAG that no other path implies: what a simplified diagram must keep.

    Descendant sets are bit masks (Python ints) built in reverse topological order, so a
    1,000-node chain takes milliseconds where networkx's ``transitive_reduction`` (which walks
    the descendants of every node again) takes seconds.

    >>> sorted(transitive_reduction([0, 1, 2], [(0, 1), (1, 2), (0, 2)]))
    [(0, 1), (1, 2)]
    """
    bit = {node: 1 << position for position, node in enumerate(nodes)}
    children: dict[int, set[int]] = {node: set() for node in nodes}
    parents: dict[int, set[int]] = {node: set() for node in nodes}
    for head, tail in edges:
        children[head].add(tail)
        parents[tail].add(head)
    below: dict[int, int] = {}  # node -> its descendants, as a mask
    for node in reversed(list(TopologicalSorter(parents).static_order())):
        mask = 0
        for child in children[node]:
            mask |= below[child] | bit[child]
        below[node] = mask
    needed: set[tuple[int, int]] = set()
    for head in nodes:
        for tail in children[head]:
            others = 0
            for child in children[head]:
                if child != tail:
                    others |= below[child]
            if not others & bit[tail]:
                needed.add((head, tail))
    return needed
