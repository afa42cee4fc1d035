"""Field types shared by every method's input model (pure pydantic, no I/O).

YAML reads ``010`` or ``1.10`` as numbers and ``true`` as a boolean; ids and names are the
literal text of the scalar instead (docs/formats/), and editors validating with the JSON Schema
must accept numbers and booleans where text is expected.

Numbers are finite and at most :data:`LARGEST` in size, so sums over a million of them stay
finite (``duration: 1e308`` on two tasks would overflow to ``inf`` in the schedule). A list of
ids also takes a single id (``depends_on: A``), the mistake users make most often.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    Strict,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from mgmt_tools._expr import LARGEST, LARGEST_TEXT, percentage_hint
from mgmt_tools.locale import N_, _

TOO_LARGE = N_("too large (at most 1e15 in size)")
"""The message of a number past :data:`LARGEST` (English: ``_(TOO_LARGE)`` where shown).

>>> LARGEST_TEXT in TOO_LARGE
True
"""

__all__ = [
    "LARGEST",
    "LARGEST_TEXT",
    "NO_VISIBLE_CHARACTERS",
    "TOO_LARGE",
    "Fraction",
    "InputModel",
    "Number",
    "OneOrMore",
    "Text",
    "Value",
    "as_text",
    "lower",
    "one_as_list",
    "only_control_characters",
    "upper",
    "visible",
]


def as_text(value: object) -> object:
    """Ids and names are the literal text of the scalar: ``010`` -> "010", ``true`` -> "true".

    >>> as_text(True), as_text(3), as_text("A")
    ('true', '3', 'A')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = getattr(value, "text", None)  # mgmt_tools._yaml.TextInt / TextFloat
        return text if isinstance(text, str) else str(value)
    return value


def upper(value: object) -> object:
    """Upper-case text (link types are matched in any case)."""
    return value.upper() if isinstance(value, str) else value


def lower(value: object) -> object:
    """Lower-case text (keywords such as ``max`` are matched in any case)."""
    return value.lower() if isinstance(value, str) else value


NO_VISIBLE_CHARACTERS = N_("a name needs visible characters")


def only_control_characters(text: str) -> bool:
    """Whether ``text`` is not empty and made only of control characters (``"\\x07"``): the
    diagrams drop those, and the empty label left breaks Graphviz.

    >>> [only_control_characters(text) for text in ("\\x07\\t", "A\\x07", "")]
    [True, False, False]
    """
    if not text or text.isprintable():  # the common case, in C: no control character at all
        return False
    return all(unicodedata.category(char) == "Cc" for char in text)


def visible(value: str) -> str:
    """Text that is only control characters is refused; empty text is left to each method
    ("empty id").

    >>> visible("A\\tB")
    'A\\tB'
    >>> visible("\\x07\\x1b")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: a name needs visible characters
    """
    if only_control_characters(value):
        raise PydanticCustomError("no_visible_characters", _(NO_VISIBLE_CHARACTERS))
    return value


Text = Annotated[
    str,
    BeforeValidator(as_text),
    AfterValidator(visible),
    WithJsonSchema({"type": ["string", "number", "boolean"]}),
]
"""Text read as written, numbers and booleans included; not only control characters."""


def one_as_list(value: object) -> object:
    """A single item where a list is expected is a list of that item (``depends_on: A``).

    >>> one_as_list("A"), one_as_list(["A", "B"]), one_as_list(None)
    (['A'], ['A', 'B'], None)
    """
    if value is None or isinstance(value, list | tuple):
        return value
    return [value]


class _OneOrList:
    """The JSON Schema of a list that also takes a single item: ``item | [item, ...]``."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        items = schema.get("items")
        if not isinstance(items, dict):
            return schema
        return {"anyOf": [items, schema]}


Item = TypeVar("Item")

OneOrMore = Annotated[list[Item], BeforeValidator(one_as_list), _OneOrList()]
"""``OneOrMore[X]``: a list of ``X`` that also takes one ``X`` written alone.

>>> from pydantic import TypeAdapter
>>> TypeAdapter(OneOrMore[str]).validate_python("A")
['A']
"""


class _SizeUnstated:
    """Leaves the size bound of :data:`Number` out of the JSON Schema: it is a guard against
    overflow, not a rule of the format, and would crowd every number in the schema and docs
    (a bound of the field itself, such as ``ge=0``, stays)."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        if schema.get("maximum") == LARGEST:
            del schema["maximum"]
        if schema.get("minimum") == -LARGEST:
            del schema["minimum"]
        return schema


Number = Annotated[
    float, Strict(), Field(allow_inf_nan=False, ge=-LARGEST, le=LARGEST), _SizeUnstated()
]
"""A finite number of size at most :data:`LARGEST` (not a boolean, not a string)."""


def _no_percentage(value: object) -> object:
    """``"94%"`` where a fraction is meant: an error that says to write 0.94."""
    if isinstance(value, str):
        hint = percentage_hint(value)
        if hint:
            raise PydanticCustomError("percentage", hint)
    return value


Fraction = Annotated[Number, Field(ge=0, le=1), BeforeValidator(_no_percentage)]
"""A fraction from 0 to 1 (a probability, a share, progress); ``94%`` gets "write 0.94"."""
Value = Number | Annotated[str, Strict()]
"""A number, or text such as an expression or a quoted fraction."""


class InputModel(BaseModel):
    """Base of the input models: unknown keys are errors, values are frozen, aliases accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def document_config(schema: str, title: str) -> ConfigDict:
    """The configuration of a whole input file's model: :class:`InputModel`'s rules, the
    schema's title and its ``$id`` (named after the file under ``mgmt_tools/schemas/``).

    >>> document_config("pert", "mgmt-tools pert plan")["json_schema_extra"]
    {'$id': 'https://mgmt-tools.example/schemas/pert.schema.json'}
    """
    return ConfigDict(  # InputModel's rules are inherited
        title=title,
        json_schema_extra={"$id": f"https://mgmt-tools.example/schemas/{schema}.schema.json"},
    )


class DocumentModel(InputModel):
    """Base of a whole input file: the ``$schema`` key that editors use is allowed and ignored."""

    schema_: str | None = Field(
        None, alias="$schema", description="Ignored; lets editors find this schema."
    )
