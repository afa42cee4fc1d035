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
from mgmt_tools.pert.aon import (
    NODESEP,
    PREFER_LR,
    RANKSEP,
    Figures,
    Rankdir,
    dates,
    figures,
    name_lines,
    orientation,
    print_scale,
)
from mgmt_tools.pert.calendar import calendar_of
from mgmt_tools.pert.flowchart import flowchart
from mgmt_tools.pert.model import LinkType
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.summary import summary_text
from mgmt_tools.pert.view import MAX_TASKS, View, heading_lines, link_label, nested, select
from mgmt_tools.render import shorten
from mgmt_tools.render.dot import (
    THEME,
    CellStyle,
    Html,
    attributes,
    cell,
    defaults,
    escape,
    heading,
    stacked,
    wrap,
)
from mgmt_tools.render.graphviz import measure

__all__ = ["MAX_TASKS", "direction", "render", "summary_text", "to_dot", "to_mermaid", "to_svg"]

_LABEL_ANGLE, _LABEL_DISTANCE = -35, 1.4  # a link's type: above the line, before the arrow
_MEASURED = 200  # auto lays out both directions up to this many tasks, else estimates
_TITLE_COLUMNS = 60  # display columns of a title line
_GROUP_NAME = 40  # characters of a group's name in its cluster's label


# --- DOT --------------------------------------------------------------------------------------


def _box(result: Schedule, numbers: Figures, task: int) -> Html:
    """The standard AON box: ES | duration | EF, the name, LS | total float | LF."""
    plan = result.plan
    critical = bool(result.critical[task])
    milestone = bool(plan.milestone[task]) or plan.duration[task] == 0
    border = THEME.accent if critical else THEME.line
    band = THEME.accent_fill if critical else THEME.band_fill
    ink = THEME.accent if critical else THEME.ink

    def row(*values: str) -> str:
        return (
            "<TR>"
            + "".join(cell(v, width=30, cellpadding=1, bgcolor=band, color=ink) for v in values)
            + "</TR>"
        )

    task_id, name = plan.ids[task], plan.names[task]
    lines: list[tuple[str, CellStyle]] = [
        (escape(line), {"colspan": 3, "bold": critical}) for line in name_lines(name)
    ]
    if milestone:
        lines[0] = ("◆ " + lines[0][0], lines[0][1])
    if task_id != name:
        lines.insert(0, (escape(task_id), {"colspan": 3, "color": THEME.muted}))
    # A milestone's box is rounded and drawn with a double rule (CELLSPACING shows the gap).
    style = ' STYLE="rounded" CELLSPACING="2"' if milestone else ' CELLSPACING="0"'
    return Html(
        f'<TABLE BORDER="{2 if critical else 1}" CELLBORDER="1"{style} CELLPADDING="2"'
        f' COLOR="{border}" BGCOLOR="{THEME.fill}">'
        + row(escape(numbers.es[task]), numbers.duration[task], escape(numbers.ef[task]))
        + stacked(lines)
        + row(escape(numbers.ls[task]), numbers.total_float[task], escape(numbers.lf[task]))
        + "</TABLE>"
    )


def _key(notes: list[str]) -> str:
    """Under the title: ``notes`` (the duration and dates, why tasks are missing), the colours
    of critical and slack, then what a box holds (one column of left-aligned lines: a nested
    table would stretch to the title's width). The notes are muted like the key and as large:
    a wide network fitted to A4 prints a 9-pt note below 6 pt where the boxes still read."""
    es, ef = pgettext("diagram key", "ES"), pgettext("diagram key", "EF")
    ls, lf = pgettext("diagram key", "LS"), pgettext("diagram key", "LF")
    duration, total_float = _("duration"), _("total float")
    task = pgettext("diagram key", "task")
    box = f"{es} | {duration} | {ef}   ·   {task}   ·   {ls} | {total_float} | {lf}"
    critical, slack = escape(_("critical")), escape(_("with slack"))
    colours = (
        f'<FONT COLOR="{THEME.accent}">━━ {critical}</FONT>     '
        f'<FONT COLOR="{THEME.line}">━━ {slack}</FONT>'
    )
    rows = [escape(note) for note in notes] + [colours, escape(box)]
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(f"<TR>{cell(row, align='LEFT', color=THEME.muted)}</TR>" for row in rows)
        + "</TABLE>"
    )


def _heading(result: Schedule, numbers: Figures, note: str | None) -> dict[str, Html | str]:
    """The heading as the Gantt chart's: the project (up to two lines) as the title, then
    muted under it the duration and the dates, the simplification note and the key."""
    project, span = heading_lines(result, numbers.decimals)
    notes = [span] + ([note] if note else [])
    return heading(wrap(project, _TITLE_COLUMNS, 2), [], _key(notes))


def to_dot(
    result: Schedule,
    *,
    max_tasks: int = MAX_TASKS,
    rankdir: str = "auto",
    precision: int | None = None,
) -> str:
    """The activity-on-node diagram as DOT text (deterministic: same schedule, same bytes).

    Parameters
    ----------
    result
        The schedule to draw.
    max_tasks
        Above this many tasks only the critical paths and their neighbours are drawn (only
        the paths when those are more than ``2 * max_tasks``), with a note saying so.
    rankdir
        ``LR`` (left to right), ``TB`` (top to bottom) or ``auto``: the one that prints larger
        on A4 and on a slide (:func:`mgmt_tools.pert.aon.orientation`).
    precision
        Decimals of the numbers in the boxes; by default the fewest (up to 2) that write every
        number shown exactly, else 1 (:func:`mgmt_tools.pert.aon.default_precision`). With a
        start date, ES, EF, LS and LF are dates.

    The direction of ``auto`` is estimated (:func:`mgmt_tools.pert.aon.orientation`), never
    measured by Graphviz, so that the text is the same on every machine; :func:`render`
    measures both layouts.
    """
    return _drawn(result, max_tasks, rankdir, precision, measured=False)


def _drawn(
    result: Schedule, max_tasks: int, rankdir: str, precision: int | None, *, measured: bool
) -> str:
    view = select(result, max_tasks)
    numbers = figures(result, precision)
    chosen = (
        direction(result, view, numbers, rankdir)
        if measured
        else orientation(result, view, numbers, rankdir)
    )
    return _dot(result, view, numbers, chosen)


def to_mermaid(
    result: Schedule,
    *,
    max_tasks: int = MAX_TASKS,
    rankdir: str = "auto",
    precision: int | None = None,
) -> str:
    """The diagram as a Mermaid ``flowchart LR`` (or ``TB``: ``rankdir`` as in
    :func:`to_dot`, ``auto`` estimated without Graphviz), numbers to ``precision`` decimals
    and dates when the plan has a start; simplified like :func:`to_dot` when big."""
    view = select(result, max_tasks)
    numbers = figures(result, precision)
    return flowchart(result, view, numbers, orientation(result, view, numbers, rankdir))


def direction(result: Schedule, view: View, numbers: Figures, rankdir: str) -> Rankdir:
    """``LR`` or ``TB`` for ``rankdir`` (any case); for ``auto`` the one that prints larger on
    the smaller of an A4 page (best way up) and a slide, left to right unless top to bottom
    prints 5 % larger. Both are laid out by Graphviz when it is installed and the diagram has
    at most :data:`_MEASURED` tasks, else estimated (:func:`mgmt_tools.pert.aon.orientation`)."""
    if rankdir.upper() != "AUTO" or len(view.tasks) > _MEASURED:
        return orientation(result, view, numbers, rankdir)
    across = measure(_dot(result, view, numbers, "LR"))
    down = measure(_dot(result, view, numbers, "TB"))
    if across is None or down is None:
        return orientation(result, view, numbers, rankdir)
    return "TB" if print_scale(*down) > print_scale(*across) * PREFER_LR else "LR"


def _dot(result: Schedule, view: View, numbers: Figures, rankdir: Rankdir) -> str:
    plan = result.plan
    lines = ["digraph pert {"]
    lines += [
        "  " + line
        for line in defaults(
            THEME,
            node={"shape": "plain"},
            edge={},
            rankdir=rankdir,
            nodesep=NODESEP,
            ranksep=RANKSEP,
            **_heading(result, numbers, view.note),
        )
    ]
    boxes = {
        task: f"t{task} {attributes({'label': _box(result, numbers, task)})}"
        for task in view.tasks.tolist()
    }
    if plan.group_ids and view.note is None:
        lines += _clusters(result, numbers, boxes)
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
        text = link_label(int(kinds[link]), float(lags[link]), numbers.decimals)
        if text is not None:  # a label is kept clear of the boxes (an xlabel is not)
            values["label"] = Html(escape(text))
            values["fontcolor"] = THEME.accent if spine else THEME.muted
        if spine:  # heavy weight keeps the critical path straight and short
            values.update(color=THEME.accent, penwidth=2.2, weight=8)
        elif not result.driving[link]:
            values["color"] = THEME.faint
        lines.append(f"  t{head} -> t{tail}" + (f" {attributes(values)}" if values else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _clusters(result: Schedule, numbers: Figures, boxes: dict[int, str]) -> list[str]:
    """The boxes nested in one cluster per group, labelled with the group's name and times."""
    plan = result.plan
    times = result.group_times()
    calendar = calendar_of(plan)
    if calendar is not None:
        starts, finishes = dates(calendar, times.es, times.ef)
    else:
        starts = [numbers.number(v) for v in times.es.tolist()]
        finishes = [numbers.number(v) for v in times.ef.tolist()]

    def opening(group: int) -> list[str]:
        critical = bool(times.critical[group])
        label = _("{name}  ({start} to {finish}, float {float})").format(
            name=shorten(plan.group_names[group], _GROUP_NAME),
            start=starts[group],
            finish=finishes[group],
            float=numbers.number(float(times.total_float[group])),
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


def render(
    result: Schedule,
    fmt: str,
    *,
    max_tasks: int = MAX_TASKS,
    rankdir: str = "auto",
    precision: int | None = None,
) -> bytes:
    """The diagram rendered by Graphviz ``dot`` as ``fmt`` (svg, png or pdf); the errors are
    those of :func:`mgmt_tools.render.graphviz.pipe` (ValueError for another format,
    GraphvizNotFoundError without Graphviz: write :func:`to_dot` instead)."""
    from mgmt_tools.render.graphviz import pipe

    tasks = len(result.es)
    return pipe(
        _drawn(result, max_tasks, rankdir, precision, measured=True),
        fmt,
        diagram=ngettext(
            "the network of {count} task", "the network of {count} tasks", tasks
        ).format(count=f"{tasks:,}"),
        simpler=_("--max-diagram-tasks N (above N tasks: the critical paths and their neighbours)"),
    )


def to_svg(
    result: Schedule,
    *,
    max_tasks: int = MAX_TASKS,
    rankdir: str = "auto",
    precision: int | None = None,
) -> str:
    """The diagram as SVG text (see :func:`render`)."""
    return render(result, "svg", max_tasks=max_tasks, rankdir=rankdir, precision=precision).decode(
        "utf-8"
    )
