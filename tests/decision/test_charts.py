"""The charts of a decision tree (mgmt_tools.decision.charts): the risk profiles of the root's
alternatives, the sensitivity of the root's branches to a variable, and the tornado."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from mgmt_tools.decision import DecisionResult, from_dict, load, loads, rollback
from mgmt_tools.decision.charts import (
    _risk_profile_figure,
    _sensitivity_figure,
    _tornado_figure,
    alternatives,
    risk_profile_chart,
    sensitivity_chart,
    tornado_chart,
)
from mgmt_tools.errors import DomainError
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME

from ..helpers import chart_tests, figure_texts, rectangles
from .strategies import trees
from .test_render import CREDIT

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "decision"

# CREDIT without risk tolerance, with ranges: EV(Extend) = fee + 120 - 240 p_default, so Extend
# and Decline break even at p_default = 2/3; the tornado gives fee [20, 60] -> 120.8 / 160.8
# (swing 40) above p_default [0.03, 0.15] -> 152.8 / 124 (swing 28.8).
NEUTRAL = CREDIT.replace("risk_tolerance: 500\n", "").replace(
    "ranges:\n  p_default: [0.03, 0.15]\n", "ranges: {p_default: [0.03, 0.15], fee: [20, 60]}\n"
)

CHINESE = """\
name: 授信决策
units: 万元
variables: {违约率: 0.08}
ranges: {违约率: [0.03, 0.15]}
root:
  type: decision
  branches:
    - name: 放款
      payoff: 40
      node:
        type: chance
        name: 客户结果
        branches:
          - {name: 按时还款, p: "1 - 违约率", payoff: 120}
          - {name: 违约, p: 违约率, payoff: -300}
    - {name: 拒绝, payoff: 0}
"""


def _lines(figure: Figure, gid: str) -> list[Line2D]:
    return [line for axes in figure.axes for line in axes.lines if line.get_gid() == gid]


def _data(line: Line2D) -> tuple[list[float], list[float]]:
    xs = np.asarray(line.get_xdata(), dtype=np.float64).tolist()
    ys = np.asarray(line.get_ydata(), dtype=np.float64).tolist()
    return xs, ys


@pytest.fixture(scope="module")
def credit() -> DecisionResult:
    return rollback(loads(CREDIT))


@pytest.fixture(scope="module")
def neutral() -> DecisionResult:
    return rollback(loads(NEUTRAL), vary="p_default=0:1:11", tornado=True)


# --- risk profile -----------------------------------------------------------------------------


def test_alternatives_of_the_formats_example(credit: DecisionResult) -> None:
    (extend, values, probabilities), (decline, other, certain) = alternatives(credit)
    assert (extend, decline) == ("Extend", "Decline")
    assert values.tolist() == [-260.0, 40.0, 160.0]
    assert probabilities == pytest.approx([0.032, 0.048, 0.92])
    assert (other.tolist(), certain.tolist()) == ([0.0], [1.0])


@settings(max_examples=60, deadline=None)
@given(trees(decision_root=True))
def test_each_alternative_is_a_distribution_and_the_chosen_one_is_the_risk_profile(
    data: dict[str, Any],
) -> None:
    result = rollback(from_dict(data), evpi=False)
    found = alternatives(result)
    assert [name for name, _, _ in found] == result.tree.root_branches()
    for _, values, probabilities in found:
        assert float(probabilities.sum()) == pytest.approx(1.0)
        assert np.all(np.diff(values) > 0)
    chosen = result.tree.root_branches().index(result.policy["root"])
    _, values, probabilities = found[chosen]
    assert values == pytest.approx(result.risk_profile.values)
    assert probabilities == pytest.approx(result.risk_profile.probabilities)


def test_one_step_curve_per_root_branch_the_chosen_one_in_the_accent(
    credit: DecisionResult,
) -> None:
    figure = _risk_profile_figure(credit)
    lines = _lines(figure, "profile")
    assert len(lines) == 2
    chosen, other = lines
    assert to_hex(chosen.get_color()) == THEME.accent.lower()
    assert to_hex(other.get_color()) != THEME.accent.lower()
    assert chosen.get_drawstyle() == "steps-post"
    xs, ys = _data(chosen)
    assert xs[1:-1] == [-260.0, 40.0, 160.0]
    assert ys[0] == 0
    assert ys[1:-1] == pytest.approx([3.2, 8.0, 100.0])
    assert ys[-1] == 100
    (axes,) = figure.axes
    assert axes.get_xlabel() == "Path total (CNY k)"
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend == ["Extend (chosen): EV 140.8, CE 133.16", "Decline: EV 0, CE 0"]


def test_every_alternative_of_an_example_is_drawn() -> None:
    result = rollback(load(EXAMPLES / "payroll-bid.yaml"))
    lines = _lines(_risk_profile_figure(result), "profile")
    assert len(lines) == len(result.tree.root_branches()) == 4
    accent = [to_hex(line.get_color()) == THEME.accent.lower() for line in lines]
    assert accent == [name == result.policy["root"] for name in result.tree.root_branches()]


def test_a_chance_root_has_one_curve() -> None:
    result = rollback(
        loads("root: {type: chance, branches: [{name: a, p: 0.5, payoff: 1}, {name: b, p: rest}]}")
    )
    (line,) = _lines(_risk_profile_figure(result), "profile")
    assert _data(line)[0][1:-1] == [0.0, 1.0]


# --- sensitivity ------------------------------------------------------------------------------


def test_sensitivity_lines_break_even_and_base(neutral: DecisionResult) -> None:
    study = neutral.sensitivity
    assert study is not None
    assert study.break_even == pytest.approx([2 / 3])
    figure = _sensitivity_figure(neutral)
    branches = _lines(figure, "branch")
    assert len(branches) == 2
    assert to_hex(branches[0].get_color()) == THEME.accent.lower()  # Extend, best at the base
    assert _data(branches[0])[1] == pytest.approx(study.values_by_branch["Extend"])
    (even,) = _lines(figure, "break-even")
    assert _data(even)[0][0] == pytest.approx(2 / 3)
    assert any(text.startswith("break-even 0.666667") for text in figure_texts(figure))
    (base,) = _lines(figure, "base")
    assert _data(base)[0][0] == pytest.approx(0.08)
    (best,) = _lines(figure, "best")  # the better branch at each value, through the crossing
    xs, ys = _data(best)
    assert xs[7] == pytest.approx(2 / 3)
    expected = [max(160 - 240 * x, 0.0) for x in xs]
    assert ys == pytest.approx(expected)
    (axes,) = figure.axes
    assert axes.get_xlabel() == "p_default"
    assert axes.get_ylabel() == "Expected value of the branch (CNY k)"


def test_sensitivity_with_risk_tolerance_plots_certainty_equivalents() -> None:
    result = rollback(loads(CREDIT), vary="p_default=0:0.5:6")
    study = result.sensitivity
    assert study is not None
    assert study.certainty_equivalents_by_branch is not None
    figure = _sensitivity_figure(result)
    extend = _lines(figure, "branch")[0]
    assert _data(extend)[1] == pytest.approx(study.certainty_equivalents_by_branch["Extend"])
    assert figure.axes[0].get_ylabel().startswith("Certainty equivalent")


def test_the_charts_need_their_studies(credit: DecisionResult) -> None:
    with pytest.raises(DomainError, match="--vary"):
        sensitivity_chart(credit, "svg")
    with pytest.raises(DomainError, match="--tornado"):
        tornado_chart(credit, "svg")


# --- tornado ----------------------------------------------------------------------------------


def test_tornado_bars_largest_swing_on_top(neutral: DecisionResult) -> None:
    assert neutral.tornado is not None
    assert [row.variable for row in neutral.tornado] == ["fee", "p_default"]
    figure = _tornado_figure(neutral)
    (axes,) = figure.axes
    low, high = rectangles(figure, "low"), rectangles(figure, "high")
    assert len(low) == len(high) == 2

    def spans(bars: list[Rectangle]) -> list[float]:
        """Row, left and right end of each bar, row by row, flat."""
        found = []
        for bar in bars:
            ends = sorted([bar.get_x(), bar.get_x() + bar.get_width()])
            found.append((bar.get_y() + bar.get_height() / 2, *ends))
        return [number for span in sorted(found) for number in span]

    base = 140.8
    assert spans(low) == pytest.approx([0, 120.8, base, 1, base, 152.8])
    assert spans(high) == pytest.approx([0, base, 160.8, 1, 124.0, base])
    bottom, top = axes.get_ylim()
    assert bottom > top  # row 0, the largest swing, is drawn at the top
    ticks = [label.get_text() for label in axes.get_yticklabels()]
    assert ticks == ["fee (base 40)", "p_default (base 0.08)"]
    labels = {
        text.get_text(): text.xy[0]  # type: ignore[attr-defined]
        for text in axes.texts
        if text.get_gid() == "end-label"
    }
    assert labels == pytest.approx({"20": 120.8, "60": 160.8, "0.03": 152.8, "0.15": 124.0})
    (line,) = _lines(figure, "base")
    assert _data(line)[0][0] == pytest.approx(base)


def test_a_bar_end_at_the_base_is_labelled_away_from_the_other_end() -> None:
    # lowering x leaves A (10) the best: the low end is the base value; raising it to 20 makes
    # B worth 20
    tree = loads("""\
variables: {x: 5}
ranges: {x: [0, 20]}
root: {type: decision, branches: [{name: A, payoff: 10}, {name: B, payoff: x}]}
""")
    result = rollback(tree, tornado=True)
    assert result.tornado is not None
    (row,) = result.tornado
    assert (row.value_at_low, row.base_value, row.value_at_high) == (10, 10, 20)
    texts = {t.get_text(): t for t in _tornado_figure(result).axes[0].texts}
    assert texts["0"].get_horizontalalignment() == "right"  # written leftwards, off the bar
    assert texts["20"].get_horizontalalignment() == "left"


# --- output -----------------------------------------------------------------------------------

CHARTS: list[Callable[[DecisionResult, str], bytes]] = [
    risk_profile_chart,
    sensitivity_chart,
    tornado_chart,
]


# The sensitivity chart's PDF is drawn by tests/test_registry.py (the example with --vary).
test_svg_is_deterministic, test_binary_formats = chart_tests(
    "neutral", CHARTS, pdf=[risk_profile_chart, tornado_chart]
)


@pytest.mark.parametrize("chart", CHARTS, ids=lambda chart: chart.__name__)
def test_chinese_labels_render(chart: Callable[..., bytes]) -> None:
    if not any("CJK" in family or "Hei" in family for family in ch.font_families()):
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    result = rollback(loads(CHINESE), vary="违约率=0:0.5:6", tornado=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert chart(result, "png").startswith(b"\x89PNG")
    assert not [w for w in caught if "missing from" in str(w.message)]
    figures = [_risk_profile_figure(result), _sensitivity_figure(result), _tornado_figure(result)]
    texts = [text for figure in figures for text in figure_texts(figure)]
    assert any("放款" in text for text in texts)
    assert any("违约率" in text for text in texts)
