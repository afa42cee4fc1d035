"""DOT with pinned positions, escaping, highlight; the examples render (PNG needs Graphviz)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.fishbone import analyse, load, loads, render, to_dot, to_markdown

from ..conftest import EXAMPLES

FISHBONE_EXAMPLES = sorted((EXAMPLES / "fishbone").glob("*.yaml"))


def test_dot_is_pinned_straight_and_escaped() -> None:
    result = analyse(loads('effect: "A <b> & \\\\N"\ncategories: {"R&D": [{cause: x, count: 3}]}'))
    dot = to_dot(result, highlight=1)
    assert 'splines="false"' in dot
    assert dot.count("pos=") == dot.count('!"')
    assert "A &lt;b&gt; &amp; \\\\N" in dot
    assert "R&amp;D" in dot
    assert "x (3)" in dot
    assert "#C0392B" in dot  # the accent colour on the highlighted cause
    assert to_dot(result) != dot


def test_dot_is_deterministic() -> None:
    result = analyse(load(FISHBONE_EXAMPLES[0]), highlight=3)
    assert to_dot(result) == to_dot(result)


@pytest.mark.parametrize("path", FISHBONE_EXAMPLES, ids=lambda p: p.name)
def test_example_loads_ranks_and_writes_dot(path: Path) -> None:
    result = analyse(load(path), highlight=3)
    assert result.warnings == []
    assert len(result.ranked) >= 5
    assert len(result.fishbone.categories) == 6
    assert to_dot(result).startswith("digraph fishbone {")
    assert to_markdown(result).startswith("# ")


@pytest.mark.dot
@pytest.mark.parametrize("path", FISHBONE_EXAMPLES, ids=lambda p: p.name)
def test_example_renders(path: Path) -> None:
    result = analyse(load(path), highlight=3)
    assert render(result, "png").startswith(b"\x89PNG")
    assert b"<svg" in render(result, "svg")
