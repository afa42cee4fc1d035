"""Precedence links written as strings: ``"A"``, ``"A FF+2"``, ``"B SS-1"``, ``"C+3"``.

A string that is exactly a known task id is a finish-to-start link with lag 0, so ids may
contain spaces, plus signs or the letters of a link type. Otherwise the string is read from the
right: an optional lag (``+2``, ``-1.5``), before it an optional type (FS, SS, FF or SF, in any
case), and the rest, stripped, is the task id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from mgmt_tools.pert.model import LinkType, Plan

__all__ = ["ParsedLink", "format_link", "has_repeated_links", "parse_link"]

_LINK = re.compile(
    r"^\s*(?P<task>.*?)\s*(?P<type>FS|SS|FF|SF)?\s*"
    r"(?P<lag>[+-]\s*(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedLink:
    """A link string taken apart: predecessor id, type and lag."""

    task: str
    type: LinkType
    lag: float


def parse_link(text: str, known: dict[str, int] | None = None) -> ParsedLink | None:
    """Read a link string; None when it has no task id.

    ``known`` (ids of the plan) settles ambiguity: a string that is a known id is a bare
    link, and a type or lag is only split off if what remains is an id.

    >>> parse_link("A FF+2")
    ParsedLink(task='A', type=<LinkType.FF: 2>, lag=2.0)
    >>> parse_link("Site survey ss - 1.5")
    ParsedLink(task='Site survey', type=<LinkType.SS: 1>, lag=-1.5)
    >>> parse_link("B+3")
    ParsedLink(task='B', type=<LinkType.FS: 0>, lag=3.0)
    >>> parse_link("FF", {"FF": 0})
    ParsedLink(task='FF', type=<LinkType.FS: 0>, lag=0.0)
    """
    if known is not None and text in known:
        return ParsedLink(text, LinkType.FS, 0.0)
    match = _LINK.match(text)
    if match is None or not match["task"]:
        stripped = text.strip()
        return ParsedLink(stripped, LinkType.FS, 0.0) if stripped else None
    kind = LinkType[match["type"].upper()] if match["type"] else LinkType.FS
    lag = float(match["lag"].replace(" ", "")) if match["lag"] else 0.0
    parsed = ParsedLink(match["task"], kind, lag)
    if known is not None and parsed.task not in known and text.strip() in known:
        return ParsedLink(text.strip(), LinkType.FS, 0.0)
    return parsed


def format_link(task: str, kind: LinkType, lag: float) -> str:
    """The string form of a link, as :func:`parse_link` reads it back.

    >>> format_link("A", LinkType.FS, 0.0), format_link("B", LinkType.SS, -1.0)
    ('A', 'B SS-1')
    """
    if kind is LinkType.FS and lag == 0:
        return task
    return f"{task} {kind.name}{_signed(lag)}" if lag else f"{task} {kind.name}"


def has_repeated_links(plan: Plan) -> bool:
    """Whether some task or group depends on one predecessor twice by links of one type.

    A vectorised test over the links already resolved, so that a loader looks for the
    repeated ``depends_on`` entries (:func:`mgmt_tools.pert.repeats.duplicate_link_warnings`, which
    parses them again to word and place its warnings) only in the rare plan that has one.

    >>> from mgmt_tools.pert.io import from_dict
    >>> tasks = [{"id": "A", "duration": 1}, {"id": "B", "duration": 2}]
    >>> tasks[1]["depends_on"] = ["A SS", "A FF"]
    >>> plan = from_dict({"tasks": tasks})
    >>> has_repeated_links(plan)
    False
    >>> tasks[1]["depends_on"] = ["A", "A+1"]
    >>> plan = from_dict({"tasks": tasks})
    >>> has_repeated_links(plan)
    True
    """
    nodes = len(plan.ids) + len(plan.group_ids)
    # one number per (successor, predecessor, type): equal numbers are the same link twice
    key = plan.link_succ.astype(np.int64)
    key *= nodes
    key += plan.link_pred
    key *= len(LinkType)
    key += plan.link_type
    key.sort()
    return bool((key[1:] == key[:-1]).any())


def _signed(value: float) -> str:
    text = repr(float(value))
    text = text[:-2] if text.endswith(".0") else text
    return text if text.startswith("-") else "+" + text
