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

__all__ = ["METHODS", "generate", "schema_path", "schema_text"]

METHODS: dict[str, str] = {
    "ahp": "mgmt_tools.mcda.model:JudgementsModel",
    "decision": "mgmt_tools.decision.model:TreeModel",
    "fishbone": "mgmt_tools.fishbone.model:FishboneModel",
    "goals": "mgmt_tools.goals.model:GoalsModel",
    "index": "mgmt_tools.mcda.model:MatrixModel",
    "pareto": "mgmt_tools.pareto.model:ParetoModel",
    "pert": "mgmt_tools.pert.model:PlanModel",
    "rank": "mgmt_tools.rank.model:RankModel",
}
"""Method name -> the pydantic model of its input."""

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


def main() -> None:
    """Regenerate every kept schema."""
    for method in METHODS:
        schema_path(method).write_text(schema_text(method), encoding="utf-8")
        print(f"wrote {schema_path(method)}")


if __name__ == "__main__":
    main()
