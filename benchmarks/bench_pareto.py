"""Time the Pareto analysis against ``csv.reader`` + ``collections.Counter`` in the same process.

    python benchmarks/bench_pareto.py [--quick] [--repeat N]

Two cases (issue 8, item 5):

- a CSV of 10,000,000 raw complaint records (about 350 MB, written to a temporary directory:
  date, branch, reason, cost) analysed end to end by ``mgmt pareto DATA --column reason -o
  table.json`` in a subprocess (interpreter start and imports included); target under 6 s.
  The baseline reads the same file with ``csv.reader`` and counts with ``Counter`` in this
  process (it does not even sort or write anything).
- 10,000,000 already-coded records (int codes of 40 categories) counted with ``np.bincount``,
  sorted and cut (the analysis with ``--other-after 95``); target under 0.2 s, beside
  ``Counter`` over the same codes.

``--quick`` runs 10x smaller sizes (targets scaled).
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Row, Timing, arguments, print_table, run_process, timed
from mgmt_tools.pareto import Tally, analyse_tally

REASONS = [
    "Long wait at the counter",
    "Loan approval too slow",
    "Fees not explained",
    "Mobile app login fails",
    "Staff unfriendly",
    "Wrong interest rate",
    "Card delivery late",
    "Statement errors",
    "ATM out of cash",
    "Parking",
    "Noise",
    "Lost documents",
]
WEIGHTS = [30, 20, 12, 10, 8, 6, 5, 3, 2, 2, 1, 1]


def write_records(path: Path, rows: int, seed: int = 8) -> int:
    """Write ``rows`` raw complaint records (date, branch, reason, cost); the file's bytes."""
    rng = np.random.default_rng(seed)
    probabilities = np.array(WEIGHTS, float) / sum(WEIGHTS)
    chunk = 1_000_000
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("date,branch,reason,cost\n")
        for start in range(0, rows, chunk):
            size = min(chunk, rows - start)
            reasons = rng.choice(len(REASONS), size, p=probabilities)
            branches = rng.integers(1, 40, size)
            months = rng.integers(1, 13, size)
            days = rng.integers(1, 29, size)
            costs = rng.integers(5, 999, size)
            out.write(
                "".join(
                    f"2024-{m:02d}-{d:02d},B{b:02d},{REASONS[r]},{c}.50\n"
                    for m, d, b, r, c in zip(
                        months.tolist(),
                        days.tolist(),
                        branches.tolist(),
                        reasons.tolist(),
                        costs.tolist(),
                        strict=True,
                    )
                )
            )
    return path.stat().st_size


def csv_counter(path: Path) -> Counter[str]:
    """The baseline: the csv module and a Counter, nothing else."""
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        at = header.index("reason")
        return Counter(row[at] for row in reader)


def coded(codes: np.ndarray, size: int) -> object:
    totals = np.bincount(codes, minlength=size).astype(np.float64)
    tally = Tally([f"category {k}" for k in range(size)], totals, len(codes))
    return analyse_tally(tally, other_after=95)


def main() -> None:
    args = arguments(__doc__, "10x smaller sizes", repeat=3).parse_args()
    scale = 10 if args.quick else 1
    rows = 10_000_000 // scale
    rows_table: list[Row] = []
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "complaints.csv"
        size = write_records(path, rows)
        out = Path(directory) / "table.json"
        command = [sys.executable, "-m", "mgmt_cli", "pareto", str(path), "--column", "reason"]
        runs = [run_process([*command, "-o", str(out)], "/dev/null") for _ in range(args.repeat)]
        mgmt = Timing(runs)
        baseline, counted = timed(lambda: csv_counter(path), 1)
        import json

        result = json.loads(out.read_text(encoding="utf-8"))
        assert {r["category"]: r["count"] for r in result["items"]} == dict(counted)
        target = 6.0 / scale
        rows_table.append(
            Row(
                "raw CSV end to end",
                f"{rows:,} rows, {size / 2**20:.0f} MiB",
                "mgmt pareto (subprocess)",
                mgmt,
                baseline,
                f"< {target:g} s",
                mgmt.median < target,
                "-",
            )
        )
    rng = np.random.default_rng(3)
    categories = 40
    codes = rng.zipf(1.6, rows) % categories
    codes = codes.astype(np.int64)
    fast, _ = timed(lambda: coded(codes, categories), max(args.repeat, 5))
    slow, _ = timed(lambda: Counter(codes.tolist()), 1)
    target = 0.2 / scale
    rows_table.append(
        Row(
            "coded records",
            f"{rows:,} codes",
            "np.bincount + analyse",
            fast,
            slow,
            f"< {target:g} s",
            fast.median < target,
            "-",
        )
    )
    print_table(rows_table, "csv+Counter")


if __name__ == "__main__":
    main()
