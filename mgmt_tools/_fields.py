"""Field types shared by every method's input model (pure pydantic, no I/O).

YAML reads ``010`` or ``1.10`` as numbers and ``true`` as a boolean; ids and names are the
literal text of the scalar instead (FORMATS.md), and editors validating with the JSON Schema
must accept numbers and booleans where text is expected.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, WithJsonSchema

__all__ = ["InputModel", "Number", "Text", "Value", "as_text", "lower", "upper"]


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


Text = Annotated[
    str,
    BeforeValidator(as_text),
    WithJsonSchema({"type": ["string", "number", "boolean"]}),
]
"""Text read as written, numbers and booleans included."""
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
"""A finite number (not a boolean, not a string)."""
Value = Number | Annotated[str, Strict()]
"""A number, or text such as an expression or a quoted fraction."""


class InputModel(BaseModel):
    """Base of the input models: unknown keys are errors, values are frozen, aliases accepted."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
