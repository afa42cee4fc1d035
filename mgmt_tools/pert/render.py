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

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools.pert.model import LinkType
from mgmt_tools.pert.result import Schedule
from mgmt_tools.render import format_number, format_table, truncate
from mgmt_tools.render import mermaid as mm
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
    transitive_reduction,
    wrap,
)

__all__ = ["FORMATS", "MAX_TASKS", "render", "summary_text", "to_dot", "to_mermaid", "to_svg"]

FORMATS = ("svg", "png", "pdf")
"""Formats :func:`render` produces."""
MAX_TASKS = 500
"""Tasks drawn in full; above this the diagram is simplified."""
_SUMMARY_LIMIT, _SUMMARY_ROWS = 200, 50
_NAME_COLUMNS = 24  # width of a box's name, in display columns
_PATH_HEAD, _PATH_TAIL = 20, 5  # tasks of a long critical path the summary spells out

IndexArray = npt.NDArray[np.int64]
_N = format_number


@dataclass(frozen=True)
class _View:
    """The tasks and links a diagram draws (input order), and why some are missing."""

    tasks: IndexArray
    links: IndexArray
    note: str | None = None


def _select(result: Schedule, max_tasks: int) -> _View:
    """All of a small plan; of a big one the critical paths, with their neighbours if few."""
    plan = result.plan
    count = plan.task_count
    if count <= max_tasks:
        return _View(np.arange(count), np.arange(plan.link_count))
    on_path = {task for path in result.critical_paths for task in path}
    core = np.array([i for i, task in enumerate(plan.ids) if task in on_path], dtype=np.int64)
    between_tasks = np.flatnonzero((plan.link_pred < count) & (plan.link_succ < count))
    pred, succ = plan.link_pred[between_tasks], plan.link_succ[between_tasks]
    kept = np.zeros(count, dtype=bool)
    kept[core] = True
    touching = kept[pred] | kept[succ]
    kept[pred[touching]] = True
    kept[succ[touching]] = True
    cap = 2 * max_tasks
    what = "critical paths and their neighbours"
    if kept.sum() > cap:
        kept[:] = False
        kept[core] = True
        what = "critical paths only"
    if kept.sum() > cap:  # one path longer than the cap: its first tasks
        first = set(result.critical_paths[0][:cap])
        kept[:] = False
        kept[[i for i, task in enumerate(plan.ids) if task in first]] = True
        what = "the start of the first critical path"
    tasks = np.flatnonzero(kept).astype(np.int64)
    note = f"Simplified: {len(tasks):,} of {count:,} tasks shown ({what}"
    note += ", without groups)" if plan.group_ids else ")"
    return _View(tasks, _reduced_links(result, kept, between_tasks), note)


def _reduced_links(
    result: Schedule, kept: npt.NDArray[np.bool_], between_tasks: IndexArray
) -> IndexArray:
    """Links among kept tasks minus those implied by others (transitive reduction); driving
    links between critical tasks stay, so the critical paths read unbroken."""
    plan = result.plan
    pred, succ = plan.link_pred, plan.link_succ
    links = between_tasks[kept[pred[between_tasks]] & kept[succ[between_tasks]]]
    needed = transitive_reduction(
        np.flatnonzero(kept).tolist(), zip(pred[links].tolist(), succ[links].tolist(), strict=True)
    )
    spine = result.driving & result.critical[pred] & result.critical[succ]
    return np.array(
        [
            link
            for link in links.tolist()
            if spine[link] or (int(pred[link]), int(succ[link])) in needed
        ],
        dtype=np.int64,
    )


def _link_label(kind: int, lag: float) -> str | None:
    """``SS+1``, ``FF``, ``FS-1``; None for a plain finish-to-start link without lag."""
    name, amount = LinkType(kind).name, _N(lag)
    if amount == "0":  # a lag that rounds to nothing is not worth a label
        return None if kind == LinkType.FS else name
    return f"{name}{'' if amount.startswith('-') else '+'}{amount}"


def _title(result: Schedule) -> str:
    plan = result.plan
    text = f"{plan.project or 'Project'}: {_N(result.duration)} {plan.units}"
    if result.start_date is not None:
        text += f" ({result.start_date} to {result.finish_date})"
    return text


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

    box = (
        f'<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="2" COLOR="{THEME.line}">'
        f"<TR>{cells('ES', 'duration', 'EF')}</TR>"
        f"<TR>{cell('task', colspan=3, color=muted, size=small)}</TR>"
        f"<TR>{cells('LS', 'total float', 'LF')}</TR></TABLE>"
    )
    colours = (
        f'<FONT COLOR="{THEME.accent}">━━ critical</FONT>  '
        f'<FONT COLOR="{THEME.faint}">━━ with slack</FONT>'
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
    view = _select(result, max_tasks)
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
            label=_legend(_title(result), view.note),
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
        text = _link_label(int(kinds[link]), float(lags[link]))
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
    inside: dict[int, list[str]] = {}
    assert plan.task_group is not None
    for task, box in boxes.items():
        inside.setdefault(int(plan.task_group[task]), []).append(box)
    subgroups: dict[int, list[int]] = {}
    for group in range(plan.group_count):
        subgroups.setdefault(int(plan.group_parent[group]), []).append(group)

    def nest(group: int, depth: int) -> list[str]:
        pad = "  " * depth
        critical = bool(times.critical[group])
        label = (
            f"{plan.group_names[group]}  ({_N(float(times.es[group]))} to "
            f"{_N(float(times.ef[group]))}, float {_N(float(times.total_float[group]))})"
        )
        body = [
            f"{pad}subgraph cluster_g{group} {{",
            f"{pad}  graph "
            + attributes(
                {
                    "label": Html(f"<B>{escape(label)}</B>"),
                    "labeljust": "l",
                    "style": "rounded",
                    "color": THEME.accent if critical else THEME.line,
                    "fontcolor": THEME.accent if critical else THEME.muted,
                    "bgcolor": THEME.background,
                }
            ),
        ]
        body += [f"{pad}  {box}" for box in inside.get(group, [])]
        for child in subgroups.get(group, []):
            body += nest(child, depth + 1)
        return [*body, f"{pad}}}"]

    lines = ["  " + box for box in inside.get(-1, [])]
    for group in subgroups.get(-1, []):
        lines += nest(group, 1)
    return lines


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
    """The diagram rendered by Graphviz ``dot`` as ``fmt`` (svg, png or pdf).

    Raises
    ------
    ValueError
        ``fmt`` is not one of :data:`FORMATS`.
    GraphvizNotFoundError
        ``dot`` is not installed (write :func:`to_dot` instead).
    RenderError
        Graphviz failed.
    """
    from mgmt_tools.render.graphviz import pipe

    if fmt not in FORMATS:
        raise ValueError(f"pert diagrams render as {', '.join(FORMATS)}, not {fmt!r}")
    return pipe(to_dot(result, max_tasks=max_tasks), fmt)


def to_svg(result: Schedule, *, max_tasks: int = MAX_TASKS) -> str:
    """The diagram as SVG text (see :func:`render`)."""
    return render(result, "svg", max_tasks=max_tasks).decode("utf-8")


# --- Mermaid ----------------------------------------------------------------------------------


def to_mermaid(result: Schedule, *, max_tasks: int = MAX_TASKS) -> str:
    """The diagram as a Mermaid ``flowchart LR``, simplified like :func:`to_dot` when big."""
    plan = result.plan
    view = _select(result, max_tasks)
    lines = ["flowchart LR", "  " + mm.comment(_title(result))]
    if view.note is not None:  # drawn as a node of its own: Mermaid has no graph label
        note = mm.node_id(0, "note")
        lines.append(f"  {note}[{mm.label(view.note)}]")
        lines.append(f"  style {note} fill:{THEME.accent_fill},stroke:{THEME.accent}")
    nodes: dict[int, str] = {}
    for task in view.tasks.tolist():
        task_id, name = plan.ids[task], plan.names[task]
        text = mm.escape(name if task_id == name else f"{task_id}: {name}")
        numbers = (
            f"ES {_N(float(result.es[task]))} · EF {_N(float(result.ef[task]))}"
            f" · TF {_N(float(result.total_float[task]))}"
        )
        shape = ('(["', '"])') if plan.milestone[task] or plan.duration[task] == 0 else ('["', '"]')
        nodes[task] = f"{mm.node_id(task)}{shape[0]}{text}<br/>{numbers}{shape[1]}"
    grouped = bool(plan.group_ids) and view.note is None
    lines += _subgraphs(result, nodes) if grouped else ["  " + node for node in nodes.values()]
    critical = np.concatenate([result.critical, result.group_times().critical])
    spine: list[int] = []
    slack: list[int] = []
    for number, link in enumerate(view.links.tolist()):
        head, tail = int(plan.link_pred[link]), int(plan.link_succ[link])
        kind = _link_label(int(plan.link_type[link]), float(plan.link_lag[link]))
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
    assert plan.task_group is not None
    inside: dict[int, list[str]] = {}
    for task, node in nodes.items():
        inside.setdefault(int(plan.task_group[task]), []).append(node)
    subgroups: dict[int, list[int]] = {}
    for group in range(plan.group_count):
        subgroups.setdefault(int(plan.group_parent[group]), []).append(group)

    def nest(group: int, depth: int) -> list[str]:
        pad = "  " * depth
        body = [f"{pad}subgraph {mm.node_id(group, 'g')}[{mm.label(plan.group_names[group])}]"]
        body += [f"{pad}  {node}" for node in inside.get(group, [])]
        for child in subgroups.get(group, []):
            body += nest(child, depth + 1)
        return [*body, f"{pad}end"]

    lines = ["  " + node for node in inside.get(-1, [])]
    for group in subgroups.get(-1, []):
        lines += nest(group, 1)
    return lines


# --- Text summary -----------------------------------------------------------------------------


def _path_text(path: list[str]) -> str:
    if len(path) <= _PATH_HEAD + _PATH_TAIL:
        return " -> ".join(path)
    hidden = len(path) - _PATH_HEAD - _PATH_TAIL
    return " -> ".join([*path[:_PATH_HEAD], f"... ({hidden:,} more)", *path[-_PATH_TAIL:]])


def summary_text(result: Schedule, *, warnings: bool = True) -> str:
    """The readable summary ``mgmt pert PLAN`` prints: header, task table, critical paths, PERT
    statistics and (unless ``warnings`` is false, as on the command line, which prints them
    on stderr) warnings. Beyond 200 tasks the table shows the first 50 rows."""
    plan = result.plan
    count = plan.task_count
    header = f"{plan.project or 'Project'}: duration {_N(result.duration)} {plan.units}"
    if result.start_date is not None:
        header += f", {result.start_date} to {result.finish_date}"
    lines = [header, ""]
    shown = count if count <= _SUMMARY_LIMIT else _SUMMARY_ROWS
    columns = ["id", "name", "dur", "ES", "EF", "LS", "LF", "TF", "FF", "crit"]
    dated = result.start_dates is not None and result.finish_dates is not None
    if dated:
        columns += ["start", "finish"]
    arrays = (
        plan.duration,
        result.es,
        result.ef,
        result.ls,
        result.lf,
        result.total_float,
        result.free_float,
    )
    rows = []
    for task in range(shown):  # only the rows shown: no per-task objects for big plans
        row = [truncate(plan.ids[task], 16), truncate(plan.names[task], 32)]
        row += [_N(float(values[task])) for values in arrays]
        row.append("*" if result.critical[task] else "")
        if result.start_dates is not None and result.finish_dates is not None:
            row += [result.start_dates[task], result.finish_dates[task]]
        rows.append(row)
    lines += format_table(columns, rows, right=range(2, 9))
    if shown < count:
        lines.append(f"... {count - shown:,} more tasks (use --json or -o plan.csv)")
    lines.append("")
    paths = result.critical_paths
    if result.critical_path_count > len(paths):
        lines.append(f"{result.critical_path_count:,} critical paths, first {len(paths)} listed:")
    elif len(paths) > 1:
        lines.append(f"{len(paths)} critical paths:")
    if len(paths) == 1 and result.critical_path_count == 1:
        lines.append(f"Critical path: {_path_text(paths[0])}")
    else:
        lines += [f"  {number}. {_path_text(path)}" for number, path in enumerate(paths, 1)]
    if result.pert is not None:
        stats = result.pert
        lines += [
            "",
            f"PERT (normal approximation): mean {_N(stats.mean)}, sd {_N(stats.sd)} {plan.units}",
        ]
        if stats.deadline is not None and stats.probability is not None:
            lines.append(
                f"  P(T <= {_N(stats.deadline)}) = {stats.probability:.4f}"
                f" ({100 * stats.probability:.1f}%)"
            )
        quantiles = ", ".join(
            f"{_N(100 * float(q))}% {_N(value)}" for q, value in stats.quantiles.items()
        )
        lines.append(f"  quantiles: {quantiles}")
    if warnings and result.warnings:
        lines += ["", *(f"warning: {warning}" for warning in result.warnings)]
    return "\n".join(lines) + "\n"
