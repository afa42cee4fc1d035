"""Reading a sheet of an Excel workbook (mgmt_tools._xlsx): cells as CSV text, Excel's places
in messages, and the files that are not workbooks, each refused with its own message."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from mgmt_tools import _xlsx, limits
from mgmt_tools._csv import SheetText, read_table
from mgmt_tools._files import load_file, read_table_text
from mgmt_tools._xlsx import cell_text, read_sheet
from mgmt_tools.errors import (
    InputError,
    NoSuchSheetError,
    OptionError,
    Problem,
    SheetSource,
    in_order,
)
from mgmt_tools.locale import using
from mgmt_tools.pert.io import FORMATS as PLAN_FORMATS
from mgmt_tools.pert.io import loads as plan_loads
from tests.helpers import mgmt


def book(*sheets: tuple[str, list[list[object]]]) -> bytes:
    """A workbook with the named sheets, each row a list of values (None: an empty cell)."""
    workbook = openpyxl.Workbook()
    del workbook["Sheet"]  # the default sheet
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for number, row in enumerate(rows, 1):
            for column, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(number, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def problems(data: bytes, sheet: str | int | None = None, source: str = "book.xlsx") -> list[str]:
    with pytest.raises(InputError) as caught:
        read_sheet(data, source, sheet)
    return [str(problem) for problem in caught.value.problems]


PLAN: list[list[object]] = [
    ["id", "name", "duration", "start", "milestone"],
    ["A", "尽职调查", 3, dt.datetime(2027, 3, 1), False],
    [None],
    ["B", "授信审批", 2.5, dt.datetime(2027, 3, 4, 9, 30), True],
    ["C", None, 0.1, dt.date(2027, 3, 8), None],
]


def test_cells_read_as_the_text_a_csv_file_holds() -> None:
    text = read_sheet(book(("Plan", PLAN)), "book.xlsx")
    table = read_table(text)
    assert isinstance(text, SheetText)
    assert table.header == ["id", "name", "duration", "start", "milestone"]
    assert table.rows == [
        ["A", "尽职调查", "3", "2027-03-01", "false"],  # a datetime at midnight is a date
        ["B", "授信审批", "2.5", "2027-03-04T09:30:00", "true"],
        ["C", "", "0.1", "2027-03-08", ""],  # shortest round-trip text
    ]
    assert table.lines == [2, 4, 5]  # Excel's rows: the empty row 3 is skipped


def test_cell_text_numbers_round_trip() -> None:
    for value in (0.1, 1 / 3, 1e-300, 123456789.125, -2.5e17):
        assert float(cell_text(value)) == value
    assert cell_text(7.0) == "7"
    assert cell_text(dt.timedelta(hours=6)) == "0.25"  # a duration: days, as Excel keeps it


def test_the_table_starts_at_its_first_column_and_row() -> None:
    rows: list[list[object]] = [[], [None, None], [None, "id", "duration"], [None, "A", 1]]
    text = read_sheet(book(("S", rows)), "book.xlsx")
    table = read_table(text)
    assert (table.header, table.rows, table.lines) == (["id", "duration"], [["A", "1"]], [4])
    problem = Problem("bad", ("tasks", 0, "duration"), text.table_source, 4, 2)
    assert str(problem) == "book.xlsx:S!C4: tasks[0].duration: bad"  # column B of the table + 1


def test_a_short_row_is_padded_to_the_header() -> None:
    table = read_table(read_sheet(book(("S", [["a", "b", "c"], ["x"]])), "b.xlsx"))
    assert table.rows == [["x", "", ""]]


def test_a_sheet_by_name_or_number() -> None:
    data = book(("Notes", [["ignored"]]), ("计划", [["id"], ["A"]]), ("2", [["id"], ["Z"]]))
    assert read_table(read_sheet(data, "b.xlsx", "计划")).rows == [["A"]]
    assert read_table(read_sheet(data, "b.xlsx", 2)).rows == [["A"]]
    assert read_table(read_sheet(data, "b.xlsx", "2")).rows == [["Z"]]  # the name first
    assert read_table(read_sheet(data, "b.xlsx", "3")).rows == [["Z"]]
    assert read_table(read_sheet(data, "b.xlsx")).rows == []  # the first sheet by default


def test_a_missing_sheet_lists_the_sheets() -> None:
    data = book(("Plan", [["id"]]), ("Notes", [["x"]]))
    assert problems(data, "Plann") == [
        "book.xlsx: (top level): no sheet 'Plann' in the workbook (sheets: Plan, Notes) "
        "(did you mean 'Plan'?)"
    ]
    assert problems(data, 3) == [
        "book.xlsx: (top level): no sheet number 3: the workbook has 2 (sheets: Plan, Notes)"
    ]
    with using("zh"):
        assert problems(data, "X") == [
            "book.xlsx: (top level): 工作簿中没有工作表 'X'（工作表：Plan, Notes）"
        ]


@pytest.mark.parametrize("sheet", ["Plann", 3, "0"])
def test_a_missing_sheet_is_its_own_error_with_the_sheet_names(sheet: str | int) -> None:
    data = book(("Plan", [["id"]]), ("Notes", [["x"]]))
    with pytest.raises(NoSuchSheetError) as caught:
        read_sheet(data, "book.xlsx", sheet)
    assert caught.value.sheets == ["Plan", "Notes"]


def test_other_workbook_problems_are_not_a_missing_sheet() -> None:
    for data in (book(("Empty", [])), b"id,duration\n"):
        with pytest.raises(InputError) as caught:
            read_sheet(data, "book.xlsx", "Empty")
        assert not isinstance(caught.value, NoSuchSheetError)


def test_an_empty_sheet() -> None:
    assert problems(book(("Empty", []))) == [
        "book.xlsx:Empty: (top level): the sheet is empty: no header row"
    ]


def _with_formulas() -> bytes:
    workbook = openpyxl.Workbook()
    del workbook["Sheet"]
    sheet = workbook.create_sheet("Sheet1")
    sheet.append(["id", "duration", "notes"])
    sheet.append(["A", 3, None])
    sheet.append(["B", "=B2*2", None])
    sheet["C7"] = "=SUM(B2:B3)"
    sheet["E3"] = "=1+1"  # beyond the header: a column the table does not have
    buffer = io.BytesIO()
    workbook.save(buffer)  # openpyxl computes nothing: no value saved with the formulas
    return buffer.getvalue()


def test_a_formula_without_a_saved_value_is_located() -> None:
    assert problems(_with_formulas()) == [
        "book.xlsx:Sheet1!B3: duration: =B2*2 has no saved value: the workbook was written by "
        "a program that does not compute formulas; open it in Excel and save it, or write "
        "values",
        "book.xlsx:Sheet1!C7: notes: =SUM(B2:B3) has no saved value: the workbook was written "
        "by a program that does not compute formulas; open it in Excel and save it, or write "
        "values",
    ]


def test_a_formula_without_a_saved_value_in_the_header_is_located() -> None:
    workbook = openpyxl.Workbook()
    del workbook["Sheet"]
    sheet = workbook.create_sheet("Sheet")
    sheet.append(["id", '="dura"&"tion"', "=A1"])  # unsaved names: were empty headers
    sheet.append(["A", 3, 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    unsaved = (
        "has no saved value: the workbook was written by a program that does not compute "
        "formulas; open it in Excel and save it, or write values"
    )
    assert problems(buffer.getvalue()) == [
        f'book.xlsx:Sheet!B1: (top level): ="dura"&"tion" {unsaved}',
        f"book.xlsx:Sheet!C1: (top level): =A1 {unsaved}",
    ]


def test_the_formula_message_in_chinese_keeps_the_place() -> None:
    with using("zh"):
        first = problems(_with_formulas())[0]
    assert first.startswith("book.xlsx:Sheet1!B3: duration: =B2*2 没有保存的计算结果：")


def _cached(value: str, kind: str) -> bytes:
    """The workbook of :func:`_with_formulas` with a value saved with B3's formula, as Excel
    saves it (``<c r="B3" t="..."><f>B2*2</f><v>...</v></c>``)."""
    source = zipfile.ZipFile(io.BytesIO(_with_formulas()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(r"<v\s*/>|<v></v>", "<v></v>", data.decode())  # however written
                text = text.replace("<f>SUM(B2:B3)</f><v></v>", "<f>SUM(B2:B3)</f><v>9</v>")
                text = text.replace("<f>1+1</f><v></v>", "<f>1+1</f><v>2</v>")
                old = '<c r="B3"><f>B2*2</f><v></v></c>'
                assert old in text
                text = text.replace(old, f'<c r="B3"{kind}><f>B2*2</f><v>{value}</v></c>')
                data = text.encode()
            target.writestr(item, data)
    return buffer.getvalue()


def test_a_formula_reads_as_its_saved_value() -> None:
    table = read_table(read_sheet(_cached("6", ""), "book.xlsx"))
    assert table.rows[1] == ["B", "6", "", "", "2"]  # E3 beyond the header: kept, as in CSV
    assert table.rows[-1] == ["", "", "9"]  # C7, the sum Excel saved


@pytest.mark.parametrize("changed", ["constructor", "class"])
def test_another_openpyxl_falls_back_to_its_public_reader(
    monkeypatch: pytest.MonkeyPatch, changed: str
) -> None:
    """openpyxl's private parser with another constructor (TypeError), or gone: the sheet is
    read with openpyxl's public reader, not a traceback."""

    class Changed:
        def __init__(self, stream: object) -> None:  # one argument less than the reader gives
            raise AssertionError("not called with the arguments of openpyxl 3.1")

    def gone() -> type:
        raise ImportError("no openpyxl.worksheet._reader")

    monkeypatch.setattr(_xlsx, "_parser_class", gone if changed == "class" else lambda: Changed)
    table = read_table(read_sheet(_cached("6", ""), "book.xlsx"))
    assert table.rows[1] == ["B", "6", "", "", "2"]
    assert table.rows[-1] == ["", "", "9"]


def test_an_error_value_reads_as_its_code_as_in_excel_csv(tmp_path: Path) -> None:
    data = _cached("#DIV/0!", ' t="e"')
    table = read_table(read_sheet(data, "book.xlsx"))
    assert table.rows[1] == ["B", "#DIV/0!", "", "", "2"]
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_file(path, plan_loads, PLAN_FORMATS)
    lines = str(caught.value).splitlines()
    assert f"{path}:Sheet1!B3: tasks[1].duration: not a number: '#DIV/0!'" in lines


def test_a_method_places_its_problems_at_the_cells(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["id", "duration", "depends_on"],
        ["A", 2, None],
        ["B", "two", "A"],
        ["C", -1, "Z"],
    ]
    path = tmp_path / "plan.xlsx"
    path.write_bytes(book(("Tasks", rows)))
    with pytest.raises(InputError) as caught:
        load_file(path, plan_loads, PLAN_FORMATS)
    lines = [str(problem) for problem in in_order(caught.value.problems)]
    assert f"{path}:Tasks!B3: tasks[1].duration: not a number: 'two'" in lines
    assert all(line.startswith(f"{path}:Tasks!") for line in lines)
    assert any(line.startswith(f"{path}:Tasks!B4: ") for line in lines), lines


def test_problem_places_in_a_sheet() -> None:
    source = SheetSource("b.xlsx", "Q1 plan")
    assert str(Problem("m", ("x",), source, 12, 28)) == "b.xlsx:'Q1 plan'!AB12: x: m"
    assert str(Problem("m", (), source, 1)) == "b.xlsx:'Q1 plan'!1:1: (top level): m"
    assert str(Problem("m", (), source)) == "b.xlsx:'Q1 plan': (top level): m"
    assert str(Problem("m", (), "plan.csv", 3, 2)) == "plan.csv:3:2: (top level): m"
    found = [Problem("c", (), source, 9, 1), Problem("b", (), source, 2, 3), Problem("a")]
    assert [p.message for p in in_order(found)] == ["a", "b", "c"]


def test_too_many_cells_is_refused() -> None:
    rows: list[list[object]] = [["id", "duration"], *([f"T{n}", n] for n in range(30))]
    data = book(("S", rows))
    with limits.using(max_cells=40):
        message = problems(data)
    assert message == [
        "book.xlsx:S!21:21: (top level): the sheet has more than 40 cells, the limit; "
        "raise it with --limit cells=N"
    ]


def test_a_cell_longer_than_the_text_limit() -> None:
    data = book(("S", [["id", "name"], ["A", "x" * 50]]))
    with limits.using(max_text=20):
        assert problems(data) == [
            "book.xlsx:S!B2: name: text of 50 characters, more than the limit of 20; raise "
            "it with --limit text=N"
        ]


# --- files that are not workbooks ---------------------------------------------------------------


def test_a_csv_file_named_xlsx() -> None:
    assert problems("id,名称\nA,尽调\n".encode()) == [
        "book.xlsx: (top level): not an Excel workbook: the file holds text (a CSV file named "
        ".xlsx?); name it .csv or give --input-format csv"
    ]
    assert "the file holds text" in problems("id,名称\nA,尽调\n".encode("gbk"))[0]


def test_an_old_xls_workbook() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "Workbook".encode("utf-16-le")
    assert problems(ole, source="old.xls") == [
        "old.xls: (top level): an old Excel 97-2003 workbook (.xls), which is not read: save it "
        "in Excel as an Excel Workbook (.xlsx) or as CSV UTF-8"
    ]


@pytest.mark.parametrize("name", ["old.xls", "OLD.XLS", "old.csv"])
def test_an_old_xls_named_anything_is_recognised(tmp_path: Path, name: str) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "Workbook".encode("utf-16-le")
    path = tmp_path / name
    path.write_bytes(ole)
    for command in (("pert", str(path)), ("pareto", str(path), "--column", "reason")):
        code, _out, err = mgmt(*command)
        assert code == 1
        assert "an old Excel 97-2003 workbook (.xls), which is not read" in err  # not "UTF-8"


def test_a_workbook_with_a_password() -> None:
    # an encrypted .xlsx is a compound file holding EncryptionInfo and EncryptedPackage
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 600
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 50
        + "EncryptedPackage".encode("utf-16-le")
    )
    (message,) = problems(ole)
    assert "protected by a password (encrypted)" in message


def test_other_zip_files() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert problems(buffer.getvalue()) == [
        "book.xlsx: (top level): a zip archive, not an Excel workbook (.xlsx): it has no "
        "workbook inside"
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert "an OpenDocument spreadsheet (.ods)" in problems(buffer.getvalue())[0]
    assert problems(b"PK\x03\x04broken") == [
        "book.xlsx: (top level): not an Excel workbook (.xlsx): the zip archive is damaged"
    ]
    assert problems(bytes(range(256))) == [
        "book.xlsx: (top level): not an Excel workbook (.xlsx): the file is not a zip archive"
    ]


def test_a_damaged_workbook_has_a_message_not_a_traceback() -> None:
    source = zipfile.ZipFile(io.BytesIO(book(("S", [["id"]]))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data[: len(data) // 2]  # cut in the middle
            target.writestr(item, data)
    (message,) = problems(buffer.getvalue())
    assert message.startswith("book.xlsx: (top level): cannot read the Excel workbook: ")


def test_sheet_is_refused_for_a_csv_input(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("id,duration\nA,1\n", encoding="utf-8")
    with pytest.raises(OptionError, match="--sheet names a sheet of an Excel workbook"):
        load_file(path, plan_loads, PLAN_FORMATS, sheet="Plan")


def test_a_named_table_may_be_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "alternatives.xlsx"
    path.write_bytes(book(("S", [["name", "revenue"], ["华信", 420]])))
    text, source = read_table_text(path)
    assert (read_table(text).rows, isinstance(source, SheetSource)) == ([["华信", "420"]], True)
    assert str(source) == str(path)
    csv = tmp_path / "alternatives.csv"
    csv.write_bytes("name,revenue\n华信,420\n".encode("gbk"))  # GBK: detected
    assert read_table(read_table_text(csv)[0]).rows == [["华信", "420"]]


def test_a_named_table_that_cannot_be_read_is_placed_by_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    def placed(reason: str) -> Problem:
        return Problem(f"cannot read the items: {reason}", ("items",), "backlog.yaml", 3, 8)

    with pytest.raises(InputError) as caught:
        read_table_text(tmp_path / "missing.csv", cannot_read=placed)
    (problem,) = caught.value.problems
    assert str(problem).startswith("backlog.yaml:3:8: items: cannot read the items: ")
    with pytest.raises(InputError) as caught:  # a file an input names is never stdin
        read_table_text(Path("-"), cannot_read=placed)
    assert caught.value.problems[0].path == ("items",)
