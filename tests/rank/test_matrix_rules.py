"""Rules of the 2x2 matrix read from what it draws: a dot always lies in the quadrant the
engine gives its item (any threshold, any number of items on one point), numbered dots state
the engine's ranks (ties 1a, 1b), and ``--labels`` is refused where no matrix is drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mgmt_tools.errors import OptionError
from mgmt_tools.rank import evaluate, from_dict
from mgmt_tools.rank.charts import ranking_chart
from mgmt_tools.rank.matrix import NAMES_UP_TO, matrix_figure, matrix_points
from mgmt_tools.rank.matrix_key import dot_numbers
from mgmt_tools.rank.placement import HIGH, LOW, scale_limits
from mgmt_tools.rank.render import to_dot

from ..conftest import EXAMPLES
from ..helpers import mgmt

CORNERS = ((0, 0), (10, 10), (10, 0), (0, 10))


def _dots(figure: Any) -> dict[int, tuple[float, float]]:
    return {
        int(line.get_gid().split("-")[1]): (float(line.get_xdata()[0]), float(line.get_ydata()[0]))
        for line in figure.axes[0].get_lines()
        if (line.get_gid() or "").startswith("dot-")
    }


def _labels(figure: Any) -> dict[int, str]:
    return {
        int(text.get_gid().split("-")[1]): text.get_text()
        for text in figure.texts
        if (text.get_gid() or "").startswith("label-")
    }


@pytest.mark.parametrize("threshold", [0, 0.1, 9.9, 10])
@pytest.mark.parametrize("count", range(1, 13))
def test_identical_points_stay_in_their_quadrant(threshold: float, count: int) -> None:
    """``count`` items on each corner and on the threshold point itself: every drawn dot is on
    its item's side of both thresholds (>= threshold is high), inside the drawn scale, and no
    two dots share a place."""
    points = [*CORNERS, (threshold, threshold)]
    scores = [(float(x), float(y)) for x, y in points for _k in range(count)]
    items = [{"name": f"P{n}", "value": y, "effort": x} for n, (x, y) in enumerate(scores)]
    data = {"method": "value_effort", "threshold": threshold, "items": items}
    result = evaluate(from_dict(data))
    figure = matrix_figure(result, labels="numbers")
    dots = _dots(figure)
    assert len(dots) == len(items)
    assert len(set(dots.values())) == len(items)
    x_low, x_high = sorted(figure.axes[0].get_xlim())
    low, high = scale_limits(list(dots.values()))
    assert (x_low, x_high) == pytest.approx((low, high))
    for index, (x, y) in dots.items():
        effort, value = scores[index]
        assert (x > threshold) == (effort >= threshold), (index, x)
        assert (y > threshold) == (value >= threshold), (index, y)
        assert x != threshold
        assert y != threshold
        assert low < x < high
        assert low < y < high
        high_value, high_effort = value >= threshold, effort >= threshold
        code = {(True, False): 0, (True, True): 1, (False, False): 2, (False, True): 3}
        assert result.categories is not None
        assert int(result.categories[index]) == code[high_value, high_effort]


def test_the_scale_widens_only_when_a_spread_dot_needs_it() -> None:
    assert scale_limits([(5.0, 5.0), (0.0, 10.0)]) == (LOW, HIGH)
    items = [{"name": f"S{k}", "value": 10, "effort": 10} for k in range(8)]
    result = evaluate(from_dict({"method": "value_effort", "threshold": 10, "items": items}))
    drawn = [(p.x, p.y) for p in matrix_points(result)]
    low, high = scale_limits(drawn)
    assert low == LOW
    assert high > HIGH
    assert high == pytest.approx(max(v for point in drawn for v in point) + 0.25)


TIES = {
    "method": "value_effort",
    "items": [
        {"name": "Alpha", "value": 9, "effort": 2},
        {"name": "Bravo", "value": 9, "effort": 2},
        {"name": "Charlie", "value": 6, "effort": 8},
        {"name": "Delta", "value": 2, "effort": 3},
        {"name": "Echo", "value": 2, "effort": 3},
    ],
}


def test_numbers_of_tied_items_are_their_shared_rank_with_a_letter() -> None:
    result = evaluate(from_dict(TIES))
    ranks = {result.names[i]: int(result.ranks[i]) for i in range(5)}
    assert ranks["Alpha"] == ranks["Bravo"]
    assert ranks["Delta"] == ranks["Echo"]
    figure = matrix_figure(result, labels="numbers")
    numbers = {result.names[i]: text for i, text in _labels(figure).items()}
    for name, rank in ranks.items():  # each number starts with the engine's rank
        assert numbers[name].rstrip("abcdefghijklmnopqrstuvwxyz") == str(rank)
    assert len(set(numbers.values())) == 5  # and tells the tied ones apart
    assert {numbers["Alpha"], numbers["Bravo"]} == {f"{ranks['Alpha']}a", f"{ranks['Alpha']}b"}
    assert numbers["Charlie"] == str(ranks["Charlie"])
    key = [text.get_text() for text in figure.texts]
    for name, number in numbers.items():  # the key pairs each number with its full name
        assert f"{number}." in key
        assert name in key
    names = {result.names[i]: t for i, t in _labels(matrix_figure(result, labels="names")).items()}
    for name, rank in ranks.items():  # names: the same rank as the numbers and the text
        assert names[name].startswith(f"{rank}. ")
    points = matrix_points(result)
    assert dot_numbers([int(result.ranks[p.index]) for p in points]) == [
        numbers[result.names[p.index]] for p in points
    ]


def test_more_than_26_tied_items_keep_distinct_numbers() -> None:
    items = [{"name": f"T{k}", "value": 8, "effort": 1} for k in range(30)]
    result = evaluate(from_dict({"method": "value_effort", "items": items}))
    numbers = dot_numbers([int(result.ranks[p.index]) for p in matrix_points(result)])
    assert numbers[:2] == ["1a", "1b"]
    assert numbers[25:28] == ["1z", "1aa", "1ab"]
    assert len(set(numbers)) == 30


def _spread_backlog(count: int) -> dict[str, Any]:
    """``count`` short names on distinct, well-separated points: names surely fit."""
    grid = [(x, y) for y in (1, 3, 7, 9) for x in (1, 3, 7, 9)]
    items = [
        {"name": f"T{k}", "effort": grid[k % 16][0], "value": grid[k % 16][1]} for k in range(count)
    ]
    return {"method": "value_effort", "items": items}


@pytest.mark.parametrize("count", [NAMES_UP_TO, NAMES_UP_TO + 1])
def test_auto_labels_follow_the_names_limit(count: int) -> None:
    """``auto``: names for up to NAMES_UP_TO items when they fit (short names on distinct
    points always do), numbers with a key beyond, whatever the font's metrics."""
    result = evaluate(from_dict(_spread_backlog(count)))
    labels = _labels(matrix_figure(result))
    if count <= NAMES_UP_TO:
        assert all(". T" in text for text in labels.values())
    else:
        points = matrix_points(result)
        assert [labels[p.index] for p in points] == dot_numbers(
            [int(result.ranks[p.index]) for p in points]
        )


def test_labels_are_refused_where_no_matrix_is_drawn(tmp_path: Path) -> None:
    rice = evaluate(
        from_dict(
            {
                "method": "rice",
                "items": [{"name": "A", "reach": 1, "impact": 1, "confidence": 1, "effort": 1}],
            }
        )
    )
    with pytest.raises(OptionError, match="--labels"):
        ranking_chart(rice, "png", labels="numbers")
    assert ranking_chart(rice, "png")[:4] == b"\x89PNG"
    matrix = evaluate(from_dict(TIES))
    with pytest.raises(OptionError, match="--labels numbers"):
        to_dot(matrix, labels="numbers")
    assert "Alpha" in to_dot(matrix, labels="names")
    png = str(tmp_path / "x.png")
    pipeline = str(EXAMPLES / "rank" / "client-pipeline.yaml")
    todo = str(EXAMPLES / "rank" / "weekly-todo.yaml")
    for args in (
        (pipeline, "--labels", "numbers", "-o", png),
        (todo, "--chart", "ranking", "--labels", "names", "-o", png),
        (todo, "--labels", "numbers", "-o", str(tmp_path / "x.dot")),
    ):
        code, _out, err = mgmt("rank", *args)
        assert code == 2, args
        assert "--labels" in err
    assert mgmt("rank", todo, "--labels", "numbers", "-o", png).code == 0
