"""Mermaid text: the one escaping function for flowchart labels (:func:`escape`) and for gantt
task names and titles (:func:`gantt_text`), safe node ids, the theme.

Mermaid removes ``%%{...}%%`` directives from anywhere in the text, reads a quoted label
(``t0["..."]``) up to the next double quote, decodes entity codes written ``#name;`` or
``#123;`` and renders the rest as HTML. :func:`escape` therefore writes
every character that could end the string, start an entity, a tag or a Markdown string as an
entity code, so user text shows literally; ``<br/>`` line breaks are ours, added after escaping.
Node ids are generated (:func:`node_id`), never taken from the input: ids such as ``end`` or
``graph`` are keywords to Mermaid. A gantt reads names unquoted, up to a ``:``, so
:func:`gantt_text` also writes the characters of its grammar as entity codes.

Examples
--------
>>> node_id(0) + "[" + label('Sign "NDA" & <file>') + "]"
't0["Sign #quot;NDA#quot; #amp; #lt;file#gt;"]'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mgmt_tools.locale import _
from mgmt_tools.render import shorten, strip_forbidden
from mgmt_tools.render.dot import THEME, Theme

__all__ = ["class_def", "comment", "escape", "gantt_text", "label", "link_style", "node_id"]

_TABLE = str.maketrans(
    {
        "#": "#35;",  # first of all: it starts every entity code
        '"': "#quot;",
        "&": "#amp;",
        "<": "#lt;",
        ">": "#gt;",
        "`": "#96;",  # a backtick opens a Markdown string
        "%": "#37;",  # Mermaid strips %%{...}%% directives out of any text before parsing
        "|": "#124;",  # ends an edge label written -->|text|
        "\t": " ",
        "\n": "<br/>",
    }
)


def _clean(text: object) -> str:
    """``text`` without what :func:`strip_forbidden` drops, line breaks as ``\\n``,
    shortened to the ``max_label`` limit (:func:`~mgmt_tools.render.shorten`)."""
    return strip_forbidden(shorten(str(text)).replace("\r\n", "\n").replace("\r", "\n"))


def escape(text: object) -> str:
    """Escape text for a Mermaid label: quotes, ``# & < > ` | %`` as entity codes, line breaks
    as ``<br/>``; control characters and lone surrogates are dropped.

    Examples
    --------
    >>> escape('5" pipe #2 <b>')
    '5#quot; pipe #35;2 #lt;b#gt;'
    >>> escape("收集客户资料\\n信用审批")
    '收集客户资料<br/>信用审批'
    """
    return _clean(text).translate(_TABLE)


# What a gantt name must not hold raw: ``:`` ends it, ``;`` (and ``#``) a statement, ``%`` starts
# a comment.
_GANTT_SPECIAL = {":": "#58;", ";": "#59;", "%": "#37;"}
# What the Mermaid gantt lexer reads as a statement at the start of a line.
_GANTT_KEYWORD = re.compile(
    r"gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes"
    r"|todaymarker|weekday|weekend|title|acctitle|accdescr|section|click|call|href|vert"
    r"|\d{4}-\d\d-\d\d",
    re.IGNORECASE,
)


def gantt_text(text: str) -> str:
    """A task name, section name or title for a Mermaid gantt: on one line, escaped by
    :func:`escape`, with the characters the gantt grammar reads (``:`` ends a name, ``;`` and
    ``#`` a statement, ``%`` starts a comment) as entity codes, which Mermaid decodes when it
    draws; a name that begins with a keyword gets its first character as an entity code too.

    Examples
    --------
    >>> gantt_text("Sign: NDA #2; 5% fee"), gantt_text("Title deeds")
    ('Sign#58; NDA #35;2#59; 5#37; fee', '#84;itle deeds')
    >>> gantt_text("收集客户资料\\n信用审批")
    '收集客户资料 信用审批'
    """
    line = " ".join(_clean(text).split())
    pieces = re.split(r"([:;%])", line)
    escaped = "".join(_GANTT_SPECIAL.get(piece) or escape(piece) for piece in pieces)
    if _GANTT_KEYWORD.match(line):
        escaped = f"#{ord(line[0])};" + escaped[1:]
    return escaped


def label(text: object) -> str:
    """A quoted Mermaid label holding ``text`` escaped by :func:`escape`.

    >>> label("A & B")
    '"A #amp; B"'
    """
    return f'"{escape(text)}"'


def node_id(index: int, prefix: str = "t") -> str:
    """A safe node id for item ``index``: letters and digits only, never a Mermaid keyword.

    >>> node_id(0), node_id(12, "n")
    ('t0', 'n12')
    """
    if not prefix.isidentifier() or not prefix.isascii():
        raise ValueError(
            _("node id prefix must be ASCII letters, digits or _: {prefix}").format(
                prefix=repr(prefix)
            )
        )
    return f"{prefix}{int(index)}"


def comment(text: str) -> str:
    """A Mermaid comment line holding ``text`` on one line (a title or a note for readers of
    the source; Mermaid does not draw it).

    Runs of ``%`` are collapsed so that the text cannot hold a ``%%{...}%%`` directive.

    >>> comment("Plan B:\\n 7.5 days")
    '%% Plan B: 7.5 days'
    """
    # Mermaid finds %%{...}%% directives anywhere in the source, comments included.
    return "%% " + re.sub("%+", "%", " ".join(_clean(text).split()))


def class_def(name: str, *, emphasis: bool, theme: Theme = THEME) -> str:
    """A ``classDef`` statement in the shared theme: accent colour when ``emphasis``.

    >>> class_def("critical", emphasis=True)
    'classDef critical fill:#FDEDEC,stroke:#C0392B,stroke-width:2px,color:#1F2933'
    """
    if emphasis:
        style = f"fill:{theme.accent_fill},stroke:{theme.accent},stroke-width:2px"
    else:
        style = f"fill:{theme.fill},stroke:{theme.line},stroke-width:1px"
    return f"classDef {name} {style},color:{theme.ink}"


def link_style(indices: Iterable[int], *, emphasis: bool, theme: Theme = THEME) -> str | None:
    """A ``linkStyle`` statement for the links numbered ``indices`` (in order of definition),
    or None when there are none.

    >>> link_style([0, 3], emphasis=True)
    'linkStyle 0,3 stroke:#C0392B,stroke-width:2.5px'
    """
    numbers = ",".join(str(int(index)) for index in indices)
    if not numbers:
        return None
    style = (
        f"stroke:{theme.accent},stroke-width:2.5px"
        if emphasis
        else f"stroke:{theme.faint},stroke-width:1px"
    )
    return f"linkStyle {numbers} {style}"
