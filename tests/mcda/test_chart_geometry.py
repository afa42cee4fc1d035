"""The pictures of ``mgmt index`` and ``mgmt ahp``, measured: the hierarchy (Graphviz), the
ranking, the rank acceptability and the contribution charts (matplotlib), on generated inputs
of 3 to 50 alternatives and 3 to 12 criteria with long English and Chinese names.

Aspect ranges (docs/index.md): the charts are between 0.5 and 3.0 times as wide as they are
high; the hierarchy between 0.4 and 3.5 (twelve criteria side by side make it wide).

Plus the rules: the hierarchy ``auto`` draws has no crossing lines (counted from Graphviz's
``-Tjson`` layout), criteria stand left to right by weight and alternatives by rank, and the
contribution segments add up to the score (weighted sum, AHP) or to VIKOR's S.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from typing import Any

import numpy as np
import pytest
from matplotlib.patches import Rectangle

from mgmt_tools.errors import DomainError
from mgmt_tools.locale import using
from mgmt_tools.mcda import analyse, evaluate, from_dict
from mgmt_tools.mcda.charts import acceptability_chart, ranking_chart
from mgmt_tools.mcda.contribution import (
    PALETTE,
    _contribution_figure,
    contribution_chart,
    contributions,
)
from mgmt_tools.mcda.io import judgements_from_dict
from mgmt_tools.mcda.render import (
    MAX_ROW,
    auto_layout,
    criteria_order,
    crossings,
    hierarchy,
    render,
    to_dot,
)
from mgmt_tools.mcda.result import AhpResult, IndexResult
from mgmt_tools.render import geometry
from mgmt_tools.render.style import CHOSEN, LEGIBLE_SIZE, THEME

CHART_ASPECT = (0.5, 3.0)
HIERARCHY_ASPECT = (0.4, 3.5)
SIZES = ((3, 3), (8, 6), (15, 12), (30, 5), (50, 12))
ENGLISH = "Corporate cash-management platform offer number {i} from the regional vendor"
CHINESE = "第{i}家区域供应商提供的对公现金管理平台方案"
CRITERION_EN = "Integration with the core banking system and the ERP, item {j}"
CRITERION_ZH = "与核心系统及企业资源计划系统的对接能力第{j}项"


def matrix(
    count: int, criteria: int, *, chinese: bool = False, method: str = "topsis"
) -> dict[str, Any]:
    """``count`` alternatives on ``criteria`` criteria of unequal weights, every third a cost."""
    name, criterion = (CHINESE, CRITERION_ZH) if chinese else (ENGLISH, CRITERION_EN)
    return {
        "goal": "选择对公现金管理平台" if chinese else "Choose a cash-management platform",
        "method": method,
        "criteria": [
            {
                "id": f"k{j}",
                "name": criterion.format(j=j),
                "weight": 1 + (j * 5) % 7,
                "direction": "min" if j % 3 == 2 else "max",
            }
            for j in range(criteria)
        ],
        "alternatives": [
            {
                "name": name.format(i=i),
                **{f"k{j}": float(1 + (i * 7 + j * 3) % 11) for j in range(criteria)},
            }
            for i in range(count)
        ],
    }


def _pairs(names: list[str]) -> list[list[Any]]:
    return [
        [
            names[i],
            names[j],
            round(
                min(9.0, max(1 / 9, (len(names) - i) / (len(names) - j) * (1 + (i * j) % 3 / 10))),
                3,
            ),
        ]
        for i, j in itertools.combinations(range(len(names)), 2)
    ]


def judgements(count: int, criteria: int, *, chinese: bool = False) -> dict[str, Any]:
    """An AHP hierarchy: every pair compared, the criteria's order mixed up per criterion."""
    name, criterion = (CHINESE, CRITERION_ZH) if chinese else (ENGLISH, CRITERION_EN)
    crits = [criterion.format(j=j) for j in range(criteria)]
    alts = [name.format(i=i) for i in range(count)]
    return {
        "goal": "选择对公现金管理平台" if chinese else "Choose a cash-management platform",
        "criteria": crits,
        "criteria_comparisons": _pairs(crits[::-1]),
        "alternatives": alts,
        "alternative_comparisons": {
            c: _pairs(alts if k % 2 else alts[::-1]) for k, c in enumerate(crits)
        },
    }


def results(count: int, criteria: int, chinese: bool) -> list[IndexResult | AhpResult]:
    return [
        evaluate(
            from_dict(matrix(count, criteria, chinese=chinese)), sensitivity=True, seed=1, draws=200
        ),
        analyse(judgements_from_dict(judgements(count, criteria, chinese=chinese))),
    ]


CASES = [
    pytest.param(count, criteria, chinese, id=f"{count}x{criteria}-{'zh' if chinese else 'en'}")
    for count, criteria in SIZES
    for chinese in (False, True)
]


def _drawn(draw: Any, result: Any, fmt: str = "png") -> geometry.Drawing:
    with geometry.recorded() as drawn:
        draw(result, fmt)
    assert len(drawn) == 1
    return drawn[0]


@pytest.mark.parametrize(("count", "criteria", "chinese"), CASES)
def test_charts_fit(count: int, criteria: int, chinese: bool) -> None:
    with using("zh" if chinese else "en"):
        for result in results(count, criteria, chinese):
            charts = [ranking_chart, contribution_chart]
            if isinstance(result, IndexResult):
                charts.append(acceptability_chart)
            for chart in charts:
                drawing = _drawn(chart, result)
                assert drawing.problems(aspect=CHART_ASPECT) == [], (
                    chart.__name__,
                    type(result).__name__,
                )


@pytest.mark.parametrize(("count", "criteria", "chinese"), CASES)
def test_hierarchy_fits(count: int, criteria: int, chinese: bool) -> None:
    with using("zh" if chinese else "en"):
        for result in results(count, criteria, chinese):
            drawing = _drawn(render, result, "svg")
            assert drawing.problems(aspect=HIERARCHY_ASPECT) == [], type(result).__name__


# --- the hierarchy: no crossings, criteria by weight, alternatives by rank ----------------------


def _layout(dot: str) -> dict[str, Any]:
    path = shutil.which("dot")
    assert path is not None
    output = subprocess.run([path, "-Tjson"], input=dot.encode(), capture_output=True, check=True)
    layout: dict[str, Any] = json.loads(output.stdout)
    return layout


def _segments(layout: dict[str, Any]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Each visible line from its first to its last point (the lines are straight)."""
    found = []
    for edge in layout.get("edges", []):
        if edge.get("style") == "invis":
            continue
        points = [p for op in edge["_draw_"] if op["op"] in "bB" for p in op["points"]]
        found.append((tuple(points[0]), tuple(points[-1])))
    return found


def _cross(one: Any, two: Any) -> bool:
    """Whether two segments cross inside both (touching at an end does not count)."""
    (ax, ay), (bx, by) = one
    (cx, cy), (dx, dy) = two
    denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
    if abs(denominator) < 1e-9:
        return False
    t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator
    u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / denominator
    return bool(0.01 < t < 0.99 and 0.01 < u < 0.99)


def count_crossings(dot: str) -> int:
    lines = _segments(_layout(dot))
    return sum(_cross(one, two) for one, two in itertools.combinations(lines, 2))


def _node_x(layout: dict[str, Any]) -> dict[str, float]:
    return {o["name"]: float(o["pos"].split(",")[0]) for o in layout["objects"] if "pos" in o}


@pytest.mark.parametrize(("count", "criteria"), [(1, 4), (3, 1), (4, 6), (15, 5), (50, 12)])
def test_the_hierarchy_drawn_by_default_has_no_crossings(count: int, criteria: int) -> None:
    result = evaluate(from_dict(matrix(count, criteria)))
    dot = to_dot(result)
    assert count_crossings(dot) == 0
    view = hierarchy(result)
    expected = "edges" if crossings(criteria, count) == 0 else "table"
    assert auto_layout(view) == expected


def test_the_edge_plate_crosses_as_counted() -> None:
    """The lines layout of 6 criteria x 4 alternatives (the complaint of issue #16) crosses:
    what ``auto`` avoids; the count agrees with m(m-1)/2 x n(n-1)/2 at least in sign."""
    result = evaluate(from_dict(matrix(4, 6)))
    assert crossings(6, 4) == 90
    assert count_crossings(to_dot(result, layout="edges")) > 0
    assert count_crossings(to_dot(result, layout="table")) == 0


@pytest.mark.parametrize("layout", ["edges", "table"])
def test_criteria_stand_by_weight_and_alternatives_by_rank(layout: str) -> None:
    result = evaluate(from_dict(matrix(5, 6)))
    placed = _node_x(_layout(to_dot(result, layout=layout)))
    weights = result.weights.tolist()
    order = criteria_order(weights)
    xs = [placed[f"c{c}"] for c in order]
    assert xs == sorted(xs)
    assert [weights[c] for c in order] == sorted(weights, reverse=True)
    if layout == "edges":
        alternatives = [placed[f"a{k}"] for k in range(5)]
        assert alternatives == sorted(alternatives)  # a0 is rank 1
    else:
        table = to_dot(result, layout="table")
        ports = [table.index(f'PORT="c{c}"') for c in order]
        assert ports == sorted(ports)


# --- the contribution chart ---------------------------------------------------------------------


@pytest.mark.parametrize("normalization", ["minmax", "max", "sum", "vector", "zscore", "none"])
def test_weighted_sum_segments_add_up_to_the_score(normalization: str) -> None:
    data = matrix(12, 7, method="weighted_sum")
    data["normalization"] = normalization
    result = evaluate(from_dict(data))
    found = contributions(result)
    assert found.adds_up
    np.testing.assert_allclose(found.totals, result.scores[result.order], rtol=1e-9, atol=1e-12)


def test_ahp_segments_add_up_to_the_overall_priority() -> None:
    result = analyse(judgements_from_dict(judgements(6, 4)))
    assert result.overall is not None
    assert result.order is not None
    found = contributions(result)
    np.testing.assert_allclose(found.totals, result.overall[result.order], rtol=1e-9)


def test_vikor_segments_add_up_to_s_and_shares_to_the_score() -> None:
    vikor = evaluate(from_dict(matrix(9, 5, method="vikor")))
    assert vikor.s is not None
    np.testing.assert_allclose(contributions(vikor).totals, vikor.s[vikor.order], rtol=1e-9)
    for method in ("topsis", "weighted_product"):
        result = evaluate(from_dict(matrix(9, 5, method=method)))
        found = contributions(result)
        assert not found.adds_up
        np.testing.assert_allclose(found.totals, result.scores[result.order], rtol=1e-9)
        assert (found.parts >= 0).all()


def test_bars_stand_by_rank_and_the_winner_is_marked() -> None:
    result = evaluate(from_dict(matrix(8, 5, method="weighted_sum")))
    figure = _contribution_figure(result)
    axes = figure.axes[0]
    names = [label.get_text().replace("\n", " ") for label in axes.get_yticklabels()]
    full = [result.matrix.alternatives[i] for i in result.order.tolist()]
    assert all(f.startswith(n.rstrip("…")) for n, f in zip(names, full, strict=True))
    assert len(set(names)) == len(names)
    assert axes.get_yticklabels()[0].get_color() == CHOSEN
    outline = [p for p in axes.patches if isinstance(p, Rectangle) and p.get_gid() == "winner"]
    assert len(outline) == 1
    assert outline[0].get_y() < 0 < outline[0].get_y() + outline[0].get_height()  # row 0


def test_segments_take_the_criteria_colours_heaviest_first() -> None:
    result = evaluate(from_dict(matrix(4, 5, method="weighted_sum")))
    figure = _contribution_figure(result)
    legend = figure.legends[0]
    labels = [text.get_text() for text in legend.get_texts()]
    weights = [float(label.rsplit("(", 1)[1].rstrip(")")) for label in labels]
    # matplotlib fills legend columns; read back row by row, heaviest first
    columns: int = legend._ncols  # type: ignore[attr-defined]
    rows = -(-len(labels) // columns)
    by_row = [
        weights[c * rows + r]
        for r in range(rows)
        for c in range(columns)
        if c * rows + r < len(weights)
    ]
    assert by_row == sorted(by_row, reverse=True)


def test_the_palette_leaves_red_to_the_winner() -> None:
    assert THEME.accent not in PALETTE
    assert CHOSEN not in PALETTE
    assert len(set(PALETTE)) == len(PALETTE) == 12


def test_a_single_matrix_has_no_contribution_chart() -> None:
    single = analyse(
        judgements_from_dict(
            {
                "elements": ["A", "B", "C"],
                "comparisons": [["A", "B", 3], ["B", "C", 2], ["A", "C", 5]],
            }
        )
    )
    with pytest.raises(DomainError, match="needs criteria"):
        contribution_chart(single, "png")


@pytest.mark.parametrize("chinese", [False, True], ids=["en", "zh"])
def test_typical_pictures_print_legibly_on_a4(chinese: bool) -> None:
    """Up to 8 alternatives on 6 criteria, every picture's smallest text prints at 6 pt or more
    on A4 (upright or turned)."""
    with using("zh" if chinese else "en"):
        index, ahp = results(8, 6, chinese)
        drawings = [
            _drawn(ranking_chart, index),
            _drawn(acceptability_chart, index),
            _drawn(contribution_chart, index),
            _drawn(contribution_chart, ahp),
            _drawn(render, index, "svg"),
            _drawn(render, ahp, "svg"),
        ]
    for drawing in drawings:
        assert max(drawing.printed_size("a4"), drawing.printed_size("a4-landscape")) >= LEGIBLE_SIZE


def single_matrix(count: int, *, chinese: bool = False) -> dict[str, Any]:
    name = CHINESE if chinese else ENGLISH
    elements = [name.format(i=i) for i in range(count)]
    return {
        "goal": "Weights" if not chinese else "权重",
        "elements": elements,
        "comparisons": _pairs(elements),
    }


@pytest.mark.parametrize("count", [3, 5, 6, 15, 50])
@pytest.mark.parametrize("chinese", [False, True], ids=["en", "zh"])
def test_one_criterion_and_single_matrices_fit_without_crossings(count: int, chinese: bool) -> None:
    """Lines that cannot cross are drawn up to MAX_ROW alternatives side by side; beyond, the
    row would not fit a page and the table is drawn."""
    with using("zh" if chinese else "en"):
        for result in (
            evaluate(from_dict(matrix(count, 1, chinese=chinese))),
            analyse(judgements_from_dict(single_matrix(count, chinese=chinese))),
        ):
            assert auto_layout(hierarchy(result)) == ("edges" if count <= MAX_ROW else "table")
            assert count_crossings(to_dot(result)) == 0
            drawing = _drawn(render, result, "svg")
            assert drawing.problems(aspect=HIERARCHY_ASPECT) == []


def test_a_chart_of_constant_values_says_so_and_marks_no_winner() -> None:
    """Every criterion constant: every segment and score is 0; a note says so (review of
    issue #16), no outline or name is red, and the usual chart has neither the note."""
    import warnings

    flat = {
        "goal": "two",
        "criteria": [
            {"id": "c", "name": "cost", "weight": 0.5, "direction": "min"},
            {"id": "q", "name": "quality", "weight": 0.5},
        ],
        "alternatives": [{"name": "A", "c": 1, "q": 1}, {"name": "B", "c": 1, "q": 1}],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = evaluate(from_dict(flat))
    figure = _contribution_figure(result)
    axes = figure.axes[0]
    note = "every segment is 0"
    assert any(note in text.get_text() for text in figure.texts)
    assert not [p for p in axes.patches if p.get_gid() == "winner"]
    assert all(label.get_color() != CHOSEN for label in axes.get_yticklabels())
    usual = _contribution_figure(evaluate(from_dict(matrix(4, 3))))
    assert not any(note in text.get_text() for text in usual.texts)
    assert [p for p in usual.axes[0].patches if p.get_gid() == "winner"]
