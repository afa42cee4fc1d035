"""JSON text of a result, as ``--json``, ``-o FILE.json`` and reports write it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["COMPACT_ROWS", "json_text"]

COMPACT_ROWS = 10_000
"""A result with a list longer than this is written compact: indenting makes the json module
fall back from its C encoder (four times slower; half a second for 100,000 tasks)."""


def json_text(data: Any, *, compact: bool | None = None) -> str:
    """JSON for stdout or a file, with a final newline: indented for reading, compact for big
    results (``compact=None`` decides by the longest top-level list).

    >>> json_text({"a": [1, 2]}, compact=True)
    '{"a":[1,2]}\\n'
    >>> print(json_text({"名称": 1.5}), end="")
    {
      "名称": 1.5
    }
    """
    if compact is None:
        compact = _big(data)
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _big(data: Any) -> bool:
    if not isinstance(data, Mapping):
        return False
    return any(isinstance(value, list) and len(value) > COMPACT_ROWS for value in data.values())
