"""Pictures and text of a schedule: the activity-on-node diagram (DOT, SVG, PNG, PDF, Mermaid)
and the summary table ``mgmt pert PLAN`` prints.

Nothing is computed here; every number comes from the :class:`~mgmt_tools.pert.result.Schedule`.
Each task is a box in the standard layout (ES | duration | EF over the name over LS | total
float | LF); critical tasks and the driving links between them are drawn in the theme's accent
colour. Above ``max_tasks`` tasks Graphviz gets slow (1.5 s at 1,000 tasks, over a minute at
5,000), so the diagram keeps the critical paths and their neighbours and says so; the numbers
shown are the real ones.

Examples
--------
>>> from mgmt_tools.pert import loads, schedule
>>> result = schedule(loads("tasks: [{id: A, duration: 2}, {id: B, duration: 3, depends_on: [A]}]"))
>>> to_dot(result).splitlines()[0], to_mermaid(result).splitlines()[0]
('digraph pert {', 'flowchart LR')
>>> print(summary_text(result).splitlines()[0])
Project: duration 5 days
"""

from __future__ import annotations

import numpy as np

from mgmt_tools._arrays import IndexArray
from mgmt_tools.locale import _, ngettext, pgettext
from mgmt_tools.pert.flowchart import to_mermaid
from mgmt_tools.pert.model import LinkType
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.summary import summary_text
from mgmt_tools.pert.view import MAX_TASKS, link_label, nested, select, title
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import (
    THEME,
    CellStyle,
    Html,
    attributes,
    cell,
    defaults,
    escape,
    html_lines,
    stacked,
    wrap,
)

__all__ = ["MAX_TASKS", "render", "summary_text", "to_dot", "to_mermaid", "to_svg"]

_NAME_COLUMNS = 24  # width of a box's name, in display columns

_N = format_number


# --- DOT --------------------------------------------------------------------------------------


def _box(result: Schedule, task: int) -> Html:
    """The standard AON box: ES | duration | EF, the name, LS | total float | LF."""
    plan = result.plan
    critical = bool(result.critical[task])
    milestone = bool(plan.milestone[task]) or plan.duration[task] == 0
    border = THEME.accent if critical else THEME.line
    band = THEME.accent_fill if critical else THEME.band_fill
    numbers = THEME.accent if critical else THEME.ink

    def row(*values: float) -> str:
        return (
            "<TR>"
            + "".join(cell(_N(float(v)), width=38, bgcolor=band, color=numbers) for v in values)
            + "</TR>"
        )

    task_id, name = plan.ids[task], plan.names[task]
    lines: list[tuple[str, CellStyle]] = [
        (escape(line), {"colspan": 3, "bold": critical}) for line in wrap(name, _NAME_COLUMNS)
    ]
    if milestone:
        lines[0] = ("◆ " + lines[0][0], lines[0][1])
    if task_id != name:
        lines.insert(
            0, (escape(task_id), {"colspan": 3, "color": THEME.muted, "size": THEME.small_size})
        )
    # A milestone's box is rounded and drawn with a double rule (CELLSPACING shows the gap).
    style = ' STYLE="rounded" CELLSPACING="2"' if milestone else ' CELLSPACING="0"'
    return Html(
        f'<TABLE BORDER="{2 if critical else 1}" CELLBORDER="1"{style} CELLPADDING="3"'
        f' COLOR="{border}" BGCOLOR="{THEME.fill}">'
        + row(result.es[task], plan.duration[task], result.ef[task])
        + stacked(lines)
        + row(result.ls[task], result.total_float[task], result.lf[task])
        + "</TABLE>"
    )


def _legend(title: str, note: str | None) -> Html:
    """The graph label: the title (and the note on a simplified diagram), a key to the box and
    to the colours."""
    muted, small = THEME.muted, THEME.small_size

    def cells(*texts: str) -> str:
        return "".join(
            cell(text, bgcolor=THEME.band_fill, color=muted, size=small) for text in texts
        )

    es, ef = pgettext("diagram key", "ES"), pgettext("diagram key", "EF")
    ls, lf = pgettext("diagram key", "LS"), pgettext("diagram key", "LF")
    duration, total_float = _("duration"), _("total float")
    task = pgettext("diagram key", "task")
    box = (
        f'<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="2" COLOR="{THEME.line}">'
        f"<TR>{cells(escape(es), escape(duration), escape(ef))}</TR>"
        f"<TR>{cell(escape(task), colspan=3, color=muted, size=small)}</TR>"
        f"<TR>{cells(escape(ls), escape(total_float), escape(lf))}</TR></TABLE>"
    )
    critical, slack = escape(_("critical")), escape(_("with slack"))
    colours = (
        f'<FONT COLOR="{THEME.accent}">━━ {critical}</FONT>  '
        f'<FONT COLOR="{THEME.faint}">━━ {slack}</FONT>'
    )
    heading = f'<FONT POINT-SIZE="14"><B>{html_lines(title, 80, 2)}</B></FONT>'
    if note is not None:
        heading += f'<BR/><FONT COLOR="{THEME.accent}">{escape(note)}</FONT>'
    return Html(
        '<TABLE BORDER="0" CELLSPACING="6" CELLPADDING="0"><TR>'
        f'<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT">{heading}</TD>'
        f'<TD VALIGN="TOP">{box}</TD>'
        f"{cell(colours, valign='TOP', color=muted, size=small)}</TR></TABLE>"
    )


def to_dot(result: Schedule, *, max_tasks: int = MAX_TASKS) -> str:
    """The activity-on-node diagram as DOT text (deterministic: same schedule, same bytes).

    Parameters
    ----------
    result
        The schedule to draw.
    max_tasks
        Above this many tasks only the critical paths and their neighbours are drawn (only
        the paths when those are more than ``2 * max_tasks``), with a note saying so.
    """
    plan = result.plan
    view = select(result, max_tasks)
    lines = ["digraph pert {"]
    lines += [
        "  " + line
        for line in defaults(
            THEME,
            node={"shape": "plain"},
            edge={"fontsize": THEME.small_size},
            rankdir="LR",
            nodesep=0.3,
            ranksep=0.45,
            labelloc="t",
            labeljust="l",
            label=_legend(title(result), view.note),
        )
    ]
    boxes = {
        task: f"t{task} {attributes({'label': _box(result, task)})}" for task in view.tasks.tolist()
    }
    if plan.group_ids and view.note is None:
        lines += _clusters(result, boxes)
        lines.insert(1, "  compound=true")
    else:
        lines += ["  " + box for box in boxes.values()]
    pred, succ, kinds, lags = plan.link_pred, plan.link_succ, plan.link_type, plan.link_lag
    ends = _group_ends(result) if plan.group_ids else None
    critical = np.concatenate([result.critical, result.group_times().critical])
    for link in view.links.tolist():
        head, tail = int(pred[link]), int(succ[link])
        spine = bool(result.driving[link] and critical[head] and critical[tail])
        values: dict[str, str | float | Html] = {}
        if ends is not None and (head >= plan.task_count or tail >= plan.task_count):
            head, tail = _through_clusters(
                plan.task_count, ends, head, tail, int(kinds[link]), values
            )
        text = link_label(int(kinds[link]), float(lags[link]))
        if text is not None:
            values["label"] = Html(escape(text))
            values["fontcolor"] = THEME.accent if spine else THEME.muted
        if spine:  # heavy weight keeps the critical path straight and short
            values.update(color=THEME.accent, penwidth=2.2, weight=8)
        elif not result.driving[link]:
            values["color"] = THEME.faint
        lines.append(f"  t{head} -> t{tail}" + (f" {attributes(values)}" if values else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _clusters(result: Schedule, boxes: dict[int, str]) -> list[str]:
    """The boxes nested in one cluster per group, labelled with the group's name and times."""
    plan = result.plan
    times = result.group_times()

    def opening(group: int) -> list[str]:
        critical = bool(times.critical[group])
        label = _("{name}  ({start} to {finish}, float {float})").format(
            name=plan.group_names[group],
            start=_N(float(times.es[group])),
            finish=_N(float(times.ef[group])),
            float=_N(float(times.total_float[group])),
        )
        style = attributes(
            {
                "label": Html(f"<B>{escape(label)}</B>"),
                "labeljust": "l",
                "style": "rounded",
                "color": THEME.accent if critical else THEME.line,
                "fontcolor": THEME.accent if critical else THEME.muted,
                "bgcolor": THEME.background,
            }
        )
        return [f"subgraph cluster_g{group} {{", f"  graph {style}"]

    return nested(plan, boxes, opening, "}")


def _group_ends(result: Schedule) -> tuple[IndexArray, IndexArray]:
    """Per group, the task a link to its start is drawn to (earliest ES) and the task a link
    from its finish is drawn from (latest EF): Graphviz clips the edge at the cluster."""
    plan = result.plan
    assert plan.task_group is not None
    first = np.full(plan.group_count, -1, dtype=np.int64)
    last = np.full(plan.group_count, -1, dtype=np.int64)
    for task in range(plan.task_count):
        for group in plan.groups_of(task):
            if first[group] < 0 or result.es[task] < result.es[first[group]]:
                first[group] = task
            if last[group] < 0 or result.ef[task] > result.ef[last[group]]:
                last[group] = task
    return first, last


def _through_clusters(
    n: int,
    ends: tuple[IndexArray, IndexArray],
    head: int,
    tail: int,
    kind: int,
    values: dict[str, str | float | Html],
) -> tuple[int, int]:
    first, last = ends
    if head >= n:
        values["ltail"] = f"cluster_g{head - n}"
        head = int(last[head - n] if kind in (LinkType.FS, LinkType.FF) else first[head - n])
    if tail >= n:
        values["lhead"] = f"cluster_g{tail - n}"
        tail = int(first[tail - n])
    return head, tail


def render(result: Schedule, fmt: str, *, max_tasks: int = MAX_TASKS) -> bytes:
    """The diagram rendered by Graphviz ``dot`` as ``fmt`` (svg, png or pdf); the errors are
    those of :func:`mgmt_tools.render.graphviz.pipe` (ValueError for another format,
    GraphvizNotFoundError without Graphviz: write :func:`to_dot` instead)."""
    from mgmt_tools.render.graphviz import pipe

    tasks = len(result.es)
    return pipe(
        to_dot(result, max_tasks=max_tasks),
        fmt,
        diagram=ngettext(
            "the network of {count} task", "the network of {count} tasks", tasks
        ).format(count=f"{tasks:,}"),
        simpler=_("--max-diagram-tasks N (above N tasks: the critical paths and their neighbours)"),
    )


def to_svg(result: Schedule, *, max_tasks: int = MAX_TASKS) -> str:
    """The diagram as SVG text (see :func:`render`)."""
    return render(result, "svg", max_tasks=max_tasks).decode("utf-8")
