"""The activity-on-node network as a Mermaid ``flowchart LR`` or ``TB`` (groups as subgraphs)."""

from __future__ import annotations

import numpy as np

from mgmt_tools.locale import _
from mgmt_tools.pert.aon import Figures
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.view import View, link_label, nested, title
from mgmt_tools.render import mermaid as mm
from mgmt_tools.render.dot import THEME

__all__ = ["flowchart"]


def flowchart(result: Schedule, view: View, numbers: Figures, direction: str) -> str:
    """The ``view`` of the diagram as a Mermaid ``flowchart LR`` or ``TB`` (``direction``),
    with ``numbers`` (:func:`~mgmt_tools.pert.aon.figures`) in the boxes; the drawing's
    public form is :func:`mgmt_tools.pert.render.to_mermaid`."""
    plan = result.plan
    lines = [f"flowchart {direction}", "  " + mm.comment(title(result, numbers.decimals))]
    if view.note is not None:  # drawn as a node of its own: Mermaid has no graph label
        note = mm.node_id(0, "note")
        lines.append(f"  {note}[{mm.label(view.note)}]")
        lines.append(f"  style {note} fill:{THEME.accent_fill},stroke:{THEME.accent}")
    nodes: dict[int, str] = {}
    template = _("ES {es} · EF {ef} · TF {tf}")
    for task in view.tasks.tolist():
        task_id, name = plan.ids[task], plan.names[task]
        text = mm.escape(name if task_id == name else f"{task_id}: {name}")
        box = mm.escape(
            template.format(es=numbers.es[task], ef=numbers.ef[task], tf=numbers.total_float[task])
        )
        shape = ('(["', '"])') if plan.milestone[task] or plan.duration[task] == 0 else ('["', '"]')
        nodes[task] = f"{mm.node_id(task)}{shape[0]}{text}<br/>{box}{shape[1]}"
    grouped = bool(plan.group_ids) and view.note is None
    lines += _subgraphs(result, nodes) if grouped else ["  " + node for node in nodes.values()]
    critical = np.concatenate([result.critical, result.group_times().critical])
    spine: list[int] = []
    slack: list[int] = []
    for number, link in enumerate(view.links.tolist()):
        head, tail = int(plan.link_pred[link]), int(plan.link_succ[link])
        kind = link_label(int(plan.link_type[link]), float(plan.link_lag[link]), numbers.decimals)
        arrow = f"-->|{mm.escape(kind)}|" if kind else "-->"
        lines.append(
            f"  {_mermaid_end(plan.task_count, head)} {arrow} {_mermaid_end(plan.task_count, tail)}"
        )
        if result.driving[link] and critical[head] and critical[tail]:
            spine.append(number)
        elif not result.driving[link]:
            slack.append(number)
    emphasised = [mm.node_id(task) for task in view.tasks.tolist() if result.critical[task]]
    lines.append("  " + mm.class_def("critical", emphasis=True))
    if emphasised:
        lines.append(f"  class {','.join(emphasised)} critical")
    for style in (mm.link_style(spine, emphasis=True), mm.link_style(slack, emphasis=False)):
        if style is not None:
            lines.append("  " + style)
    return "\n".join(lines) + "\n"


def _mermaid_end(task_count: int, node: int) -> str:
    """A link end: a task's node, or a group's subgraph (Mermaid links subgraphs too)."""
    return mm.node_id(node) if node < task_count else mm.node_id(node - task_count, "g")


def _subgraphs(result: Schedule, nodes: dict[int, str]) -> list[str]:
    plan = result.plan

    def opening(group: int) -> list[str]:
        return [f"subgraph {mm.node_id(group, 'g')}[{mm.label(plan.group_names[group])}]"]

    return nested(plan, nodes, opening, "end")
