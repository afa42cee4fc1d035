"""Plain words for YAML mistakes: indentation, tabs, a missing space after a colon, aliases.

libyaml reports what its grammar expected ("mapping values are not allowed in this context",
"did not find expected key"); a user needs to know what to change on which line. These
functions look at the text around the place libyaml stopped and name the usual cause. They
run only when a file has already failed to parse (or, for aliases, when it has anchors), so
valid input pays nothing.

>>> plain_yaml_error("mapping values are not allowed in this context",
...                  "tasks:\\n  - id:A\\n    duration: 1\\n", 2, 12)
("a missing space after ':' (write 'id: A'; without the space 'id:A' is one word)", 1, 6)
"""

from __future__ import annotations

import re
from itertools import chain, compress
from typing import Any

import yaml

from mgmt_tools import limits
from mgmt_tools.limits import depth_limit, depth_message, digits_message, text_message
from mgmt_tools.locale import N_, _, current, pgettext

__all__ = [
    "LongInteger",
    "alias_problem",
    "bound_problems",
    "json_words",
    "libyaml_words",
    "may_have_aliases",
    "plain_yaml_error",
    "within_bounds",
]

_TAB = N_("a tab used for indentation (YAML indents with spaces only: replace the tab with spaces)")
_INDENT = N_(
    "bad indentation: this line does not line up with the lines above it (the keys of one "
    "mapping, and the '-' items of one list, start in the same column)"
)
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)*)([^\s#'\"{\[&*!|>%@`-][^:#]*?):([^\s:/])")
"""A block key followed by a colon with no space after it: ``id:A`` (not a URL, not 10:30)."""
_KEY = re.compile(r"^(\s*(?:-\s+)*)([^\s#'\"{\[&*!|>%@`][^#]*?):(?:\s|$)")


def plain_yaml_error(
    message: str, text: str, line: int, column: int, context_line: int | None = None
) -> tuple[str, int, int] | None:
    """The usual cause of libyaml's ``message`` at 0-based ``line`` and ``column`` of
    ``text``, as (words, line, column), or None when there is nothing plainer to say."""
    lines = text.splitlines()
    here = lines[line] if 0 <= line < len(lines) else ""
    tab = _leading_tab(lines, line)
    if tab is not None and ("tab" in message or "cannot start any token" in message):
        return _(_TAB), line, tab
    if "mapping values are not allowed" in message:
        return _mapping_value(lines, line, column)
    if "could not find expected ':'" in message:
        at = context_line if context_line is not None else line
        words = lines[at].strip() if 0 <= at < len(lines) else ""
        indent = len(lines[at]) - len(lines[at].lstrip()) if 0 <= at < len(lines) else 0
        message = _("a line without ':' in a mapping: '{words}' (write 'key: value')")
        return message.format(words=words), at, indent
    if any(
        part in message
        for part in ("did not find expected key", "expected '-' indicator", "expected <block end>")
    ):
        return _(_INDENT), line, len(here) - len(here.lstrip(" "))
    return None


_LIBYAML = {
    "while parsing a block mapping": N_("while parsing a block mapping"),
    "while parsing a block collection": N_("while parsing a block list"),
    "while parsing a flow sequence": N_("while parsing a list in brackets [ ]"),
    "while parsing a flow mapping": N_("while parsing a mapping in braces { }"),
    "while parsing a flow node": N_("while parsing a value in brackets"),
    "while parsing a block node": N_("while parsing a value"),
    "while parsing a node": N_("while parsing a value"),
    "while parsing a quoted scalar": N_("while reading a quoted text"),
    "while scanning a quoted scalar": N_("while reading a quoted text"),
    "while scanning a plain scalar": N_("while reading a text"),
    "while scanning a simple key": N_("while reading a key"),
    "while scanning a block scalar": N_("while reading a block text (| or >)"),
    "while scanning an alias": N_("while reading an alias (*)"),
    "while scanning an anchor": N_("while reading an anchor (&)"),
    "while scanning a tag": N_("while reading a tag (!)"),
    "while scanning a directive": N_("while reading a directive (%)"),
    "while scanning for the next token": N_("while reading"),
    "while constructing a mapping": N_("while building a mapping"),
    "did not find expected key": N_("did not find the expected key"),
    "did not find expected ',' or ']'": N_("did not find the expected ',' or ']'"),
    "did not find expected ',' or '}'": N_("did not find the expected ',' or '}'"),
    "did not find expected '-' indicator": N_("did not find the expected '-'"),
    "did not find expected node content": N_("did not find the expected value"),
    "could not find expected ':'": N_("did not find the expected ':'"),
    "found unexpected end of stream": N_("the file ends too early"),
    "found undefined alias": N_("an alias (*) with no anchor (&) of that name before it"),
    "mapping values are not allowed in this context": N_("a ':' where no key can start"),
    "found unknown escape character": N_("an unknown escape (\\) in quoted text"),
    "found character that cannot start any token": N_("a character that cannot start a value here"),
    "found unhashable key": N_("a key that is a list or a mapping"),
    "expected a single document in the stream": N_("one document expected in the file"),
    "but found another document": N_("but there is another one (---)"),
    "found duplicate anchor; first occurrence": N_("an anchor (&) used twice; first here"),
    "second occurrence": N_("then here"),
    "found unexpected ':'": N_("an unexpected ':'"),
    "block sequence entries are not allowed in this context": N_(
        "a '-' item where no list can start"
    ),
}
"""libyaml's words (the context and the problem of a syntax error), in ours."""
_EXPECTED = re.compile(r"^expected (<[^>]+>|'[^']*'), but found (.+)$")


def libyaml_words(message: str) -> str:
    """libyaml's ``message`` (its context and problem, joined by a space) in the reader's
    language: as libyaml says it in English; in another, in our words where we know them.

    >>> from mgmt_tools.locale import using
    >>> with using("en"):
    ...     libyaml_words("while parsing a block mapping did not find expected key")
    'while parsing a block mapping did not find expected key'
    """
    if current() == "en" or not message:
        return message
    parts: list[str] = []
    rest = message
    while rest:
        for english in sorted(_LIBYAML, key=len, reverse=True):
            if rest.startswith(english):
                parts.append(_(_LIBYAML[english]))
                rest = rest[len(english) :].lstrip()
                break
        else:
            expected = _EXPECTED.match(rest)
            if expected is not None:
                parts.append(
                    _("expected {expected}, but found {found}").format(
                        expected=expected.group(1), found=expected.group(2)
                    )
                )
            else:
                parts.append(rest)
            break
    return pgettext("between the parts of a syntax error", "; ").join(parts)


_JSON = {
    "Expecting value": N_("a value expected"),
    "Expecting ',' delimiter": N_("a ',' expected"),
    "Expecting ':' delimiter": N_("a ':' expected"),
    "Expecting property name enclosed in double quotes": N_("a key in double quotes expected"),
    "Extra data": N_("more text after the end of the data"),
    "Unterminated string starting at": N_("a text in quotes that does not end"),
    "Invalid control character at": N_("a control character inside a text"),
    "Invalid \\escape": N_("an unknown escape (\\) in a text"),
    "Invalid \\uXXXX escape": N_("a bad \\uXXXX escape in a text"),
    "Illegal trailing comma before end of object": N_("a ',' before the closing '}'"),
    "Illegal trailing comma before end of array": N_("a ',' before the closing ']'"),
}
"""Python's JSON reader's words, in ours."""


def json_words(message: str) -> str:
    """The JSON reader's ``message`` in the reader's language (as it is in English).

    >>> from mgmt_tools.locale import using
    >>> with using("en"):
    ...     json_words("Expecting value")
    'Expecting value'
    """
    if current() == "en":
        return message
    for english, ours in _JSON.items():
        if message.startswith(english):
            return _(ours)
    return message


def _leading_tab(lines: list[str], line: int) -> int | None:
    """The column of a tab in the indentation of ``line``, if there is one."""
    if not 0 <= line < len(lines):
        return None
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip(" \t"))]
    return indent.index("\t") if "\t" in indent else None


def _mapping_value(lines: list[str], line: int, column: int) -> tuple[str, int, int]:
    """A colon where no mapping can start: a key written ``id:A`` on the line before, a
    second ``: `` in an unquoted value, or a line indented more than its siblings."""
    for number in (line, _previous(lines, line)):
        if number is None:
            continue
        match = _NO_SPACE.match(lines[number])
        if match and (number < line or match.end(2) < column):
            key, after = match.group(2).strip(), lines[number][match.end(2) + 1 :].strip()
            written = f"{key}:{after.split()[0] if after else ''}"
            message = _(
                "a missing space after ':' (write '{key}: {after}'; without the space "
                "'{written}' is one word)"
            )
            return message.format(key=key, after=after, written=written), number, match.end(2)
    here = lines[line] if 0 <= line < len(lines) else ""
    key = _KEY.match(here)
    if key is not None and key.end(2) < column:
        value = here[key.end(0) :].strip()
        message = _("a ': ' inside a value: put the value in quotes (write {key}: \"{value}\")")
        return message.format(key=key.group(2).strip(), value=value), line, column
    indent = len(here) - len(here.lstrip(" "))
    above = _previous(lines, line)
    if above is not None:
        message = _(
            "bad indentation: this line is indented more than the line above it "
            "(line {line}), so it cannot start a key there (the keys of one mapping "
            "start in the same column)"
        )
        return message.format(line=above + 1), line, indent
    return _(_INDENT), line, indent


def _previous(lines: list[str], line: int) -> int | None:
    """The nearest line above ``line`` with something on it other than a comment."""
    for number in range(min(line, len(lines)) - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def may_have_aliases(text: str) -> bool:
    """Whether ``text`` may hold an anchor and an alias (``&a`` and ``*a`` starting a value);
    a regular-expression search, so files without them pay nothing more.

    >>> may_have_aliases("a: &x [1]\\nb: *x"), may_have_aliases("name: R&D\\nfee: 2 * 3")
    (True, False)
    """
    return _starts_a_value(text, "&") and _starts_a_value(text, "*")


def _starts_a_value(text: str, mark: str) -> bool:
    """Whether ``mark`` appears where a YAML value starts, followed by a name. Looks only at
    the places ``str.find`` gives (fast), not at every character."""
    at = text.find(mark)
    while at != -1:
        before = text[at - 1] if at else "\n"
        after = text[at + 1 : at + 2]
        if before in " \t\r\n[{," and after and after not in " \t\r\n[]{},":
            return True
        at = text.find(mark, at + 1)
    return False


AliasProblem = tuple[str, tuple[str | int, ...], int, int]
"""(message, path of the alias in the data, 0-based line, 0-based column)."""


def alias_problem(text: str, loader: type[yaml.SafeLoader]) -> AliasProblem | None:
    """An alias that refers to the node it is inside (``a: &a [*a]``), or aliases that expand
    to more than ``limits.current().max_values`` values (beyond ten times the file's own
    values: a few lines of nested aliases can stand for billions, an "alias bomb"), located;
    else None.

    Reads the parser's events once, counting each anchored node's expanded size, so the check
    costs one pass however much the aliases would expand.

    >>> alias_problem("a: &a [1, *a]", yaml.SafeLoader)
    ("the alias '*a' refers to the node it is inside (anchor '&a'): it would never end", \
('a', 1), 0, 10)
    >>> alias_problem("a: &a [1, 2]\\nb: *a", yaml.SafeLoader) is None
    True
    """
    sizes: dict[str, int] = {}
    open_anchors: list[str | None] = []
    counts: list[int] = [0]
    places = _Places()
    events = 0
    most = limits.current().max_values
    try:
        for event in yaml.parse(text, Loader=loader):
            events += 1
            if isinstance(event, yaml.NodeEvent):
                places.enter(event)
            if isinstance(event, yaml.AliasEvent):
                anchor = str(event.anchor)
                line, column = _where(event)
                if anchor in open_anchors:
                    message = _(
                        "the alias '*{anchor}' refers to the node it is inside (anchor "
                        "'&{anchor}'): it would never end"
                    ).format(anchor=anchor)
                    return message, places.path(), line, column
                counts[-1] += sizes.get(anchor, 1)
                if counts[-1] > most and counts[-1] > 10 * events:
                    message = _(
                        "the aliases expand this file to more than {most} values "
                        "(at '*{anchor}'); write the data out or use fewer aliases, or {how}"
                    ).format(most=f"{most:,}", anchor=anchor, how=limits.how_to_raise("max_values"))
                    return message, places.path(), line, column
            elif isinstance(event, yaml.CollectionStartEvent):
                open_anchors.append(event.anchor)
                counts.append(1)
                places.open(isinstance(event, yaml.MappingStartEvent))
            elif isinstance(event, yaml.CollectionEndEvent):
                opened, size = open_anchors.pop(), counts.pop()
                if opened is not None:
                    sizes[opened] = size
                counts[-1] += size
                places.close()
            elif isinstance(event, yaml.ScalarEvent):
                counts[-1] += 1
                if event.anchor is not None:
                    sizes[str(event.anchor)] = 1
    except yaml.YAMLError:
        return None  # reported by the loader, with its position
    return None


class _Places:
    """The path of the node an event stream is at: keys of mappings, numbers of lists."""

    def __init__(self) -> None:
        # per open collection: [is a mapping, current key or index, next node is a key]
        self._frames: list[list[Any]] = []

    def enter(self, event: yaml.NodeEvent) -> None:
        """A node begins in the innermost open collection."""
        if not self._frames:
            return
        frame = self._frames[-1]
        if not frame[0]:
            frame[1] += 1
        elif frame[2]:
            frame[1] = str(event.value) if isinstance(event, yaml.ScalarEvent) else "?"
            frame[2] = False
        else:
            frame[2] = True  # this node is the value; the next one is a key

    def open(self, mapping: bool) -> None:
        self._frames.append([mapping, "" if mapping else -1, True])

    def close(self) -> None:
        self._frames.pop()

    def path(self) -> tuple[str | int, ...]:
        return tuple(frame[1] for frame in self._frames)


def _where(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line, mark.column) if mark is not None else (0, 0)


# --- Limits on values (mgmt_tools.limits), for YAML and JSON data ---------------------------


class LongInteger(str):
    """An integer written with more digits than allowed, kept as its text so that it is never
    computed with (:func:`bound_problems` reports it)."""

    __slots__ = ()


Bound = tuple[str, tuple[str | int, ...], bool]
"""(message, path, whether the message is about the key at the path)."""


_CONTAINERS = frozenset({dict, list})
_TEXT = frozenset({str})


def within_bounds(data: Any, *, text: bool = True) -> bool:
    """Whether ``data`` (plain dicts, lists and scalars) is nested at most ``max_depth``
    deep and, with ``text``, holds no text or key longer than ``max_text``: the quick test
    before :func:`bound_problems` says where. One level at a time, in C loops (no Python code
    per value), so a big valid input pays little.

    >>> within_bounds({"a": [[1]]}), within_bounds([[["deep"]]], text=False)
    (True, True)
    >>> with limits.using(max_depth=2):
    ...     within_bounds([[["deep"]]])
    False
    """
    bounds, deepest = limits.current(), depth_limit()
    level = [data] if type(data) in _CONTAINERS else []
    depth = 0
    while level:
        depth += 1
        if depth > deepest:
            return False
        dicts = [node for node in level if type(node) is dict]
        values = list(chain.from_iterable(map(dict.values, dicts)))
        values += chain.from_iterable(node for node in level if type(node) is list)
        kinds = list(map(type, values))
        if text:
            keys = list(chain.from_iterable(dicts))
            longest = max(
                max(map(len, compress(values, map(_TEXT.__contains__, kinds))), default=0),
                max(map(len, compress(keys, map(_TEXT.__contains__, map(type, keys)))), default=0),
            )
            if longest > bounds.max_text:
                return False
        level = list(compress(values, map(_CONTAINERS.__contains__, kinds)))
    return True


def bound_problems(
    data: Any, *, text: bool = True, numbers: bool = True, most: int = 20
) -> list[Bound]:
    """Values of ``data`` past the limits (at most ``most``, not in reading order): containers
    nested deeper than ``max_depth`` (not looked into), with ``text`` texts and keys longer
    than ``max_text``, with ``numbers`` a :class:`LongInteger`.

    Walks with its own stack, so any depth is safe; an input cannot hold a longer text than
    itself, so callers pass ``text=False`` for a short input.

    >>> with limits.using(max_depth=2, max_text=3):
    ...     [(path, key) for _, path, key in bound_problems({"a": [[1]], "b": "abcd"})]
    [(('b',), False), (('a', 0), False)]
    """
    bounds, deepest = limits.current(), depth_limit()
    found: list[Bound] = []
    stack: list[tuple[Any, tuple[str | int, ...], int]] = [([data], (), 0)]
    while stack and len(found) < most:
        node, path, depth = stack.pop()
        if depth > deepest:
            found.append((depth_message(), path, False))
            continue
        if type(node) is dict or isinstance(node, dict):
            pairs: Any = node.items()
        else:
            pairs = enumerate(node)
        inner = []
        for key, value in pairs:
            if text and isinstance(key, str) and len(key) > bounds.max_text:
                found.append((text_message(len(key)), (*path, key), True))
            if numbers and type(key) is LongInteger:
                found.append((digits_message(len(key.lstrip("+-"))), (*path, key), True))
            kind = type(value)
            if kind is dict or kind is list or isinstance(value, dict | list):
                inner.append((value, (*path, key) if depth else (), depth + 1))
            elif text and kind is str and len(value) > bounds.max_text:
                found.append((text_message(len(value)), (*path, key), False))
            elif numbers and kind is LongInteger:
                size = len(value.lstrip("+-"))
                found.append((digits_message(size), (*path, key), False))
        stack.extend(reversed(inner))
    return found
