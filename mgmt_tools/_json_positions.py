"""Positions in JSON text, for placing problems, and the input limits checked on JSON text.

:class:`JsonIndexer` reads JSON text and records where each value (and each key) starts instead
of building values; it keeps its own stack, so no nesting depth can exhaust Python's. Used by
:func:`mgmt_tools._yaml.locator` only when a JSON input has problems to report; the fast path
reads JSON with :func:`json.loads`.

:func:`beyond_limits` finds the first value past a limit of :mod:`mgmt_tools.limits` (nesting
depth, digits of an integer, characters of a string) before :func:`json.loads` sees the text:
scans of the text in C say whether the slow, exact walk is needed, so valid input pays almost
nothing.

>>> entries = {}
>>> JsonIndexer('{"a": [1, {"b": 2}]}', entries, [], "f.json").index()
>>> entries[("a", 1, "b")]
Entry(line=1, column=17, key_line=1, key_column=12)
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Any

from mgmt_tools.errors import PathPart, Problem
from mgmt_tools.locale import _

__all__ = [
    "Beyond",
    "Bounds",
    "Entry",
    "JsonIndexer",
    "beyond_limits",
    "bracket_depth",
    "may_exceed",
]

Path = tuple[PathPart, ...]

_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]


@dataclass
class Entry:
    """Where a value starts in the text, and where its key starts (1-based)."""

    line: int
    column: int
    key_line: int | None = None
    key_column: int | None = None


@dataclass(frozen=True)
class Bounds:
    """The limits :class:`JsonIndexer` checks: levels of nesting, digits of an integer,
    characters of a string (key or value)."""

    depth: int
    digits: int
    text: int


class Beyond(Exception):  # noqa: N818 (a signal, caught by beyond_limits)
    """The first value past a limit: which limit (``depth``, ``digits``, ``text``), the
    size found, the path and the 1-based line and column of the value (or key)."""

    def __init__(self, kind: str, size: int, path: Path, where: tuple[int, int]) -> None:
        super().__init__(kind)
        self.kind, self.size, self.path = kind, size, path
        self.line, self.column = where


class JsonIndexer:
    """A small JSON reader that records positions instead of values (iterative: a list of
    open containers is its stack); with ``bounds``, it stops at the first value past them
    by raising :class:`Beyond`."""

    _NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
    _SPACE = re.compile(r"[ \t\n\r]*")

    def __init__(
        self,
        text: str,
        entries: dict[Path, Entry],
        duplicates: list[Problem],
        source: str | None,
        bounds: Bounds | None = None,
    ) -> None:
        self.text = text
        self.entries = entries
        self.duplicates = duplicates
        self.source = source
        self.bounds = bounds
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def _skip(self, offset: int) -> int:
        match = self._SPACE.match(self.text, offset)
        return match.end() if match else offset

    def index(self) -> None:
        """Read the whole text (raises ``ValueError`` or ``IndexError`` where it is not
        JSON; the entries recorded before stay)."""
        text, bounds = self.text, self.bounds
        # one frame per open container: [is an object, its path, items read, keys seen]
        frames: list[list[Any]] = []
        # inside the value of a repeated key, nothing is recorded (the first value keeps its
        # places) until the frames are back to this many
        self._muted_at: int | None = None
        offset, key_at = self._skip(0), None
        path: Path = ()
        while True:
            if self._muted_at is None:
                line, column = self.where(offset)
                key_line: int | None = None
                key_column: int | None = None
                if key_at is not None:
                    key_line, key_column = self.where(key_at)
                self.entries[path] = Entry(line, column, key_line, key_column)
            char = text[offset]
            if char in "{[":
                if bounds is not None and len(frames) + 1 > bounds.depth:
                    raise Beyond("depth", len(frames) + 1, path, self.where(offset))
                offset = self._skip(offset + 1)
                if text[offset] != ("}" if char == "{" else "]"):
                    frames.append([char == "{", path, 0, {}])
                    offset, path, key_at = self._next_item(frames, offset)
                    continue
                offset += 1
            elif char == '"':
                value, end = _scanstring(text, offset + 1)
                if bounds is not None and len(value) > bounds.text:
                    raise Beyond("text", len(value), path, self.where(offset))
                offset = end
            elif text.startswith(("true", "null"), offset):
                offset += 4
            elif text.startswith("false", offset):
                offset += 5
            else:
                match = self._NUMBER.match(text, offset)
                if not match:
                    raise ValueError("not JSON")
                number = match.group()
                if bounds is not None and not any(mark in number for mark in ".eE"):
                    digits = len(number) - number.startswith("-")
                    if digits > bounds.digits:
                        raise Beyond("digits", digits, path, self.where(offset))
                offset = match.end()
            # after a value: a comma starts the next item, a bracket closes a container
            while True:
                if self._muted_at == len(frames):
                    self._muted_at = None
                offset = self._skip(offset)
                if not frames:
                    return
                if text[offset] == ",":
                    offset, path, key_at = self._next_item(frames, self._skip(offset + 1))
                    break
                if text[offset] != ("}" if frames[-1][0] else "]"):
                    raise ValueError("not JSON")
                frames.pop()
                offset += 1

    def _next_item(self, frames: list[list[Any]], offset: int) -> tuple[int, Path, int | None]:
        """Read up to the next item of the innermost container: its offset, path, key's
        offset (None in an array)."""
        frame = frames[-1]
        is_object, parent, number, seen = frame
        frame[2] += 1
        if not is_object:
            return offset, (*parent, number), None
        key_at = offset
        if self.text[offset] != '"':
            raise ValueError("not JSON")
        key, offset = _scanstring(self.text, offset + 1)
        path = (*parent, key)
        if self.bounds is not None and len(key) > self.bounds.text:
            raise Beyond("text", len(key), path, self.where(key_at))
        offset = self._skip(offset)
        if self.text[offset] != ":":
            raise ValueError("not JSON")
        key_line, key_column = self.where(key_at)
        if key in seen:
            self.duplicates.append(
                Problem(
                    _("duplicate key '{key}' (first at line {line})").format(
                        key=key, line=seen[key]
                    ),
                    path,
                    self.source,
                    key_line,
                    key_column,
                )
            )
            if self._muted_at is None:
                self._muted_at = len(frames)
        else:
            seen[key] = key_line
        return self._skip(offset + 1), path, key_at


_KEPT = b'"[]{}'
_DROPPED = bytes(byte for byte in range(256) if byte not in _KEPT)


def bracket_depth(text: str) -> int:
    r"""The deepest nesting of brackets in JSON ``text`` outside its strings, in a few passes
    of C code (for text that is not JSON, a number without meaning).

    >>> bracket_depth('{"a": [[1], "]]\\\\", "\\"]"], "b": {}}')
    3
    >>> bracket_depth("[]"), bracket_depth("1"), bracket_depth('["[[[", [["]]]]"]]]')
    (1, 0, 3)
    """
    raw = text.encode("utf-8", "surrogatepass")
    if b"\\" in raw:  # an escaped quote does not end a string
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = raw.translate(None, _DROPPED)
    if len(structure) < 100_000:  # small: a loop is cheaper than importing numpy
        deepest = depth = 0
        inside = False
        for byte in structure:
            if byte == 34:
                inside = not inside
            elif not inside:
                depth += 1 if byte in (91, 123) else -1
                deepest = max(deepest, depth)
        return deepest
    import numpy as np

    # strings without brackets leave "" in the structure: without them and with no quote
    # left, what is left is the brackets outside strings
    brackets = structure.replace(b'""', b"")
    codes = np.frombuffer(brackets, dtype=np.uint8)
    table = np.zeros(256, dtype=np.int8)  # +1 for an opening bracket, -1 for a closing one
    table[[ord("["), ord("{")]] = 1
    table[[ord("]"), ord("}")]] = -1
    steps = table[codes]
    if b'"' in brackets:  # a string holds a bracket: drop what is between quotes
        steps[np.bitwise_xor.accumulate((codes == 34).view(np.uint8)).view(bool)] = 0
    return max(0, int(np.cumsum(steps, dtype=np.int64).max()))


def may_exceed(text: str, bounds: Bounds) -> bool:
    """Whether JSON ``text`` may hold a value nested deeper than ``bounds.depth`` or a string
    longer than ``bounds.text`` (never False when it does; digits are checked as integers are
    read). Text with no stretch of ``bounds.text // 2`` characters without a quote cannot
    hold a longer string; text with fewer brackets than the depth cannot nest deeper."""
    if len(text) > bounds.text:
        plain = text.replace('\\"', "x") if '\\"' in text else text
        half = max(bounds.text // 2, 1)
        if any('"' not in plain[start : start + half] for start in range(0, len(plain), half)):
            return True
    if text.count("[") + text.count("{") <= bounds.depth:
        return False
    return bracket_depth(text) > bounds.depth


def beyond_limits(text: str, bounds: Bounds, *, check: bool = True) -> Beyond | None:
    """The first value of JSON ``text`` past ``bounds`` (in reading order), or None; None too
    for text that is not JSON (the JSON reader reports that). With ``check`` (the default)
    the text is first scanned in C for whether the exact, slower walk is needed."""
    if check and not may_exceed(text, bounds):
        return None
    try:
        JsonIndexer(text, {}, [], None, bounds).index()
    except Beyond as found:
        return found
    except (ValueError, IndexError):
        return None
    return None
