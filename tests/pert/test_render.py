"""mgmt_tools.pert.render: the AON diagram as DOT (golden file), SVG/PNG/PDF and Mermaid, the
simplification of big plans, and the text summary.

Regenerate the golden DOT after an intended change with ``UPDATE_GOLDEN=1 pytest tests/pert``
(the test is skipped when it writes the file; run it again to compare).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools.pert import Schedule, from_dict, loads, schedule
from mgmt_tools.pert.render import render, summary_text, to_dot, to_mermaid, to_svg
from mgmt_tools.render import display_width
from mgmt_tools.render.dot import THEME

from ..helpers import diagram_tests, golden, mgmt, svg_test, written
from .plans import FORMATS_EXAMPLE

GOLDEN = Path(__file__).parent / "golden"

# The pert example of docs/formats, verbatim.
ONBOARDING = FORMATS_EXAMPLE

CHINESE = """\
project: 供应链金融客户准入
units: 天
tasks:
  - {id: A, name: 收集客户资料, duration: 3}
  - {id: B, name: 信用审批, duration: 4, depends_on: [A]}
  - {id: C, name: 反洗钱与制裁名单筛查（KYC/AML）, duration: 2, depends_on: ["A SS+1"]}
  - {id: D, name: 签署《保理合同》, duration: 1.5, depends_on: [B, C]}
"""


@pytest.fixture(scope="module")
def onboarding() -> Schedule:
    return schedule(loads(ONBOARDING))


def _plan(tasks: list[dict[str, Any]], **top: Any) -> Schedule:
    return schedule(from_dict({**top, "tasks": tasks}))


def _programme(phases: int, width: int) -> Schedule:
    """``phases`` layers of ``width`` tasks, each depending on two tasks of the layer before:
    one critical path (the 5-day tasks) among many others."""
    tasks: list[dict[str, Any]] = []
    for phase in range(phases):
        for lane in range(width):
            task: dict[str, Any] = {"id": f"P{phase}L{lane}", "duration": 5 if lane == 0 else 1}
            if phase:
                task["depends_on"] = [f"P{phase - 1}L{lane}", f"P{phase - 1}L{(lane + 1) % width}"]
            tasks.append(task)
    return _plan(tasks, project="Programme")


def _node_count(dot: str) -> int:
    return len(re.findall(r"^  t\d+ \[label=", dot, re.MULTILINE))


def _edges(dot: str) -> list[str]:
    return re.findall(r"^  t\d+ -> t\d+.*$", dot, re.MULTILINE)


# --- DOT --------------------------------------------------------------------------------------


def test_onboarding_dot_matches_golden_file(onboarding: Schedule) -> None:
    golden(GOLDEN / "onboarding.dot", to_dot(onboarding))


def test_dot_is_deterministic() -> None:
    first = to_dot(schedule(loads(ONBOARDING)))
    assert to_dot(schedule(loads(ONBOARDING))) == first
    assert to_dot(schedule(loads(ONBOARDING), engine="loop")) == first


def test_dot_layout_and_boxes(onboarding: Schedule) -> None:
    dot = to_dot(onboarding)
    assert dot.startswith("digraph pert {\n")
    assert dot.endswith("}\n")
    assert 'rankdir="LR"' in dot
    # a title longer than 60 columns: the project, then the duration and the dates
    # the project is the title; the duration and dates are a note (as on the Gantt chart)
    assert "<B>Supply-chain finance onboarding</B>" in dot
    assert ">Duration 7.5 days, 2027-03-01 to 2027-03-10<" in dot
    assert _node_count(dot) == 4
    box_c = re.search(r"^  t2 \[label=<(.*)>\]$", dot, re.MULTILINE)
    assert box_c is not None
    numbers = re.findall(r'WIDTH="30"[^>]*><FONT[^>]*>([^<]*)</FONT>', box_c[1])
    # ES dur EF / LS TF LF: the plan has a start, so the four times are working days
    assert numbers == ["5 Mar", "2", "8 Mar", "8 Mar", "1.5", "10 Mar"]
    assert "3.0" not in dot
    assert "7.50" not in dot


def test_critical_tasks_and_driving_links_use_the_accent(onboarding: Schedule) -> None:
    dot = to_dot(onboarding)
    boxes = dict(re.findall(r"^  (t\d+) \[label=<<TABLE ([^>]*)>", dot, re.MULTILINE))
    for node in ("t0", "t1", "t3"):
        assert f'COLOR="{THEME.accent}"' in boxes[node]
    assert f'COLOR="{THEME.accent}"' not in boxes["t2"]
    edges = {line.split(" [")[0].strip(): line for line in _edges(dot)}
    assert edges.keys() == {"t0 -> t1", "t1 -> t2", "t0 -> t2", "t1 -> t3", "t2 -> t3"}
    for spine in ("t0 -> t1", "t1 -> t3"):
        assert f'color="{THEME.accent}"' in edges[spine]
        assert "penwidth=2.2" in edges[spine]
    assert f'color="{THEME.accent}"' not in edges["t1 -> t2"]  # driving, but C is not critical
    assert f'color="{THEME.faint}"' in edges["t0 -> t2"]  # slack: not driving


def test_links_are_labelled_unless_plain_finish_to_start(onboarding: Schedule) -> None:
    edges = _edges(to_dot(onboarding))
    labels = [re.search(r"\blabel=<([^>]*)>", line) for line in edges]
    assert [match[1] if match else None for match in labels] == [None, "SS+1", "FF+2", None, None]
    lead = _plan(
        [
            {"id": "A", "duration": 2},
            {"id": "B", "duration": 1, "depends_on": ["A FS-1", "A SF", "A SS+0.25"]},
        ]
    )
    assert re.findall(r"label=<([^>]*)>\]?", "\n".join(_edges(to_dot(lead)))) == [
        "FS-1",
        "SF",
        "SS+0.25",
    ]


def test_milestones_look_different(onboarding: Schedule) -> None:
    dot = to_dot(onboarding)
    milestone = re.search(r"^  t3 \[label=<(.*)>\]$", dot, re.MULTILINE)
    task = re.search(r"^  t0 \[label=<(.*)>\]$", dot, re.MULTILINE)
    assert milestone is not None
    assert task is not None
    assert 'STYLE="rounded"' in milestone[1]
    assert "◆ Credit approved" in milestone[1]
    assert 'STYLE="rounded"' not in task[1]


def test_ids_show_when_they_differ_from_the_name(onboarding: Schedule) -> None:
    dot = to_dot(onboarding)
    assert re.search(rf'COLOR="{THEME.muted}">A</FONT>.*Collect KYC', dot)
    box_b = re.search(r"^  t1 \[label=<(.*)>\]$", dot, re.MULTILINE)
    assert box_b is not None
    assert f'COLOR="{THEME.muted}">B<' not in box_b[1]


def test_user_text_is_escaped_and_node_names_are_generated() -> None:
    nasty = '"; bgcolor=red; x="\\N <b>&'
    result = _plan(
        [
            {"id": nasty, "name": "a } b", "duration": 1},
            {"id": "}", "duration": 1, "depends_on": [nasty]},
        ],
        project='<Project> & "co"',
    )
    dot = to_dot(result)
    assert nasty not in dot
    assert "<b>" not in dot
    assert '"co"' not in dot
    assert "&quot;; bgcolor=red; x=&quot;\\\\N &lt;b&gt;&amp;" in dot
    assert re.findall(r"^  (t\d+) ", dot, re.MULTILINE) == ["t0", "t1", "t0"]


def test_long_and_chinese_names_are_wrapped() -> None:
    dot = to_dot(schedule(loads(CHINESE)))
    assert "收集客户资料" in dot
    assert "反洗钱与制裁名单" in dot
    assert ">筛查" in dot
    assert "（KYC/AML）" in dot


# --- big plans --------------------------------------------------------------------------------


def test_small_plans_are_not_simplified() -> None:
    result = _programme(10, 5)
    dot = to_dot(result, max_tasks=50)
    assert _node_count(dot) == 50
    assert "Simplified" not in dot


def test_big_plans_keep_critical_paths_and_neighbours() -> None:
    result = _programme(40, 30)  # 1,200 tasks
    dot = to_dot(result, max_tasks=100)
    critical = result.critical_paths[0]
    assert len(critical) == 40
    kept = _node_count(dot)
    assert (
        "Simplified: " + f"{kept} of 1,200 tasks shown (critical paths and their neighbours)" in dot
    )
    assert 40 < kept <= 200
    ids = result.plan.ids
    for task in critical:
        assert f"  t{ids.index(task)} [label=" in dot
    # the numbers are the real ones: a kept neighbour's late dates and total float
    neighbour = ids.index("P1L1")
    box = re.search(rf"^  t{neighbour} \[label=<(.*)>\]$", dot, re.MULTILINE)
    assert box is not None
    late = [
        float(result.ls[neighbour]),
        float(result.total_float[neighbour]),
        float(result.lf[neighbour]),
    ]
    assert late[1] > 0
    shown = re.findall(r'WIDTH="30"[^>]*><FONT[^>]*>([^<]*)</FONT>', box[1])[3:]
    assert shown == [f"{value:g}" for value in late]


def test_simplified_diagram_drops_implied_links_but_not_the_critical_path() -> None:
    tasks: list[dict[str, Any]] = [{"id": f"X{i}", "duration": 1} for i in range(30)]
    tasks += [
        {"id": "A", "duration": 5},
        {"id": "B", "duration": 5, "depends_on": ["A"]},
        {"id": "C", "duration": 5, "depends_on": ["B", "A"]},  # A -> C is implied by A->B->C
        {"id": "N", "duration": 1, "depends_on": ["A"]},
        {"id": "O", "duration": 1, "depends_on": ["N", "A"]},
    ]  # A -> O implied
    result = _plan(tasks)
    dot = to_dot(result, max_tasks=10)
    ids = result.plan.ids
    a, b, c, n, o = (ids.index(task) for task in "ABCNO")
    edges = {line.split(" [")[0].strip() for line in _edges(dot)}
    assert {f"t{a} -> t{b}", f"t{b} -> t{c}", f"t{a} -> t{n}", f"t{n} -> t{o}"} <= edges
    assert f"t{a} -> t{o}" not in edges
    assert f"t{a} -> t{c}" not in edges
    assert "Simplified: 5 of 35 tasks shown" in dot


def test_huge_neighbourhoods_fall_back_to_the_critical_paths() -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "A", "duration": 10},
        {"id": "Z", "duration": 1, "depends_on": ["A"]},
    ]
    tasks += [{"id": f"F{i}", "duration": 0.5, "depends_on": ["A"]} for i in range(60)]
    dot = to_dot(_plan(tasks), max_tasks=20)
    assert "Simplified: 2 of 62 tasks shown (critical paths only)" in dot
    assert _node_count(dot) == 2


def test_a_very_long_critical_path_is_cut() -> None:
    chain = [
        {"id": f"C{i}", "duration": 1, **({"depends_on": [f"C{i - 1}"]} if i else {})}
        for i in range(100)
    ]
    dot = to_dot(_plan(chain), max_tasks=10)
    assert "Simplified: 20 of 100 tasks shown (the start of the first critical path)" in dot
    assert _node_count(dot) == 20
    assert len(_edges(dot)) == 19


# --- rendering --------------------------------------------------------------------------------


test_render_refuses_other_formats, test_render_without_graphviz, test_render_formats = (
    diagram_tests("onboarding", render, to_svg)
)


test_svg_shows_names_and_numbers = svg_test(
    lambda: schedule(loads(CHINESE)),
    to_svg,
    ["收集客户资料", "供应链金融客户准入", "Duration 8.5 天"],
)


@pytest.mark.dot
def test_escaped_names_render(onboarding: Schedule) -> None:
    result = _plan([{"id": "A", "name": 'R&D "alpha" <v2> \\N', "duration": 1}])
    svg = to_svg(result)
    # on two lines of the box, each escaped
    assert "R&amp;D &quot;alpha&quot;" in svg
    assert "&lt;v2&gt; \\N" in svg


# --- Mermaid ----------------------------------------------------------------------------------


def test_mermaid_flowchart(onboarding: Schedule) -> None:
    text = to_mermaid(onboarding)
    lines = text.splitlines()
    assert lines[:2] == [
        "flowchart LR",
        "  %% Supply-chain finance onboarding: 7.5 days (2027-03-01 to 2027-03-10)",
    ]
    assert '  t0["A: Collect KYC documents<br/>ES 1 Mar · EF 3 Mar · TF 0"]' in lines
    assert '  t3(["M: Credit approved<br/>ES 10 Mar · EF 10 Mar · TF 0"])' in lines
    assert "  t1 -->|SS+1| t2" in lines
    assert "  t0 -->|FF+2| t2" in lines
    assert "  class t0,t1,t3 critical" in lines
    links = [line for line in lines if "-->" in line]
    assert links.index("  t0 --> t1") == 0
    assert links.index("  t1 --> t3") == 3
    assert f"  linkStyle 0,3 stroke:{THEME.accent},stroke-width:2.5px" in lines
    assert text == to_mermaid(schedule(loads(ONBOARDING)))


def test_mermaid_escapes_names() -> None:
    result = _plan([{"id": "end", "name": 'Sign "NDA" & <file> #1', "duration": 1}])
    assert '  t0["end: Sign #quot;NDA#quot; #amp; #lt;file#gt; #35;1<br/>' in to_mermaid(result)


def test_mermaid_simplifies_big_plans() -> None:
    text = to_mermaid(_programme(40, 30), max_tasks=100)
    assert text.splitlines()[2].startswith('  note0["Simplified: ')
    assert len(re.findall(r"^  t\d+\[", text, re.MULTILINE)) <= 200


# --- summary ----------------------------------------------------------------------------------


def test_summary_of_the_onboarding_plan(onboarding: Schedule) -> None:
    text = summary_text(onboarding)
    lines = text.splitlines()
    assert (
        lines[0] == "Supply-chain finance onboarding: duration 7.5 days, 2027-03-01 to 2027-03-10"
    )
    assert lines[2].split() == [
        "id",
        "name",
        "dur",
        "ES",
        "EF",
        "LS",
        "LF",
        "TF",
        "FF",
        "crit",
        "start",
        "finish",
    ]
    assert lines[5].split() == [
        "C",
        "C",
        "2",
        "4",
        "6",
        "5.5",
        "7.5",
        "1.5",
        "1.5",
        "2027-03-05",
        "2027-03-08",
    ]
    assert "Critical path: A -> B -> M" in lines
    assert "PERT (normal approximation): mean 7.5, sd 1.1667 days" in lines
    assert "  P(T <= 8) = 0.6659 (66.6%)" in lines
    assert "  quantiles: 50% 7.5, 80% 8.4819, 90% 8.9951, 95% 9.419, 99% 10.2141" in lines


def test_summary_aligns_chinese_names() -> None:
    lines = summary_text(schedule(loads(CHINESE))).splitlines()
    table = lines[2:7]
    ends = {
        display_width(line[: line.index(line.split()[3]) + len(line.split()[3])])
        for line in table[1:]
    }  # the right edge of the ES column
    assert len(ends) == 1


def test_summary_of_a_huge_plan_shows_fifty_rows() -> None:
    result = _programme(30, 10)
    lines = summary_text(result).splitlines()
    assert "... 250 more tasks (use --json or -o plan.csv)" in lines
    assert sum(1 for line in lines if re.match(r"P\d+L\d+ ", line)) == 50


def test_summary_counts_paths_beyond_the_listed_ones() -> None:
    tasks: list[dict[str, Any]] = []
    for stage in range(8):  # two equal tasks per stage, each linked to both of the last stage
        for lane in "ab":
            before = [f"S{stage - 1}{x}" for x in "ab"] if stage else []
            tasks.append({"id": f"S{stage}{lane}", "duration": 1, "depends_on": before})
    result = _plan(tasks)
    text = summary_text(result)
    assert "256 critical paths, first 100 listed:" in text
    assert "  100. " in text
    assert "  101. " not in text
    assert "warning: 256 critical paths; the first 100 are listed" in text


def test_summary_shortens_long_paths() -> None:
    chain = [
        {"id": f"C{i}", "duration": 1, **({"depends_on": [f"C{i - 1}"]} if i else {})}
        for i in range(60)
    ]
    text = summary_text(_plan(chain))
    assert "C19 -> ... (35 more) -> C55" in text


# --- Options of the other chart ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "options", "output", "flags"),
    [
        (
            "pert",
            ["--today", "2027-03-05", "--columns", "name"],
            "net.svg",
            ["--columns", "--today"],
        ),
        ("pert", ["--today", "2027-03-05"], "net.mmd", ["--today"]),
        (
            "gantt",
            ["--rankdir", "TB", "--precision", "3"],
            "gantt.svg",
            ["--rankdir", "--precision"],
        ),
        ("pert", ["--rankdir", "tb", "--precision", "1"], "net.dot", []),
        ("gantt", ["--today", "2027-03-05", "--columns", "name"], "gantt.svg", []),
    ],
)
def test_an_option_of_the_other_chart_is_not_silently_ignored(
    tmp_path: Path, command: str, options: list[str], output: str, flags: list[str]
) -> None:
    plan = written(tmp_path / "plan.yaml", ONBOARDING)
    code, _, err = mgmt(command, str(plan), *options, "-o", str(tmp_path / output))
    assert code == 0, err
    warned = [line for line in err.splitlines() if "does not apply" in line]
    assert [line.split()[1] for line in warned] == flags  # "warning: --today does not apply"
    chart = "gantt" if command == "gantt" else "network"
    assert all(f"the {chart} chart" in line for line in warned)


def test_help_says_which_chart_an_option_is_for() -> None:
    text = " ".join(mgmt("gantt", "--help")[1].split())
    assert "--rankdir [auto|lr|tb] Network only" in text
    assert "--precision N Network only" in text
    assert "--today DATE Gantt chart only" in text
