"""`mgmt fishbone --lang zh`: the summary, the Markdown checklist, the diagram and the messages of a
bad file in Chinese (mgmt_tools.locale, catalog ``fishbone``); English unchanged.

The counts of examples/fishbone/card-complaints-zh.yaml rank 120 / 397 = 30.2 % first (the
ranked counts 86 + 43 + 120 + 37 + 64 + 29 + 18 = 397).
"""

from __future__ import annotations

import re
from pathlib import Path

from mgmt_tools import locale
from mgmt_tools.fishbone import analyse, load, to_dot, to_markdown
from mgmt_tools.render import display_width

from ..conftest import EXAMPLES
from ..helpers import mgmt, written
from ..locale.untranslated import english_words

EXAMPLE = EXAMPLES / "fishbone" / "card-complaints-zh.yaml"
BAD = Path(__file__).parent / "bad"
NAMES = {"App"}  # a word of the example's own text (手机银行 App 闪退)
_TAGS = re.compile(r"</?(?:TABLE|TR|TD|FONT|B|BR)\b[^<>]*>")
_LABEL = re.compile(r"label=<([^<>]*)>")


def dot_labels(dot: str) -> str:
    """The text of every HTML label of a DOT source, markup removed, one per line."""
    return "\n".join(_LABEL.findall(_TAGS.sub(" ", dot)))


def test_summary_in_chinese() -> None:
    code, out, err = mgmt("fishbone", str(EXAMPLE), "--lang", "zh", "--highlight", "2")
    assert code == 0, err
    lines = out.splitlines()
    assert "问题（结果）：信用卡客户投诉量上升" in lines
    assert "  人员：2 个原因，含子原因共 4 个" in lines
    assert lines[9].split() == ["#", "原因", "类别", "频数", "%"]
    assert lines[10].split() == ["1", "*", "分期手续费说明不清", "方法", "120", "30.2"]
    # columns aligned by display width (CJK = 2 columns): the category column lines up
    row, header = lines[10], lines[9]
    assert display_width(row[: row.index("方法")]) == display_width(header[: header.index("类别")])
    assert "* 表示重点原因" in lines
    assert english_words(out, allowed=NAMES) == []


def test_markdown_in_chinese() -> None:
    with locale.using("zh"):
        text = to_markdown(analyse(load(EXAMPLE), highlight=1))
    assert "**问题（结果）：** 信用卡客户投诉量上升" in text
    assert "  - [ ] **分期手续费说明不清（120）**" in text
    assert "| # | 原因 | 类别 | 频数 | % |" in text
    assert english_words(text, allowed=NAMES) == []


def test_diagram_in_chinese() -> None:
    with locale.using("zh"):
        result = analyse(load(EXAMPLE), highlight=2)
        labels = dot_labels(to_dot(result, max_causes=1))
    assert "客服人员业务不熟（86）" in labels
    assert "…… 另有 1 个原因" in labels
    assert english_words(labels, allowed=NAMES) == []


def test_counts_warnings_in_chinese(tmp_path: Path) -> None:
    counts = written(tmp_path / "投诉.csv", "原因\n催收话术生硬\n催收话术生硬\n年费争议\n")
    code, _out, err = mgmt(
        "fishbone", str(EXAMPLE), "--lang", "zh", "--counts", str(counts), "--column", "原因"
    )
    assert code == 0, err
    assert "原因 '客服人员业务不熟'（人员）没有频数" in err
    assert "有频数但无对应原因：'年费争议'（1）" in err


def test_bad_input_in_chinese() -> None:
    path = BAD / "negative_count.yaml"
    code, _out, err = mgmt("fishbone", str(path), "--lang", "zh")
    assert code == 1
    lines = err.splitlines()
    assert f"{path}:4:32: categories.People[0].count: 频数不能为负，实际为 '-3'" in lines
    assert any(
        line.startswith(f"{path}:9:14: categories.Methods[0].caus: 原因中有未知键 'caus'")
        for line in lines
    )
    path = BAD / "wrong_type.yaml"
    code, _out, err = mgmt("fishbone", str(path), "--lang", "zh")
    assert code == 1
    lines = err.splitlines()
    cause = "原因应为文本或映射 {cause, count, causes}"
    assert f"{path}:6:7: categories.People[2]: {cause}，实际为 列表" in lines

    path = BAD / "no_categories.yaml"
    code, _out, err = mgmt("fishbone", str(path), "--lang", "zh")
    assert (
        f"{path}:2:13: categories: 鱼骨图至少需要一个类别（名称 -> 原因列表）" in err.splitlines()
    )


def test_english_unchanged() -> None:
    code, out, err = mgmt("fishbone", str(EXAMPLE), "--lang", "en", "--highlight", "1")
    assert code == 0, err
    assert "effect: 信用卡客户投诉量上升" in out
    assert "  人员: 2 causes, 4 with sub-causes" in out
    assert out.splitlines()[9].split() == ["#", "cause", "category", "count", "%"]
    assert "* highlighted" in out
    path = BAD / "negative_count.yaml"
    code, _out, err = mgmt("fishbone", str(path), "--lang", "en")
    assert f"{path}:4:32: categories.People[0].count: a count cannot be negative, got '-3'" in err
