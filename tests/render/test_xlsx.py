"""The workbook writer: sheet names Excel accepts, cell types, Excel's row limit."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from mgmt_tools import locale
from mgmt_tools.errors import DomainError
from mgmt_tools.render.xlsx import MAX_ROWS, Sheet, _sheet_name, result_sheets, workbook


def _read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_sheet_names_excel_accepts() -> None:
    used: set[str] = set()
    assert _sheet_name("a/b:c*d?[e]", used) == "a_b_c_d__e_"
    long = "x" * 40
    assert _sheet_name(long, used) == "x" * 31
    assert _sheet_name(long, used) == "x" * 27 + " (2)"
    assert _sheet_name("Tasks", used) == "Tasks"
    assert _sheet_name("TASKS", used) == "TASKS (2)"  # Excel compares names ignoring case


def test_values_keep_their_types() -> None:
    data = {
        "method": "x",
        "duration": 2.5,
        "count": 3,
        "start_date": "2027-03-01",
        "note": "=1+1",
        "items": [{"id": "A", "due": "2027-04-05", "share": 0.25, "vital": True}],
    }
    book = _read(workbook(result_sheets(data)))
    summary = {row[2]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["duration"] == 2.5
    assert summary["count"] == 3
    assert summary["start_date"] == dt.datetime(2027, 3, 1)
    assert summary["note"] == "=1+1"
    items = book["items"]
    assert [cell.value for cell in items[2]] == ["A", dt.datetime(2027, 4, 5), 0.25, True]
    assert items["B2"].number_format == "yyyy-mm-dd"


def test_headers_follow_the_language() -> None:
    data = {"tasks": [{"id": "A", "total_float": 0.0}]}
    with locale.using("zh"):
        sheets = result_sheets(data)
    assert [sheet.name for sheet in sheets] == ["摘要", "任务"]
    assert list(sheets[1].headers) == ["编号", "总时差"]  # render.report.field_label
    assert list(sheets[1].fields) == ["id", "total_float"]


def test_rank_one_is_highlighted_without_a_flag() -> None:
    sheets = result_sheets({"ranking": [{"item": "a", "rank": 1}, {"item": "b", "rank": 2}]})
    assert list(sheets[1].highlight) == [True, False]


def test_more_rows_than_excel_holds_is_refused() -> None:
    rows = [[1]] * MAX_ROWS
    with pytest.raises(DomainError, match=r"at most 1,048,576 rows, and big has 1,048,577"):
        workbook([Sheet("big", ("n",), ("n",), rows)])


def test_a_picture_too_big_to_embed_is_left_out() -> None:
    import struct

    # a decision tree of thousands of nodes drew a 221-megapixel PNG, which the image library
    # refused (DecompressionBombError) when the workbook embedded it (found by the fuzz suite)
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    huge = header + struct.pack(">II", 30_000, 7_400) + b"\x00" * 64
    book = _read(workbook(result_sheets({"method": "x"}), picture=huge))
    assert book.sheetnames == ["Summary"]  # the tables, without the picture
