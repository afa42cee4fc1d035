"""Attach the counts of a Pareto analysis to the causes of a fishbone, by name.

Names match when they are equal ignoring case and runs of spaces. The counts replace any the
fishbone file gave, so every count comes from one source. Causes left without a count and counts
that name no cause are reported as warnings; the vital few (the fewest leading matched causes
whose counts reach ``cutoff`` percent of the matched total) are highlighted.

>>> from mgmt_tools.fishbone import loads
>>> fishbone, warnings = attach_counts(
...     loads("effect: E\\ncategories: {People: [Missing  TRAINING, Overload]}"),
...     {"missing training": 12, "Rates": 3},
... )
>>> fishbone.categories[0].causes[0].count, warnings
(12.0, ["no count for cause 'Overload' (People)", "count without a cause: 'Rates' (3)"])
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from mgmt_tools._numeric import close
from mgmt_tools.errors import OptionError
from mgmt_tools.fishbone.result import Category, Cause, Fishbone, FishboneResult, analyse
from mgmt_tools.locale import _
from mgmt_tools.render import format_number

__all__ = ["CUTOFF", "attach_counts", "run", "vital_few", "with_counts"]

CUTOFF = 80.0
"""Percent of the matched total that defines the vital few (as ``mgmt pareto --cutoff``)."""


def normalise(name: str) -> str:
    """The form names are matched in: case-folded, spaces collapsed."""
    return " ".join(name.split()).casefold()


def attach_counts(fishbone: Fishbone, counts: Mapping[str, float]) -> tuple[Fishbone, list[str]]:
    """The fishbone with ``counts`` attached to causes by name, and warnings for what is
    left unmatched."""
    by_name: dict[str, tuple[str, float]] = {}
    for name, value in counts.items():
        key = normalise(name)
        previous = by_name.get(key)
        by_name[key] = (previous[0] if previous else name, (previous[1] if previous else 0) + value)
    used: set[str] = set()
    missing: list[str] = []
    repeated: list[str] = []

    def attach(cause: Cause, category: str) -> Cause:
        key = normalise(cause.name)
        count: float | None = None
        if key in by_name:
            if key in used:
                repeated.append(cause.name)
            else:
                count = float(by_name[key][1])
                used.add(key)
        causes = tuple(attach(sub, category) for sub in cause.causes)
        if count is None and not any(_counted(sub) for sub in causes):
            missing.append(
                _("no count for cause '{name}' ({category})").format(
                    name=cause.name, category=category
                )
            )
        return Cause(cause.name, count, causes)

    categories = tuple(
        Category(c.name, tuple(attach(cause, c.name) for cause in c.causes))
        for c in fishbone.categories
    )
    warnings = list(missing)
    warnings += [
        _("cause '{name}' appears more than once; its count is on the first").format(name=name)
        for name in repeated
    ]
    warnings += [
        _("count without a cause: '{name}' ({count})").format(name=name, count=format_number(value))
        for key, (name, value) in by_name.items()
        if key not in used
    ]
    return Fishbone(fishbone.effect, categories, fishbone.title), warnings


def _counted(cause: Cause) -> bool:
    return cause.count is not None or any(_counted(sub) for sub in cause.causes)


def vital_few(counts: list[float], cutoff: float = CUTOFF) -> int:
    """How many of ``counts`` (largest first) it takes to reach ``cutoff`` percent of their sum.

    >>> vital_few([50, 30, 10, 10]), vital_few([]), vital_few([0, 0])
    (2, 0, 0)
    """
    total = sum(counts)
    if total <= 0:
        return 0
    running = 0.0
    for number, value in enumerate(counts, 1):
        running += value
        share = running / total * 100
        if share >= cutoff or close(share, cutoff):  # 80% reached by 79.99999999999999
            return number
    return len(counts)


def with_counts(
    fishbone: Fishbone,
    path: str | os.PathLike[str],
    column: str,
    *,
    count: str | None = None,
    weight: str | None = None,
    encoding: str | None = None,
    highlight: int | None = None,
    cutoff: float = CUTOFF,
) -> FishboneResult:
    """Count the records of ``path`` as ``mgmt pareto`` does, attach the counts to the causes,
    and highlight the vital few (or the ``highlight`` largest when given).

    Raises
    ------
    InputError
        The data file cannot be read or counted (a missing column, a bad count).
    """
    from mgmt_tools.pareto import count_categories

    totals = count_categories(
        os.fspath(path), column, count=count, weight=weight, encoding=encoding
    )
    counted, warnings = attach_counts(fishbone, totals)
    base = analyse(counted)
    chosen = vital_few([r.count for r in base.ranking], cutoff) if highlight is None else highlight
    return analyse(counted, highlight=chosen, warnings=warnings)


def run(
    fishbone: Fishbone,
    *,
    highlight: int | None = None,
    counts: str | os.PathLike[str] | None = None,
    column: str | None = None,
    count_column: str | None = None,
    weight: str | None = None,
    counts_encoding: str | None = None,
) -> FishboneResult:
    """The fishbone ranked by its counts (``mgmt fishbone``), or by the counts of a Pareto
    analysis of the CSV ``counts`` (its ``column`` naming the cause, ``count_column`` or
    ``weight`` what to sum, as :func:`with_counts`).

    ``highlight`` marks the N largest counted causes; with ``counts`` it defaults to the vital
    few, otherwise to none.

    Raises
    ------
    OptionError
        ``column``, ``count_column`` or ``weight`` without ``counts``, or ``counts`` without
        ``column``.
    InputError
        The CSV cannot be read or counted.

    Examples
    --------
    >>> from mgmt_tools.fishbone import loads
    >>> fishbone = loads("effect: E\\ncategories: {People: [{cause: Overload, count: 3}]}")
    >>> run(fishbone, highlight=1).highlighted_causes
    ['Overload']
    >>> run(fishbone, column="reason")
    Traceback (most recent call last):
    ...
    mgmt_tools.errors.OptionError: --column, --count and --weight go with --counts CSV
    """
    if counts is None:
        if column or count_column or weight:
            raise OptionError(_("--column, --count and --weight go with --counts CSV"))
        return analyse(fishbone, highlight=highlight or 0)
    if not column:
        raise OptionError(_("--counts needs --column (the column naming the cause)"))

    return with_counts(
        fishbone,
        counts,
        column,
        count=count_column,
        weight=weight,
        encoding=counts_encoding,
        highlight=highlight,
    )
