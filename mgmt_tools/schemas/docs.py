"""A JSON Schema in words, for the tables of the format reference (``docs/formats/``).

:func:`keys` walks an object schema into dotted keys (``tasks[].id``, ``pert.mean``), nested
inline objects expanded; :func:`type_text` says a key's type as a reader would.

>>> print(type_text({"anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}]}))
number >= 0
>>> print(type_text({"type": "array", "items": {"enum": ["FS", "SS"]}}))
list of one of `FS`, `SS`
>>> [path for path, _, _ in keys({"properties": {"a": {"properties": {"b": {}}}}}, None)]
['a', 'a.b']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from mgmt_tools.render.escape import markdown_cell

__all__ = [
    "bounds",
    "cell",
    "default_text",
    "grouped",
    "keys",
    "meaning",
    "nullable",
    "scalar",
    "title",
    "type_text",
]


def type_text(schema: Mapping[str, Any], defs: Mapping[str, Any] | None = None) -> str:
    """A schema's type in words, for a table cell (``null`` alternatives left out).

    ``$ref``\\ s become links to the table of the referenced object when ``defs`` is None.
    """
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if defs is not None and name in defs:
            return type_text({**defs[name], **_without(schema, "$ref")}, defs)
        return f"[{title(name)}](#{title(name).lower().replace(' ', '-')})"
    if "const" in schema:
        return f"`{scalar(schema['const'])}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{scalar(value)}`" for value in schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            texts = list(dict.fromkeys(type_text(s, defs) for s in options))
            return " or ".join(texts) + bounds(schema)
    kind = schema.get("type")
    if isinstance(kind, list):
        names = [k for k in kind if k != "null"]
        if set(names) == {"string", "number", "boolean"}:
            return "text"  # an id or a name: the literal text of the scalar
        return " or ".join(type_text({**schema, "type": k}, defs) for k in names)
    if kind == "array":
        if "prefixItems" in schema:
            return "[" + ", ".join(type_text(s, defs) for s in schema["prefixItems"]) + "]"
        items = schema.get("items", {})
        word = "non-empty list" if schema.get("minItems", 0) >= 1 else "list"
        inner = type_text(items, defs)
        return f"{word} of {grouped(inner)}" if items else word
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra and "properties" not in schema:
            return f"mapping of names to {grouped(type_text(extra, defs))}"
        return "mapping"
    simple = {"string": "text", "number": "number", "integer": "whole number"}
    if kind == "string" and schema.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "boolean":
        return "true or false"
    if kind in simple:
        return simple[kind] + bounds(schema)
    return "any"


def grouped(text: str) -> str:
    """Alternatives in parentheses, so that ``list of (a or b) or c`` reads one way."""
    return f"({text})" if " or " in text else text


def bounds(schema: Mapping[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if "exclusiveMinimum" in schema:
        above = f" > {scalar(schema['exclusiveMinimum'])}"
        return above + (f", <= {scalar(high)}" if high is not None else "")
    if low is not None and high is not None:
        return f", {scalar(low)} to {scalar(high)}"
    if low is not None:
        return f" >= {scalar(low)}"
    return f" <= {scalar(high)}" if high is not None else ""


def _without(schema: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key not in keys}


def scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def title(def_name: str) -> str:
    """``TaskModel`` -> ``Task``; ``by_matrix`` -> ``by matrix``."""
    name = def_name.removesuffix("Model")
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ")


def cell(text: str) -> str:
    """Text for a Markdown table cell: rST literals as Markdown code, one line, pipes escaped
    (by :func:`mgmt_tools.render.escape.markdown_cell`, the one escaper of table cells).

    >>> print(cell("``a|b`` or\\n c"))
    `a\\|b` or c
    """
    return markdown_cell(text.replace("``", "`"))


def _object_of(schema: Mapping[str, Any], defs: Mapping[str, Any] | None) -> Any:
    """The object schema with properties that ``schema`` holds directly, as its items, or as
    one alternative (None when there is none). ``$ref``\\ s are followed only with ``defs``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _object_of(defs[name], defs) if defs is not None and name in defs else None
    if "properties" in schema:
        return schema
    if schema.get("type") == "array" and "items" in schema:
        return _object_of(schema["items"], defs)
    for key in ("anyOf", "oneOf"):
        found = [_object_of(s, defs) for s in schema.get(key, ())]
        found = [s for s in found if s is not None]
        if len(found) == 1:
            return found[0]
    return None


def _step(schema: Mapping[str, Any], defs: Mapping[str, Any] | None) -> str:
    """How a nested key is reached from its parent's: ``.`` in a mapping, ``[].`` in a list."""
    if "$ref" in schema and defs is not None:
        return _step(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if schema.get("type") == "array":
        return "[]."
    for key in ("anyOf", "oneOf"):
        if any(s.get("type") == "array" for s in schema.get(key, ())):
            return "[]."
    return "."


def keys(
    schema: Mapping[str, Any],
    defs: Mapping[str, Any] | None,
    prefix: str = "",
    seen: tuple[int, ...] = (),
) -> Iterator[tuple[str, Mapping[str, Any], bool]]:
    """(dotted key, its schema, required) of every key of an object, nested objects expanded."""
    required = set(schema.get("required", ()))
    for name, sub in schema.get("properties", {}).items():
        path = prefix + name
        yield path, sub, name in required
        nested = _object_of(sub, defs)
        if nested is not None and id(nested) not in seen:
            yield from keys(nested, defs, path + _step(sub, defs), (*seen, id(nested)))


def meaning(schema: Mapping[str, Any]) -> str:
    text = schema.get("description", "")
    examples = schema.get("examples")
    if examples:
        shown = ", ".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in examples)
        text = f"{text} Example: {shown}." if text else f"Example: {shown}."
    return cell(text)


def default_text(schema: Mapping[str, Any], required: bool) -> str:
    if required:
        return "required"
    if "default" not in schema:
        # a list or mapping without a default is empty when absent (pydantic's default_factory)
        return "empty" if schema.get("type") in ("array", "object") else "none"
    value = schema["default"]
    return "none" if value is None else markdown_cell(f"`{scalar(value)}`")


def nullable(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> bool:
    if "$ref" in schema:
        return nullable(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    return any(nullable(s, defs) for key in ("anyOf", "oneOf") for s in schema.get(key, ()))
