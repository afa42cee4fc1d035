"""Positions in JSON text, for placing problems: a small recursive-descent reader that
records where each value (and each key) starts instead of building values.

Used by :func:`mgmt_tools._yaml.locator` only when a JSON input has problems to report; the
fast path reads JSON with :func:`json.loads`.

>>> entries = {}
>>> JsonIndexer('{"a": [1, {"b": 2}]}', entries, [], "f.json").index()
>>> entries[("a", 1, "b")]
Entry(line=1, column=17, key_line=1, key_column=12)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from mgmt_tools.errors import PathPart, Problem

__all__ = ["Entry", "JsonIndexer"]

Path = tuple[PathPart, ...]


@dataclass
class Entry:
    """Where a value starts in the text, and where its key starts (1-based)."""

    line: int
    column: int
    key_line: int | None = None
    key_column: int | None = None


class JsonIndexer:
    """A small recursive-descent JSON reader that records positions instead of values."""

    _NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
    _SPACE = re.compile(r"[ \t\n\r]*")

    def __init__(
        self, text: str, entries: dict[Path, Entry], duplicates: list[Problem], source: str | None
    ) -> None:
        self.text = text
        self.entries = entries
        self.duplicates = duplicates
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _where(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def _skip(self, offset: int) -> int:
        match = self._SPACE.match(self.text, offset)
        return match.end() if match else offset

    def index(self) -> None:
        self._value(self._skip(0), ())

    def _value(self, offset: int, path: Path, key_at: int | None = None) -> int:
        line, column = self._where(offset)
        key_line, key_column = self._where(key_at) if key_at is not None else (None, None)
        self.entries[path] = Entry(line, column, key_line, key_column)
        char = self.text[offset]
        if char == "{":
            return self._object(offset + 1, path)
        if char == "[":
            return self._array(offset + 1, path)
        if char == '"':
            return json.decoder.scanstring(self.text, offset + 1)[1]  # type: ignore[attr-defined,no-any-return]
        for word in ("true", "false", "null"):
            if self.text.startswith(word, offset):
                return offset + len(word)
        match = self._NUMBER.match(self.text, offset)
        if not match:
            raise ValueError("not JSON")
        return match.end()

    def _object(self, offset: int, path: Path) -> int:
        offset = self._skip(offset)
        first_seen: dict[str, int] = {}
        if self.text[offset] == "}":
            return offset + 1
        while True:
            key_at = offset
            key, offset = json.decoder.scanstring(self.text, offset + 1)  # type: ignore[attr-defined]
            offset = self._skip(offset)
            offset = self._skip(offset + 1)  # the colon
            child = (*path, key)
            key_line, key_column = self._where(key_at)
            if key in first_seen:
                self.duplicates.append(
                    Problem(
                        f"duplicate key '{key}' (first at line {first_seen[key]})",
                        child,
                        self.source,
                        key_line,
                        key_column,
                    )
                )
                saved = dict(self.entries)
                offset = self._skip(self._value(offset, child, key_at))
                self.entries.clear()
                self.entries.update(saved)
            else:
                first_seen[key] = key_line
                offset = self._skip(self._value(offset, child, key_at))
            if self.text[offset] == "}":
                return offset + 1
            offset = self._skip(offset + 1)  # the comma

    def _array(self, offset: int, path: Path) -> int:
        offset = self._skip(offset)
        if self.text[offset] == "]":
            return offset + 1
        number = 0
        while True:
            offset = self._skip(self._value(offset, (*path, number)))
            number += 1
            if self.text[offset] == "]":
                return offset + 1
            offset = self._skip(offset + 1)
