"""A report section reads an Excel workbook where its method reads CSV: its input (a pert plan,
a sheet picked by name or number with ``sheet``) and a file option (fishbone's counts).

The workbooks are made here with openpyxl from the same rows as the CSV files beside them, so
a section on the workbook must give exactly the result of the section on the CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from mgmt_cli.main import cli
from mgmt_tools import locale
from mgmt_tools.errors import InputError
from mgmt_tools.report import load, loads
from mgmt_tools.report.build import build_sections, run_section

from ..conftest import EXAMPLES
from ..helpers import written

PLAN = EXAMPLES / "pert" / "account-opening.csv"


def _cell(text: str) -> Any:
    """A CSV cell as Excel would hold it: a number as a number, other text as text."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text or None


def _workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    book = Workbook()
    book.remove(book.worksheets[0])
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([_cell(text) for text in row])
    book.save(path)
    return path


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with the pert plan as CSV and as a workbook whose second sheet, Tasks, holds it
    (the first sheet, Notes, is not a plan)."""
    written(tmp_path / "plan.csv", PLAN.read_text(encoding="utf-8"))
    notes = [["note"], ["Account opening plan, Q3"]]
    _workbook(tmp_path / "plan.xlsx", {"Notes": notes, "Tasks": _rows(PLAN)})
    return tmp_path


def _result(folder: Path, section: str) -> dict[str, Any]:
    report = written(folder / "r.yaml", f"title: R\nsections:\n  - {section}\n")
    [built] = build_sections(report, load(report))
    return dict(built.result)


@pytest.mark.parametrize("sheet", ["Tasks", 2, "'2'"])
def test_a_pert_section_reads_a_sheet_as_the_csv(folder: Path, sheet: object) -> None:
    options = "options: {deadline: 8, simulate: 500, seed: 1}"
    from_csv = _result(folder, f"{{method: pert, input: plan.csv, {options}}}")
    from_sheet = _result(folder, f"{{method: pert, input: plan.xlsx, sheet: {sheet}, {options}}}")
    assert from_sheet == from_csv
    # REQ 1 + DOCS (1 + 4*2 + 5)/6 + CHECK 1 + APPROVE 1 + OPEN 1 (TRAIN starts with OPEN)
    assert from_csv["duration"] == pytest.approx(1 + 14 / 6 + 3)
    assert from_csv["simulation"]["trials"] == 500


def test_the_first_sheet_is_read_without_sheet(folder: Path) -> None:
    _workbook(folder / "first.xlsx", {"Plan": _rows(PLAN), "Other": [["x"]]})
    from_csv = _result(folder, "{method: gantt, input: plan.csv}")
    assert _result(folder, "{method: gantt, input: first.xlsx}") == from_csv


FISHBONE = """\
title: Slow SME credit approval
effect: Approval takes 18 days instead of 7
categories:
  People: [Analysts overloaded, Incomplete files]
  Methods: [Duplicate document checks, Sequential sign-offs]
"""

COUNTS = [
    ["reason", "cost"],
    ["Incomplete files", "1200"],
    ["Analysts overloaded", "800.5"],
    ["Incomplete files", "300"],
    ["Duplicate document checks", "150"],
    ["Sequential sign-offs", "90"],
]


def test_fishbone_counts_from_a_workbook(tmp_path: Path) -> None:
    written(tmp_path / "causes.yaml", FISHBONE)
    written(tmp_path / "counts.csv", "".join(",".join(row) + "\n" for row in COUNTS))
    _workbook(tmp_path / "counts.xlsx", {"Log": COUNTS})
    options = "column: reason, weight: cost, highlight: 2"
    section = "{{method: fishbone, input: causes.yaml, options: {{counts: {name}, {options}}}}}"
    from_csv = _result(tmp_path, section.format(name="counts.csv", options=options))
    from_sheet = _result(tmp_path, section.format(name="counts.xlsx", options=options))
    assert from_sheet == from_csv
    top = from_csv["ranked"][0]  # Incomplete files: 1200 + 300 of 2540.5 in all
    assert (top["cause"], top["count"]) == ("Incomplete files", 1500)
    assert top["percent"] == pytest.approx(100 * 1500 / 2540.5)


def test_a_file_option_names_a_table() -> None:
    text = (
        "title: R\nsections:\n  - method: fishbone\n    input: c.yaml\n"
        "    options: {counts: counts.ods}\n"
    )
    with pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    assert str(caught.value) == (
        "r.yaml:5:23: sections[0].options.counts: 'counts.ods' is not named as a table "
        "(CSV or Excel workbook): its name must end in .csv, .txt, .xlsx, .xlsm"
    )


def test_a_workbook_input_where_csv_is_read() -> None:
    model = loads("title: R\nsections: [{method: pareto, input: log.XLSX, sheet: 3}]\n")
    assert model.sections[0].sheet == 3
    with pytest.raises(InputError) as caught:  # decision reads no CSV, so no workbook either
        loads("title: R\nsections: [{method: decision, input: tree.xlsx}]\n", source="r.yaml")
    assert str(caught.value) == (
        "r.yaml:2:38: sections[0].input: 'tree.xlsx' is not named as an input of decision: "
        "its name must end in .yaml, .yml, .json"
    )


def test_a_missing_sheet_is_placed_at_the_section(folder: Path) -> None:
    report = written(
        folder / "r.yaml",
        "title: R\nsections:\n  - {method: pert, input: plan.csv}\n"
        "  - method: pert\n    input: plan.xlsx\n    sheet: Taks\n",
    )
    with pytest.raises(InputError) as caught:
        build_sections(report, load(report))
    assert str(caught.value) == (
        f"{report}:6:12: sections[1].sheet: no sheet 'Taks' in the workbook "
        "(sheets: Notes, Tasks) (did you mean 'Tasks'?)"
    )
    written(report, "title: R\nsections: [{method: pert, input: plan.xlsx, sheet: 3}]\n")
    with pytest.raises(InputError) as caught:
        build_sections(report, load(report))
    assert str(caught.value) == (
        f"{report}:2:52: sections[0].sheet: no sheet number 3: the workbook has 2 "
        "(sheets: Notes, Tasks)"
    )


def test_a_missing_sheet_without_the_report_file(folder: Path) -> None:
    model = loads("title: R\nsections: [{method: pert, input: plan.xlsx, sheet: Plan}]\n")
    with pytest.raises(InputError) as caught:
        run_section(folder / "r.yaml", model.sections[0])  # a model made in a program
    assert str(caught.value) == (
        "<input>: sections[0].sheet: no sheet 'Plan' in the workbook (sheets: Notes, Tasks)"
    )


def test_the_workbook_s_own_problems_stay_in_the_workbook(folder: Path) -> None:
    written(folder / "text.xlsx", PLAN.read_text(encoding="utf-8"))  # CSV named .xlsx
    report = written(
        folder / "r.yaml", "title: R\nsections: [{method: pert, input: text.xlsx, sheet: 2}]\n"
    )
    with pytest.raises(InputError) as caught:
        build_sections(report, load(report))
    assert str(caught.value).startswith(
        f"{folder / 'text.xlsx'}: (top level): not an Excel workbook"
    )
    _workbook(folder / "bad.xlsx", {"Tasks": [["id", "duration"], ["A", "soon"]]})
    written(report, "title: R\nsections: [{method: pert, input: bad.xlsx, sheet: Tasks}]\n")
    with pytest.raises(InputError) as caught:
        build_sections(report, load(report))
    assert str(caught.value).startswith(f"{folder / 'bad.xlsx'}:Tasks!B2: tasks[0].duration: ")


def test_sheet_only_for_a_workbook() -> None:
    text = (
        "title: R\nsections:\n  - {method: pert, input: plan.yaml, sheet: Tasks}\n"
        "  - {method: pareto, input: log.csv, sheet: 1}\n"
        "  - {method: pareto, input: log.xlsx, sheet: 1}\n"
    )
    with pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    assert str(caught.value).splitlines() == [
        "r.yaml:3:45: sections[0].sheet: sheet names a sheet of an Excel workbook "
        "(.xlsx, .xlsm); the input 'plan.yaml' is not one",
        "r.yaml:4:45: sections[1].sheet: sheet names a sheet of an Excel workbook "
        "(.xlsx, .xlsm); the input 'log.csv' is not one",
    ]


def test_a_sheet_is_a_name_or_a_number_from_1() -> None:
    text = "title: R\nsections:\n" + "".join(
        f"  - {{method: pareto, input: log.xlsx, sheet: {value}}}\n"
        for value in ("0", "true", "2.5", "''", "[1]")
    )
    with pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    message = "a sheet is its name or its number from 1"
    assert str(caught.value).splitlines() == [
        f"r.yaml:3:46: sections[0].sheet: {message}, got '0'",
        f"r.yaml:4:46: sections[1].sheet: {message}, got true",
        f"r.yaml:5:46: sections[2].sheet: {message}, got '2.5'",
        f"r.yaml:6:46: sections[3].sheet: {message}, got ''",
        f"r.yaml:7:46: sections[4].sheet: {message}",
    ]


def test_sheet_problems_in_chinese(folder: Path) -> None:
    with locale.using("zh"), pytest.raises(InputError) as caught:
        loads("title: R\nsections: [{method: pert, input: p.yaml, sheet: 2}]\n", source="r.yaml")
    assert str(caught.value) == (
        "r.yaml:2:49: sections[0].sheet: sheet 指定的是 Excel 工作簿（.xlsx、.xlsm）中的工作表；"
        "输入 'p.yaml' 不是工作簿"
    )
    with locale.using("zh"), pytest.raises(InputError) as caught:
        loads("title: R\nsections: [{method: pareto, input: a.xlsx, sheet: 0}]\n", source="r.yaml")
    assert str(caught.value) == (
        "r.yaml:2:51: sections[0].sheet: 工作表应为其名称或从 1 起的序号，实际为 '0'"
    )
    report = written(
        folder / "r.yaml", "title: R\nsections: [{method: pert, input: plan.xlsx, sheet: 计划}]\n"
    )
    result = CliRunner().invoke(
        cli, ["report", str(report), "-o", str(folder / "r.html"), "--lang", "zh"]
    )
    assert result.exit_code == 1
    assert (
        f"{report}:2:52: sections[0].sheet: 工作簿中没有工作表 '计划'（工作表：Notes, Tasks）"
        in result.output
    )


def test_the_report_command_with_a_sheet(folder: Path) -> None:
    report = written(
        folder / "r.yaml",
        "title: R\nsections: [{method: pert, input: plan.xlsx, sheet: Tasks, title: Plan}]\n",
    )
    result = CliRunner().invoke(cli, ["report", str(report), "-o", str(folder / "r.html")])
    assert result.exit_code == 0, result.output
    assert "<svg" in (folder / "r.html").read_text(encoding="utf-8")
