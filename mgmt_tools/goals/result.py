"""A goal tree analysed: progress rolled up, track against a date, SMART gaps; its JSON form
(FORMATS.md), text summary and Markdown checklist.

>>> from mgmt_tools.goals import analyse, loads
>>> result = analyse(loads('''
... goal: Grow deposits
... children:
...   - {goal: Win clients, weight: 2, progress: 0.4}
...   - {goal: Keep balances, status: done}
... '''))
>>> round(result.progress, 4), [node["status"] for node in result.to_dict()["nodes"]]
(0.6, ['in_progress', 'in_progress', 'done'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mgmt_tools.goals.rollup import Goal, Node, rollup
from mgmt_tools.goals.smart import check
from mgmt_tools.goals.track import AT_RISK, ON_TRACK, judge
from mgmt_tools.render import format_table, truncate

__all__ = ["GoalTree", "GoalsResult", "analyse", "summary_text", "to_markdown"]


@dataclass(frozen=True)
class GoalTree:
    """A goal tree as read from the input: the root goal, a title and the as-of date."""

    root: Goal
    title: str | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True, eq=False)
class GoalsResult:
    """Every goal with its progress (and track), and the SMART issues."""

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
        """``command, goal, progress, nodes, smart_issues, warnings`` (FORMATS.md)."""
        data: dict[str, Any] = {"command": "goals", "method": "rollup"}
        if self.tree.title is not None:
            data["title"] = self.tree.title
        data["goal"] = self.tree.root.name
        data["progress"] = self.progress
        if self.as_of is not None:
            data["as_of"] = self.as_of.isoformat()
            data["thresholds"] = {"on_track": self.margins[0], "at_risk": self.margins[1]}
        data["nodes"] = [_node_dict(node) for node in self.nodes]
        data["smart_issues"] = self.smart_issues
        data["warnings"] = list(self.warnings)
        return data

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {"text/plain": summary_text(self)}
        try:
            from mgmt_tools.goals.render import to_svg

            bundle["image/svg+xml"] = to_svg(self)
        except Exception:
            pass
        return bundle


def _node_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": node.path,
        "goal": node.goal.name,
        "progress": node.progress,
        "status": node.status,
        "weight": node.goal.weight,
        "rollup": node.rollup,
    }
    if node.owner is not None:
        data["owner"] = node.owner
    if node.due is not None:
        data["due"] = node.due.isoformat()
    if node.metric_progress is not None:
        data["metric_progress"] = node.metric_progress
    if node.track is not None:
        data["track"] = node.track
    return data


def analyse(
    tree: GoalTree,
    *,
    as_of: dt.date | None = None,
    on_track: float = ON_TRACK,
    at_risk: float = AT_RISK,
    warnings: Sequence[str] = (),
) -> GoalsResult:
    """Roll progress up, judge the track at ``as_of`` (else the tree's ``as_of``; no track
    without either) and list the SMART issues."""
    nodes = rollup(tree.root)
    notes = list(warnings)
    when = as_of or tree.as_of
    if when is not None:
        notes += judge(nodes, when, on_track=on_track, at_risk=at_risk)
    return GoalsResult(tree, nodes, check(nodes), when, (on_track, at_risk), notes)


def percent(value: float) -> str:
    """A progress as a whole percent: 0.455 -> '46%' (never 100% unless done)."""
    shown = round(value * 100)
    if shown == 100 and value < 1.0:
        shown = 99
    return f"{shown}%"


_MARK = {"min": "ALL of", "max": "ANY of"}
"""How AND (min) and OR (max) goals are marked in the summary, diagram and checklist."""


def mark(node: Node) -> str | None:
    """'ALL of' for a min roll-up, 'ANY of' for max, on goals with children."""
    return _MARK.get(node.rollup) if node.children else None


def summary_text(result: GoalsResult, *, warnings: bool = True, limit: int = 60) -> str:
    """The tree indented, with progress, status, track, owner and due date; the SMART gaps."""
    lines = [result.tree.title] if result.tree.title else []
    if result.as_of is not None:
        lines.append(f"as of {result.as_of.isoformat()}")
    body = []
    for node in result.nodes[:limit]:
        name = "  " * node.depth + truncate(node.goal.name, 48 - 2 * min(node.depth, 8))
        if mark(node):
            name += f" [{mark(node)}]"
        body.append(
            [
                name,
                percent(node.progress),
                node.status,
                node.track or "",
                truncate(node.owner or "", 18),
                node.due.isoformat() if node.due else "",
            ]
        )
    lines += format_table(["goal", "progress", "status", "track", "owner", "due"], body, right=[1])
    if len(result.nodes) > limit:
        lines.append(f"... and {len(result.nodes) - limit} more goals (--json for all)")
    if result.smart_issues:
        lines += ["", f"SMART gaps ({len(result.smart_issues)} goals):"]
        for issue in result.smart_issues[:limit]:
            lines.append(f"  {issue['path']}: {', '.join(issue['missing'])}")
    if warnings:
        lines += [f"warning: {warning}" for warning in result.warnings]
    return "\n".join(lines)


def to_markdown(result: GoalsResult) -> str:
    """The tree as a nested Markdown checklist: ``- [x]`` for done goals, progress in percent."""
    lines = []
    if result.tree.title:
        lines += [f"# {_md(result.tree.title)}", ""]
    if result.as_of is not None:
        lines += [f"As of {result.as_of.isoformat()}.", ""]
    for node in result.nodes:
        box = "x" if node.status == "done" or node.progress >= 1.0 else " "
        text = _md(node.goal.name)
        if node.depth == 0:
            text = f"**{text}**"
        details = [percent(node.progress)]
        if mark(node):
            details.append(f"{mark(node)} below")
        if node.owner:
            details.append(_md(node.owner))
        if node.due:
            details.append(f"due {node.due.isoformat()}")
        if node.track:
            details.append(node.track.replace("_", " "))
        if node.goal.status == "blocked":
            details.append("blocked")
        lines.append(f"{'  ' * node.depth}- [{box}] {text} ({', '.join(details)})")
    if result.smart_issues:
        lines += ["", "## SMART gaps", ""]
        lines += [
            f"- {_md(issue['path'])}: {', '.join(_md(m) for m in issue['missing'])}"
            for issue in result.smart_issues
        ]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    text = " ".join(str(text).split())
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text
