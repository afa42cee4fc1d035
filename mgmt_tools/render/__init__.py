"""Cross-cutting output shared by every method: numbers and text widths for summaries and labels.

The submodules are imported on demand, so that ``mgmt --help`` never loads subprocess machinery
or networkx:

- :mod:`mgmt_tools.render.escape`: the one escaping function of each output language (DOT,
  HTML, Markdown, Mermaid, XML), gathered in one namespace;
- :mod:`mgmt_tools.render.dot`: the one escaping function for DOT labels, quoting and the theme;
- :mod:`mgmt_tools.render.graphviz`: find ``dot`` and render DOT text to SVG, PNG or PDF;
- :mod:`mgmt_tools.render.mermaid`: escaping and safe node ids for Mermaid flowcharts.

This module holds the helpers every text summary needs, with no imports beyond the standard
library: :func:`format_number`, :func:`display_width`, :func:`pad`, :func:`truncate` and
:func:`format_table`, :func:`strip_forbidden`, the characters every output language drops, and
:func:`shorten`, the one bound on the length of a label drawn in a picture.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Sequence

__all__ = [
    "NOTE_LABELS",
    "display_width",
    "format_number",
    "format_table",
    "pad",
    "shorten",
    "strip_forbidden",
    "truncate",
]

# C0 controls other than tab, line feed and carriage return, U+FFFE and U+FFFF: XML 1.0 forbids
# them (Graphviz reads HTML-like labels with expat and stops at one); lone surrogates cannot be
# written as UTF-8 at all; DEL and the C1 controls (a terminal acts on them, a font has no
# glyph for them); the bidi embeddings, overrides and isolates, which would reorder a name in a
# picture or a document ("Trojan Source")
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def strip_forbidden(text: str, replacement: str = "") -> str:
    r"""``text`` without the characters no output language should hold: those XML 1.0
    forbids, lone surrogates, DEL and the C1 controls, and the bidi controls that reorder
    text; ``replacement`` stands for each one (nothing by default).

    Every escaping function (:mod:`mgmt_tools.render.escape`) starts here.

    Examples
    --------
    >>> strip_forbidden("bell\x07 tab\t nul\x00 \ud800收集"), strip_forbidden("a\x1fb", "?")
    ('bell tab\t nul 收集', 'a?b')
    """
    return _FORBIDDEN.sub(replacement, text)


NOTE_LABELS = 5
"""A note (a sentence a picture writes about itself, folded over lines) may be this many labels
long before :func:`shorten` cuts it."""


def shorten(text: str, limit: int | None = None, *, note: bool = False) -> str:
    """``text`` as a picture draws it: at most ``limit`` characters (by default the
    ``max_label`` limit, :mod:`mgmt_tools.limits`; a ``note`` :data:`NOTE_LABELS` times that),
    a longer one cut and ended with '…'.

    Every label of a diagram or chart passes here, so a 1 MB name cannot stall Graphviz or
    matplotlib; the JSON, tables and numbers keep the whole text.

    Examples
    --------
    >>> shorten("Collect KYC documents", 10), shorten("abc", 3), len(shorten("x" * 10**6))
    ('Collect K…', 'abc', 200)
    """
    if limit is None:
        from mgmt_tools.limits import current  # stdlib only: keeps this module light

        limit = current().max_label * (NOTE_LABELS if note else 1)
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + "…"


def format_number(value: float, decimals: int = 4) -> str:
    """Write a number compactly: no trailing zeros, at most ``decimals`` decimals.

    Diagrams and tables show ``3`` rather than ``3.0`` and ``0.3333`` rather than
    ``0.333333333``; the JSON result keeps the full float.

    Examples
    --------
    >>> [format_number(x) for x in (3.0, 4.5, 1 / 3, -0.0, 2.00004, 2.00006, 100000.0)]
    ['3', '4.5', '0.3333', '0', '2', '2.0001', '100000']
    >>> format_number(float("inf")), format_number(-1e-12)
    ('inf', '0')
    """
    if not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    # rounding can leave "-0" for tiny negative numbers; a float of -0 is noise, not a lead
    return "0" if text in ("-0", "") else text


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count 2, combining marks 0.

    Examples
    --------
    >>> display_width("abc"), display_width("收集客户资料"), display_width("e\u0301")
    (3, 12, 1)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns (CJK characters count 2);
    a text already that wide or wider is returned as it is.

    Examples
    --------
    >>> pad("ab", 4) + "|", pad("收集", 6) + "|", pad("收集资料", 4) + "|"
    ('ab  |', '收集  |', '收集资料|')
    """
    return text + " " * (width - display_width(text))


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """Cut ``text`` to at most ``width`` display columns, marking the cut with ``ellipsis``.

    Examples
    --------
    >>> truncate("Collect KYC documents", 10), truncate("收集客户资料", 7), truncate("abc", 3)
    ('Collect K…', '收集客…', 'abc')
    """
    if display_width(text) <= width:
        return text
    room = width - display_width(ellipsis)
    used = 0
    for position, char in enumerate(text):
        used += display_width(char)
        if used > room:
            return text[:position] + ellipsis
    return text


def format_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Collection[int] = (),
    gap: int = 2,
) -> list[str]:
    """Align a table of text for a terminal, measuring cells by :func:`display_width`.

    ``right`` lists the columns aligned to the right (numbers); trailing spaces are removed.

    Examples
    --------
    >>> print("\\n".join(format_table(["id", "name", "dur"], [["A", "收集资料", "3"],
    ...                                                     ["B", "Sign", "12.5"]], right=[2])))
    id  name       dur
    A   收集资料     3
    B   Sign      12.5
    """
    widths = [display_width(cell) for cell in header]
    for row in rows:
        widths = [max(width, display_width(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = []
    for row in (header, *rows):
        cells = []
        for column, cell in enumerate(row):
            padding = " " * (widths[column] - display_width(cell))
            cells.append(padding + cell if column in right else cell + padding)
        lines.append((" " * gap).join(cells).rstrip())
    return lines
