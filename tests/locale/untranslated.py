"""Find English left in Chinese output: the words of three or more Latin letters a text holds
that are not names every language writes in Latin letters (PERT, CSV, ...) or the input's own.

Use it on what a command writes with ``--lang zh`` for a Chinese example: a word it finds is a
string that did not go through the catalogs.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "LATIN_NAMES",
    "dot_texts",
    "english_words",
    "input_words",
    "mermaid_texts",
    "strip_quoted",
    "visible_text",
    "words_of",
]

LATIN_NAMES = frozenset(
    {
        # method and measure names written in Latin letters in Chinese texts too
        "PERT", "CPM", "AON", "AOA", "EMV", "EVPI", "EVSI", "AHP", "TOPSIS", "VIKOR", "SAW",
        "WSM", "WPM", "ELECTRE", "PROMETHEE", "MCDA", "SMART", "OKR", "KPI", "RICE", "ICE",
        "WSJF", "MoSCoW", "ABC", "SPC", "DMAIC", "EVM", "CPI", "SPI", "beta", "Beta", "Saaty",
        "Bradley", "Terry", "Monte", "Carlo", "Kahn", "Graphviz", "Excel", "Word",
        "PowerPoint", "Unix", "Python", "matplotlib", "Matplotlib", "ProjectLibre",
        "GanttProject", "Borda", "Copeland",
        # file formats, units and symbols
        "CSV", "JSON", "YAML", "XLSX", "SVG", "PNG", "PDF", "DOT", "HTML", "Markdown",
        "Mermaid", "MSPDI", "XML", "UTF", "GBK", "BOM", "mgmt", "gantt", "pert", "yaml",
        "json", "csv", "xlsx", "svg", "png", "pdf", "dot", "mmd", "html", "gbk",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of three or more Latin letters in ``text`` that are neither in
    :data:`LATIN_NAMES` nor in ``allowed`` (ids and names from the input), in order.

    >>> english_words("关键路径：A -> B，总时差 0 days", allowed={"A"})
    ['days']
    """
    known = LATIN_NAMES | set(allowed)
    words = (word.rstrip("-'") for word in _WORD.findall(text))  # UTF-8: UTF
    return [word for word in words if len(word) >= 3 and word not in known]


# --- What an end-to-end check needs (tests/locale/test_untranslated.py) -------------------

QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
"""A value a message quotes as it is in every language: ``'Colect'``, ``"1/0"``."""


def strip_quoted(text: str) -> str:
    """``text`` without the values it quotes (ids, names, file names from the input).

    >>> strip_quoted("未知任务 'Colect'（您是否想输入 'Collect'？）")
    '未知任务 （您是否想输入 ？）'
    """
    return QUOTED.sub("", text)


def words_of(text: str) -> set[str]:
    """The words :func:`english_words` would find in ``text``.

    >>> sorted(words_of("Vendor A: 3 days"))
    ['Vendor', 'days']
    """
    return set(_WORD.findall(text))


def _strings(value: Any, keys: bool) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if keys:
                yield str(key)
            yield from _strings(item, keys)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, keys)


def input_words(path: Path, *, keys: bool = True, _seen: set[Path] | None = None) -> set[str]:
    """Every word of every key (unless ``keys`` is false) and string value of the input at
    ``path`` (YAML, JSON or CSV), and of the inputs it names (a report's sections): the
    input's own words, which a command shows as they are in every language. A summary or a
    diagram shows the values (ids, names, units), a message names the keys too.

    A file that does not parse gives the words of its text (a malformed input's words are
    still its own).
    """
    seen = set() if _seen is None else _seen
    path = path.resolve()
    if path in seen or not path.is_file():
        return set()
    seen.add(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("gbk", errors="replace")
    try:
        if path.suffix == ".csv":
            data: Any = list(csv.reader(io.StringIO(text)))
        else:
            data = yaml.safe_load(text)
    except (yaml.YAMLError, csv.Error, ValueError):  # a malformed input: its text's words
        return words_of(text)
    found: set[str] = set()
    for string in _strings(data, keys):
        found |= words_of(string)
        if string.endswith((".yaml", ".yml", ".json", ".csv")) and "\n" not in string:
            found |= input_words(path.parent / string, keys=keys, _seen=seen)
    return found


_HIDDEN = ("script", "style", "metadata")


class _Visible(HTMLParser):
    """The text a browser shows: character data outside ``<script>``, ``<style>`` and an SVG's
    ``<metadata>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        for name, value in attrs:
            if name in ("alt", "title", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text of an HTML page a reader sees (and the alt/title texts a screen reader reads),
    without tags, scripts and styles, one piece a line.

    >>> visible_text("<p>关键路径<script>var x;</script><img alt='甘特图'></p>")
    '关键路径\\n甘特图'
    """
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "\n".join(part.strip() for part in parser.parts if part.strip())


_DOT_TEXT = re.compile(r"\b(?:label|xlabel|headlabel|taillabel|tooltip)=")


def dot_texts(dot: str) -> str:
    """The texts a DOT diagram shows: its labels (HTML-like labels without their tags) and
    tooltips, one a line; DOT's own keywords, attributes and colours are code.

    >>> dot_texts('digraph { t0 [label=<<B>授信</B>>, shape="box"]; a -> b [label="SS+2"] }')
    '授信\\nSS+2'
    """
    texts = []
    for match in _DOT_TEXT.finditer(dot):
        start = match.end()
        if dot.startswith('"', start):
            end = start + 1
            while end < len(dot) and dot[end] != '"':
                end += 2 if dot[end] == "\\" else 1
            texts.append(dot[start + 1 : end].replace("\\n", "\n").replace("\\l", "\n"))
        elif dot.startswith("<", start):
            depth, end = 0, start
            while end < len(dot):
                depth += {"<": 1, ">": -1}.get(dot[end], 0)
                end += 1
                if depth == 0:
                    break
            texts.append(visible_text(dot[start + 1 : end - 1]))
    return "\n".join(texts)


_MERMAID_CODE = re.compile(
    r"^\s*(?:flowchart|graph|gantt|mindmap|dateFormat|axisFormat|tickInterval|inclusiveEndDates"
    r"|excludes|includes|todayMarker|weekday|classDef|class|linkStyle|style|click|direction|end"
    r")\b.*$",
    re.MULTILINE,
)
_MERMAID_KEYWORD = re.compile(r"^(\s*)(?:title|section|subgraph)\b", re.MULTILINE)
_MERMAID_TASK = re.compile(r"\s:[^\n]*$", re.MULTILINE)
_MERMAID_WORD = re.compile(r"\b(?:dateFormat|axisFormat|tickInterval|classDef|linkStyle)\b")


def mermaid_texts(mermaid: str) -> str:
    """A Mermaid text without its code: directives, keywords, a Gantt task's ``:crit, t0,
    dates`` and ``<br/>`` tags; what is left is the titles, names, labels and comments.

    >>> mermaid_texts("gantt\\n title 甘特图\\n dateFormat YYYY-MM-DD\\n 授信 :crit, t0").split()
    ['甘特图', '授信']
    """
    text = _MERMAID_CODE.sub("", mermaid)
    text = _MERMAID_KEYWORD.sub(r"\1 ", text)
    text = _MERMAID_WORD.sub(" ", _MERMAID_TASK.sub("", text))
    return re.sub(r"<[^>]+>", " ", text)
