"""Typed result rows: attribute access, with the JSON field names, that still read like dicts.

A result's rows (a task of a schedule, a line of a ranking) are frozen dataclasses deriving
from :class:`Row`: ``row.total_float`` for code that types against the library, and
``row["total_float"]``, ``row.get(...)``, ``dict(row)`` for code written against the JSON.
Their field names are the JSON keys; :meth:`Row.to_dict` gives the JSON object (fields that
are ``None`` and marked optional are left out, as the JSON leaves them out).

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Line(Row):
...     item: str
...     score: float
>>> line = Line("Fees", 3.0)
>>> line.score, line["score"], dict(line), line.to_dict()
(3.0, 3.0, {'item': 'Fees', 'score': 3.0}, {'item': 'Fees', 'score': 3.0})
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

__all__ = ["Row"]


class Row:
    """Base of typed result rows (a mixin for frozen dataclasses)."""

    __slots__ = ()

    OPTIONAL: ClassVar[frozenset[str]] = frozenset()
    """Fields left out of the JSON object when they are ``None``."""

    def _fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(self))  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        """The row as its JSON object."""
        return {
            name: getattr(self, name)
            for name in self._fields()
            if not (name in self.OPTIONAL and getattr(self, name) is None)
        }

    def __eq__(self, other: object) -> bool:
        """Equal to a row or mapping with the same JSON object (used by dataclasses declared
        with ``eq=False``; the dataclass's own ``__eq__`` compares rows of one class only)."""
        if isinstance(other, Row | Mapping):
            return self.to_dict() == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self.to_dict().items()))

    def __getitem__(self, key: str) -> Any:
        if key in self.OPTIONAL and getattr(self, key, None) is None:
            raise KeyError(key)
        if key not in self._fields():
            raise KeyError(key)
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.to_dict()

    def get(self, key: str, default: Any = None) -> Any:
        """The field ``key``, or ``default`` when the row has none (or it is left out)."""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The JSON keys of the row."""
        return list(self.to_dict())

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())
