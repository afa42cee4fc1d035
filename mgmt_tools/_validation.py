"""Turn pydantic validation errors into located :class:`~mgmt_tools.errors.Problem` messages.

Shared by every method: unknown keys get a "did you mean" hint from the model's own keys,
missing keys are named, union and tag parts of pydantic's error locations are dropped so the
path is the path in the user's file.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from mgmt_tools.errors import PathPart, Problem, did_you_mean

__all__ = ["Locating", "model_keys", "problems_from"]

Path = tuple[PathPart, ...]


class Locating(Protocol):
    """Places a message at a path of the input (a :class:`~mgmt_tools._yaml.Locator`)."""

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem: ...


def problems_from(
    error: ValidationError, model: type[BaseModel], data: Any, where: Locating, prefix: Path = ()
) -> list[Problem]:
    """One problem per pydantic error, at its path in ``data`` (itself at ``prefix``)."""
    problems = []
    for item in error.errors(include_url=False):
        loc = _data_path(data, tuple(item["loc"]))
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            keys = model_keys(model, loc[:-1])
            message = f"unknown key '{key}'" + did_you_mean(key, keys)
            problems.append(where.problem((*prefix, *loc), message, key=True))
            continue
        if kind == "missing":
            problems.append(where.problem((*prefix, *loc), f"missing required key '{loc[-1]}'"))
            continue
        message = _MESSAGES.get(kind, str(item["msg"]))
        value = item.get("input")
        if isinstance(value, str | int | float | bool) or value is None:
            message += f", got {_show(value)}"
        problems.append(where.problem((*prefix, *loc), message))
    return problems


_MESSAGES = {
    "date_from_datetime_parsing": "not a date (write YYYY-MM-DD)",
    "date_parsing": "not a date (write YYYY-MM-DD)",
    "date_type": "not a date (write YYYY-MM-DD)",
    "float_type": "not a number",
    "float_parsing": "not a number",
    "finite_number": "not a finite number",
    "string_type": "not text",
    "bool_type": "not true or false",
    "list_type": "not a list",
    "model_type": "not a mapping",
    "dict_type": "not a mapping",
}


def _show(value: object) -> str:
    if value is None:
        return "null (nothing)"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = getattr(value, "text", None)
    return repr(text if isinstance(text, str) else value)


def _data_path(data: Any, loc: Path) -> Path:
    """Keep the parts of pydantic's ``loc`` that step into ``data``; drop union tags.

    A part that is not in the data is a missing or unknown key when it is the last part and
    the data there is a mapping; anywhere else it is a union member or tag name.
    """
    path: list[PathPart] = []
    current = data
    for number, part in enumerate(loc):
        steps_in = (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        )
        if steps_in:
            current = current[part]
            path.append(part)
        elif isinstance(current, dict) and number == len(loc) - 1:
            path.append(part)
    return tuple(path)


def model_keys(model: type[BaseModel], path: Path) -> list[str]:
    """The keys the model accepts at ``path`` (a path to a mapping in the input)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = _item_model(current)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return []
        current = _mapping_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _members(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _mapping_model(annotation: Any) -> Any:
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
        if typing.get_origin(member) in (list, dict):
            return member
    return None


def _item_model(container: Any) -> Any:
    if typing.get_origin(container) is list:
        return _mapping_model(typing.get_args(container)[0])
    if typing.get_origin(container) is dict:
        return _mapping_model(typing.get_args(container)[1])
    return None
