"""The Pareto analysis: order, percentages, cumulative percentages, the vital few, "Other".

Categories go by total, largest first; equal totals keep the order they first appeared in (a
stable sort). Percentages come from counts: ``cumulative_percent`` is the cumulative count over
the total, never a sum of rounded percentages, so the last one is exactly 100. The vital few are
the fewest leading categories whose cumulative percent reaches the cutoff (within the
project's tolerance, :func:`mgmt_tools._numeric.close`, docs/formats). ``top`` keeps the first
N categories and ``other_after`` the fewest leading ones reaching P percent; the rest become
one item named "Other", always last.

>>> result = analyse(["Rates", "Paperwork", "Delays"], [45, 120, 35], cutoff=80)
>>> [(row["category"], row["cumulative_percent"], row["vital"]) for row in result.items]
[('Paperwork', 60.0, True), ('Rates', 82.5, True), ('Delays', 100.0, False)]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import close, isclose
from mgmt_tools.errors import InputError, OptionError, Problem
from mgmt_tools.locale import _
from mgmt_tools.pareto.count import Tally
from mgmt_tools.pareto.io import ParetoData
from mgmt_tools.pareto.result import OTHER, ParetoResult, Stratum

__all__ = ["analyse", "analyse_tally", "reaching", "run", "vital_count"]


def reaching(cumulative: FloatArray, total: float, percent: float) -> int:
    """The fewest leading items whose cumulative count reaches ``percent`` of ``total``.

    >>> reaching(np.array([60.0, 82.5, 100.0]), 100.0, 80)
    2
    """
    shares = cumulative / total * 100.0
    target = float(percent)
    reached = np.flatnonzero((shares >= target) | isclose(shares, target))
    return int(reached[0]) + 1 if reached.size else len(cumulative)


def vital_count(values: FloatArray, cutoff: float) -> int:
    """How many leading items of ``values`` (in Pareto order) are the vital few."""
    cumulative = np.cumsum(values)
    return reaching(cumulative, float(cumulative[-1]), cutoff) if cumulative.size else 0


def run(
    data: ParetoData,
    *,
    cutoff: float = 80.0,
    top: int | None = None,
    other_after: float | None = None,
) -> ParetoResult:
    """Pareto analysis of loaded data (``mgmt pareto``): its title, measure and CSV columns
    are carried into the result.

    Raises
    ------
    OptionError
        ``top`` and ``other_after`` are both given.
    InputError
        Every category totals 0.

    Examples
    --------
    >>> from mgmt_tools.pareto import loads
    >>> result = run(loads("counts: {Rates: 45, Paperwork: 120, Fees: 35}"), top=1)
    >>> [(item.category, item.count) for item in result.items]
    [('Paperwork', 120.0), ('Other', 80.0)]
    """
    if top is not None and other_after is not None:
        raise OptionError(_("give --top or --other-after, not both"))
    return analyse_tally(
        data.tally,
        cutoff=cutoff,
        top=top,
        other_after=other_after,
        title=data.title,
        measure=data.measure,
        source=data.source,
        extras=dict(data.columns or {}),
    )


def analyse(
    categories: Sequence[str],
    values: Sequence[float] | FloatArray,
    *,
    cutoff: float = 80.0,
    top: int | None = None,
    other_after: float | None = None,
    title: str | None = None,
    measure: str = "count",
    source: str | None = None,
) -> ParetoResult:
    """Pareto analysis of category totals given in order of first appearance."""
    totals = np.asarray(values, dtype=np.float64)
    return analyse_tally(
        Tally(list(categories), totals, len(totals)),
        cutoff=cutoff,
        top=top,
        other_after=other_after,
        title=title,
        measure=measure,
        source=source,
    )


def analyse_tally(
    tally: Tally,
    *,
    cutoff: float = 80.0,
    top: int | None = None,
    other_after: float | None = None,
    title: str | None = None,
    measure: str = "count",
    source: str | None = None,
    extras: dict[str, object] | None = None,
) -> ParetoResult:
    """Pareto analysis of a :class:`~mgmt_tools.pareto.count.Tally` (strata included)."""
    if top is not None and other_after is not None:
        raise ValueError(_("give top or other_after, not both"))
    if not 0 < cutoff <= 100:
        raise ValueError(_("cutoff is a percent in (0, 100], not {cutoff}").format(cutoff=cutoff))
    totals = tally.totals
    if totals.size == 0:
        raise InputError([Problem(_("no data: there are no categories"), source=source)])
    total = float(totals.sum())
    if not total > 0:
        raise InputError(
            [
                Problem(
                    _("no data: every category totals 0, so there is nothing to rank"),
                    source=source,
                )
            ]
        )
    order = np.argsort(-totals, kind="stable")
    kept = len(order)
    if top is not None:
        if top < 1:
            raise ValueError(_("top is at least 1, not {top}").format(top=top))
        kept = min(top, kept)
    elif other_after is not None:
        kept = reaching(np.cumsum(totals[order]), total, other_after)
    warnings: list[str] = []
    names = [tally.categories[i] for i in order[:kept]]
    rest = order[kept:]
    if rest.size:
        if OTHER in names or any(tally.categories[i] == OTHER for i in rest):
            warnings.append(
                _(
                    "the data has a category named '{name}'; the merged tail is a separate "
                    "'{other}' item, drawn last"
                ).format(name=OTHER, other=_(OTHER))
            )
        names.append(OTHER)
    merged = _merged(totals, order, kept)
    cumulative = np.cumsum(merged)
    total = float(cumulative[-1])
    vital = reaching(cumulative[:kept], total, cutoff) if kept else 0
    share = float(cumulative[kept - 1] / total * 100)
    if vital == kept and rest.size and share < cutoff and not close(share, cutoff):
        warnings.append(
            _(
                "the kept categories reach {share}%, short of "
                "the {cutoff}% cutoff: all kept categories are marked vital"
            ).format(share=f"{share:.4g}", cutoff=f"{cutoff:g}")
        )
    strata: list[Stratum] = []
    if tally.strata is not None:
        # only the kept categories and the merged tail: the whole strata x categories table
        # may not fit in memory (100,000 strata x 50,000 categories)
        by = (extras or {}).get("by")
        column = (str(by),) if by is not None else ()
        table = tally.table(order[:kept].astype(np.int64), source=source, path=column)
        vitals = _ranked_vital(table, kept, cutoff)
        strata = [
            Stratum(name, values, vital)
            for name, values, vital in zip(tally.strata, table, vitals, strict=True)
        ]
    return ParetoResult(
        names=names,
        counts=merged,
        total=total,
        cutoff=float(cutoff),
        vital=vital,
        other=bool(rest.size),
        merged_categories=int(rest.size),
        title=title,
        measure=measure,
        top=top,
        other_after=None if other_after is None else float(other_after),
        records=tally.records,
        strata=strata,
        warnings=warnings,
        extras=dict(extras or {}),
    )


def _merged(values: FloatArray, order: npt.NDArray[np.intp], kept: int) -> FloatArray:
    head = values[order[:kept]]
    if kept < len(order):
        return np.append(head, values[order[kept:]].sum())
    return head.astype(np.float64)


def _ranked_vital(table: FloatArray, kept: int, cutoff: float) -> list[frozenset[int]]:
    """The vital few of each stratum (a row of ``table``, in the shared order) by its own
    ranking: the fewest of its first ``kept`` categories, largest first (ties in the shared
    order), whose counts reach ``cutoff`` percent of the stratum's total, as :func:`reaching`
    says for one; all its non-zero kept categories when none do ("Other" never counts); none
    for an empty stratum. Positions are in the shared order."""
    if kept == 0 or not len(table):
        return [frozenset() for _row in table]
    head = table[:, :kept]
    order = np.argsort(-head, axis=1, kind="stable")  # each stratum's own ranking
    ranked = np.take_along_axis(head, order, axis=1)
    totals = table.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.cumsum(ranked, axis=1) / totals[:, None] * 100.0
    hit = ((shares >= cutoff) | isclose(shares, float(cutoff))) & (ranked > 0)
    positive = (ranked > 0).sum(axis=1)
    count = np.where(hit.any(axis=1), hit.argmax(axis=1) + 1, positive)
    count = np.where(totals > 0, np.minimum(count, positive), 0)
    return [frozenset(row[:n].tolist()) for row, n in zip(order, count.tolist(), strict=True)]
