"""Input model of ``mgmt pareto`` given as YAML or JSON counts (CSV data needs no model).

>>> ParetoModel.model_validate({"counts": {"Paperwork": 120, "Rates": 45}}).counts
{'Paperwork': 120.0, 'Rates': 45.0}
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from mgmt_tools._fields import DocumentModel, Number, Text, document_config

__all__ = ["Amount", "ParetoModel"]

Amount = Annotated[Number, Field(ge=0)]
"""A count, cost or other non-negative amount of a category."""


class ParetoModel(DocumentModel):
    """Category totals for ``mgmt pareto``: how often (or how costly) each category is."""

    model_config = document_config("pareto", "mgmt-tools Pareto analysis")
    title: Text | None = Field(None, description="What is counted (the chart's title).")
    measure: Text | None = Field(
        None,
        description="What the numbers are (the bar axis label), for example 'complaints' or "
        "'cost (CNY)'; default 'count'.",
    )
    counts: dict[Text, Amount] = Field(
        min_length=1,
        description="Category -> count (or cost), each >= 0; the order written decides ties.",
    )
