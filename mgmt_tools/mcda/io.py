"""Read decision matrices (``mgmt index``) and AHP judgements (``mgmt ahp``) from YAML and JSON,
the alternatives optionally from a CSV file, with every problem located.

>>> matrix = loads('''
... criteria:
...   - {id: cost, weight: 0.6, direction: min}
...   - {id: quality, weight: 0.4}
... alternatives:
...   - {name: A, cost: 10, quality: 7}
...   - {name: B, cost: 12, quality: 9}
... ''')
>>> matrix.criteria, matrix.alternatives, matrix.values.tolist()
(('cost', 'quality'), ['A', 'B'], [[10.0, 7.0], [12.0, 9.0]])
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from pydantic import BaseModel, ValidationError

from mgmt_tools._files import document_format, load_file, read_document
from mgmt_tools._gc import paused
from mgmt_tools._hints import judgement_warnings
from mgmt_tools._validation import Locating, _data_path, copy_containers, problems_from
from mgmt_tools._yaml import LazyLocator, Locator, load_text
from mgmt_tools.errors import InputError, PathPart, Problem, in_order
from mgmt_tools.locale import _
from mgmt_tools.mcda.build import build_judgements, build_matrix
from mgmt_tools.mcda.checks import check, settings_of
from mgmt_tools.mcda.matrix import PLACEHOLDER, DecisionMatrix, Judgements
from mgmt_tools.mcda.model import JudgementsModel, MatrixModel

__all__ = [
    "FORMATS",
    "format_of",
    "from_dict",
    "judgements_from_dict",
    "load",
    "load_judgements",
    "loads",
    "loads_judgements",
]

DataPath = tuple[PathPart, ...]
FORMATS = ("yaml", "json")
"""Input formats, the first the default when neither suffix nor content tells."""


format_of = document_format
"""The input format named by a file's suffix (yaml or json)."""


def load(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    **overrides: Any,
) -> DecisionMatrix:
    """Read a decision matrix file (``-`` for standard input); a CSV of alternatives is
    found relative to it. The format comes from ``fmt``, else the suffix, else the content.

    ``overrides`` (method, normalization, weighting, vikor_v) replace the file's settings and
    the values are checked against them.
    """
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
) -> DecisionMatrix:
    """Read a decision matrix from text in ``fmt`` (yaml or json); a CSV of alternatives is
    found relative to ``base`` (default: the current directory)."""
    if fmt not in ("yaml", "json"):
        raise ValueError(
            _("unknown matrix format {format} (yaml or json)").format(format=repr(fmt))
        )
    with paused():
        problems: list[Problem] = []
        data = load_text(text, fmt, source, problems)
        where = LazyLocator(text, fmt, source)
        return _matrix(data, where, problems, base, encoding, overrides)


def from_dict(
    data: Any,
    *,
    source: str | None = None,
    base: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> DecisionMatrix:
    """Build a decision matrix from a dict shaped like the YAML format (no line numbers)."""
    with paused():
        return _matrix(data, Locator(source, {}, []), [], base, None, overrides)


def load_judgements(
    path: str | os.PathLike[str], *, fmt: str | None = None, encoding: str | None = None
) -> Judgements:
    """Read AHP judgements from a YAML or JSON file (``-`` for standard input)."""
    return load_file(path, loads_judgements, FORMATS, fmt=fmt, encoding=encoding)


def loads_judgements(text: str, fmt: str = "yaml", *, source: str | None = None) -> Judgements:
    """Read AHP judgements from text in ``fmt`` (yaml or json)."""
    return read_document(text, fmt, source, _judgements, kind="judgements")


def judgements_from_dict(data: Any, *, source: str | None = None) -> Judgements:
    """Build AHP judgements from a dict shaped like the YAML format (no line numbers)."""
    return _judgements(data, Locator(source, {}, []), [])


def _validated(
    model: type[BaseModel], data: Any, where: Locating, problems: list[Problem], what: str
) -> tuple[Any, list[DataPath]]:
    """The validated model (salvaged after structural faults, which are reported) and the
    paths that were replaced; None when nothing can be salvaged. ``what`` is the message
    when ``data`` is not a mapping."""
    if not isinstance(data, dict):
        problems.append(where.problem((), what))
        return None, []
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems += problems_from(error, model, data, where)
        pruned, damaged = _salvage(data, error)
        try:
            return model.model_validate(pruned), damaged
        except ValidationError:
            return None, damaged


def _matrix(
    data: Any,
    where: Locating,
    problems: list[Problem],
    base: str | os.PathLike[str] | None,
    encoding: str | None,
    overrides: dict[str, Any],
) -> DecisionMatrix:
    what = _("a decision matrix is a mapping (see mgmt schema)")
    model, damaged = _validated(MatrixModel, data, where, problems, what)
    if model is None:
        raise InputError(in_order(problems))
    found: list[Problem] = []
    matrix = build_matrix(model, where, found, base, encoding)
    if matrix is not None:
        chosen = {key: value for key, value in overrides.items() if value is not None}
        settings = settings_of(matrix, **chosen)
        matrix = dataclasses.replace(
            matrix,
            method=settings.method,
            normalization=overrides.get("normalization") or matrix.normalization,
            weighting=settings.weighting,
            vikor_v=settings.vikor_v,
        )
        seen = {problem.path for problem in found}
        found += [p for p in check(matrix, settings) if p.path not in seen]
    problems += [p for p in found if not _under(p.path, damaged)]
    if problems or matrix is None:
        raise InputError(in_order(problems))
    return matrix


def _judgements(data: Any, where: Locating, problems: list[Problem]) -> Judgements:
    what = _("AHP judgements is a mapping (see mgmt schema)")
    model, damaged = _validated(JudgementsModel, data, where, problems, what)
    if model is None:
        raise InputError(in_order(problems))
    found: list[Problem] = []
    judgements = build_judgements(model, where, found)
    problems += [p for p in found if not _under(p.path, damaged)]
    if problems or judgements is None:
        raise InputError(in_order(problems))
    warnings = judgement_warnings(data, where)
    if not warnings:
        return judgements
    return dataclasses.replace(judgements, load_warnings=(*judgements.load_warnings, *warnings))


_LIST_ITEMS = {"criteria", "alternatives", "comparisons", "criteria_comparisons", "elements"}


def _salvage(data: dict[str, Any], error: ValidationError) -> tuple[dict[str, Any], list[DataPath]]:
    """A copy of ``data`` with each faulty part replaced by a placeholder (or dropped), so the
    rest can still be checked; and the replaced paths (their problems are not repeated)."""
    pruned = copy_containers(data)
    damaged: list[DataPath] = []
    for item in error.errors():
        path = _data_path(data, tuple(item["loc"]))
        if not path or path in damaged:
            continue
        top = str(path[0])
        container = pruned.get(top)
        if top in _LIST_ITEMS and len(path) >= 2 and isinstance(container, list):
            number = int(path[1])
            field_fault = len(path) >= 3 and path[2] != "id" and item["type"] != "missing"
            if top == "criteria" and isinstance(container[number], dict) and field_fault:
                container[number].pop(path[2], None)  # a faulty field: its default
                damaged.append(path[:3])
                continue
            container[number] = _placeholder(top, number, pruned)
            damaged.append(path[:2])
        elif top == "matrix" and len(path) >= 3 and isinstance(container, list):
            container[int(path[1])][int(path[2])] = None
            damaged.append(path[:3])
        elif top == "alternative_comparisons" and len(path) >= 3 and isinstance(container, dict):
            container[path[1]][int(path[2])] = [PLACEHOLDER, PLACEHOLDER, 1]
            damaged.append(path[:3])
        else:
            pruned.pop(top, None)
            damaged.append(path[:1])
    return pruned, damaged


def _placeholder(top: str, number: int, pruned: dict[str, Any]) -> Any:
    if top in ("comparisons", "criteria_comparisons"):
        return [PLACEHOLDER, PLACEHOLDER, 1]
    items = pruned.get("criteria")
    mappings = isinstance(items, list) and all(isinstance(c, dict) or c is None for c in items)
    if top == "criteria" and "alternatives" in pruned and mappings:
        return {"id": f"{PLACEHOLDER}{number}"}
    if top == "alternatives" and isinstance(pruned.get("alternatives"), list):
        items = pruned["alternatives"]
        if any(isinstance(a, dict) for a in items):
            return {"name": f"{PLACEHOLDER}{number}"}
    return f"{PLACEHOLDER}{number}"


def _under(path: DataPath, damaged: list[DataPath]) -> bool:
    return any(path[: len(place)] == place for place in damaged)
