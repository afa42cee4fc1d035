"""Input model of ``mgmt fishbone`` (an effect and its causes by category), no I/O.

A cause is text, or a mapping ``{cause, count?, causes?}`` whose ``causes`` nest to any depth.
The union is tagged by the kind of value, so a cause of the wrong type (a number, a list) gets
one message saying what a cause is, not one per member of the union.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, Field, Strict, Tag

from mgmt_tools._fields import DocumentModel, InputModel, Number, OneOrMore, Text, document_config
from mgmt_tools.locale import N_

__all__ = ["CAUSE_TYPE", "CauseItem", "CauseModel", "FishboneModel"]

CAUSE_TYPE = N_("a cause is text or a mapping {cause, count, causes}")
"""pydantic's message for a cause of the wrong type (English; the reader's words are made
from it where the problem is reported, :mod:`mgmt_tools.fishbone.io`)."""


def _kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict | CauseModel):
        return "cause{}"  # a tag no input key can be, so error paths stay paths in the file
    return None


def _none_is_empty(value: object) -> object:
    return [] if value is None else value


class CauseModel(InputModel):
    """A cause with an optional count and its own sub-causes."""

    cause: Text = Field(description="What causes the effect.")
    count: Annotated[Number, Field(ge=0)] | None = Field(
        None, description="How often it occurs (>= 0), for example from a Pareto analysis."
    )
    causes: Annotated[OneOrMore[CauseItem], BeforeValidator(_none_is_empty)] = Field(
        default_factory=list, description="Sub-causes, nested to any depth."
    )


CauseItem = Annotated[
    Annotated[Annotated[str, Strict()], Tag("text")] | Annotated[CauseModel, Tag("cause{}")],
    Discriminator(
        _kind,
        custom_error_type="cause_type",
        custom_error_message=CAUSE_TYPE,
    ),
]
"""A cause: text, or {cause, count, causes}."""

CauseModel.model_rebuild()


class FishboneModel(DocumentModel):
    """A cause-and-effect (Ishikawa) diagram for ``mgmt fishbone``."""

    model_config = document_config("fishbone", "mgmt-tools fishbone (cause-and-effect) diagram")
    title: Text | None = Field(None, description="A heading for the diagram.")
    effect: Text = Field(description="The problem (effect) drawn at the head of the fish.")
    categories: dict[
        Text, Annotated[OneOrMore[CauseItem], BeforeValidator(_none_is_empty)] | None
    ] = Field(
        min_length=1,
        description="Category name -> its causes; the classic 6M are People, Methods, "
        "Machines, Materials, Measurement, Environment.",
    )
