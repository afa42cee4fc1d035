"""Build a :class:`Backlog` from a validated :class:`~mgmt_tools.rank.model.RankModel`: the
fields each method needs, as arrays; comparisons and ballots as item indices. Every problem is
reported at its path, all at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._hints import too_large
from mgmt_tools._validation import Locating
from mgmt_tools._yaml import literal_text
from mgmt_tools.errors import PathPart, Problem, did_you_mean
from mgmt_tools.locale import _
from mgmt_tools.rank.model import METHODS, PRIORITIES, REQUIRED, RankModel

__all__ = ["Backlog", "Comparison", "build_backlog", "parse_comparison"]

DataPath = tuple[PathPart, ...]

_COMPARISON = re.compile(r"^\s*(.+?)\s*(>|<|=)\s*(.+?)\s*$", re.DOTALL)
_PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*%\s*$")


@dataclass(frozen=True)
class Comparison:
    """``first`` preferred to ``second`` (or tied with it), observed ``count`` times."""

    first: int
    second: int
    tie: bool
    count: float = 1.0


@dataclass(frozen=True, eq=False)
class Backlog:
    """A backlog ready to score: item names, their fields as arrays, and the options."""

    method: str
    names: list[str]
    fields: dict[str, FloatArray] = field(default_factory=dict)
    """Per field name, one number per item (eisenhower booleans as 10 and 0)."""
    comparisons: list[Comparison] = field(default_factory=list)
    ballots: list[tuple[list[int], float]] = field(default_factory=list)
    criteria: tuple[str, ...] = ()
    weights: FloatArray | None = None
    maximize: npt.NDArray[np.bool_] | None = None
    title: str | None = None
    model: str = "copeland"
    threshold: float = 5.0
    max_iterations: int = 10000
    tolerance: float = 1e-10
    normalization: str = "minmax"
    warnings: list[str] = field(default_factory=list)
    source: Any = field(default=None, repr=False, compare=False)
    """Where the backlog came from (a locator), to place problems found when it is scored."""

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(
                _("unknown method {method}; choose one of {known}").format(
                    method=repr(self.method), known=METHODS
                )
            )

    @property
    def count(self) -> int:
        return len(self.names)


def parse_comparison(text: str) -> tuple[str, str, str] | None:
    """``"A > B"`` -> ``("A", ">", "B")``; None when it is not a comparison.

    >>> parse_comparison("Mobile app > Branch refit"), parse_comparison("A >")
    (('Mobile app', '>', 'Branch refit'), None)
    """
    match = _COMPARISON.match(text)
    if match is None or any(char in match[1] + match[3] for char in "<>="):
        return None
    return match[1], match[2], match[3]


def build_backlog(
    model: RankModel,
    items: list[Any] | None,
    where: Locating,
    problems: list[Problem],
    method: str,
) -> Backlog | None:
    """The backlog of ``model`` scored by ``method`` (items already read, from CSV perhaps)."""
    names, mappings = _names(items, where, problems)
    options: dict[str, Any] = {
        "title": model.title,
        "model": model.model,
        "threshold": model.threshold,
        "max_iterations": model.max_iterations,
        "tolerance": model.tolerance,
        "normalization": model.normalization,
        "source": where,
    }
    warnings: list[str] = []
    if method == "pairwise":
        comparisons = _comparisons(model, names, where, problems)
        if not problems:
            names = names if names is not None else _first_seen(model)
        return Backlog(
            method,
            names or [],
            comparisons=comparisons,
            warnings=warnings,
            **options,
        )
    if method == "borda":
        ballots, names = _ballots(model, names, where, problems, warnings)
        return Backlog(method, names, ballots=ballots, warnings=warnings, **options)
    if names is None:
        problems.append(where.problem(("items",), _missing_key("items", method)))
        return None
    if method == "weighted":
        return _weighted(model, names, mappings, where, problems, warnings, options)
    fields = _fields(method, names, mappings, where, problems, warnings, model.threshold)
    return Backlog(method, names, fields=fields, warnings=warnings, **options)


def _names(
    items: list[Any] | None, where: Locating, problems: list[Problem]
) -> tuple[list[str] | None, list[dict[str, Any] | None]]:
    if items is None:
        return None, []
    names: list[str] = []
    mappings: list[dict[str, Any] | None] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items):
        if isinstance(item, dict):
            if "name" not in item or item["name"] is None:
                problems.append(
                    where.problem(
                        ("items", number), _("missing required key '{key}'").format(key="name")
                    )
                )
                name = f"#{number + 1}"
            else:
                name = literal_text(item["name"])
            mappings.append(item)
        else:
            name = literal_text(item)
            mappings.append(None)
        name = name.strip()
        if name in seen:
            path: DataPath = (
                ("items", number, "name") if isinstance(item, dict) else ("items", number)
            )
            problems.append(
                where.problem(
                    path,
                    _("duplicate item '{name}' (first is items[{first}])").format(
                        name=name, first=seen[name]
                    ),
                )
            )
        seen.setdefault(name, number)
        names.append(name)
    if not names:
        problems.append(where.problem(("items",), _("no items")))
    return names, mappings


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def _fields(
    method: str,
    names: list[str],
    mappings: Sequence[dict[str, Any] | None],
    where: Locating,
    problems: list[Problem],
    warnings: list[str],
    threshold: float,
) -> dict[str, FloatArray]:
    required = REQUIRED[method]
    need = ", ".join(required)
    columns = {key: np.full(len(names), np.nan) for key in (*required, "score")}
    high_confidence = 0
    for number, item in enumerate(mappings):
        if item is None:
            problems.append(where.problem(("items", number), _not_mapping(method, need)))
            continue
        missing = [key for key in required if key not in item or item[key] is None]
        if missing:
            what = ", ".join(f"'{key}'" for key in missing)
            problems.append(where.problem(("items", number), _missing(what, method, need)))
        for key in required:
            if key in missing:
                continue
            value, message = _field_value(method, key, item[key], threshold)
            if message is not None:
                problems.append(where.problem(("items", number, key), message))
                continue
            assert value is not None
            if key == "confidence" and value > 1 and not isinstance(item[key], str):
                high_confidence += 1
            columns[key][number] = value
        if method == "moscow" and item.get("score") is not None:
            score = _number(item["score"])
            if score is None or not math.isfinite(score):
                problems.append(
                    where.problem(("items", number, "score"), _not_number(repr(item["score"])))
                )
            elif (large := too_large(score)) is not None:
                shown = literal_text(item["score"])
                problems.append(where.problem(("items", number, "score"), _got(large, shown)))
            else:
                columns["score"][number] = score
    if high_confidence:
        warnings.append(
            _(
                "{count} item(s) have a confidence above 1: it is used as written; "
                'write 0.8 or "80%" for 80 percent'
            ).format(count=high_confidence)
        )
    if method != "moscow":
        del columns["score"]
    return columns


def _field_value(
    method: str, key: str, raw: Any, threshold: float
) -> tuple[float | None, str | None]:
    if key == "priority":
        text = literal_text(raw).strip().lower().replace("'", "").replace("’", "")
        text = {"won't": "wont", "wont_have": "wont", "must_have": "must"}.get(text, text)
        if text in PRIORITIES:
            return float(PRIORITIES.index(text)), None
        shown = literal_text(raw)
        hint = did_you_mean(text, list(PRIORITIES), limit=0)  # close names only, no list
        message = _("'{value}' is not a MoSCoW priority (must, should, could, wont){hint}")
        return None, message.format(value=shown, hint=hint)
    if key == "confidence" and isinstance(raw, str):
        match = _PERCENT.match(raw)
        if match is None:
            return None, _("not a number or a percentage, got {value}").format(value=repr(raw))
        return float(match[1]) / 100.0, None
    if method == "eisenhower" and isinstance(raw, bool):
        return (10.0 if raw else 0.0), None
    value = _number(raw)
    shown = literal_text(raw)
    if value is None:
        if method == "eisenhower":
            message = _("not true/false or a number 0-10, got {value}")
            return None, message.format(value=repr(shown))
        return None, _not_number(repr(shown))
    if not math.isfinite(value):
        return None, _("not a finite number, got '{value}'").format(value=shown)
    large = too_large(value)
    if large is not None:  # a product or sum of scores would overflow
        return None, _got(large, shown)
    if (method, key) in (("rice", "effort"), ("wsjf", "job_size")) and value <= 0:
        message = _("{key} must be above 0 ({method} divides by it), got {value}")
        return None, message.format(key=key, method=method, value=shown)
    if method in ("eisenhower", "value_effort") and not 0 <= value <= 10:
        message = _("{key} is a score from 0 to 10 ({method}), got {value}")
        return None, message.format(key=key, method=method, value=shown)
    if value < 0:
        message = _("{key} cannot be negative ({method}), got {value}")
        return None, message.format(key=key, method=method, value=shown)
    return value, None


def _missing_key(key: str, method: str) -> str:
    return _("missing required key '{key}' ({method})").format(key=key, method=method)


def _not_mapping(method: str, fields: str) -> str:
    return _("an item is a mapping here (method {method} needs {fields})").format(
        method=method, fields=fields
    )


def _missing(what: str, method: str, fields: str) -> str:
    return _("missing {keys} (method {method} needs {fields})").format(
        keys=what, method=method, fields=fields
    )


def _not_number(shown: str) -> str:
    return _("not a number, got {value}").format(value=shown)


def _got(problem: str, shown: str) -> str:
    return _("{problem}, got {value}").format(problem=problem, value=shown)


def _weighted(
    model: RankModel,
    names: list[str],
    mappings: Sequence[dict[str, Any] | None],
    where: Locating,
    problems: list[Problem],
    warnings: list[str],
    options: dict[str, Any],
) -> Backlog | None:
    if not model.criteria:
        problems.append(where.problem(("criteria",), _missing_key("criteria", "weighted")))
        return None
    ids = tuple(literal_text(c.id) for c in model.criteria)
    values = np.full((len(names), len(ids)), np.nan)
    need = ", ".join(ids)
    method = "weighted"
    for number, item in enumerate(mappings):
        if item is None:
            problems.append(where.problem(("items", number), _not_mapping(method, need)))
            continue
        missing = [key for key in ids if item.get(key) is None]
        if missing:
            what = ", ".join(f"'{key}'" for key in missing)
            problems.append(where.problem(("items", number), _missing(what, method, need)))
        for column, key in enumerate(ids):
            if key in missing:
                continue
            value = _number(item[key])
            if value is None or not math.isfinite(value):
                problems.append(
                    where.problem(
                        ("items", number, key), _not_number(repr(literal_text(item[key])))
                    )
                )
                continue
            large = too_large(value)
            if large is not None:
                shown = literal_text(item[key])
                problems.append(where.problem(("items", number, key), _got(large, shown)))
                continue
            values[number, column] = value
    weights = np.empty(len(ids))
    for column, criterion in enumerate(model.criteria):
        weight = criterion.weight
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
            problems.append(
                where.problem(
                    ("criteria", column, "weight"),
                    _("a weight is a number >= 0 here (weighted)")
                    if weight is not None
                    else _("missing weight of criterion '{id}' (weighted)").format(id=ids[column]),
                )
            )
            weights[column] = 0.0
        else:
            weights[column] = float(weight)
    if not problems and weights.sum() <= 0:
        problems.append(where.problem(("criteria",), _("the weights sum to 0")))
    maximize = np.array([c.direction == "max" for c in model.criteria])
    fields = {key: values[:, column].copy() for column, key in enumerate(ids)}
    return Backlog(
        "weighted",
        names,
        fields=fields,
        criteria=ids,
        weights=weights,
        maximize=maximize,
        warnings=warnings,
        **options,
    )


def _resolve(
    name: str,
    known: dict[str, int] | None,
    path: DataPath,
    where: Locating,
    problems: list[Problem],
) -> int | None:
    if known is None:
        return None
    if name in known:
        return known[name]
    message = _("unknown item '{name}'{hint}").format(
        name=name, hint=did_you_mean(name, list(known))
    )
    problems.append(where.problem(path, message))
    return None


def _comparisons(
    model: RankModel, names: list[str] | None, where: Locating, problems: list[Problem]
) -> list[Comparison]:
    if not model.comparisons:
        problems.append(where.problem(("comparisons",), _missing_key("comparisons", "pairwise")))
        return []
    known = {name: number for number, name in enumerate(names)} if names is not None else None
    order: dict[str, int] = dict(known) if known is not None else {}
    found: list[Comparison] = []
    for number, entry in enumerate(model.comparisons):
        text, count = (entry, 1.0) if isinstance(entry, str) else (entry.compare, entry.count)
        path: DataPath = (
            ("comparisons", number)
            if isinstance(entry, str)
            else ("comparisons", number, "compare")
        )
        parsed = parse_comparison(text)
        if parsed is None:
            message = _('write "A > B", "A < B" or "A = B", got {value}').format(value=repr(text))
            problems.append(where.problem(path, message))
            continue
        left, operator, right = parsed
        if left == right:
            message = _("'{name}' is compared with itself").format(name=left)
            problems.append(where.problem(path, message))
            continue
        indices: list[int | None] = []
        for name in (left, right):
            if known is None:
                indices.append(order.setdefault(name, len(order)))
            else:
                indices.append(_resolve(name, known, path, where, problems))
        a, b = indices
        if a is None or b is None:
            continue
        if operator == "<":
            a, b = b, a
        found.append(Comparison(a, b, operator == "=", count))
    return found


def _first_seen(model: RankModel) -> list[str]:
    order: dict[str, None] = {}
    for entry in model.comparisons or []:
        parsed = parse_comparison(entry if isinstance(entry, str) else entry.compare)
        if parsed is not None:
            order.setdefault(parsed[0])
            order.setdefault(parsed[2])
    return list(order)


def _ballots(
    model: RankModel,
    names: list[str] | None,
    where: Locating,
    problems: list[Problem],
    warnings: list[str],
) -> tuple[list[tuple[list[int], float]], list[str]]:
    if not model.ballots:
        problems.append(where.problem(("ballots",), _missing_key("ballots", "borda")))
        return [], names or []
    if names is None:
        first = model.ballots[0]
        names = [literal_text(n) for n in (first if isinstance(first, list) else first.ranking)]
    known = {name: number for number, name in enumerate(names)}
    ballots: list[tuple[list[int], float]] = []
    partial = 0
    for number, entry in enumerate(model.ballots):
        ranking, count = (entry, 1.0) if isinstance(entry, list) else (entry.ranking, entry.count)
        base: DataPath = (
            ("ballots", number) if isinstance(entry, list) else ("ballots", number, "ranking")
        )
        indices: list[int] = []
        first_at: dict[str, int] = {}
        for place, raw in enumerate(ranking):
            name = literal_text(raw).strip()
            path = (*base, place)
            if name in first_at:
                problems.append(
                    where.problem(
                        path,
                        _(
                            "'{name}' is listed twice in this ballot (first in place {place})"
                        ).format(name=name, place=first_at[name] + 1),
                    )
                )
                continue
            first_at[name] = place
            index = _resolve(name, known, path, where, problems)
            if index is not None:
                indices.append(index)
        if len(indices) < len(names):
            partial += 1
        ballots.append((indices, count))
    if partial and not problems:
        warnings.append(
            _(
                "{partial} ballot(s) rank only some of the {count} items: the unranked get 0 "
                "points and the ranked n - 1 down from first place"
            ).format(partial=partial, count=len(names))
        )
    return ballots, names
