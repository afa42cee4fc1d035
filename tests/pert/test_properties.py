"""Hypothesis properties of the pert engine (DESIGN.md, Tests), checked against independent
reference implementations written here from the text of docs/formats (pert: link semantics).

The references read the plan dict as the user wrote it (not the library's parsed links) and
compute per link type, without the library's trick of turning every link into an offset on the
early start.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.pert import dump, from_dict, loads, schedule
from mgmt_tools.pert.result import Schedule
from tests.strategies import LINK_TYPES, fs_plans, plan_metadata, plans, quarter, tricky_ids

FEW = settings(max_examples=30, deadline=None)
SOME = settings(max_examples=50, deadline=None)


def close(a: float, b: float) -> bool:
    """docs/formats, Tolerance: equal within 1e-9 x max(1, |a|, |b|)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


# --- An independent reading of the plan dict ------------------------------------------------

_LINK_TEXT = re.compile(r"^(?P<task>\S+?)(?: (?P<type>FS|SS|FF|SF))?(?P<lag>[+-][0-9.]+)?$")


@dataclass(frozen=True)
class RefLink:
    predecessor: str
    successor: str
    type: str
    lag: float


def ref_links(data: dict[str, Any]) -> list[RefLink]:
    """The links of a plan drawn by ``tests.strategies.plans`` (ids without spaces)."""
    links = []
    for task in data["tasks"]:
        for entry in task.get("depends_on", []):
            if isinstance(entry, dict):
                links.append(
                    RefLink(
                        entry["task"],
                        task["id"],
                        entry.get("type", "FS"),
                        float(entry.get("lag", 0.0)),
                    )
                )
                continue
            match = _LINK_TEXT.match(entry)
            assert match is not None, entry
            links.append(
                RefLink(
                    match["task"], task["id"], match["type"] or "FS", float(match["lag"] or 0.0)
                )
            )
    return links


def ref_durations(data: dict[str, Any]) -> dict[str, float]:
    durations = {}
    for task in data["tasks"]:
        if "optimistic" in task:
            a, m, b = task["optimistic"], task["most_likely"], task["pessimistic"]
            durations[task["id"]] = (a + 4 * m + b) / 6
        else:
            durations[task["id"]] = float(task.get("duration", 0.0))
    return durations


def ref_order(ids: list[str], links: list[RefLink]) -> list[str]:
    """A topological order by depth-first search (predecessors first)."""
    before: dict[str, list[str]] = {task: [] for task in ids}
    for link in links:
        before[link.successor].append(link.predecessor)
    order: list[str] = []
    seen: set[str] = set()

    def visit(task: str) -> None:
        if task in seen:
            return
        seen.add(task)
        for predecessor in before[task]:
            visit(predecessor)
        order.append(task)

    for task in ids:
        visit(task)
    return order


@dataclass
class RefTask:
    es: float = 0.0
    ef: float = 0.0
    ls: float = 0.0
    lf: float = 0.0
    total_float: float = 0.0
    free_float: float = 0.0


@dataclass
class RefSchedule:
    duration: float
    tasks: dict[str, RefTask]
    driving: list[tuple[RefLink, bool]]


def ref_cpm(data: dict[str, Any]) -> RefSchedule:
    """docs/formats' forward and backward passes, link type by link type, as written there."""
    ids = [task["id"] for task in data["tasks"]]
    d = ref_durations(data)
    links = ref_links(data)
    order = ref_order(ids, links)
    into: dict[str, list[RefLink]] = {task: [] for task in ids}
    out_of: dict[str, list[RefLink]] = {task: [] for task in ids}
    for link in links:
        into[link.successor].append(link)
        out_of[link.predecessor].append(link)
    tasks = {task: RefTask() for task in ids}
    # Forward: FS+L: ES(s) >= EF(p)+L; SS+L: ES(s) >= ES(p)+L; FF+L: EF(s) >= EF(p)+L;
    # SF+L: EF(s) >= ES(p)+L. ES is the largest bound, and at least 0; EF = ES + duration.
    for task in order:
        start_bounds = [0.0]
        finish_bounds = []
        for link in into[task]:
            p, lag = tasks[link.predecessor], link.lag
            if link.type == "FS":
                start_bounds.append(p.ef + lag)
            elif link.type == "SS":
                start_bounds.append(p.es + lag)
            elif link.type == "FF":
                finish_bounds.append(p.ef + lag)
            else:
                finish_bounds.append(p.es + lag)
        me = tasks[task]
        me.es = max([*start_bounds, *(bound - d[task] for bound in finish_bounds)])
        me.ef = me.es + d[task]
    length = max(task.ef for task in tasks.values())
    # Backward: LF is the smallest bound its outgoing links give, and at most T.
    for task in reversed(order):
        bounds = [length]
        for link in out_of[task]:
            s, lag = tasks[link.successor], link.lag
            bounds.append(
                {
                    "FS": s.ls - lag,
                    "SS": s.ls - lag + d[task],
                    "FF": s.lf - lag,
                    "SF": s.lf - lag + d[task],
                }[link.type]
            )
        me = tasks[task]
        me.lf = min(bounds)
        me.ls = me.lf - d[task]
    driving = []
    for task in ids:
        me = tasks[task]
        me.total_float = me.ls - me.es
        slacks = []
        for link in out_of[task]:
            s, lag = tasks[link.successor], link.lag
            slack = {
                "FS": s.es - lag - me.ef,
                "SS": s.es - lag - me.es,
                "FF": s.ef - lag - me.ef,
                "SF": s.ef - lag - me.es,
            }[link.type]
            slacks.append(slack)
            driving.append((link, close(slack, 0.0)))
        free = min(slacks) if slacks else length - me.ef
        me.free_float = min(free, me.total_float)
    return RefSchedule(length, tasks, driving)


def ref_critical_paths(data: dict[str, Any], ref: RefSchedule) -> list[list[str]] | None:
    """docs/formats' critical paths, in input order of their first differing task (None when
    there are too many to list)."""
    ids = [task["id"] for task in data["tasks"]]
    number = {task: index for index, task in enumerate(ids)}
    critical = {task for task in ids if close(ref.tasks[task].total_float, 0.0)}
    children: dict[str, set[str]] = {task: set() for task in critical}
    entered: set[str] = set()
    for link, is_driving in ref.driving:
        if is_driving and link.predecessor in critical and link.successor in critical:
            children[link.predecessor].add(link.successor)
            entered.add(link.successor)
    sinks = {
        task for task in critical if close(ref.tasks[task].ef, ref.duration) and not children[task]
    }
    found: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if len(found) > 1000:
            return
        last = path[-1]
        if last in sinks:
            found.append(list(path))
            return
        for child in children[last]:
            walk([*path, child])

    for source in critical - entered:
        walk([source])
    if len(found) > 1000:
        return None
    return sorted(found, key=lambda path: [number[task] for task in path])


def by_id(result: Schedule) -> dict[str, tuple[float, ...]]:
    """Every number of every task, keyed by id."""
    return {
        task.id: (
            task.duration,
            task.es,
            task.ef,
            task.ls,
            task.lf,
            task.total_float,
            task.free_float,
            float(task.critical),
        )
        for task in result.tasks
    }


# --- Properties -----------------------------------------------------------------------------


@SOME
@given(plans())
def test_floats_are_non_negative_and_free_float_within_total(data: dict[str, Any]) -> None:
    result = schedule(from_dict(data))
    assert np.all(result.total_float >= 0), result.total_float
    assert np.all(result.free_float >= 0), result.free_float
    assert np.all(result.free_float <= result.total_float), (result.free_float, result.total_float)
    assert np.allclose(result.ef, result.es + result.plan.duration)
    assert np.allclose(result.lf, result.ls + result.plan.duration)
    assert np.all(result.es >= 0)
    assert np.all(result.lf <= result.duration + 1e-9)


@SOME
@given(plans())
def test_a_critical_task_finishes_at_the_project_end(data: dict[str, Any]) -> None:
    result = schedule(from_dict(data))
    assert result.critical.any()
    finishes_last = [
        close(float(result.ef[task]), result.duration)
        for task in np.flatnonzero(result.critical).tolist()
    ]
    assert any(finishes_last)
    assert result.duration == pytest.approx(float(result.ef.max()))
    assert result.critical_paths, "a plan always has a critical path"


@SOME
@given(plans())
def test_critical_paths_are_chains_of_critical_tasks_ending_at_the_finish(
    data: dict[str, Any],
) -> None:
    result = schedule(from_dict(data))
    index = {task: number for number, task in enumerate(result.plan.ids)}
    assert result.critical_path_count >= len(result.critical_paths)
    for path in result.critical_paths:
        numbers = [index[task] for task in path]
        assert all(result.critical[numbers])
        assert close(float(result.ef[numbers[-1]]), result.duration)
        for before, after in itertools.pairwise(numbers):
            joined = (
                (result.plan.link_pred == before)
                & (result.plan.link_succ == after)
                & result.driving
            )
            assert joined.any(), (path, before, after)


@FEW
@given(st.lists(quarter(0, 20), min_size=1, max_size=30))
def test_fs_chain_duration_is_the_sum_of_durations(durations: list[float]) -> None:
    tasks: list[dict[str, Any]] = [{"id": f"C{n}", "duration": d} for n, d in enumerate(durations)]
    for n in range(1, len(tasks)):
        tasks[n]["depends_on"] = [f"C{n - 1}"]
    result = schedule(from_dict({"tasks": tasks}))
    assert result.duration == pytest.approx(math.fsum(durations))
    assert result.critical.all()
    assert result.critical_paths == [[task["id"] for task in tasks]]


@SOME
@given(fs_plans())
def test_fs_only_duration_is_the_longest_path(data: dict[str, Any]) -> None:
    durations = ref_durations(data)
    before: dict[str, list[str]] = {task["id"]: [] for task in data["tasks"]}
    for link in ref_links(data):
        assert (link.type, link.lag) == ("FS", 0.0)
        before[link.successor].append(link.predecessor)

    @cache
    def finish(task: str) -> float:
        return durations[task] + max((finish(p) for p in before[task]), default=0.0)

    result = schedule(from_dict(data))
    assert result.duration == pytest.approx(max(finish(task) for task in before))
    for path in result.critical_paths:  # with FS links and no lags, lengths add up to T
        assert math.fsum(durations[task] for task in path) == pytest.approx(result.duration)


@SOME
@given(plans())
def test_matches_the_reference_passes(data: dict[str, Any]) -> None:
    ref = ref_cpm(data)
    result = schedule(from_dict(data))
    assert result.duration == pytest.approx(ref.duration, abs=1e-9)
    for task in result.tasks:
        expected = ref.tasks[task.id]
        got = (task.es, task.ef, task.ls, task.lf, task.total_float, task.free_float)
        want = (
            expected.es,
            expected.ef,
            expected.ls,
            expected.lf,
            expected.total_float,
            expected.free_float,
        )
        assert got == pytest.approx(want, abs=1e-9), task.id
        assert task.critical == close(expected.total_float, 0.0), task.id


@SOME
@given(plans())
def test_critical_paths_match_the_reference(data: dict[str, Any]) -> None:
    ref = ref_cpm(data)
    expected = ref_critical_paths(data, ref)
    result = schedule(from_dict(data))
    if expected is None or len(expected) > 100:
        return
    assert result.critical_paths == expected
    assert result.critical_path_count == len(expected)


@SOME
@given(plans(shuffle=False), st.data())
def test_adding_a_link_never_shortens_the_project(
    data: dict[str, Any], draws: st.DataObject
) -> None:
    count = len(data["tasks"])
    if count < 2:
        return
    before = schedule(from_dict(data)).duration
    # Ids T0..Tn-1 were drawn in a topological order: a link from a lower to a higher number
    # keeps the graph acyclic.
    first = draws.draw(st.integers(0, count - 2), label="predecessor")
    second = draws.draw(st.integers(first + 1, count - 1), label="successor")
    kind = draws.draw(st.sampled_from(LINK_TYPES), label="type")
    lag = draws.draw(quarter(-3, 3), label="lag")
    task = data["tasks"][second]
    task["depends_on"] = [
        *task.get("depends_on", []),
        {"task": f"T{first}", "type": kind, "lag": lag},
    ]
    after = schedule(from_dict(data)).duration
    assert after >= before - 1e-9 * max(1.0, before)


@SOME
@given(plans(), st.randoms(use_true_random=False))
def test_shuffling_the_tasks_changes_no_task_numbers(data: dict[str, Any], random: Any) -> None:
    shuffled = {**data, "tasks": list(data["tasks"])}
    random.shuffle(shuffled["tasks"])
    first = schedule(from_dict(data))
    second = schedule(from_dict(shuffled))
    assert second.duration == first.duration
    assert by_id(second) == by_id(first)
    if first.critical_path_count <= 100:
        assert sorted(map(tuple, second.critical_paths)) == sorted(map(tuple, first.critical_paths))
        assert second.critical_path_count == first.critical_path_count


@SOME
@given(plans())
def test_engines_give_identical_results(data: dict[str, Any]) -> None:
    plan = from_dict(data)
    levels = schedule(plan, engine="levels")
    loop = schedule(plan, engine="loop")
    assert (levels.engine, loop.engine) == ("levels", "loop")
    assert levels.duration == loop.duration
    for name in ("es", "ef", "ls", "lf", "total_float", "free_float", "critical", "driving"):
        assert np.array_equal(getattr(levels, name), getattr(loop, name)), name
    assert levels.critical_paths == loop.critical_paths
    assert levels.critical_path_count == loop.critical_path_count
    levels_dict, loop_dict = levels.to_dict(), loop.to_dict()
    assert levels_dict == loop_dict


@SOME
@given(plans(ids=tricky_ids(), max_tasks=12), plan_metadata(), st.sampled_from(["yaml", "json"]))
def test_dump_then_loads_gives_the_same_plan(
    data: dict[str, Any], meta: dict[str, Any], fmt: str
) -> None:
    plan = from_dict({**meta, **data})
    text = dump(plan, fmt)
    again = loads(text, fmt)
    assert again == plan
    assert again.ids == plan.ids
    assert again.links == plan.links
    assert dump(again, fmt) == text


@FEW
@given(plans(max_tasks=12))
def test_dump_then_loads_keeps_every_link_form(data: dict[str, Any]) -> None:
    plan = from_dict(data)
    for fmt in ("yaml", "json"):
        assert loads(dump(plan, fmt), fmt) == plan
    assert [
        (link.predecessor, link.successor, link.type.name, link.lag) for link in plan.links
    ] == [(link.predecessor, link.successor, link.type, link.lag) for link in ref_links(data)]


@FEW
@given(
    st.lists(
        st.tuples(quarter(0, 5), st.sampled_from(LINK_TYPES), quarter(-2, 2)),
        min_size=100,
        max_size=160,
    )
)
def test_auto_engine_on_a_long_chain_matches_the_reference(
    chain: list[tuple[float, str, float]],
) -> None:
    # A deep, narrow graph: "auto" leaves the level engine for the per-task loop.
    tasks: list[dict[str, Any]] = []
    for number, (duration, kind, lag) in enumerate(chain):
        task: dict[str, Any] = {"id": f"C{number}", "duration": duration}
        if number:
            task["depends_on"] = [{"task": f"C{number - 1}", "type": kind, "lag": lag}]
        tasks.append(task)
    data = {"tasks": tasks}
    result = schedule(from_dict(data))
    assert result.engine == "loop"
    ref = ref_cpm(data)
    assert result.duration == pytest.approx(ref.duration, abs=1e-9)
    assert result.es.tolist() == pytest.approx([ref.tasks[t["id"]].es for t in tasks], abs=1e-9)
    assert result.ls.tolist() == pytest.approx([ref.tasks[t["id"]].ls for t in tasks], abs=1e-9)
    levels = schedule(from_dict(data), engine="levels")
    assert np.array_equal(levels.es, result.es)
    assert np.array_equal(levels.ls, result.ls)
