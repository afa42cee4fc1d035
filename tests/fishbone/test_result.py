"""Counts, ranking and percent arithmetic; the JSON contract (docs/formats); loading."""

from __future__ import annotations

import pytest

from mgmt_tools.fishbone import analyse, loads, summary_text, to_markdown

TEXT = """
effect: Credit approval takes too long
categories:
  People:
    - Analysts overloaded
    - cause: Missing training
      count: 12
      causes: [{cause: New hires, count: 8}, No checklist]
  Methods:
    - {cause: Duplicate document checks, count: 30}
    - {cause: Sequential sign-offs, count: 12}
    - {cause: No fast track, count: 6}
  Machines:
"""


def test_ranked_largest_first_ties_in_input_order() -> None:
    result = analyse(loads(TEXT))
    rows = result.ranked
    assert [(r["cause"], r["category"], r["count"]) for r in rows] == [
        ("Duplicate document checks", "Methods", 30.0),
        ("Missing training", "People", 12.0),  # before Sequential sign-offs: input order
        ("Sequential sign-offs", "Methods", 12.0),
        ("No fast track", "Methods", 6.0),
    ]
    assert [r["percent"] for r in rows] == pytest.approx([50.0, 20.0, 20.0, 10.0])
    assert sum(r["percent"] for r in rows) == pytest.approx(100.0)


def test_counted_sub_cause_of_counted_cause_is_not_ranked_twice() -> None:
    names = [r["cause"] for r in analyse(loads(TEXT)).ranked]
    assert "New hires" not in names


def test_json_contract() -> None:
    data = analyse(loads(TEXT), highlight=2).to_dict()
    assert data["command"] == "fishbone"
    assert data["effect"] == "Credit approval takes too long"
    people = data["categories"][0]
    assert people["name"] == "People"
    assert people["causes"][0] == {"cause": "Analysts overloaded", "causes": []}
    assert people["causes"][1]["count"] == 12
    assert people["causes"][1]["causes"][0] == {"cause": "New hires", "count": 8, "causes": []}
    assert data["categories"][2] == {"name": "Machines", "causes": []}
    assert set(data["ranked"][0]) == {"cause", "category", "count", "percent"}
    assert data["highlighted"] == ["Duplicate document checks", "Missing training"]
    assert data["warnings"] == []


def test_no_counts_no_ranked() -> None:
    result = analyse(loads("effect: E\ncategories: {A: [x]}"), highlight=2)
    assert "ranked" not in result.to_dict()
    assert result.warnings
    assert "nothing is highlighted" in result.warnings[0]


def test_zero_counts_give_zero_percent() -> None:
    result = analyse(loads("effect: E\ncategories: {A: [{cause: x, count: 0}]}"))
    assert result.ranked[0]["percent"] == 0.0


def test_summary_and_markdown() -> None:
    result = analyse(loads(TEXT), highlight=1)
    text = summary_text(result)
    assert "Duplicate document checks" in text
    assert "50.0" in text
    markdown = to_markdown(result)
    assert "- **People**" in markdown
    assert "    - [ ] New hires (8)" in markdown
    assert "**Duplicate document checks (30)**" in markdown


def test_json_input_and_numbers_as_category_names() -> None:
    fishbone = loads('{"effect": "E", "categories": {"2024": ["a"]}}', "json")
    assert fishbone.categories[0].name == "2024"
