"""Groups of tasks (work-breakdown elements, MS Project summary tasks): links to and from a
group, group times, nesting, errors, round trips."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.errors import CycleError, InputError
from mgmt_tools.pert import dump, from_dict, loads, schedule, simulate
from mgmt_tools.pert.links import parse_link

from ..strategies import plans


def _times(data: dict[str, Any]) -> dict[str, tuple[float, float, float, float]]:
    result = schedule(from_dict(data))
    return {t.id: (t.es, t.ef, t.ls, t.lf) for t in result.tasks}


GROUPED: dict[str, Any] = {
    "tasks": [
        {"id": "KICK", "duration": 1},
        {
            "id": "DUE",
            "name": "Due diligence",
            "depends_on": ["KICK"],
            "tasks": [
                {"id": "KYC", "duration": 3},
                {"id": "FIN", "duration": 5},
                {
                    "id": "VISIT",
                    "tasks": [
                        {"id": "V1", "duration": 1},
                        {"id": "V2", "duration": 2, "depends_on": ["V1"]},
                    ],
                },
            ],
        },
        {"id": "MEMO", "duration": 2, "depends_on": ["DUE"]},
        {"id": "PRICE", "duration": 1, "depends_on": ["DUE SS+1"]},
        {"id": "END", "milestone": True, "depends_on": ["MEMO", "PRICE"]},
    ]
}


def test_links_into_and_out_of_a_group() -> None:
    times = _times(GROUPED)
    # every task of DUE (and of VISIT inside it) waits for KICK
    assert times["KYC"][0] == times["FIN"][0] == times["V1"][0] == 1.0
    # FS from the group: after its last finish (FIN, 1 + 5)
    assert times["MEMO"][0] == 6.0
    # SS from the group: its start (1) plus the lag
    assert times["PRICE"][0] == 2.0
    assert times["END"][0] == 8.0


def test_group_links_equal_the_same_links_written_to_every_task() -> None:
    flat: dict[str, Any] = {
        "tasks": [
            {"id": "KICK", "duration": 1},
            {"id": "KYC", "duration": 3, "depends_on": ["KICK"]},
            {"id": "FIN", "duration": 5, "depends_on": ["KICK"]},
            {"id": "V1", "duration": 1, "depends_on": ["KICK"]},
            {"id": "V2", "duration": 2, "depends_on": ["V1", "KICK"]},
            {"id": "MEMO", "duration": 2, "depends_on": ["KYC", "FIN", "V1", "V2"]},
            {"id": "PRICE", "duration": 1, "depends_on": ["KICK FS+1"]},
            {"id": "END", "milestone": True, "depends_on": ["MEMO", "PRICE"]},
        ]
    }
    assert _times(GROUPED) == _times(flat)


def test_json_gives_group_paths_and_group_times() -> None:
    data = schedule(from_dict(GROUPED)).to_dict()
    by_id = {task["id"]: task for task in data["tasks"]}
    assert by_id["KICK"]["group"] is None
    assert by_id["KYC"]["group"] == "DUE"
    assert by_id["V2"]["group"] == "DUE / VISIT"
    groups = {group["id"]: group for group in data["groups"]}
    assert [g["id"] for g in data["groups"]] == ["DUE", "VISIT"]
    due = groups["DUE"]
    assert (due["es"], due["ef"], due["ls"], due["lf"]) == (1.0, 6.0, 1.0, 6.0)
    assert due["critical"] is True
    assert due["name"] == "Due diligence"
    visit = groups["VISIT"]
    assert visit["group"] == "DUE"
    assert (visit["es"], visit["ef"], visit["total_float"], visit["critical"]) == (
        1.0,
        4.0,
        2.0,
        False,
    )


def test_free_float_of_a_task_runs_to_its_groups_last_finish() -> None:
    result = schedule(from_dict(GROUPED))
    free = {t.id: t.free_float for t in result.tasks}
    assert free["KYC"] == 2.0  # KYC may slip 2 before DUE's last finish (FIN at 6) moves
    assert free["V1"] == 0.0  # V2 follows at once
    assert free["V2"] == 2.0


def test_critical_paths_go_through_groups_to_tasks() -> None:
    result = schedule(from_dict(GROUPED))
    assert result.critical_paths == [["KICK", "FIN", "MEMO", "END"]]


def test_a_group_without_successor_gives_its_tasks_the_project_float() -> None:
    data = {
        "tasks": [
            {"id": "A", "duration": 10},
            {"id": "G", "tasks": [{"id": "B", "duration": 2}, {"id": "C", "duration": 3}]},
        ]
    }
    free = {t.id: t.free_float for t in schedule(from_dict(data)).tasks}
    assert free == {"A": 0.0, "B": 8.0, "C": 7.0}


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("A FF", "a group cannot be the successor of an FF link"),
        ("A SF+1", "a group cannot be the successor of an SF link"),
    ],
)
def test_a_group_is_the_successor_of_fs_and_ss_links_only(link: str, message: str) -> None:
    data = {
        "tasks": [
            {"id": "A", "duration": 1},
            {"id": "G", "depends_on": [link], "tasks": [{"id": "B", "duration": 1}]},
        ]
    }
    with pytest.raises(InputError) as caught:
        from_dict(data)
    assert [p.path for p in caught.value.problems] == [("tasks", 1, "depends_on", 0)]
    assert message in str(caught.value)


def test_a_link_between_a_group_and_its_own_task_is_refused() -> None:
    data = {
        "tasks": [
            {
                "id": "G",
                "tasks": [
                    {"id": "B", "duration": 1, "depends_on": ["G"]},
                    {"id": "C", "duration": 1},
                ],
            }
        ]
    }
    with pytest.raises(InputError, match="'B' is inside group 'G'") as caught:
        from_dict(data)
    assert caught.value.problems[0].path == ("tasks", 0, "tasks", 0, "depends_on", 0)


def test_messages_point_into_the_nesting_and_ids_share_one_namespace() -> None:
    text = """\
tasks:
  - id: G
    tasks:
      - {id: A, duration: -1}
      - {id: G, duration: 1}
      - {id: B, duration: 1, depends_on: [Z]}
"""
    with pytest.raises(InputError) as caught:
        loads(text, source="p.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "p.yaml:4:27: tasks[0].tasks[0].duration: negative duration -1",
        "p.yaml:5:14: tasks[0].tasks[1].id: duplicate id 'G' (first at tasks[0])",
        "p.yaml:6:43: tasks[0].tasks[2].depends_on[0]: unknown task 'Z' (known: G, A, B)",
    ]


def test_an_empty_group_is_refused() -> None:
    with pytest.raises(InputError, match="at least 1 item"):
        loads("tasks:\n  - {id: G, tasks: []}\n", source="p.yaml")


def test_a_cycle_through_a_group_names_the_group() -> None:
    data = {
        "tasks": [
            {"id": "X", "duration": 1, "depends_on": ["G"]},
            {"id": "G", "depends_on": ["X"], "tasks": [{"id": "A", "duration": 1}]},
        ]
    }
    with pytest.raises(CycleError) as caught:
        schedule(from_dict(data))
    assert "cycle: X -> G -> A -> G -> X" in str(caught.value)


def test_round_trip_keeps_the_nesting() -> None:
    plan = from_dict(GROUPED)
    for fmt in ("yaml", "json"):
        again = loads(dump(plan, fmt), fmt)
        assert again == plan
        assert again.group_ids == ["DUE", "VISIT"]
        assert again.task_group is not None
        assert again.task_group.tolist() == [-1, 0, 0, 1, 1, -1, -1, -1]


def test_fixed_durations_simulate_to_the_cpm_numbers_with_groups() -> None:
    plan = from_dict(GROUPED)
    cpm = schedule(plan)
    run = simulate(plan, 5, seed=1)
    assert np.all(run.finish == cpm.duration)
    assert run.criticality.tolist() == cpm.critical.astype(float).tolist()


@st.composite
def grouped(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A random plan with FS and SS links, its tasks split into a group G that every
    later task depends on (FS), and the same plan with G's links written per task."""
    base = draw(plans(max_tasks=12, link_types=("FS", "SS")))
    tasks = base["tasks"]
    cut = draw(st.integers(min_value=1, max_value=len(tasks)))
    inside, outside = tasks[:cut], tasks[cut:]
    inside_ids = {t["id"] for t in inside}

    outside_ids = {t["id"] for t in outside}

    def predecessor(link: str | dict[str, Any]) -> str:
        parsed = parse_link(link) if isinstance(link, str) else None
        return parsed.task if parsed is not None else str(link["task"])  # type: ignore[index]

    def keep(task: dict[str, Any]) -> dict[str, Any]:
        links = [
            link for link in task.get("depends_on", []) if predecessor(link) not in outside_ids
        ]
        return {**task, "depends_on": links}

    inner = [keep(t) for t in inside]
    later = [{**t, "depends_on": []} for t in outside]
    with_group = {
        "tasks": [{"id": "G", "tasks": inner}, *[{**t, "depends_on": ["G"]} for t in later]]
    }
    written_out = {"tasks": [*inner, *[{**t, "depends_on": sorted(inside_ids)} for t in later]]}
    return with_group, written_out


@settings(max_examples=40, deadline=None)
@given(grouped())
def test_a_group_link_equals_links_from_every_task(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    with_group, written_out = pair
    assert _times(with_group) == _times(written_out)
