"""Analyse a goal tree: roll progress up, judge the track at a date, list the SMART gaps.

:func:`run` is the method's verb (``mgmt goals``), with the options checked; :func:`analyse`
is its older name, which does not check them.

>>> from mgmt_tools.goals import loads
>>> tree = loads('''
... goal: Grow deposits
... start: 2027-01-01
... due: 2027-12-31
... children: [{goal: Win clients, progress: 0.2}, {goal: Keep balances, progress: 0.6}]
... ''')
>>> result = run(tree, as_of=dt.date(2027, 10, 1))
>>> round(result.progress, 2), result.goal("Grow deposits").track
(0.4, 'off_track')
>>> run(tree, on_track=0.3, at_risk=0.2)
Traceback (most recent call last):
...
mgmt_tools.errors.OptionError: --at-risk (0.2) must be >= --on-track (0.3)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mgmt_tools.errors import OptionError
from mgmt_tools.goals.result import GoalsResult, GoalTree
from mgmt_tools.goals.rollup import rollup
from mgmt_tools.goals.smart import check
from mgmt_tools.goals.track import AT_RISK, ON_TRACK, judge
from mgmt_tools.locale import _

__all__ = ["analyse", "run"]


def run(
    tree: GoalTree,
    *,
    as_of: dt.date | None = None,
    on_track: float = ON_TRACK,
    at_risk: float = AT_RISK,
) -> GoalsResult:
    """Roll progress up, judge each dated goal's track and list the SMART gaps.

    Parameters
    ----------
    tree
        The goal tree, as :func:`~mgmt_tools.goals.loads` reads it.
    as_of
        The date the track is judged at; overrides the tree's ``as_of`` (no track without
        either: the wall clock is never read).
    on_track
        A goal is on_track when its progress is at least the elapsed share of its period
        minus this margin.
    at_risk
        ... at_risk when at least the elapsed share minus this margin, else off_track.

    Raises
    ------
    OptionError
        ``at_risk`` is below ``on_track``.
    """
    if at_risk < on_track:
        raise OptionError(
            _("--at-risk ({at_risk}) must be >= --on-track ({on_track})").format(
                at_risk=f"{at_risk:g}", on_track=f"{on_track:g}"
            )
        )
    return analyse(tree, as_of=as_of, on_track=on_track, at_risk=at_risk)


def analyse(
    tree: GoalTree,
    *,
    as_of: dt.date | None = None,
    on_track: float = ON_TRACK,
    at_risk: float = AT_RISK,
    warnings: Sequence[str] = (),
) -> GoalsResult:
    """Roll progress up, judge the track at ``as_of`` (else the tree's ``as_of``; no track
    without either) and list the SMART issues; the tree's ``load_warnings`` come first in
    the result's warnings, then ``warnings``."""
    nodes = rollup(tree.root)
    notes = [*tree.load_warnings, *warnings]
    when = as_of or tree.as_of
    if when is not None:
        notes += judge(nodes, when, on_track=on_track, at_risk=at_risk)
    return GoalsResult(tree, nodes, check(nodes), when, (on_track, at_risk), notes)
