"""The readable summary ``mgmt pert PLAN`` prints: header, task table, critical paths, PERT
statistics."""

from __future__ import annotations

from mgmt_tools.locale import _, listed
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.words import column_names, date_words, project_words, unit_name
from mgmt_tools.render import format_number, format_table, truncate
from mgmt_tools.render.escape import terminal

__all__ = ["summary_text"]

_SUMMARY_LIMIT, _SUMMARY_ROWS = 200, 50
_PATH_HEAD, _PATH_TAIL = 20, 5  # tasks of a long critical path the summary spells out
_N = format_number


def _path_text(path: list[str]) -> str:
    if len(path) <= _PATH_HEAD + _PATH_TAIL:
        return " -> ".join(path)
    hidden = len(path) - _PATH_HEAD - _PATH_TAIL
    more = _("... ({count} more)").format(count=f"{hidden:,}")
    return " -> ".join([*path[:_PATH_HEAD], more, *path[-_PATH_TAIL:]])


def summary_text(result: Schedule, *, warnings: bool = True) -> str:
    """The readable summary ``mgmt pert PLAN`` prints: header, task table, critical paths, PERT
    statistics and (unless ``warnings`` is false, as on the command line, which prints them
    on stderr) warnings. Beyond 200 tasks the table shows the first 50 rows."""
    plan = result.plan
    count = plan.task_count
    units = unit_name(plan.units)
    fields = {"project": project_words(plan.project), "duration": _N(result.duration)}
    if result.start_date is not None:
        header = _("{project}: duration {duration} {units}, {start} to {finish}").format(
            **fields,
            units=units,
            start=date_words(result.start_date),
            finish=date_words(result.finish_date),
        )
    else:
        header = _("{project}: duration {duration} {units}").format(**fields, units=units)
    lines = [header, ""]
    shown = count if count <= _SUMMARY_LIMIT else _SUMMARY_ROWS
    dated = result.start_dates is not None and result.finish_dates is not None
    columns = column_names(dated)
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
        more = _("... {count} more tasks (use --json or -o plan.csv)")
        lines.append(more.format(count=f"{count - shown:,}"))
    lines.append("")
    paths = result.critical_paths
    if result.critical_path_count > len(paths):
        lines.append(
            _("{count} critical paths, first {listed} listed:").format(
                count=f"{result.critical_path_count:,}", listed=len(paths)
            )
        )
    elif len(paths) > 1:
        lines.append(_("{count} critical paths:").format(count=len(paths)))
    if len(paths) == 1 and result.critical_path_count == 1:
        lines.append(_("Critical path: {path}").format(path=_path_text(paths[0])))
    else:
        lines += [f"  {number}. {_path_text(path)}" for number, path in enumerate(paths, 1)]
    if result.pert is not None:
        stats = result.pert
        lines += [
            "",
            _("PERT (normal approximation): mean {mean}, sd {sd} {units}").format(
                mean=_N(stats.mean), sd=_N(stats.sd), units=units
            ),
        ]
        if stats.deadline is not None and stats.probability is not None:
            lines.append(
                _("  P(T <= {deadline}) = {probability} ({percent}%)").format(
                    deadline=_N(stats.deadline),
                    probability=f"{stats.probability:.4f}",
                    percent=f"{100 * stats.probability:.1f}",
                )
            )
        quantiles = listed(
            f"{_N(100 * float(q))}% {_N(value)}" for q, value in stats.quantiles.items()
        )
        lines.append(_("  quantiles: {quantiles}").format(quantiles=quantiles))
    if warnings and result.warnings:
        lines += ["", *(_("warning: {warning}").format(warning=w) for w in result.warnings)]
    return terminal("\n".join(lines) + "\n")
