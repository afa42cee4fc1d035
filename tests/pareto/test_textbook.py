"""Published Pareto tables reproduced exactly (percentages as the sources print them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from mgmt_tools.pareto import ParetoItem, analyse, analyse_tally, count_categories, tally_text

from ..helpers import written

# SAS/QC User's Guide, The PARETO Procedure, "Getting Started: Creating a Pareto Chart from Raw
# Data", data set Failure1 (31 integrated-circuit failures), SAS sample library PARGS1:
# https://support.sas.com/documentation/onlinedoc/qc/ex_code/132/pargs1.html
FAILURE1 = """Corrosion
Oxide Defect
Contamination
Oxide Defect
Oxide Defect
Miscellaneous
Oxide Defect
Contamination
Metallization
Oxide Defect
Contamination
Contamination
Oxide Defect
Contamination
Contamination
Contamination
Corrosion
Silicon Defect
Miscellaneous
Contamination
Contamination
Contamination
Miscellaneous
Contamination
Contamination
Doping
Oxide Defect
Oxide Defect
Metallization
Contamination
Contamination""".splitlines()
# The frequencies PROC FREQ prints for it (data set Failure2 of PARGS2/PARGS4) and the
# percentages of the chart, to two decimals.
FAILURE_TABLE = [
    ("Contamination", 14, 45.16, 45.16),
    ("Oxide Defect", 8, 25.81, 70.97),
    ("Miscellaneous", 3, 9.68, 80.65),
    ("Corrosion", 2, 6.45, 87.10),
    ("Metallization", 2, 6.45, 93.55),
    ("Doping", 1, 3.23, 96.77),
    ("Silicon Defect", 1, 3.23, 100.00),
]


def _check(items: Sequence[ParetoItem], table: list[tuple[str, int, float, float]]) -> None:
    assert [
        (r.category, r.count, round(r.percent, 2), round(r.cumulative_percent, 2)) for r in items
    ] == [(name, float(count), pct, cum) for name, count, pct, cum in table]


def test_sas_failure1_raw_records() -> None:
    text = "Cause\n" + "\n".join(FAILURE1) + "\n"
    result = analyse_tally(tally_text(text, "Cause"))
    # ties keep first appearance: Silicon Defect (record 18) comes before Doping (record 26)
    _check(
        result.items,
        [
            *FAILURE_TABLE[:5],
            FAILURE_TABLE[6][:2] + FAILURE_TABLE[5][2:],
            FAILURE_TABLE[5][:2] + FAILURE_TABLE[6][2:],
        ],
    )
    assert result.total == 31
    # Contamination, Oxide Defect, Miscellaneous: 80.65 % >= 80 %
    assert result.vital_few == ["Contamination", "Oxide Defect", "Miscellaneous"]
    assert result.items[-1]["cumulative_percent"] == 100.0


def test_sas_failure2_frequencies(tmp_path: Path) -> None:
    # PARGS4: the same failures as (Cause, Count) rows
    path = written(
        tmp_path / "failure2.csv",
        "Cause,Count\nContamination,14\nCorrosion,2\nDoping,1\nMetallization,2\n"
        "Miscellaneous,3\nOxide Defect,8\nSilicon Defect,1\n",
    )
    counts = count_categories(str(path), "Cause", count="Count")
    result = analyse(list(counts), list(counts.values()))
    _check(result.items, FAILURE_TABLE)


# R package qcc (Scrucca), help page of pareto.chart, its example:
# defect <- c(80, 27, 66, 94, 33) named price code, schedule date, supplier code, contact num.,
# part num.; the printed "Pareto chart analysis for defect" table:
# https://rdrr.io/cran/qcc/man/pareto.chart.html
QCC_TABLE = [
    ("contact num.", 94, 31.33, 31.33),
    ("price code", 80, 26.67, 58.00),
    ("supplier code", 66, 22.00, 80.00),
    ("part num.", 33, 11.00, 91.00),
    ("schedule date", 27, 9.00, 100.00),
]


def test_qcc_pareto_chart_example() -> None:
    names = ["price code", "schedule date", "supplier code", "contact num.", "part num."]
    result = analyse(names, [80, 27, 66, 94, 33])
    _check(result.items, QCC_TABLE)
    # supplier code brings the cumulative percent to exactly 80: it reaches the cutoff
    assert result.vital == 3


@pytest.mark.parametrize(("top", "other"), [(2, 126.0), (4, 27.0)])
def test_qcc_with_other(top: int, other: float) -> None:
    names = ["price code", "schedule date", "supplier code", "contact num.", "part num."]
    result = analyse(names, [80, 27, 66, 94, 33], top=top)
    assert result.items[-1]["category"] == "Other"
    assert result.items[-1]["count"] == other
    assert sum(float(r["count"]) for r in result.items) == 300
