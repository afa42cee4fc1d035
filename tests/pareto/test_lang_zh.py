"""`mgmt pareto --lang zh`: the summary, the Markdown table, the Pareto chart (one panel and
stratified) and the messages of bad data in Chinese (mgmt_tools.locale, catalog ``pareto``); the
JSON and the CSV (files to read back: "Other" stays "Other") and the English output unchanged.

The numbers of the Chinese example (examples/pareto/card-complaints-zh.yaml), by hand: the total
is 186 + 142 + 97 + 58 + 31 + 24 + 17 + 12 + 9 + 6 = 582; cumulative 186, 328, 425, 483 is
32.0 %, 56.4 %, 73.0 %, 83.0 % of it, so the vital few at the 80 % cutoff are the first four (the
fewest leading categories whose cumulative percentage reaches the cutoff: Juran's Pareto
principle as docs/formats/pareto.md defines it). With --top 5 the other five, 24 + 17 + 12 + 9
+ 6 = 68, are merged into "Other" (其他), 68 / 582 = 11.7 %.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools import locale
from mgmt_tools.pareto import load, pareto_chart, run, summary_text, to_csv, to_markdown

from ..conftest import EXAMPLES
from ..helpers import drawn_figure, figure_texts, mgmt, written
from ..locale.untranslated import english_words

EXAMPLE = EXAMPLES / "pareto" / "card-complaints-zh.yaml"
BAD = Path(__file__).parent / "bad"
NAMES = {"App"}
"""Latin words of the example's category names (App 绑卡失败)."""
RECORDS = (
    "编号,支行,原因\n"
    + "".join(f"T{k:03d},城东支行,年费收取未提前告知\n" for k in range(6))
    + "".join(f"T1{k:02d},城西支行,分期手续费争议\n" for k in range(4))
    + "T200,城西支行,年费收取未提前告知\nT201,城东支行,盗刷后处理慢\nT202,城西支行,\n"
)
"""Card complaint records of two branches: 年费 7, 分期 4, 盗刷 1 and one blank reason."""


def test_summary_in_chinese() -> None:
    code, out, err = mgmt("pareto", str(EXAMPLE), "--lang", "zh")
    assert code == 0, err
    for words in (
        "信用卡客户投诉原因（2024 年上半年）",
        "帕累托分析：10 个类别，合计 582（投诉件数）；分界线 80%",
        " #  类别                投诉件数      %  累计 %",  # aligned by display width
        " 4  额度调整不及时            58  10.0%   83.0%  关键少数",
        " 5  账单寄送错误              31   5.3%   88.3%",
        "关键少数（10 项中的 4 项）：年费收取未提前告知、分期手续费争议、盗刷后处理慢、"
        "额度调整不及时",
    ):
        assert words in out
    assert english_words(out, allowed=NAMES) == []


def test_other_is_chinese_to_read_and_english_to_read_back() -> None:
    code, out, err = mgmt("pareto", str(EXAMPLE), "--lang", "zh", "--top", "5")
    assert code == 0, err
    assert "6  其他                      68  11.7%  100.0%" in out
    assert "'其他' 合并了 5 个类别" in out
    english = mgmt("pareto", str(EXAMPLE), "--lang", "en", "--top", "5", "--json").out
    assert mgmt("pareto", str(EXAMPLE), "--lang", "zh", "--top", "5", "--json").out == english
    assert json.loads(english)["items"][-1]["category"] == "Other"
    with locale.using("zh"):
        result = run(load(EXAMPLE), top=5)
        table = to_csv(result)
        markdown = to_markdown(result)
    lines = table.splitlines()
    assert lines[0] == "category,count,percent,cumulative_percent,vital"
    assert lines[-1].startswith("Other,68.0,")
    assert "| # | 类别 | 投诉件数 | % | 累计 % | 关键少数 |" in markdown
    assert "| 1 | 年费收取未提前告知 | 186 | 32.0 | 32.0 | 是 |" in markdown
    assert "| 6 | 其他 | 68 | 11.7 | 100.0 |  |" in markdown
    assert "关键少数：累计百分比达到 80% 所需的最少类别。" in markdown
    assert english_words(markdown, allowed=NAMES) == []


def test_chart_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    with locale.using("zh"):
        result = run(load(EXAMPLE), top=5)
        figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    texts = figure_texts(figure)
    assert "信用卡客户投诉原因（2024 年上半年）" in texts
    assert "投诉件数" in texts  # the count axis: the measure the file names
    assert "80% 分界线" in texts
    assert "其他" in texts
    notes = "".join(text for text in texts if text.startswith("合计 582"))
    assert "关键少数（6 项中的 4 项，红色）达到 80% 分界线" in notes.replace("\n", "")
    assert english_words("\n".join(texts)) == []
    (axes, _curve) = figure.axes
    colours = [bar.get_facecolor() for bar in axes.patches]
    assert len(set(colours[:4])) == 1  # the vital few in one colour, the rest in others
    assert colours[4] != colours[0]
    assert colours[5] not in (colours[0], colours[4])  # "Other" in grey


def test_stratified_chart_and_default_measure_in_chinese(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = written(tmp_path / "投诉.csv", RECORDS)
    code, out, err = mgmt("pareto", str(data), "--column", "原因", "--by", "支行", "--lang", "zh")
    assert code == 0, err
    assert "帕累托分析：4 个类别，合计 13（频数）；分界线 80%" in out
    assert "（空白）" in out
    assert "分层：城东支行 7、城西支行 6" in out
    assert english_words(out) == []
    with locale.using("zh"):
        result = run(load(data, column="原因", by="支行"))
        figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    texts = figure_texts(figure)
    assert "帕累托图（频数）" in texts
    assert "频数" in texts
    assert "城东支行  (n = 7)" in texts
    assert "城西支行  (n = 6)" in texts
    assert "（空白）" in texts
    assert english_words("\n".join(texts)) == []


def test_bad_data_in_chinese(tmp_path: Path) -> None:
    code, _out, err = mgmt(
        "pareto", str(BAD / "bad_counts.csv"), "--column", "reason", "--count", "n", "--lang", "zh"
    )
    assert code == 1
    assert err.splitlines()[:3] == [
        f"{BAD / 'bad_counts.csv'}:3:2: n: 'n' 不是数字：'many'",
        f"{BAD / 'bad_counts.csv'}:4:2: n: 'n' 为负数：-3",
        f"{BAD / 'bad_counts.csv'}:5:2: n: 'n' 为空",
    ]
    data = written(tmp_path / "投诉.csv", RECORDS)
    code, _out, err = mgmt("pareto", str(data), "--column", "原因类别", "--lang", "zh")
    assert code == 1
    assert err.strip() == (
        f"{data}:1: 原因类别: 没有列 '原因类别'（现有的列：'编号', '支行', '原因'）"
    )
    short = written(tmp_path / "短.csv", "原因,件数\n年费,3\n分期\n")
    code, _out, err = mgmt(
        "pareto", str(short), "--column", "原因", "--count", "件数", "--lang", "zh"
    )
    assert code == 1
    assert "短.csv:3: 件数: 该记录有 1 个字段，表头有 2 个：缺少 '件数'" in err
    code, _out, err = mgmt(
        "pareto", str(EXAMPLE), "--top", "2", "--other-after", "50", "--lang", "zh"
    )
    assert code == 2
    assert "--top 和 --other-after 只能给一个" in err


def test_warnings_in_chinese() -> None:
    # 10 / 22 = 45.45 %, with Other 16 / 22 = 72.73 %: the two kept fall short of 90 %
    with locale.using("zh"):
        text = summary_text(
            run(load_counts({"年费": 10, "Other": 6, "分期": 5, "盗刷": 1}), top=2, cutoff=90)
        )
    assert (
        "警告：数据中已有名为 'Other' 的类别；合并的尾部是另一个单独的 '其他' 项，排在最后" in text
    )
    assert "警告：保留的类别累计只到 72.73%，未达 90% 分界线：全部保留类别都标为关键少数" in text
    # a category of the input, quoted (the word pattern takes in the closing quote)
    assert english_words(text, allowed={"Other", "Other'"}) == []


def load_counts(counts: dict[str, int]) -> Any:
    from mgmt_tools.pareto import from_dict

    return from_dict({"counts": counts})


def test_english_unchanged() -> None:
    out = mgmt("pareto", str(EXAMPLE), "--lang", "en", "--top", "5").out
    assert "Pareto analysis of 582 (投诉件数) in 6 categories; cutoff 80%" in out
    assert "6  Other                     68  11.7%  100.0%" in out
    assert "'Other' merges 5 categories" in out
    with locale.using("en"):
        markdown = to_markdown(run(load(EXAMPLE)))
    assert "| # | category | 投诉件数 | % | cum % | vital |" in markdown
    assert "Vital few: the fewest categories reaching 80%." in markdown
