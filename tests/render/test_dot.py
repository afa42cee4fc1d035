"""mgmt_tools.render (text helpers) and mgmt_tools.render.dot: escaping, quoting, wrapping,
HTML-like cells, the theme and the transitive reduction used to simplify big diagrams."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.render import display_width, format_number, format_table, truncate
from mgmt_tools.render.dot import (
    FONT_FAMILIES,
    THEME,
    Html,
    attributes,
    cell,
    defaults,
    escape,
    html_lines,
    quote,
    stacked,
    transitive_reduction,
    wrap,
)

NASTY = [
    'a "quoted" name',
    "R&D <b>bold</b> & co",
    "back\\slash \\N \\G \\L \\E \\T \\H \\l \\n \\\\",
    "it's & it&#39;s &amp; &lt;",
    "}; rankdir=TB; x [label=<",
    "]]> <!-- -->",
    "收集客户资料 · 信用审批",
    "tab\there",
]
SVG = "{http://www.w3.org/2000/svg}"


# --- mgmt_tools.render ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.0, "3"),
        (4.5, "4.5"),
        (1 / 3, "0.3333"),
        (-0.0, "0"),
        (-1e-9, "0"),
        (-2.5, "-2.5"),
        (12345678.0, "12345678"),
        (0.00004, "0"),
        (0.00005001, "0.0001"),
        (float("nan"), "nan"),
    ],
)
def test_format_number_is_compact(value: float, text: str) -> None:
    assert format_number(value) == text


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("A1") == 2
    assert display_width("信用审批") == 8
    assert display_width("（KYC）") == 7  # fullwidth brackets are wide too
    assert display_width("cafe\u0301") == 4


def test_truncate_respects_display_width() -> None:
    assert truncate("short", 10) == "short"
    cut = truncate("收集客户资料并核验", 9)
    assert display_width(cut) <= 9
    assert cut.endswith("…")


def test_format_table_aligns_cjk_columns() -> None:
    lines = format_table(
        ["id", "name", "dur"], [["A", "信用审批", "3"], ["BB", "Sign", "12.5"]], right=[2]
    )
    ends = {display_width(line) for line in lines}
    assert len(ends) == 1  # the right-aligned last column ends in one place
    starts = {
        display_width(line[: line.index(name)])
        for line, name in zip(lines, ["name", "信用审批", "Sign"], strict=True)
    }
    assert len(starts) == 1


# --- escape -----------------------------------------------------------------------------------


def test_escape_replaces_markup_characters() -> None:
    assert escape('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"


def test_escape_doubles_backslashes_so_graphviz_prints_them() -> None:
    assert escape("\\N") == "\\\\N"


def test_escape_turns_line_breaks_into_br() -> None:
    assert escape("a\nb\r\nc\rd") == "a<BR/>b<BR/>c<BR/>d"


def test_escape_drops_what_xml_forbids() -> None:
    assert escape("a\x00b\x07c\x1bd\ud800e") == "abcde"


def test_escape_accepts_any_object() -> None:
    assert escape(4.5) == "4.5"


@given(st.text())
def test_escaped_text_has_no_raw_markup(text: str) -> None:
    escaped = escape(text)
    without_breaks = escaped.replace("<BR/>", "")
    assert not set("<>\"'\t") & set(without_breaks)
    assert re.fullmatch(r"([^&]|&(amp|lt|gt|quot|#39|#93);)*", without_breaks, re.DOTALL)
    escaped.encode("utf-8")  # no lone surrogates survive


def _svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def _normal(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


@pytest.mark.dot
@pytest.mark.parametrize("text", NASTY)
def test_escaped_label_renders_literally(text: str) -> None:
    from mgmt_tools.render.graphviz import pipe

    svg = pipe(f"digraph {{ t0 [shape=plain, label=<{escape(text)}>] }}", "svg")
    assert _normal(" ".join(_svg_texts(svg))) == _normal(text)


@pytest.mark.dot
@settings(max_examples=30, deadline=None)
@given(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    ).filter(lambda t: t.strip())
)
def test_any_escaped_text_renders_literally(text: str) -> None:
    from mgmt_tools.render.graphviz import pipe

    svg = pipe(f"digraph {{ t0 [shape=plain, label=<{escape(text)}>] }}", "svg")
    expected = unicodedata.normalize("NFC", _normal(text))
    assert unicodedata.normalize("NFC", _normal(" ".join(_svg_texts(svg)))) == expected


# --- quote, attributes, defaults --------------------------------------------------------------


def test_quote_escapes_quotes_and_backslashes() -> None:
    assert quote('a"b') == '"a\\"b"'
    assert quote("end\\") == '"end\\\\"'  # a trailing backslash cannot escape the closing quote
    assert quote("two\nlines\x00") == '"two\\nlines"'


@pytest.mark.dot
@pytest.mark.parametrize("value", ['x"; bgcolor="red"; y="', 'end\\"; bgcolor="red', "收集 资料"])
def test_quoted_value_cannot_inject_dot(value: str) -> None:
    from mgmt_tools.render.graphviz import pipe

    svg = pipe(f"digraph {{ graph [comment={quote(value)}] t0 [label=<x>] }}", "svg")
    assert b'fill="red"' not in svg  # bgcolor=red did not become a statement
    assert b'fill="red"' in pipe('digraph { graph [comment="x"; bgcolor="red"] }', "svg")


def test_attributes_write_html_labels_bare_and_numbers_compactly() -> None:
    text = attributes(
        {"label": Html("<B>x</B>"), "penwidth": 2.0, "color": "#C0392B", "constraint": False}
    )
    assert text == '[label=<<B>x</B>>, penwidth=2, color="#C0392B", constraint=false]'


def test_defaults_use_the_theme_and_accept_overrides() -> None:
    graph, node, edge = defaults(node={"shape": "plain"}, edge={"fontsize": 9}, rankdir="LR")
    assert graph.startswith("graph [")
    assert 'rankdir="LR"' in graph
    assert quote(THEME.font) in node
    assert 'shape="plain"' in node
    assert "fontsize=9" in edge


def test_font_list_covers_cjk_first() -> None:
    assert FONT_FAMILIES[0] == "Noto Sans CJK SC"
    assert THEME.font.split(",")[-1] == "sans-serif"


# --- wrap, cells ------------------------------------------------------------------------------


@given(st.text(st.sampled_from("ab c信用审批（）《》,. "), max_size=60), st.integers(2, 30))
def test_wrap_keeps_lines_within_width_and_loses_nothing(text: str, width: int) -> None:
    lines = wrap(text, width, max_lines=1000)
    assert all(display_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_wrap_breaks_latin_at_spaces_and_cjk_anywhere() -> None:
    assert wrap("Collect KYC documents", 12) == ["Collect KYC", "documents"]
    assert wrap("收集客户资料", 8) == ["收集客户", "资料"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_wrap_keeps_brackets_with_their_text() -> None:
    lines = wrap("反洗钱与制裁名单筛查（KYC/AML）", 20)
    assert not any(line.endswith("（") or line.startswith("）") for line in lines)


def test_wrap_marks_cut_text() -> None:
    lines = wrap("one two three four five six", 9, max_lines=2)
    assert len(lines) == 2
    assert lines[-1].endswith("…")


def test_html_lines_escapes_each_line() -> None:
    assert html_lines("<a> & <b>", 3) == "&lt;a&gt;<BR/>&amp;<BR/>&lt;b&gt;"


def test_cell_and_stacked() -> None:
    assert cell("x") == "<TD>x</TD>"
    assert cell("x", bgcolor="#FFF", width=38, size=9) == (
        '<TD BGCOLOR="#FFF" WIDTH="38"><FONT POINT-SIZE="9">x</FONT></TD>'
    )
    rows = stacked([("a", {}), ("b", {}), ("c", {"bold": True})])
    assert rows == (
        '<TR><TD SIDES="LRT">a</TD></TR><TR><TD SIDES="LR" CELLPADDING="1">b</TD>'
        '</TR><TR><TD SIDES="LRB"><B>c</B></TD></TR>'
    )
    assert stacked([("a", {})]) == "<TR><TD>a</TD></TR>"


# --- transitive reduction ---------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 25), st.data())
def test_transitive_reduction_matches_networkx(count: int, data: st.DataObject) -> None:
    pairs = [(a, b) for a in range(count) for b in range(a + 1, count)]
    edges = data.draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    order = data.draw(st.permutations(range(count)))  # node numbers need not be topological
    nodes = [order[i] for i in range(count)]
    relabelled = [(order[a], order[b]) for a, b in edges]
    graph: nx.DiGraph[int] = nx.DiGraph(relabelled)
    graph.add_nodes_from(nodes)
    assert transitive_reduction(nodes, relabelled) == set(nx.transitive_reduction(graph).edges())


def test_transitive_reduction_of_a_long_chain_keeps_it() -> None:
    edges = [(i, i + 1) for i in range(999)] + [(0, 999)]
    assert transitive_reduction(list(range(1000)), edges) == set(edges[:-1])
