"""``mgmt index`` and ``mgmt ahp`` in Chinese (issue 15): the text summaries, the hierarchy
diagram (DOT), the ranking and acceptability charts of the Chinese examples, located Chinese
messages for bad input and warnings (CR > 0.1), and English unchanged with ``--lang en``.

Terms as in the glossary of the localisation: 指标 for an index's criteria, 准则 for AHP's,
权重 weight, 备选方案 alternative, 得分 score, 排名 rank, 归一化 normalisation, 一致性比率 CR,
一致性指标 CI, 随机一致性指标 RI, 最大特征值 λmax, 效益型 benefit, 成本型 cost, 可接受度
acceptability, 理想解 ideal solution.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from matplotlib.text import Text

from mgmt_tools.locale import using
from mgmt_tools.mcda import evaluate, load, load_judgements, run, summary_text, to_dot
from mgmt_tools.mcda.charts import _acceptability_figure, _ranking_figure
from mgmt_tools.mcda.names import labelled, method_name, normalization_name
from tests.locale.untranslated import english_words

from ..helpers import mgmt, written

EXAMPLES = Path(__file__).parents[2] / "examples"
INDEX = EXAMPLES / "index" / "branch-site-zh.yaml"
AHP = EXAMPLES / "ahp" / "core-system-vendor-zh.yaml"

SYMBOLS = {"max"}
"""λmax, the principal eigenvalue, is written as the symbol in Chinese texts too: its Latin
part is not English left untranslated."""
INDEX_VALUES = {"topsis", "vector", "given"}
"""The option values the Chinese summary names beside their Chinese names (方法：TOPSIS（topsis）),
so a reader can write them in the input: values of the YAML, never translated."""
AHP_VALUES = {"eigenvector", "saaty"}
"""The AHP method and the random-index table (saaty1980: its letters) named by their values."""


def _index_words() -> set[str]:
    """The words of the index example itself (ids and names are data, never translated)."""
    matrix = load(INDEX)
    return {*matrix.criteria, *matrix.criterion_names, *matrix.alternatives, *INDEX_VALUES}


def _ahp_words() -> set[str]:
    judgements = load_judgements(AHP)
    return {*judgements.criteria.elements, *(judgements.alternatives or ()), *AHP_VALUES}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text))


def _cells(dot: str) -> list[str]:
    """The text a reader sees in a DOT hierarchy: the cells of its HTML labels."""
    labels = re.findall(r"label=<(<TABLE.*?</TABLE>)>", dot, flags=re.S)
    return [
        html.unescape(text).replace("\xa0", " ").strip()
        for label in labels
        for text in re.findall(r">([^<>]+)<", label)
    ]


def _labels(dot: str) -> str:
    """The cells one a line (for :func:`english_words`)."""
    return "\n".join(_cells(dot))


def _flowing(dot: str) -> str:
    """The cells run together, so that a sentence wrapped over cells reads whole (Chinese
    wraps between characters, without a space)."""
    return "".join(_cells(dot))


# --- text summaries -------------------------------------------------------------------------


def test_index_summary_in_chinese() -> None:
    run_ = mgmt("index", str(INDEX), "--lang", "zh")
    assert run_.code == 0, run_.err
    text = run_.out
    lines = text.splitlines()
    assert lines[:4] == [
        "新设社区支行选址（5 个备选方案，6 个指标）",
        "方法：TOPSIS（topsis）；得分：与理想解的贴近度；越高越好",
        "归一化：向量归一化（vector），TOPSIS的默认方法",
        "赋权：given（各指标给定的权重，归一化为合计 1）",
    ]
    assert "指标（方向，权重）：" in lines
    assert "  租金      成本型  0.2000（年租金（万元））" in lines
    assert "  客流量    效益型  0.2500（日均客流量（人次））" in lines
    assert "排名：" in lines
    assert "    1  经开区工业园店  得分 0.6657" in lines
    assert english_words(text, allowed=_index_words()) == []


def test_index_ranking_rows_align_by_display_width() -> None:
    """Names of different lengths in CJK characters (2 columns each): every score starts at
    the same display column."""
    from mgmt_tools.render import display_width

    text = mgmt("index", str(INDEX), "--lang", "zh").out
    rows = [line for line in text.splitlines() if "得分 0." in line]
    assert len(rows) == 5
    starts = {display_width(line[: line.index("得分")]) for line in rows}
    assert len(starts) == 1


def test_index_sensitivity_in_chinese() -> None:
    text = mgmt("index", str(INDEX), "--lang", "zh", "--sensitivity", "--seed", "7").out
    assert "最优方案 经开区工业园店 的敏感性分析（每次调整一个权重，其余权重保持原比例）：" in text
    assert "排名可接受度（围绕当前权重的 2,000 次狄利克雷权重抽样，集中度 100，随机种子 7）：" in (
        text.splitlines()
    )
    assert "变为第一" in text
    assert "仍排名第一" in text
    assert "排名第一的比例" in text
    assert english_words(text, allowed=_index_words()) == []


def test_vikor_summary_in_chinese(tmp_path: Path) -> None:
    text = mgmt("index", str(INDEX), "--lang", "zh", "--method", "vikor").out
    assert "方法：VIKOR（vikor）；得分：Q；越低越好" in text
    assert "VIKOR 自身的归一化 (f* - f)/(f* - f-)" in text
    assert "VIKOR v：0.5（群体效用 S 相对个体遗憾 R 的权重）" in text
    assert "折衷解：" in text
    assert "可接受优势条件：" in text
    assert "决策可靠性条件：" in text
    assert english_words(text, allowed=_index_words() | {"vikor"}) == []


def test_ahp_summary_in_chinese() -> None:
    result = mgmt("ahp", str(AHP), "--lang", "zh")
    assert result.code == 0, result.err
    text = result.out
    lines = text.splitlines()
    assert lines[:3] == [
        "选择核心系统供应商",
        "方法：以特征向量法（eigenvector）求权重；λmax、CI 和 CR 均由最大特征值计算",
        "随机一致性指标 RI：saaty1980",
    ]
    for term in ("准则权重：", "在准则“功能匹配度”下（局部权重）：", "总排序权重："):
        assert term in lines, term
    assert "  补全：总体拥有成本 对 国产化适配 = 1.587" in lines
    assert "  系统稳定性：0.4039" in lines
    assert any(
        line.startswith("  最大特征值 λmax 5.0267，一致性指标 CI 0.0067，一致性比率 CR 0.0060")
        and line.endswith("（saaty1980，RI 1.12）")
        for line in lines
    )
    assert "    1  鼎信软件：0.4082" in lines
    assert english_words(text, allowed=_ahp_words() | SYMBOLS) == []


def test_numbers_agree_across_languages() -> None:
    """Only words change: the numbers of the Chinese summary are those of the English one."""
    numbers = re.compile(r"\d+(?:[.,]\d+)*")
    for command, path in (("index", INDEX), ("ahp", AHP)):
        zh = mgmt(command, str(path), "--lang", "zh").out
        en = mgmt(command, str(path), "--lang", "en").out
        assert numbers.findall(zh) == numbers.findall(en)


# --- JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "path", "extra"),
    [("index", INDEX, ["--sensitivity", "--seed", "3"]), ("ahp", AHP, [])],
)
def test_json_is_the_same_in_both_languages(command: str, path: Path, extra: list[str]) -> None:
    """Keys and values (method and normalisation names, score_meaning) never change with the
    language."""
    zh = json.loads(mgmt(command, str(path), "--json", "--lang", "zh", *extra).out)
    en = json.loads(mgmt(command, str(path), "--json", "--lang", "en", *extra).out)
    assert zh == en
    if command == "index":
        assert zh["score_meaning"] == "closeness to the ideal; higher is better"


# --- the hierarchy diagram ------------------------------------------------------------------


def test_index_hierarchy_in_chinese() -> None:
    with using("zh"):
        dot = to_dot(evaluate(load(INDEX)), layout="edges")
    labels, flowing = _labels(dot), _flowing(dot)
    for term in (
        "新设社区支行选址",
        "TOPSIS · 归一化：向量归一化（默认） · 赋权：给定权重",
        "权重 0.25",
        "成本型：越低越好",
        "得分 0.6657",
        "第 1 名",
        "得分：与理想解的贴近度（TOPSIS）；越高越好。",
        "线宽：目标引出的连线表示指标的权重；",
    ):
        assert term in flowing, term
    assert english_words(labels, allowed=_index_words()) == []


def test_index_table_layout_in_chinese() -> None:
    with using("zh"):
        dot = to_dot(evaluate(load(INDEX), method="vikor"), layout="table")
    labels, flowing = _labels(dot), _flowing(dot)
    for term in ("排名", "备选方案", "各列：各指标的原始值；每列最优者加粗。", "折衷解："):
        assert term in flowing, term
    assert "VIKOR · 归一化：VIKOR 自身的归一化 · 赋权：给定权重 · v 0.5" in flowing
    assert english_words(labels, allowed=_index_words()) == []


def test_ahp_hierarchy_in_chinese() -> None:
    with using("zh"):
        dot = to_dot(run(load_judgements(AHP)), layout="edges")
    labels, flowing = _labels(dot), _flowing(dot)
    for term in (
        "AHP 特征向量法 · 随机一致性指标表 saaty1980",
        "准则层 CR 0.006 · 已补全 1 个缺失判断",
        "权重 0.4039",
        "第 1 名",
        "权重：总排序权重（各准则权重与局部权重乘积之和）；越高越好。",
        "线宽：目标引出的连线表示准则的权重；连向备选方案的连线表示其在该准则下的局部权重。",
    ):
        assert term in flowing, term
    assert english_words(labels, allowed=_ahp_words()) == []


def test_diagram_structure_is_the_same_in_both_languages() -> None:
    """The language changes the words of the labels, never the graph: the DOT outside the
    labels is identical."""
    result = evaluate(load(INDEX))
    with using("zh"):
        zh = to_dot(result)
    with using("en"):
        en = to_dot(result)
    assert re.sub(r">[^<>]*<", "><", zh) == re.sub(r">[^<>]*<", "><", en)


# --- charts ---------------------------------------------------------------------------------


def _texts(figure: Any) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text().strip()]


def test_ranking_chart_in_chinese() -> None:
    result = evaluate(load(INDEX))
    with using("zh"):
        figure = _ranking_figure(result)
    texts = _texts(figure)
    joined = "\n".join(texts)
    assert "新设社区支行选址：排名" in texts
    assert "得分（与理想解的贴近度）" in texts
    assert "得分：与理想解的贴近度（TOPSIS）；越高越好" in joined
    assert english_words(joined, allowed=_index_words()) == []


def test_ahp_ranking_chart_in_chinese() -> None:
    with using("zh"):
        figure = _ranking_figure(run(load_judgements(AHP)))
    texts = _texts(figure)
    assert "选择核心系统供应商：排名" in texts
    assert "总排序权重" in texts
    assert english_words("\n".join(texts), allowed=_ahp_words()) == []


def test_acceptability_chart_in_chinese() -> None:
    result = evaluate(load(INDEX), sensitivity=True, seed=7, draws=400)
    with using("zh"):
        figure = _acceptability_figure(result)
    texts = _texts(figure)
    joined = "\n".join(texts)
    assert "新设社区支行选址：排名可接受度" in texts
    assert "权重抽样中的占比" in texts
    assert "排名" in texts  # the legend's title
    assert "400 次狄利克雷权重抽样" in joined
    assert english_words(joined, allowed=_index_words()) == []


def test_charts_in_english_unchanged() -> None:
    result = evaluate(load(INDEX), sensitivity=True, seed=7, draws=400)
    with using("en"):
        ranking = _texts(_ranking_figure(result))
        accept = _texts(_acceptability_figure(result))
    assert "新设社区支行选址: ranking" in ranking
    assert "Score (closeness to the ideal)" in ranking
    assert "新设社区支行选址: rank acceptability" in accept
    assert {"Share of the weight draws", "Rank"} <= set(accept)


# --- bad input and warnings -----------------------------------------------------------------

UNKNOWN_CRITERION = """\
criteria:
  - {id: 客流量, weight: 0.6}
  - {id: 租金, weight: 0.4, direction: min}
alternatives:
  - {name: 甲店, 客流量: 3000, 租金: 80}
  - {name: 乙店, 客流: 2500, 租金: 60}
"""

INCONSISTENT = """\
goal: 客户经理考核维度权重
elements: [存款增长, 贷款质量, 中间业务收入, 客户满意度]
comparisons:
  - [存款增长, 贷款质量, 3]
  - [存款增长, 中间业务收入, "1/5"]
  - [贷款质量, 中间业务收入, 7]
  - [存款增长, 客户满意度, 2]
  - [贷款质量, 客户满意度, "1/4"]
  - [中间业务收入, 客户满意度, 5]
"""

NOT_RECIPROCAL = """\
elements: [甲, 乙, 丙]
matrix:
  - [1, 3, 2]
  - [3, 1, 1]
  - [0.5, 1, 1]
"""


def test_bad_index_input_in_chinese(tmp_path: Path) -> None:
    path = written(tmp_path / "sites.yaml", UNKNOWN_CRITERION)
    result = mgmt("index", str(path), "--lang", "zh")
    assert result.code == 1
    lines = result.err.splitlines()
    assert f"{path}:6:16: alternatives[1].客流: 未知指标 '客流'（您是否想输入 '客流量'？）" in lines
    english = mgmt("index", str(path), "--lang", "en").err.splitlines()
    message = "unknown criterion '客流' (did you mean '客流量'?)"
    assert f"{path}:6:16: alternatives[1].客流: {message}" in english


def test_not_reciprocal_in_chinese(tmp_path: Path) -> None:
    path = written(tmp_path / "pair.yaml", NOT_RECIPROCAL)
    result = mgmt("ahp", str(path), "--lang", "zh")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        f"{path}:4:6: matrix[1][0]: 不满足互反性：matrix[0][1] 为 3，因此 matrix[1][0] 应为 1/3，"
        "而不是 3"
    )


def test_inconsistency_warning_in_chinese(tmp_path: Path) -> None:
    """CR above 0.1 (Saaty's limit): the warning names the judgement farthest from the
    priorities, in Chinese, and the numbers are those of the English warning."""
    path = written(tmp_path / "kpi.yaml", INCONSISTENT)
    zh = mgmt("ahp", str(path), "--lang", "zh")
    en = mgmt("ahp", str(path), "--lang", "en")
    assert zh.code == en.code == 0
    warning = next(line for line in zh.err.splitlines() if "一致性比率" in line)
    assert warning.startswith("警告：一致性比率 CR 为 1.474，超过 0.1：判断不一致；")
    assert "最不一致的判断是 '贷款质量' 对 '中间业务收入' = 7（按权重应为 1.06）" in warning
    assert "CR is 1.474, above 0.1: the judgements are inconsistent" in en.err
    assert "CR 1.4738（超过 0.1）" in _flowing(_dot_zh(path))


def _dot_zh(path: Path) -> str:
    with using("zh"):
        return to_dot(run(load_judgements(path)))


def test_index_warnings_in_chinese(tmp_path: Path) -> None:
    """The weights not summing to 1 and a criterion with one value for every alternative."""
    path = written(
        tmp_path / "flat.yaml",
        "criteria:\n  - {id: 客流量, weight: 3}\n  - {id: 安防, weight: 1}\n"
        "alternatives:\n  - {name: 甲店, 客流量: 3000, 安防: 8}\n"
        "  - {name: 乙店, 客流量: 2500, 安防: 8}\n",
    )
    with using("zh"):
        text = summary_text(evaluate(load(path)))
    assert "警告：给定权重合计为 4；已归一化为合计 1" in text
    assert "警告：指标 '安防' 在所有备选方案上取值相同（8）：无法区分各方案，得分为 0" in text
    # the option values named beside their Chinese names: given, minmax, weighted_sum
    assert english_words(text, allowed={"given", "minmax", "weighted", "sum"}) == []


# --- English unchanged ----------------------------------------------------------------------


def test_english_spot_checks() -> None:
    text = mgmt("index", str(INDEX), "--lang", "en").out
    assert text.splitlines()[1:3] == [
        "Method: topsis (score: closeness to the ideal; higher is better)",
        "Normalization: vector (the default for topsis)",
    ]
    assert "    1  经开区工业园店  score 0.6657" in text.splitlines()
    ahp = mgmt("ahp", str(AHP), "--lang", "en").out
    assert "Overall priorities:" in ahp
    assert "  completed: 总体拥有成本 against 国产化适配 = 1.587" in ahp


def test_names_in_both_languages() -> None:
    with using("en"):
        assert labelled(method_name, "weighted_sum") == "weighted_sum"
        assert labelled(normalization_name, "zscore") == "zscore"
    with using("zh"):
        assert labelled(method_name, "weighted_sum") == "加权和法（weighted_sum）"
        assert labelled(normalization_name, "minmax") == "极差归一化（minmax）"
        assert _words(labelled(normalization_name, "none")) == {"none"}


def test_errors_raised_in_python_in_chinese() -> None:
    """A variant asked for by name in Python (no command line to check it) is refused in the
    reader's language."""
    import numpy as np

    from mgmt_tools.mcda import priorities

    with using("zh"), pytest.raises(ValueError, match=r"^未知方法 'best'（可选：weighted_sum, "):
        evaluate(load(INDEX), method="best")
    with using("zh"), pytest.raises(ValueError, match=r"^未知 AHP 方法 'x'（应为 eigenvector"):
        priorities(np.ones((2, 2)), "x")
    with using("en"), pytest.raises(ValueError, match=r"^unknown method 'best' \(one of "):
        evaluate(load(INDEX), method="best")


HIERARCHY_INCONSISTENT = """\
criteria: [功能, 稳定, 成本]
criteria_comparisons: [[功能, 稳定, 5], [稳定, 成本, 5], [成本, 功能, 5]]
alternatives: [甲, 乙, 丙]
alternative_comparisons:
  功能: [[甲, 乙, 2], [乙, 丙, 2], [甲, 丙, 4]]
  稳定: [[甲, 乙, 9], [乙, 丙, 9], [丙, 甲, 9]]
  成本: [[甲, 乙, 1], [乙, 丙, 1], [甲, 丙, 1]]
"""


def test_hierarchy_inconsistency_names_the_matrix_in_chinese(tmp_path: Path) -> None:
    """The criteria's matrix (named "criteria" in the JSON) is 准则层 to a Chinese reader; an
    alternatives' matrix is named by its criterion. A cycle 功能 > 稳定 > 成本 > 功能 at 5 is
    as inconsistent as judgements get: the priorities are equal (implied ratio 1)."""
    path = written(tmp_path / "cycle.yaml", HIERARCHY_INCONSISTENT)
    zh = mgmt("ahp", str(path), "--lang", "zh").err.splitlines()
    assert (
        "警告：准则层判断矩阵的一致性比率 CR 为 2.759，超过 0.1：判断不一致；"
        "最不一致的判断是 '功能' 对 '稳定' = 5（按权重应为 1）"
    ) in zh
    assert any(line.startswith("警告：准则“稳定”下判断矩阵的一致性比率 CR 为 6.130") for line in zh)
    en = mgmt("ahp", str(path), "--lang", "en").err
    assert "warning: CR of criteria is 2.759, above 0.1: the judgements are inconsistent;" in en


def test_unlinked_elements_listed_as_the_reader_writes() -> None:
    """The elements no judgement links are named with 、 in Chinese, ", " in English."""
    from mgmt_tools.errors import InputError
    from mgmt_tools.mcda import loads_judgements

    text = "elements: [甲, 乙, 丙, 丁]\ncomparisons: [[甲, 乙, 2], [丙, 丁, 3]]\n"
    with using("zh"), pytest.raises(InputError, match="没有判断链将 '丙'、'丁' 与 '甲' 相连"):
        loads_judgements(text)
    with using("en"), pytest.raises(InputError, match="links '丙', '丁' to '甲'"):
        loads_judgements(text)
