"""The schedule-risk chart of a simulated schedule (matplotlib): the distribution of the project
finish as a histogram, its S-curve, P50/P80/P95 and the deadline.

With a ``start`` date there is one bar per working day (a trial finishing at offset f ends on
working day ceil(f) - 1, docs/formats/pert.md) on a date axis with the non-working days
shaded; without one, a histogram of the offsets. The quantiles marked are the ones the
simulation reports.

Examples
--------
>>> import dataclasses
>>> from mgmt_tools.pert import loads, schedule, simulate
>>> result = schedule(loads("tasks: [{id: A, optimistic: 1, most_likely: 2, pessimistic: 6}]"))
>>> result = dataclasses.replace(result, simulation=simulate(result.plan, 500, seed=1))
>>> risk_chart(result, "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools.errors import DomainError
from mgmt_tools.locale import N_, _
from mgmt_tools.pert.calendar import whole
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.timeline import (
    deadline_text,
    deadline_x,
    project_name,
    shade_nonworking,
    timeline_of,
    units,
)
from mgmt_tools.render import chart_dates, format_number
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["risk_chart"]

_N = format_number
_MARKED = (0.5, 0.8, 0.95)
_WIDTH = 8.0  # inches
_PLOT = 4.0  # inches of plot (and axis labels) under the heading
_MARKS = 0.4  # inches above the plot for the labels of the marker lines
_DISTRIBUTIONS = {"beta-pert": N_("beta-pert"), "triangular": N_("triangular")}
"""The simulation's distribution as the chart names it (translated where shown)."""


def risk_chart(result: Schedule, fmt: str) -> bytes:
    """The simulated distribution of the project finish as SVG, PNG or PDF bytes: histogram,
    S-curve, P50/P80/P95 and the deadline.

    Raises
    ------
    DomainError
        When ``result`` carries no simulation.
    """
    return ch.figure_bytes(_risk_figure(result), fmt)


@parts.styled
def _risk_figure(result: Schedule) -> Figure:
    """Build the risk chart as a Figure (tests inspect its artists)."""
    if result.simulation is None:
        raise DomainError(
            _(
                "the risk chart needs a simulation: run mgmt pert PLAN --simulate N, or "
                "dataclasses.replace(result, simulation=simulate(plan, N)) in Python"
            )
        )
    simulation = result.simulation
    timeline, finish = timeline_of(result), simulation.finish
    title = parts.title_lines(
        _("{project}: schedule risk").format(project=project_name(result)), _WIDTH
    )
    notes = _notes(result, timeline)
    top = parts.heading_height(title, notes) + _MARKS  # the heading, then the marks' labels
    height = top + _PLOT
    figure = ch.new_figure(_WIDTH, height)
    share_label = (
        _("Share of trials (per working day)")
        if timeline.calendar is not None
        else _("Share of trials (per bin)")
    )
    axes, curve = parts.distribution_axes(
        figure, share_label, _("Probability of finishing by then (S-curve)")
    )
    figure.subplots_adjust(
        left=0.85 / _WIDTH, right=1 - 0.9 / _WIDTH, top=1 - top / height, bottom=0.55 / height
    )
    if timeline.calendar is not None:
        # a trial finishing at offset f ends on working day ceil(f) - 1: one bar per day
        day = np.maximum(np.ceil(whole(finish)) - 1, 0).astype(np.int64)
        counts = np.bincount(day - day.min()) / len(finish) * 100
        starts = timeline.begin(np.arange(day.min(), day.max() + 1, dtype=np.float64))
        axes.bar(starts + 0.5, counts, width=0.8, color=ch.NEUTRAL, zorder=2)
        ends = np.concatenate(([starts[0]], starts + 1))
        share = np.concatenate(([0.0], np.cumsum(counts)))
        style: dict[str, Any] = {"color": THEME.ink, "linewidth": 1.6, "marker": "o"}
        curve.plot(ends, share, markersize=2.5, zorder=3, gid="s-curve", **style)
        low, high = float(starts[0]) - 1.5, float(starts[-1]) + 2.5
    else:
        low, high = parts.histogram(axes, curve, finish)
        axes.set_xlabel(_("Project finish ({units} from the start)").format(units=timeline.units))
    known = simulation.quantiles  # P50, P80, P95 as the simulation reports them
    marks = [known.get(str(q), float(np.quantile(finish, q))) for q in _MARKED]
    places = timeline.end(marks).tolist()
    deadline = deadline_x(result, timeline)
    limits = [low, high, *places, *([] if deadline is None else [deadline])]
    margin = 0.03 * (max(limits) - min(limits))
    low, high = min(limits) - margin, max(limits) + margin
    if timeline.calendar is not None:
        low, high = chart_dates.date_limits(low, high)
    axes.set_xlim(low, high)
    if timeline.calendar is not None:
        chart_dates.date_axis(axes, high - low)
        shade_nonworking(axes, timeline.calendar, low, high)
    axes.set_ylim(0, None)

    names: dict[float, list[str]] = {}
    for level, x in zip(_MARKED, places, strict=True):
        names.setdefault(x, []).append(f"P{round(level * 100)}")
    labels = [(x, " = ".join(group), THEME.muted) for x, group in names.items()]
    for x in names:
        parts.marker_line(curve, x, "", colour=THEME.muted, dashes=ch.DOTS, gid="quantile")
    if deadline is not None:
        parts.marker_line(curve, deadline, "", colour=THEME.accent, gid="deadline")
        labels.append((deadline, _("Deadline"), THEME.accent))
    parts.marker_labels(curve, labels)
    parts.heading(figure, title, notes, left=0.25)
    return figure


def _notes(result: Schedule, timeline: Any) -> list[str]:
    """The lines under the title: the simulation run, then the quantiles and the chance of
    meeting the deadline."""
    simulation = result.simulation
    assert simulation is not None
    finish = simulation.finish
    known = simulation.quantiles
    marks = [known.get(str(q), float(np.quantile(finish, q))) for q in _MARKED]
    summary = [
        f"P{round(q * 100)} {timeline.label(x)}" for q, x in zip(_MARKED, marks, strict=True)
    ]
    if result.deadline is not None:
        probability = simulation.probability
        if probability is None:
            probability = float(np.mean(finish <= result.deadline))
        when = deadline_text(result, timeline)
        summary.append(
            _("P(finish ≤ deadline {deadline}) = {percent}%").format(
                deadline=when, percent=f"{probability * 100:.1f}"
            )
        )
    known_name = _DISTRIBUTIONS.get(simulation.distribution)
    run = _(
        "{trials} simulated schedules ({distribution}, seed {seed}): mean {mean}, sd {sd} {units}"
    ).format(
        trials=f"{simulation.trials:,}",
        distribution=_(known_name) if known_name else simulation.distribution,
        seed=simulation.seed,
        mean=_N(simulation.mean, 2),
        sd=_N(simulation.sd, 2),
        units=units(result),
    )
    return [run, _(";  ").join(summary)]
