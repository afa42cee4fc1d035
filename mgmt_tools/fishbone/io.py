"""Read fishbones (``mgmt fishbone``) from YAML or JSON, with every problem located.

>>> fishbone = loads('''
... effect: Credit approval takes too long
... categories:
...   People: [Analysts overloaded, {cause: Missing training, count: 12, causes: [New hires]}]
...   Methods: [Duplicate document checks]
... ''')
>>> [c.name for c in fishbone.categories], fishbone.categories[0].causes[1].causes[0].name
(['People', 'Methods'], 'New hires')
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from mgmt_tools._files import document_format, load_file, read_document
from mgmt_tools._validation import Locating, _show, validate_document, value_at
from mgmt_tools._yaml import Locator
from mgmt_tools.errors import Problem, did_you_mean
from mgmt_tools.fishbone.model import CAUSE_TYPE, CauseModel, FishboneModel
from mgmt_tools.fishbone.result import Category, Cause, Fishbone
from mgmt_tools.locale import _

__all__ = ["FORMATS", "format_of", "from_dict", "load", "loads"]

FORMATS = ("yaml", "json")
"""Input formats, the first the default when neither suffix nor content tells."""


format_of = document_format
"""The input format named by a file's suffix (yaml or json)."""


def load(
    path: str | os.PathLike[str], *, fmt: str | None = None, encoding: str | None = None
) -> Fishbone:
    """Read a fishbone file (YAML or JSON; ``-`` for standard input): the format from
    ``fmt``, else the suffix, else the content."""
    return load_file(path, loads, FORMATS, fmt=fmt, encoding=encoding)


def loads(text: str, fmt: str = "yaml", *, source: str | None = None) -> Fishbone:
    """Read a fishbone from YAML or JSON text; every problem is reported, located."""
    return read_document(text, fmt, source, _fishbone, kind="fishbone")


def from_dict(data: Any, *, source: str | None = None) -> Fishbone:
    """Build a fishbone from a dict shaped like the YAML format (no line numbers)."""
    return _fishbone(data, Locator(source, {}, []), [])


def _fishbone(data: Any, where: Locating, problems: list[Problem]) -> Fishbone:
    model = validate_document(
        data,
        where,
        problems,
        FishboneModel,
        shape=_("a fishbone is a mapping with effect and categories"),
        polish=lambda problem: _polish(problem, data),
    )
    return Fishbone(
        effect=model.effect,
        title=model.title,
        categories=tuple(
            Category(name, tuple(_cause(item) for item in causes or ()))
            for name, causes in model.categories.items()
        ),
    )


_CAUSE_KEYS = ["cause", "count", "causes"]


def _polish(problem: Problem, data: Any) -> Problem:
    """Plainer words where pydantic's are generic, or blind to the tagged union of causes.

    The problems are told apart by where they are and what is written there (the shared
    messages may already be in the reader's language)."""
    path, message = problem.path, problem.message
    value = value_at(data, path)
    holder = value_at(data, path[:-1])
    if path == ("categories",) and (
        message.startswith("Dictionary should have at least")
        or (isinstance(value, dict) and not value)
    ):
        message = _("a fishbone needs at least one category (name -> list of causes)")

    elif (
        path[-1:] == ("count",)
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and value < 0
    ):
        message = _("a count cannot be negative, got {value}").format(value=_show(value))
    elif (
        path[:1] == ("categories",)
        and len(path) >= 3
        and isinstance(path[-1], str)
        and path[-1] not in _CAUSE_KEYS
        and isinstance(holder, dict)
        and path[-1] in holder
    ):
        key = path[-1]
        message = _("unknown key '{key}' in a cause{hint}").format(
            key=key, hint=did_you_mean(key, _CAUSE_KEYS)
        )
    elif message.startswith((CAUSE_TYPE, _(CAUSE_TYPE))):
        if isinstance(value, str | int | float | bool) or value is None:
            shown = _show(value)
        elif isinstance(value, list):
            shown = _("a list")
        else:
            shown = type(value).__name__
        message = _("a cause is text or a mapping {{cause, count, causes}}, got {value}").format(
            value=shown
        )
    return replace(problem, message=message)


def _cause(item: str | CauseModel) -> Cause:
    if isinstance(item, str):
        return Cause(item)
    return Cause(item.cause, item.count, tuple(_cause(sub) for sub in item.causes))
