"""Input model of ``mgmt goals`` (a goal tree with metrics, owners and dates), no I/O.

A goal is a mapping ``{goal, owner?, start?, due?, weight?, progress?, status?, metric?,
rollup?, children?}``; ``children`` nest to any depth. The root may also hold ``title``,
``as_of`` and ``$schema``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from mgmt_tools._fields import (
    DocumentModel,
    Fraction,
    InputModel,
    Number,
    Text,
    document_config,
    lower,
)

__all__ = ["ROLLUPS", "STATUSES", "GoalModel", "GoalsModel", "MetricModel"]

ROLLUPS = ("weighted", "average", "min", "max")
"""How a goal's progress follows from its children's: weighted mean, plain mean, the least
(all are needed: AND) or the greatest (any one suffices: OR)."""
STATUSES = ("done", "in_progress", "not_started", "blocked")

Rollup = Annotated[Literal["weighted", "average", "min", "max"], BeforeValidator(lower)]
Status = Annotated[Literal["done", "in_progress", "not_started", "blocked"], BeforeValidator(lower)]


def _none_is_empty(value: object) -> object:
    return [] if value is None else value


class MetricModel(InputModel):
    """A measure of a goal: progress is (current - baseline) / (target - baseline), clipped."""

    name: Text | None = Field(None, description="What is measured (deposits, clients).")
    unit: Text | None = Field(None, description="Its unit (CNY m, %).")
    baseline: Number = Field(0.0, description="The value at the start; default 0.")
    target: Number = Field(description="The value that means done; differs from baseline.")
    current: Number | None = Field(None, description="The value now; progress needs it.")


class GoalModel(InputModel):
    """A goal, its measure, owner, dates and sub-goals."""

    goal: Text = Field(description="What is to be achieved.")
    owner: Text | None = Field(None, description="Who answers for it.")
    start: dt.date | None = Field(
        None, description="Start of its period (YYYY-MM-DD); inherited from the parent."
    )
    due: dt.date | None = Field(None, description="Due date (YYYY-MM-DD).")
    weight: Annotated[Number, Field(ge=0)] = Field(
        1.0, description="Weight among its siblings under a weighted roll-up (>= 0); default 1."
    )
    progress: Fraction | None = Field(
        None, description="Progress of a leaf, 0-1; wins over its metric and status."
    )
    status: Status | None = Field(
        None, description="done, in_progress, not_started or blocked; done counts as 1."
    )
    metric: MetricModel | None = Field(None, description="A measure with baseline and target.")
    rollup: Rollup | None = Field(
        None,
        description="How progress follows from the children: weighted, average, min (all are "
        "needed) or max (any one suffices); inherited from the parent, default weighted.",
    )
    children: Annotated[list[GoalModel], BeforeValidator(_none_is_empty)] = Field(
        default_factory=list, description="Sub-goals, nested to any depth."
    )


GoalModel.model_rebuild()


class GoalsModel(GoalModel, DocumentModel):
    """A goal tree for ``mgmt goals``: the root goal and its sub-goals."""

    model_config = document_config("goals", "mgmt-tools goal tree")
    title: Text | None = Field(None, description="A heading for the diagram.")
    as_of: dt.date | None = Field(
        None, description="The date progress is judged against (on_track, at_risk, off_track)."
    )
