"""mgmt_tools.render.charts, the matplotlib layer (style, fonts, deterministic output), and
mgmt_tools.render.chart_parts, the drawing helpers charts share (link routes, shading, marker
lines, histograms)."""

from __future__ import annotations

import itertools
import subprocess
import sys

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.patches import FancyArrowPatch, Polygon

from mgmt_tools.errors import RenderError
from mgmt_tools.render import chart_dates
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME


def _figure(text: str = "收集客户资料 · Sign $5 fee") -> Figure:
    with ch.chart_style():
        figure = ch.new_figure(4, 3)
        axes = figure.add_subplot()
        axes.bar([0, 1], [3, 4], color=THEME.accent)
        axes.set_title(ch.clean(text))
    return figure


def test_fonts_cover_chinese_then_latin() -> None:
    families = ch.font_families()
    assert families[-1] == "DejaVu Sans"
    cjk = [family for family in families if "CJK" in family or "Hei" in family]
    if not cjk:
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    path = findfont(FontProperties(family=cjk[0]), fallback_to_default=False)
    assert FT2Font(path).get_char_index(ord("收")) != 0


def test_style_does_not_leak_into_the_callers_rcparams() -> None:
    params = matplotlib.rcParams
    before = (params["font.family"], params["svg.hashsalt"], params["text.parse_math"])
    with ch.chart_style():
        assert params["svg.hashsalt"] == ch.style()["svg.hashsalt"]
        assert params["text.parse_math"] is False
    _figure()
    assert (params["font.family"], params["svg.hashsalt"], params["text.parse_math"]) == before


def test_png() -> None:
    assert ch.figure_bytes(_figure(), "png").startswith(b"\x89PNG\r\n\x1a\n")


def test_svg_is_deterministic_and_undated() -> None:
    first, second = ch.figure_bytes(_figure(), "svg"), ch.figure_bytes(_figure(), "svg")
    assert first == second
    assert first.startswith(b"<?xml")
    assert b"<svg" in first
    assert b"<dc:date>" not in first


def test_pdf_carries_no_creation_date_and_embeds_the_cjk_font() -> None:
    # The one PDF of this module (a PDF costs a second or more: the CJK font is subset).
    data = ch.figure_bytes(_figure(), "pdf")
    assert data.startswith(b"%PDF-")
    assert b"/CreationDate" not in data
    assert data == ch.figure_bytes(_figure(), "pdf")
    if any("CJK" in family for family in ch.font_families()):
        assert b"NotoSansCJK" in data


def test_unknown_format_is_refused() -> None:
    with pytest.raises(RenderError, match="svg, png, pdf"):
        ch.figure_bytes(_figure(), "gif")


def test_dollar_signs_are_text_not_mathtext() -> None:
    # \notacommand would raise in mathtext; as plain text it renders
    assert ch.figure_bytes(_figure(r"cost $\notacommand$ 5$"), "png").startswith(b"\x89PNG")


def test_clean_drops_control_characters_and_lone_surrogates() -> None:
    assert ch.clean("a\x00b\tc\ud800\x7fd") == "ab cd"
    assert ch.clean(12.5) == "12.5"


def test_text_width_counts_wide_characters() -> None:
    figure = _figure()
    latin = ch.text_width(figure, ["abcdef"], 10)
    chinese = ch.text_width(figure, ["收集客户资料"], 10)
    assert 0 < latin < chinese
    assert ch.text_width(figure, ["abc", "abcdef", ""], 10) == latin
    assert ch.text_width(figure, ["abcdef"], 10, weight="bold") > latin
    assert ch.text_width(figure, [], 10) == 0


def test_importing_the_modules_does_not_import_matplotlib() -> None:
    code = (
        "import sys, mgmt_tools.render.charts, mgmt_tools.render.chart_parts, "
        "mgmt_tools.pert.charts; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- routes -------------------------------------------------------------------------------------


def test_start_to_start_turns_left_of_both_starts() -> None:
    assert parts.elbow((2, 0), -1, (5, 1), -1, 0.5) == [(2, 0), (1.5, 0), (1.5, 1), (5, 1)]


def test_finish_to_finish_turns_right_of_both_finishes() -> None:
    assert parts.elbow((6, 0), 1, (4, 2), 1, 0.5) == [(6, 0), (6.5, 0), (6.5, 2), (4, 2)]


def test_start_to_finish_comes_round_between_the_rows() -> None:
    route = parts.elbow((2, 0), -1, (5, 1), 1, 0.5)
    assert route == [(2, 0), (1.5, 0), (1.5, 0.5), (5.5, 0.5), (5.5, 1), (5, 1)]


def test_landing_on_the_bar_below_and_above() -> None:
    assert parts.elbow((3, 0), 1, (3, 2), -1, 0.5, landing=(3, 9)) == [
        (3, 0),
        (3.5, 0),
        (3.5, 1.75),
    ]
    assert parts.elbow((3, 2), 1, (3, 0), -1, 0.5, landing=(3, 9)) == [
        (3, 2),
        (3.5, 2),
        (3.5, 0.25),
    ]
    # a point target (a milestone) right below the start: straight down
    assert parts.elbow((3, 0), 1, (2.9, 1), -1, 0.5, landing=(3, 3), half=0.3) == [(3, 0), (3, 0.7)]


def test_route_ends_are_the_given_points() -> None:
    rng = np.random.default_rng(0)
    for _ in range(200):
        x0, x1 = rng.uniform(0, 10, 2).tolist()
        y0, y1 = rng.choice(6, 2, replace=False).tolist()
        leave, enter = rng.choice([-1, 1], 2).tolist()
        route = parts.elbow((x0, y0), leave, (x1, y1), enter, 0.3)
        assert (route[0], route[-1]) == ((x0, y0), (x1, y1))
        for (ax, ay), (bx, by) in itertools.pairwise(route):
            assert ax == bx or ay == by  # orthogonal
        assert (route[1][0] - x0) * leave >= 0.3 - 1e-9  # leaves on its side
        assert (route[-2][0] - x1) * enter > 0  # enters from its side


# --- drawing helpers ----------------------------------------------------------------------------


def test_link_arrow_is_one_patch_with_an_arrowhead() -> None:
    with ch.chart_style():
        axes = ch.new_figure(3, 2).add_subplot()
        arrow = parts.link_arrow(axes, [(0, 0), (1, 0), (1, 1)], color=THEME.accent, width=1.2)
    assert isinstance(arrow, FancyArrowPatch)
    assert arrow.get_gid() == "link"
    assert arrow in axes.patches
    assert to_hex(arrow.get_edgecolor()) == THEME.accent.lower()


def test_shade_days_draws_one_span_per_run() -> None:
    with ch.chart_style():
        axes = ch.new_figure(3, 2).add_subplot()
        spans = chart_dates.shade_days(axes, 100, [False, True, True, False, True, False])
    shaded = [patch for patch in axes.patches if patch.get_gid() == "nonworking"]
    assert spans == 2 == len(shaded)
    extents = sorted((patch.get_x(), patch.get_x() + patch.get_width()) for patch in shaded)  # type: ignore[attr-defined]
    assert extents == [(101, 103), (104, 105)]


@pytest.mark.parametrize(("days", "kind"), [(30, "WeekdayLocator"), (400, "AutoDateLocator")])
def test_date_axis_picks_readable_ticks(days: float, kind: str) -> None:
    with ch.chart_style():
        axes = ch.new_figure(6, 2).add_subplot()
        chart_dates.date_axis(axes, days)
    assert type(axes.xaxis.get_major_locator()).__name__ == kind


def test_marker_line_and_its_label() -> None:
    with ch.chart_style():
        axes = ch.new_figure(4, 3).add_subplot()
        parts.marker_line(axes, 5.0, "P80", colour=THEME.muted, gid="quantile")
        parts.marker_line(axes, 7.0, "", colour=THEME.ink, side="above", gid="deadline")
    lines = {line.get_gid(): np.asarray(line.get_xdata()).tolist() for line in axes.lines}
    assert lines == {"quantile": [5.0, 5.0], "deadline": [7.0, 7.0]}
    assert [text.get_text() for text in axes.texts] == ["P80"]


def test_histogram_and_s_curve() -> None:
    values = np.random.default_rng(3).normal(10, 2, 5000)
    with ch.chart_style():
        figure = ch.new_figure(6, 4, layout="constrained")
        axes, curve = parts.distribution_axes(figure, "Share", "Cumulative")
        low, high = parts.histogram(axes, curve, values)
    assert (low, high) == (values.min(), values.max())
    heights = [patch.get_height() for patch in axes.patches]  # type: ignore[attr-defined]
    assert 10 <= len(heights) <= 60
    assert sum(heights) == pytest.approx(100)
    (line,) = curve.lines
    assert line.get_gid() == "s-curve"
    assert np.asarray(line.get_ydata())[[0, -1]].tolist() == [0, 100]
    assert curve.get_ylim() == (0, 100)


def test_heading_and_legend_row() -> None:
    with ch.chart_style():
        figure = ch.new_figure(8, 4)
        title = parts.title_lines("A long project title " * 12, 8)
        parts.heading(figure, title, ["Duration 5 days", "a note"])
        parts.legend_row(figure, [("box", THEME.accent, "Critical"), ("dashed", THEME.ink, "Due")])
    assert len(title) == 2
    assert title[-1].endswith("…")
    assert parts.heading_height(title, ["x", "y"]) > parts.heading_height(title, [])
    texts = [text.get_text() for text in figure.texts]
    assert texts == ["\n".join(title), "Duration 5 days\na note"]
    (legend,) = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == ["Critical", "Due"]


def test_summary_outline_points_down_at_both_ends() -> None:
    outline = parts.summary_outline(2, 8, 0.9, 1.1, 1.3, 0.5)
    xs, ys = zip(*outline, strict=True)
    assert (min(xs), max(xs), min(ys), max(ys)) == (2, 8, 0.9, 1.3)
    assert [point for point in outline if point[1] == 1.3] == [(8, 1.3), (2, 1.3)]
    # a short bar: the caps meet in the middle and never cross
    assert parts.summary_outline(0, 1, 0, 1, 2, 5)[3:5] == [(0.5, 1), (0.5, 1)]


def test_legend_row_draws_a_summary_bar() -> None:
    with ch.chart_style():
        figure = ch.new_figure(6, 2)
        parts.legend_row(figure, [("summary", THEME.ink, "Group"), ("box", THEME.accent, "Task")])
    assert ch.figure_bytes(figure, "png").startswith(b"\x89PNG")  # drawn, handles included
    (legend,) = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == ["Group", "Task"]
    shape = legend.legend_handles[0]
    assert isinstance(shape, Polygon)
    assert len(shape.get_xy()) >= 6  # the bar and its two caps, not a plain box
    assert to_hex(shape.get_facecolor()) == THEME.ink.lower()
