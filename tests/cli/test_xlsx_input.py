"""Excel workbooks in: every method that reads a CSV table reads the same table from a sheet
(`--sheet`, `--input-format xlsx`), gives the same JSON as from the CSV file, and places a
bad cell at Excel's row and column letter; text files in GBK are read without --encoding."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import EXAMPLES
from tests.helpers import mgmt


def typed(cell: str) -> Any:
    """A CSV cell as Excel would hold it once typed in: a number, a date, or text."""
    if cell == "":
        return None
    try:
        number = float(cell)
    except ValueError:
        pass
    else:
        return int(number) if number.is_integer() else number
    try:
        return dt.datetime.fromisoformat(cell)
    except ValueError:
        return cell


def workbook_of(csv_text: str, path: Path, title: str = "Sheet1", before: int = 0) -> Path:
    """``path``: a workbook with the CSV table on sheet ``title``, after ``before`` other
    sheets, its cells typed (numbers, dates) as in Excel."""
    book = openpyxl.Workbook()
    del book["Sheet"]  # the default sheet
    for number in range(before):
        book.create_sheet(f"Notes{number + 1}").append(["not the table"])
    sheet = book.create_sheet(title)
    for row in csv.reader(io.StringIO(csv_text)):
        sheet.append([typed(cell) for cell in row])
    book.save(path)
    return path


def run_json(*args: str, stdin: bytes | None = None) -> Any:
    code, out, err = mgmt(*args, "--json", stdin=stdin)
    assert code == 0, err
    return json.loads(out)


def same_json(csv_args: tuple[str, ...], xlsx_args: tuple[str, ...], names: dict[str, str]) -> None:
    """The JSON of the workbook run equals the CSV run's, file names aside."""
    from_csv = json.dumps(run_json(*csv_args), ensure_ascii=False)
    from_xlsx = json.dumps(run_json(*xlsx_args), ensure_ascii=False)
    for xlsx_name, csv_name in names.items():
        from_xlsx = from_xlsx.replace(xlsx_name, csv_name)
    assert json.loads(from_xlsx) == json.loads(from_csv)


def test_pert_reads_a_sheet_as_the_csv(tmp_path: Path) -> None:
    plan = EXAMPLES / "pert" / "account-opening.csv"
    book = workbook_of(plan.read_text(encoding="utf-8"), tmp_path / "plan.xlsx", "Tasks", 1)
    same_json(("pert", str(plan)), ("pert", str(book), "--sheet", "Tasks"), {str(book): str(plan)})
    same_json(("gantt", str(plan)), ("gantt", str(book), "--sheet", "2"), {str(book): str(plan)})


def test_pareto_reads_a_sheet_with_dates_and_from_stdin(tmp_path: Path) -> None:
    records = EXAMPLES / "pareto" / "complaints.csv"
    text = records.read_text(encoding="utf-8")
    book = workbook_of(text, tmp_path / "complaints.xlsx")
    options = ("--column", "reason", "--weight", "cost")
    same_json(("pareto", str(records), *options), ("pareto", str(book), *options), {})
    by_date = run_json("pareto", str(book), "--column", "date")  # dates read back as ISO
    first = next(csv.DictReader(io.StringIO(text)))["date"]
    assert first in json.dumps(by_date)
    piped = run_json("pareto", "-", "--input-format", "xlsx", *options, stdin=book.read_bytes())
    assert piped == run_json("pareto", str(records), *options)


def test_rank_reads_items_from_a_sheet_and_a_sheet_named_by_a_backlog(tmp_path: Path) -> None:
    table = "name,value,effort\n开户提速,8,2\n网点改造,3,9\n手机银行,6,3\n"
    items = tmp_path / "items.csv"
    items.write_text(table, encoding="utf-8")
    book = workbook_of(table, tmp_path / "items.xlsx")
    method = ("--method", "value_effort")
    same_json(("rank", str(items), *method), ("rank", str(book), *method), {str(book): str(items)})
    backlog = tmp_path / "backlog.yaml"
    backlog.write_text("method: value_effort\nitems: items.xlsx\n", encoding="utf-8")
    from_yaml = run_json("rank", str(backlog))
    assert [row["item"] for row in from_yaml["ranking"]] == [
        row["item"] for row in run_json("rank", str(items), *method)["ranking"]
    ]


def test_index_reads_the_alternatives_from_a_workbook(tmp_path: Path) -> None:
    folder = EXAMPLES / "index"
    index = (folder / "prospects.yaml").read_text(encoding="utf-8")
    table = (folder / "prospects.csv").read_text(encoding="utf-8")
    workbook_of(table, tmp_path / "prospects.xlsx")
    shutil.copy(folder / "prospects.csv", tmp_path / "prospects.csv")
    from_csv = tmp_path / "from-csv.yaml"
    from_csv.write_text(index, encoding="utf-8")
    from_xlsx = tmp_path / "from-xlsx.yaml"
    from_xlsx.write_text(index.replace("prospects.csv", "prospects.xlsx"), encoding="utf-8")
    same_json(("index", str(from_csv)), ("index", str(from_xlsx)), {})


def test_fishbone_counts_from_a_workbook(tmp_path: Path) -> None:
    table = "原因,次数\n短信通知延迟,5\n催收话术生硬,3\n短信通知延迟,4\n"
    counts = tmp_path / "counts.csv"
    counts.write_text(table, encoding="utf-8")
    book = workbook_of(table, tmp_path / "counts.xlsx", "统计")
    fishbone = str(EXAMPLES / "fishbone" / "card-complaints-zh.yaml")
    options = ("--column", "原因", "--count", "次数")
    same_json(
        ("fishbone", fishbone, "--counts", str(counts), *options),
        ("fishbone", fishbone, "--counts", str(book), *options),
        {},
    )


def test_a_workbook_on_stdin_is_told_by_its_content(tmp_path: Path) -> None:
    plan = EXAMPLES / "pert" / "account-opening.csv"
    book = workbook_of(plan.read_text(encoding="utf-8"), tmp_path / "plan.xlsx")
    from_stdin = run_json("pert", "-", stdin=book.read_bytes())
    assert from_stdin == run_json("pert", "-", "--input-format", "xlsx", stdin=book.read_bytes())
    assert from_stdin["duration"] == run_json("pert", str(plan))["duration"]


def test_a_bad_cell_is_placed_at_its_row_and_column_letter(tmp_path: Path) -> None:
    book = workbook_of(
        "id,name,duration,depends_on\nA,尽调,3,\nB,审批,two,A\nC,放款,-1,B\n",
        tmp_path / "plan.xlsx",
        "Sheet1",
    )
    code, _, err = mgmt("pert", str(book))
    assert code == 1
    assert f"{book}:Sheet1!C3: tasks[1].duration: not a number: 'two'" in err
    assert f"{book}:Sheet1!C4: tasks[2].duration: " in err
    code, _, err = mgmt("pert", str(book), "--lang", "zh")
    assert code == 1
    assert f"{book}:Sheet1!C3: tasks[1].duration: " in err


def test_bad_index_alternatives_cell_is_placed_in_its_workbook(tmp_path: Path) -> None:
    workbook_of("name,revenue\n华信,420\n东港,abc\n", tmp_path / "alts.xlsx", "Data")
    index = tmp_path / "index.yaml"
    index.write_text("criteria: [{id: revenue, weight: 1}]\nalternatives: alts.xlsx\n", "utf-8")
    code, _, err = mgmt("index", str(index))
    assert code == 1
    assert f"{tmp_path / 'alts.xlsx'}:Data!B3: alternatives[1].revenue: " in err


def test_a_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    book = workbook_of("reason\nwait\n", tmp_path / "c.xlsx", "Complaints", 1)
    code, _, err = mgmt("pareto", str(book), "--column", "reason", "--sheet", "Complaint")
    assert code == 1
    assert err.strip() == (
        f"{book}: (top level): no sheet 'Complaint' in the workbook (sheets: Notes1, "
        "Complaints) (did you mean 'Complaints'?)"
    )
    code, _, err = mgmt("pareto", str(book), "--column", "reason", "--sheet", "5", "--lang", "zh")
    assert code == 1
    assert err.strip() == (
        f"{book}: (top level): 没有第 5 个工作表：工作簿共有 2 个（工作表：Notes1, Complaints）"
    )


def test_sheet_with_a_csv_input_is_a_usage_error(tmp_path: Path) -> None:
    table = tmp_path / "c.csv"
    table.write_text("reason\nwait\n", encoding="utf-8")
    code, _, err = mgmt("pareto", str(table), "--column", "reason", "--sheet", "1")
    assert code == 2
    assert "--sheet names a sheet of an Excel workbook" in err


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"id,duration\nA,1\n", "the file holds text (a CSV file named .xlsx?)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Excel 97-2003 workbook (.xls)"),
    ],
)
def test_not_a_workbook_is_one_clear_line(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    code, _, err = mgmt("pert", str(path))
    assert code == 1
    assert words in err
    assert "Traceback" not in err


def test_xlsx_is_an_input_format_where_csv_is() -> None:
    assert "xlsx" in mgmt("pert", "--help").out
    assert "--sheet" in mgmt("pareto", "--help").out
    assert "--sheet" not in mgmt("decision", "--help").out


# --- encodings --------------------------------------------------------------------------------


def test_gbk_csv_is_read_without_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("原因\n排队时间长\n利率不透明\n排队时间长\n".encode("gbk"))
    data = run_json("pareto", str(path), "--column", "原因")
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text("原因\n排队时间长\n利率不透明\n排队时间长\n", encoding="utf-8")
    assert data == run_json("pareto", str(utf8), "--column", "原因")


def test_index_alternatives_in_gbk_are_detected(tmp_path: Path) -> None:
    (tmp_path / "alts.csv").write_bytes("name,revenue\n华信精密,420\n东港冷链,185\n".encode("gbk"))
    index = tmp_path / "index.yaml"
    index.write_text("criteria: [{id: revenue, weight: 1}]\nalternatives: alts.csv\n", "utf-8")
    data = run_json("index", str(index))
    assert "华信精密" in json.dumps(data, ensure_ascii=False)


def test_unsure_bytes_say_which_encoding_to_give(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("reason\nMüller\n".encode("cp1252"))
    code, _, err = mgmt("pareto", str(path), "--column", "reason")
    assert code == 1
    assert f"{path}:2: (top level): not valid UTF-8 text, nor clearly Chinese GBK text" in err
    assert run_json("pareto", str(path), "--column", "reason", "--encoding", "cp1252")
