"""`-o result.xlsx` on every method: one sheet per table, frozen header, numbers as numbers,
dates as dates, the rows that matter highlighted, the chart embedded; and CSV's byte-order mark
(`--bom`, by default with Chinese)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from mgmt_tools.render.xlsx import ACCENT_FILL
from tests.conftest import EXAMPLES
from tests.helpers import mgmt

CASES = [
    ("pert", "pert/supply-chain-onboarding.yaml", "tasks"),
    ("gantt", "pert/supply-chain-onboarding.yaml", "tasks"),
    ("rank", "rank/weekly-todo.yaml", "ranking"),
    ("pareto", "pareto/complaint-counts.yaml", "items"),
    ("index", "index/prospects.yaml", "ranking"),
    ("ahp", "ahp/team-leader.yaml", "ranking"),
    ("decision", "decision/payroll-bid.yaml", "Summary"),
    ("fishbone", "fishbone/slow-credit-approval.yaml", "Summary"),
    ("goals", "goals/deposit-growth-2027.yaml", "Summary"),
]


def _book(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


@pytest.mark.parametrize(("command", "example", "sheet"), CASES, ids=[c[0] for c in CASES])
def test_every_method_writes_a_workbook(
    tmp_path: Path, command: str, example: str, sheet: str
) -> None:
    out = tmp_path / "result.xlsx"
    code, _out, err = mgmt(command, str(EXAMPLES / example), "-o", str(out))
    assert code == 0, err
    book = _book(out)
    assert book.sheetnames[0] == "Summary"
    assert sheet in book.sheetnames
    page = book[sheet]
    assert page.freeze_panes == "A2"
    assert page.max_row > 1


def test_pert_workbook_numbers_dates_highlight_and_chart(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    plan = EXAMPLES / "pert/supply-chain-onboarding.yaml"
    code, _out, err = mgmt("gantt", str(plan), "-o", str(out))
    assert code == 0, err
    book = _book(out)
    tasks = book["tasks"]
    header = [cell.value for cell in tasks[1]]
    assert header[:4] == ["id", "name", "duration", "es"]  # the JSON fields in English
    code, data, _err = mgmt("pert", str(plan), "--json")
    import json

    expected = json.loads(data)["tasks"]
    rows = list(tasks.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(expected)
    start = header.index("start_date")
    for row, task in zip(rows, expected, strict=True):
        assert row[0] == task["id"]
        assert row[header.index("total_float")] == pytest.approx(task["total_float"], abs=1e-12)
        assert row[start] == dt.datetime.fromisoformat(task["start_date"])
    fills = {
        tasks.cell(row=number, column=1).value: tasks.cell(row=number, column=1).fill.fgColor.rgb
        for number in range(2, tasks.max_row + 1)
    }
    for task in expected:
        assert fills[task["id"]].endswith(ACCENT_FILL) == task["critical"]
    assert book.sheetnames[-1] == "Chart"
    assert len(getattr(book["Chart"], "_images")) == 1  # noqa: B009 (openpyxl keeps them private)


def test_same_result_same_bytes(tmp_path: Path) -> None:
    plan = str(EXAMPLES / "pareto/complaint-counts.yaml")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert mgmt("pareto", plan, "-o", str(first)).code == 0
    assert mgmt("pareto", plan, "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_input_text_is_never_a_formula(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "tasks:\n  - {id: A, name: '=HYPERLINK(\"http://x\")', duration: 1}\n"
        "  - {id: '@SUM(A1)', duration: 2, depends_on: [A]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "plan.xlsx"
    assert mgmt("pert", str(plan), "-o", str(out)).code == 0
    tasks = _book(out)["tasks"]
    assert tasks["B2"].value == '=HYPERLINK("http://x")'
    assert tasks["B2"].data_type == "s"
    assert tasks["A3"].value == "@SUM(A1)"
    assert tasks["A3"].data_type == "s"


def test_pareto_vital_few_highlighted(tmp_path: Path) -> None:
    out = tmp_path / "p.xlsx"
    assert mgmt("pareto", str(EXAMPLES / "pareto/complaint-counts.yaml"), "-o", str(out)).code == 0
    items = _book(out)["items"]
    header = [cell.value for cell in items[1]]
    vital = header.index("vital") + 1
    for number in range(2, items.max_row + 1):
        filled = items.cell(row=number, column=1).fill.fgColor.rgb.endswith(ACCENT_FILL)
        assert filled == items.cell(row=number, column=vital).value


@pytest.mark.parametrize(
    ("args", "marked"),
    [
        ((), False),
        (("--lang", "zh"), True),
        (("--lang", "zh", "--no-bom"), False),
        (("--bom",), True),
    ],
)
def test_csv_byte_order_mark(tmp_path: Path, args: tuple[str, ...], marked: bool) -> None:
    out = tmp_path / "plan.csv"
    code, _out, err = mgmt(
        "pert", str(EXAMPLES / "pert/account-opening.csv"), "-o", str(out), *args
    )
    assert code == 0, err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") == marked


def test_chinese_locale_gives_the_mark(tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    plan = str(EXAMPLES / "pert/account-opening.csv")
    code, _out, err = mgmt("pert", plan, "-o", str(out), env={"LC_ALL": "zh_CN.UTF-8"})
    assert code == 0, err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_chinese_workbook(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    plan = str(EXAMPLES / "pert/credit-approval-zh.yaml")
    code, _out, err = mgmt("pert", plan, "--lang", "zh", "-o", str(out))
    assert code == 0, err
    book = _book(out)
    assert book.sheetnames == ["摘要", "任务", "图"]
    header = [cell.value for cell in book["任务"][1]]
    assert header[:4] == ["编号", "名称", "工期", "最早开始"]  # as the report labels them
    assert "总时差" in header
    assert book["任务"]["H1"].comment.text == "total_float"  # the JSON field, for scripts
    summary = {row[2]: row[1] for row in book["摘要"].iter_rows(min_row=2, values_only=True)}
    assert summary["method"] == "关键路径法"  # an id that reads as words, in the reader's


def test_chinese_goal_statuses_in_words(tmp_path: Path) -> None:
    out = tmp_path / "goals.xlsx"
    tree = str(EXAMPLES / "goals/branch-deposits-2027-zh.yaml")
    code, _out, err = mgmt("goals", tree, "--lang", "zh", "-o", str(out))
    assert code == 0, err
    goals = _book(out)["节点"]
    header = [cell.value for cell in goals[1]]
    rows = list(goals.iter_rows(min_row=2, values_only=True))
    assert rows
    assert {row[header.index("状态")] for row in rows} <= {"已完成", "进行中", "未开始", "受阻"}
    assert {row[header.index("进度评估")] for row in rows} <= {"正常", "有风险", "落后", None}
    assert rows[0][header.index("汇总方式")] == "加权平均"


def test_control_characters_in_lists_are_shown_not_written(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text('tasks:\n  - {id: "A\\eB", duration: 1}\n', encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    code, _out, err = mgmt("pert", str(plan), "-o", str(out))
    assert code == 0, err  # an escape code in an id once crashed the critical-path cell
    book = _book(out)
    summary = {row[2]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["critical_paths"] == "A\\x1bB"
    assert book["tasks"]["A2"].value == "A\\x1bB"
