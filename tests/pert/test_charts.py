"""The charts of a schedule: the Gantt chart (mgmt_tools.pert.gantt: bars on the working calendar,
links of every type, milestones, float, shading, deadline, groups as summary bars), the risk
chart (mgmt_tools.pert.risk), the Mermaid gantt (mgmt_tools.pert.gantt_mermaid) and the facade
the CLI uses (mgmt_tools.pert.charts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.text import Text

from mgmt_tools.errors import DomainError
from mgmt_tools.pert import Schedule, charts, from_dict, load, loads, schedule, simulate
from mgmt_tools.pert.gantt import _gantt_figure, gantt_chart
from mgmt_tools.pert.gantt_mermaid import gantt_mermaid
from mgmt_tools.pert.risk import _risk_figure, risk_chart
from mgmt_tools.pert.rows import MAX_ROWS, chart_rows
from mgmt_tools.render.chart_dates import epoch
from mgmt_tools.render.charts import NEUTRAL
from mgmt_tools.render.dot import THEME

from ..helpers import MAGIC, rectangles
from .plans import FORMATS_EXAMPLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pert"

# The pert example of docs/formats, verbatim.
ONBOARDING = FORMATS_EXAMPLE

GOLDEN_MERMAID = """\
gantt
    title Supply-chain finance onboarding (7.5 days, 2027-03-01 to 2027-03-10)
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m-%d
    inclusiveEndDates
    excludes saturday, sunday
    %% working-day calendar: each task from its start to its finish date
    %% deadline: 2027-03-10
    Collect KYC documents :crit, t0, 2027-03-01, 2027-03-03
    B :crit, t1, 2027-03-04, 2027-03-10
    C :t2, 2027-03-05, 2027-03-08
    Credit approved :crit, milestone, t3, 2027-03-10, 2027-03-10
"""


# A plan with nested groups and links to and from them (docs/formats, groups).
GROUPED = """\
project: Grouped onboarding
start: 2027-03-01
tasks:
  - {id: KICK, name: Kick-off, duration: 1}
  - id: DUE
    name: Due diligence
    depends_on: [KICK]
    tasks:
      - {id: KYC, name: KYC documents, duration: 3}
      - {id: FIN, name: Financials, duration: 5}
      - id: VISIT
        name: Site visits
        tasks:
          - {id: V1, name: Warehouse visit, duration: 1}
          - {id: V2, name: Plant visit, duration: 2, depends_on: [V1]}
  - {id: MEMO, name: Credit memo, duration: 2, depends_on: [DUE]}
  - {id: PRICE, name: Pricing, duration: 1, depends_on: ["DUE SS+1"]}
  - {id: END, name: Approved, milestone: true, depends_on: [MEMO, PRICE]}
"""

GROUPED_ROWS = [  # (label as drawn, is a group)
    ("Kick-off", False),
    ("Due diligence", True),
    ("   KYC documents", False),
    ("   Financials", False),
    ("   Site visits", True),
    ("      Warehouse visit", False),
    ("      Plant visit", False),
    ("Credit memo", False),
    ("Pricing", False),
    ("Approved", False),
]

GOLDEN_GROUPED_MERMAID = """\
gantt
    title Grouped onboarding (8 days, 2027-03-01 to 2027-03-10)
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m-%d
    inclusiveEndDates
    excludes saturday, sunday
    %% working-day calendar: each task from its start to its finish date
    section Grouped onboarding
    Kick-off :crit, t0, 2027-03-01, 2027-03-01
    section Due diligence
    KYC documents :t1, 2027-03-02, 2027-03-04
    Financials :crit, t2, 2027-03-02, 2027-03-08
    Site visits / Warehouse visit :t3, 2027-03-02, 2027-03-02
    Site visits / Plant visit :t4, 2027-03-03, 2027-03-04
    section Grouped onboarding
    Credit memo :crit, t5, 2027-03-09, 2027-03-10
    Pricing :t6, 2027-03-03, 2027-03-03
    Approved :crit, milestone, t7, 2027-03-10, 2027-03-10
"""


@pytest.fixture(scope="module")
def onboarding() -> Schedule:
    return schedule(loads(ONBOARDING))


@pytest.fixture(scope="module")
def grouped() -> Schedule:
    return schedule(loads(GROUPED))


@pytest.fixture(scope="module", params=sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> Schedule:
    return schedule(load(request.param))


def _x(day: str) -> float:
    """Matplotlib's date number of the start of ``day``."""
    return float((np.datetime64(day, "D") - epoch()).astype(np.float64))


def _xs(line: Line2D) -> list[float]:
    return np.asarray(line.get_xdata(), dtype=np.float64).tolist()  # type: ignore[no-any-return]


def _lines(figure: Figure, gid: str) -> list[Line2D]:
    return [line for axes in figure.axes for line in axes.lines if line.get_gid() == gid]


def _summaries(figure: Figure) -> list[Polygon]:
    (axes,) = figure.axes
    return [p for p in axes.patches if isinstance(p, Polygon) and p.get_gid() == "summary"]


def _extent(patch: Polygon) -> tuple[float, float, float, float]:
    """left, right, top, bottom (y grows downwards) of a drawn polygon."""
    xy = np.asarray(patch.get_xy(), dtype=np.float64)
    return xy[:, 0].min(), xy[:, 0].max(), xy[:, 1].min(), xy[:, 1].max()


def _arrows(figure: Figure) -> list[Patch]:
    """The drawn links, in link order."""
    (axes,) = figure.axes
    return [patch for patch in axes.patches if patch.get_gid() == "link"]


def _grid(figure: Figure, column: str) -> list[Text]:
    """The cells of a column of the task grid, top down."""
    return [text for text in figure.texts if text.get_gid() == f"grid-{column}"]


def _route(arrow: Patch) -> list[list[float]]:
    """The route of a link as drawn (data coordinates, without the arrowhead)."""
    return vars(arrow)["_path_original"].vertices.tolist()  # type: ignore[no-any-return]


def _milestones(figure: Figure) -> list[tuple[float, float]]:
    points = []
    for line in _lines(figure, "milestone"):
        ys = np.asarray(line.get_ydata(), dtype=np.float64).tolist()
        points += list(zip(_xs(line), ys, strict=True))
    return points


# --- Gantt chart --------------------------------------------------------------------------------


def test_svg_is_deterministic(example: Schedule) -> None:
    first = gantt_chart(example, "svg")
    assert first == gantt_chart(example, "svg")
    assert first.startswith(b"<?xml")


@pytest.mark.parametrize("fmt", ["png", "pdf"])  # the one PDF of a Gantt chart in the suite
def test_binary_formats(onboarding: Schedule, fmt: str) -> None:
    assert gantt_chart(onboarding, fmt).startswith(MAGIC[fmt])


def test_one_bar_per_task_critical_ones_in_the_accent_colour(example: Schedule) -> None:
    plan = example.plan
    figure = _gantt_figure(example)
    bars = rectangles(figure)
    solid = [i for i in range(plan.task_count) if not plan.milestone[i]]
    assert len(bars) == len(solid)
    colours = [to_hex(bar.get_facecolor()) for bar in bars]
    expected = [THEME.accent if example.critical[i] else NEUTRAL for i in solid]
    assert colours == [colour.lower() for colour in expected]
    assert [bar.get_y() + bar.get_height() / 2 for bar in bars] == solid  # input order, top down
    assert figure.axes[0].yaxis_inverted()


def test_one_arrow_per_link_driving_critical_ones_in_the_accent_colour(example: Schedule) -> None:
    (axes,) = _gantt_figure(example).axes
    arrows = [patch for patch in axes.patches if patch.get_gid() == "link"]
    assert len(arrows) == example.plan.link_count
    accent = sum(to_hex(arrow.get_edgecolor()) == THEME.accent.lower() for arrow in arrows)
    pred, succ = example.plan.link_pred, example.plan.link_succ
    assert accent == int(np.sum(example.driving & example.critical[pred] & example.critical[succ]))


def test_milestones_are_diamonds_at_the_end_of_their_day(onboarding: Schedule) -> None:
    figure = _gantt_figure(onboarding)
    assert _milestones(figure) == [(_x("2027-03-10") + 1, 3.0)]  # dated 2027-03-10, after B


@pytest.mark.parametrize("source", [ONBOARDING, (EXAMPLES / "supply-chain-onboarding.yaml")])
def test_bars_span_whole_days_from_start_to_finish_date(source: str | Path) -> None:
    example = schedule(loads(source) if isinstance(source, str) else load(source))
    assert example.start_dates is not None
    assert example.finish_dates is not None
    plan = example.plan
    solid = [i for i in range(plan.task_count) if not plan.milestone[i]]
    bars = rectangles(_gantt_figure(example))
    assert [bar.get_x() for bar in bars] == [_x(example.start_dates[i]) for i in solid]
    ends = [bar.get_x() + bar.get_width() for bar in bars]
    assert ends == [_x(example.finish_dates[i]) + 1 for i in solid]


def test_bars_without_start_date_span_the_offsets() -> None:
    result = schedule(load(EXAMPLES / "branch-campaign.yaml"))
    figure = _gantt_figure(result)
    bars = rectangles(figure)
    solid = [i for i in range(result.plan.task_count) if not result.plan.milestone[i]]
    assert [(bar.get_x(), bar.get_x() + bar.get_width()) for bar in bars] == [
        (result.es[i], result.ef[i]) for i in solid
    ]
    assert "(days)" in figure.axes[0].get_xlabel()
    assert not rectangles(figure, "nonworking")


def test_total_float_is_a_thin_bar_from_early_to_late_finish(example: Schedule) -> None:
    floats = rectangles(_gantt_figure(example), "float")
    assert len(floats) == int(np.sum(example.total_float > 0))
    assert all(bar.get_height() < 0.5 for bar in floats)


def test_weekends_and_holidays_are_shaded_and_no_bar_starts_or_ends_on_them() -> None:
    result = schedule(
        from_dict(
            {
                "start": "2027-03-31",
                "calendar": {"holidays": ["2027-04-05"]},
                "tasks": [
                    {"id": "A", "duration": 2},
                    {"id": "B", "duration": 3.5, "depends_on": ["A"]},
                    {"id": "C", "duration": 4, "depends_on": ["A SS+1"]},
                ],
            }
        )
    )
    figure = _gantt_figure(result)
    low, high = figure.axes[0].get_xlim()
    days = epoch() + np.arange(int(np.floor(low)), int(np.ceil(high)))
    off = ~np.is_busday(days, holidays=["2027-04-05"])
    shaded = np.zeros(len(days), dtype=bool)
    for span in rectangles(figure, "nonworking"):
        first = int(span.get_x()) - int(np.floor(low))
        shaded[first : first + int(span.get_width())] = True
    assert shaded.tolist() == off.tolist()
    # one span for Saturday 3 April to Monday 5 April (Qingming)
    assert any(span.get_x() == _x("2027-04-03") for span in rectangles(figure, "nonworking"))
    for bar in rectangles(figure):
        ends = epoch() + np.array([bar.get_x(), bar.get_x() + bar.get_width() - 1], dtype=np.int64)
        assert np.is_busday(ends, holidays=["2027-04-05"]).all()


def test_deadline_line_and_label(onboarding: Schedule) -> None:
    figure = _gantt_figure(onboarding)
    (line,) = _lines(figure, "deadline")
    assert _xs(line) == [_x("2027-03-10") + 1] * 2  # deadline 8: the end of working day 7
    assert "Deadline 2027-03-10" in [text.get_text() for text in figure.axes[0].texts]


def test_title_names_the_project_and_its_duration(onboarding: Schedule) -> None:
    texts = [text.get_text() for text in _gantt_figure(onboarding).texts]
    assert texts[0] == "Supply-chain finance onboarding"
    assert texts[1].startswith("Duration 7.5 days, 2027-03-01 to 2027-03-10")


def test_chinese_names_and_long_names_are_wrapped_or_cut() -> None:
    name = "签署《保理合同》并完成反洗钱与制裁名单筛查（KYC/AML）以及客户尽职调查和授信审批"
    result = schedule(
        from_dict({"tasks": [{"id": "A", "name": name, "duration": 1}, {"id": "B", "duration": 2}]})
    )
    figure = _gantt_figure(result)
    labels = [text.get_text() for text in _grid(figure, "name")]
    assert labels[1] == "B"
    assert labels[0].startswith("签署《保理合同》")
    assert labels[0].endswith("…")
    assert labels[0].count("\n") == 1
    assert figure.get_size_inches()[1] >= 2 * 0.35  # grows with the rows


def test_height_grows_with_the_number_of_tasks() -> None:
    def plan(count: int) -> Schedule:
        tasks = [{"id": f"T{i}", "duration": 1} for i in range(count)]
        return schedule(from_dict({"tasks": tasks}))

    small, large = (_gantt_figure(plan(count)).get_size_inches()[1] for count in (5, 25))
    assert large - small == pytest.approx(20 * 0.35)


def test_big_plans_draw_the_critical_tasks_and_the_first_others() -> None:
    tasks: list[dict[str, Any]] = [{"id": "S", "duration": 1}]
    tasks += [{"id": f"N{i}", "duration": 1, "depends_on": ["S"]} for i in range(300)]
    tasks += [{"id": "L", "duration": 5, "depends_on": ["S"]}]
    result = schedule(from_dict({"tasks": tasks}))
    figure = _gantt_figure(result)
    labels = [text.get_text() for text in _grid(figure, "name")]
    assert len(labels) == MAX_ROWS
    assert [*labels[:3], labels[-1]] == ["S", "N0", "N1", "L"]
    arrows = [patch for patch in figure.axes[0].patches if patch.get_gid() == "link"]
    assert len(arrows) == MAX_ROWS - 1  # the links between drawn tasks
    assert any("302 tasks: the 2 critical ones" in text.get_text() for text in figure.texts)


def test_every_link_type_is_drawn_between_the_ends_it_ties() -> None:
    result = schedule(
        from_dict(
            {
                "tasks": [
                    {"id": "A", "duration": 4},
                    {"id": "B", "duration": 3, "depends_on": ["A SS+1"]},
                    {"id": "C", "duration": 3, "depends_on": ["A FF+2"]},
                    {"id": "D", "duration": 2, "depends_on": ["A SF+6"]},
                    {"id": "E", "duration": 2, "depends_on": ["A"]},
                ]
            }
        )
    )
    (axes,) = _gantt_figure(result).axes
    arrows = [patch for patch in axes.patches if patch.get_gid() == "link"]
    routes = [vars(arrow)["_path_original"].vertices for arrow in arrows]  # as drawn, no head
    ends = [(route[0], route[-1]) for route in routes]
    es, ef = result.es.tolist(), result.ef.tolist()
    expected = [  # SS start to start, FF end to end, SF start to end, FS end to start
        ((es[0], 0), (es[1], 1)),
        ((ef[0], 0), (ef[2], 2)),
        ((es[0], 0), (ef[3], 3)),
        ((ef[0], 0), (es[4], 4)),  # FS touching E: round the bars of B, C and D, into E
    ]
    for (start, end), (want_start, want_end) in zip(ends, expected, strict=True):
        assert tuple(start) == want_start
        assert tuple(end) == want_end
    assert [y for _, y in routes[3][1:-2]] == [0, 0.5, 0.5, 3.5, 3.5]  # along the gaps


# --- Gantt chart: groups -----------------------------------------------------------------------


def test_groups_are_rows_of_their_own_before_their_tasks_with_indented_labels(
    grouped: Schedule,
) -> None:
    labels = _grid(_gantt_figure(grouped), "name")
    assert [(label.get_text(), label.get_fontweight() == "bold") for label in labels] == [
        (name.strip(), bold) for name, bold in GROUPED_ROWS
    ]
    indents = [label.get_position()[0] for label in labels]  # inches from the left
    depths = [(len(name) - len(name.lstrip())) // 3 for name, _ in GROUPED_ROWS]
    assert indents == pytest.approx([indents[0] + 8 / 72 * depth for depth in depths])
    rows = [label.get_text().strip() for label in labels]
    bars = [bar.get_y() + bar.get_height() / 2 for bar in rectangles(_gantt_figure(grouped))]
    names = grouped.plan.names
    solid = [task for task in range(grouped.plan.task_count) if not grouped.plan.milestone[task]]
    assert bars == [rows.index(names[task]) for task in solid]


def test_one_summary_bar_per_group_from_its_start_date_to_its_finish_date(
    grouped: Schedule,
) -> None:
    figure = _gantt_figure(grouped)
    summaries = _summaries(figure)
    groups = grouped.group_rows()
    assert len(summaries) == len(groups) == 2
    for patch, group, row in zip(summaries, groups, (1, 4), strict=True):
        left, right, top, bottom = _extent(patch)
        assert (left, right) == (_x(group["start_date"]), _x(group["finish_date"]) + 1)
        assert top < row < bottom < row + 0.5  # thin, its ends pointing down within its row
        colour = THEME.accent if group["critical"] else THEME.ink
        assert to_hex(patch.get_facecolor()) == colour.lower()
    assert next(entry.get_text() for entry in figure.legends[0].get_texts()) == "Group"


def test_summary_bars_without_start_date_span_the_group_times() -> None:
    data = {
        "tasks": [{"id": "G", "tasks": [{"id": "A", "duration": 2.5}, {"id": "B", "duration": 4}]}]
    }
    result = schedule(from_dict(data))
    (patch,) = _summaries(_gantt_figure(result))
    times = result.group_times()
    assert _extent(patch)[:2] == (times.es[0], times.ef[0]) == (0.0, 4.0)


def test_a_group_of_milestones_gets_a_short_summary_bar_centred_on_its_date() -> None:
    data = {
        "tasks": [
            {"id": "A", "duration": 3},
            {"id": "G", "depends_on": ["A"], "tasks": [{"id": "M", "milestone": True}]},
        ]
    }
    (patch,) = _summaries(_gantt_figure(schedule(from_dict(data))))
    left, right, _, _ = _extent(patch)
    assert left < 3.0 < right
    assert (left + right) / 2 == pytest.approx(3.0)


def test_links_to_and_from_a_group_end_at_its_summary_bar(grouped: Schedule) -> None:
    plan, figure = grouped.plan, _gantt_figure(grouped)
    pairs = zip(plan.link_pred.tolist(), plan.link_succ.tolist(), strict=True)
    keys = [(plan.node_id(pred), plan.node_id(succ)) for pred, succ in pairs]
    arrows = dict(zip(keys, _arrows(figure), strict=True))  # one per link
    ends = {key: _route(arrow) for key, arrow in arrows.items()}
    due = grouped.group_rows()[0]
    start, finish = _x(due["start_date"]), _x(due["finish_date"]) + 1
    # KICK finishes where DUE starts: the arrow drops onto the top of DUE's summary bar (row 1)
    (x, y) = ends["KICK", "DUE"][-1]
    assert start <= x <= finish
    assert 0.9 <= y < 1
    # FS from DUE: from the end of its summary bar; SS+1 from its start, into Pricing's start
    assert ends["DUE", "MEMO"][0] == [finish, 1]
    assert ends["DUE", "PRICE"][0] == [start, 1]
    assert ends["DUE", "PRICE"][-1] == [_x("2027-03-03"), 8]
    colours = {key: to_hex(arrow.get_edgecolor()) for key, arrow in arrows.items()}
    accent = THEME.accent.lower()
    assert colours["KICK", "DUE"] == colours["DUE", "MEMO"] == accent  # driving, critical
    assert colours["DUE", "PRICE"] != accent


def test_finish_to_finish_and_start_to_finish_links_leave_a_group_at_its_ends() -> None:
    data = {
        "tasks": [
            {"id": "G", "tasks": [{"id": "A", "duration": 3}]},
            {"id": "F", "duration": 2, "depends_on": ["G FF+1"]},
            {"id": "S", "duration": 2, "depends_on": ["G SF+4"]},
        ]
    }
    result = schedule(from_dict(data))
    (ff, sf) = (_route(arrow) for arrow in _arrows(_gantt_figure(result)))
    assert ff[0] == [3.0, 0]
    assert ff[-1] == [result.ef[1], 2]
    assert sf[0] == [0.0, 0]
    assert sf[-1] == [result.ef[2], 3]
    assert ff[1][0] > 3.0
    assert sf[1][0] < 0.0


def test_groups_count_toward_the_rows_drawn() -> None:
    groups = [
        {"id": f"G{g}", "tasks": [{"id": f"T{g}.{t}", "duration": 1 + (g == 7)} for t in range(9)]}
        for g in range(30)
    ]
    result = schedule(from_dict({"tasks": groups}))
    rows = chart_rows(result)
    assert len(rows.nodes) == MAX_ROWS
    plan = result.plan
    placed = set(rows.nodes.tolist())
    for task in rows.tasks.tolist():  # every task drawn has its group's row above it
        group = plan.task_count + plan.groups_of(task)[0]
        assert group in placed
        assert rows.nodes.tolist().index(group) < rows.nodes.tolist().index(task)
    assert set(np.flatnonzero(result.critical).tolist()) <= set(rows.tasks.tolist())
    assert rows.note is not None
    assert "270 tasks: the 9 critical ones" in rows.note
    labels = _grid(_gantt_figure(result), "name")
    assert len(labels) == MAX_ROWS


def test_the_facade_serves_the_cli() -> None:
    assert charts.gantt_chart is gantt_chart
    assert charts.risk_chart is risk_chart
    assert charts.gantt_mermaid is gantt_mermaid
    assert charts.MAX_ROWS == MAX_ROWS
    assert (charts._gantt_figure, charts._risk_figure) == (_gantt_figure, _risk_figure)


# --- risk chart --------------------------------------------------------------------------------


def _simulated(result: Schedule, trials: int = 4000) -> Schedule:
    run = simulate(result.plan, trials, seed=1, deadline=result.deadline)
    return dataclasses.replace(result, simulation=run)


def test_risk_chart_needs_a_simulation(onboarding: Schedule) -> None:
    with pytest.raises(DomainError, match="--simulate"):
        risk_chart(onboarding, "png")


def test_risk_chart_marks_the_simulated_quantiles() -> None:
    result = _simulated(schedule(load(EXAMPLES / "credit-approval-zh.yaml")))
    assert result.simulation is not None
    figure = _risk_figure(result)
    quantiles = [_xs(line)[0] for line in _lines(figure, "quantile")]
    assert quantiles == [result.simulation.quantiles[q] for q in ("0.5", "0.8", "0.95")]
    (deadline,) = _lines(figure, "deadline")
    assert _xs(deadline)[0] == 16.0
    notes = " ".join(text.get_text() for text in figure.texts)  # the heading's notes
    assert f"= {(result.simulation.probability or 0.0) * 100:.1f}%" in notes
    assert risk_chart(result, "png").startswith(b"\x89PNG")


def test_dated_risk_chart_marks_the_end_of_the_quantiles_working_days(onboarding: Schedule) -> None:
    result = _simulated(onboarding)
    assert result.simulation is not None
    figure = _risk_figure(result)
    marked = sorted({_xs(line)[0] for line in _lines(figure, "quantile")})
    first = dt.date(2027, 3, 1)
    wanted = set()
    for q in ("0.5", "0.8", "0.95"):
        day = np.busday_offset(first, int(np.ceil(result.simulation.quantiles[q])) - 1)
        wanted.add(_x(str(day)) + 1)
    assert marked == sorted(wanted)
    (curve,) = _lines(figure, "s-curve")
    assert np.asarray(curve.get_ydata())[-1] == pytest.approx(100)
    assert any(patch.get_gid() == "nonworking" for patch in figure.axes[0].patches)
    assert risk_chart(result, "svg") == risk_chart(result, "svg")


# --- Mermaid ------------------------------------------------------------------------------------


def test_mermaid_golden(onboarding: Schedule) -> None:
    assert gantt_mermaid(onboarding) == GOLDEN_MERMAID


def test_mermaid_never_relies_on_mermaid_dates(example: Schedule) -> None:
    text = gantt_mermaid(example)
    assert not re.search(r"\b(after|until)\b", text)
    tasks = [line for line in text.splitlines() if re.match(r"    \S.* :", line)]
    assert len(tasks) == example.plan.task_count
    for index, line in enumerate(tasks):
        data = line.rsplit(" :", 1)[1].split(", ")
        assert data[-3] == f"t{index}"
        assert ("crit" in data) == bool(example.critical[index])
        assert ("milestone" in data) == bool(example.plan.milestone[index])
        if example.start_dates is not None and example.finish_dates is not None:
            assert data[-2:] == [example.start_dates[index], example.finish_dates[index]]


def test_mermaid_without_start_writes_offsets() -> None:
    text = gantt_mermaid(schedule(load(EXAMPLES / "branch-campaign.yaml")))
    assert "    dateFormat X\n    axisFormat %s\n" in text
    assert "Campaign brief approved by the branch head :crit, t0, 0, 2\n" in text
    assert "Campaign review :crit, milestone, t10, 24, 24\n" in text
    fractional = gantt_mermaid(schedule(from_dict({"tasks": [{"id": "A", "duration": 2.5}]})))
    assert "    dateFormat x\n" in fractional
    assert "    A :crit, t0, 0, 2500\n" in fractional


def test_mermaid_escapes_what_the_gantt_grammar_reads() -> None:
    names = ["Sign: NDA", "Fee #2; due", "50% done", "Title deeds", "2027-01-01 kick-off", "a\nb"]
    result = schedule(
        from_dict(
            {
                "project": "Q1: plan #1",
                "tasks": [{"id": str(i), "name": n, "duration": 1} for i, n in enumerate(names)],
            }
        )
    )
    lines = gantt_mermaid(result).splitlines()
    assert lines[1] == "    title Q1#58; plan #35;1 (1 days)"
    tasks = [line.rsplit(" :", 1)[0].strip() for line in lines if " :" in line]
    assert tasks == [
        "Sign#58; NDA",
        "Fee #35;2#59; due",
        "50#37; done",
        "#84;itle deeds",
        "#50;027-01-01 kick-off",
        "a b",
    ]
    for task in tasks:  # no character left that ends a name, a statement or starts a comment
        assert not re.search(r"[:;%#]", re.sub(r"#\d+;", "", task))


def test_mermaid_groups_are_sections(grouped: Schedule) -> None:
    assert gantt_mermaid(grouped) == GOLDEN_GROUPED_MERMAID


def test_mermaid_sections_escape_group_names_and_default_to_the_project() -> None:
    data = {
        "tasks": [
            {"id": "G", "name": "Section: KYC; 100%", "tasks": [{"id": "A", "duration": 1}]},
            {"id": "B", "duration": 1},
        ]
    }
    text = gantt_mermaid(schedule(from_dict(data)))
    sections = [line for line in text.splitlines() if line.startswith("    section ")]
    assert sections == ["    section #83;ection#58; KYC#59; 100#37;", "    section Project"]
