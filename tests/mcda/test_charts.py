"""The charts of an index or AHP result (mgmt_tools.mcda.charts): the ranking and the rank
acceptability."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure

from mgmt_tools.errors import DomainError
from mgmt_tools.mcda import (
    AhpResult,
    IndexResult,
    analyse,
    evaluate,
    from_dict,
    load,
    load_judgements,
    loads,
    loads_judgements,
)
from mgmt_tools.mcda.charts import (
    _acceptability_figure,
    _ranking_figure,
    acceptability_chart,
    rank_colours,
    ranking_chart,
)
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME

from ..helpers import chart_tests, figure_texts, rectangles
from .test_formats_example import INDEX_EXAMPLE
from .test_render import CHINESE, SINGLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _names(figure: Figure) -> list[str]:
    return [label.get_text() for label in figure.axes[0].get_yticklabels()]


def _many(count: int) -> dict[str, Any]:
    """``count`` alternatives whose scores fall with their number (A0000 is best)."""
    return {
        "goal": "Many prospects",
        "criteria": [{"id": "x", "weight": 0.5}, {"id": "y", "weight": 0.5}],
        "alternatives": [
            {"name": f"A{i:04d}", "x": float(count - i), "y": float((i * 7) % 13)}
            for i in range(count)
        ],
    }


@pytest.fixture(scope="module")
def cash() -> IndexResult:
    path = EXAMPLES / "index" / "cash-management-platform.yaml"
    return evaluate(load(path), sensitivity=True, seed=1, draws=500)


@pytest.fixture(scope="module")
def leader() -> AhpResult:
    return analyse(load_judgements(EXAMPLES / "ahp" / "team-leader.yaml"))


# --- ranking ----------------------------------------------------------------------------------


def test_ranking_bars_best_on_top_winner_in_accent(cash: IndexResult) -> None:
    figure = _ranking_figure(cash)
    bars = rectangles(figure, "bar")
    assert [bar.get_width() for bar in bars] == pytest.approx(
        [row["score"] for row in cash.ranking]
    )
    assert [bar.get_y() + bar.get_height() / 2 for bar in bars] == [0, 1, 2, 3]
    lower, upper = figure.axes[0].get_ylim()
    assert lower > upper  # the first bar (the best) on top
    colours = [to_hex(bar.get_facecolor()) for bar in bars]
    assert colours == [THEME.accent.lower()] + [ch.NEUTRAL.lower()] * 3
    assert _names(figure) == ["CashSphere", "LiquidLink", "BankNet Pro", "TreasuryOne"]
    assert figure.axes[0].get_yticklabels()[0].get_color() == THEME.accent


def test_ranking_writes_each_score_and_the_variants(cash: IndexResult) -> None:
    figure = _ranking_figure(cash)
    texts = figure_texts(figure)
    for row in cash.ranking:
        assert f"{row['score']:.4f}" in texts
    everything = "\n".join(texts)
    assert "topsis · normalization vector (default) · weighting given" in everything
    assert "closeness to the ideal" in everything
    assert "Score (closeness to the ideal)" in texts
    assert "Northwind Logistics: ranking" in everything


def test_vikor_ranking_says_lower_is_better() -> None:
    result = evaluate(loads(INDEX_EXAMPLE), method="vikor")
    figure = _ranking_figure(result)
    texts = figure_texts(figure)
    assert "Q (lower is better)" in texts
    assert any("Compromise solution" in text for text in texts)
    bars = rectangles(figure, "bar")
    assert bars[0].get_width() <= bars[1].get_width()  # the best has the lowest Q


def test_negative_scores_point_left() -> None:
    # cost weighs most: with vector normalisation a weighted sum subtracts it
    heavy = INDEX_EXAMPLE.replace("weight: 0.40", "weight: 0.8")
    result = evaluate(loads(heavy), normalization="vector")
    scores = [row["score"] for row in result.ranking]
    assert min(scores) < 0
    figure = _ranking_figure(result)
    low, high = figure.axes[0].get_xlim()
    assert low < min(scores)
    assert high >= max(0.0, max(scores))


def test_ahp_ranking_of_overall_priorities(leader: AhpResult) -> None:
    figure = _ranking_figure(leader)
    assert _names(figure) == ["Rahul Mehta", "Li Wei", "Anna Novak"]
    assert [bar.get_width() for bar in rectangles(figure, "bar")] == pytest.approx(
        [0.3861, 0.3409, 0.2730], abs=5e-5
    )
    texts = figure_texts(figure)
    assert "Overall priority" in texts
    assert any("AHP eigenvector" in text for text in texts)


def test_single_matrix_ranking_of_priorities() -> None:
    result = analyse(loads_judgements(SINGLE, "yaml"))
    figure = _ranking_figure(result)
    assert _names(figure)[0] == "Revenue"
    assert "Priority" in figure_texts(figure)
    widths = [bar.get_width() for bar in rectangles(figure, "bar")]
    assert widths == sorted(widths, reverse=True)
    assert sum(widths) == pytest.approx(1.0)


def test_big_inputs_show_the_best_thirty() -> None:
    result = evaluate(from_dict(_many(500)))
    figure = _ranking_figure(result)
    assert len(rectangles(figure, "bar")) == 30
    assert _names(figure)[0] == result.ranking[0]["alternative"]
    assert any("The best 30 of 500 alternatives are shown" in text for text in figure_texts(figure))


def test_long_names_are_folded() -> None:
    long = "A very long alternative name that keeps going on and on and on and on"
    result = evaluate(loads(INDEX_EXAMPLE.replace("Vendor A", long)))
    name = _names(_ranking_figure(result))[0]
    assert name.count("\n") == 1
    assert name.endswith("…")


# --- rank acceptability -----------------------------------------------------------------------


def test_acceptability_needs_the_sensitivity(leader: AhpResult) -> None:
    plain = evaluate(loads(INDEX_EXAMPLE))
    for result in (plain, leader):
        with pytest.raises(DomainError, match="--sensitivity"):
            acceptability_chart(result, "svg")


def test_acceptability_stacks_the_shares_of_each_rank(cash: IndexResult) -> None:
    assert cash.sensitivity is not None
    figure = _acceptability_figure(cash)
    segments = rectangles(figure, "share")
    count = len(cash.matrix.alternatives)
    assert len(segments) == count * count  # a segment per alternative and rank
    shares = cash.sensitivity.acceptability.shares()[cash.order]
    for rank in range(count):
        layer = segments[rank * count : (rank + 1) * count]
        assert [s.get_width() for s in layer] == pytest.approx(shares[:, rank].tolist())
        assert {to_hex(s.get_facecolor()) for s in layer} == {rank_colours(count)[rank].lower()}
    ends = [s.get_x() + s.get_width() for s in segments[-count:]]
    assert ends == pytest.approx([1.0] * count)
    assert _names(figure) == [row["alternative"] for row in cash.ranking]
    assert not rectangles(figure, "beyond")


def test_acceptability_writes_the_wide_shares_and_the_draws(cash: IndexResult) -> None:
    assert cash.sensitivity is not None
    figure = _acceptability_figure(cash)
    shares = cash.sensitivity.acceptability.shares()
    first = float(shares[int(cash.order[0]), 0])
    texts = figure_texts(figure)
    assert f"{100 * first:.0f}%" in texts
    everything = " ".join(" ".join(texts).split())  # the title may wrap
    assert "500 Dirichlet weight draws" in everything
    assert "seed 1" in everything
    assert "rank acceptability" in everything
    percents = [t for t in figure.axes[0].texts if t.get_gid() == "percent"]
    assert all(float(t.get_text()[:-1]) >= 6.5 for t in percents)


def test_rank_colours_accent_then_greys_dark_to_light() -> None:
    colours = rank_colours(6)
    assert colours[0] == THEME.accent
    lightness = [sum(to_rgb(colour)) for colour in colours[1:]]
    assert lightness == sorted(lightness)
    assert len(set(colours)) == 6
    assert rank_colours(1) == [THEME.accent]


def test_big_inputs_count_the_first_ranks_only() -> None:
    result = evaluate(from_dict(_many(250)), sensitivity=True, seed=3, draws=100)
    figure = _acceptability_figure(result)
    assert len(rectangles(figure, "share")) == 30 * 10
    beyond = rectangles(figure, "beyond")
    assert len(beyond) == 30
    for k in range(30):
        row = [
            s for s in rectangles(figure, "share") + beyond if s.get_y() + 0.33 == pytest.approx(k)
        ]
        assert sum(s.get_width() for s in row) == pytest.approx(1.0)
    everything = " ".join(figure_texts(figure))
    assert "only ranks 1-10 are counted" in everything
    assert "The best 30 of 250 alternatives are shown" in everything
    assert "below 10" in figure_texts(figure)


# --- output -----------------------------------------------------------------------------------

CHARTS: list[Callable[[Any, str], bytes]] = [ranking_chart, acceptability_chart]


# The acceptability chart's PDF is drawn by tests/test_registry.py (the example, --sensitivity).
test_svg_is_deterministic, test_binary_formats = chart_tests("cash", CHARTS, pdf=[ranking_chart])


@pytest.mark.parametrize("chart", CHARTS, ids=lambda chart: chart.__name__)
def test_chinese_labels_render(chart: Callable[..., bytes]) -> None:
    if not any("CJK" in family or "Hei" in family for family in ch.font_families()):
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    result = evaluate(loads(CHINESE), sensitivity=True, seed=2, draws=200)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert chart(result, "png").startswith(b"\x89PNG")
    assert not [w for w in caught if "missing from" in str(w.message)]
    texts = figure_texts(_ranking_figure(result)) + figure_texts(_acceptability_figure(result))
    assert "客户经理 王伟" in texts
    assert any("选择客户经理团队负责人 <A&B>" in text for text in texts)


def test_every_example_charts(leader: AhpResult) -> None:
    for path in sorted((EXAMPLES / "index").glob("*.yaml")):
        result = evaluate(load(path), sensitivity=True, seed=1, draws=200)
        assert len(rectangles(_ranking_figure(result), "bar")) == len(result.matrix.alternatives)
        assert rectangles(_acceptability_figure(result), "share")
    overall = [bar.get_width() for bar in rectangles(_ranking_figure(leader), "bar")]
    assert sum(overall) == pytest.approx(1.0)
