"""Load YAML and JSON inputs fast, and place problems in them by line and column.

The fast path parses with libyaml's C loader (YAML) or ``json.loads`` (JSON) and records no
positions, so valid input pays nothing for error reporting. When validation finds problems, the
caller asks :func:`locator` for a :class:`Locator`, which parses the text again with positions
and maps a path such as ``("tasks", 3, "depends_on", 0)`` to its line and column.

YAML is read with the YAML 1.2 core schema: only ``true``/``false`` are booleans (``NO`` and
``on`` stay text), ``010`` is the decimal 10, dates stay text. Integers and floats remember the
literal text they were written as (:class:`TextInt`, :class:`TextFloat`), so an id written as
``010`` or ``1.10`` reads as that text. Duplicate keys are errors, all of them reported at once.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sys
from typing import Any

import yaml

from mgmt_tools import limits
from mgmt_tools._json_positions import Beyond, Bounds, beyond_limits
from mgmt_tools._json_positions import Entry as _Entry
from mgmt_tools._json_positions import JsonIndexer as _JsonIndexer
from mgmt_tools._yaml_errors import (
    LongInteger,
    alias_problem,
    bound_problems,
    json_words,
    libyaml_words,
    may_have_aliases,
    plain_yaml_error,
    within_bounds,
)
from mgmt_tools.errors import InputError, PathPart, Problem, in_order
from mgmt_tools.limits import depth_limit, depth_message, digits_limit, digits_message, text_message
from mgmt_tools.locale import N_, _

__all__ = [
    "LazyLocator",
    "Locator",
    "TextFloat",
    "TextInt",
    "literal_text",
    "load_text",
    "locator",
]

Path = tuple[PathPart, ...]


class TextInt(int):
    """An integer that remembers how it was written (``010`` stays ``"010"`` as an id)."""

    text: str

    def __new__(cls, value: int, text: str) -> TextInt:
        number = super().__new__(cls, value)
        number.text = text
        return number


class TextFloat(float):
    """A float that remembers how it was written (``1.10`` stays ``"1.10"`` as an id)."""

    text: str

    def __new__(cls, value: float, text: str) -> TextFloat:
        number = super().__new__(cls, value)
        number.text = text
        return number


def literal_text(value: object) -> str:
    """The literal text of a scalar read from YAML or JSON, for ids and names.

    >>> literal_text(TextInt(10, "010")), literal_text(True), literal_text("NO")
    ('010', 'true', 'NO')
    """
    text = getattr(value, "text", None)
    if isinstance(text, str):
        return text
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- YAML 1.2 core schema on top of the C loader -------------------------------------------

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_DROPPED = {_BOOL, _INT, _FLOAT, "tag:yaml.org,2002:timestamp"}

_INT_RE = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT_RE = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _core_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    table = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for tag, regexp, firsts in (
        (_BOOL, _BOOL_RE, "tTfF"),
        (_INT, _INT_RE, "-+0123456789"),
        (_FLOAT, _FLOAT_RE, "-+.0123456789"),
    ):
        for first in firsts:
            table.setdefault(first, []).append((tag, regexp))
    return table


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """YAML 1.2 core schema; numbers keep their text; duplicate keys are noted, not merged."""

    yaml_implicit_resolvers = _core_resolvers()
    duplicates_seen = False
    numbers_seen = False  # an integer with too many digits (kept as a LongInteger)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # merge keys (<<) bring defaults that explicit keys may override: not duplicates
        keys = [
            self.construct_object(key, deep=deep)
            for key, _ in node.value
            if key.tag != "tag:yaml.org,2002:merge"
        ]
        if len(keys) != len({_hashable(key) for key in keys}):
            self.duplicates_seen = True
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _hashable(key: object) -> object:
    return key if isinstance(key, str | int | float | bool | None) else repr(key)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    text = str(loader.construct_scalar(node))
    body = text.lstrip("+-")
    if len(body) > digits_limit():  # never converted: Python's own limit is 4,300 digits
        loader.numbers_seen = True  # type: ignore[attr-defined]
        return LongInteger(text)
    sign = -1 if text.startswith("-") else 1
    if body.startswith("0o"):
        value = int(body[2:], 8)
    elif body.startswith("0x"):
        value = int(body[2:], 16)
    else:
        value = int(body, 10)
    return TextInt(sign * value, text)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    lowered = text.lower()
    if lowered.endswith(".inf"):
        value = -math.inf if lowered.startswith("-") else math.inf
    elif lowered == ".nan":
        value = math.nan
    else:
        value = float(text)
    return TextFloat(value, text)


def _construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


_Loader.add_constructor(_INT, _construct_int)
_Loader.add_constructor(_FLOAT, _construct_float)
_Loader.add_constructor(_BOOL, _construct_bool)


def _json_float(text: str) -> float:
    return TextFloat(float(text), text)


class _NumbersSeen(Exception):  # noqa: N818 (a signal between the JSON reader and its caller)
    """An integer with too many digits, met by the JSON reader."""


def _json_int(text: str) -> int:
    if len(text) - text.startswith("-") > digits_limit():
        raise _NumbersSeen  # located by a second, exact reading
    return int(text)


def _json_constant(name: str) -> float:
    raise ValueError(_("{name} is not valid JSON").format(name=name))


def load_text(
    text: str, fmt: str, source: str | None = None, problems: list[Problem] | None = None
) -> Any:
    """Parse ``text`` as ``fmt`` ("yaml" or "json") without recording positions.

    Raises :class:`InputError` for a syntax error. Duplicate keys (all of them, located) are
    appended to ``problems`` when it is given, and parsing goes on (the last value wins), so
    they are reported with the other problems of the file; without it they are raised.

    The limits of :mod:`mgmt_tools.limits` on nesting depth, alias expansion, digits of an
    integer and characters of a text are checked here, before anything recursive sees the
    data: going past one raises :class:`InputError` placed at the first value past it.

    >>> load_text("id: 010\\nok: NO\\nx: 1.10", "yaml")
    {'id': 10, 'ok': 'NO', 'x': 1.1}
    >>> load_text("a: 1\\na: 2", "yaml", "f.yaml")
    Traceback (most recent call last):
    ...
    mgmt_tools.errors.InputError: f.yaml:2:1: a: duplicate key 'a' (first at line 1)
    """
    _room_for(depth_limit())
    if fmt == "json":
        duplicates_seen = False
        bounds = _json_bounds()
        beyond = beyond_limits(text, bounds)
        if beyond is not None:
            raise InputError([_beyond_problem(beyond, source)])

        def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
            nonlocal duplicates_seen
            result = dict(items)
            duplicates_seen = duplicates_seen or len(result) != len(items)
            return result

        try:
            data = json.loads(
                text,
                object_pairs_hook=pairs,
                parse_float=_json_float,
                parse_int=_json_int,
                parse_constant=_json_constant,
            )
        except _NumbersSeen:
            digits = beyond_limits(text, bounds, check=False)
            problem = _beyond_problem(digits, source) if digits else None
            raise InputError([problem or Problem(digits_message(0), source=source)]) from None
        except ValueError as error:
            raise InputError([_json_syntax_problem(error, source, text)]) from None
        except RecursionError:  # only with a depth limit raised past what json can read
            raise InputError([Problem(_(_TOO_DEEP), source=source)]) from None
    else:
        # anchors: an alias inside its own anchor, or aliases that expand without end, are
        # located before anything builds or walks the data (the check costs one parse)
        alias = alias_problem(text, _Loader) if may_have_aliases(text) else None
        if alias is not None:
            message, path, line, column = alias
            raise InputError([Problem(message, path, source, line + 1, column + 1)])
        loader = _Loader(text)
        try:
            data = loader.get_single_data()
        except yaml.MarkedYAMLError as error:
            raise InputError([_yaml_syntax_problem(error, source, text)]) from None
        except yaml.YAMLError as error:
            message = _("YAML syntax: {message}").format(message=error)
            raise InputError([Problem(message, source=source)]) from None
        except RecursionError:
            raise InputError([Problem(_(_TOO_DEEP), source=source)]) from None
        finally:
            loader.dispose()
        duplicates_seen = loader.duplicates_seen
        # JSON was checked on its text before reading; YAML is checked as read
        long_text = len(text) > limits.current().max_text
        if loader.numbers_seen or not within_bounds(data, text=long_text):
            past = bound_problems(data, text=long_text, numbers=loader.numbers_seen)
            if past:
                where = locator(text, fmt, source)
                placed = [where.problem(path, message, key=key) for message, path, key in past]
                raise InputError(in_order(placed))
    if duplicates_seen:
        found = locator(text, fmt, source).duplicates() or [
            Problem(_("duplicate keys (equal values written differently)"), source=source)
        ]
        if problems is None:
            raise InputError(found)
        problems.extend(found)
    return data


_TOO_DEEP = N_("nested too deeply to read (past Python's recursion limit)")


def _room_for(depth: int) -> None:
    """Raise (never lower) Python's recursion limit so that the code that reads a document
    nested ``depth`` deep (at most :data:`~mgmt_tools.limits.DEEPEST`) has room: four
    frames a level beyond the thousand a program starts with, so at most 6,000, well within
    the C stack of a main thread. Only a depth limit raised past the default does it."""
    if depth <= limits.Limits().max_depth:
        return
    wanted = 4 * depth + 1_000
    if sys.getrecursionlimit() < wanted:
        sys.setrecursionlimit(wanted)


def _json_bounds() -> Bounds:
    bounds = limits.current()
    return Bounds(depth_limit(), digits_limit(), bounds.max_text)


def _beyond_problem(beyond: Beyond, source: str | None) -> Problem:
    """The problem of a JSON value past a limit, placed at its offset."""
    messages = {"digits": digits_message, "text": text_message}
    message = depth_message() if beyond.kind == "depth" else messages[beyond.kind](beyond.size)
    return Problem(message, beyond.path, source, beyond.line, beyond.column)


def _yaml_syntax_problem(error: yaml.MarkedYAMLError, source: str | None, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and (mark is None or mark.index >= len(text.rstrip())):
        # the parser ran out of text: the user must look where the open bracket or quote began
        mark = error.context_mark
    message = " ".join(part for part in (error.context, error.problem) if part)
    said = libyaml_words(message)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    if mark is not None:
        context = error.context_mark
        plain = plain_yaml_error(
            message, text, mark.line, mark.column, context.line if context else None
        )
        if plain is not None:
            said, line, column = plain[0], plain[1] + 1, plain[2] + 1
    text = _("YAML syntax: {message}").format(message=said or error)
    return Problem(text, source=source, line=line, column=column)


def _json_syntax_problem(error: ValueError, source: str | None, text: str) -> Problem:
    constant = re.search(r"-?\b(?:NaN|Infinity)\b", text)
    if not isinstance(error, json.JSONDecodeError) and constant is not None:
        line = text.count("\n", 0, constant.start()) + 1
        column = constant.start() - (text.rfind("\n", 0, constant.start()) + 1) + 1
        message = _("JSON syntax: {message}").format(message=json_words(str(error)))
        return Problem(message, source=source, line=line, column=column)
    if isinstance(error, json.JSONDecodeError):
        message = _("JSON syntax: {message}").format(message=json_words(error.msg))
        return Problem(message, source=source, line=error.lineno, column=error.colno)
    message = _("JSON syntax: {message}").format(message=json_words(str(error)))
    return Problem(message, source=source)


# --- Positions, computed only when there is something to report ----------------------------


class Locator:
    """Maps paths into one input text to 1-based (line, column) positions."""

    def __init__(
        self, source: str | None, entries: dict[Path, _Entry], duplicate_keys: list[Problem]
    ) -> None:
        self.source = source
        self._entries = entries
        self._duplicates = duplicate_keys

    def position(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Position of the value at ``path`` (of its key with ``key=True``); for a path that
        does not exist, the position of its longest existing prefix."""
        for end in range(len(path), -1, -1):
            entry = self._entries.get(tuple(path[:end]))
            if entry is None:
                continue
            if key and end == len(path) and entry.key_line is not None:
                return entry.key_line, entry.key_column
            return entry.line, entry.column
        return None, None

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A :class:`Problem` at ``path``, placed in the text."""
        line, column = self.position(path, key=key)
        return Problem(message, tuple(path), self.source, line, column)

    def duplicates(self) -> list[Problem]:
        """Every duplicate key in the text, located at the repeated key."""
        return list(self._duplicates)


def locator(text: str, fmt: str, source: str | None = None) -> Locator:
    """Parse ``text`` again, recording where every value (and mapping key) starts."""
    entries: dict[Path, _Entry] = {}
    duplicates: list[Problem] = []
    if fmt == "json":
        # a syntax error was reported by the fast path; keep what was indexed before it
        with contextlib.suppress(ValueError, IndexError):
            _JsonIndexer(text, entries, duplicates, source).index()
        return Locator(source, entries, duplicates)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return Locator(source, entries, duplicates)
    if node is not None:
        _index_yaml(node, entries, duplicates, source)
    return Locator(source, entries, in_order(duplicates))


def _key_identity(node: yaml.Node) -> object:
    """What makes two keys equal: their value for numbers and booleans (``1`` and ``01``,
    ``true`` and ``True``), their text otherwise."""
    if not isinstance(node, yaml.ScalarNode):
        return ("?", id(node))
    constructors = {_INT: _construct_int, _FLOAT: _construct_float, _BOOL: _construct_bool}
    construct = constructors.get(node.tag)
    if construct is None:
        return ("text", node.value)
    value = construct(_Loader(""), node)
    return ("number", value) if not isinstance(value, bool) else ("bool", value)


def _index_yaml(
    root: yaml.Node, entries: dict[Path, _Entry], duplicates: list[Problem], source: str | None
) -> None:
    """Record where every node under ``root`` starts; iterative (a stack of nodes to visit),
    so any depth the parser accepts is safe."""
    indexed: set[int] = set()
    stack: list[tuple[yaml.Node, Path, yaml.Mark | None]] = [(root, (), None)]
    while stack:
        node, path, key_mark = stack.pop()
        mark = node.start_mark
        entries[path] = _Entry(
            mark.line + 1,
            mark.column + 1,
            key_mark.line + 1 if key_mark else None,
            key_mark.column + 1 if key_mark else None,
        )
        if id(node) in indexed:
            continue  # an alias: its node is indexed once, so aliases cannot multiply the walk
        indexed.add(id(node))
        inner: list[tuple[yaml.Node, Path, yaml.Mark | None]] = []
        if isinstance(node, yaml.MappingNode):
            first_seen: dict[object, int] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                identity = _key_identity(key_node)
                child = (*path, key)
                key_line = key_node.start_mark.line + 1
                if identity in first_seen:
                    duplicates.append(
                        Problem(
                            _("duplicate key '{key}' (first at line {line})").format(
                                key=key, line=first_seen[identity]
                            ),
                            child,
                            source,
                            key_line,
                            key_node.start_mark.column + 1,
                        )
                    )
                    continue
                first_seen[identity] = key_line
                inner.append((value_node, child, key_node.start_mark))
        elif isinstance(node, yaml.SequenceNode):
            inner = [(item, (*path, number), None) for number, item in enumerate(node.value)]
        stack.extend(reversed(inner))


class LazyLocator:
    """A :class:`Locator` of ``text`` built when the first problem needs placing, so valid
    input never pays for positions."""

    def __init__(self, text: str, fmt: str, source: str | None) -> None:
        self._args = (text, fmt, source)
        self._locator: Locator | None = None

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        if self._locator is None:
            self._locator = locator(*self._args)
        return self._locator.problem(path, message, key=key)
