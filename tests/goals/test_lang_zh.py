"""``mgmt goals`` in Chinese (issue 15): the summary, diagram, mindmap and checklist of the
Chinese example, a bad input's located Chinese message, and English unchanged with --lang en.

Terms as in the glossary of the localisation (正常 on track, 有风险 at risk, 落后 off track,
已完成 done, 截止 due, 截至 as of); dates spelled as CLDR's long Chinese form (2027年6月30日).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from mgmt_cli.main import cli
from mgmt_tools.goals import load, run, summary_text, to_dot, to_markdown, to_mermaid
from mgmt_tools.locale import set_language, using
from tests.locale.untranslated import english_words

from ..helpers import written

EXAMPLE = Path(__file__).parents[2] / "examples" / "goals" / "branch-deposits-2027-zh.yaml"


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """An option error or --help ends a command while its options are parsed, before its
    context closes, so --lang's setting would outlive it in this process: reset it."""
    yield
    set_language(None)


def _mgmt(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _names() -> set[str]:
    """The words of the input itself (goal names and owners are data, never translated)."""
    result = run(load(EXAMPLE))
    return {word for node in result.nodes for word in (node.goal.name, node.owner or "")}


def test_summary_in_chinese() -> None:
    text = _mgmt("goals", str(EXAMPLE), "--lang", "zh")
    assert text.splitlines()[:3] == [
        "2027年支行存款增长目标",
        "截至2027年6月30日",
        text.splitlines()[2],
    ]
    header = text.splitlines()[2].split()
    assert header == ["目标", "进度", "状态", "进度评估", "负责人", "截止日期"]
    for term in ("正常", "有风险", "落后", "已完成", "进行中", "受阻", "未开始", "须全部达成"):
        assert term in text, term
    assert "任一达成即可" in text
    assert "2027年12月31日" in text
    assert "SMART 缺项（2 个目标）：" in text
    assert "截止日期不晚于上级目标的截止日期 2027年12月31日" in text
    assert "可衡量的目标值" in text
    assert english_words(text, allowed=_names()) == []


def test_summary_rows_align_by_display_width() -> None:
    """The percent column is right-aligned: every row's '%' ends at the same display column
    (a CJK character takes two columns)."""
    from mgmt_tools.render import display_width

    lines = _mgmt("goals", str(EXAMPLE), "--lang", "zh").splitlines()
    rows = [line for line in lines[3:] if "%" in line and not line.startswith(" " * 50)]
    ends = {display_width(line[: line.index("%") + 1]) for line in rows}
    assert len(rows) == 11
    assert len(ends) == 1, ends


def test_diagram_mindmap_and_checklist_in_chinese() -> None:
    with using("zh"):
        result = run(load(EXAMPLE))
        dot, mermaid, markdown = to_dot(result), to_mermaid(result), to_markdown(result)
    assert "截止 2027年12月31日" in dot
    assert "截至2027年6月30日" in dot
    for term in ("正常", "有风险", "落后", "受阻 · 落后", "须全部达成", "任一达成即可"):
        assert term in dot, term
    assert "须全部达成 · 有风险" in mermaid
    assert "- [x] 梳理园区内200家中小企业名单（100%，刘洋，截止 2027年3月31日，正常）" in markdown
    assert "## SMART 缺项" in markdown
    allowed = _names() | {"digraph", "goals", "mindmap"}
    for text in (mermaid, markdown):
        assert english_words(text, allowed=allowed) == []
    # the DOT's own words (attributes, HTML tags) are not for the reader: only its labels
    labels = " ".join(re.findall(r">([^<>=\"\n]+)<", dot))
    assert "截止 2027年12月31日" in labels
    assert english_words(labels, allowed=allowed) == []


def test_hidden_goals_counted_in_chinese() -> None:
    with using("zh"):
        result = run(load(EXAMPLE))
        assert "下有 10 个目标" in to_dot(result, depth=0)
        assert "下有 10 项" in to_mermaid(result, depth=0)
        assert "…… 另有 1 个目标" in to_dot(result, max_branches=2)


def test_json_is_the_same_in_both_languages() -> None:
    english = _mgmt("goals", str(EXAMPLE), "--lang", "en", "--json")
    chinese = _mgmt("goals", str(EXAMPLE), "--lang", "zh", "--json")
    assert chinese == english
    assert '"track": "at_risk"' in chinese
    assert "due by the parent's due date 2027-12-31" in chinese


def test_bad_input_keeps_its_place_and_speaks_chinese(tmp_path: Path) -> None:
    path = written(
        tmp_path / "坏目标.yaml",
        "goal: 存款增长\nchildren:\n  - goal: 代发工资\n    metric: {baseline: 5, target: 5}\n"
        "  - {goal: 零售, weight: -1}\n",
    )
    result = CliRunner().invoke(cli, ["goals", str(path), "--lang", "zh"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any(
        line.endswith(":4:35: children[0].metric.target: 目标值等于基准值（5）：该指标无法衡量进度")
        for line in lines
    ), lines
    assert any(
        ":5:24: children[1].weight: 权重不能为负数，实际为 '-1'" in line for line in lines
    ), lines


def test_option_error_in_chinese() -> None:
    result = CliRunner().invoke(
        cli, ["goals", str(EXAMPLE), "--lang", "zh", "--on-track", "0.3", "--at-risk", "0.2"]
    )
    assert result.exit_code == 2
    assert "--at-risk（0.2）必须 >= --on-track（0.3）" in result.output


@pytest.mark.parametrize("lang", ["en", None])
def test_english_unchanged(lang: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    args = ["goals", str(EXAMPLE)] + (["--lang", lang] if lang else [])
    text = _mgmt(*args)
    assert text.splitlines()[1] == "as of 2027-06-30"
    assert text.splitlines()[2].split() == ["goal", "progress", "status", "track", "owner", "due"]
    assert "[ALL of]" in text
    assert "at_risk" in text
    assert "2027-12-31" in text
    assert "SMART gaps (2 goals):" in text
    assert "due by the parent's due date 2027-12-31" in text
    with using("en"):
        dot = to_dot(run(load(EXAMPLE)))
    assert "due 2027-12-31" in dot
    assert "blocked · off track" in dot
    assert "as of 2027-06-30" in dot


SMART_TREE = """\
goal: 增长
children:
  - {goal: 获客}
  - {goal: 留存, owner: 张三}
  - {goal: 获客}
"""


def test_smart_gaps_and_names_listed_as_the_reader_writes() -> None:
    """What a goal lacks and goals of one name are listed with 、 in Chinese, ", " in English;
    the Markdown details take ， and full-width brackets in Chinese."""
    from mgmt_tools.goals import loads

    with using("zh"):
        result = run(loads(SMART_TREE))
        text, markdown = summary_text(result), to_markdown(result)
        with pytest.raises(KeyError, match="'增长 / 获客'、'增长 / 获客'"):
            result.goal("获客")
    assert "  增长 / 获客：可衡量的目标值、截止日期、负责人" in text.splitlines()
    assert "- 增长 / 留存：可衡量的目标值、截止日期" in markdown.splitlines()
    assert "  - [ ] 留存（0%，张三）" in markdown.splitlines()
    with using("en"):
        result = run(loads(SMART_TREE))
        text, markdown = summary_text(result), to_markdown(result)
        with pytest.raises(KeyError, match="'增长 / 获客', '增长 / 获客'"):
            result.goal("获客")
    assert any(line.startswith("  增长 / 获客: ") and ", " in line for line in text.splitlines())
    assert "  - [ ] 留存 (0%, 张三)" in markdown.splitlines()
