"""The Pareto chart fits a report (issue #16): 3 to 50 categories with long English and Chinese
names, and stratified charts of 2 to 6 panels (one stratum without records), draw with no text
on another or off the picture and an aspect ratio (width / height) between 0.5 and 3.2; the
count axis runs to the total so that 100 % on the right sits at the total on the left; each
panel's vital few (red) are its own; the table under the bars; --title and --other-label."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from mgmt_tools import locale
from mgmt_tools.pareto import ParetoResult, analyse, load, pareto_chart, run
from mgmt_tools.pareto.analysis import _ranked_vital
from mgmt_tools.render import geometry
from mgmt_tools.render.style import VITAL

from ..helpers import drawn_figure, figure_texts, mgmt, written

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

ASPECT = (0.5, 3.2)
"""Width over height of every Pareto chart (docs/pareto.md)."""

WORDS = ("wait", "counter", "loan", "approval", "fees", "explained", "statement", "card", "login")
HAN = "排队等候时间过长贷款审批缓慢费用未解释清楚账单错误卡片寄送延误手机银行登录失败"


def names(count: int, lang: str, seed: int = 0) -> list[str]:
    """``count`` distinct category names, every fifth one long (up to 60 characters)."""
    rng = random.Random(seed)
    found: list[str] = []
    for index in range(count):
        long = index % 5 == 2
        if lang == "zh":
            size = rng.randint(14, 24) if long else rng.randint(2, 8)
            text = "".join(rng.choice(HAN) for _ in range(size))
        else:
            size = rng.randint(6, 9) if long else rng.randint(1, 3)
            text = " ".join(rng.choice(WORDS) for _ in range(size)).capitalize()
        found.append(f"{text}{index}")
    return found


def counts(count: int, seed: int = 0) -> list[int]:
    rng = random.Random(seed)
    return [rng.randint(1, 400) for _ in range(count)]


def drawing(result: ParetoResult, **options: str) -> geometry.Drawing:
    with geometry.recorded() as drawn:
        assert pareto_chart(result, "png", **options).startswith(b"\x89PNG")
    (one,) = drawn
    return one


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("count", [3, 5, 9, 15, 24, 38, 50])
def test_one_panel_fits(count: int, lang: str) -> None:
    with locale.using(lang):
        result = analyse(names(count, lang, count), counts(count, count))
        assert drawing(result).problems(aspect=ASPECT) == []


def stratified_csv(path: Path, categories: list[str], strata: int, seed: int) -> Path:
    """Records of ``categories`` in ``strata`` branches; the last branch has only rows of 0."""
    rng = random.Random(seed)
    buffer = io.StringIO()
    rows = csv.writer(buffer)
    rows.writerow(["reason", "branch", "n"])
    for stratum in range(strata):
        for category in categories:
            empty = stratum == strata - 1
            rows.writerow([category, f"Branch {stratum + 1}", 0 if empty else rng.randint(0, 40)])
    return written(path, buffer.getvalue())


def stratified(tmp_path: Path, count: int, strata: int, lang: str = "en") -> ParetoResult:
    path = stratified_csv(tmp_path / "records.csv", names(count, lang, count), strata, strata)
    return run(load(path, column="reason", count="n", by="branch"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("count", "strata"), [(3, 2), (6, 3), (11, 4), (15, 5), (30, 6)])
def test_stratified_fits(tmp_path: Path, count: int, strata: int, lang: str) -> None:
    with locale.using(lang):
        result = stratified(tmp_path, count, strata, lang)
        assert drawing(result).problems(aspect=ASPECT) == []


def bar_heights(axes: Axes) -> list[float]:
    from matplotlib.patches import Rectangle

    return [float(p.get_height()) for p in axes.patches if isinstance(p, Rectangle)]


def panels(figure: Figure) -> list[tuple[Axes, Axes]]:
    """(bars, cumulative percent) axes of each panel."""
    axes = figure.axes
    return [(axes[i], axes[i + 1]) for i in range(0, len(axes), 2)]


@pytest.mark.parametrize("strata", [1, 3])
def test_hundred_percent_sits_at_the_total(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, strata: int
) -> None:
    if strata == 1:
        result = analyse(names(12, "en"), counts(12))
        totals = [result.total]
    else:
        result = stratified(tmp_path, 8, strata + 1)
        totals = [s.total for s in result.strata if s.total > 0]
    figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    drawn = panels(figure)
    assert len(drawn) == len(totals)
    for (bars, curve), total in zip(drawn, totals, strict=True):
        heights = bar_heights(bars)
        assert sum(heights) == pytest.approx(total)
        assert bars.get_ylim() == pytest.approx((0, total))
        top = bars.transData.transform((0, total))[1]
        assert curve.transData.transform((0, 100))[1] == pytest.approx(top)
        cutoff = bars.transData.transform((0, 0.8 * total))[1]
        assert curve.transData.transform((0, 80))[1] == pytest.approx(cutoff)
        (line,) = curve.get_lines()[:1]
        x, y = (np.asarray(values, dtype=float) for values in line.get_data())
        assert (x[-1], y[-1]) == pytest.approx((bars.get_xlim()[1], 100.0))  # top right corner


def test_each_panel_marks_its_own_vital_few(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from matplotlib.colors import to_rgba

    # shared order A (2+40), B (3+10), C (7+1); North's own largest are C 7 and B 3, so its
    # A (2) is grey although it comes first (the shared order would mark all three)
    records = [("A", "North")] * 2 + [("B", "North")] * 3 + [("C", "North")] * 7
    records += [("A", "South")] * 40 + [("B", "South")] * 10 + [("C", "South")] * 1
    text = "reason,branch\n" + "".join(f"{a},{b}\n" for a, b in records)
    result = run(load(written(tmp_path / "records.csv", text), column="reason", by="branch"))
    figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    seen = []
    for bars, _curve in panels(figure):
        heights = bar_heights(bars)
        red = {i for i, p in enumerate(bars.patches) if p.get_facecolor() == to_rgba(VITAL)}
        expected = _own_vital(heights, result.cutoff)
        assert red == expected
        seen.append(red)
    assert seen == [{1, 2}, {0, 1}]  # North: C 7 + B 3 reach 80% of 12; South: A 40 + B 10


def _own_vital(heights: list[float], cutoff: float) -> set[int]:
    """The fewest bars, largest first, whose heights reach ``cutoff`` percent of the total."""
    order = sorted(range(len(heights)), key=lambda i: -heights[i])
    total, running, chosen = sum(heights), 0.0, set()
    for i in order:
        chosen.add(i)
        running += heights[i]
        if running / total * 100 >= cutoff:
            break
    return chosen


def vital_positions(values: list[float], kept: int, cutoff: float) -> set[int]:
    """The engine's vital few of one stratum."""
    import numpy as np

    return set(_ranked_vital(np.array([values], dtype=float), kept, cutoff)[0])


def test_vital_positions_rule() -> None:
    assert vital_positions([4.0, 7.0, 1.0], 3, 80.0) == {0, 1}
    assert vital_positions([32.0, 3.0, 5.0], 3, 80.0) == {0}
    assert vital_positions([30.0, 3.0, 5.0], 3, 80.0) == {0, 2}
    assert vital_positions([5.0, 5.0], 1, 80.0) == {0}  # "Other" is never vital
    assert vital_positions([0.0, 0.0], 2, 80.0) == set()
    assert vital_positions([8.0, 0.0, 2.0], 3, 100.0) == {0, 2}  # a 0 is never vital


def test_empty_stratum_is_noted_not_drawn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = stratified(tmp_path, 5, 3)
    assert [s.total > 0 for s in result.strata] == [True, True, False]
    figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    texts = figure_texts(figure)
    assert len(panels(figure)) == 2
    assert not any(text.startswith("Branch 3") for text in texts)
    assert "no records, not drawn: Branch 3" in "\n".join(texts)


def test_table_under_the_bars(monkeypatch: pytest.MonkeyPatch) -> None:
    result = analyse(["Wait", "Fees", "Rates"], [50, 30, 20])
    figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    texts = figure_texts(figure)
    for label in ("Count", "Percent", "Cum %", "50", "30", "20", "50.0", "80.0", "100.0"):
        assert label in texts
    with locale.using("zh"):
        figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    assert {"频数", "百分比", "累计 %"} <= set(figure_texts(figure))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_long_names_are_wrapped_not_cut(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    categories = names(15, lang, 7)
    result = analyse(categories, counts(15, 7))
    with locale.using(lang):
        figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    texts = figure_texts(figure)
    shown = {"".join(text.split()) for text in texts}
    for name in categories:
        assert "".join(name.split()) in shown, name
    assert any("\n" in text for text in texts)  # some name takes more than one line
    words = {word for text in texts for word in text.split()}
    for name in categories:  # an English word is never split across lines
        assert all(word in words for word in name.split() if word.isascii()), name


def test_title_and_other_label(monkeypatch: pytest.MonkeyPatch) -> None:
    result = analyse(["A", "B", "C", "D"], [50, 30, 10, 10], top=2)
    figure = drawn_figure(
        monkeypatch,
        lambda: pareto_chart(result, "png", title="Complaints, 2024", other_label="The rest"),
    )
    texts = figure_texts(figure)
    assert "Complaints, 2024" in texts
    assert "The rest" in texts
    assert "Other" not in texts
    with locale.using("zh"):
        figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    assert "其他" in figure_texts(figure)


def test_options_on_the_command_line(tmp_path: Path) -> None:
    data = written(tmp_path / "counts.yaml", "counts: {A: 50, B: 30, C: 10, D: 10}\n")
    picture = tmp_path / "p.png"
    code, _out, err = mgmt(
        "pareto",
        str(data),
        "--top",
        "2",
        "--title",
        "T",
        "--other-label",
        "Rest",
        "-o",
        str(picture),
    )
    assert code == 0, err
    assert picture.read_bytes().startswith(b"\x89PNG")
    code, out, err = mgmt("pareto", str(data), "--top", "2", "--json")
    assert code == 0, err
    assert json.loads(out)["items"][-1]["category"] == "Other"  # the JSON keeps its value


@pytest.mark.parametrize("count", [5, 30, 40])
def test_large_weights_fit_their_columns(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    rng = random.Random(count)
    weights = [rng.uniform(1_000, 250_000) for _ in range(count)]
    result = analyse([f"Cost item {i}" for i in range(count)], weights, measure="cost")
    assert drawing(result).problems(aspect=ASPECT) == []
    figure = drawn_figure(monkeypatch, lambda: pareto_chart(result, "png"))
    texts = figure_texts(figure)
    if count >= 30:  # narrow columns: the first row is in thousands, and says so
        assert "cost (thousands)" in texts
        assert str(round(max(weights) / 1000)) in texts
    else:
        assert "cost" in texts
