r"""One escaping function per output language: user text into DOT, HTML, Markdown, Mermaid, XML,
CSV cells and the terminal.

Every label, name or note from an input file that reaches one of these languages goes through
the function of its language here, and nothing else escapes them (a test reads the source tree
and fails on a second escaper). Each markup function drops the characters no language can hold
(:func:`mgmt_tools.render.strip_forbidden`: the C0 controls XML 1.0 forbids, lone surrogates),
accepts any object (its ``str``) and never lets text end the construct it is placed in.

- :func:`dot`: an HTML-like Graphviz label (``label=<...>``), the function of
  :mod:`mgmt_tools.render.dot` (:func:`dot_quote` for a quoted id or attribute value);
- :func:`html`: HTML content and attribute values (:func:`script_json` for JSON inside a
  ``<script>`` element);
- :func:`markdown`: inline Markdown text and table cells, on one line (:func:`markdown_cell`
  for Markdown we wrote ourselves, put in a table cell);
- :func:`mermaid`: a quoted Mermaid label, the function of :mod:`mgmt_tools.render.mermaid`
  (:func:`mermaid_gantt` for the unquoted names of a gantt);
- :func:`xml`: XML character data and attribute values;
- :func:`terminal`: text for a terminal and the text summaries: the characters a terminal acts
  on instead of showing (ESC, the other C0 and C1 controls, bidi overrides) are written
  visibly, as ``\x1b`` or ``\u202e``; lone surrogates become U+FFFD (the function is
  :func:`mgmt_tools.errors.printable`, where every error message uses it);
- :func:`cell`: a CSV (and XLSX) cell: :func:`terminal`'s rule, and text a spreadsheet would
  run as a formula (OWASP: starting with ``= + - @``, tab or carriage return) gets a leading
  ``'`` (:func:`cells` for a column of text);

Text that only a reader sees (terminal, CSV) shows what it cannot hold; the markup languages
drop it (:func:`mgmt_tools.render.strip_forbidden`); JSON (:func:`mgmt_tools._json.json_text`)
keeps it, escaped, but a lone surrogate, which no encoding can carry, becomes U+FFFD
everywhere.

Examples
--------
>>> label = 'Fees "A|B" <b>#1\nR&D'
>>> dot(label)
'Fees &quot;A|B&quot; &lt;b&gt;#1<BR/>R&amp;D'
>>> html(label)
'Fees &quot;A|B&quot; &lt;b&gt;#1\nR&amp;D'
>>> markdown(label)
'Fees "A\\|B" \\<b\\>\\#1 R&D'
>>> mermaid(label)
'Fees #quot;A#124;B#quot; #lt;b#gt;#35;1<br/>R#amp;D'
>>> xml(label, attribute=True)
'Fees &quot;A|B&quot; &lt;b&gt;#1&#10;R&amp;D'
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Sequence

from mgmt_tools.errors import printable as terminal
from mgmt_tools.render import strip_forbidden
from mgmt_tools.render.dot import escape as dot
from mgmt_tools.render.dot import quote as dot_quote
from mgmt_tools.render.mermaid import escape as mermaid
from mgmt_tools.render.mermaid import gantt_text as mermaid_gantt

__all__ = [
    "cell",
    "cells",
    "dot",
    "dot_quote",
    "html",
    "markdown",
    "markdown_cell",
    "mermaid",
    "mermaid_gantt",
    "script_json",
    "terminal",
    "xml",
]


def html(text: object) -> str:
    """Text for HTML content and (double- or single-quoted) attribute values.

    ``& < > " '`` become character references; line breaks are kept (HTML folds them).

    Examples
    --------
    >>> html('<b title="x">R&D\\'s</b>\\x00')
    '&lt;b title=&quot;x&quot;&gt;R&amp;D&#x27;s&lt;/b&gt;'
    """
    return _html.escape(strip_forbidden(str(text)), quote=True)


def script_json(text: str) -> str:
    """JSON text safe inside an HTML ``<script>`` element: ``</script`` would end the element
    and ``<!--`` change how it is parsed, so ``< > &`` are written as the JSON escapes
    ``\\u003c``, ``\\u003e`` and ``\\u0026``, which decode to the same string.

    Examples
    --------
    >>> script_json('{"name": "</script><!-- & "}')
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u0026 "}'
    """
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Backslash escapes are valid before any ASCII punctuation in CommonMark and GFM, table cells
# included, and render as the character itself: escaping too much only costs a backslash in the
# source. Escaped always: \ (escapes), ` (code), * _ (emphasis), [ ] (links), < > (HTML and
# autolinks), | (table cells), ~ (GFM strikethrough), $ (GitHub reads "$5-$8" as math) and #,
# the last even mid-text, because the function does not know where its text lands: at the
# start of a paragraph or of a list item's text `#` opens a heading, and a trailing run of `#`
# on a heading line is eaten as its closing sequence (`# Issue #` shows "Issue"). `&` only
# where it would start a character reference (`&amp;`), so that "R&D" stays readable.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|#~$]|&(?=#?[0-9A-Za-z]+;)")
# What opens a list at the start of a block ("- x", "+ x", "1. x", "1) x", and "---"): the
# marker's last character is escaped so that a paragraph of user text stays a paragraph.
_MD_BLOCK_START = re.compile(r"^(?:[-+]|\d{1,9}[.)])(?= |$)|^-(?=[- ]*$)")


def markdown(text: object) -> str:
    r"""Text for Markdown, inline or in a table cell: on one line (whitespace runs folded to
    one space), with every character that could start markup escaped by a backslash.

    Examples
    --------
    >>> print(markdown("a|b *c* <d>\n#2 `x` [y](z) ~~w~~ \\ &amp; R&D $5-$8"))
    a\|b \*c\* \<d\> \#2 \`x\` \[y\](z) \~\~w\~\~ \\ \&amp; R&D \$5-\$8
    >>> print(markdown("- not a list"), markdown("1. nor this"), markdown("-3.5"), markdown("---"))
    \- not a list 1\. nor this -3.5 \---
    """
    line = " ".join(strip_forbidden(str(text)).split())
    line = _MD_SPECIAL.sub(r"\\\g<0>", line)
    return _MD_BLOCK_START.sub(lambda marker: f"{marker[0][:-1]}\\{marker[0][-1]}", line)


def markdown_cell(markup: str) -> str:
    r"""Markdown markup of our own (a docstring with its `code`), not user text, for a table
    cell: on one line, pipes escaped (GFM splits cells at a pipe even inside a code span).

    Examples
    --------
    >>> print(markdown_cell("`a|b` or\n *c*"))
    `a\|b` or *c*
    """
    return " ".join(markup.split()).replace("|", "\\|")


_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_XML_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&apos;",
        # a parser turns raw line breaks and tabs of an attribute value into spaces
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)


def xml(text: object, *, attribute: bool = False, invalid: str = "") -> str:
    """Text for XML character data or, with ``attribute``, a quoted attribute value.

    ``& < >`` become entity references (and ``" '`` in attributes); a carriage return is
    written ``&#13;`` (a parser would turn a raw one into a line feed), and in attributes line
    feeds and tabs too (a parser would turn them into spaces), so text reads back as written.
    Characters XML 1.0 cannot hold are removed, or replaced by ``invalid``.

    Examples
    --------
    >>> xml("R&D <team>\\r\\n\\x07"), xml("bell\\x07", invalid="\\ufffd") == "bell\\ufffd"
    ('R&amp;D &lt;team&gt;&#13;\\n', True)
    >>> xml("say 'hi'\\n", attribute=True)
    'say &apos;hi&apos;&#10;'
    """
    table = _XML_ATTRIBUTE if attribute else _XML_TEXT
    return strip_forbidden(str(text), invalid).translate(table)


# OWASP's CSV injection rule: a cell starting with one of these is a formula to a spreadsheet
# (https://owasp.org/www-community/attacks/CSV_Injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number is no formula ("-1" reads as -1), but "-1+2" or "-2+3+cmd|..." would be.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def cell(value: object, raw: bool = False) -> object:
    r"""A value for a CSV (or XLSX) cell: text from the input made safe, anything else (a
    number the program computed) as it is.

    Text goes through :func:`terminal`, then, unless ``raw``, gets a leading ``'`` when a
    spreadsheet would run it as a formula: when it starts with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return (OWASP's rule) and is not a plain number (``-1`` or ``+2.5e3`` stays as
    written: a spreadsheet reads it as that number, as it reads a number we wrote).

    Examples
    --------
    >>> cell("=cmd|' /C calc'!A0"), cell("=1+1", raw=True), cell("-1"), cell("-1+2"), cell(-1.5)
    ("'=cmd|' /C calc'!A0", '=1+1', '-1', "'-1+2", -1.5)
    >>> cell("\tx"), cell("@SUM(A1)"), cell("a-b"), cell("收集\x1b")
    ("'\tx", "'@SUM(A1)", 'a-b', '收集\\x1b')
    """
    if not isinstance(value, str):
        return value
    # printable text (no control character, bidi control or surrogate) is the common case
    text = value if value.isprintable() else terminal(value)
    if raw or not text.startswith(_FORMULA_START) or _NUMBER.fullmatch(text):
        return text
    return "'" + text


# a cell of a column joined by NUL (and led by one) that starts as a formula would
_FORMULA_IN_COLUMN = re.compile("\x00[-=+@\t\r]")


def cells(column: Sequence[str], raw: bool = False) -> Sequence[str]:
    """:func:`cell` of each text of ``column``; the column itself when no cell changes (found
    by two scans in C, twice as fast as a cell at a time on a 100,000-task plan).

    Examples
    --------
    >>> names = ["Plan", "Build"]
    >>> cells(names) is names, cells(["a", "=1+1"]), cells(["=1+1"], raw=True)
    (True, ['a', "'=1+1"], ['=1+1'])
    """
    if "".join(column).isprintable() and (
        raw or not _FORMULA_IN_COLUMN.search("\x00" + "\x00".join(column))
    ):
        return column
    return [str(cell(text, raw)) for text in column]
