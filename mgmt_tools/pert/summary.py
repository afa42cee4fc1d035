"""The readable summary ``mgmt pert PLAN`` prints: header, task table, critical paths, PERT
statistics."""

from __future__ import annotations

from mgmt_tools.pert.result import Schedule
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
    return terminal("\n".join(lines) + "\n")
