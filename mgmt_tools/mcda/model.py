"""Input models of ``mgmt index`` (a decision matrix) and ``mgmt ahp`` (AHP judgements).

The pydantic models check structure and types and generate the JSON Schemas. Meaning is
checked when a file is built (:mod:`mgmt_tools.mcda.build`): criterion ids used by the
alternatives and comparisons, values a formula can take, reciprocal matrices.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from mgmt_tools._fields import (
    DocumentModel,
    Fraction,
    InputModel,
    OneOrMore,
    Text,
    Value,
    document_config,
    lower,
)

__all__ = [
    "AHP_METHODS",
    "METHODS",
    "NORMALIZATIONS",
    "RANDOM_INDEX_TABLES",
    "WEIGHTINGS",
    "CriterionModel",
    "JudgementsModel",
    "MatrixModel",
    "Value",
]

METHODS = ("weighted_sum", "weighted_product", "topsis", "vikor")
NORMALIZATIONS = ("minmax", "max", "sum", "vector", "zscore", "none")
WEIGHTINGS = ("given", "equal", "ahp", "entropy", "critic", "roc")
AHP_METHODS = ("eigenvector", "geometric_mean")
RANDOM_INDEX_TABLES = ("saaty1980", "saaty2005", "donegan_dodd")


"""A number, or a quoted fraction or arithmetic ("1/3", "2 * 1.5")."""

Judgement = Annotated[
    tuple[Text, Text, Value],
    Field(
        description="[row, col, value]: row is value times as important (preferred) as col; "
        "the reciprocal is implied. Value: a positive number or a quoted fraction.",
        examples=[["Experience", "Education", 4], ["Education", "Charisma", "1/3"]],
    ),
]


class CriterionModel(InputModel):
    """A criterion (a column of the decision matrix)."""

    id: Text = Field(description="Unique id; the alternatives use it as a key.", examples=["cost"])
    name: Text | None = Field(None, description="Readable name; defaults to the id.")
    weight: Value | None = Field(
        None,
        description="Weight for weighting: given (normalised to sum to 1, with a warning if "
        "the weights did not); a number >= 0 or a quoted fraction.",
        examples=[0.4, "1/3"],
    )
    direction: Annotated[Literal["max", "min"], BeforeValidator(lower)] = Field(
        "max", description="max: a benefit (more is better); min: a cost (less is better)."
    )


Alternative = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": ["string", "number", "boolean"]}},
            "additionalProperties": {"type": "number"},
            "description": "An alternative: its name and one number per criterion id.",
        }
    ),
]


class MatrixModel(DocumentModel):
    """A decision matrix for ``mgmt index``."""

    model_config = document_config("index", "mgmt-tools decision matrix")
    goal: Text | None = Field(None, description="What is being decided.")
    method: Annotated[Literal[METHODS], BeforeValidator(lower)] = Field(  # type: ignore[valid-type]
        "weighted_sum",
        description="weighted_sum (default) | weighted_product | topsis (closeness to the "
        "ideal) | vikor (compromise ranking; lower Q is better).",
    )
    normalization: Annotated[Literal[NORMALIZATIONS], BeforeValidator(lower)] | None = Field(  # type: ignore[valid-type]
        None,
        description="minmax | max | sum | vector | zscore | none. Default per method: "
        "weighted_sum minmax, weighted_product none, topsis vector; vikor always uses its own "
        "(f* - f)/(f* - f-). minmax, max, sum and zscore turn cost criteria into benefits; "
        "vector and none keep the direction and the method treats cost columns by it.",
    )
    weighting: Annotated[Literal[WEIGHTINGS], BeforeValidator(lower)] = Field(  # type: ignore[valid-type]
        "given",
        description="given (the criteria's weights) | equal | ahp (from comparisons) | "
        "entropy | critic | roc (rank order centroid, by the order of the criteria).",
    )
    vikor_v: Fraction = Field(
        0.5,
        description="VIKOR's weight of the strategy of the majority (group utility S) against "
        "individual regret R.",
    )
    ahp_method: Annotated[Literal[AHP_METHODS], BeforeValidator(lower)] = Field(  # type: ignore[valid-type]
        "eigenvector", description="With weighting: ahp, how priorities are derived."
    )
    random_index: Annotated[Literal[RANDOM_INDEX_TABLES], BeforeValidator(lower)] = Field(  # type: ignore[valid-type]
        "saaty1980", description="With weighting: ahp, the random-index table of the CR."
    )
    criteria: list[CriterionModel] = Field(min_length=1, description="The criteria, in order.")
    comparisons: list[Judgement] = Field(
        default_factory=list,
        description="With weighting: ahp, pairwise comparisons of criteria ids; missing pairs "
        "are completed (lambda_max-optimal completion).",
    )
    alternatives: list[Alternative] | Text = Field(
        description="The alternatives: a list of {name, <criterion id>: value}, or the path of "
        "a CSV file named .csv or .txt (relative to this file) with a 'name' column and one "
        "column per criterion.",
        examples=["vendors.csv"],
    )


class JudgementsModel(DocumentModel):
    """AHP judgements for ``mgmt ahp``: one matrix (elements + matrix or comparisons) or a full
    hierarchy (criteria, alternatives and comparisons of the alternatives per criterion)."""

    model_config = document_config("ahp", "mgmt-tools AHP judgements")
    goal: Text | None = Field(None, description="What is being decided.")
    method: Annotated[Literal[AHP_METHODS], BeforeValidator(lower)] = Field(  # type: ignore[valid-type]
        "eigenvector",
        description="eigenvector (Saaty's principal eigenvector, default) | geometric_mean "
        "(row geometric means). lambda_max, CI and CR always come from the principal "
        "eigenvalue.",
    )
    random_index: Annotated[Literal[RANDOM_INDEX_TABLES], BeforeValidator(lower)] = Field(  # type: ignore[valid-type]
        "saaty1980",
        description="Random-index table for CR = CI/RI: saaty1980 (default; n <= 15), "
        "saaty2005 (n <= 15), donegan_dodd (Donegan and Dodd 1991; listed sizes up to 100).",
    )
    elements: OneOrMore[Text] | None = Field(
        None, description="A single matrix: the elements compared (with matrix or comparisons)."
    )
    matrix: list[list[Value | None]] | None = Field(
        None,
        description="A single full matrix, rows and columns in the order of elements; null "
        "marks a missing pair (completed); the diagonal is 1 and a[j][i] = 1/a[i][j].",
    )
    comparisons: list[Judgement] | None = Field(
        None, description="A single matrix as [row, col, value] judgements of elements."
    )
    criteria: OneOrMore[Text] | None = Field(
        None, description="A hierarchy: the criteria under the goal."
    )
    criteria_comparisons: list[Judgement] | None = Field(
        None, description="Judgements of the criteria's importance; missing pairs allowed."
    )
    alternatives: OneOrMore[Text] | None = Field(
        None, description="A hierarchy: the alternatives compared under each criterion."
    )
    alternative_comparisons: dict[str, list[Judgement]] | None = Field(
        None, description="Per criterion, judgements of the alternatives."
    )
