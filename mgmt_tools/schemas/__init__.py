"""JSON Schemas of the input formats, generated from the input models and kept as files.

Editors find them through the modeline at the top of each example
(``# yaml-language-server: $schema=...``). A test fails when a kept file is stale; regenerate
with ``python -m mgmt_tools.schemas`` (``make schemas``).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from mgmt_tools.methods import METHODS as REGISTRY

__all__ = [
    "METHODS",
    "generate",
    "result_methods",
    "result_schema_path",
    "result_schema_text",
    "schema_name",
    "schema_path",
    "schema_text",
]

METHODS: dict[str, str] = {
    **{
        method.schema_name: method.model
        for method in sorted(REGISTRY.values(), key=lambda method: method.schema_name)
    },
    "report": "mgmt_tools.report.model:ReportModel",
}
"""Schema name -> the pydantic model of its input: each method of the registry (gantt reads
pert's plans, so shares its schema) and report files."""


def schema_name(command: str) -> str:
    """The schema a command reads (``gantt`` -> ``pert``; ``report`` -> ``report``).

    >>> schema_name("gantt"), schema_name("index"), schema_name("report")
    ('pert', 'index', 'report')
    """
    return REGISTRY[command].schema_name if command in REGISTRY else command


HERE = Path(__file__).parent


def generate(method: str) -> dict[str, Any]:
    """The JSON Schema of ``method``'s input, generated from its model."""
    module_name, _, class_name = METHODS[method].partition(":")
    model = getattr(importlib.import_module(module_name), class_name)
    schema: dict[str, Any] = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(method: str) -> str:
    """The schema as the text kept in the package (stable key order, trailing newline)."""
    return json.dumps(generate(method), indent=2, ensure_ascii=False) + "\n"


def schema_path(method: str) -> Path:
    """Where the schema of ``method`` is kept."""
    return HERE / f"{method}.schema.json"


def result_schema_path(method: str) -> Path:
    """Where the hand-written JSON Schema of ``method``'s ``--json`` result is kept."""
    return HERE / "results" / f"{method}.result.schema.json"


def result_methods() -> tuple[str, ...]:
    """The methods whose result schema is kept, sorted."""
    return tuple(
        sorted(
            p.name.removesuffix(".result.schema.json")
            for p in (HERE / "results").glob("*.result.schema.json")
        )
    )


def result_schema_text(method: str) -> str:
    """The JSON Schema of ``method``'s ``--json`` result (the fields of docs/formats/, required
    marked).

    Raises
    ------
    KeyError
        No result schema is kept for ``method``.
    """
    path = result_schema_path(method)
    if not path.is_file():
        raise KeyError(method)
    return path.read_text(encoding="utf-8")


def main() -> None:
    """Regenerate every kept schema."""
    for method in METHODS:
        schema_path(method).write_text(schema_text(method), encoding="utf-8")
        print(f"wrote {schema_path(method)}")


if __name__ == "__main__":
    main()
