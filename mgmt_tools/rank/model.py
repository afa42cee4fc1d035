"""Input model of ``mgmt rank`` (a backlog to prioritise).

The pydantic model checks structure and types and generates the JSON Schema. What a method
needs of each item (the fields it scores, names known to comparisons and ballots) is checked
when the backlog is built (:mod:`mgmt_tools.rank.build`), so every problem is reported at once
and a missing field names the method that needs it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, Strict, WithJsonSchema

from mgmt_tools._fields import DocumentModel, InputModel, Number, OneOrMore, Text, document_config
from mgmt_tools.mcda.model import NORMALIZATIONS, CriterionModel

__all__ = [
    "CATEGORIES",
    "METHODS",
    "MODELS",
    "PRIORITIES",
    "REQUIRED",
    "BallotModel",
    "ComparisonModel",
    "RankModel",
]

METHODS = (
    "rice",
    "ice",
    "wsjf",
    "moscow",
    "eisenhower",
    "value_effort",
    "pairwise",
    "borda",
    "weighted",
)
MODELS = ("copeland", "bradley-terry")
PRIORITIES = ("must", "should", "could", "wont")
REQUIRED: dict[str, tuple[str, ...]] = {
    "rice": ("reach", "impact", "confidence", "effort"),
    "ice": ("impact", "confidence", "ease"),
    "wsjf": ("business_value", "time_criticality", "risk_reduction", "job_size"),
    "moscow": ("priority",),
    "eisenhower": ("urgent", "important"),
    "value_effort": ("value", "effort"),
}
"""The fields each scoring method needs of every item (weighted: the criteria's ids)."""
CATEGORIES: dict[str, tuple[str, ...]] = {
    "moscow": PRIORITIES,
    "eisenhower": ("do", "schedule", "delegate", "eliminate"),
    "value_effort": ("quick win", "big bet", "fill-in", "money pit"),
}
"""The categories of the methods that sort items into them, best first."""


def _lower(value: object) -> object:
    return value.lower().replace("-", "_") if isinstance(value, str) else value


def _model_name(value: object) -> object:
    return value.lower().replace("_", "-") if isinstance(value, str) else value


Count = Annotated[Number, Field(gt=0)]

_NUMBER = {"type": "number"}
_SCALE = {"oneOf": [{"type": "boolean"}, {"type": "number", "minimum": 0, "maximum": 10}]}
Item = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": ["string", "number", "boolean"]},
                "reach": _NUMBER | {"description": "rice: people or events per period."},
                "impact": _NUMBER | {"description": "rice, ice: 3 massive .. 0.25 minimal."},
                "confidence": {
                    "type": ["number", "string"],
                    "description": 'rice, ice: 0..1, or a percentage such as "80%".',
                },
                "effort": _NUMBER
                | {"description": "rice: person-months (> 0); value_effort: 0..10."},
                "ease": _NUMBER | {"description": "ice: how easy (higher is easier)."},
                "business_value": _NUMBER | {"description": "wsjf: user-business value."},
                "time_criticality": _NUMBER | {"description": "wsjf."},
                "risk_reduction": _NUMBER
                | {"description": "wsjf: risk reduction / opportunity enablement."},
                "job_size": _NUMBER | {"description": "wsjf: relative size (> 0)."},
                "priority": {"enum": list(PRIORITIES), "description": "moscow."},
                "score": _NUMBER | {"description": "moscow: orders items of one priority."},
                "urgent": _SCALE | {"description": "eisenhower: true/false or 0..10."},
                "important": _SCALE | {"description": "eisenhower: true/false or 0..10."},
                "value": _NUMBER | {"description": "value_effort: 0..10."},
            },
            "additionalProperties": True,
            "description": "An item: its name and the fields its method scores (weighted: "
            "one number per criterion id); other keys (owner, notes) are kept and ignored.",
        }
    ),
]


class BallotModel(InputModel):
    """A ballot cast ``count`` times."""

    ranking: OneOrMore[Text] = Field(min_length=1, description="Names, most preferred first.")
    count: Count = Field(1.0, description="How many voters cast this ballot (> 0).")


class ComparisonModel(InputModel):
    """A pairwise comparison observed ``count`` times."""

    compare: str = Field(description='"A > B" (A preferred), "A < B" or "A = B" (a tie).')
    count: Count = Field(1.0, description="How many times it was observed (> 0).")


class RankModel(DocumentModel):
    """A backlog for ``mgmt rank``: items and the method that orders them."""

    model_config = document_config("rank", "mgmt-tools priority ranking")
    title: Text | None = Field(None, description="What is being prioritised.")
    method: Annotated[Literal[METHODS], BeforeValidator(_lower)] = Field(  # type: ignore[valid-type]
        description="rice: reach x impact x confidence / effort | ice: impact x confidence x "
        "ease | wsjf: (business_value + time_criticality + risk_reduction) / job_size | moscow: "
        "priority must, should, could, wont, then score | eisenhower: urgent, important -> do, "
        "schedule, delegate, eliminate | value_effort: value, effort -> quick win, big bet, "
        "fill-in, money pit | pairwise: comparisons (Copeland or Bradley-Terry) | borda: "
        "ballots | weighted: criteria weights as in mgmt index (weighted sum)."
    )
    model: Annotated[Literal[MODELS], BeforeValidator(_model_name)] = Field(  # type: ignore[valid-type]
        "copeland",
        description="pairwise: copeland (wins minus losses, default) | bradley-terry "
        "(strengths by Hunter's 2004 MM algorithm; a tie counts half a win to each).",
    )
    threshold: Annotated[float, Strict()] = Field(
        5.0,
        ge=0,
        le=10,
        allow_inf_nan=False,
        description="eisenhower and value_effort: a 0-10 score at or above it counts as "
        "yes (urgent, important, high value, high effort).",
    )
    max_iterations: Annotated[int, Strict()] = Field(
        10000, ge=1, description="bradley-terry: iteration limit of the MM algorithm."
    )
    tolerance: Annotated[float, Strict()] = Field(
        1e-10,
        gt=0,
        description="bradley-terry: stop when no strength changes by more than this "
        "(relative to the largest).",
    )
    normalization: Annotated[Literal[NORMALIZATIONS], BeforeValidator(_lower)] = Field(  # type: ignore[valid-type]
        "minmax", description="weighted: how criteria are normalised (as in mgmt index)."
    )
    criteria: list[CriterionModel] | None = Field(
        None, description="weighted: the criteria, as in mgmt index (id, weight, direction)."
    )
    items: list[Item | Text] | Text | None = Field(
        None,
        description="The items: a list of {name, fields...} (pairwise and borda: names "
        "suffice), or the path of a CSV file (relative to this file) with a 'name' column.",
    )
    comparisons: list[Annotated[str, Strict()] | ComparisonModel] | None = Field(
        None,
        description='pairwise: "A > B", "A < B", "A = B", or {compare: "A > B", count: 7}.',
        examples=[["A > B", "B > C", "A = C"]],
    )
    ballots: list[list[Text] | BallotModel] | None = Field(
        None,
        description="borda: rankings, most preferred first: [A, B, C] or {ranking: [B, A, C], "
        "count: 26}. n - 1 points for first place down to 0, times the count.",
    )
