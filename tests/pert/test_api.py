"""mgmt_tools.pert's public face: the registry entries (pert, gantt) pick charts and pass
options; ``run`` is schedule plus simulate; typed task rows by id or position; parse_deadline.
The shapes every method shares (formats, charts, display, ``run`` without trials equal to
``schedule``) are in tests/test_api.py."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.methods import METHODS
from mgmt_tools.pert import (
    Schedule,
    ScheduledGroup,
    ScheduledTask,
    loads,
    parse_deadline,
    run,
    schedule,
    simulate,
)

from ..conftest import EXAMPLES

EXAMPLE = EXAMPLES / "pert" / "supply-chain-onboarding.yaml"

GROUPED = """
start: 2027-03-01
tasks:
  - {id: K, duration: 1}
  - id: G
    name: Documents
    depends_on: [K]
    tasks:
      - {id: A, duration: 2}
      - {id: B, duration: 3, depends_on: [A]}
  - {id: Z, duration: 1, depends_on: [G]}
"""


@pytest.fixture(scope="module")
def simulated() -> Schedule:
    method = METHODS["pert"]
    result: Schedule = method.compute(method.read(EXAMPLE), trials=300, seed=11)
    return result


# --- through the registry ----------------------------------------------------------------------


def test_the_default_picture_of_gantt_is_the_gantt_chart(simulated: Schedule) -> None:
    assert METHODS["gantt"].pick_chart(simulated, None, {}).name == "gantt"
    assert METHODS["pert"].pick_chart(simulated, None, {}).name == "network"
    assert METHODS["pert"].pick_chart(simulated, None, {"simulate": 300}).name == "risk"


def test_the_registry_passes_options_under_their_argument_names() -> None:
    method = METHODS["pert"]
    values = {"simulate": 200, "seed": 3, "distribution": "pert", "deadline": "2027-03-26"}
    arguments = method.stage(
        "run", {name: method.option(name).convert(value) for name, value in values.items()}
    )
    assert arguments == {
        "deadline": dt.date(2027, 3, 26),
        "trials": 200,
        "seed": 3,
        "distribution": "pert",
    }
    result = method.compute(method.read(EXAMPLE), **arguments)
    assert result.simulation is not None
    assert result.simulation.distribution == "beta-pert"
    assert result.simulation.trials == 200


def test_the_summary_text_leaves_warnings_out() -> None:
    plan = loads("tasks: [{id: A, duration: 1}]")
    result = schedule(plan)
    result.warnings.append("something to say")
    assert "something to say" not in METHODS["pert"].summary_text(result)


# --- run -----------------------------------------------------------------------------------------


def test_run_with_trials_is_schedule_then_simulate() -> None:
    plan = METHODS["pert"].read(EXAMPLE)
    result = run(plan, deadline=20, trials=500, seed=5, distribution="triangular")
    expected = simulate(plan, 500, seed=5, distribution="triangular", deadline=20.0)
    assert result.simulation is not None
    assert result.simulation.to_dict(plan.ids) == expected.to_dict(plan.ids)
    assert result.to_dict()["duration"] == schedule(plan).to_dict()["duration"]


def test_run_reports_progress_as_done_and_total() -> None:
    plan = METHODS["pert"].read(EXAMPLE)
    calls: list[tuple[int, int]] = []
    run(plan, trials=50, seed=1, progress=lambda done, total: calls.append((done, total)))
    assert calls
    assert calls[-1] == (50, 50)
    assert all(total == 50 for _, total in calls)


def test_pert_is_another_name_of_beta_pert() -> None:
    plan = METHODS["pert"].read(EXAMPLE)
    by_alias = run(plan, trials=100, seed=2, distribution="pert").to_dict()
    by_name = run(plan, trials=100, seed=2, distribution="beta-pert").to_dict()
    assert by_alias == by_name
    assert by_alias["simulation"]["distribution"] == "beta-pert"


def test_run_refuses_an_unknown_distribution() -> None:
    plan = loads("tasks: [{id: A, optimistic: 1, most_likely: 2, pessimistic: 4}]")
    with pytest.raises(InputError, match="unknown distribution 'uniform'"):
        run(plan, trials=10, distribution="uniform")


def test_all_warnings_gather_the_simulation_s() -> None:
    plan = loads("tasks: [{id: A, optimistic: 1, most_likely: 2, pessimistic: 4}]")
    result = run(plan, trials=10, seed=1)
    assert result.all_warnings == result.to_dict()["warnings"]


# --- parse_deadline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12.0), ("7.5", 7.5), ("2027-03-26", dt.date(2027, 3, 26)), (" 3 ", 3.0)],
)
def test_parse_deadline(text: str, value: float | dt.date) -> None:
    assert parse_deadline(text) == value


@pytest.mark.parametrize("text", ["soon", "2027-13-01", "nan", "inf", ""])
def test_parse_deadline_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"is neither a number of units nor a date \(YYYY-MM-DD\)"):
        parse_deadline(text)


def test_the_deadline_option_gives_the_message_of_parse_deadline() -> None:
    with pytest.raises(ValueError, match="'Friday' is neither"):
        METHODS["pert"].option("deadline").convert("Friday")


# --- typed rows ----------------------------------------------------------------------------------


def test_task_by_id_and_by_position(simulated: Schedule) -> None:
    by_id = simulated.task("KYC")
    assert isinstance(by_id, ScheduledTask)
    position = simulated.plan.ids.index("KYC")
    assert simulated.task(position) == by_id
    assert by_id.total_float == float(simulated.total_float[position])
    assert by_id["total_float"] == by_id.total_float
    assert by_id.get("no such field") is None


def test_unknown_task_id_says_which_were_meant(simulated: Schedule) -> None:
    with pytest.raises(KeyError, match=r"unknown task 'KYX'.*did you mean 'KYC'"):
        simulated.task("KYX")


def test_task_position_out_of_range(simulated: Schedule) -> None:
    with pytest.raises(IndexError):
        simulated.task(len(simulated.plan.ids))


def test_rows_are_the_json_rows(simulated: Schedule) -> None:
    rows = simulated.to_dict()["tasks"]
    assert [task.to_dict() for task in simulated.tasks] == rows
    assert [json.dumps(dict(task)) for task in simulated.tasks] == [json.dumps(r) for r in rows]


def test_rows_without_dates_leave_the_dates_out() -> None:
    result = run(loads("tasks: [{id: A, duration: 2}]"))
    task = result.task("A")
    assert task.start_date is None
    assert "start_date" not in task
    assert task.to_dict() == result.to_dict()["tasks"][0]


def test_rows_of_a_plan_with_groups() -> None:
    result = run(loads(GROUPED))
    data = result.to_dict()
    assert [task.to_dict() for task in result.tasks] == data["tasks"]
    assert result.task("K").group is None
    assert "group" in result.task("K")  # null in the JSON of a plan with groups
    assert result.task("B").group == "G"
    groups = result.groups
    assert all(isinstance(group, ScheduledGroup) for group in groups)
    assert [group.to_dict() for group in groups] == data["groups"]
    assert result.group("G").duration == 5.0
    with pytest.raises(KeyError, match="unknown group 'g'"):
        result.group("g")
