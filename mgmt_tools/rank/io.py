"""Read backlogs (``mgmt rank``) from YAML, JSON or CSV, with every problem located.

A CSV file is a table of items with a ``name`` column (the method then comes from the caller);
a YAML or JSON backlog may also name a CSV file of items (``items: clients.csv``).

>>> backlog = loads('''
... method: rice
... items:
...   - {name: Onboarding, reach: 500, impact: 2, confidence: 0.8, effort: 2}
...   - {name: Statements, reach: 2000, impact: 1, confidence: "50%", effort: 4}
... ''')
>>> backlog.names, backlog.fields["confidence"].tolist()
(['Onboarding', 'Statements'], [0.8, 0.5])
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mgmt_tools._csv import CsvLocator, read_table
from mgmt_tools._files import format_by_suffix, load_file, read_table_text
from mgmt_tools._gc import paused
from mgmt_tools._validation import problems_from
from mgmt_tools._yaml import LazyLocator, Locator, load_text
from mgmt_tools.errors import InputError, PathPart, Problem, in_order
from mgmt_tools.locale import _
from mgmt_tools.rank.build import Backlog, build_backlog
from mgmt_tools.rank.model import METHODS, MODELS, RankModel

__all__ = ["FORMATS", "SUFFIXES", "format_of", "from_dict", "load", "loads"]

FORMATS = ("yaml", "json", "csv")
"""Input formats, the first the default when neither suffix nor content tells."""

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
"""Input formats by suffix."""
DataPath = tuple[PathPart, ...]


def format_of(path: str | os.PathLike[str], default: str = "yaml") -> str:
    """The input format named by a file's suffix (yaml, json or csv)."""
    return format_by_suffix(path, SUFFIXES, default)


def load(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    **overrides: Any,
) -> Backlog:
    """Read a backlog file (``-`` for standard input; a CSV of items it names is found beside
    it); ``overrides`` (method, model, threshold) replace its settings. The format comes from
    ``fmt``, else the suffix, else the content."""
    return load_file(
        path, loads, FORMATS, fmt=fmt, encoding=encoding, files_beside=True, **overrides
    )


def loads(
    text: str,
    fmt: str = "yaml",
    *,
    source: str | None = None,
    base: str | os.PathLike[str] | None = None,
    encoding: str | None = None,
    **overrides: Any,
) -> Backlog:
    """Read a backlog from text in ``fmt`` (yaml, json, or csv of items with ``method=``)."""
    if fmt not in ("yaml", "json", "csv"):
        raise ValueError(
            _("unknown backlog format {format} (yaml, json or csv)").format(format=repr(fmt))
        )
    with paused():
        if fmt == "csv":
            method = overrides.get("method")
            if method is None:
                raise InputError(
                    [Problem(_("a CSV backlog needs the method (--method)"), source=source)]
                )
            items, where_csv = _csv_items(text, source)
            data: dict[str, Any] = {"method": method, "items": items}
            return _backlog(data, _Places(None, where_csv), [], None, None, overrides)
        problems: list[Problem] = []
        data = load_text(text, fmt, source, problems)
        return _backlog(
            data,
            _Places(LazyLocator(text, fmt, source), None),
            problems,
            base,
            encoding,
            overrides,
        )


def from_dict(
    data: Any,
    *,
    source: str | None = None,
    base: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Backlog:
    """Build a backlog from a dict shaped like the YAML format (no line numbers)."""
    with paused():
        where = _Places(Locator(source, {}, []), None)
        return _backlog(data, where, [], base, None, overrides)


class _Places:
    """Places a path in the backlog file, or in the CSV file of items when it holds them."""

    def __init__(self, main: Any, items: CsvLocator | None) -> None:
        self.main = main
        self.items = items

    def problem(self, path: DataPath, message: str, *, key: bool = False) -> Problem:
        if self.items is not None and (
            self.main is None or (path[:1] == ("items",) and len(path) > 1)
        ):
            return self.items.problem(path, message, key=key)
        return self.main.problem(path, message, key=key)  # type: ignore[no-any-return]


def _csv_items(text: str, source: str | None) -> tuple[list[dict[str, Any]], CsvLocator]:
    table = read_table(text, source)
    where = CsvLocator(table, source, "items")
    if "name" not in table.header:
        raise InputError([where.problem(("name",), _("a CSV of items needs a 'name' column"))])
    items: list[dict[str, Any]] = []
    for row in table.rows:
        item: dict[str, Any] = {}
        for column, cell in zip(table.header, row, strict=False):
            item[column] = cell.strip() if column == "name" else _cell(cell)
        items.append(item)
    return items, where


def _cell(text: str) -> Any:
    text = text.strip()
    if text == "":
        return None
    lowered = text.lower()
    if lowered in ("true", "yes", "y"):
        return True
    if lowered in ("false", "no", "n"):
        return False
    try:
        return float(text)
    except ValueError:
        return text


def _backlog(
    data: Any,
    where: _Places,
    problems: list[Problem],
    base: str | os.PathLike[str] | None,
    encoding: str | None,
    overrides: dict[str, Any],
) -> Backlog:
    if not isinstance(data, dict):
        problems.append(where.problem((), _("a backlog is a mapping (see mgmt schema rank)")))
        raise InputError(problems)
    chosen = {key: value for key, value in overrides.items() if value is not None}
    if "method" in chosen and chosen["method"] not in METHODS:
        raise ValueError(_("unknown method {method}").format(method=repr(chosen["method"])))
    if "model" in chosen and chosen["model"] not in MODELS:
        raise ValueError(_("unknown model {model}").format(model=repr(chosen["model"])))
    merged = {**data, **chosen}
    try:
        model = RankModel.model_validate(merged)
    except ValidationError as error:
        problems += problems_from(error, RankModel, merged, where)
        raise InputError(in_order(problems)) from None
    items: list[Any] | None
    if isinstance(model.items, str):
        items = _items_file(model.items, base, encoding, where)
    else:
        items = list(model.items) if model.items is not None else None
    found: list[Problem] = []
    backlog = build_backlog(model, items, where, found, model.method)
    problems += found
    if problems or backlog is None:
        raise InputError(in_order(problems))
    return backlog


def _items_file(
    name: str, base: str | os.PathLike[str] | None, encoding: str | None, where: _Places
) -> list[Any]:
    path = Path(base or ".") / name

    def cannot_read(reason: str) -> Problem:
        message = _("cannot read items file '{name}': {reason}")
        return where.problem(("items",), message.format(name=name, reason=reason))

    # CSV or a workbook; never a target of -o
    text, source = read_table_text(path, fallback=encoding, cannot_read=cannot_read)
    items, csv_where = _csv_items(text, source)
    where.items = csv_where
    return items
