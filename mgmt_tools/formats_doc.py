"""The format reference under ``docs/formats/``: its tables generated so that they cannot drift.

Each page ``docs/formats/<schema>.md`` (gantt shares pert's page) is hand-written prose with
generated blocks between markers::

    <!-- BEGIN GENERATED fields: python -m mgmt_tools.formats_doc -->
    ...
    <!-- END GENERATED fields -->

``fields`` tabulates every key of the input's JSON Schema (:func:`mgmt_tools.schemas.generate`)
with its type, default and meaning; ``result`` every field of the ``--json`` result (the kept
result schema); ``commands`` the input and output formats and charts of each command of the
page, ``options`` its options (the registry's :class:`~mgmt_tools.methods.Option`\\ s), and
on the report page ``sections`` the option keys of each method. Run
``python -m mgmt_tools.formats_doc`` after changing a model, a result schema or an option;
``--check`` exits 1 when a page is stale (a test does the same). The schema is put in words
by :mod:`mgmt_tools.schemas.docs`.

>>> list(generated_blocks("pareto")), list(generated_blocks("report"))
(['commands', 'fields', 'result', 'options'], ['fields', 'sections'])
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mgmt_tools._files import SUFFIXES
from mgmt_tools.registry.method import OUTPUT_SUFFIXES as SUFFIX_OUTPUTS
from mgmt_tools.schemas.docs import (
    bounds,
    cell,
    default_text,
    keys,
    meaning,
    nullable,
    scalar,
    title,
    type_text,
)

__all__ = [
    "DOCS",
    "PAGES",
    "field_names",
    "generated_blocks",
    "main",
    "render_page",
    "result_rows",
]

DOCS = Path(__file__).resolve().parent.parent / "docs" / "formats"
"""Where the pages live in a clone of the repository."""

PAGES = ("pert", "decision", "index", "ahp", "rank", "pareto", "fishbone", "goals", "report")
"""The pages, by the name of their input schema, in the order of the index."""

_BEGIN = "<!-- BEGIN GENERATED {}: python -m mgmt_tools.formats_doc -->"
_END = "<!-- END GENERATED {} -->"
_BLOCK = re.compile(
    r"<!-- BEGIN GENERATED (\w+): python -m mgmt_tools\.formats_doc -->\n"
    r"(.*?)<!-- END GENERATED \1 -->",
    re.DOTALL,
)


def _by_format(suffixes: Mapping[str, str]) -> dict[str, str]:
    """``{".yaml": "yaml", ".yml": "yaml"}`` as ``{"yaml": ".yaml .yml"}``."""
    found: dict[str, list[str]] = {}
    for suffix, fmt in suffixes.items():
        found.setdefault(fmt, []).append(suffix)
    return {fmt: " ".join(names) for fmt, names in found.items()}


OUTPUT_SUFFIXES = _by_format(SUFFIX_OUTPUTS)
"""The suffixes ``-o`` maps to each format."""
INPUT_SUFFIXES = _by_format(SUFFIXES)
"""The suffixes that name each input format."""


# --- the blocks ---------------------------------------------------------------------------------


def _fields_block(name: str) -> str:
    from mgmt_tools.schemas import generate

    schema = generate(name)
    defs: Mapping[str, Any] = schema.get("$defs", {})
    parts = [f"Generated from the JSON Schema `mgmt schema {name}` prints.\n"]
    for heading, node in [("Top level", schema), *((title(k), v) for k, v in defs.items())]:
        rows = [
            f"| `{path}` | {cell(type_text(sub))} | {default_text(sub, req)} | {meaning(sub)} |"
            for path, sub, req in keys(node, None, "", (id(node),))
            if path != "$schema"
        ]
        if not rows:
            continue
        intro = cell(node.get("description", "")) if node is not schema else ""
        parts.append(f"#### {heading}\n" + (f"\n{intro}\n" if intro else ""))
        parts.append("| key | type | default | meaning |\n|---|---|---|---|\n" + "\n".join(rows))
        parts.append("")
    return "\n".join(parts)


def result_rows(name: str) -> list[tuple[str, str, bool, str]]:
    """(field, type, always present, meaning) of every field of ``name``'s ``--json`` result."""
    from mgmt_tools.schemas import result_schema_text

    schema = json.loads(result_schema_text(name))
    defs = schema.get("$defs", {})
    rows = []
    for path, sub, req in keys(schema, defs, "", (id(schema),)):
        kind = type_text(sub, defs) + (" or null" if nullable(sub, defs) else "")
        rows.append((path, kind, req, meaning(sub)))
    return rows


def _result_block(name: str) -> str:
    rows = [
        f"| `{path}` | {cell(kind)} | {'always' if req else 'when it applies'} | {meaning} |"
        for path, kind, req, meaning in result_rows(name)
    ]
    return (
        f"Generated from the result schema `mgmt schema {name} --result` prints.\n\n"
        "| field | type | present | meaning |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )


def _commands_block(name: str) -> str:
    lines = ["| command | input formats | `-o` writes (suffix) | pictures (`--chart`) |"]
    lines.append("|---|---|---|---|")
    for method in _methods_of(name):
        inputs = ", ".join(f"{f} ({INPUT_SUFFIXES[f]})" for f in method.input_formats)
        outputs = ", ".join(f"{f} ({OUTPUT_SUFFIXES[f]})" for f in method.output_formats)
        charts = ", ".join(
            f"`{chart.name}` ({', '.join(chart.formats)})" for chart in method.charts
        )
        lines.append(f"| `mgmt {method.name}` | {inputs} | {outputs} | {charts or 'none'} |")
    return "\n".join(lines) + "\n"


def _options_block(name: str) -> str:
    parts = []
    methods = _methods_of(name)
    groups: dict[tuple[Any, ...], list[str]] = {}
    for method in methods:
        groups.setdefault(method.options, []).append(method.name)
    for options, names in groups.items():
        commands = " and ".join(f"`mgmt {n}`" for n in names)
        parts.append(f"Options of {commands} (a report section's `options` use the key):\n")
        rows = ["| flag | key | value | default | meaning |", "|---|---|---|---|---|"]
        for option in options:
            default = "none" if option.default is None else f"`{scalar(option.default)}`"
            if option.kind == "flag":
                default = "off"
            rows.append(
                f"| `{option.cli_flag}` | `{option.name}` | {cell(_value_text(option))} "
                f"| {default} | {cell(option.help)} |"
            )
        parts.append("\n".join(rows) + "\n")
    return "\n".join(parts)


def _sections_block() -> str:
    from mgmt_tools.methods import METHODS

    rows = ["| `method` | keys of `options` | input format |", "|---|---|---|"]
    for method in METHODS.values():
        keys = ", ".join(f"`{option.name}`" for option in method.options) or "none"
        page = f"[{method.schema_name}.md]({method.schema_name}.md)"
        rows.append(f"| `{method.name}` | {keys} | {page} |")
    return "\n".join(rows) + "\n"


def _value_text(option: Any) -> str:
    kinds = {"int": "integer", "float": "number", "date": "date (YYYY-MM-DD)", "path": "file"}
    if option.kind == "flag":
        return "(a flag)"
    if option.kind == "choice":
        text = " or ".join(f"`{choice}`" for choice in option.choices)
    elif option.metavar and option.kind in ("text", "path"):
        text = f"`{option.metavar}`"
    else:
        text = kinds.get(option.kind, "text")
        low = "exclusiveMinimum" if option.low_open else "minimum"
        limits = {low: option.low, "maximum": option.high}
        limits = {key: value for key, value in limits.items() if value is not None}
        text += bounds(limits)
    return text


def _methods_of(name: str) -> list[Any]:
    from mgmt_tools.methods import METHODS

    return [method for method in METHODS.values() if method.schema_name == name]


def generated_blocks(name: str) -> dict[str, str]:
    """The generated blocks of page ``name``, by block name (report has no result)."""
    blocks = {"fields": _fields_block(name)}
    if name == "report":
        blocks["sections"] = _sections_block()
    elif _methods_of(name):
        blocks = {
            "commands": _commands_block(name),
            **blocks,
            "result": _result_block(name),
            "options": _options_block(name),
        }
    return blocks


def render_page(name: str, text: str) -> str:
    """``text`` of page ``name`` with its generated blocks brought up to date.

    Raises ``ValueError`` when a block the page needs has no markers.
    """
    blocks = generated_blocks(name)
    missing = [block for block in blocks if _BEGIN.format(block) not in text]
    if missing:
        raise ValueError(f"docs/formats/{name}.md: no markers for {', '.join(missing)}")
    return _BLOCK.sub(lambda m: _marked(m.group(1), blocks.get(m.group(1), m.group(2))), text)


def _marked(block: str, body: str) -> str:
    return f"{_BEGIN.format(block)}\n{body.rstrip()}\n{_END.format(block)}"


def field_names(name: str) -> set[str]:
    """Every key of the input schema of page ``name`` (``$schema`` left out), dotted paths
    for nested inline objects: what the page must name."""
    from mgmt_tools.schemas import generate

    schema = generate(name)
    nodes = [schema, *schema.get("$defs", {}).values()]
    return {path for node in nodes for path, _, _ in keys(node, None, "", ())} - {"$schema"}


def main(argv: list[str] | None = None) -> int:
    """Write the pages (``--check``: only say which are stale, exit 1 if any)."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for name in PAGES:
        path = DOCS / f"{name}.md"
        text = path.read_text(encoding="utf-8")
        fresh = render_page(name, text)
        if fresh != text:
            stale.append(path)
            if not check:
                path.write_text(fresh, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if check else 'wrote'} {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
