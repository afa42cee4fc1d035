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
from mgmt_tools.locale import N_, _, current

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
            message = _("unknown key '{key}'{hint}").format(key=key, hint=did_you_mean(key, keys))
            problems.append(where.problem((*prefix, *loc), message, key=True))
            continue
        if kind == "missing":
            message = _("missing required key '{key}'").format(key=loc[-1])
            problems.append(where.problem((*prefix, *loc), message))
            continue
        message = _message(item, loc, data)
        value = item.get("input")
        shown = kind not in ("literal_error", "percentage")  # these messages show the value
        if shown and (isinstance(value, str | int | float | bool) or value is None):
            message += _(", got {value}").format(value=_show(value))
        if (loc, message) in seen:  # two members of a union that say the same
            continue
        seen.add((loc, message))
        problems.append(where.problem((*prefix, *loc), message))
    return problems


_MESSAGES = {
    "date_from_datetime_parsing": N_("not a date (write YYYY-MM-DD)"),
    "date_parsing": N_("not a date (write YYYY-MM-DD)"),
    "date_type": N_("not a date (write YYYY-MM-DD)"),
    "float_type": N_("not a number"),
    "float_parsing": N_("not a number"),
    "finite_number": N_("not a finite number"),
    "string_type": N_("not text"),
    "bool_type": N_("not true or false"),
    "list_type": N_("not a list"),
    "model_type": N_("not a mapping"),
    "dict_type": N_("not a mapping"),
}
"""Our words for pydantic's commonest errors (English; translated where used)."""

_PYDANTIC = {
    "model_attributes_type": N_(
        "Input should be a valid dictionary or object to extract fields from"
    ),
    "none_required": N_("Input should be None"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "multiple_of": N_("Input should be a multiple of {multiple_of}"),
    "too_short": N_("{field_type} should have at least {min_length} items, not {actual_length}"),
    "too_long": N_("{field_type} should have at most {max_length} items, not {actual_length}"),
    "string_too_short": N_("String should have at least {min_length} characters"),
    "string_too_long": N_("String should have at most {max_length} characters"),
    "string_pattern_mismatch": N_("String should match pattern '{pattern}'"),
    "enum": N_("Input should be {expected}"),
    "tuple_type": N_("Input should be a valid tuple"),
    "set_type": N_("Input should be a valid set"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "value_error": N_("Value error, {error}"),
    "assertion_error": N_("Assertion failed, {error}"),
    "date_from_datetime_inexact": N_(
        "Datetimes provided to dates should have zero time - e.g. be exact dates"
    ),
    "union_tag_invalid": N_(
        "Input tag '{tag}' found using {discriminator} does not match any of the expected "
        "tags: {expected_tags}"
    ),
    "union_tag_not_found": N_("Unable to extract tag using discriminator {discriminator}"),
}
"""pydantic's other errors a model of ours can raise, in words of ours for a reader of
another language than English (in English pydantic's own message is kept, word for word)."""

_FIELD_TYPES = {
    "List": N_("List"),
    "Dictionary": N_("Dictionary"),
    "Tuple": N_("Tuple"),
    "Set": N_("Set"),
    "Data": N_("Data"),
}


def pydantic_message(item: Any) -> str:
    """pydantic's message for one error ``item``, as it is in English, in ours otherwise.

    >>> from mgmt_tools.locale import using
    >>> item = {"type": "greater_than", "msg": "Input should be greater than 0", "ctx": {"gt": 0}}
    >>> with using("zh"):
    ...     pydantic_message(item)
    '应大于 0'
    """
    template = _PYDANTIC.get(item["type"])
    if current() == "en" or template is None:
        return str(item["msg"])
    context = {key: _context_text(value) for key, value in item.get("ctx", {}).items()}
    if item["type"] in ("too_short", "too_long"):
        kind = str(context.get("field_type", ""))
        context["field_type"] = _(_FIELD_TYPES[kind]) if kind in _FIELD_TYPES else kind
    try:
        return _(template).format(**context)
    except (KeyError, IndexError, ValueError):
        return str(item["msg"])


def _context_text(value: object) -> str:
    """A value of an error's context as a reader reads it: ``0.0`` as ``0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


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
        label = name if name is not None and isinstance(loc[-1], str) else _("value")
        return unknown_choice(label, text, choices)
    if kind == "finite_number" and isinstance(value, float) and _infinity_written(value):
        return _(NOT_FINITE)
    if kind == "finite_number" and isinstance(value, float) and math.isinf(value):
        return _(TOO_LARGE)  # 1e400: a number, too large
    if kind == "finite_number" and isinstance(value, float) and math.isnan(value):
        return _(NOT_FINITE)
    bound = item.get("ctx", {})
    if (kind == "less_than_equal" and bound.get("le") == LARGEST) or (
        kind == "greater_than_equal" and bound.get("ge") == -LARGEST
    ):
        return _(TOO_LARGE)
    if kind == "less_than_equal" and bound.get("le") == 1:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else 0
        hint = fraction_hint(number) or _(" (write 0.4 for 40%)")
        if name is not None and isinstance(loc[-1], str):
            return _("{name} is a fraction from 0 to 1{hint}").format(name=name, hint=hint)
        return _("the value is a fraction from 0 to 1{hint}").format(hint=hint)
    if kind in ("recursion_loop", "recursion_depth_exceeded"):
        return _(RECURSION_MESSAGE)
    if kind in _MESSAGES:
        return _(_MESSAGES[kind])
    return pydantic_message(item)


RECURSION_MESSAGE = N_(
    "nested too deeply to check (the input models check about 250 levels of a tree, even "
    "with --max-depth raised): split the tree into smaller ones"
)
"""pydantic's own depth bound (``recursion_depth_exceeded``), which no option raises."""


NOT_FINITE = N_("not a finite number (every number must be finite: .inf and .nan are refused)")


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
    hint = did_you_mean(bare, list(choices), limit=0) or _(" (one of: {names})").format(
        names=", ".join(choices)
    )
    return _("unknown {label} {written}{hint}").format(label=label, written=written, hint=hint)


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
        return _("null (nothing)")
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
