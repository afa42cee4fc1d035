"""The 2x2 matrix (DOT for neato -n2), the ranked bar chart, the Markdown table and CSV."""

from __future__ import annotations

import pytest

from mgmt_tools.errors import RenderError
from mgmt_tools.rank import evaluate, from_dict, to_csv, to_markdown
from mgmt_tools.rank.charts import ranking_chart
from mgmt_tools.rank.render import render, to_dot

from .test_textbook import moscow

TODO = {
    "method": "eisenhower",
    "items": [
        {"name": '审计整改 <urgent> & "now"', "urgent": 9, "important": 8},
        {"name": "Plan campaign", "urgent": 2, "important": 9},
        {"name": "Survey", "urgent": 7, "important": 1},
        {"name": "Brochures", "urgent": False, "important": False},
    ],
}


def test_matrix_dot_pins_positions_and_escapes_names() -> None:
    dot = to_dot(evaluate(from_dict(TODO)))
    assert dot.count('!"') >= 4 + 4  # quadrants and items pinned
    for title in ("Do first", "Schedule", "Delegate", "Eliminate", "Urgent", "Not urgent"):
        assert title in dot
    assert "审计整改 &lt;urgent&gt; &amp; &quot;now&quot;" in dot
    assert "<urgent>" not in dot
    assert to_dot(evaluate(from_dict(TODO))) == dot  # deterministic


def test_matrix_is_only_for_matrix_methods() -> None:
    result = evaluate(from_dict({"method": "borda", "ballots": [["A", "B"]]}))
    with pytest.raises(RenderError, match="ranking chart"):
        to_dot(result)


def test_value_effort_layout() -> None:
    result = evaluate(
        from_dict({"method": "value_effort", "items": [{"name": "x", "value": 8, "effort": 2}]})
    )
    dot = to_dot(result)
    assert "Quick wins" in dot
    assert "Low effort" in dot
    assert "High<BR/>value" in dot


def test_big_matrix_shows_the_best_with_a_note() -> None:
    items = [{"name": f"t{k}", "urgent": k % 11, "important": (k * 7) % 11} for k in range(90)]
    dot = to_dot(evaluate(from_dict({"method": "eisenhower", "items": items})))
    assert "the 60 best-ranked of 90 items" in dot


@pytest.mark.dot
def test_matrix_renders_png_and_svg() -> None:
    result = evaluate(from_dict(TODO))
    assert render(result, "png")[:4] == b"\x89PNG"
    assert b"<svg" in render(result, "svg")


def test_ranking_chart_top_30() -> None:
    result = moscow(*[(f"项目 {k}", "must" if k % 2 else "could", k) for k in range(45)])
    assert ranking_chart(result, "png")[:4] == b"\x89PNG"
    svg = ranking_chart(result, "svg")
    assert svg == ranking_chart(result, "svg")


def test_markdown_escapes_pipes() -> None:
    result = moscow(("A | B", "must"), ("C", "could", 2))
    lines = to_markdown(result).splitlines()
    assert "| rank | item | score | category |" in lines
    assert "| 1 | A \\| B |  | must |" in lines
    assert "| 2 | C | 2 | could |" in lines


def test_csv_has_every_row() -> None:
    result = evaluate(from_dict({"method": "borda", "ballots": [["A", "B", "C"]]}))
    assert to_csv(result).splitlines() == ["rank,item,score", "1,A,2.0", "2,B,1.0", "3,C,0.0"]
