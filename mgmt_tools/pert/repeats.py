"""Precedence links repeated in one ``depends_on``: a warning for each, located.

Read on the raw data of a plan file (before the plan is built), with the plan's own link
grammar (:func:`mgmt_tools.pert.links.parse_link`); the loader asks only when
:func:`~mgmt_tools.pert.links.has_repeated_links` finds a repeat in the built plan.
"""

from __future__ import annotations

from typing import Any

from mgmt_tools._hints import warning_position
from mgmt_tools._validation import Locating
from mgmt_tools.errors import PathPart
from mgmt_tools.locale import _
from mgmt_tools.pert.links import parse_link

__all__ = ["duplicate_link_warnings"]

Path = tuple[PathPart, ...]


def duplicate_link_warnings(data: Any, where: Locating) -> list[str]:
    """A located warning for each predecessor linked twice by links of one type in one
    ``depends_on`` of a plan's tasks or groups (nested to any depth): ``[A, A FS+1]``. The
    repeated link is kept as written. Links of different types to one predecessor
    (``[A SS+2, A FF+1]``) constrain both ends of the task and are not repeats.

    >>> from mgmt_tools._yaml import Locator
    >>> plan = {"tasks": [{"id": "A"}, {"id": "B", "depends_on": ["A", "A FS+1", "A SS"]}]}
    >>> duplicate_link_warnings(plan, Locator("f.yaml", {}, []))
    ["f.yaml: tasks[1].depends_on[1]: 'A' is listed twice as a predecessor (first at \
depends_on[0]); one link is enough"]
    """
    warnings: list[str] = []
    if not isinstance(data, dict):
        return warnings
    found: list[tuple[Any, Path]] = []
    known: dict[str, int] = {}  # every id of the plan: settles ids that contain spaces
    stack: list[tuple[Any, Path]] = [(data.get("tasks"), ("tasks",))]
    while stack:
        entries, path = stack.pop()
        if not isinstance(entries, list):
            continue
        for number, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            at = (*path, number)
            name = _text(entry.get("id"))
            if name is not None:
                known[name] = len(known)
            found.append((entry.get("depends_on"), (*at, "depends_on")))
            if "tasks" in entry:
                stack.append((entry["tasks"], (*at, "tasks")))
    for links, path in found:
        warnings += _repeated_links(links, path, where, known)
    return sorted(warnings, key=warning_position)


def _repeated_links(links: Any, path: Path, where: Locating, known: dict[str, int]) -> list[str]:
    if not isinstance(links, list):
        return []
    first: dict[tuple[str, str], int] = {}
    warnings = []
    for number, link in enumerate(links):
        key = _link_key(link, known)
        if key is None:
            continue
        if key in first:
            message = _(
                "'{task}' is listed twice as a predecessor (first at depends_on[{first}]); "
                "one link is enough"
            ).format(task=key[0], first=first[key])
            warnings.append(str(where.problem((*path, number), message)))
        else:
            first[key] = number
    return warnings


def _link_key(link: Any, known: dict[str, int]) -> tuple[str, str] | None:
    """The predecessor a link names and the link's type: ``A``, ``A FS+2``, ``{task: A}``."""
    if isinstance(link, dict):
        task = _text(link.get("task"))
        kind = _text(link.get("type")) or "FS"
        return None if task is None else (task, kind.strip().upper())
    text = _text(link)
    if text is None:
        return None
    parsed = parse_link(text, known)
    return None if parsed is None else (parsed.task, parsed.type.name)


def _text(value: Any) -> str | None:
    """A scalar as the text written (``010`` stays "010"); None for anything else."""
    if isinstance(value, bool) or value is None or isinstance(value, list | dict):
        return None
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else str(value)
