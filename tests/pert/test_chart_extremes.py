"""Charts of plans at the edges of the calendar: a start on 0001-01-01 (matplotlib draws years
1 to 9999 only, so the axis margin must stay inside them) and a chart spanning two thousand
years (a date deadline far from a new --start), whose non-working days are not shaded one by
one: that once meant 97,785 shaded spans and minutes of drawing (found by the fuzz suite)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from mgmt_tools.pert import from_dict, run
from mgmt_tools.pert.charts import gantt_chart, risk_chart
from mgmt_tools.render.chart_dates import MOST_SHADED_DAYS

from ..helpers import drawn_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TASKS = [
    {"id": "A", "optimistic": 1, "most_likely": 2, "pessimistic": 4},
    {"id": "B", "duration": 3, "depends_on": ["A"]},
]


def _shaded(figure: Figure) -> int:
    """The non-working-day spans drawn on ``figure``."""
    return sum(patch.get_gid() == "nonworking" for axes in figure.axes for patch in axes.patches)


def test_a_plan_starting_on_the_first_day_matplotlib_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(from_dict({"start": "0001-01-01", "tasks": TASKS}), trials=200, seed=1)
    figure = drawn_figure(monkeypatch, lambda: gantt_chart(result, "png"))
    assert _shaded(figure) > 0  # a short plan: its weekends are shaded


def test_a_chart_over_centuries_is_not_shaded_day_by_day(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = from_dict({"start": "0001-01-01", "deadline": "2027-03-26", "tasks": TASKS})
    result = run(plan, trials=1, seed=1)
    figure = drawn_figure(monkeypatch, lambda: risk_chart(result, "png"))
    assert _shaded(figure) == 0
    assert MOST_SHADED_DAYS < 2000 * 365
