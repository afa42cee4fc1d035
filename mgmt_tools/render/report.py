"""Write a report: several sections (a method's result, its picture) as one HTML or Markdown file.

HTML is self-contained: each picture is inline SVG, styles are inline, with a contents list and
print-friendly CSS. Markdown refers to the pictures by relative links into a folder beside
it (``mgmt report -o r.md`` writes them to ``r_files/``). Every number is shown as
the ``--json`` of its method writes it (the same text), and each HTML section carries its JSON
result in a ``<script type="application/json">`` block for scripts.

All text of the HTML goes through :func:`escape` and all text of the Markdown through
:func:`md_escape`: the one HTML and Markdown escaping functions,
:func:`mgmt_tools.render.escape.html` and :func:`mgmt_tools.render.escape.markdown`, under the
names this module has always given them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from mgmt_tools import locale
from mgmt_tools._json import json_text
from mgmt_tools.locale import N_, _, pgettext
from mgmt_tools.render import format_number
from mgmt_tools.render.escape import html as escape
from mgmt_tools.render.escape import markdown as md_escape
from mgmt_tools.render.escape import script_json

__all__ = [
    "ISO_DATE",
    "Section",
    "escape",
    "field_label",
    "flat",
    "html_report",
    "image_name",
    "key_numbers",
    "main_table",
    "markdown_report",
    "md_escape",
    "show",
    "worded",
]


@dataclass(frozen=True)
class Section:
    """One section of a report: a method's JSON result and its main picture (SVG text)."""

    title: str
    method: str
    source: str
    """The input file, as the report names it."""
    result: Mapping[str, Any]
    svg: str | None = None
    text: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    lang: str | None = None
    """The language the section's texts were written in (the report is written in it)."""


def show(value: Any) -> str:
    """A value as the JSON result writes it (numbers keep every digit); lists joined.

    Floats are shown to four decimals (three significant digits below 0.001), as the other
    outputs show them; the section's JSON, embedded beside its table, keeps every digit.

    >>> show(14.833333333333332), show(True), show(None), show("a"), show([["A", "B"], ["C"]])
    ('14.8333', 'true', '', 'a', 'A → B; C')
    >>> show(0.0000234), show(3), show(2.0)
    ('2.34e-05', '3', '2')
    """
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list):
        if value and all(isinstance(item, list) for item in value):
            return "; ".join(" → ".join(show(part) for part in item) for item in value)
        return ", ".join(show(item) for item in value)
    if isinstance(value, float) and value != 0 and abs(value) < 0.001:
        return f"{value:.3g}"
    if isinstance(value, float):
        return format_number(value)
    return json.dumps(value, ensure_ascii=False)


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def flat(value: Any) -> bool:
    """Whether ``value`` is a value or a list of values (of lists of values): a cell of a
    table, not a record or a mapping."""
    return _scalar(value) or (isinstance(value, list) and all(flat(v) for v in value))


def key_numbers(result: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """The result's fields that are values or lists of values; mappings flattened as ``a.b``.

    Lists of records (the main table), warnings and ``command`` are left out.

    >>> key_numbers({"command": "x", "duration": 7.5, "pert": {"sd": 1.0}, "tasks": [{}]})
    [('duration', 7.5), ('pert.sd', 1.0)]
    """
    rows: list[tuple[str, Any]] = []
    for name, value in result.items():
        if not prefix and name in ("command", "warnings"):
            continue
        if isinstance(value, Mapping):
            rows += key_numbers(value, f"{prefix}{name}.")
        elif flat(value):
            rows.append((f"{prefix}{name}", value))
    return rows


def main_table(result: Mapping[str, Any]) -> tuple[str, list[str], list[list[Any]]] | None:
    """The first list of records of the result (tasks, ranking, risk profile ...): its name,
    columns (fields that are values, in first-seen order) and rows; None when there is none.

    >>> main_table({"tasks": [{"id": "A", "es": 0.0}, {"id": "B", "lf": 2.0}]})
    ('tasks', ['id', 'es', 'lf'], [['A', 0.0, None], ['B', None, 2.0]])
    """
    for name, value in result.items():
        if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            columns: list[str] = []
            for record in value:
                columns += [k for k, v in record.items() if flat(v) and k not in columns]
            rows = [[record.get(column) for column in columns] for record in value]
            return name, columns, rows
    return None


@functools.cache
def _field_labels(language: str) -> dict[str, str]:
    """The result's field names (JSON keys) in the reader's words, for the tables' labels
    (made once a language)."""
    with locale.using(language):
        words = {
            "alternative": pgettext("field", "alternative"),
            "alternative_count": pgettext("field", "alternative_count"),
            "alternatives": pgettext("field", "alternatives"),
            "anti_ideal": pgettext("field", "anti_ideal"),
            "as_of": pgettext("field", "as_of"),
            "at_risk": pgettext("field", "at_risk"),
            "branch_values": pgettext("field", "branch_values"),
            "by_criterion": pgettext("field", "by_criterion"),
            "categories": pgettext("field", "categories"),
            "category": pgettext("field", "category"),
            "cause": pgettext("field", "cause"),
            "causes": pgettext("field", "causes"),
            "col": pgettext("field", "col"),
            "completed": pgettext("field", "completed"),
            "consistency_index": pgettext("field", "consistency_index"),
            "consistency_ratio": pgettext("field", "consistency_ratio"),
            "count": pgettext("field", "count"),
            "criteria": pgettext("field", "criteria"),
            "criteria_weights": pgettext("field", "criteria_weights"),
            "critical": pgettext("field", "critical"),
            "critical_path_count": pgettext("field", "critical_path_count"),
            "critical_paths": pgettext("field", "critical_paths"),
            "criticality": pgettext("field", "criticality"),
            "cumulative_percent": pgettext("field", "cumulative_percent"),
            "cumulative_probability": pgettext("field", "cumulative_probability"),
            "cutoff": pgettext("field", "cutoff"),
            "deadline": pgettext("field", "deadline"),
            "direction": pgettext("field", "direction"),
            "distribution": pgettext("field", "distribution"),
            "due": pgettext("field", "due"),
            "duration": pgettext("field", "duration"),
            "ef": pgettext("field", "ef"),
            "effect": pgettext("field", "effect"),
            "es": pgettext("field", "es"),
            "evpi": pgettext("field", "evpi"),
            "expected_value": pgettext("field", "expected_value"),
            "finish_date": pgettext("field", "finish_date"),
            "free_float": pgettext("field", "free_float"),
            "global": pgettext("field", "global"),
            "goal": pgettext("field", "goal"),
            "goals": pgettext("field", "goals"),
            "highlighted": pgettext("field", "highlighted"),
            "id": pgettext("field", "id"),
            "ideal": pgettext("field", "ideal"),
            "issue": pgettext("field", "issue"),
            "item": pgettext("field", "item"),
            "items": pgettext("field", "items"),
            "lambda_max": pgettext("field", "lambda_max"),
            "lf": pgettext("field", "lf"),
            "local": pgettext("field", "local"),
            "ls": pgettext("field", "ls"),
            "matrix": pgettext("field", "matrix"),
            "mean": pgettext("field", "mean"),
            "measure": pgettext("field", "measure"),
            "method": pgettext("field", "method"),
            "metric_progress": pgettext("field", "metric_progress"),
            "name": pgettext("field", "name"),
            "nodes": pgettext("field", "nodes"),
            "normalization": pgettext("field", "normalization"),
            "objective": pgettext("field", "objective"),
            "on_track": pgettext("field", "on_track"),
            "overall": pgettext("field", "overall"),
            "owner": pgettext("field", "owner"),
            "path": pgettext("field", "path"),
            "payoff": pgettext("field", "payoff"),
            "percent": pgettext("field", "percent"),
            "pert": pgettext("field", "pert"),
            "policy": pgettext("field", "policy"),
            "probability": pgettext("field", "probability"),
            "progress": pgettext("field", "progress"),
            "project": pgettext("field", "project"),
            "quantiles": pgettext("field", "quantiles"),
            "rank": pgettext("field", "rank"),
            "ranked": pgettext("field", "ranked"),
            "ranking": pgettext("field", "ranking"),
            "records": pgettext("field", "records"),
            "risk_profile": pgettext("field", "risk_profile"),
            "rollup": pgettext("field", "rollup"),
            "row": pgettext("field", "row"),
            "score": pgettext("field", "score"),
            "sd": pgettext("field", "sd"),
            "seed": pgettext("field", "seed"),
            "simulation": pgettext("field", "simulation"),
            "smart_issues": pgettext("field", "smart_issues"),
            "start_date": pgettext("field", "start_date"),
            "status": pgettext("field", "status"),
            "tasks": pgettext("field", "tasks"),
            "thresholds": pgettext("field", "thresholds"),
            "title": pgettext("field", "title"),
            "total": pgettext("field", "total"),
            "total_float": pgettext("field", "total_float"),
            "track": pgettext("field", "track"),
            "trials": pgettext("field", "trials"),
            "units": pgettext("field", "units"),
            "value": pgettext("field", "value"),
            "variance": pgettext("field", "variance"),
            "vital": pgettext("field", "vital"),
            "vital_few": pgettext("field", "vital_few"),
            "weight": pgettext("field", "weight"),
            "weighting": pgettext("field", "weighting"),
            "weights": pgettext("field", "weights"),
        }
    return words


def field_label(name: str) -> str:
    """A field of the result (``total_float``, ``pert.sd``) as the tables label it: the JSON
    key in English, the reader's words otherwise (a part that is not a field name, such as
    an id from the input, stays as written).

    >>> with locale.using("zh"):
    ...     field_label("total_float"), field_label("pert.quantiles.0.9"), field_label("A.x")
    ('总时差', 'PERT·分位数·0.9', 'A·x')
    >>> field_label("pert.quantiles.0.9")
    'pert.quantiles.0.9'
    """
    if locale.current() == "en":
        return name
    labels = _field_labels(locale.current())
    parts: list[str] = []
    for part in name.split("."):
        if part.isdigit() and parts and parts[-1].replace(".", "").isdigit():
            parts[-1] += "." + part
        else:
            parts.append(labels.get(part, part))
    return "·".join(parts)


_STATUS_WORDS = {
    "done": N_("done"),
    "in_progress": N_("in progress"),
    "not_started": N_("not started"),
    "blocked": N_("blocked"),
    "on_track": N_("on track"),
    "at_risk": N_("at risk"),
    "off_track": N_("off track"),
}
_COLUMN_WORDS: dict[str, dict[str, str]] = {
    "status": _STATUS_WORDS,
    "track": _STATUS_WORDS,
    "method": {
        "cpm": N_("critical path method"),
        "rollback": N_("rollback of the decision tree"),
        "ishikawa": N_("cause-and-effect analysis"),
        "rollup": N_("progress roll-up"),
        "pareto": N_("Pareto analysis"),
    },
    "rollup": {
        "weighted": N_("weighted average"),
        "average": N_("average"),
        "min": N_("all must be met (minimum)"),
        "max": N_("any one suffices (maximum)"),
    },
}
"""Values of a column (or key number) shown in words in Chinese: status and track words, the
method ids of the methods that do not name themselves, a goal's roll-up rule."""
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
"""A date as the JSON result writes it (a cell that is one is shown as a date)."""


def worded(value: Any, column: str | None) -> str | None:
    """A value of field ``column`` that reads as words in a language other than English
    (a goal's status ``in_progress``, the method ``cpm``), in those words; else None.

    >>> with locale.using("zh"):
    ...     worded("off_track", "track"), worded("cpm", "pert.method"), worded(3, "track")
    ('落后', '关键路径法', None)
    """
    if locale.current() == "en" or not isinstance(value, str):
        return None
    words = _COLUMN_WORDS.get((column or "").rsplit(".", 1)[-1], {})
    return _(words[value]) if value in words else None


def _shown(value: Any, column: str | None = None) -> str:
    """A value of a table as :func:`show` writes it; in Chinese, true and false and the
    status words of a status or track column in words, and dates spelled out."""
    if locale.current() == "en":
        return show(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    word = worded(value, column)
    if word is not None:
        return word
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return locale.date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return show(value)


def _anchor(index: int) -> str:
    return f"section-{index}"


def _inline_svg(svg: str) -> str:
    """The ``<svg>`` element alone (no XML declaration, doctype or leading comments)."""
    start = svg.find("<svg")
    return svg[start:].strip() if start >= 0 else ""


def _json_block(result: Mapping[str, Any]) -> str:
    return script_json(json_text(result, compact=True).rstrip("\n"))


_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",
"DejaVu Sans",Arial,sans-serif;color:#1F2933;max-width:60rem;margin:2rem auto;padding:0 1rem;
line-height:1.45}
h1{margin-bottom:.2rem}.subtitle{color:#52606D;margin-top:0}
nav{border:1px solid #E4E7EB;padding:.5rem 1rem;margin:1rem 0 2rem}
section{margin-bottom:3rem}.source{color:#52606D;font-size:.9em}
figure{margin:1rem 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.8rem 0;font-size:.9em}
th,td{border:1px solid #CBD2D9;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#ECEFF3}td.num{text-align:right;font-variant-numeric:tabular-nums}
.warnings{color:#8D2B0B}
@media print{body{max-width:none;margin:0}nav{break-after:page}
section{break-before:page}section:first-of-type{break-before:auto}
table,figure{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""


def _cell(value: Any, column: str | None = None) -> str:
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return f"<td{' class=num' if numeric else ''}>{escape(_shown(value, column))}</td>"


def _html_section(index: int, section: Section) -> Iterator[str]:
    yield f'<section id="{_anchor(index)}">'
    yield f"<h2>{index}. {escape(section.title)}</h2>"
    yield f'<p class="source">{escape(section.method)}: {escape(section.source)}</p>'
    if section.text:
        yield f"<p>{escape(section.text)}</p>"
    if section.svg:
        yield f"<figure>{_inline_svg(section.svg)}</figure>"
    numbers = key_numbers(section.result)
    if numbers:
        yield "<table class=key><tbody>"
        for name, value in numbers:
            yield f"<tr><th>{escape(field_label(name))}</th>{_cell(value, name)}</tr>"
        yield "</tbody></table>"
    table = main_table(section.result)
    if table is not None:
        name, columns, rows = table
        yield f"<table class=main><caption>{escape(field_label(name))}</caption><thead><tr>"
        yield "".join(f"<th>{escape(field_label(column))}</th>" for column in columns)
        yield "</tr></thead><tbody>"
        for row in rows:
            cells = (_cell(value, column) for value, column in zip(row, columns, strict=True))
            yield "<tr>" + "".join(cells) + "</tr>"
        yield "</tbody></table>"
    warnings = section.result.get("warnings") or []
    if warnings:
        yield '<ul class="warnings">'
        yield "".join(f"<li>{escape(warning)}</li>" for warning in warnings)
        yield "</ul>"
    yield (
        f'<script type="application/json" class="result" data-section="{index}">'
        f"{_json_block(section.result)}</script>"
    )
    yield "</section>"


def _language(lang: str | None, sections: Sequence[Section]) -> str:
    """The language to write the document in: ``lang``, else the sections' (the language
    they were built in), else the current one."""
    chosen = lang or next((section.lang for section in sections if section.lang), None)
    return chosen or locale.current()


_HTML_LANG = {"en": "en", "zh": "zh-CN"}
"""The ``lang`` attribute of the page in each language."""


def html_report(
    title: str,
    sections: Sequence[Section],
    subtitle: str | None = None,
    *,
    lang: str | None = None,
) -> str:
    """The report as one self-contained HTML document, in ``lang`` (default: the language
    the sections were built in, else the current one)."""
    with locale.using(_language(lang, sections)) as language:
        return _html(title, sections, subtitle, _HTML_LANG[language])


def _html(title: str, sections: Sequence[Section], subtitle: str | None, lang: str) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    if subtitle:
        parts.append(f'<p class="subtitle">{escape(subtitle)}</p>')
    parts.append("<nav><h2>" + escape(_("Contents")) + "</h2><ol>")
    parts += [
        f'<li><a href="#{_anchor(i)}">{escape(s.title)}</a></li>' for i, s in enumerate(sections, 1)
    ]
    parts.append("</ol></nav>")
    for index, section in enumerate(sections, 1):
        parts += _html_section(index, section)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower() or "section"


def image_name(stem: str, index: int, section: Section) -> str:
    """The file name of a section's picture beside a Markdown report ``stem.md``.

    >>> image_name("q1", 2, Section("Plan", "pert", "p.yaml", {}))
    'q1-2-pert.svg'
    """
    return f"{stem}-{index}-{_slug(section.method)}.svg"


def markdown_report(
    title: str,
    sections: Sequence[Section],
    stem: str,
    subtitle: str | None = None,
    *,
    folder: str | None = None,
    lang: str | None = None,
) -> tuple[str, dict[str, str]]:
    """The report as Markdown and its pictures: (text, {file name: SVG text}); the links
    are relative, into ``folder`` beside the report when given (``mgmt report`` gives
    ``<stem>_files``). Written in ``lang`` (default: the language the sections were built
    in, else the current one)."""
    with locale.using(_language(lang, sections)):
        return _markdown(title, sections, stem, subtitle, folder)


def _markdown(
    title: str,
    sections: Sequence[Section],
    stem: str,
    subtitle: str | None,
    folder: str | None,
) -> tuple[str, dict[str, str]]:
    lines = [f"# {md_escape(title)}", ""]
    if subtitle:
        lines += [md_escape(subtitle), ""]
    lines += ["## " + md_escape(_("Contents")), ""]
    lines += [f"{i}. [{md_escape(s.title)}](#{_anchor(i)})" for i, s in enumerate(sections, 1)]
    images: dict[str, str] = {}
    for index, section in enumerate(sections, 1):
        lines += ["", f'<a id="{_anchor(index)}"></a>', ""]
        lines += [f"## {index}. {md_escape(section.title)}", ""]
        lines += [f"*{md_escape(section.method)}: {md_escape(section.source)}*", ""]
        if section.text:
            lines += [md_escape(section.text), ""]
        if section.svg:
            name = image_name(stem, index, section)
            images[name] = section.svg
            link = quote(f"{folder}/{name}" if folder else name)
            lines += [f"![{md_escape(section.title)}]({link})", ""]
        numbers = key_numbers(section.result)
        if numbers:
            header = (md_escape(_("field")), md_escape(_("value")))
            lines += [f"| {header[0]} | {header[1]} |", "| --- | --: |"]
            lines += [
                f"| {md_escape(field_label(n))} | {md_escape(_shown(v, n))} |" for n, v in numbers
            ]
            lines.append("")
        table = main_table(section.result)
        if table is not None:
            name, columns, rows = table
            lines += [f"**{md_escape(field_label(name))}**", ""]
            lines.append("| " + " | ".join(md_escape(field_label(c)) for c in columns) + " |")
            lines.append("| " + " | ".join("---" for _column in columns) + " |")
            lines += [
                "| "
                + " | ".join(md_escape(_shown(v, c)) for v, c in zip(row, columns, strict=True))
                + " |"
                for row in rows
            ]
            lines.append("")
        for warning in section.result.get("warnings") or []:
            lines.append("> " + _("warning: {warning}").format(warning=md_escape(warning)))
    return "\n".join(lines).rstrip() + "\n", images
