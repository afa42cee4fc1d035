"""Check validated models for meaning and build a :class:`DecisionMatrix` or
:class:`Judgements`, reporting every problem at its place (in the YAML/JSON file, or in the
CSV file of the alternatives).
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Any

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools._csv import CsvLocator, Table, read_table
from mgmt_tools._files import TABLE_SUFFIXES, read_table_text
from mgmt_tools._hints import size_problems, too_large
from mgmt_tools._validation import Locating
from mgmt_tools._yaml import literal_text
from mgmt_tools.errors import InputError, PathPart, Problem, did_you_mean, format_path
from mgmt_tools.locale import N_, _, pgettext
from mgmt_tools.mcda.judgements import from_judgements, from_rows, number, unknown_message
from mgmt_tools.mcda.matrix import PLACEHOLDER, DecisionMatrix, Judgements, PairMatrix
from mgmt_tools.mcda.model import JudgementsModel, MatrixModel

__all__ = ["build_judgements", "build_matrix"]

Path = tuple[PathPart, ...]
_DUPLICATE = {
    "criterion id": N_("duplicate criterion id '{name}' (first at {first})"),
    "criterion": N_("duplicate criterion '{name}' (first at {first})"),
    "alternative": N_("duplicate alternative '{name}' (first at {first})"),
    "element": N_("duplicate element '{name}' (first at {first})"),
}
"""The message for a name given twice, by what it names."""


class _Reporter:
    def __init__(self, where: Locating, problems: list[Problem]) -> None:
        self.where = where
        self.problems = problems

    def __call__(self, path: Path, message: str) -> None:
        self.problems.append(self.where.problem(path, message))

    def key(self, path: Path, message: str) -> None:
        self.problems.append(self.where.problem(path, message, key=True))


def _duplicates(
    names: list[str], path_of: Callable[[int], Path], what: str, report: _Reporter
) -> None:
    first: dict[str, int] = {}
    shown = 0
    for number_, name in enumerate(names):
        if name.startswith(PLACEHOLDER):
            continue
        if name in first:
            if shown < 21:
                report(
                    path_of(number_),
                    _(_DUPLICATE[what]).format(name=name, first=format_path(path_of(first[name]))),
                )
            shown += 1
        else:
            first[name] = number_


def build_matrix(
    model: MatrixModel,
    where: Locating,
    problems: list[Problem],
    base: str | os.PathLike[str] | None = None,
    encoding: str | None = None,
) -> DecisionMatrix | None:
    """The decision matrix of ``model``; problems go to ``problems`` (None when unusable)."""
    report = _Reporter(where, problems)
    warnings: list[str] = []
    ids = [c.id for c in model.criteria]
    _duplicates(ids, lambda i: ("criteria", i, "id"), "criterion id", report)
    weights = np.array(
        [
            math.nan if c.weight is None else number(c.weight, ("criteria", i, "weight"), report)
            for i, c in enumerate(model.criteria)
        ]
    )
    if any(
        c.weight is not None and math.isnan(w) for c, w in zip(model.criteria, weights, strict=True)
    ):
        weights = np.where(np.isnan(weights), 0.0, weights)  # reported; keep checking the rest
    maximize = np.array([c.direction == "max" for c in model.criteria], dtype=bool)
    comparisons = None
    if model.comparisons:
        comparisons = from_judgements(
            "criteria",
            ids,
            model.comparisons,
            ("comparisons",),
            report,
            kind="indicator",
            connected=False,  # needed only with weighting: ahp (checked then)
        )
    csv_locate: Callable[[Path, str], Problem] | None = None
    if isinstance(model.alternatives, str):
        loaded = _csv_alternatives(
            model.alternatives, ids, report, problems, warnings, base, encoding
        )
        if loaded is None:
            return None
        names, values, csv_locate = loaded
    else:
        names, values = _inline_alternatives(model.alternatives, ids, report)
    if not names:
        report(("alternatives",), _("no alternatives to rank"))
    locate_csv = csv_locate

    def locate(path: Path, message: str) -> Problem:
        if locate_csv is not None and path[:1] == ("alternatives",) and len(path) > 1:
            return locate_csv(path, message)
        return where.problem(path, message)

    given = None if all(c.weight is None for c in model.criteria) else weights
    return DecisionMatrix(
        criteria=tuple(ids),
        criterion_names=tuple(c.name if c.name is not None else c.id for c in model.criteria),
        maximize=maximize,
        alternatives=names,
        values=values,
        given_weights=given,
        goal=model.goal,
        method=model.method,
        normalization=model.normalization,
        weighting=model.weighting,
        vikor_v=model.vikor_v,
        ahp_method=model.ahp_method,
        random_index=model.random_index,
        comparisons=comparisons,
        load_warnings=tuple(warnings),
        locate=locate,
        value_path=lambda row, col: ("alternatives", row, ids[col]),
    )


def _inline_alternatives(
    items: list[dict[str, Any]], all_ids: list[str], report: _Reporter
) -> tuple[list[str], FloatArray]:
    index = {cid: col for col, cid in enumerate(all_ids)}
    ids = list(dict.fromkeys(cid for cid in all_ids if not cid.startswith(PLACEHOLDER)))
    values = np.zeros((len(items), len(all_ids)))
    names: list[str] = []
    for row, item in enumerate(items):
        at: Path = ("alternatives", row)
        raw_name = item.get("name")
        if isinstance(raw_name, str) and raw_name.startswith(PLACEHOLDER):
            names.append(raw_name)
            continue
        if raw_name is None or isinstance(raw_name, dict | list):
            report(
                at,
                _("missing required key '{key}'").format(key="name")
                if raw_name is None
                else _("name: not text"),
            )
            names.append(f"{PLACEHOLDER}{row}")
        else:
            names.append(literal_text(raw_name))
        unknown: list[str] = []
        for key, value in item.items():
            if key == "name":
                continue
            if key not in index:
                report.key(
                    (*at, key),
                    unknown_message("indicator").format(name=key, hint=did_you_mean(str(key), ids)),
                )
                unknown.append(str(key))
                continue
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                shown = (
                    literal_text(value)
                    if not isinstance(value, dict | list)
                    else _("a list or mapping")
                )
                report((*at, key), _("not a finite number, got '{value}'").format(value=shown))
                continue
            large = too_large(float(value))
            if large is not None:  # normalising would square it: 1e308 overflows
                report(
                    (*at, key),
                    _("{problem}, got '{value}'").format(problem=large, value=literal_text(value)),
                )
                continue
            values[row, index[key]] = float(value)
        for cid in ids:
            # a misspelt key was reported with a hint: its criterion's absence is no news
            if cid not in item and not difflib.get_close_matches(cid, unknown, n=1, cutoff=0.6):
                message = pgettext("index", "no value for criterion '{criterion}'")
                report(at, message.format(criterion=cid))
    _duplicates(names, lambda i: ("alternatives", i, "name"), "alternative", report)
    return names, values


def _csv_alternatives(
    relative: str,
    ids: list[str],
    report: _Reporter,
    problems: list[Problem],
    warnings: list[str],
    base: str | os.PathLike[str] | None,
    encoding: str | None,
) -> tuple[list[str], FloatArray, Callable[[Path, str], Problem]] | None:
    path = FilePath(relative)
    if not path.is_absolute() and base is not None:
        path = FilePath(base) / path
    source = os.path.normpath(path)
    if path.suffix.lower() not in TABLE_SUFFIXES:  # never read a file of another kind
        report(
            ("alternatives",),
            _(
                "'{file}' is not named as a CSV table of alternatives: its name must end in "
                ".csv, .txt or .xlsx"
            ).format(file=relative),
        )
        return None

    def cannot_read(reason: str) -> Problem:
        message = _("cannot read the alternatives '{file}': {reason}")
        return report.where.problem(("alternatives",), message.format(file=source, reason=reason))

    try:  # CSV or a workbook; never an output of this command
        text, source = read_table_text(source, fallback=encoding, cannot_read=cannot_read)
        table = read_table(text, source)
    except InputError as error:
        problems.extend(error.problems)
        return None
    where = CsvLocator(table, source, "alternatives")
    found: list[Problem] = []
    all_ids, ids = ids, [cid for cid in ids if not cid.startswith(PLACEHOLDER)]
    header = table.header
    extra = [name for name in header if name != "name" and name not in ids]
    for number_, name in enumerate(header):
        if header.index(name) != number_:
            found.append(
                where.problem((name,), _("column '{name}' appears twice").format(name=name))
            )
    missing = [name for name in ("name", *ids) if name not in header]
    if len(missing) == len(ids) + 1:  # not a table of alternatives: locate, never quote it
        problems.append(
            Problem(
                _(
                    "not a table of alternatives: its first line names none of the columns "
                    "{columns}"
                ).format(columns=", ".join(("name", *ids))),
                (),
                source,
                1,
            )
        )
        return None
    if missing:
        for name in missing:
            hint = did_you_mean(name, extra) if extra else ""
            found.append(
                Problem(
                    _("missing column '{name}'{hint} (columns: {columns})").format(
                        name=name, hint=hint, columns=", ".join(header)
                    ),
                    (),
                    source,
                    1,
                )
            )
        problems.extend(found)
        return None
    for name in extra:
        warnings.append(
            _("{file}: column '{name}' is not a criterion; it is not used").format(
                file=source, name=name
            )
        )
    names = [cell.strip() for cell in table.column("name")]
    values = np.zeros((len(table.rows), len(all_ids)))
    for col, cid in enumerate(all_ids):
        if cid in header:
            values[:, col] = _numbers(table, cid, where, found)
    for row in [i for i, name in enumerate(names) if not name][:21]:
        found.append(where.problem(("alternatives", row, "name"), _("no name")))
    _duplicates(
        names, lambda i: ("alternatives", i, "name"), "alternative", _Reporter(where, found)
    )
    problems.extend(found)
    return names, values, where.problem


def _numbers(table: Table, column: str, where: CsvLocator, found: list[Problem]) -> FloatArray:
    cells = table.column(column)
    try:
        values = np.array(cells, dtype=np.float64)
    except ValueError:
        values = np.array([_float_or_nan(cell) for cell in cells], dtype=np.float64)
    bad = ~np.isfinite(values)
    for row in np.flatnonzero(bad)[:21].tolist():
        text = cells[row].strip()
        message = (
            _("not a number: '{cell}'").format(cell=cells[row])
            if text
            else pgettext("index", "no value for criterion '{criterion}'").format(criterion=column)
        )
        found.append(where.problem(("alternatives", row, column), message))
    # a cell reported above ('inf', '1e400') is not reported again as too large
    finite = np.where(bad, np.nan, values)
    found += size_problems(finite, lambda row: ("alternatives", row, column), where, cells)
    return values


def _float_or_nan(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        return math.nan


def build_judgements(
    model: JudgementsModel, where: Locating, problems: list[Problem]
) -> Judgements | None:
    """The matrices of ``model``; problems go to ``problems`` (None when unusable)."""
    report = _Reporter(where, problems)
    single = model.elements is not None or model.matrix is not None or model.comparisons is not None
    if single and (model.criteria is not None or model.alternatives is not None):
        report(
            (),
            _(
                "give either elements with matrix or comparisons (one matrix) or criteria "
                "and alternatives (a hierarchy), not both"
            ),
        )
        return None
    if single:
        matrix = _single(model, report)
        if matrix is None:
            return None
        return Judgements(
            matrix, goal=model.goal, method=model.method, random_index=model.random_index
        )
    if model.criteria is None:
        report(
            (),
            _(
                "no judgements: give elements with matrix or comparisons (one matrix), or "
                "criteria with criteria_comparisons (a hierarchy)"
            ),
        )
        return None
    criteria = model.criteria
    _duplicates(criteria, lambda i: ("criteria", i), "criterion", report)
    top = from_judgements(
        "criteria",
        criteria,
        model.criteria_comparisons or [],
        ("criteria_comparisons",),
        report,
        kind="criterion",
    )
    if model.alternatives is None:
        if model.alternative_comparisons:
            report(
                ("alternative_comparisons",),
                _("alternative_comparisons need a list of alternatives"),
            )
        return Judgements(
            top, goal=model.goal, method=model.method, random_index=model.random_index
        )
    alternatives = model.alternatives
    _duplicates(alternatives, lambda i: ("alternatives", i), "alternative", report)
    given = model.alternative_comparisons or {}
    unknown = [key for key in given if key not in criteria]
    for key in unknown:
        report.key(
            ("alternative_comparisons", key),
            unknown_message("criterion").format(name=key, hint=did_you_mean(key, criteria)),
        )
    matrices: list[PairMatrix] = []
    for criterion in criteria:
        if criterion not in given:
            if not difflib.get_close_matches(criterion, unknown, n=1, cutoff=0.6):
                report(
                    ("alternative_comparisons",),
                    _("no comparisons of the alternatives under '{criterion}'").format(
                        criterion=criterion
                    ),
                )
            continue
        matrices.append(
            from_judgements(
                criterion,
                alternatives,
                given[criterion],
                ("alternative_comparisons", criterion),
                report,
                kind="alternative",
            )
        )
    if len(matrices) != len(criteria):
        return None
    return Judgements(
        top, tuple(alternatives), tuple(matrices), model.goal, model.method, model.random_index
    )


def _single(model: JudgementsModel, report: _Reporter) -> PairMatrix | None:
    if model.matrix is not None and model.comparisons is not None:
        report((), _("give the matrix or its comparisons, not both"))
        return None
    if model.matrix is not None:
        if model.elements is None:
            report(("matrix",), _("a matrix needs the list of its elements (elements: [...])"))
            return None
        _duplicates(model.elements, lambda i: ("elements", i), "element", report)
        return from_rows("matrix", model.elements, model.matrix, ("matrix",), report)
    elements = model.elements
    if elements is None:  # in the order they first appear
        elements = list(
            dict.fromkeys(name for item in model.comparisons or [] for name in item[:2])
        )
    _duplicates(elements, lambda i: ("elements", i), "element", report)
    return from_judgements("matrix", elements, model.comparisons or [], ("comparisons",), report)
