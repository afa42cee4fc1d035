"""The MSPDI format's parts shared by its reader and writer: codes, durations, and the XML
tree with line numbers (expat, entity declarations refused).

The conventions are listed in :mod:`mgmt_tools.pert.mspdi`, the public face
(:func:`~mgmt_tools.pert.mspdi.read_mspdi`, :func:`~mgmt_tools.pert.mspdi.to_mspdi`).
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Any, Literal, assert_never
from xml.parsers import expat

from mgmt_tools.errors import InputError, PathPart, Problem
from mgmt_tools.locale import _, ngettext

__all__ = [
    "DAY_CODES",
    "DAY_TYPES",
    "ELAPSED_FORMATS",
    "ESTIMATE_ALIASES",
    "ESTIMATE_FIELDS",
    "ESTIMATE_NAMES",
    "ID_ALIAS",
    "LINK_CODES",
    "LINK_TYPES",
    "MINUTES_PER_DAY",
    "NAMESPACE",
    "PERCENT_FORMATS",
    "TEXT1",
    "Node",
    "Noun",
    "Reader",
    "flag",
    "format_duration",
    "parse_duration",
    "parse_xml",
    "unit_days",
]

Path = tuple[PathPart, ...]
_TRUE = ("1", "true")

Noun = Literal["task", "resource", "assignment", "project", "calendar", "link", "exception"]
"""What a reader's note counts (:meth:`Reader.note`)."""

NAMESPACE = "http://schemas.microsoft.com/project"
MINUTES_PER_DAY = 480

LINK_TYPES = {0: "FF", 1: "FS", 2: "SF", 3: "SS"}
"""MSPDI ``PredecessorLink/Type`` code -> link type name."""
LINK_CODES = {name: code for code, name in LINK_TYPES.items()}

DAY_TYPES = {1: "sun", 2: "mon", 3: "tue", 4: "wed", 5: "thu", 6: "fri", 7: "sat"}
"""MSPDI ``WeekDay/DayType`` -> weekday name (0 is an exception, not a weekday)."""
DAY_CODES = {name: code for code, name in DAY_TYPES.items()}

ELAPSED_FORMATS = frozenset({4, 6, 8, 10, 12, 36, 38, 40, 42, 44})
PERCENT_FORMATS = frozenset({19, 20, 51, 52})

TEXT1 = 188743731
ID_ALIAS = "mgmt id"
ESTIMATE_FIELDS = (188743783, 188743784, 188743785)
"""Duration1, Duration2, Duration3: optimistic, most likely (expected), pessimistic."""
ESTIMATE_NAMES = ("optimistic", "most_likely", "pessimistic")
ESTIMATE_ALIASES = ("Optimistic Dur.", "Expected Dur.", "Pessimistic Dur.")

UNIT_DAYS: dict[str, tuple[Fraction, int]] = {}
"""Plan unit label -> (days per unit, MSPDI duration format code for display)."""
for _labels, _days, _code in (
    (("days", "day", "d", "workdays", "working days", "天", "日", "工作日"), Fraction(1), 7),
    (("hours", "hour", "h", "hrs", "hr", "小时", "時間"), Fraction(1, 8), 5),
    (("minutes", "minute", "min", "m", "分钟"), Fraction(1, 480), 3),
    (("weeks", "week", "w", "wk", "wks", "周", "週"), Fraction(5), 9),
    (("months", "month", "mo", "mon", "月"), Fraction(20), 11),
):
    for _label in _labels:
        UNIT_DAYS[_label] = (_days, _code)


def unit_days(units: str) -> tuple[Fraction, int]:
    """Days in one plan unit and the display format; an unknown label counts as days."""
    return UNIT_DAYS.get(units.strip().lower(), (Fraction(1), 7))


# --- Durations ------------------------------------------------------------------------------

_NUMBER = r"(-?\d+(?:\.\d+)?)"
_DURATION = re.compile(
    rf"(-)?P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?"
)


def parse_duration(text: str) -> tuple[Fraction, bool]:
    """Seconds in an ``xsd:duration`` and whether it has a day part (read as 24 hours).

    MS Project writes a negative duration with a minus sign on a part (``PT-8H0M0S``), the
    standard before the ``P``; both are read. A lone ``0`` is zero (MPXJ reads it so too).

    >>> parse_duration("PT8H30M0S")
    (Fraction(30600, 1), False)
    >>> parse_duration("-P1DT0.5S")
    (Fraction(-172801, 2), True)
    """
    text = text.strip()
    if text == "0":
        return Fraction(0), False
    match = _DURATION.fullmatch(text)
    if match is None or not any(match.groups()[1:]) or text.endswith("T"):
        raise ValueError(_("not a duration like PT8H0M0S: '{text}'").format(text=text))
    sign, years, months, days, hours, minutes, seconds = match.groups()
    if years or months:
        message = _("years and months have no fixed length in a duration: '{text}'")
        raise ValueError(message.format(text=text))
    total = sum(
        (
            Fraction(part) * scale
            for part, scale in ((days, 86400), (hours, 3600), (minutes, 60), (seconds, 1))
            if part
        ),
        Fraction(0),
    )
    return (-total if sign else total), days is not None


def format_duration(seconds: Fraction) -> str:
    """``PT#H#M#S`` with seconds to the millisecond (fraction only where needed).

    >>> format_duration(Fraction(30600)), format_duration(Fraction(7, 2))
    ('PT8H30M0S', 'PT0H0M3.5S')
    """
    sign = "-" if seconds < 0 else ""
    milliseconds = round(abs(seconds) * 1000)
    whole, fraction = divmod(milliseconds, 1000)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    tail = f".{fraction:03d}".rstrip("0") if fraction else ""
    return f"{sign}PT{hours}H{minutes}M{secs}{tail}S"


# --- A small XML tree with positions, parsed without entity expansion ------------------------


class Node:
    """An element: local name, namespace, where it starts (1-based), children and text."""

    __slots__ = ("_first", "children", "column", "line", "namespace", "parts", "tag")

    def __init__(self, tag: str, namespace: str, line: int, column: int) -> None:
        self.tag = tag
        self.namespace = namespace
        self.line = line
        self.column = column
        self.children: list[Node] = []
        self.parts: list[str] = []
        self._first: dict[str, Node] | None = None

    def __repr__(self) -> str:
        return f"<{self.tag}> at line {self.line}"

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def find(self, tag: str) -> Node | None:
        """The first child named ``tag``."""
        if self._first is None:
            self._first = {}
            for child in self.children:
                self._first.setdefault(child.tag, child)
        return self._first.get(tag)

    def findall(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def value(self, tag: str) -> str | None:
        """The stripped text of the first child named ``tag``, or None when it is absent."""
        child = self.find(tag)
        return None if child is None else child.text.strip()


class _RefusedError(Exception):
    pass


def parse_xml(text: str, source: str | None = None) -> Node:
    """The root element of ``text``; entity declarations and external entities are refused
    (never expanded), so an "XML bomb" cannot exhaust memory."""
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Node] = []
    roots: list[Node] = []

    names: dict[str, tuple[str, str]] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        split = names.get(name)
        if split is None:
            namespace, _space, local = name.rpartition(" ")
            split = names[name] = (namespace, local)
        node = Node(split[1], split[0], parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def characters(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    def refuse_entity(*args: object) -> None:
        raise _RefusedError(
            _("entity declarations are not allowed in MSPDI (they are not expanded)")
        )

    def refuse_external(*args: object) -> int:
        raise _RefusedError(_("external entities are not allowed in MSPDI (they are not loaded)"))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    try:
        parser.Parse(text.encode("utf-8", "surrogatepass"), True)
    except expat.ExpatError as error:
        message = _("not well-formed XML: {error}").format(error=expat.ErrorString(error.code))
        raise InputError([Problem(message, (), source, error.lineno, error.offset + 1)]) from None
    except _RefusedError as error:
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        raise InputError([Problem(str(error), (), source, line, column)]) from None
    return roots[0]


# --- Reading state shared by the reader modules -----------------------------------------------


class Reader:
    """Collects every problem (located) and one warning per kind of skipped feature."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.notes: dict[str, list[Any]] = {}
        self.minutes_per_day = Fraction(MINUTES_PER_DAY)
        self.where = _("the project")
        """What is being read, for warnings: "task UID 7" (MS Project shows UIDs, not lines)."""

    def problem(self, node: Node, path: Path, message: str) -> None:
        self.problems.append(Problem(message, path, self.source, node.line, node.column))

    def note(self, message: str, noun: Noun = "task") -> None:
        """Count one occurrence of a skipped or approximated feature, at :attr:`where`."""
        self.notes.setdefault(message, [0, self.where, noun])[0] += 1

    def warnings(self) -> list[str]:
        return [
            _("{message} ({count}; first: {where})").format(
                message=message, count=_counted(noun, count), where=where
            )
            for message, (count, where, noun) in self.notes.items()
        ]

    def integer(self, node: Node, tag: str, path: Path, default: int | None) -> int | None:
        child = node.find(tag)
        if child is None or not child.text.strip():
            return default
        try:
            return int(child.text.strip())
        except ValueError:
            message = _("not an integer: '{value}'").format(value=child.text.strip())
            self.problem(child, (*path, tag), message)
            return default

    def number(self, node: Node, tag: str, path: Path) -> Fraction:
        child = node.find(tag)
        if child is None or not child.text.strip():
            return Fraction(0)
        try:
            return Fraction(child.text.strip())
        except ValueError:
            message = _("not a number: '{value}'").format(value=child.text.strip())
            self.problem(child, (*path, tag), message)
            return Fraction(0)

    def date(self, node: Node, tag: str, path: Path) -> dt.date | None:
        child = node.find(tag)
        if child is None or not child.text.strip():
            return None
        text = child.text.strip()
        try:
            return (
                dt.datetime.fromisoformat(text[:19]).date()
                if "T" in text
                else (dt.date.fromisoformat(text))
            )
        except ValueError:
            message = _("not a date and time like 2027-03-01T08:00:00: '{value}'")
            self.problem(child, (*path, tag), message.format(value=text))
            return None


def _counted(noun: Noun, count: int) -> str:
    """``3 tasks``: how many of what a warning of the reader counts."""
    if noun == "task":
        text = ngettext("{count} task", "{count} tasks", count)
    elif noun == "resource":
        text = ngettext("{count} resource", "{count} resources", count)
    elif noun == "assignment":
        text = ngettext("{count} assignment", "{count} assignments", count)
    elif noun == "project":
        text = ngettext("{count} project", "{count} projects", count)
    elif noun == "calendar":
        text = ngettext("{count} calendar", "{count} calendars", count)
    elif noun == "link":
        text = ngettext("{count} link", "{count} links", count)
    elif noun == "exception":
        text = ngettext("{count} exception", "{count} exceptions", count)
    else:
        assert_never(noun)
    return text.format(count=count)


def flag(node: Node, tag: str) -> bool:
    return (node.value(tag) or "").lower() in _TRUE
