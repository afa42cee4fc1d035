"""Composition with a Pareto analysis: counts attached by name, unmatched reported, the vital
few highlighted (issue 8, item 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import mgmt_tools.pareto
from mgmt_tools.fishbone import attach_counts, loads, vital_few, with_counts

CAUSES = loads(
    """
effect: Complaints rising
categories:
  People: [Rude staff, {cause: Slow  Response, causes: [Understaffed]}]
  Methods: [Wrong fees, Lost cards]
"""
)


def test_attach_by_name_ignoring_case_and_spaces() -> None:
    counted, warnings = attach_counts(
        CAUSES, {"rude STAFF": 10, "slow response": 50, "Wrong fees": 30, "ATM broken": 7}
    )
    people = counted.categories[0].causes
    assert people[0].count == 10
    assert people[1].count == 50
    assert counted.categories[1].causes[0].count == 30
    assert warnings == [
        "no count for cause 'Understaffed' (People)",
        "no count for cause 'Lost cards' (Methods)",
        "count without a cause: 'ATM broken' (7)",
    ]


def test_vital_few() -> None:
    assert vital_few([50, 30, 10, 10]) == 2
    assert vital_few([80, 20]) == 1
    assert vital_few([10, 10, 10]) == 3


def _stand_in(totals: dict[str, float]) -> Any:
    calls: list[tuple[Any, ...]] = []

    def count_categories(
        path: str,
        column: str,
        *,
        count: str | None = None,
        weight: str | None = None,
        encoding: str | None = None,
    ) -> dict[str, float]:
        calls.append((path, column, count, weight, encoding))
        return dict(totals)

    count_categories.calls = calls  # type: ignore[attr-defined]
    return count_categories


def test_with_counts_highlights_the_vital_few(monkeypatch: pytest.MonkeyPatch) -> None:
    stand_in = _stand_in(
        {"Slow response": 50, "Wrong fees": 30, "Rude staff": 10, "Lost cards": 10}
    )
    monkeypatch.setattr(mgmt_tools.pareto, "count_categories", stand_in)
    result = with_counts(CAUSES, "c.csv", "reason", weight="cost", encoding="gbk")
    assert stand_in.calls == [("c.csv", "reason", None, "cost", "gbk")]
    assert result.highlighted_causes == ["Slow  Response", "Wrong fees"]
    assert [r["percent"] for r in result.ranked] == [50.0, 30.0, 10.0, 10.0]
    explicit = with_counts(CAUSES, "c.csv", "reason", highlight=1)
    assert explicit.highlighted_causes == ["Slow  Response"]


def test_counts_replace_those_in_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mgmt_tools.pareto, "count_categories", _stand_in({"a": 2}))
    fishbone = loads("effect: E\ncategories: {A: [{cause: a, count: 99}, {cause: b, count: 5}]}")
    result = with_counts(fishbone, "c.csv", "reason")
    assert result.ranked == [{"cause": "a", "category": "A", "count": 2.0, "percent": 100.0}]


def test_with_the_real_pareto_counter(tmp_path: Path) -> None:
    data = tmp_path / "complaints.csv"
    data.write_text(
        'id,reason\n1,Wrong fees\n2,wrong fees\n3,Rude staff\n4,"Slow response"\n5,ATM\n',
        encoding="utf-8",
    )
    result = with_counts(CAUSES, data, "reason")
    counts = {r["cause"]: r["count"] for r in result.ranked}
    assert counts == {"Wrong fees": 2.0, "Rude staff": 1.0, "Slow  Response": 1.0}
    assert "count without a cause: 'ATM' (1)" in result.warnings
