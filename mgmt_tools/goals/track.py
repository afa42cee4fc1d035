"""Status against time: on_track, at_risk or off_track, judged at a given date (never the
wall clock).

Each goal with a due date is compared with the elapsed share of its period, from its start
(its own, else inherited from the nearest ancestor that has one) to its due date:
``elapsed = (as_of - start) / (due - start)`` clipped to 0-1. With the default margins

* on_track when progress >= elapsed - 0.10,
* at_risk when progress >= elapsed - 0.25,
* off_track otherwise.

A done goal (status done, or progress 100%) is on_track; a goal past its due date and not done
is off_track; a blocked goal is judged by its progress like any other (the diagram marks it).
A goal with a due date but no start anywhere above it gets no track, and a warning.

>>> import datetime as dt
>>> from mgmt_tools.goals.rollup import Goal, rollup
>>> nodes = rollup(Goal("G", start=dt.date(2027, 1, 1), due=dt.date(2027, 12, 31), progress=0.3))
>>> judge(nodes, dt.date(2027, 7, 2))
[]
>>> nodes[0].track
'at_risk'
"""

from __future__ import annotations

import datetime as dt

from mgmt_tools.goals.rollup import Node
from mgmt_tools.locale import N_, _

__all__ = ["AT_RISK", "ON_TRACK", "STATUS_WORDS", "TRACKS", "TRACK_WORDS", "elapsed", "judge"]

ON_TRACK = 0.10
"""Default margin: on_track when progress >= elapsed share - ON_TRACK."""
AT_RISK = 0.25
"""Default margin: at_risk when progress >= elapsed share - AT_RISK (else off_track)."""
TRACKS = ("on_track", "at_risk", "off_track")
TRACK_WORDS = {"on_track": N_("on track"), "at_risk": N_("at risk"), "off_track": N_("off track")}
"""Each track in words (translated where shown; the JSON keeps ``on_track``)."""
STATUS_WORDS = {
    "done": N_("done"),
    "in_progress": N_("in progress"),
    "not_started": N_("not started"),
    "blocked": N_("blocked"),
}
"""Each status in words (translated where shown; the JSON keeps ``in_progress``)."""


def elapsed(start: dt.date, due: dt.date, as_of: dt.date) -> float:
    """The share of the period from ``start`` to ``due`` that has passed at ``as_of``, 0-1.

    >>> elapsed(dt.date(2027, 1, 1), dt.date(2027, 1, 11), dt.date(2027, 1, 6))
    0.5
    """
    days = (due - start).days
    if days <= 0:
        return 1.0 if as_of >= due else 0.0
    return min(1.0, max(0.0, (as_of - start).days / days))


def judge(
    nodes: list[Node],
    as_of: dt.date,
    *,
    on_track: float = ON_TRACK,
    at_risk: float = AT_RISK,
) -> list[str]:
    """Set ``track`` on every goal with a due date; return warnings."""
    if not 0 <= on_track <= at_risk:
        raise ValueError(
            _("the margins need 0 <= on-track ({on_track}) <= at-risk ({at_risk})").format(
                on_track=f"{on_track:g}", at_risk=f"{at_risk:g}"
            )
        )
    unstarted: list[str] = []
    backwards: list[str] = []
    for node in nodes:
        due = node.due
        if due is None:
            continue
        if node.status == "done" or node.progress >= 1.0:
            node.track = "on_track"
        elif as_of > due:
            node.track = "off_track"
        elif node.start is None:
            unstarted.append(node.path)
        else:
            if node.start > due:
                backwards.append(node.path)
                continue
            share = elapsed(node.start, due, as_of)
            if node.progress >= share - on_track:
                node.track = "on_track"
            elif node.progress >= share - at_risk:
                node.track = "at_risk"
            else:
                node.track = "off_track"
    warnings = []
    if unstarted:
        warnings.append(
            _(
                "no start date (on the goal, an ancestor or the root) for {count} goal(s) "
                "with a due date, so no track: {goals}"
            ).format(count=len(unstarted), goals=_list(unstarted))
        )
    if backwards:
        warnings.append(_("start after due, so no track: {goals}").format(goals=_list(backwards)))
    return warnings


def _list(paths: list[str], limit: int = 5) -> str:
    shown = "; ".join(paths[:limit])
    if len(paths) <= limit:
        return shown
    return _("{goals}; and {count} more").format(goals=shown, count=len(paths) - limit)
