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
from mgmt_tools._validation import Locating, validate_document, value_at
from mgmt_tools._yaml import Locator
from mgmt_tools.errors import Problem, did_you_mean
from mgmt_tools.fishbone.model import CauseModel, FishboneModel
from mgmt_tools.fishbone.result import Category, Cause, Fishbone

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
        shape="a fishbone is a mapping with effect and categories",
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
    """Plainer words where pydantic's are generic, or blind to the tagged union of causes."""
    path, message = problem.path, problem.message
    if path == ("categories",) and message.startswith("Dictionary should have at least"):
        message = "a fishbone needs at least one category (name -> list of causes)"
    elif path[-1:] == ("count",) and message.startswith("Input should be greater than"):
        message = "a count cannot be negative" + message[message.find(", got") :]
    elif message.startswith("unknown key") and path[:1] == ("categories",):
        key = str(path[-1])
        message = f"unknown key '{key}' in a cause" + did_you_mean(key, _CAUSE_KEYS)
    elif message.startswith("a cause is text") and ", got" not in message:
        value = value_at(data, path)
        kind = "a list" if isinstance(value, list) else type(value).__name__
        message += f", got {kind}"
    return replace(problem, message=message)


def _cause(item: str | CauseModel) -> Cause:
    if isinstance(item, str):
        return Cause(item)
    return Cause(item.cause, item.count, tuple(_cause(sub) for sub in item.causes))
