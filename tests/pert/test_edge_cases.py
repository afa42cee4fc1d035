"""Edge cases found by differential testing (issue #14, Deliver 8) and the date bound (item 2).

Each test failed before its fix:

- with a standard deviation of 0 the PERT probability ignored the tolerance rule
  (docs/formats, tolerance): deadline 0.3 against a certain duration 0.1 + 0.2 gave 0.0 while
  the simulation, which compares with the tolerance, gave 1.0;
- a date deadline before the first working day gave -1, -1, 0 for the Friday, Saturday and
  Sunday before a Monday start (numpy's ``busday_count`` with its bounds reversed counts the
  start day and not the day after the deadline);
- a duration within the tolerance of 0 was dated with its finish the day before its start;
- a plan whose dates pass 9999-12-31 ended in an internal error (matplotlib) or printed dates
  past year 9999.

March 2027 begins on a Monday; 2027-02-26 is the Friday before it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.pert import from_dict, run, schedule
from mgmt_tools.pert.calendar import WorkCalendar
from mgmt_tools.pert.stats import pert_stats

from ..helpers import mgmt, written

CERTAIN = 0.1 + 0.2  # 0.30000000000000004: equal to 0.3 within the tolerance


def _certain_plan(deadline: float) -> dict[str, object]:
    estimate = {"optimistic": CERTAIN, "most_likely": CERTAIN, "pessimistic": CERTAIN}
    return {"deadline": deadline, "tasks": [{"id": "A", **estimate}]}


def test_a_certain_finish_meets_a_deadline_equal_within_the_tolerance() -> None:
    assert CERTAIN != 0.3
    result = run(from_dict(_certain_plan(0.3)), trials=200, seed=1)
    assert result.pert is not None
    assert result.pert.sd == 0.0
    assert result.simulation is not None
    assert result.simulation.probability == 1.0
    assert result.pert.probability == result.simulation.probability == 1.0


def test_a_certain_finish_after_the_deadline_is_still_late() -> None:
    result = schedule(from_dict(_certain_plan(0.29)))
    assert result.pert is not None
    assert result.pert.probability == 0.0


def test_a_spread_within_the_tolerance_is_a_step_as_the_simulation_counts() -> None:
    # sd 1e-13 on a mean of 1: every simulated finish is within the tolerance of the deadline
    stats = pert_stats(1.0, 1e-26, deadline=1.0 - 1e-12)
    assert stats.probability == 1.0
    assert pert_stats(7.5, (7 / 6) ** 2, deadline=8).probability == pytest.approx(0.6659, abs=1e-4)


def test_date_deadlines_before_the_first_working_day_are_consistent() -> None:
    calendar = WorkCalendar(dt.date(2027, 3, 1))
    friday, saturday, sunday = (dt.date(2027, 2, day) for day in (26, 27, 28))
    assert [calendar.offset_of(day) for day in (friday, saturday, sunday)] == [0.0, 0.0, 0.0]
    # the Thursday is one working day (the Friday) before the start, the Wednesday two
    assert calendar.offset_of(dt.date(2027, 2, 25)) == -1.0
    assert calendar.offset_of(dt.date(2027, 2, 24)) == -2.0
    assert calendar.offset_of(dt.date(2027, 3, 1)) == 1.0  # the end of the start day


def test_a_deadline_on_a_weekend_start_is_offset_zero_without_a_sign() -> None:
    # a plan starting on Saturday 2027-02-27: working day 0 is Monday 2027-03-01
    plan = from_dict(
        {"start": "2027-02-27", "deadline": "2027-02-27", "tasks": [{"id": "A", "duration": 1}]}
    )
    assert json.dumps(schedule(plan).to_dict()["deadline"]) == "0.0"
    friday = schedule(plan, deadline=dt.date(2027, 2, 26)).to_dict()["deadline"]
    assert json.dumps(friday) == "0.0"


def _near_zero_plan() -> dict[str, object]:
    return {
        "start": "2027-03-01",
        "tasks": [
            {"id": "A", "duration": 2},
            {"id": "B", "duration": 1e-12, "depends_on": ["A"]},
            {"id": "C", "duration": 1, "depends_on": ["B"]},
        ],
    }


def test_a_duration_within_the_tolerance_of_zero_is_a_milestone() -> None:
    plan = from_dict(_near_zero_plan())
    assert plan.milestone.tolist() == [False, True, False]
    assert plan.task(1).milestone
    rows = {row["id"]: row for row in schedule(plan).to_dict()["tasks"]}
    # dated like a milestone: the day its predecessor finishes, never finishing before it starts
    assert (rows["B"]["start_date"], rows["B"]["finish_date"]) == ("2027-03-02", "2027-03-02")
    assert rows["A"]["finish_date"] == "2027-03-02"
    assert rows["C"]["start_date"] == "2027-03-03"


def test_the_gantt_draws_a_near_zero_duration_as_a_milestone(tmp_path: Path) -> None:
    plan = written(tmp_path / "plan.yaml", json.dumps(_near_zero_plan()))
    target = tmp_path / "plan.mmd"
    code, _, err = mgmt("pert", str(plan), "--chart", "gantt", "-o", str(target))
    assert code == 0, err
    line = next(row for row in target.read_text(encoding="utf-8").splitlines() if " B :" in row)
    assert "milestone" in line
    assert "2027-03-02, 2027-03-02" in line


def test_dates_past_year_9999_are_a_located_error(tmp_path: Path) -> None:
    plan = written(
        tmp_path / "plan.yaml",
        "start: 9999-12-01\ntasks:\n  - {id: A, duration: 5}\n  - {id: B, duration: 100, "
        "depends_on: [A]}\n",
    )
    for args in ((), ("--chart", "gantt", "-o", str(tmp_path / "plan.svg"))):
        code, out, err = mgmt("pert", str(plan), *args)
        assert code == 1, err
        assert out == ""
        # only B passes the last date; the message names it, its position and the bound
        assert err.count("past 9999-12-31") == 1
        assert f"{plan}:4:5: tasks[1]: ends 105 working days from the start 9999-12-01" in err
        assert "(23 working days from it)" in err


def test_a_huge_duration_with_a_start_date_is_a_located_error() -> None:
    plan = from_dict({"start": "2027-01-01", "tasks": [{"id": "A", "duration": 1e15}]})
    with pytest.raises(InputError) as caught:
        schedule(plan)
    assert caught.value.problems[0].path == ("tasks", 0)
    assert "past 9999-12-31" in str(caught.value)


def test_the_last_day_itself_is_fine() -> None:
    plan = from_dict(
        {"start": "9999-12-31", "deadline": "9999-12-31", "tasks": [{"id": "A", "duration": 1}]}
    )
    result = schedule(plan).to_dict()
    assert result["finish_date"] == "9999-12-31"
    assert result["deadline"] == 1.0


def test_a_start_whose_first_working_day_is_past_9999_is_refused() -> None:
    # 9999-12-31 is a Friday: with a Monday-only week the first working day is in year 10000
    plan = from_dict(
        {
            "start": "9999-12-31",
            "calendar": {"workdays": ["mon"]},
            "tasks": [{"id": "A", "duration": 1}],
        }
    )
    with pytest.raises(InputError) as caught:
        schedule(plan)
    assert caught.value.problems[0].path == ("start",)
