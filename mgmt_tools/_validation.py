"""Turn pydantic validation errors into located :class:`~mgmt_tools.errors.Problem` messages.

Shared by every method: unknown keys get a "did you mean" hint from the model's own keys,
missing keys are named, union and tag parts of pydantic's error locations are dropped so the
path is the path in the user's file.

This is the one home of the messages for the mistakes users make most: a misspelt keyword
gets "did you mean" (``method: topsys``), a value of a union is reported once, by the member
that fits what was written (a bad date is "not a date", not also "not a number"), a
percentage where a fraction is meant says what to write (``60`` -> "write 0.6 for 60%"), and a
number too large to compute with says so.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from mgmt_tools._expr import fraction_hint
from mgmt_tools._fields import LARGEST, TOO_LARGE
from mgmt_tools.errors import InputError, PathPart, Problem, did_you_mean, in_order

__all__ = [
    "Locating",
    "copy_containers",
    "locate",
    "model_keys",
    "problems_from",
    "unknown_choice",
    "validate_document",
    "value_at",
]

Path = tuple[PathPart, ...]


def copy_containers(data: Any) -> Any:
    """A copy of the mappings and lists of ``data`` (scalars are shared: they keep their
    text), made without recursion, so a tree as deep as the depth limit allows is copied.

    >>> source = {"a": [1, {"b": 2}]}
    >>> copied = copy_containers(source)
    >>> copied == source, copied["a"] is source["a"], copied["a"][1] is source["a"][1]
    (True, False, False)
    """

    def empty(value: Any) -> Any:
        if isinstance(value, dict):
            return dict.fromkeys(value)
        return [None] * len(value) if isinstance(value, list) else value

    root = empty(data)
    pending = [(data, root)]
    while pending:
        source, target = pending.pop()
        keys = source.keys() if isinstance(source, dict) else range(len(source))
        for key in keys:
            value = source[key]
            target[key] = empty(value)
            if isinstance(value, dict | list):
                pending.append((value, target[key]))
    return root if isinstance(data, dict | list) else data


def locate(where: Locating | None, path: Path, message: str) -> Problem:
    """``message`` at ``path``, placed in the text when the input has a locator (a plan or a
    tree built from a dict in a program has none).

    >>> str(locate(None, ("tasks", 2), "too late"))
    '<input>: tasks[2]: too late'
    """
    return where.problem(path, message) if where is not None else Problem(message, tuple(path))


class Locating(Protocol):
    """Places a message at a path of the input (a :class:`~mgmt_tools._yaml.Locator`)."""

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem: ...


def problems_from(
    error: ValidationError, model: type[BaseModel], data: Any, where: Locating, prefix: Path = ()
) -> list[Problem]:
    """One problem per pydantic error, at its path in ``data`` (itself at ``prefix``)."""
    problems = []
    seen: set[tuple[Path, str]] = set()
    for item, loc in _one_per_value(error, data):
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
        message = _message(item, loc, data)
        value = item.get("input")
        shown = kind not in ("literal_error", "percentage")  # these messages show the value
        if shown and (isinstance(value, str | int | float | bool) or value is None):
            message += f", got {_show(value)}"
        if (loc, message) in seen:  # two members of a union that say the same
            continue
        seen.add((loc, message))
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


# Errors that say the value is of another kind than a member of a union takes: when another
# member of the union fits the kind written, its message is the one that helps.
_WRONG_KIND = {
    "bool_type",
    "date_type",
    "dict_type",
    "float_type",
    "int_type",
    "list_type",
    "model_type",
    "model_attributes_type",
    "none_required",
    "string_type",
    "tuple_type",
}


def _one_per_value(error: ValidationError, data: Any) -> list[tuple[Any, Path]]:
    """pydantic's errors with their paths in ``data``; of the errors of one value from the
    members of a union, only those of members that take the kind of value written."""
    located = [(item, _data_path(data, tuple(item["loc"]))) for item in error.errors()]
    kinds: dict[Path, set[str]] = {}
    for item, loc in located:
        kinds.setdefault(loc, set()).add(item["type"])
    kept = []
    for item, loc in located:
        here = kinds[loc]
        if item["type"] in _WRONG_KIND and not here <= _WRONG_KIND:
            continue  # another member of the union took the kind and has its own complaint
        kept.append((item, loc))
    return kept


def _message(item: Any, loc: Path, data: Any) -> str:
    """The words for one pydantic error."""
    kind = item["type"]
    value = item.get("input")
    name = next((part for part in reversed(loc) if isinstance(part, str)), None)
    if kind == "literal_error":
        choices = _QUOTED.findall(str(item.get("ctx", {}).get("expected", "")))
        written = value_at(data, loc, value)
        text = _show(written) if not isinstance(written, str) else f"'{written}'"
        label = name if name is not None and isinstance(loc[-1], str) else "value"
        return unknown_choice(label, text, choices)
    if kind == "finite_number" and isinstance(value, float) and _infinity_written(value):
        return NOT_FINITE
    if kind == "finite_number" and isinstance(value, float) and math.isinf(value):
        return TOO_LARGE  # 1e400: a number, too large
    if kind == "finite_number" and isinstance(value, float) and math.isnan(value):
        return NOT_FINITE
    bound = item.get("ctx", {})
    if (kind == "less_than_equal" and bound.get("le") == LARGEST) or (
        kind == "greater_than_equal" and bound.get("ge") == -LARGEST
    ):
        return TOO_LARGE
    if kind == "less_than_equal" and bound.get("le") == 1:
        label = name if name is not None and isinstance(loc[-1], str) else "the value"
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else 0
        return f"{label} is a fraction from 0 to 1" + (
            fraction_hint(number) or " (write 0.4 for 40%)"
        )
    if kind in ("recursion_loop", "recursion_depth_exceeded"):
        return RECURSION_MESSAGE
    return _MESSAGES.get(kind, str(item["msg"]))


RECURSION_MESSAGE = (
    "nested too deeply to check (the input models check about 250 levels of a tree, even "
    "with --max-depth raised): split the tree into smaller ones"
)
"""pydantic's own depth bound (``recursion_depth_exceeded``), which no option raises."""


NOT_FINITE = "not a finite number (every number must be finite: .inf and .nan are refused)"


def _infinity_written(value: float) -> bool:
    """Whether ``value`` was written as YAML's infinity or not-a-number (``.inf``, ``.nan``)
    rather than as a number too large for a float (``1e400``)."""
    text = getattr(value, "text", None)
    return isinstance(text, str) and text.lstrip("+-").startswith(".")


_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def unknown_choice(label: str, written: str, choices: list[str] | tuple[str, ...]) -> str:
    """The message for a keyword that is not one of ``choices``: the close ones, else all.

    >>> unknown_choice("dist", "'triangle'", ["beta-pert", "triangular"])
    "unknown dist 'triangle' (did you mean 'triangular'?)"
    >>> unknown_choice("type", "'XX'", ["FS", "SS"])
    "unknown type 'XX' (one of: FS, SS)"
    """
    bare = written.strip("'")
    hint = did_you_mean(bare, list(choices), limit=0) or " (one of: " + ", ".join(choices) + ")"
    return f"unknown {label} {written}{hint}"


def value_at(data: Any, loc: Path, default: Any = None) -> Any:
    """The value written at ``loc`` in ``data``, else ``default`` (where no such place is).

    >>> value_at({"a": [1, {"b": 2}]}, ("a", 1, "b")), value_at({"a": []}, ("a", 0), "none")
    (2, 'none')
    """
    current = data
    for part in loc:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return default
    return current


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


M = TypeVar("M", bound=BaseModel)


def validate_document(
    data: Any,
    where: Locating,
    problems: list[Problem],
    model: type[M],
    *,
    shape: str,
    polish: Callable[[Problem], Problem] | None = None,
) -> M:
    """The model of a whole input document, or an :class:`~mgmt_tools.errors.InputError` with
    every problem (those found so far, then the model's) in reading order.

    ``shape`` is the message for data that is not a mapping ("a fishbone is a mapping with
    effect and categories"); ``polish`` rewords a method's problems in plainer words.
    """
    if not isinstance(data, dict):
        problems.append(where.problem((), shape))
        raise InputError(problems)
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        found = problems_from(error, model, data, where)
        problems += [polish(problem) for problem in found] if polish else found
        raise InputError(in_order(problems)) from None
    if problems:
        raise InputError(in_order(problems))
    return validated
