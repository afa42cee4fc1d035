"""Input models of a decision tree: the pydantic schema of the file (``mgmt decision TREE``).

The models check structure and types and generate the JSON Schema. Meaning is checked when
the tree is expanded (:mod:`mgmt_tools.decision.build`): expressions, probability sums, refs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BeforeValidator, ConfigDict, Discriminator, Field, Strict, Tag

from mgmt_tools._fields import DocumentModel, InputModel, Text, Value, document_config, lower

__all__ = ["BranchModel", "NodeModel", "RefModel", "TreeModel", "Value"]


class RefModel(InputModel):
    """A use of a node defined under ``subtrees``."""

    ref: Text = Field(description="Name of a subtree.", examples=["collect"])


def _alias_p(schema: dict[str, Any]) -> None:
    """The schema accepts ``p`` as well as ``probability`` (not both)."""
    properties = schema["properties"]
    properties["p"] = {
        **properties["probability"],
        "title": "P",
        "description": "Short for probability.",
    }
    schema["not"] = {"required": ["probability", "p"]}


class BranchModel(InputModel):
    """A branch: an alternative of a decision node or an outcome of a chance node."""

    name: Text = Field(
        description="Name of the branch; unique among its siblings.", examples=["Extend"]
    )
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        json_schema_extra=lambda schema: _alias_p(schema),
    )

    probability: Value | None = Field(
        None,
        validation_alias=AliasChoices("probability", "p"),
        description="Outcomes of a chance node only: a number, a quoted fraction ('1/3'), an "
        "expression of variables, or 'rest' (1 minus its siblings). The probabilities of a "
        "chance node sum to 1. Evaluated with the values of the node it leaves.",
        examples=[0.6, "1/3", "1 - p_default", "rest"],
    )
    payoff: Value = Field(
        0.0,
        description="Number or expression added to the path total when the branch is taken "
        "(sees the branch's own 'set').",
        examples=[120, "fee", "-cost"],
    )
    set: dict[str, Value] = Field(
        default_factory=dict,
        description="Path variables bound for this branch's payoff and everything below it; "
        "each value is evaluated with the values of the node the branch leaves.",
        examples=[{"bid": 450}],
    )
    node: NodeEntry | None = Field(
        None, description="The node the branch leads to (or {ref: NAME}); none: a terminal."
    )


class NodeModel(InputModel):
    """A decision node (square) or a chance node (circle)."""

    type: Annotated[Literal["decision", "chance"], BeforeValidator(lower)] = Field(
        description="decision: the best branch is chosen; chance: branches have probabilities."
    )
    name: Text | None = Field(
        None,
        description="Name of the node. EVPI is reported per chance node name.",
        examples=["Client outcome"],
    )
    branches: list[BranchModel] = Field(
        min_length=1, description="The alternatives (decision) or outcomes (chance)."
    )


def _node_form(value: object) -> str:
    if isinstance(value, RefModel) or (isinstance(value, dict) and "ref" in value):
        return "ref"
    return "node"


NodeEntry = Annotated[
    Annotated[NodeModel, Tag("node")] | Annotated[RefModel, Tag("ref")],
    Discriminator(_node_form),
]

Range = Annotated[
    list[Value],
    Field(min_length=2, max_length=2, description="[low, high]", examples=[[0.03, 0.15]]),
]


class TreeModel(DocumentModel):
    """A decision tree for ``mgmt decision``."""

    model_config = document_config("decision", "mgmt-tools decision tree")
    name: Text | None = Field(None, description="Title of the decision.")
    objective: Annotated[Literal["max", "min"], BeforeValidator(lower)] = Field(
        "max", description="max: payoffs are gains; min: payoffs are costs."
    )
    units: Text | None = Field(None, description="Label of the value unit.", examples=["CNY k"])
    risk_tolerance: Annotated[float, Strict()] | None = Field(
        None,
        gt=0,
        allow_inf_nan=False,
        description="Exponential utility u(x) = 1 - exp(-x/R) (costs: 1 - exp(x/R)); the "
        "policy then maximises expected utility and certainty equivalents are reported.",
        examples=[500],
    )
    variables: dict[str, Value] = Field(
        default_factory=dict,
        description="Named numbers or expressions of earlier variables, in order.",
        examples=[{"fee": 40, "p_default": 0.08, "p_ok": "1 - p_default"}],
    )
    ranges: dict[str, Range] = Field(
        default_factory=dict,
        description="Low and high value per variable, for the tornado (--tornado).",
    )
    subtrees: dict[str, NodeModel] = Field(
        default_factory=dict,
        description="Reusable nodes, used with {ref: NAME}; a subtree computes with the path "
        "variables of the path that reached it.",
    )
    root: NodeEntry = Field(description="The first node (a decision or chance node).")


BranchModel.model_rebuild()
