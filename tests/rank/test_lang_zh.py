"""`mgmt rank --lang zh`: the summary, the Markdown table, the 2x2 matrix, the ranked bar chart
and the messages of a bad backlog in Chinese (mgmt_tools.locale, catalog ``rank``); the JSON and
the CSV (files to read back) and the English output unchanged.

The numbers of the Chinese example (examples/rank/rm-weekly-todo-zh.yaml), by hand: the
Eisenhower score is urgent + important (true counts 10), the quadrant comes from urgent >= 5
and important >= 5 (the example's threshold; Covey, The 7 Habits of Highly Effective People,
Habit 3, quadrants I-IV): 配合内审调阅档案 10 + 10 = 20, 补齐华兴制造授信审批材料 9 + 9 = 18
and 处理客户投诉 10 + 8 = 18 (a tie: both rank 2), 跟进逾期贷款催收 8 + 8 = 16, all four 立即做;
准备季度客户走访计划 (3, 9) is 计划做, 参加部门例会 (5, 4) 授权做, 清理过期邮件 (2, 1) 不做.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools import locale
from mgmt_tools.rank import evaluate, from_dict, load, summary_text, to_csv, to_dot, to_markdown
from mgmt_tools.rank.build import Comparison
from mgmt_tools.rank.charts import ranking_chart
from mgmt_tools.rank.scores import bradley_terry_problem

from ..conftest import EXAMPLES
from ..helpers import drawn_figure, figure_texts, mgmt, written
from ..locale.untranslated import english_words

EXAMPLE = EXAMPLES / "rank" / "rm-weekly-todo-zh.yaml"
BAD = Path(__file__).parent / "bad"
CITED = {"Hunter", "Ford", "Bradley-Terry"}
"""Authors cited in a message (Hunter 2004, Ford 1957) and the model named after two: names,
written in Latin letters in Chinese too (LATIN_NAMES holds Bradley and Terry one by one)."""
_TAGS = re.compile(r"</?(?:TABLE|TR|TD|FONT|B|BR)\b[^<>]*>")
_LABEL = re.compile(r"label=<([^<>]*)>")


def dot_labels(dot: str) -> str:
    """The text of every HTML label of a DOT source, markup removed, one per line."""
    return "\n".join(_LABEL.findall(_TAGS.sub(" ", dot)))


def test_summary_in_chinese() -> None:
    code, out, err = mgmt("rank", str(EXAMPLE), "--lang", "zh")
    assert code == 0, err
    for words in (
        "客户经理本周待办事项（第 27 周）",
        "艾森豪威尔矩阵：象限（立即做、计划做、授权做、不做），同象限再按紧急 + 重要",
        "阈值：0-10 分中 >= 5 分视为“是”",
        "排名  事项",
        "得分  类别",
        # aligned by display width (CJK = 2 columns)
        "   1  配合内审调阅档案                         20  立即做",
        "   2  处理客户投诉（工单 2231，信用卡盗刷）    18  立即做",
        "计划做",
        "授权做",
        "不做",
    ):
        assert words in out
    assert english_words(out) == []
    assert err == ""


def test_json_and_csv_do_not_change_with_the_language() -> None:
    english = mgmt("rank", str(EXAMPLE), "--lang", "en", "--json").out
    assert mgmt("rank", str(EXAMPLE), "--lang", "zh", "--json").out == english
    data = json.loads(english)
    assert data["score"] == "quadrant (do, schedule, delegate, eliminate), then urgent + important"
    assert [row["category"] for row in data["ranking"][:4]] == ["do"] * 4
    with locale.using("zh"):
        table = to_csv(evaluate(load(EXAMPLE)))
    assert table.splitlines()[:2] == ["rank,item,score,category", "1,配合内审调阅档案,20.0,do"]


def test_markdown_in_chinese() -> None:
    with locale.using("zh"):
        text = to_markdown(evaluate(load(EXAMPLE)))
    lines = text.splitlines()
    assert "| 排名 | 事项 | 得分 | 类别 |" in lines
    assert "| 1 | 配合内审调阅档案 | 20 | 立即做 |" in lines
    assert (
        "| 12 | 清理过期邮件 | 3 | 不做 |" in lines or "| 11 | 清理过期邮件 | 3 | 不做 |" in lines
    )
    assert english_words(text) == []


ITEMS = ["手机银行登录优化", "网点排队叫号系统", "信用卡分期页面", "对公开户预约"]
BACKLOGS: dict[str, dict[str, Any]] = {
    "rice": {
        "items": [
            {"name": name, "reach": 100 * k, "impact": 2, "confidence": "80%", "effort": 2}
            for k, name in enumerate(ITEMS, 1)
        ]
    },
    "ice": {
        "items": [
            {"name": name, "impact": k, "confidence": 0.5, "ease": 4}
            for k, name in enumerate(ITEMS, 1)
        ]
    },
    "wsjf": {
        "items": [
            {
                "name": name,
                "business_value": k,
                "time_criticality": 3,
                "risk_reduction": 1,
                "job_size": 2,
            }
            for k, name in enumerate(ITEMS, 1)
        ]
    },
    "moscow": {
        "items": [
            {"name": name, "priority": priority}
            for name, priority in zip(ITEMS, ("must", "should", "could", "wont"), strict=True)
        ]
    },
    "value_effort": {
        "items": [
            {"name": name, "value": value, "effort": effort}
            for name, (value, effort) in zip(ITEMS, ((8, 2), (9, 8), (2, 1), (3, 9)), strict=True)
        ]
    },
    "pairwise": {"comparisons": [f"{ITEMS[0]} > {ITEMS[1]}", f"{ITEMS[1]} = {ITEMS[2]}"]},
    "borda": {"ballots": [ITEMS, {"ranking": ITEMS[::-1], "count": 3}, ITEMS[:2]]},
    "weighted": {
        "criteria": [{"id": "收益", "weight": 3}, {"id": "成本", "weight": 1, "direction": "min"}],
        "items": [{"name": name, "收益": k, "成本": 5 - k} for k, name in enumerate(ITEMS, 1)],
    },
}
METHOD_NAMES = {
    "rice": "RICE：覆盖面 × 影响 × 信心 / 工作量",
    "ice": "ICE：影响 × 信心 × 易实施度",
    "wsjf": "WSJF：（业务价值 + 时间紧迫性 + 风险降低）/ 工作规模",
    "moscow": "MoSCoW：优先级 必须有 > 应该有 > 可以有 > 暂不做",
    "value_effort": "价值/工作量矩阵：象限（快速见效、重点投入、有空再做、得不偿失）",
    "pairwise": "两两比较：科普兰法：胜次减负次",
    "borda": "博尔达计数：博尔达计分",
    "weighted": "加权评分：各指标归一化后的加权和",
}


@pytest.mark.parametrize("method", sorted(BACKLOGS))
def test_every_method_speaks_chinese(method: str) -> None:
    with locale.using("zh"):
        result = evaluate(from_dict({"method": method, **BACKLOGS[method]}))
        text = summary_text(result) + to_markdown(result)
    assert METHOD_NAMES[method] in text
    assert english_words(text) == []


def test_categories_and_warnings_in_chinese() -> None:
    with locale.using("zh"):
        moscow = summary_text(evaluate(from_dict({"method": "moscow", **BACKLOGS["moscow"]})))
        grid = summary_text(
            evaluate(from_dict({"method": "value_effort", **BACKLOGS["value_effort"]}))
        )
        borda = summary_text(evaluate(from_dict({"method": "borda", **BACKLOGS["borda"]})))
        cycle = [f"{ITEMS[0]} > {ITEMS[1]}", f"{ITEMS[1]} > {ITEMS[2]}", f"{ITEMS[2]} > {ITEMS[0]}"]
        bradley = summary_text(
            evaluate(
                from_dict({"method": "pairwise", "model": "bradley-terry", "comparisons": cycle})
            )
        )
    for category in ("必须有", "应该有", "可以有", "暂不做"):
        assert category in moscow
    for category in ("快速见效", "重点投入", "有空再做", "得不偿失"):
        assert category in grid
    assert (
        "警告：1 张选票只排列了 4 个事项中的一部分：未排列的得 0 分，已排列的从第一名 n - 1 分起"
        "逐位递减" in borda
    )
    assert "Bradley-Terry 模型，MM 算法（Hunter 2004）：迭代" in bradley
    assert "次，已收敛" in bradley
    assert f"警告：偏好不可传递（形成循环）：{' > '.join([*ITEMS[:3], ITEMS[0]])}" in bradley
    assert "Bradley-Terry 强度（合计为 1）" in bradley
    assert english_words(moscow + grid + borda) == []
    assert english_words(bradley, allowed=CITED) == []


def test_bradley_terry_conditions_in_chinese() -> None:
    names = ["甲", "乙", "丙"]
    with locale.using("zh"):
        chain = bradley_terry_problem(names, [Comparison(0, 1, False), Comparison(1, 2, False)])
        apart = bradley_terry_problem(
            [*names, "丁"], [Comparison(0, 1, False), Comparison(2, 3, True)]
        )
    assert chain is not None
    assert apart is not None
    assert '甲 从未输过；丙 从未赢过；请增加比较，例如 "丙 > 甲"（或改用 model copeland）' in chain
    assert "比较结果分成 2 组" in apart
    assert '"甲 > 丙" 和 "丙 > 甲"' in apart
    # model copeland: the YAML key and value to write
    assert english_words(chain + apart, allowed=CITED | {"model", "copeland"}) == []


def test_matrix_in_chinese() -> None:
    with locale.using("zh"):
        dot = to_dot(evaluate(load(EXAMPLE)))
        grid = to_dot(evaluate(from_dict({"method": "value_effort", **BACKLOGS["value_effort"]})))
    labels = dot_labels(dot)
    for words in ("立即做", "计划做", "授权做", "不做", "紧急", "不紧急", "重要", "不重要"):
        assert words in labels
    assert "0-10 分中 5 分及以上视为“是”" in labels
    assert "客户经理本周待办事项（第 27 周）" in labels
    grid_labels = dot_labels(grid)
    for words in ("价值/工作量矩阵", "快速见效", "重点投入", "有空再做", "得不偿失", "工作量小"):
        assert words in grid_labels
    assert "视为“高”" in grid_labels
    assert english_words(labels + grid_labels) == []


def test_ranking_chart_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    with locale.using("zh"):
        result = evaluate(load(EXAMPLE))
        figure = drawn_figure(monkeypatch, lambda: ranking_chart(result, "png"))
    texts = figure_texts(figure)
    assert "客户经理本周待办事项（第 27 周）" in texts
    assert "得分：象限（立即做、计划做、授权做、不做），同象限再按紧急 + 重要" in texts
    for category in ("立即做", "计划做", "授权做", "不做"):  # the legend
        assert category in texts
    assert english_words("\n".join(texts)) == []


def test_ranking_chart_title_and_missing_scores_in_chinese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with locale.using("zh"):
        result = evaluate(from_dict({"method": "moscow", **BACKLOGS["moscow"]}))
        figure = drawn_figure(monkeypatch, lambda: ranking_chart(result, "png", top=3))
    texts = figure_texts(figure)
    assert "优先级排序（MoSCoW）" in texts  # the heading: title, then the note below
    assert "共 4 项中的前 3 项" in texts
    assert "无得分" in texts
    assert english_words("\n".join(texts)) == []


def test_bad_backlog_in_chinese(tmp_path: Path) -> None:
    code, _out, err = mgmt("rank", str(BAD / "zero_effort.yaml"), "--lang", "zh")
    assert code == 1
    lines = err.splitlines()
    assert lines[0].endswith(
        "zero_effort.yaml:3:72: items[0].effort: effort 必须大于 0（rice 以它作除数），实际为 0"
    )
    assert lines[2].endswith("zero_effort.yaml:5:27: items[2].reach: 不是数字，实际为 'lots'")
    backlog = written(
        tmp_path / "待办.yaml",
        "method: rice\nitems:\n"
        "  - {name: 手机银行, reach: 500, impact: 2, confidence: 0.8, effort: 1}\n"
        "  - {name: 手机银行, reach: 500, impact: 2}\n",
    )
    code, _out, err = mgmt("rank", str(backlog), "--lang", "zh")
    assert code == 1
    assert "待办.yaml:4:5: items[1]: 缺少 'confidence', 'effort'（方法 rice 需要 " in err
    assert "待办.yaml:4:12: items[1].name: 事项 '手机银行' 重复（首次出现在 items[0]）" in err


def test_english_unchanged() -> None:
    out = mgmt("rank", str(EXAMPLE), "--lang", "en").out
    assert (
        "eisenhower: quadrant (do, schedule, delegate, eliminate), then urgent + important" in out
    )
    assert "rank  item" in out
    assert out.rstrip().endswith("eliminate")
    with locale.using("en"):
        dot = to_dot(evaluate(load(EXAMPLE)))
    assert "Do first" in dot
    assert "a 0-10 score of 5 or more counts as yes" in dot
    _code, _out, err = mgmt("rank", str(BAD / "zero_effort.yaml"), "--lang", "en")
    assert "effort must be above 0 (rice divides by it), got 0" in err
