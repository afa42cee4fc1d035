"""The 2x2 matrix and the ranking chart as drawn (issue #16, item 4): no text on another or
off the picture, legible on a slide (the matrix) or an A4 page (the ranking), aspect ratio
(width / height) within MATRIX_ASPECT / RANKING_ASPECT, labels off the dots, and an item on a
threshold drawn inside the quadrant the engine put it in."""

from __future__ import annotations

from typing import Any

import pytest

from mgmt_tools import locale
from mgmt_tools.errors import RenderError
from mgmt_tools.rank import evaluate, from_dict
from mgmt_tools.rank.charts import ranking_chart
from mgmt_tools.rank.matrix import NAMES_UP_TO, matrix_chart, matrix_figure
from mgmt_tools.rank.placement import NUDGE, drawn_position, pack, place_labels
from mgmt_tools.render import geometry

MATRIX_ASPECT = (0.8, 2.2)
"""The matrix: a square plot, with a key of up to three columns beside it for 50 items."""
RANKING_ASPECT = (0.5, 3.5)
"""The ranking: a wide 8-inch chart of 3 bars down to a tall one of 30 bars."""

LONG = (
    "Close the audit finding on KYC files for corporate clients of the Xinjiekou branch",
    "处理客户投诉（工单 2231，信用卡盗刷）并回访客户确认结果",
    "Order toner",
    "Coach new tellers on AML alerts and sanctions screening",
    "补齐华兴制造授信审批材料",
)
SCORES = (5, 5, 9, 2, 7, 5, 0, 10, 3, 5)


def backlog(count: int, method: str = "eisenhower", *, zh: bool = False) -> dict[str, Any]:
    """``count`` items with long English or Chinese names, many on the threshold (5) and
    many on the same point."""
    across, up = ("urgent", "important") if method == "eisenhower" else ("effort", "value")
    items = []
    for k in range(count):
        name = LONG[(k + (1 if zh else 0)) % len(LONG)] + f" {k}"
        items.append({"name": name, across: SCORES[k % 10], up: SCORES[(k * 3 + 1) % 10]})
    return {"method": method, "title": f"{count} items", "threshold": 5, "items": items}


def _language(zh: bool) -> Any:
    return locale.using("zh" if zh else "en")


@pytest.mark.parametrize("count", [3, 8, 15, 30, 50])
@pytest.mark.parametrize("method", ["eisenhower", "value_effort"])
@pytest.mark.parametrize("zh", [False, True], ids=["en", "zh"])
def test_matrix_fits_a_slide(count: int, method: str, zh: bool) -> None:
    with _language(zh):
        result = evaluate(from_dict(backlog(count, method, zh=zh)))
        with geometry.recorded() as drawn:
            matrix_chart(result, "png")
    assert len(drawn) == 1
    assert drawn[0].problems(aspect=MATRIX_ASPECT, pages=("slide",)) == []


@pytest.mark.parametrize("labels", ["names", "numbers"])
@pytest.mark.parametrize("count", [3, 12])
def test_matrix_label_options_fit(labels: str, count: int) -> None:
    result = evaluate(from_dict(backlog(count, "value_effort")))
    with geometry.recorded() as drawn:
        matrix_chart(result, "svg", labels=labels)
    assert drawn[0].problems(aspect=MATRIX_ASPECT, pages=("slide",)) == []


def _texts(figure: Any) -> list[str]:
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


def _dots(figure: Any) -> dict[int, Any]:
    axes = figure.axes[0]
    return {
        int(line.get_gid().split("-")[1]): line
        for line in axes.get_lines()
        if (line.get_gid() or "").startswith("dot-")
    }


@pytest.mark.parametrize("count", [8, 30])
@pytest.mark.parametrize("labels", ["auto", "numbers"])
def test_labels_do_not_cover_dots(count: int, labels: str) -> None:
    figure = matrix_figure(evaluate(from_dict(backlog(count))), labels=labels)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    axes = figure.axes[0]
    centres = [
        axes.transData.transform((d.get_xdata()[0], d.get_ydata()[0]))
        for d in _dots(figure).values()
    ]
    radius = 3.0 * figure.dpi / 72
    labels_drawn = [t for t in figure.texts if (t.get_gid() or "").startswith("label-")]
    assert len(labels_drawn) == count
    for text in labels_drawn:
        box = text.get_window_extent(renderer)
        for x, y in centres:
            assert not (
                box.x0 < x + radius - 1
                and x - radius + 1 < box.x1
                and box.y0 < y + radius - 1
                and y - radius + 1 < box.y1
            ), text.get_text()


def test_item_on_the_threshold_is_drawn_inside_its_quadrant() -> None:
    data: dict[str, Any] = {
        "method": "value_effort",
        "threshold": 5,
        "items": [
            {"name": "on both lines", "value": 5, "effort": 5},
            {"name": "on the value line", "value": 5, "effort": 2},
            {"name": "on the effort line", "value": 1, "effort": 5},
            {"name": "clear", "value": 9, "effort": 1},
        ],
    }
    result = evaluate(from_dict(data))
    figure = matrix_figure(result)
    axes = figure.axes[0]
    dots = _dots(figure)
    assert len(dots) == 4
    patches = [p for p in axes.patches if p.get_zorder() == 0]  # the four quadrant fills
    assert len(patches) == 4
    for index, line in dots.items():
        x, y = float(line.get_xdata()[0]), float(line.get_ydata()[0])
        effort = data["items"][index]["effort"]
        value = data["items"][index]["value"]
        # the engine's rule: a score equal to the threshold counts as high
        assert (x > 5) == (effort >= 5)
        assert x != 5
        assert (y > 5) == (value >= 5)
        assert y != 5
        if effort == 5:
            assert x == pytest.approx(5 + NUDGE)
        assert result.categories is not None
        code = int(result.categories[index])
        px, py = axes.transData.transform((x, y))
        assert patches[code].contains_point((float(px), float(py)))


def test_identical_points_are_spread_inside_their_quadrant() -> None:
    items = [{"name": f"same {k}", "urgent": 5, "important": 5} for k in range(12)]
    result = evaluate(from_dict({"method": "eisenhower", "items": items}))
    figure = matrix_figure(result)
    points = {
        (round(float(d.get_xdata()[0]), 4), round(float(d.get_ydata()[0]), 4))
        for d in _dots(figure).values()
    }
    assert len(points) == 12
    assert all(x > 5 and y > 5 for x, y in points)  # all "do first"


def test_numbers_have_a_key_with_every_full_name() -> None:
    """(Which labels ``auto`` picks is tested apart, with names that surely fit:
    test_matrix_rules.test_auto_labels_follow_the_names_limit.)"""
    many = evaluate(from_dict(backlog(NAMES_UP_TO + 1)))
    many_figure = matrix_figure(many, labels="numbers")
    labels = [t.get_text() for t in many_figure.texts if (t.get_gid() or "").startswith("label-")]
    assert len(labels) == NAMES_UP_TO + 1
    key = " ".join(t.get_text().replace("\n", " ") for t in many_figure.texts)
    for name in many.names:  # the key has every full name, never cut
        assert name.replace(" ", "") in key.replace(" ", ""), name


def test_names_that_do_not_fit_fall_back_to_numbers_with_a_note() -> None:
    result = evaluate(from_dict(backlog(50)))
    texts = " ".join(_texts(matrix_figure(result, labels="names"))).replace("\n", " ")
    assert "numbered, with a key" in texts


def test_matrix_has_a_scale_and_labelled_thresholds() -> None:
    figure = matrix_figure(evaluate(from_dict(backlog(3))))
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["0", "2", "4", "6", "8", "10"]
    assert axes.xaxis_inverted()  # eisenhower: more urgent on the left
    assert sum(t.get_text() == "threshold 5" for t in axes.texts) == 2
    assert "urgency" in axes.get_xlabel()


def test_matrix_rejects_unknown_labels_and_other_methods() -> None:
    result = evaluate(from_dict(backlog(3)))
    with pytest.raises(RenderError, match="labels"):
        matrix_chart(result, "png", labels="initials")
    borda = evaluate(from_dict({"method": "borda", "ballots": [["A", "B"]]}))
    with pytest.raises(RenderError, match="ranking chart"):
        matrix_chart(borda, "png")


def test_drawn_position_and_pack_rules() -> None:
    assert drawn_position(5.0, 5.0) == 5.0 + NUDGE
    assert drawn_position(4.99, 5.0) == 4.99
    assert pack([1, 1, 1, 1, 1], 3) == [0, 0, 0, 1, 1]
    assert pack([4], 1) == [0]
    assert place_labels([(10, 10)], [(50, 10)], [(0, 0, 40, 40)], []) is None


@pytest.mark.parametrize("count", [3, 8, 15, 30, 50])
@pytest.mark.parametrize("zh", [False, True], ids=["en", "zh"])
def test_ranking_chart_fits_a_page(count: int, zh: bool) -> None:
    data = backlog(count, zh=zh)
    with _language(zh):
        result = evaluate(from_dict(data))
        with geometry.recorded() as drawn:
            ranking_chart(result, "png")
    pages = ("a4", "slide") if count <= 15 else ("a4",)
    assert drawn[0].problems(aspect=RANKING_ASPECT, pages=pages) == []


def test_ranking_chart_wraps_long_names_without_cutting_them() -> None:
    from mgmt_tools.rank.charts import ranking_figure

    result = evaluate(from_dict(backlog(5)))
    labels = [t.get_text() for t in ranking_figure(result).axes[0].get_yticklabels()]
    assert any("\n" in label for label in labels)
    assert "Xinjiekou branch 0" in " ".join(label.replace("\n", " ") for label in labels)
    assert not any("…" in label for label in labels)


@pytest.mark.parametrize("example", ["rm-weekly-todo-zh.yaml", "branch-initiatives-zh.yaml"])
@pytest.mark.parametrize("labels", ["auto", "numbers"])
def test_matrix_in_chinese_has_no_english_words(example: str, labels: str) -> None:
    from mgmt_tools.rank import load

    from ..conftest import EXAMPLES
    from ..helpers import figure_texts
    from ..locale.untranslated import english_words

    with locale.using("zh"):
        result = evaluate(load(EXAMPLES / "rank" / example))
        texts = "\n".join(figure_texts(matrix_figure(result, labels=labels)))
    assert "阈值 5" in texts
    assert english_words(texts) == []
