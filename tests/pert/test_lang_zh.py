"""`mgmt pert --lang zh`: the summary, the network (DOT, Mermaid), the Gantt chart (matplotlib,
Mermaid), the risk chart and the messages of a bad plan in Chinese (mgmt_tools.locale, catalog
``pert``); English unchanged.

The numbers of examples/pert/credit-approval-zh.yaml, by hand (PERT: te = (a + 4m + b) / 6, sd
= (b - a) / 6, Malcolm, Roseboom, Clark & Fazar 1959; PMBOK Guide 6th ed. 6.4.2.4): te of A, B,
C, D, F = 20/6, 26/6, 26/6, 32/6, 19/6; D starts SS+1 after A, so E starts at max(20/6 + 26/6,
1 + 32/6) = 7.6667 and the project takes 7.6667 + 3 + 3.1667 + 1 = 14.8333 days along two
critical paths (A-B-E-F-G-M, A-C-E-F-G-M). The larger variance of the two, (4/6)^2 + (6/6)^2 +
(3/6)^2 = 1.6944, gives sd 1.3017, and P(T <= 16) = Phi(1.1667 / 1.3017) = Phi(0.8963) = 0.8149.

examples/pert/card-launch-zh.yaml starts on Monday 2027-03-01, Monday to Friday, with 2027-04-05
(清明节) off: REQ (5) - DEV (12) - UAT (5) - PILOT (5) is the critical path of 27 working days.
March 2027 has 23 weekdays; the 24th and 25th working days are 1 and 2 April, the 26th and 27th
6 and 7 April (5 April off), so the project finishes on 2027-04-07. The tests of the diagrams
and charts put DEV and UAT in a group (``card_with_group``) to see the group's texts too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgmt_tools import locale
from mgmt_tools.errors import DomainError, InputError
from mgmt_tools.pert import (
    Plan,
    from_dict,
    gantt_mermaid,
    load,
    loads,
    run,
    schedule,
    to_dot,
    to_mermaid,
)
from mgmt_tools.pert.gantt import _gantt_figure
from mgmt_tools.pert.options import parse_deadline
from mgmt_tools.pert.risk import _risk_figure

from ..conftest import EXAMPLES
from ..helpers import figure_texts, mgmt, written
from ..locale.untranslated import english_words

CREDIT = EXAMPLES / "pert" / "credit-approval-zh.yaml"
CARD = EXAMPLES / "pert" / "card-launch-zh.yaml"
CARD_IDS = {"REQ", "RISK", "LEGAL", "DEV", "UAT", "TRAIN", "PILOT"}
_IT = """\
  - {id: DEV, name: 核心系统与手机银行开发, duration: 12, depends_on: [REQ]}
  - {id: UAT, name: 用户验收测试, duration: 5, depends_on: [DEV]}
"""
_GROUP = """\
  - id: IT
    name: 系统开发与测试
    depends_on: [REQ]
    tasks:
      - {id: DEV, name: 核心系统与手机银行开发, duration: 12}
      - {id: UAT, name: 用户验收测试, duration: 5, depends_on: [DEV]}
"""


def card_with_group() -> Plan:
    """The card example with DEV and UAT in a group IT (a summary task)."""
    text = CARD.read_text(encoding="utf-8")
    assert _IT in text
    return loads(text.replace(_IT, _GROUP))


_TAGS = re.compile(r"</?(?:TABLE|TR|TD|FONT|B|BR)\b[^<>]*>")
_LABEL = re.compile(r"label=<(.*?)>(?:,|\]|$)", re.MULTILINE)


def dot_labels(dot: str) -> str:
    """The text of every HTML label of a DOT source, markup removed, one per line."""
    return "\n".join(_TAGS.sub(" ", label) for label in _LABEL.findall(dot))


def test_summary_in_chinese() -> None:
    code, out, err = mgmt("pert", str(CREDIT), "--lang", "zh")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "对公授信审批 - 华鑫钢贸：总工期 14.8333 天"
    assert lines[2].split() == [
        "编号",
        "名称",
        "工期",
        "最早开始",
        "最早完成",
        "最迟开始",
        "最迟完成",
        "总时差",
        "自由时差",
        "关键",
    ]
    # aligned by display width: the numbers end under the end of their header (CJK = 2 columns)
    assert lines[3] == (
        "A     收集客户资料    3.3333         0    3.3333         0    3.3333       0         0  *"
    )
    for words in (
        "2 条关键路径：",
        "  1. A -> B -> E -> F -> G -> M",
        "PERT（正态近似）：均值 14.8333，标准差 1.3017 天",
        "  按期完成概率 P(T <= 16) = 0.8149（81.5%）",
        "  分位数：50% 14.8333、80% 15.9289",
    ):
        assert words in out
    assert english_words(out) == []


def test_summary_with_dates_in_chinese() -> None:
    code, out, err = mgmt("pert", str(CARD), "--lang", "zh")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "信用卡“安心分期”新产品上线：总工期 27 天，2027年3月1日至2027年4月7日"
    assert lines[2].split()[-3:] == ["关键", "开始", "完成"]
    assert "关键路径：REQ -> DEV -> UAT -> PILOT -> GO" in lines
    assert english_words(out, allowed=CARD_IDS) == []


def test_english_unchanged_with_lang_en() -> None:
    code, out, err = mgmt("pert", str(CREDIT), "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "对公授信审批 - 华鑫钢贸: duration 14.8333 天"
    assert lines[2].split() == ["id", "name", "dur", "ES", "EF", "LS", "LF", "TF", "FF", "crit"]
    assert "PERT (normal approximation): mean 14.8333, sd 1.3017 天" in lines
    assert "  P(T <= 16) = 0.8149 (81.5%)" in lines
    code, out, err = mgmt("pert", str(CARD), "--lang", "en")
    assert out.splitlines()[0] == (
        "信用卡“安心分期”新产品上线: duration 27 days, 2027-03-01 to 2027-04-07"
    )


def test_json_is_the_same_in_both_languages() -> None:
    _code, chinese, _err = mgmt("pert", str(CREDIT), "--lang", "zh", "--json")
    _code, english, _err = mgmt("pert", str(CREDIT), "--lang", "en", "--json")
    assert chinese == english


def test_network_diagram_in_chinese() -> None:
    with locale.using("zh"):
        dot = to_dot(schedule(card_with_group()))
        simplified = to_dot(schedule(load(CREDIT)), max_tasks=3)
    labels = dot_labels(dot)
    for words in (
        "信用卡“安心分期”新产品上线",  # the title: the project; the duration and dates below
        "总工期 27 天，2027年3月1日至2027年4月7日",
        "最早开始",
        "最早完成",
        "最迟开始",
        "最迟完成",
        "总时差",
        "工期",
        "任务",
        "━━ 关键",
        "━━ 有时差",
        "系统开发与测试（3月8日 至 3月30日，总时差 0）",  # the group IT: DEV and UAT, dated
    ):
        assert words in labels
    assert english_words(labels, allowed=CARD_IDS) == []
    cut = dot_labels(simplified)
    assert "简化图：显示 8 个任务中的" in cut
    assert "关键路径" in cut
    assert english_words(cut) == []


def test_mermaid_network_in_chinese() -> None:
    with locale.using("zh"):
        text = to_mermaid(schedule(load(CREDIT)))
    assert "%% 对公授信审批 - 华鑫钢贸：14.8 天" in text  # one decimal: three-point estimates
    assert "收集客户资料<br/>最早开始 0 · 最早完成 3.3 · 总时差 0" in text
    shown = "\n".join(
        [line for line in text.splitlines() if "%%" in line] + re.findall(r'\["(.*?)"\]', text)
    )
    assert english_words(shown) == []


def test_mermaid_gantt_in_chinese() -> None:
    with locale.using("zh"):
        text = gantt_mermaid(schedule(card_with_group()))
        offsets = gantt_mermaid(schedule(load(CREDIT)))
    lines = text.splitlines()
    assert "    title 信用卡“安心分期”新产品上线（27 天，2027年3月1日至2027年4月7日）" in lines
    assert "    %% 工作日历：每个任务从开始日期到完成日期" in lines
    assert "    %% 截止日期：2027年4月16日" in lines
    assert "    section 系统开发与测试" in lines
    assert "    %% 截止期限：16 天" in offsets.splitlines()
    assert "自项目开始（0）起的偏移量，单位为天" in offsets
    read = [line for line in (text + offsets).splitlines() if "%%" in line or "title" in line]
    # Mermaid's own words stay (dateFormat, Unix seconds are what the comment explains)
    assert english_words("\n".join(read), allowed={"title", "dateFormat", "Unix"}) == []


def _texts(figure: object) -> str:
    figure.canvas.draw()  # type: ignore[attr-defined]  # the tick labels are set when drawn
    return "\n".join(figure_texts(figure))  # type: ignore[arg-type]


def test_gantt_chart_in_chinese() -> None:
    with locale.using("zh"):
        text = _texts(_gantt_figure(schedule(card_with_group())))
    for words in (
        "信用卡“安心分期”新产品上线",
        "总工期 27 天，2027年3月1日至2027年4月7日；截止日期 2027年4月16日",
        "截止日期 2027年4月16日",  # the deadline's line
        "任务组",
        "关键任务",
        "总时差",
        "里程碑",
        "非工作日",
        "截止日期",  # the legend (docs/language.md)
        "2027年",  # the year below the day ticks
        "3月8日",  # a Monday tick (locale.day_month)
        "核心系统与手机银行开发",
    ):
        assert words in text
    assert "Mar" not in text
    assert english_words(text, allowed=CARD_IDS) == []


def test_gantt_chart_without_dates_in_chinese() -> None:
    with locale.using("zh"):
        text = _texts(_gantt_figure(schedule(load(CREDIT))))
    assert "总工期 14.8 天；截止期限 16 天" in text
    assert "截止期限 16 天" in text
    assert "距项目开始的时间（天）" in text
    assert english_words(text) == []


def test_risk_chart_in_chinese() -> None:
    with locale.using("zh"):
        text = _texts(_risk_figure(run(load(CREDIT), trials=2000, seed=1)))
    for words in (
        "对公授信审批 - 华鑫钢贸：进度风险（完工时间分布）",
        "2,000 次模拟（β-PERT 分布，随机种子 1）：均值",
        "标准差",
        "按期完成概率 P(完工 ≤ 截止期限 16 天) = ",
        "模拟次数占比（每组）",
        "累计完成概率（S 曲线）",
        "项目完工时间（自开始起，天）",
        "截止期限",
        "P50",
    ):
        assert words in text
    assert english_words(text) == []


def test_dated_risk_chart_in_chinese() -> None:
    plan = from_dict(
        {
            "project": "网点装修",
            "start": "2027-03-01",
            "deadline": "2027-03-12",
            "tasks": [
                {"id": "设计", "optimistic": 2, "most_likely": 3, "pessimistic": 6},
                {
                    "id": "施工",
                    "optimistic": 4,
                    "most_likely": 5,
                    "pessimistic": 9,
                    "depends_on": ["设计"],
                },
            ],
        }
    )
    with locale.using("zh"):
        text = _texts(_risk_figure(run(plan, trials=500, seed=1, distribution="triangular")))
    assert "模拟次数占比（每个工作日）" in text
    assert "三角分布" in text
    assert "截止期限 2027年3月12日" in text
    assert re.search(r"P80 2027年3月\d+日", text)
    assert re.search(r"^3月\d+日$", text, re.MULTILINE)  # the date ticks
    assert english_words(text) == []


def test_risk_chart_without_simulation_refused_in_chinese() -> None:
    with locale.using("zh"), pytest.raises(DomainError, match="完工时间分布图需要模拟结果"):
        _risk_figure(schedule(load(CREDIT)))


BAD = """\
project: 授信审批
tasks:
  - {id: A, name: 收集资料, optimistic: 5, most_likely: 3, pessimistic: 8}
  - {id: B, name: 尽职调查, duration: 2, depends_on: [A, Z]}
  - {id: C, name: 审批, duration: 1, depends_on: [B, D]}
  - {id: D, name: 放款, duration: 1, depends_on: [C]}
  - {id: E, name: 归档, depends_on: [D]}
"""


def test_bad_plan_in_chinese(tmp_path: Path) -> None:
    path = written(tmp_path / "bad.yaml", BAD)
    code, _out, err = mgmt("pert", str(path), "--lang", "zh")
    assert code == 1
    lines = err.splitlines()
    assert (
        f"{path}:3:53: tasks[0].most_likely: 估计值顺序有误：乐观时间 optimistic 5，最可能时间 "
        "most_likely 3，悲观时间 pessimistic 8（应满足 optimistic <= most_likely <= pessimistic）"
    ) in lines
    assert any(
        line.startswith(f"{path}:4:54: tasks[1].depends_on[1]: 未知任务 'Z'（") for line in lines
    )
    assert f"{path}:5:52: tasks[2].depends_on[1]: 循环依赖：C -> D -> C" in lines
    assert any(
        line.startswith(f"{path}:7:") and "没有工期：请给出 duration" in line for line in lines
    )


def test_bad_plan_stays_english_with_lang_en(tmp_path: Path) -> None:
    path = written(tmp_path / "bad.yaml", BAD)
    code, _out, err = mgmt("pert", str(path), "--lang", "en")
    assert code == 1
    assert f"{path}:5:52: tasks[2].depends_on[1]: cycle: C -> D -> C" in err.splitlines()


@pytest.mark.parametrize(
    ("plan", "zh", "en"),
    [
        (
            "start: 2027-03-05\ndeadline: 2027-03-01\ntasks:\n  - {id: A, duration: 2}\n",
            "截止日期 2027年3月1日 早于开始日期 2027年3月5日",
            "deadline 2027-03-01 is before start 2027-03-05",
        ),
        (
            "start: 9999-12-01\ntasks:\n  - {id: A, duration: 50}\n",
            "开始日期 9999年12月1日 之后第 50 个工作日完成，晚于计划可达的最后日期 9999年12月31日",
            "ends 50 working days from the start 9999-12-01, past 9999-12-31,",
        ),
    ],
)
def test_dates_in_messages_are_written_in_the_language(
    tmp_path: Path, plan: str, zh: str, en: str
) -> None:
    # Chinese messages spell dates as the rest of the Chinese text (2027年3月1日); English ISO.
    path = written(tmp_path / "plan.yaml", plan)
    code, _out, err = mgmt("pert", str(path), "--lang", "zh")
    assert code == 1
    assert zh in err
    assert not re.search(r"\d{4}-\d\d-\d\d", err.split(": ", 2)[-1])
    code, _out, err = mgmt("pert", str(path), "--lang", "en")
    assert code == 1
    assert en in err


def test_bad_csv_in_chinese(tmp_path: Path) -> None:
    path = written(tmp_path / "plan.csv", "id,name,duraton\nA,开户,x\n")
    code, _out, err = mgmt("pert", str(path), "--lang", "zh")
    assert code == 1
    assert "未知列 'duraton'" in err


def test_warnings_in_chinese(tmp_path: Path) -> None:
    # A: te = (1 + 8 + 10) / 6 = 3.1667, sd 1.5; B (3) has total float 0.1667 <= sd: merge bias
    text = (
        "tasks:\n  - {id: A, optimistic: 1, most_likely: 2, pessimistic: 10}\n"
        "  - {id: B, duration: 3}\n  - {id: C, duration: 1, depends_on: [A, B, B]}\n"
    )
    path = written(tmp_path / "plan.yaml", text)
    code, out, err = mgmt("pert", str(path), "--lang", "zh")
    assert code == 0, err
    assert out.splitlines()[0] == "项目：总工期 4.1667 天"
    assert "汇合偏差：路径 B -> C 的均值为 4，与项目总工期 4.16667 相差不到一个标准差（1.5）" in err
    assert "'B' 作为紧前任务列出了两次（首次在 depends_on[1]）" in err


def test_deadline_option_refused_in_chinese() -> None:
    with locale.using("zh"), pytest.raises(ValueError, match="既不是数字，也不是日期"):
        parse_deadline("soon")


def test_a_date_deadline_without_start_in_chinese() -> None:
    data = {"tasks": [{"id": "A", "duration": 1}], "deadline": "2027-03-01"}
    with locale.using("zh"), pytest.raises(InputError, match="日期形式的截止期限需要设置 start"):
        from_dict(data)


def test_unit_words_follow_the_language() -> None:
    plan = "units: weeks\ntasks: [{id: A, duration: 2}]\n"
    code, out, _err = mgmt("pert", "-", "--lang", "zh", stdin=plan)
    assert code == 0
    assert out.splitlines()[0] == "项目：总工期 2 周"
    code, out, _err = mgmt("pert", "-", "--lang", "en", stdin=plan)
    assert out.splitlines()[0] == "Project: duration 2 weeks"
