"""The one escaping function per output language: hostile labels read back as written, in the
construct they are placed in, and no second escaper of a language appears in the source."""

from __future__ import annotations

import json
import re
import string
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgmt_tools.render import dot as dot_module
from mgmt_tools.render import escape, report
from mgmt_tools.render import mermaid as mermaid_module

HOSTILE = [
    "plain",
    "say \"hi\" and 'bye'",
    '<script>alert("x")</script>',
    "a | b || c",
    "#1 # not a heading #",
    "# heading",
    "two\nlines\r\nthree\rfour\ttab",
    "ctl\x00\x07\x1b\x7f\ud800\ufffe\uffffend",
    "收集客户资料 & 信用审批",
    "back\\slash \\N \\",
    "`code` *em* _u_ [l](x) ~~s~~ &amp; &#35; R&D",
    "%%{init: {'theme': 'dark'}}%% 5% fee",
    "end --> B; click A call x()",
    "- list",
    "1. ordered",
    "---",
    "]]> <![CDATA[ <!-- x -->",
    "csi\x9b31m del\x7f \u202eevil\u202c \u2066iso\u2069",  # C1, DEL, bidi: dropped
    "",
]
labels = pytest.mark.parametrize("label", HOSTILE, ids=range(len(HOSTILE)))
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def _clean(text: str) -> str:
    return FORBIDDEN.sub("", text)


def _lines(text: str) -> str:
    return _clean(text).replace("\r\n", "\n").replace("\r", "\n")


# --- DOT ---------------------------------------------------------------------------------------


def test_the_dot_escaper_is_the_one_of_render_dot() -> None:
    assert escape.dot is dot_module.escape
    assert escape.dot_quote is dot_module.quote


@labels
def test_dot_label_reads_back_as_written(label: str) -> None:
    # Graphviz reads an HTML-like label as XML (expat): it must parse, hold only our <BR/>
    # elements, and give the text back, with the backslash doubled for Graphviz's own escapes.
    root = ET.fromstring(f"<label>{escape.dot(label)}</label>")
    assert {child.tag for child in root} <= {"BR"}
    text = (root.text or "") + "".join("\n" + (child.tail or "") for child in root)
    assert text == _lines(label).replace("\t", " ").replace("\\", "\\\\")


@labels
def test_dot_quoted_string_cannot_end_early(label: str) -> None:
    quoted = escape.dot_quote(label)
    assert re.fullmatch(r'"(?:[^"\\\n]|\\.)*"', quoted)


@pytest.mark.dot
def test_hostile_labels_survive_graphviz() -> None:
    from mgmt_tools.render import graphviz

    # (an empty HTML-like label is a syntax error to Graphviz: callers never write one)
    nodes = "\n".join(f"  n{i} [label=<{escape.dot(s)}>];" for i, s in enumerate(HOSTILE) if s)
    svg = graphviz.pipe(f"digraph g {{\n{nodes}\n}}\n", "svg").decode()
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    drawn = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text"))
    assert '<script>alert("x")</script>' in drawn
    assert "收集客户资料 & 信用审批" in drawn


# --- HTML --------------------------------------------------------------------------------------


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


@labels
def test_html_text_and_attributes_read_back_as_written(label: str) -> None:
    parser = _Collect()
    value = escape.html(label)
    parser.feed(f"<p title=\"{value}\" lang='{value}'>{value}</p>")
    parser.close()
    assert parser.tags == [("p", {"title": _clean(label), "lang": _clean(label)})]
    assert "".join(parser.data) == _clean(label)


def test_the_report_uses_the_one_html_and_markdown_escapers() -> None:
    assert report.escape is escape.html
    assert report.md_escape is escape.markdown


def test_json_in_a_script_element_cannot_end_it() -> None:
    data = {"name": "</script><script>alert(1)</script><!-- & -->"}
    block = escape.script_json(json.dumps(data))
    assert not {"<", ">", "&"} & set(block)
    assert json.loads(block) == data


# --- Markdown ----------------------------------------------------------------------------------

MARKUP = set("\\`*_[]<>|#~$")


def _cells(row: str) -> list[str]:
    """A GFM table row split as cmark-gfm splits it (a pipe after a backslash is text), each
    cell's inline backslash escapes resolved; fails on markup left unescaped."""
    cells, cell, at = [], "", 0
    while at < len(row):
        char = row[at]
        if char == "\\" and at + 1 < len(row) and row[at + 1] in string.punctuation:
            cell += row[at + 1]
            at += 2
            continue
        if char == "|":
            cells.append(cell)
            cell = ""
        else:
            assert char not in MARKUP, f"unescaped {char!r} in {row!r}"
            assert not (char == "&" and re.match(r"&#?\w+;", row[at:])), row
            cell += char
        at += 1
    return [*cells, cell]


@labels
def test_markdown_cell_keeps_the_table_and_reads_back(label: str) -> None:
    text = escape.markdown(label)
    assert not {"\n", "\r"} & set(text)
    assert _cells(f"| {text} | end |") == ["", f" {' '.join(_clean(label).split())} ", " end ", ""]


@labels
def test_markdown_text_never_starts_a_block(label: str) -> None:
    text = escape.markdown(label)
    assert not re.match(r"#{1,6}( |$)|[-+*]( |$)|\d{1,9}[.)]( |$)|>|(?:[-*_] *){3,}$", text)


def test_hash_is_escaped_everywhere_and_renders_as_itself() -> None:
    assert escape.markdown("Issue #2 #") == "Issue \\#2 \\#"
    assert _cells(escape.markdown("Issue #2 #")) == ["Issue #2 #"]


@given(st.text())
def test_any_text_is_one_safe_table_cell(text: str) -> None:
    assert _cells(f"| {escape.markdown(text)} |")[1].strip() == " ".join(_clean(text).split())


# --- Mermaid -----------------------------------------------------------------------------------


def _entities(text: str) -> str:
    named = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
    return re.sub(r"#(\w+);", lambda m: named.get(m[1]) or chr(int(m[1])), text)


def test_the_mermaid_escapers_are_the_ones_of_render_mermaid() -> None:
    assert escape.mermaid is mermaid_module.escape
    assert escape.mermaid_gantt is mermaid_module.gantt_text


@labels
def test_mermaid_label_reads_back_as_written(label: str) -> None:
    text = escape.mermaid(label)
    assert not set('"<>`|%\n\r') & set(text.replace("<br/>", ""))
    assert "%%" not in text
    expected = _lines(label).replace("\t", " ").replace("\x7f", "")
    assert _entities(text).replace("<br/>", "\n") == expected


@labels
def test_mermaid_gantt_name_keeps_the_statement(label: str) -> None:
    text = escape.mermaid_gantt(label)
    assert not set(':%"\n\r') & set(text)
    assert re.fullmatch(r"(?:[^#;]|#\w+;)*", text)  # every '#' and ';' in an entity code
    assert _entities(text) == " ".join(_clean(label).replace("\x7f", "").split())


# --- XML ---------------------------------------------------------------------------------------


@labels
def test_xml_text_and_attributes_read_back_as_written(label: str) -> None:
    text, value = escape.xml(label), escape.xml(label, attribute=True)
    root = ET.fromstring(f"<a b=\"{value}\" c='{value}'>{text}</a>")
    assert root.get("b") == root.get("c") == _clean(label)
    assert (root.text or "") == _clean(label)


def test_xml_can_mark_what_it_cannot_hold() -> None:
    assert escape.xml("a\x07b\ud800", invalid="\ufffd") == "a\ufffdb\ufffd"


# --- one escaper per language ------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
# (what a second escaper of a language looks like, the files allowed to have it)
SECOND_ESCAPERS = [
    (r"html\.escape\(|saxutils|quoteattr", {"mgmt_tools/render/escape.py"}),
    # a string literal that is exactly an entity: the table of an HTML, XML or DOT escaper
    (
        r"""["']&(?:amp|lt|gt|quot|apos|#39|#x27);["']""",
        {
            "mgmt_tools/render/dot.py",
            "mgmt_tools/render/escape.py",
        },
    ),
    # the same for Mermaid's entity codes
    (r"""["']#(?:quot|amp|lt|gt|\d+);["']""", {"mgmt_tools/render/mermaid.py"}),
    # Markdown: a backslash put before a character, or a pipe replaced
    (
        r"""["']\\\\["']\s*\+|\\{3}(?:1|g<0>)|\.replace\(\s*["']\|""",
        {
            "mgmt_tools/render/escape.py",
        },
    ),
    (
        r"(?m)^\s*def \w*(?:escape|_md)\w*\(",
        {
            "mgmt_tools/render/dot.py",
            "mgmt_tools/render/mermaid.py",
        },
    ),
    # the characters every language drops, listed once
    (r"\\x0e-\\x1f", {"mgmt_tools/render/__init__.py"}),
]


@pytest.mark.parametrize(("pattern", "allowed"), SECOND_ESCAPERS, ids=range(len(SECOND_ESCAPERS)))
def test_no_second_escaper_of_a_language(pattern: str, allowed: set[str]) -> None:
    found = set()
    for folder in ("mgmt_tools", "cli"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if re.search(pattern, path.read_text(encoding="utf-8")):
                found.add(path.relative_to(ROOT).as_posix())
    assert found - allowed == set()
    assert found  # the pattern still finds the one escaper: it would catch a second


def test_the_grep_catches_the_escapers_it_was_written_for() -> None:
    samples = [
        "return html.escape(text)",
        'table = {"&": "&amp;"}',
        '{"<": "#lt;"}',
        'text = text.replace(char, "\\\\" + char)',
        'text.replace("|", "\\\\|")',
        "def _md(text: str) -> str:",
        'FORBIDDEN = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]")',
    ]
    for sample in samples:
        assert any(re.search(pattern, sample) for pattern, _ in SECOND_ESCAPERS), sample
