"""Tabular export of a schedule: one CSV row per task with every computed column."""

from __future__ import annotations

import csv
import io

from mgmt_tools.pert.result import Schedule
from mgmt_tools.render.escape import cells

__all__ = ["CSV_RESULT_COLUMNS", "to_csv"]

CSV_RESULT_COLUMNS = (
    "id",
    "name",
    "duration",
    "es",
    "ef",
    "ls",
    "lf",
    "total_float",
    "free_float",
    "critical",
    "start_date",
    "finish_date",
)


def to_csv(result: Schedule, *, raw_cells: bool = False) -> str:
    """The schedule as CSV (RFC 4180, UTF-8), in input order; dates empty without a start.
    Ids and names are written by :func:`~mgmt_tools.render.escape.cells`: one a spreadsheet
    would run as a formula gets a leading ``'``, unless ``raw_cells``.

    >>> from mgmt_tools.pert import from_dict, schedule
    >>> print(to_csv(schedule(from_dict({"tasks": [{"id": "A", "duration": 2}]}))), end="")
    id,name,duration,es,ef,ls,lf,total_float,free_float,critical,start_date,finish_date
    A,A,2.0,0.0,2.0,0.0,2.0,0.0,0.0,true,,
    """
    plan = result.plan
    empty = [""] * plan.task_count
    columns = [
        cells(plan.ids, raw_cells),
        cells(plan.names, raw_cells),
        plan.duration.tolist(),
        result.es.tolist(),
        result.ef.tolist(),
        result.ls.tolist(),
        result.lf.tolist(),
        result.total_float.tolist(),
        result.free_float.tolist(),
        ["true" if c else "false" for c in result.critical.tolist()],
        result.start_dates or empty,
        result.finish_dates or empty,
    ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_RESULT_COLUMNS)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue()
