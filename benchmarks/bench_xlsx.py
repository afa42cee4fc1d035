"""Time writing a schedule's table as an Excel workbook against writing it as CSV.

    python benchmarks/bench_xlsx.py [--quick] [--repeat N] [--tasks N]

The workbook (:mod:`mgmt_tools.render.xlsx`, openpyxl) of a result with N tasks of 12 columns,
a third of them critical (highlighted), beside ``csv.writer`` writing the same rows to memory in
this process. Excel's own limit is 1,048,576 rows a sheet, so the default is 100,000 tasks
(1.2 million cells); the target is a workbook in under 60 s there (openpyxl writes some tens
of thousands of cells a second: a workbook is for reading in Excel, CSV for big data).

``--quick`` runs 10,000 tasks.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Row, arguments, peak_mib, print_table, timed
from mgmt_tools.render.xlsx import result_sheets, workbook

TARGET_SECONDS = 60.0


def result_of(count: int) -> dict[str, Any]:
    """A schedule's JSON form with ``count`` tasks."""
    tasks = [
        {
            "id": f"T{number}",
            "name": f"Task {number}",
            "duration": 1.5,
            "es": float(number),
            "ef": number + 1.5,
            "ls": number + 0.25,
            "lf": number + 1.75,
            "total_float": 0.25 * (number % 3 != 0),
            "free_float": 0.0,
            "critical": number % 3 == 0,
            "start_date": "2027-03-01",
            "finish_date": "2027-03-02",
        }
        for number in range(count)
    ]
    return {"command": "pert", "method": "cpm", "duration": count + 1.5, "tasks": tasks}


def baseline(data: dict[str, Any]) -> str:
    """The same table written with csv.writer."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    tasks = data["tasks"]
    writer.writerow(tasks[0].keys())
    writer.writerows(task.values() for task in tasks)
    return buffer.getvalue()


def main() -> None:
    parser = arguments(__doc__, "10,000 tasks", repeat=3)
    parser.add_argument("--tasks", type=int, default=100_000)
    args = parser.parse_args()
    count = 10_000 if args.quick else args.tasks
    data = result_of(count)
    mgmt, book = timed(lambda: workbook(result_sheets(data)), args.repeat)
    base, _text = timed(lambda: baseline(data), args.repeat)
    assert book[:2] == b"PK", "not a workbook"
    peak = peak_mib(lambda: workbook(result_sheets(data)))
    passed = mgmt.median < TARGET_SECONDS * count / 100_000
    print_table(
        [
            Row(
                case="schedule table as .xlsx",
                size=f"{count:,} tasks",
                engine="openpyxl",
                mgmt=mgmt,
                baseline=base,
                target=f"< {TARGET_SECONDS:.0f} s at 100k",
                passed=passed,
                peak=f"{peak:.0f} MiB",
            )
        ],
        "csv.writer",
    )
    if not passed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
