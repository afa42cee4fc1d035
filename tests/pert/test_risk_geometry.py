"""The schedule-risk chart fits a report (issue #16): plans of 3 to 50 tasks, long and Chinese
project names, deadlines before, at and after the quantiles, dated or not: no text on other
text or off the canvas, an aspect ratio (width / height) of 1.4 to 1.8, and no label of a
marker line (P50, P80, P95, deadline) on a bar of the histogram or a point of the S-curve."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
import yaml

from mgmt_tools.locale import using
from mgmt_tools.pert import loads, schedule, simulate
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.risk import _risk_figure, risk_chart
from mgmt_tools.render import geometry

ASPECT = (1.4, 1.8)
NAMES = (
    "Card launch",
    "Supply-chain finance onboarding for the Huaxin Steel Trading group and its eleven "
    "subsidiaries in the Yangtze River Delta",
    "信用卡新品上线及分行推广计划（华东区）",
)


def _plan(tasks: int, seed: int, *, name: str, dated: bool, deadline: str | None) -> Schedule:
    """A random plan of ``tasks`` three-point tasks, each after one to two earlier ones,
    simulated; the deadline "early", "p50" (on the simulated median) or "late"."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for number in range(tasks):
        low = rng.randint(1, 4)
        row: dict[str, Any] = {
            "id": f"T{number}",
            "optimistic": low,
            "most_likely": low + rng.randint(0, 3),
            "pessimistic": low + rng.randint(4, 12),
        }
        if number:
            row["depends_on"] = sorted({f"T{rng.randrange(number)}" for _ in range(2)})
        rows.append(row)
    document: dict[str, Any] = {"project": name, "units": "days", "tasks": rows}
    if dated:
        document["start"] = "2027-03-01"
    result = schedule(loads(yaml.safe_dump(document, allow_unicode=True)))
    run = simulate(result.plan, 3000, seed=seed)
    median = run.quantiles["0.5"]
    when = {"early": median * 0.85, "p50": median, "late": run.quantiles["0.95"] + 3}
    if deadline is None:
        return dataclasses.replace(result, simulation=run)
    document["deadline"] = round(when[deadline], 1) if not dated else None
    if dated:  # a date: the working day of that offset, roughly (calendar days x 7/5)
        import datetime as dt

        day = dt.date(2027, 3, 1) + dt.timedelta(days=int(when[deadline] * 7 / 5))
        document["deadline"] = day.isoformat()
    result = schedule(loads(yaml.safe_dump(document, allow_unicode=True)))
    run = simulate(result.plan, 3000, seed=seed, deadline=result.deadline)
    return dataclasses.replace(result, simulation=run)


CASES = [
    pytest.param(tasks, seed, name, dated, deadline, id=f"{tasks}-{seed}-{dated}-{deadline}")
    for seed, (tasks, name, dated, deadline) in enumerate(
        [
            (3, NAMES[0], False, None),
            (3, NAMES[2], True, "p50"),
            (15, NAMES[1], True, "early"),
            (15, NAMES[0], False, "p50"),
            (30, NAMES[2], False, "late"),
            (50, NAMES[1], True, "late"),
            (50, NAMES[2], True, "p50"),
        ]
    )
]


def _label_problems(result: Schedule) -> list[str]:
    """Labels of marker lines on data: each label's box against each bar and each point of the
    S-curve, in display coordinates of the figure as drawn."""
    import numpy as np

    figure = _risk_figure(result)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    bars, curve = figure.axes
    labels = [text for text in curve.texts if text.get_text()]
    assert labels, "the marker lines are labelled"
    boxes = [(text.get_text(), text.get_window_extent(renderer)) for text in labels]
    found = []
    (line,) = [line for line in curve.get_lines() if line.get_gid() == "s-curve"]
    points = curve.transData.transform(np.column_stack(line.get_data()))
    for name, box in boxes:
        inside = [(x, y) for x, y in points if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1]
        if inside:
            found.append(f"label {name!r} covers the S-curve at {inside[0]}")
        for bar in bars.patches:
            if bar.get_gid() != "nonworking" and box.overlaps(bar.get_window_extent(renderer)):
                found.append(f"label {name!r} covers a bar")
        top = bars.get_window_extent(renderer).y1
        if box.y0 < top:
            found.append(f"label {name!r} is inside the plot area")
    return found


@pytest.mark.parametrize(("tasks", "seed", "name", "dated", "deadline"), CASES)
def test_risk_chart_fits_and_labels_never_cover_data(
    tasks: int, seed: int, name: str, dated: bool, deadline: str | None
) -> None:
    result = _plan(tasks, seed, name=name, dated=dated, deadline=deadline)
    assert _label_problems(result) == []
    with geometry.recorded() as drawn:
        risk_chart(result, "png")
    assert drawn[0].problems(aspect=ASPECT, pages=("slide", "a4")) == []


def test_chinese_risk_chart_fits() -> None:
    result = _plan(15, 3, name=NAMES[2], dated=True, deadline="p50")
    with using("zh"), geometry.recorded() as drawn:
        risk_chart(result, "png")
        assert _label_problems(result) == []
    assert drawn[0].problems(aspect=ASPECT, pages=("slide", "a4")) == []


def test_labels_at_one_place_are_set_side_by_side() -> None:
    # the deadline on the median: two labels for one x, both above the plot, apart
    result = _plan(15, 3, name=NAMES[0], dated=False, deadline="p50")
    assert result.simulation is not None
    assert result.deadline is not None
    figure = _risk_figure(result)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = {text.get_text(): text for text in figure.axes[1].texts}
    deadline, p50 = texts["Deadline"], next(t for k, t in texts.items() if k.startswith("P50"))
    one, two = deadline.get_window_extent(renderer), p50.get_window_extent(renderer)
    assert not one.overlaps(two)
    assert abs(one.y0 - two.y0) < 1  # on one row
