"""`mgmt decision --lang zh`: the summary, the tree diagram, the charts and the messages of a
bad tree in Chinese (mgmt_tools.locale, catalog ``decision``); English unchanged.

The numbers of the Chinese example (examples/decision/branch-renovation-zh.yaml), by hand:
全面智能化改造 -800 + 0.5 x 2000 + 0.3 x 1100 + 0.2 x 500 = 630; 轻型改造 -300 + 0.5 x max(1500 -
450, 900) + 0.3 x 700 + 0.2 x 400 = 515; 维持现状 0.5 x 300 + 0.2 x (-200) = 110. Knowing 周边客流
first: 0.5 x 1200 + 0.3 x 400 + 0.2 x 100 = 740, so EVPI = 740 - 630 = 110 (EVPI as the expected
value with perfect information minus the expected value without it: Clemen & Reilly, Making Hard
Decisions, ch. 12).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgmt_tools import locale
from mgmt_tools.decision import load, rollback, run, to_dot
from mgmt_tools.decision.charts import _risk_profile_figure, _sensitivity_figure, _tornado_figure
from mgmt_tools.errors import InputError

from ..conftest import EXAMPLES
from ..helpers import figure_texts, mgmt, written
from ..locale.untranslated import english_words

EXAMPLE = EXAMPLES / "decision" / "branch-renovation-zh.yaml"
_TAGS = re.compile(r"</?(?:TABLE|TR|TD|FONT|B|BR)\b[^<>]*>")
_LABEL = re.compile(r"label=<([^<>]*)>")


def dot_labels(dot: str) -> str:
    """The text of every HTML label of a DOT source, markup removed, one per line."""
    return "\n".join(_LABEL.findall(_TAGS.sub(" ", dot)))


def test_summary_in_chinese() -> None:
    code, out, err = mgmt("decision", str(EXAMPLE), "--lang", "zh", "--tornado")
    assert code == 0, err
    for words in (
        "城南支行网点改造方案决策（目标：最大化；15 个节点）",
        "期望值：630 万元",
        "根节点的分支：",
        "全面智能化改造  630  <- 选中",
        "轻型改造        515",  # aligned by display width (CJK = 2 columns)
        "策略：",
        "根节点：全面智能化改造",
        "策略的风险分布（路径总值：概率）：",
        "EVPI 完全信息期望值（决策前获知结果的价值）：",
        "周边客流：110",
        "龙卷风图（取低值 / 高值时的期望值）：",
        "波动幅度",
    ):
        assert words in out
    assert english_words(out) == []


def test_sensitivity_and_certainty_equivalent_in_chinese(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "units: 万元", "units: 万元\nrisk_tolerance: 800"
    )
    tree = written(tmp_path / "风险.yaml", text)
    code, out, err = mgmt("decision", str(tree), "--lang", "zh", "--vary", "客流增长概率=0.2:0.8:7")
    assert code == 0, err
    for words in (
        "确定性等价：",
        "期望效用",
        "风险容忍度 800",
        "对 客流增长概率 的敏感性分析：",
        "最优",
    ):
        assert words in out
    assert "盈亏平衡点" in out
    assert english_words(out) == []


def test_tree_diagram_in_chinese() -> None:
    with locale.using("zh"):
        result = rollback(load(EXAMPLE))
        dot = to_dot(result)
        cut = to_dot(result, depth=1, max_branches=2)
    labels = dot_labels(dot)
    for words in (
        "期望值 630 万元（目标：最大化）",
        "□",
        "决策节点",
        "○",
        "机会节点",
        "▷",
        "结果节点",
        "选中",
        "剪枝",
    ):
        assert words in labels
    assert english_words(labels) == []
    cut_labels = dot_labels(cut)
    assert "画到第 1 层：共 15 个节点，画出" in cut_labels
    assert "个节点未画出" in cut_labels
    assert "另有 1 个分支" in cut_labels
    assert english_words(cut_labels) == []


def test_tree_diagram_with_risk_tolerance_labels_values_in_chinese(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "units: 万元", "units: 万元\nrisk_tolerance: 800"
    )
    with locale.using("zh"):
        labels = dot_labels(to_dot(rollback(load(written(tmp_path / "t.yaml", text)))))
    assert "期望值 515" in labels
    assert "确定性等价 472.1" in labels
    assert "；确定性等价 472.1 万元（风险容忍度 800）" in labels
    assert english_words(labels) == []


def _texts(figure: object) -> str:
    return "\n".join(figure_texts(figure))  # type: ignore[arg-type]


def test_charts_in_chinese() -> None:
    with locale.using("zh"):
        tree = load(EXAMPLE)
        result = run(tree, vary=("客流增长概率", 0.2, 0.8, 7), tornado=True)
        profile = _texts(_risk_profile_figure(result))
        sensitivity = _texts(_sensitivity_figure(result))
        tornado = _texts(_tornado_figure(result))
    for words in (
        "风险分布图",
        "路径总值（万元）",
        "路径总值不超过 x 的概率",
        "（选中）：期望值 630",
        "右下方",
    ):
        assert words in profile
    for words in ("对 客流增长概率 的敏感性分析", "分支的期望值（万元）", "最优分支", "基准 0.5"):
        assert words in sensitivity
    assert "盈亏平衡点" in sensitivity
    assert "重新求最优" in sensitivity

    for words in (
        "龙卷风图",
        "决策树的期望值（万元）",
        "变量取低值",
        "取高值",
        "基准 630",
        "（基准 0.5）",
    ):
        assert words in tornado
    for text in (profile, sensitivity, tornado):
        assert english_words(text) == []


BAD = """\
name: 授信决策
variables: {违约率: 0.08}
root:
  type: decision
  branches:
    - name: 放款
      node:
        type: chance
        name: 客户结果
        branches:
          - {name: 按时还款, p: 0.8, payoff: 120}
          - {name: 违约, p: 0.1, payoff: -300}
    - {name: 拒绝, p: 0.5}
    - {name: 拒绝, payoff: 违约率 * 2}
"""


def test_bad_tree_in_chinese(tmp_path: Path) -> None:
    path = written(tmp_path / "bad.yaml", BAD)
    code, _out, err = mgmt("decision", str(path), "--lang", "zh")
    assert code == 1
    lines = err.splitlines()
    assert (
        f"{path}:8:9: root.branches[0].node: 机会节点 '客户结果' 的概率之和为 0.9，不等于 1"
        in lines
    )
    assert (
        f"{path}:13:21: root.branches[1].p: 决策节点的备选方案不应设概率（是否应为 type: chance？）"
        in lines
    )
    assert (
        f"{path}:14:14: root.branches[2].name: 分支名称 '拒绝' 重复（首次出现在 branches[1]）"
        in lines
    )


def test_bad_tree_stays_english_with_lang_en(tmp_path: Path) -> None:
    path = written(tmp_path / "bad.yaml", BAD)
    code, _out, err = mgmt("decision", str(path), "--lang", "en")
    assert code == 1
    assert (
        f"{path}:8:9: root.branches[0].node: the probabilities of chance node '客户结果' sum to "
        "0.9, not 1"
    ) in err.splitlines()


def test_empty_branches_and_union_messages_in_chinese(tmp_path: Path) -> None:
    text = (
        "variables: {bad: [1]}\nroot:\n  type: decision\n  branches:\n"
        "    - name: B\n      node: {type: chance, branches: []}\n"
    )
    path = written(tmp_path / "empty.yaml", text)
    with locale.using("zh"), pytest.raises(InputError) as caught:
        load(path)
    messages = [problem.message for problem in caught.value.problems]
    assert messages == ["不是数字或表达式", "机会节点至少需要一个结果分支"]


def test_unknown_variable_option_in_chinese() -> None:
    code, _out, err = mgmt("decision", str(EXAMPLE), "--lang", "zh", "--vary", "增长概率=0:1")
    assert code == 2
    assert "未知变量 '增长概率'" in err


def test_english_unchanged() -> None:
    code, out, err = mgmt("decision", str(EXAMPLE), "--lang", "en")
    assert code == 0, err
    assert out.startswith(
        "城南支行网点改造方案决策 (objective: max; 15 nodes)\nExpected value: 630 万元\n"
    )
    assert "  全面智能化改造  630  <- chosen" in out
    assert "  root: 全面智能化改造" in out
    assert "EVPI (value of knowing the outcome before deciding):\n  周边客流: 110" in out


def test_tied_branches_listed_as_the_reader_writes() -> None:
    """The branches of a tie are named with 、 in Chinese and ", " in English."""
    from mgmt_tools.decision import loads

    text = "root:\n  type: decision\n  branches:\n    - {name: 甲方案, payoff: 10}\n"
    text += "    - {name: 乙方案, payoff: 10}\n"
    with locale.using("zh"):
        (zh,) = run(loads(text)).warnings
    with locale.using("en"):
        (en,) = run(loads(text)).warnings
    assert "'甲方案'、'乙方案'" in zh
    assert "'甲方案', '乙方案' are worth 10" in en
