"""`--start` and `--calendar` give a CSV or Excel plan (which has neither) working-day dates on
a named calendar: the 调休 make-up days of Spring Festival 2026 (State Council notice
国办发明电〔2025〕7号: 15-23 Feb off, Sat 14 Feb and Sat 28 Feb worked)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from tests.helpers import mgmt, written

ROWS = [["A", "需求确认", 3, None], ["B", "设备采购", 5, "A"], ["C", "联调测试", 6, "B"]]


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.title = "任务"
    sheet.append(["id", "name", "duration", "depends_on"])
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def _dates(out: str) -> list[tuple[str, str, str]]:
    tasks = json.loads(out)["tasks"]
    return [(task["id"], task["start_date"], task["finish_date"]) for task in tasks]


def test_a_workbook_plan_on_the_cn_calendar(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "plan.xlsx")
    code, out, err = mgmt("pert", str(book), "--start", "2026-02-09", "--calendar", "cn", "--json")
    assert code == 0, err
    assert _dates(out) == [
        ("A", "2026-02-09", "2026-02-11"),
        ("B", "2026-02-12", "2026-02-25"),  # 12, 13, Sat 14 (make-up), then 24, 25
        ("C", "2026-02-26", "2026-03-04"),  # 26, 27, Sat 28 (make-up), 2, 3, 4 March
    ]
    same = written(
        tmp_path / "plan.yaml",
        "start: 2026-02-09\ncalendar: cn\ntasks:\n"
        "  - {id: A, name: 需求确认, duration: 3}\n"
        "  - {id: B, name: 设备采购, duration: 5, depends_on: [A]}\n"
        "  - {id: C, name: 联调测试, duration: 6, depends_on: [B]}\n",
    )
    assert _dates(mgmt("pert", str(same), "--json").out) == _dates(out)


def test_options_replace_the_plans_own_and_keep_its_extra_days(tmp_path: Path) -> None:
    plan = written(
        tmp_path / "plan.yaml",
        "start: 2026-01-05\ncalendar: {base: us, extra_workdays: [2026-02-22]}\n"
        "tasks:\n  - {id: A, duration: 10}\n",
    )
    code, out, err = mgmt("pert", str(plan), "--start", "2026-02-13", "--calendar", "cn", "--json")
    assert code == 0, err
    # Fri 13, Sat 14 (cn make-up), Sun 22 (the plan's own, inside the festival), 24, 25, 26,
    # 27, Sat 28 (make-up), Mon 2 and Tue 3 March: ten working days
    assert _dates(out) == [("A", "2026-02-13", "2026-03-03")]


def test_a_calendar_needs_a_start(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "plan.xlsx")
    code, _out, err = mgmt("pert", str(book), "--calendar", "cn")
    assert code == 2
    assert "--calendar needs a start date: give --start DATE, or start: in the plan" in err
    code, _out, err = mgmt("pert", str(book), "--calendar", "cn", "--lang", "zh")
    assert code == 2
    assert "--calendar 需要开始日期" in err


def test_unknown_calendar_and_units_not_days(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "plan.xlsx")
    code, _out, err = mgmt("pert", str(book), "--start", "2026-02-09", "--calendar", "fr")
    assert code == 2
    assert "unknown calendar 'fr' (known: cn, us, gb, gb-sct, gb-nir, hk)" in err
    weeks = written(tmp_path / "w.yaml", "units: weeks\ntasks:\n  - {id: A, duration: 2}\n")
    code, _out, err = mgmt("pert", str(weeks), "--start", "2026-02-09")
    assert code == 2
    assert "--start needs a plan in days (a calendar counts working days), not 'weeks'" in err


def test_a_report_section_takes_them(tmp_path: Path) -> None:
    _workbook(tmp_path / "plan.xlsx")
    report = written(
        tmp_path / "r.yaml",
        "title: R\nsections:\n  - method: pert\n    input: plan.xlsx\n"
        "    options: {start: 2026-02-09, calendar: cn}\n",
    )
    out = tmp_path / "r.html"
    code, _out, err = mgmt("report", str(report), "-o", str(out))
    assert code == 0, err
    assert "2026-03-04" in out.read_text(encoding="utf-8")
