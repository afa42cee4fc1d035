"""The Pareto chart's note names the vital few; category names made of (or ending in) Chinese
closing punctuation are folded by ``render.dot.wrap`` alone, which keeps a closing mark off the
start of a line (the chart's former second pass over the wrapped lines indexed past the end of
a line made only of punctuation, as ``wrap("庚；：）， ", 8)`` gives)."""

from __future__ import annotations

import pytest

from mgmt_tools import locale
from mgmt_tools.pareto import analyse, pareto_chart
from mgmt_tools.pareto.chart import _notes
from mgmt_tools.render.dot import wrap

CLOSING = "、，。；：）"
NAMES = (
    ["庚；：）， ", "辛"],
    ["，" * 15, "；" * 15, "）" * 15, "甲"],
    ["庚；：）， ", *(f"类别{number}、" for number in range(8))],
)


def test_wrap_gives_a_line_of_punctuation_only() -> None:
    """The case the chart met: a wrapped line that is all closing punctuation."""
    assert wrap("庚；：）， ", 8) == ["庚；：）", "，"]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("names", NAMES)
def test_punctuation_names_are_drawn(language: str, names: list[str]) -> None:
    counts = list(range(10 * len(names), 0, -10))
    with locale.using(language):
        result = analyse(names, counts)
        notes = _notes(result, 0, 0, 6.4)
        assert pareto_chart(result, "png").startswith(b"\x89PNG")
    assert 1 <= len(notes) <= 2
    assert all(line[:1] not in CLOSING for line in notes)
    assert names[0].strip() in "".join(notes)


def test_note_lists_names_as_the_reader_writes() -> None:
    with locale.using("zh"):
        zh = _notes(analyse(["年费", "分期", "盗刷"], [50, 40, 1]), 0, 0, 8.0)
    with locale.using("en"):
        en = _notes(analyse(["Fee", "Instalments", "Fraud"], [50, 40, 1]), 0, 0, 8.0)
    assert zh[0].endswith("：年费、分期")
    assert en[0].endswith(": Fee, Instalments")
