"""JSON text of a result, as ``--json``, ``-o FILE.json`` and reports write it.

The text is always valid JSON that encodes as UTF-8: never ``NaN`` or ``Infinity`` (a result
holding one is refused with :class:`~mgmt_tools.errors.DomainError` naming the field, since
the number is wrong, not merely unwritable); a lone surrogate, which no encoding can hold,
becomes U+FFFD; DEL, the C1 controls and the bidi controls are written as ``\\u`` escapes
(json escapes the C0 controls itself), so the text prints safely and reads back the same.
Chinese stays as it is (``ensure_ascii=False``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from mgmt_tools.errors import DomainError, PathPart, format_path
from mgmt_tools.locale import _

__all__ = ["COMPACT_ROWS", "json_text"]

COMPACT_ROWS = 10_000
"""A result with a list longer than this is written compact: indenting makes the json module
fall back from its C encoder (four times slower; half a second for 100,000 tasks)."""


def json_text(data: Any, *, compact: bool | None = None) -> str:
    """JSON for stdout or a file, with a final newline: indented for reading, compact for big
    results (``compact=None`` decides by the longest top-level list).

    Raises :class:`~mgmt_tools.errors.DomainError` (exit code 1) when ``data`` holds a NaN or
    an infinity, naming where.

    >>> json_text({"a": [1, 2]}, compact=True)
    '{"a":[1,2]}\\n'
    >>> print(json_text({"名称": 1.5, "bad": "\\ud800"}), end="")
    {
      "名称": 1.5,
      "bad": "\N{REPLACEMENT CHARACTER}"
    }
    >>> json_text({"tasks": [{"slack": float("inf")}]})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mgmt_tools.errors.DomainError: cannot write the result as JSON: tasks[0].slack is inf, ...
    """
    if compact is None:
        compact = _big(data)
    try:
        if compact:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        else:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)
    except ValueError:
        found = _non_finite(data)
        if found is None:
            raise
        path, value = found
        raise DomainError(
            _(
                "cannot write the result as JSON: {path} is {value}, which JSON "
                "cannot hold; a computation overflowed on values of the input near the float "
                "limit (about 1.8e308), or this is a bug: please report it with the input"
            ).format(path=format_path(path), value=value)
        ) from None
    return _RAW.sub(_coded, text) + "\n"


# What json.dumps(ensure_ascii=False) leaves raw that should not be: DEL, the C1 controls and
# the bidi controls (a terminal acts on them), lone surrogates (UTF-8 cannot hold them). They
# occur only inside strings, where a \u escape reads back as the same character.
_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _coded(match: re.Match[str]) -> str:
    code = ord(match[0])
    return "\N{REPLACEMENT CHARACTER}" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


def _non_finite(data: Any) -> tuple[tuple[PathPart, ...], float] | None:
    """The path to the first NaN or infinity in ``data``, in the order json writes it."""
    stack: list[tuple[tuple[PathPart, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float):
            if not math.isfinite(value):
                return path, value
        elif isinstance(value, Mapping):
            stack += [((*path, str(key)), item) for key, item in reversed(list(value.items()))]
        elif isinstance(value, list | tuple):
            stack += [((*path, index), item) for index, item in reversed(list(enumerate(value)))]
    return None


def _big(data: Any) -> bool:
    if not isinstance(data, Mapping):
        return False
    return any(isinstance(value, list) and len(value) > COMPACT_ROWS for value in data.values())
