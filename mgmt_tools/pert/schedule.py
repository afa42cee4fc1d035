"""Schedule a plan by the critical path method, with PERT statistics.

The semantics are those of the pert section of docs/formats: precedence links FS/SS/FF/SF with
lags, early dates by the forward pass (at least 0), late dates by the backward pass (at most
T), total float LS - ES, free float the smallest early-date slack over a task's outgoing links
(never more than its total float), critical tasks with zero total float and driving links with
zero slack, all compared with the project's tolerance (:func:`mgmt_tools._numeric.close`:
1e-9 x max(1, |a|, |b|)).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._numeric import isclose
from mgmt_tools._validation import locate
from mgmt_tools.errors import InputError
from mgmt_tools.locale import _, date_text
from mgmt_tools.pert.calendar import (
    LAST_DATE,
    WorkCalendar,
    calendar_of,
    check_years,
    with_calendar,
)
from mgmt_tools.pert.cycles import cycle_error
from mgmt_tools.pert.merge_bias import merge_bias_warnings
from mgmt_tools.pert.model import Plan
from mgmt_tools.pert.network import Network, network_of
from mgmt_tools.pert.passes import link_offsets, sweep
from mgmt_tools.pert.paths import CriticalGraph, critical_graph
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.simulate import simulate
from mgmt_tools.pert.stats import PertStats, pert_stats

__all__ = ["MAX_PATHS", "run", "schedule"]

MAX_PATHS = 100
"""Critical paths listed at most; the result says how many there are."""


def _equal(a: FloatArray, b: FloatArray) -> npt.NDArray[np.bool_]:
    """a == b within the project's tolerance (docs/formats, Tolerance)."""
    return isclose(a, b)


def schedule(
    plan: Plan, *, deadline: float | dt.date | None = None, engine: str = "auto"
) -> Schedule:
    """Compute early and late dates, floats, critical paths and PERT statistics.

    ``deadline`` overrides the plan's (a number of units, or a date when the plan has a
    start). ``engine`` picks the pass implementation: "auto" (by the shape of the graph),
    "levels" (numpy, level by level) or "loop" (per task); all give the same numbers.

    Raises :class:`~mgmt_tools.errors.CycleError` when the links form a cycle.

    Examples
    --------
    >>> from mgmt_tools.pert import from_dict
    >>> plan = from_dict({"tasks": [
    ...     {"id": "A", "duration": 3},
    ...     {"id": "B", "duration": 2},
    ...     {"id": "C", "duration": 4, "depends_on": ["A", "B SS+1"]}]})
    >>> result = schedule(plan)
    >>> result.duration, result.critical_paths, float(result.total_float[1])
    (7.0, [['A', 'C']], 2.0)
    """
    network = network_of(plan)
    n = plan.task_count
    duration = network.duration
    pred, succ, kind = network.pred, network.succ, network.kind
    offset = link_offsets(duration, pred, succ, kind, network.lag)
    passes = sweep(duration, pred, succ, offset, engine=engine)
    if not passes.acyclic:
        raise cycle_error(plan, network, passes.order)
    es, ls, length = passes.es, passes.ls, passes.length
    ef = es + duration
    critical = _equal(ls, es)
    total_float = np.where(critical, 0.0, ls - es)
    ls = np.where(critical, es, ls)  # equal within the tolerance: report them equal
    bound = es[pred] + offset
    driving = _equal(es[succ], bound)
    slack = np.where(driving, 0.0, es[succ] - bound)
    free_float = _free_float(network, total_float, slack, passes.order)
    finishes_last = _equal(ef, np.full_like(ef, length))
    graph = critical_graph(critical, finishes_last, pred, succ, kind, driving, passes.order, n)
    count = graph.count_paths()
    paths = [[plan.ids[task] for task in path] for path in graph.paths(MAX_PATHS)]
    warnings: list[str] = list(plan.load_warnings)
    if count > MAX_PATHS:
        message = _("{count} critical paths; the first {listed} are listed")
        warnings.append(message.format(count=count, listed=MAX_PATHS))
    es, ef, ls, critical = es[:n], ef[:n], ls[:n], critical[:n]
    total_float, free_float = total_float[:n], free_float[:n]

    calendar = calendar_of(plan)
    given = plan.deadline if deadline is None else deadline
    if calendar is not None:
        check_years(plan, calendar, ef, given)  # a named calendar's years
    if isinstance(given, dt.date):
        if calendar is None:
            message = _("a date deadline ({deadline}) needs a plan with a start date").format(
                deadline=date_text(given)
            )
            raise InputError([locate(plan.source, ("deadline",), message)])
        given = calendar.offset_of(given)
    deadline = float(given) if given is not None else None
    stats = None
    if plan.has_estimates:
        stats = _pert(
            plan, network, graph, length, deadline, passes.ls, offset, driving, total_float
        )
        warnings.extend(stats.warnings)
    dates: dict[str, object] = {}
    if calendar is not None:
        _check_dates(plan, calendar, ef)
        dates = {
            "start_date": str(calendar.day([0])[0]),
            "finish_date": WorkCalendar.iso(calendar.finish_dates(np.zeros(1), np.array([length])))[
                0
            ],
            "start_dates": WorkCalendar.iso(calendar.start_dates(es, ef)),
            "finish_dates": WorkCalendar.iso(calendar.finish_dates(es, ef)),
        }
    return Schedule(
        plan=plan,
        es=es,
        ef=ef,
        ls=ls,
        lf=ls + plan.duration,
        total_float=total_float,
        free_float=free_float,
        critical=critical,
        driving=driving[: network.declared],
        duration=length,
        critical_paths=paths,
        critical_path_count=count,
        pert=stats,
        engine=passes.engine,
        warnings=warnings,
        deadline=deadline,
        **dates,  # type: ignore[arg-type]
    )


_LISTED = 20
"""Tasks named in the error when many finish past the last date."""


def _check_dates(plan: Plan, calendar: WorkCalendar, ef: FloatArray) -> None:
    """Refuse a schedule whose dates go past :data:`LAST_DATE`, naming the tasks (a finish
    at offset f is dated working day ceil(f) - 1)."""
    last = calendar.last_day()
    where = plan.source
    if last < 0:
        message = _(
            "the first working day on or after {start} is past {last}, the last date a plan "
            "can reach"
        ).format(start=date_text(calendar.start), last=date_text(LAST_DATE))
        raise InputError([locate(where, ("start",), message)])
    bound = float(last + 1)
    late = np.flatnonzero((ef > bound) & ~isclose(ef, bound))
    if not late.size:
        return
    problems = []
    for task in late[:_LISTED].tolist():
        message = _(
            "ends {days} working days from the start {start}, past {last}, the last date a "
            "plan can reach ({reach} working days from it)"
        ).format(
            days=f"{np.ceil(ef[task]):.0f}",
            start=date_text(calendar.start),
            last=date_text(LAST_DATE),
            reach=last + 1,
        )
        problems.append(locate(where, plan.entry_path(task), message))
    if late.size > _LISTED:
        more = _("{count} more tasks finish past {last}").format(
            count=late.size - _LISTED, last=date_text(LAST_DATE)
        )
        problems.append(locate(where, ("tasks",), more))
    raise InputError(problems)


def _free_float(
    network: Network, total_float: FloatArray, slack: FloatArray, order: IndexArray
) -> FloatArray:
    """The smallest early-date slack over a node's outgoing links, never above its total float.

    A link into a group's hidden start or finish adds that node's own free float: delaying a
    task by less than that delays no real successor. A hidden node without successors has
    unlimited free float (the task's total float then bounds it).
    """
    pred, succ = network.pred, network.succ
    n = network.task_count
    onward = np.zeros(network.node_count)
    if network.node_count > n:
        onward[n:] = np.inf
        by_pred = np.argsort(pred, kind="stable")
        starts = np.searchsorted(pred[by_pred], np.arange(network.node_count + 1))
        for node in reversed(order[order >= n].tolist()):
            links = by_pred[starts[node] : starts[node + 1]]
            if links.size:
                onward[node] = float(np.min(slack[links] + onward[succ[links]]))
    free = total_float.copy()
    np.minimum.at(free, pred, slack + onward[succ])
    return np.where(_equal(free, np.zeros_like(free)), 0.0, free)


def _pert(
    plan: Plan,
    network: Network,
    graph: CriticalGraph,
    length: float,
    deadline: float | None,
    ls: FloatArray,
    offset: FloatArray,
    driving: npt.NDArray[np.bool_],
    total_float: FloatArray,
) -> PertStats:
    spread = np.nan_to_num((plan.pessimistic - plan.optimistic) / 6)
    variance = spread * spread
    stats = pert_stats(length, graph.worst_variance(variance), deadline)
    stats.warnings.extend(
        merge_bias_warnings(network, length, stats.sd, total_float, ls, offset, driving)
    )
    return stats


def run(
    plan: Plan,
    *,
    deadline: float | dt.date | None = None,
    trials: int | None = None,
    seed: int | None = None,
    distribution: str = "beta-pert",
    progress: Callable[[int, int], None] | None = None,
    start: dt.date | None = None,
    calendar: str | None = None,
) -> Schedule:
    """Schedule ``plan`` and, when ``trials`` is given, simulate its risk: ``mgmt pert``.

    Parameters
    ----------
    plan
        The plan, as :func:`~mgmt_tools.pert.loads` reads it.
    deadline
        Overrides the plan's deadline: a number of units, or a date when the plan has a start.
    trials
        Monte Carlo: simulate this many schedules over the three-point estimates (the
        result's ``simulation``); None schedules only.
    seed
        Seed of the simulation; None draws a fresh one, reported in the result.
    distribution
        Of the durations in the simulation: "beta-pert" (also called "pert") or "triangular".
    progress
        Called as ``progress(done, total)`` with the trials done after each chunk.
    start, calendar
        Give the plan a start date and a named working calendar (``cn``, ``us``, ...), as
        ``--start`` and ``--calendar`` do for a CSV or Excel plan
        (:func:`~mgmt_tools.pert.calendar.with_calendar`).

    Raises
    ------
    CycleError
        The links form a cycle.
    InputError
        A date deadline without a start date, fewer than one trial, an unknown distribution.

    Examples
    --------
    >>> from mgmt_tools.pert import from_dict
    >>> plan = from_dict({"tasks": [
    ...     {"id": "A", "optimistic": 1, "most_likely": 2, "pessimistic": 6},
    ...     {"id": "B", "duration": 3, "depends_on": ["A"]}]})
    >>> result = run(plan, trials=1000, seed=7, distribution="pert")
    >>> result.duration, result.simulation.distribution, result.simulation.trials
    (5.5, 'beta-pert', 1000)
    """
    if start is not None or calendar is not None:
        plan = with_calendar(plan, start, calendar)
    result = schedule(plan, deadline=deadline)
    if trials is None:
        return result
    total = trials  # an int here; the lambda below would see int | None
    simulation = simulate(
        plan,
        trials,
        seed=seed,
        distribution="beta-pert" if distribution == "pert" else distribution,
        deadline=result.deadline,
        progress=None if progress is None else lambda done: progress(done, total),
    )
    return dataclasses.replace(result, simulation=simulation)
