"""A goal tree analysed: progress rolled up, track against a date, SMART gaps; its JSON form
(docs/formats/), typed rows, text summary and Markdown checklist.

>>> from mgmt_tools.goals import loads, run
>>> result = run(loads('''
... goal: Grow deposits
... children:
...   - {goal: Win clients, weight: 2, progress: 0.4}
...   - {goal: Keep balances, status: done}
... '''))
>>> round(result.progress, 4), [row.status for row in result.rows]
(0.6, ['in_progress', 'in_progress', 'done'])
>>> result.goal("Win clients").path
'Grow deposits / Win clients'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from mgmt_tools._rows import Row
from mgmt_tools.errors import did_you_mean
from mgmt_tools.goals.rollup import Goal, Node
from mgmt_tools.goals.smart import missing_text
from mgmt_tools.goals.track import AT_RISK, ON_TRACK, STATUS_WORDS, TRACK_WORDS
from mgmt_tools.locale import N_, _, current, date_text, listed, pgettext
from mgmt_tools.render import format_table, truncate
from mgmt_tools.render.display import Displayed
from mgmt_tools.render.escape import markdown as _md
from mgmt_tools.render.escape import terminal

__all__ = [
    "GoalRow",
    "GoalTree",
    "GoalsResult",
    "SmartIssue",
    "as_of_text",
    "mark",
    "percent",
    "status_text",
    "summary_text",
    "to_markdown",
    "track_text",
]


@dataclass(frozen=True)
class GoalTree:
    """A goal tree as read from the input: the root goal, a title and the as-of date;
    ``load_warnings`` are the loader's located warnings (a due date before its start)."""

    root: Goal
    title: str | None = None
    as_of: dt.date | None = None
    load_warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class GoalRow(Row):
    """A goal with its computed values: a row of the JSON ``nodes``, with the same names.

    ``owner``, ``due`` (ISO date), ``metric_progress`` and ``track`` are None, and left out
    of :meth:`to_dict`, when the goal has none.
    """

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"owner", "due", "metric_progress", "track"})

    path: str
    """The names from the root to the goal, joined by " / "."""
    goal: str
    progress: float
    status: str
    weight: float
    rollup: str
    owner: str | None = None
    due: str | None = None
    metric_progress: float | None = None
    track: str | None = None

    @classmethod
    def of(cls, node: Node) -> GoalRow:
        """The row of a node of the rolled-up tree."""
        return cls(
            path=node.path,
            goal=node.goal.name,
            progress=node.progress,
            status=node.status,
            weight=node.goal.weight,
            rollup=node.rollup,
            owner=node.owner,
            due=node.due.isoformat() if node.due is not None else None,
            metric_progress=node.metric_progress,
            track=node.track,
        )


@dataclass(frozen=True)
class SmartIssue(Row):
    """A goal lacking something SMART asks for: a row of the JSON ``smart_issues``."""

    path: str
    missing: list[str]


@dataclass(frozen=True, eq=False)
class GoalsResult(Displayed):
    """Every goal with its progress (and track), and the SMART issues.

    ``nodes`` are the rolled-up tree the pictures are drawn from; :attr:`rows` and
    :meth:`goal` give the same goals as typed rows of the JSON.
    """

    tree: GoalTree
    nodes: list[Node]
    smart_issues: list[dict[str, Any]]
    as_of: dt.date | None = None
    margins: tuple[float, float] = (ON_TRACK, AT_RISK)
    warnings: list[str] = field(default_factory=list)

    @property
    def progress(self) -> float:
        return self.nodes[0].progress

    def to_dict(self) -> dict[str, Any]:
        """``command, goal, progress, nodes, smart_issues, warnings`` (docs/formats/)."""
        data: dict[str, Any] = {"command": "goals", "method": "rollup"}
        if self.tree.title is not None:
            data["title"] = self.tree.title
        data["goal"] = self.tree.root.name
        data["progress"] = self.progress
        if self.as_of is not None:
            data["as_of"] = self.as_of.isoformat()
            data["thresholds"] = {"on_track": self.margins[0], "at_risk": self.margins[1]}
        data["nodes"] = [row.to_dict() for row in self.rows]
        data["smart_issues"] = self.smart_issues
        data["warnings"] = list(self.warnings)
        return data

    @property
    def rows(self) -> list[GoalRow]:
        """Every goal, in tree order (pre-order), as a row of the JSON ``nodes``."""
        return [GoalRow.of(node) for node in self.nodes]

    def goal(self, key: str) -> GoalRow:
        """The goal whose path is ``key``, else the one goal named ``key``.

        Raises ``KeyError`` when there is none (naming the closest) or when several goals
        have that name (naming their paths).
        """
        named = []
        for node in self.nodes:
            if node.path == key:
                return GoalRow.of(node)
            if node.goal.name == key:
                named.append(node)
        if len(named) == 1:
            return GoalRow.of(named[0])
        if named:
            paths = listed(f"'{node.path}'" for node in named)
            raise KeyError(
                _("{count} goals are named '{key}': give the path ({paths})").format(
                    count=len(named), key=key, paths=paths
                )
            )
        names = list(dict.fromkeys(node.goal.name for node in self.nodes))
        raise KeyError(_("unknown goal '{key}'").format(key=key) + did_you_mean(key, names))

    @property
    def issues(self) -> list[SmartIssue]:
        """:attr:`smart_issues` as typed rows."""
        return [SmartIssue(issue["path"], list(issue["missing"])) for issue in self.smart_issues]


def percent(value: float) -> str:
    """A progress as a whole percent: 0.455 -> '46%' (never 100% unless done)."""
    shown = round(value * 100)
    if shown == 100 and value < 1.0:
        shown = 99
    return f"{shown}%"


_MARK = {"min": N_("ALL of"), "max": N_("ANY of")}
"""How AND (min) and OR (max) goals are marked in the summary, diagram and checklist."""


def mark(node: Node) -> str | None:
    """'ALL of' for a min roll-up, 'ANY of' for max, on goals with children (in the current
    language)."""
    word = _MARK.get(node.rollup) if node.children else None
    return _(word) if word else None


def status_text(status: str) -> str:
    """A status (``in_progress``) in the reader's words (in progress, 进行中)."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def track_text(track: str | None) -> str:
    """A track (``at_risk``) in the reader's words (at risk, 有风险); empty for None."""
    if track is None:
        return ""
    return _(TRACK_WORDS[track]) if track in TRACK_WORDS else track


def as_of_text(day: dt.date) -> str:
    """The date the track is judged at, for a heading: ``as of 2027-06-30``."""
    return _("as of {date}").format(date=date_text(day))


_COLUMNS = (N_("goal"), N_("progress"), N_("status"), N_("track"), N_("owner"), N_("due"))
"""The columns of the summary's table (translated where shown)."""


def _lacking(issue: dict[str, Any], escape: Callable[[str], str] | None = None) -> str:
    """A SMART gap on one line: the goal's path and what it lacks, in the reader's words
    (``Grow deposits: owner, due date``); ``escape`` applied to the path and each item."""
    escape = escape or (lambda text: text)
    missing = listed(escape(missing_text(item)) for item in issue["missing"])
    return _("{path}: {missing}").format(path=escape(issue["path"]), missing=missing)


def summary_text(result: GoalsResult, *, warnings: bool = True, limit: int = 60) -> str:
    """The tree indented, with progress, status, track, owner and due date; the SMART gaps."""
    english = current() == "en"  # the status and track as the JSON writes them
    lines = [result.tree.title] if result.tree.title else []
    if result.as_of is not None:
        lines.append(as_of_text(result.as_of))
    body = []
    for node in result.nodes[:limit]:
        name = "  " * node.depth + truncate(node.goal.name, 48 - 2 * min(node.depth, 8))
        if mark(node):
            name += f" [{mark(node)}]"
        body.append(
            [
                name,
                percent(node.progress),
                node.status if english else status_text(node.status),
                (node.track or "") if english else track_text(node.track),
                truncate(node.owner or "", 18),
                date_text(node.due) if node.due else "",
            ]
        )
    header = [_(word) for word in _COLUMNS]
    lines += format_table(header, body, right=[1])
    if len(result.nodes) > limit:
        more = len(result.nodes) - limit
        lines.append(_("... and {count} more goals (--json for all)").format(count=more))
    if result.smart_issues:
        count = len(result.smart_issues)
        lines += [
            "",
            _("SMART gaps ({count} goals):").format(count=count),
        ]
        lines += ["  " + _lacking(issue) for issue in result.smart_issues[:limit]]
    if warnings:
        lines += [_("warning: {warning}").format(warning=warning) for warning in result.warnings]
    return terminal("\n".join(lines))


def to_markdown(result: GoalsResult) -> str:
    """The tree as a nested Markdown checklist: ``- [x]`` for done goals, progress in percent."""
    lines = []
    if result.tree.title:
        lines += [f"# {_md(result.tree.title)}", ""]
    if result.as_of is not None:
        lines += [_("As of {date}.").format(date=date_text(result.as_of)), ""]
    for node in result.nodes:
        box = "x" if node.status == "done" or node.progress >= 1.0 else " "
        text = _md(node.goal.name)
        if node.depth == 0:
            text = f"**{text}**"
        details = [percent(node.progress)]
        if mark(node):
            details.append(_("{mark} below").format(mark=mark(node)))
        if node.owner:
            details.append(_md(node.owner))
        if node.due:
            details.append(_("due {date}").format(date=date_text(node.due)))
        if node.track:
            details.append(track_text(node.track))
        if node.goal.status == "blocked":
            details.append(status_text("blocked"))
        shown = pgettext("details separator", ", ").join(details)
        item = _("{goal} ({details})").format(goal=text, details=shown)
        lines.append(f"{'  ' * node.depth}- [{box}] {item}")
    if result.smart_issues:
        lines += ["", "## " + _("SMART gaps"), ""]
        lines += ["- " + _lacking(issue, _md) for issue in result.smart_issues]
    return "\n".join(lines) + "\n"
