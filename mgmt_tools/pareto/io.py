"""Read Pareto data: a CSV file of records or counts, or YAML/JSON category counts.

>>> data = loads("title: Complaints\\ncounts: {Paperwork: 120, Rates: 45}")
>>> data.title, data.tally.as_dict()
('Complaints', {'Paperwork': 120.0, 'Rates': 45.0})
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import ValidationError

from mgmt_tools._files import format_by_suffix, load_file
from mgmt_tools._validation import problems_from
from mgmt_tools._yaml import LazyLocator, Locator, load_text
from mgmt_tools.errors import InputError, Problem
from mgmt_tools.locale import _
from mgmt_tools.pareto.count import Tally, tally_text
from mgmt_tools.pareto.model import ParetoModel

__all__ = ["FORMATS", "SUFFIXES", "ParetoData", "format_of", "from_dict", "load", "loads"]

FORMATS = ("csv", "yaml", "json")
"""Input formats, the first the default when neither suffix nor content tells."""
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
"""Input formats by suffix."""


@dataclass(frozen=True)
class ParetoData:
    """Category totals ready for :func:`~mgmt_tools.pareto.analyse_tally`, with their labels."""

    tally: Tally
    title: str | None = None
    measure: str = "count"
    columns: dict[str, str] | None = None
    """The CSV columns used: column, count_column, weight_column, by."""
    source: str | None = None
    """Where the data was read from, for messages about it."""


def format_of(path: str | os.PathLike[str], default: str = "csv") -> str:
    """The input format named by a file's suffix (csv, yaml or json; csv otherwise)."""
    return format_by_suffix(path, SUFFIXES, default)


def load(
    path: str | os.PathLike[str],
    *,
    column: str | None = None,
    count: str | None = None,
    weight: str | None = None,
    by: str | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
) -> ParetoData:
    """Read Pareto data from a file, ``-`` for standard input (CSV needs ``column``); the
    format from ``fmt``, else the suffix, else the content."""
    return load_file(
        path,
        loads,
        FORMATS,
        fmt=fmt,
        encoding=encoding,
        column=column,
        count=count,
        weight=weight,
        by=by,
    )


def loads(
    text: str,
    fmt: str = "yaml",
    *,
    column: str | None = None,
    count: str | None = None,
    weight: str | None = None,
    by: str | None = None,
    source: str | None = None,
) -> ParetoData:
    """Read Pareto data from text in ``fmt`` (csv, yaml or json)."""
    if fmt == "csv":
        if column is None:
            raise InputError(
                [Problem(_("a CSV file needs the category column (--column NAME)"), source=source)]
            )
        tally = tally_text(text, column, count=count, weight=weight, by=by, source=source)
        columns = {"column": column}
        for key, name in (("count_column", count), ("weight_column", weight), ("by", by)):
            if name is not None:
                columns[key] = name
        return ParetoData(tally, None, weight or "count", columns, source)
    if fmt not in ("yaml", "json"):
        raise ValueError(
            _("unknown Pareto data format {format} (csv, yaml or json)").format(format=repr(fmt))
        )
    flags = (("--count", count), ("--weight", weight), ("--by", by))
    given = [flag for flag, value in flags if value is not None]
    if given:
        raise InputError(
            [
                Problem(
                    _(
                        "{options} read(s) CSV columns; a {format} file gives the counts themselves"
                    ).format(options=", ".join(given), format=fmt.upper()),
                    source=source,
                )
            ]
        )
    problems: list[Problem] = []
    data = load_text(text, fmt, source, problems)
    return _from_data(data, LazyLocator(text, fmt, source), problems, source)


def from_dict(data: Any, *, source: str | None = None) -> ParetoData:
    """Build Pareto data from a dict shaped like the YAML format (no line numbers)."""
    return _from_data(data, Locator(source, {}, []), [], source)


def _from_data(data: Any, where: Any, problems: list[Problem], source: str | None) -> ParetoData:
    if not isinstance(data, dict):
        problems.append(
            where.problem((), _("Pareto data is a mapping with 'counts' (see mgmt schema pareto)"))
        )
        raise InputError(problems)
    try:
        model = ParetoModel.model_validate(data)
    except ValidationError as error:
        problems += problems_from(error, ParetoModel, data, where)
        raise InputError(problems) from None
    if problems:
        raise InputError(problems)
    names = list(model.counts)
    totals = np.array(list(model.counts.values()), dtype=np.float64)
    tally = Tally(names, totals, len(names))
    return ParetoData(tally, model.title, model.measure or "count", source=source)
