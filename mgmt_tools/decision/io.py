"""Read decision trees from YAML and JSON, with every problem located.

>>> tree = loads('''
... root:
...   type: decision
...   branches:
...     - {name: Extend, payoff: 40}
...     - {name: Decline}
... ''')
>>> tree.root_branches(), tree.node_count
(['Extend', 'Decline'], 3)
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from pydantic import ValidationError

from mgmt_tools._files import document_format, load_file
from mgmt_tools._gc import paused
from mgmt_tools._validation import Locating, copy_containers, problems_from, value_at
from mgmt_tools._yaml import LazyLocator, Locator, load_text
from mgmt_tools.decision.build import PLACEHOLDER, build_tree
from mgmt_tools.decision.model import TreeModel
from mgmt_tools.decision.tree import Tree
from mgmt_tools.errors import InputError, PathPart, Problem, in_order
from mgmt_tools.locale import _

__all__ = ["FORMATS", "format_of", "from_dict", "load", "loads"]

DataPath = tuple[PathPart, ...]
FORMATS = ("yaml", "json")
"""The formats a tree is read from."""


format_of = document_format
"""The input format named by a file's suffix (yaml or json)."""


def load(
    path: str | os.PathLike[str], *, fmt: str | None = None, encoding: str | None = None
) -> Tree:
    """Read a tree file (``-`` for stdin); the format comes from ``fmt``, else the suffix,
    else the content."""
    return load_file(path, loads, FORMATS, fmt=fmt, encoding=encoding)


def loads(text: str, fmt: str = "yaml", *, source: str | None = None) -> Tree:
    """Read a tree from text in ``fmt`` (yaml or json)."""
    if fmt not in FORMATS:
        raise ValueError(_("unknown tree format {format} (yaml or json)").format(format=repr(fmt)))
    with paused():
        problems: list[Problem] = []
        data = load_text(text, fmt, source, problems)
        return _from_data(data, LazyLocator(text, fmt, source), problems)


def from_dict(data: Any, *, source: str | None = None) -> Tree:
    """Build a tree from a dict shaped like the YAML format (messages carry no line)."""
    with paused():
        return _from_data(data, Locator(source, {}, []), [])


class _ShortNames:
    """Places problems about a branch's ``probability`` at its ``p`` when the file says ``p``."""

    def __init__(self, where: Locating, data: Any) -> None:
        self.where = where
        self.data = data

    def problem(self, path: DataPath, message: str, *, key: bool = False) -> Problem:
        if path[-1:] == ("probability",):
            holder = value_at(self.data, path[:-1])
            if isinstance(holder, dict) and "p" in holder and "probability" not in holder:
                path = (*path[:-1], "p")
        return self.where.problem(path, message, key=key)


def _from_data(data: Any, where: Locating, problems: list[Problem]) -> Tree:
    if not isinstance(data, dict):
        problems.append(where.problem((), _("a decision tree is a mapping with a 'root' node")))
        raise InputError(problems)
    try:
        model = TreeModel.model_validate(data)
    except ValidationError as error:
        problems += _tidy(problems_from(error, TreeModel, data, where), data)
        salvaged = _salvage(data, error)
        if salvaged is not None:
            pruned, damaged, broken = salvaged
            try:
                model = TreeModel.model_validate(pruned)
            except ValidationError:
                raise InputError(problems) from None
            found: list[Problem] = []
            build_tree(model, _ShortNames(where, data), found, broken)
            problems += [p for p in found if not _under(p.path, damaged)]
        raise InputError(in_order(problems)) from None
    tree = build_tree(model, _ShortNames(where, data), problems)
    if problems or tree is None:
        raise InputError(in_order(problems))
    return tree


# The shared validator's words (mgmt_tools._validation) that _tidy rewords, matched in English
# and in the reader's language (translated by the shared catalog, hence no N_ here).
_NOT_A_NUMBER = "not a number"
_NOT_TEXT = "not text"
_KEYS_NOT_TEXT = "Keys should be strings"


def _said(message: str, english: str, *, whole: bool = False) -> bool:
    """Whether ``message`` is (with ``whole``) or starts with ``english`` or its translation."""
    if whole:
        return message in (english, _(english))
    return message.startswith((english, _(english)))


def _tidy(problems: list[Problem], data: Any) -> list[Problem]:
    """Friendlier words for two pydantic messages; one message per place for a number or
    expression (pydantic reports each member of the union)."""
    tidy: list[Problem] = []
    at: dict[DataPath, int] = {}
    for problem in problems:
        message = problem.message
        if problem.path[-1:] == ("branches",) and (
            "at least 1 item" in message or value_at(data, problem.path) == []
        ):
            node = value_at(data, problem.path[:-1])
            kind = node.get("type") if isinstance(node, dict) else None
            message = (
                _("a chance node needs at least one outcome")
                if kind == "chance"
                else _("a decision node needs at least one branch")
            )
        if _said(message, _KEYS_NOT_TEXT):
            got = message.partition(", got ")[2]
            message = _(
                "a key that is not text: {value} (inside {{...}} quote text with commas)"
            ).format(value=got)
        if problem.path in at:
            first = tidy[at[problem.path]]
            pair = (first.message, message)
            if any(
                _said(one, _NOT_A_NUMBER) and _said(other, _NOT_TEXT, whole=True)
                for one, other in (pair, pair[::-1])
            ):
                words = _("not a number or an expression")
                tidy[at[problem.path]] = dataclasses.replace(first, message=words)
                continue
        at.setdefault(problem.path, len(tidy))
        tidy.append(dataclasses.replace(problem, message=message))
    return tidy


def _data_path(data: Any, loc: tuple[Any, ...]) -> DataPath:
    """The parts of pydantic's ``loc`` that step into ``data`` (union tags dropped)."""
    path: list[PathPart] = []
    for part in loc:
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        ):
            data = data[part]
            path.append(part)
    return tuple(path)


def _salvage(
    data: dict[str, Any], error: ValidationError
) -> tuple[dict[str, Any], list[DataPath], set[str]] | None:
    """A copy of ``data`` with each faulty part replaced, so the rest can still be checked.

    A fault inside a branch replaces the branch by a terminal placeholder; a fault in a node's
    own keys replaces the node; a faulty variable or top-level key is dropped. Returns the copy,
    the replaced paths (problems under them are not reported again) and the dropped variables.
    """
    if "root" not in data:
        return None
    pruned = copy_containers(data)
    damaged: list[DataPath] = []
    broken: set[str] = set()
    faults = {(_data_path(data, tuple(item["loc"])), item["type"]) for item in error.errors()}
    # (by length, then by text: a path may mix int and str keys, as {1: 2} has)
    for path, kind in sorted(faults, key=lambda fault: (len(fault[0]), repr(fault))):
        if not path or _under(path, damaged):
            continue
        if kind == "extra_forbidden" and len(path) > 1:
            # drop the unknown key; what it was meant to say is not checked again
            holder = value_at(pruned, path[:-1])
            if isinstance(holder, dict):
                holder.pop(path[-1], None)
            damaged.append((*path[:-1], _EXACT))
            continue
        if path[0] not in ("root", "subtrees") or path == ("subtrees",):
            section = pruned.get(str(path[0]))
            if path[0] in ("variables", "ranges") and len(path) > 1 and isinstance(section, dict):
                if path[0] == "variables":
                    broken.add(str(path[1]))
                section.pop(str(path[1]), None)
            else:
                pruned.pop(str(path[0]), None)
            continue
        branch = max(
            (end for end in range(2, len(path) + 1) if path[end - 2] == "branches"), default=0
        )
        if branch and isinstance(path[branch - 1], int):
            target = path[:branch]
            replacement: Any = {"name": f"{PLACEHOLDER}{path[branch - 1]}"}
        else:
            target = path[:1] if path[0] == "root" else path[:2]
            replacement = {"type": "decision", "branches": [{"name": PLACEHOLDER}]}
        _put(value_at(pruned, target[:-1]), target[-1], replacement)
        damaged.append(target)
    return pruned, damaged, broken


def _put(container: Any, key: PathPart, value: Any) -> None:
    if isinstance(container, dict):
        container[key] = value
    if isinstance(container, list) and isinstance(key, int):
        container[key] = value


_EXACT = "\x00exact"
"""Marks a damaged path that covers only problems placed exactly there."""


def _under(path: DataPath, damaged: list[DataPath]) -> bool:
    """Whether ``path`` lies in a replaced part, or is the node holding a replaced branch."""
    for place in damaged:
        if place[-1:] == (_EXACT,):
            if path == place[:-1]:
                return True
            continue
        if path[: len(place)] == place:
            return True
        if place[-2:-1] == ("branches",) and path == place[:-2]:
            return True
    return False
