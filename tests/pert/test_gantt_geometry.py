"""The Gantt chart's layout, measured: the task grid, the links routed around the bars, the today
line and a legend listing exactly what is drawn, on generated plans of 3 to 50 tasks (long
English and Chinese names, with and without a start date, with groups, with --columns and
--today).

Aspect range: a Gantt chart is between 0.4 and 4.5 times as wide as it is high (docs/pert.md).
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from mgmt_tools.errors import OptionError
from mgmt_tools.locale import using
from mgmt_tools.pert import Schedule, from_dict, schedule
from mgmt_tools.pert.charts import gantt_chart
from mgmt_tools.pert.gantt import TODAY_NEAR, _gantt_figure, gantt_drawing
from mgmt_tools.pert.gantt_grid import COLUMNS, parse_columns, parse_today
from mgmt_tools.pert.gantt_links import DIAMOND_HALF, LANE
from mgmt_tools.registry.pert import GANTT
from mgmt_tools.render import geometry
from mgmt_tools.render.chart_dates import epoch
from mgmt_tools.render.style import LEGIBLE_SIZE, NOTE_SIZE

ASPECT = (0.4, 4.5)
SIZES = (3, 8, 15, 30, 50)
ENGLISH = "Collect and verify the beneficial-owner documents of the client, item {i}"
CHINESE = "核验第{i}项客户受益所有人资料并完成反洗钱名单筛查与授信审批"


def plan(
    count: int, *, chinese: bool = False, dated: bool = True, groups: bool = False
) -> dict[str, Any]:
    """A plan of ``count`` tasks: a chain with side branches of every link type, long names,
    every fifth task a milestone; with ``groups`` every five tasks form a group."""
    tasks: list[dict[str, Any]] = []
    for i in range(count):
        task: dict[str, Any] = {
            "id": f"T{i}",
            "name": (CHINESE if chinese else ENGLISH).format(i=i),
            "duration": 0 if i % 5 == 4 else 1 + (i * 7) % 5,
        }
        depends = [f"T{i - 1}"] if i else []
        if i >= 3 and i % 3 == 0:
            depends.append(f"T{i - 3} {('SS', 'FF', 'FS')[i % 9 // 3]}+1")
        if depends:
            task["depends_on"] = depends
        tasks.append(task)
    if groups:
        tasks = [
            {"id": f"G{g}", "name": f"Phase {g}", "tasks": tasks[g * 5 : g * 5 + 5]}
            for g in range((count + 4) // 5)
        ]
    data: dict[str, Any] = {"project": "Generated plan", "tasks": tasks}
    if dated:
        data["start"] = "2027-03-01"
        data["deadline"] = "2027-12-31" if count > 15 else "2027-05-31"
    return data


CASES = [
    pytest.param(count, chinese, dated, groups, id=f"{count}-{lang}-{start}-{grouped}")
    for count in SIZES
    for chinese, lang in ((False, "en"), (True, "zh"))
    for dated, start in ((True, "dated"), (False, "offsets"))
    for groups, grouped in ((False, "flat"), (True, "groups"))
]


def _drawn(result: Schedule, **options: Any) -> geometry.Drawing:
    with geometry.recorded() as drawn:
        gantt_chart(result, "png", **options)
    assert len(drawn) == 1
    return drawn[0]


@pytest.mark.parametrize(("count", "chinese", "dated", "groups"), CASES)
def test_no_text_overlaps_or_leaves_the_canvas(
    count: int, chinese: bool, dated: bool, groups: bool
) -> None:
    result = schedule(from_dict(plan(count, chinese=chinese, dated=dated, groups=groups)))
    options: dict[str, Any] = {"today": dt.date(2027, 3, 10)} if dated else {}
    with using("zh" if chinese else "en"):
        drawing = _drawn(result, **options)
    assert drawing.problems(aspect=ASPECT) == []
    if count <= 15:  # up to 15 tasks (18 rows with groups) it reads on an A4 page
        best = max(drawing.printed_size("a4"), drawing.printed_size("a4-landscape"))
        assert best >= LEGIBLE_SIZE


@pytest.mark.parametrize(
    "columns", ["name", "id,name", "name,start,finish,float", ",".join(COLUMNS)]
)
@pytest.mark.parametrize("count", [3, 30])
def test_chosen_columns_fit(columns: str, count: int) -> None:
    result = schedule(from_dict(plan(count, groups=True)))
    drawing = _drawn(result, columns=parse_columns(columns))
    assert drawing.problems(aspect=ASPECT) == []
    figure = _gantt_figure(result, columns=parse_columns(columns))
    headers = [text.get_text() for text in figure.texts if text.get_gid() == "grid-header"]
    assert len(headers) == len(parse_columns(columns))


# --- the grid ------------------------------------------------------------------------------


def _texts(figure: Figure, gid: str) -> list[Any]:
    return [text for text in figure.texts if text.get_gid() == gid]


def test_grid_rows_are_level_with_the_bars_and_left_of_them() -> None:
    result = schedule(from_dict(plan(15, groups=True)))
    figure = _gantt_figure(result)
    figure.canvas.draw()
    (axes,) = figure.axes
    names = _texts(figure, "grid-name")
    assert [text.get_position()[1] for text in names] == list(range(len(names)))
    assert len(names) == 15 + 3  # a row per task and per group
    left = axes.get_window_extent().x0
    for text in figure.texts:
        if str(text.get_gid()).startswith("grid-"):
            assert text.get_window_extent().x1 < left  # the grid never reaches the bars
    bold = [text.get_text() for text in names if text.get_fontweight() == "bold"]
    assert bold == ["Phase 0", "Phase 1", "Phase 2"]


def test_grid_cells_from_the_schedule() -> None:
    data = {
        "start": "2027-03-01",  # a Monday
        "tasks": [
            {"id": "A", "name": "Design", "duration": 3},
            {"id": "B", "name": "Build", "duration": 4, "depends_on": ["A"]},
            {"id": "M", "name": "Done", "duration": 0, "depends_on": ["B"]},
        ],
    }
    figure = _gantt_figure(schedule(from_dict(data)), columns=parse_columns(",".join(COLUMNS)))
    cells = {column: [t.get_text() for t in _texts(figure, f"grid-{column}")] for column in COLUMNS}
    assert cells["id"] == ["A", "B", "M"]
    assert cells["duration"] == ["3", "4", "0"]
    assert cells["start"] == ["1 Mar", "4 Mar", "9 Mar"]  # B: Thu 4 to Tue 9 (weekend off)
    assert cells["finish"] == ["3 Mar", "9 Mar", "9 Mar"]
    assert cells["float"] == ["0", "0", "0"]
    with using("zh"):
        figure = _gantt_figure(schedule(from_dict(data)))
    assert [t.get_text() for t in _texts(figure, "grid-start")] == ["3月1日", "3月4日", "3月9日"]
    assert [t.get_text() for t in _texts(figure, "grid-header")][1] == "任务名称"


def test_grid_without_a_start_shows_offsets() -> None:
    data = plan(3, dated=False)
    result = schedule(from_dict(data))
    figure = _gantt_figure(result)
    starts = [t.get_text() for t in _texts(figure, "grid-start")]
    assert starts == [f"{value:g}" for value in result.es.tolist()]


def test_long_names_wrap_to_two_lines_then_end_with_an_ellipsis() -> None:
    long = "Collect " + "and verify " * 20 + "documents"
    data = {"tasks": [{"id": "A", "name": long, "duration": 1}]}
    (name,) = _texts(_gantt_figure(schedule(from_dict(data))), "grid-name")
    assert name.get_text().count("\n") == 1
    assert name.get_text().endswith("…")


def test_columns_option_is_checked_with_the_known_ones() -> None:
    assert parse_columns("Name , float") == ("name", "float")
    for text, message in (
        ("name,cost", "unknown column 'cost' (known: id, name, duration, start, finish, float)"),
        ("name,name", "column 'name' is listed twice"),
        (" , ", "no columns"),
    ):
        with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
            parse_columns(text)
    (option,) = [option for option in GANTT.options if option.name == "columns"]
    assert option.stage == "draw"
    with pytest.raises(ValueError, match="unknown column 'cost'"):
        option.convert("cost")


# --- links ---------------------------------------------------------------------------------


def _boxes(figure: Figure) -> list[tuple[int, tuple[float, float, float, float]]]:
    """Per bar, diamond and summary bar drawn: its row and its extent in pixels."""
    (axes,) = figure.axes
    found = []
    to_data = axes.transData.inverted()
    for patch in axes.patches:
        if patch.get_gid() in ("bar", "summary"):
            box = patch.get_window_extent()
            row = float(to_data.transform(np.array([(box.x0 + box.x1) / 2, box.y0]))[1])
            row -= 0.0 if patch.get_gid() == "summary" else 0.25
            found.append((round(row), (box.x0, box.y0, box.x1, box.y1)))
    half = DIAMOND_HALF / 72 * figure.dpi
    for line in axes.lines:
        if line.get_gid() == "milestone":
            xs = np.asarray(line.get_xdata(), dtype=np.float64)
            ys = np.asarray(line.get_ydata(), dtype=np.float64)
            for (px, py), y in zip(axes.transData.transform(np.c_[xs, ys]), ys, strict=True):
                found.append((round(float(y)), (px - half, py - half, px + half, py + half)))
    return found


Route = list[tuple[float, float]]


def _crossings(figure: Figure, routes: list[Route]) -> list[str]:
    """Link segments (``routes``, as drawn) passing through the bar of a row other than the
    link's two ends."""
    figure.canvas.draw()
    (axes,) = figure.axes
    boxes = _boxes(figure)
    found = []
    for route in routes:
        points = np.asarray(route, dtype=np.float64)
        ends = {round(float(points[0][1])), round(float(points[-1][1]))}
        pixels = axes.transData.transform(points)
        for (ax, ay), (bx, by) in pairwise(pixels):
            for row, (x0, y0, x1, y1) in boxes:
                if row in ends:
                    continue
                inside_x = min(ax, bx) < x1 - 0.5 and max(ax, bx) > x0 + 0.5
                inside_y = min(ay, by) < y1 - 0.5 and max(ay, by) > y0 + 0.5
                if inside_x and inside_y:
                    found.append(f"link {points.tolist()} crosses the bar of row {row}")
    return found


@pytest.mark.parametrize("count", SIZES)
@pytest.mark.parametrize("groups", [False, True])
def test_no_link_passes_through_another_bar(count: int, groups: bool) -> None:
    result = schedule(from_dict(plan(count, groups=groups)))
    assert _crossings(*gantt_drawing(result)) == []


def test_crossing_check_can_fail() -> None:
    """The check above sees a link drawn straight through a bar."""
    result = schedule(from_dict(plan(3)))
    figure, routes = gantt_drawing(result)
    (axes,) = figure.axes
    x = float(np.mean(axes.get_xlim()))
    bars = [p for p in axes.patches if p.get_gid() == "bar" and isinstance(p, Rectangle)]
    middle = bars[1]
    assert _crossings(figure, [*routes, [(x - 100, 0), (x - 100, 2), (x + 100, 2)]]) == []
    through = [(middle.get_x() - 1, 0.0), (middle.get_x() + 0.5, 0.0), (middle.get_x() + 0.5, 2.0)]
    assert _crossings(figure, [*routes, through]) != []


def _shared_columns(figure: Figure, routes: list[Route]) -> list[str]:
    """Vertical parts of two links closer than a lane (2.7 points) over rows both pass, or
    meeting end to end on one column (they read as one link), unless the two links leave
    the same bar end or enter the same one (a fan), or one enters where the other leaves
    (a chain through a milestone)."""
    (axes,) = figure.axes
    verticals = []
    for number, route in enumerate(routes):
        pixels = axes.transData.transform(np.asarray(route, dtype=np.float64))
        for (ax, ay), (bx, by) in pairwise(pixels.tolist()):
            if abs(ax - bx) < 1e-6:
                verticals.append((number, ax, min(ay, by), max(ay, by)))
    lane = 0.9 * LANE / 72 * figure.dpi
    found = []
    for i, (one, x, low, high) in enumerate(verticals):
        for other, x2, low2, high2 in verticals[i + 1 :]:
            a, b = routes[one], routes[other]
            if one == other or a[0] == b[0] or a[-1] == b[-1] or a[-1] == b[0] or b[-1] == a[0]:
                continue
            if abs(x - x2) < lane and min(high, high2) - max(low, low2) > -1.0:
                found.append(f"links {a} and {b} share a column")
    return found


@pytest.mark.parametrize("count", SIZES)
@pytest.mark.parametrize("groups", [False, True])
def test_no_link_runs_on_another(count: int, groups: bool) -> None:
    figure, routes = gantt_drawing(schedule(from_dict(plan(count, groups=groups))))
    assert _shared_columns(figure, routes) == []


def test_onboarding_links_keep_their_own_columns() -> None:
    """The review's case: FIN -> SPREAD (SS+2) went down KICK -> ANCHOR's column."""
    from mgmt_tools.pert import load

    figure, routes = gantt_drawing(schedule(load("examples/pert/supply-chain-onboarding.yaml")))
    assert _shared_columns(figure, routes) == []
    (axes,) = figure.axes
    x = float(np.mean(axes.get_xlim()))
    column = [(x, 0.0), (x, 2.0)]
    assert _shared_columns(figure, [[(x - 1, 0.0), *column], [*column, (x + 1, 4.0)]]) != []


# --- today line and legend -----------------------------------------------------------------


def test_today_line_only_when_asked() -> None:
    result = schedule(from_dict(plan(8)))
    figure = _gantt_figure(result)
    (axes,) = figure.axes
    assert [line for line in axes.lines if line.get_gid() == "today"] == []
    figure = _gantt_figure(result, today=dt.date(2027, 3, 10))
    (axes,) = figure.axes
    (line,) = [line for line in axes.lines if line.get_gid() == "today"]
    day = (np.datetime64("2027-03-10") - epoch()).astype(np.float64)
    assert np.asarray(line.get_xdata(), dtype=np.float64)[0] == pytest.approx(day)
    assert "Today 2027-03-10" in [text.get_text() for text in axes.texts]
    with pytest.raises(OptionError, match="--today needs"):
        _gantt_figure(schedule(from_dict(plan(3, dated=False))), today=dt.date(2027, 3, 10))
    assert parse_today("2027-03-10") == dt.date(2027, 3, 10)
    with pytest.raises(ValueError, match="not a date"):
        parse_today("tomorrow")


def _today_texts(figure: Figure) -> list[str]:
    (axes,) = figure.axes
    return [text.get_text() for text in axes.texts if "Today" in text.get_text()]


def test_today_near_the_plan_widens_the_axis() -> None:
    """Within TODAY_NEAR (20 %) of the plan's span: a line, the axis widened to take it in."""
    data = plan(8)
    del data["deadline"]
    result = schedule(from_dict(data))
    (axes,) = _gantt_figure(result).axes
    _low, high = axes.get_xlim()
    finish = (np.datetime64(str(result.finish_date)) - epoch()).astype(np.float64)
    start = (np.datetime64(str(result.start_date)) - epoch()).astype(np.float64)
    near = dt.date.fromisoformat(str(result.finish_date)) + dt.timedelta(
        days=int(TODAY_NEAR * (finish - start) * 0.8)
    )
    figure = _gantt_figure(result, today=near)
    (axes,) = figure.axes
    assert [line for line in axes.lines if line.get_gid() == "today"] != []
    assert axes.get_xlim()[1] > high
    assert _today_texts(figure) == [f"Today {near.isoformat()}"]


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2029, 6, 1), "Today 2029-06-01 ▶"),
        (dt.date(2025, 1, 6), "◀ Today 2025-01-06"),
    ],
)
def test_today_far_from_the_plan_is_a_label_at_the_axis_end(day: dt.date, text: str) -> None:
    """Far away, the axis keeps the plan's range (the bars are not squeezed): no line, a
    label at the end the date lies beyond, no legend entry for a line not drawn."""
    result = schedule(from_dict(plan(8)))
    plain = _gantt_figure(result).axes[0].get_xlim()
    figure = _gantt_figure(result, today=day)
    (axes,) = figure.axes
    assert axes.get_xlim() == pytest.approx(plain)
    assert [line for line in axes.lines if line.get_gid() == "today"] == []
    assert _today_texts(figure) == [text]
    assert "Today" not in _legend(figure)
    (label,) = [t for t in axes.texts if t.get_text() == text]
    box = label.get_window_extent()
    edge = axes.get_window_extent()
    if day.year > 2027:
        assert box.x1 > edge.x1 - 1  # at the right end
    else:
        assert box.x0 < edge.x0 + 1  # at the left end
    assert _drawn(result, today=day).problems(aspect=ASPECT) == []


def test_deadline_and_today_labels_sit_side_by_side() -> None:
    """Today on the deadline: the two labels on one row, apart, each over its own line."""
    data = plan(8)
    result = schedule(from_dict(data))
    day = dt.date.fromisoformat(data["deadline"])
    figure = _gantt_figure(result, today=day)
    figure.canvas.draw()
    (axes,) = figure.axes
    deadline, today = (
        next(t for t in axes.texts if t.get_text().startswith(word))
        for word in ("Deadline", "Today")
    )
    one, two = deadline.get_window_extent(), today.get_window_extent()
    assert one.y0 == pytest.approx(two.y0)
    assert one.x1 < two.x0 or two.x1 < one.x0
    assert deadline.get_fontsize() == today.get_fontsize() == NOTE_SIZE  # as the risk chart


def test_a_deadline_on_a_non_working_day_is_the_date_given() -> None:
    data = plan(8)
    data["deadline"] = "2027-05-29"  # a Saturday
    figure = _gantt_figure(schedule(from_dict(data)))
    texts = [text.get_text() for text in [*figure.texts, *figure.axes[0].texts]]
    assert "Deadline 2027-05-29" in texts
    assert any("deadline 2027-05-29" in text for text in texts)
    assert not any("2027-05-28" in text for text in texts)


def test_grid_numbers_have_the_networks_precision() -> None:
    """Durations of thirds: the network writes one decimal (aon.figures), so does the grid."""
    from mgmt_tools.pert.aon import figures

    data = {
        "tasks": [{"id": "A", "duration": 10 / 3}, {"id": "B", "duration": 2, "depends_on": ["A"]}]
    }
    result = schedule(from_dict(data))
    decimals = figures(result).decimals
    texts = [text.get_text() for text in _gantt_figure(result, columns=("name", "duration")).texts]
    assert figures(result).number(10 / 3) in texts
    assert all(
        len(text.split(".")[-1]) <= decimals for text in texts if text[:1].isdigit() and "." in text
    )


def test_a_mixed_legend_swatch_is_red_when_any_is() -> None:
    from matplotlib.colors import to_hex

    from mgmt_tools.render.style import CRITICAL

    tasks = [{"id": "A", "duration": 5}, {"id": "B", "duration": 1}]
    groups = [{"id": f"G{i}", "tasks": [task]} for i, task in enumerate(tasks)]
    figure = _gantt_figure(schedule(from_dict({"tasks": groups})))
    (legend,) = figure.legends
    handles = dict(
        zip((t.get_text() for t in legend.get_texts()), legend.legend_handles, strict=True)
    )
    critical = [
        to_hex(p.get_facecolor()) for p in figure.axes[0].patches if p.get_gid() == "summary"
    ]
    assert len(set(critical)) == 2  # mixed: red and black summary bars
    swatch = handles["Group"]
    assert isinstance(swatch, Patch)
    assert to_hex(swatch.get_facecolor()) == CRITICAL.lower()


def test_chinese_names_wrap_in_even_lines() -> None:
    from mgmt_tools.pert.gantt_grid import name_lines
    from mgmt_tools.render import display_width

    lines = name_lines("核心系统与手机银行开发及联调测试与验收")
    assert len(lines) == 2
    assert abs(display_width(lines[0]) - display_width(lines[1])) <= 2
    assert name_lines("短名") == ["短名"]


def _legend(figure: Figure) -> set[str]:
    (legend,) = figure.legends
    return {text.get_text() for text in legend.get_texts()}


def _elements(figure: Figure) -> set[str]:
    """The kinds of things drawn, named as the legend names them."""
    from matplotlib.colors import to_hex

    from mgmt_tools.render.style import CRITICAL

    (axes,) = figure.axes
    kinds = {str(artist.get_gid()) for artist in [*axes.patches, *axes.lines]}
    found = set()
    for patch in axes.patches:
        if patch.get_gid() == "bar":
            critical = to_hex(patch.get_facecolor()) == CRITICAL.lower()
            found.add("Critical task" if critical else "Task")
    names = {
        "float": "Total float",
        "milestone": "Milestone",
        "summary": "Group",
        "nonworking": "Non-working day",
        "deadline": "Deadline",
        "today": "Today",
    }
    return found | {name for gid, name in names.items() if gid in kinds}


@pytest.mark.parametrize(
    ("data", "today"),
    [
        (plan(3), None),
        (plan(8, groups=True), dt.date(2027, 3, 5)),
        (plan(15, dated=False), None),
        ({"tasks": [{"id": "A", "duration": 2}]}, None),  # critical only: no grey, no float
        ({"tasks": [{"id": "A", "duration": 0}]}, None),  # a milestone alone
    ],
)
def test_legend_lists_what_is_drawn(data: dict[str, Any], today: dt.date | None) -> None:
    figure = _gantt_figure(schedule(from_dict(data)), today=today)
    assert _legend(figure) == _elements(figure)
