"""The result of ``mgmt pareto``: its JSON form (docs/formats/), text summary, Markdown and CSV.

``items`` lists the categories in Pareto order (largest first, ties in order of first
appearance, "Other" last) with ``count``, ``percent``, ``cumulative_percent`` (cumulative count
over the total, times 100) and ``vital``. Extras beside the documented fields: ``title``,
``measure`` (what the numbers are: count, or the weight column), ``vital_few`` (their names),
``records`` (data rows read), ``top`` / ``other_after`` with ``merged_categories`` (how many
categories "Other" holds), the CSV columns used (``column``, ``count_column``,
``weight_column``, ``by``) and, with ``--by``, ``strata``: one entry per stratum in order of
first appearance, ``{"stratum", "total", "items"}`` with the items in the shared order and
percentages of the stratum's own total.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools._rows import Row
from mgmt_tools.locale import N_, _, listed, ngettext
from mgmt_tools.pareto.count import BLANK
from mgmt_tools.render import format_number, format_table, truncate
from mgmt_tools.render.display import Displayed
from mgmt_tools.render.escape import cell, terminal
from mgmt_tools.render.escape import markdown as _md

__all__ = [
    "OTHER",
    "ParetoItem",
    "ParetoResult",
    "Stratum",
    "measure_text",
    "summary_text",
    "to_csv",
    "to_markdown",
]

OTHER = N_("Other")
"""The name of the item that holds the merged tail (in the JSON and CSV; translated where a
reader sees it, :meth:`ParetoResult.shown_names`)."""
COUNT = N_("count")
"""The default measure: how often each category occurs."""


def measure_text(measure: str) -> str:
    """What the numbers are, for a reader: the default ``count`` in the reader's language, a
    measure the input names (``complaints``, a weight column) as written."""
    return _(COUNT) if measure == COUNT else measure


@dataclass(frozen=True, slots=True)
class ParetoItem(Row):
    """One bar of the Pareto chart: a category and its share (``items`` of the JSON)."""

    category: str
    count: float
    percent: float
    cumulative_percent: float
    """Cumulative count over the total, times 100 (the last is exactly 100)."""
    vital: bool
    """One of the vital few."""


def _items(
    names: list[str], counts: FloatArray, vital: int | frozenset[int]
) -> list[dict[str, Any]]:
    """The rows of a table: ``vital`` is the count of leading vital categories, or the
    positions of a stratum's own vital few."""
    marked = vital if isinstance(vital, frozenset) else frozenset(range(vital))
    cumulative = np.cumsum(counts)
    total = float(cumulative[-1]) if counts.size else 0.0
    if total > 0:  # from counts: the last cumulative percent is exactly 100
        percents = (counts / total * 100.0).tolist()
        cumulative_percents = (cumulative / total * 100.0).tolist()
    else:
        percents = cumulative_percents = [0.0] * len(names)
    return [
        {
            "category": name,
            "count": float(count),
            "percent": percent,
            "cumulative_percent": cumulative_percent,
            "vital": position in marked,
        }
        for position, (name, count, percent, cumulative_percent) in enumerate(
            zip(names, counts.tolist(), percents, cumulative_percents, strict=True)
        )
    ]


@dataclass(frozen=True, eq=False)
class Stratum:
    """One stratum of a stratified Pareto (``--by``): its totals in the shared order and its
    own vital few (positions in the shared order; see :func:`mgmt_tools.pareto.analysis`)."""

    name: str
    counts: FloatArray
    positions: frozenset[int]

    @property
    def vital(self) -> int:
        """How many categories are the stratum's vital few."""
        return len(self.positions)

    @property
    def total(self) -> float:
        return float(self.counts.sum())


@dataclass(frozen=True, eq=False)
class ParetoResult(Displayed):
    """A Pareto analysis (``mgmt pareto --json``).

    >>> from mgmt_tools.pareto import analyse
    >>> result = analyse(["Rates", "Paperwork"], [45, 120])
    >>> result.items[0].category, result.items[0].cumulative_percent, result.items[0]["vital"]
    ('Paperwork', 72.72727272727273, True)
    """

    names: list[str]
    """Categories in Pareto order, "Other" last when the tail was merged."""
    counts: FloatArray
    total: float
    cutoff: float
    vital: int
    """How many leading items are the vital few."""
    other: bool = False
    merged_categories: int = 0
    title: str | None = None
    measure: str = "count"
    top: int | None = None
    other_after: float | None = None
    records: int = 0
    strata: list[Stratum] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def items(self) -> list[ParetoItem]:
        """The documented rows (docs/formats/pareto.md) as typed rows: category, count, percent,
        cumulative_percent, vital (built on each call: the numbers live in arrays)."""
        return [ParetoItem(**row) for row in self.item_rows()]

    def item_rows(self) -> list[dict[str, Any]]:
        """The documented rows (docs/formats/pareto.md) as JSON objects (faster than
        :attr:`items`)."""
        return _items(self.names, self.counts, self.vital)

    @property
    def vital_few(self) -> list[str]:
        return self.names[: self.vital]

    def shown_names(self) -> list[str]:
        """The categories for a reader: the ones the tool names ("Other", the merged tail;
        "(blank)", the empty cells) in the reader's language, the input's as written."""
        names = [_(BLANK) if name == BLANK else name for name in self.names]
        if self.other and names:
            names[-1] = _(OTHER)
        return names

    def to_dict(self) -> dict[str, Any]:
        """The JSON result: the documented fields (docs/formats/), then the extras."""
        data: dict[str, Any] = {"command": "pareto", "method": "pareto"}
        if self.title is not None:
            data["title"] = self.title
        data["measure"] = self.measure
        data["total"] = self.total
        data["cutoff"] = self.cutoff
        data["items"] = self.item_rows()
        data["vital_few"] = self.vital_few
        data["records"] = self.records
        if self.top is not None:
            data["top"] = self.top
        if self.other_after is not None:
            data["other_after"] = self.other_after
        data["merged_categories"] = self.merged_categories
        data.update(self.extras)
        if self.strata:
            data["strata"] = [
                {
                    "stratum": stratum.name,
                    "total": stratum.total,
                    "items": _items(self.names, stratum.counts, stratum.positions),
                }
                for stratum in self.strata
            ]
        data["warnings"] = list(self.warnings)
        return data


def _percent(value: float) -> str:
    return f"{value:.1f}%"


def summary_text(result: ParetoResult, *, warnings: bool = True) -> str:
    """A readable summary: the Pareto table, the vital few, strata totals, warnings."""
    lines = [result.title] if result.title else []
    measure = measure_text(result.measure)
    lines.append(
        ngettext(
            "Pareto analysis of {total} ({measure}) in {count} category; cutoff {cutoff}%",
            "Pareto analysis of {total} ({measure}) in {count} categories; cutoff {cutoff}%",
            len(result.names),
        ).format(
            total=format_number(result.total),
            measure=measure,
            count=len(result.names),
            cutoff=format_number(result.cutoff),
        )
    )
    names = result.shown_names()
    vital = _("vital")
    body = [
        [
            str(position),
            truncate(name, 40),
            format_number(row["count"]),
            _percent(row["percent"]),
            _percent(row["cumulative_percent"]),
            vital if row["vital"] else "",
        ]
        for position, (name, row) in enumerate(zip(names, result.item_rows(), strict=True), 1)
    ]
    lines.append("")
    lines += format_table(
        ["#", _("category"), measure, "%", _("cum %"), ""], body, right=[0, 2, 3, 4]
    )
    lines.append("")
    lines.append(
        _("vital few ({vital} of {count}): {names}").format(
            vital=result.vital, count=len(result.names), names=listed(names[: result.vital])
        )
    )
    if result.other:
        lines.append(
            _("'{other}' merges {count} categories").format(
                other=_(OTHER), count=result.merged_categories
            )
        )
    if result.strata:
        lines.append("")
        strata = listed(
            [f"{stratum.name} {format_number(stratum.total)}" for stratum in result.strata]
        )
        lines.append(_("strata: {strata}").format(strata=strata))
    if warnings:
        lines += [_("warning: {warning}").format(warning=warning) for warning in result.warnings]
    return terminal("\n".join(lines))


def to_markdown(result: ParetoResult) -> str:
    """The Pareto table in Markdown: ``| # | category | count | % | cum % | vital |`` (headers,
    "Other" and the note in the reader's language)."""
    lines = [f"**{_md(result.title)}**", ""] if result.title else []
    measure = _md(measure_text(result.measure))
    lines += [
        f"| # | {_('category')} | {measure} | % | {_('cum %')} | {_('vital')} |",
        "| ---: | --- | ---: | ---: | ---: | :---: |",
    ]
    yes = _("yes")
    names = result.shown_names()
    for position, (name, row) in enumerate(zip(names, result.item_rows(), strict=True), 1):
        lines.append(
            f"| {position} | {_md(name)} | {format_number(row['count'])} | "
            f"{row['percent']:.1f} | {row['cumulative_percent']:.1f} | "
            f"{yes if row['vital'] else ''} |"
        )
    note = _("Vital few: the fewest categories reaching {cutoff}%.")
    lines += ["", note.format(cutoff=format_number(result.cutoff))]
    return "\n".join(lines) + "\n"


def to_csv(result: ParetoResult, *, raw_cells: bool = False) -> str:
    """The Pareto table as CSV (RFC 4180), full precision; with strata, a ``stratum`` column
    (empty on the overall rows). The header and the values the tool writes (``Other``,
    ``true``/``false``) are the JSON's in every language: a file to read back. Names are
    written by :func:`~mgmt_tools.render.escape.cell`: one a spreadsheet would run as a
    formula gets a leading ``'``, unless ``raw_cells``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    strata = bool(result.strata)
    header = ["category", "count", "percent", "cumulative_percent", "vital"]
    writer.writerow((["stratum"] if strata else []) + header)
    groups: list[tuple[str, list[dict[str, Any]]]] = [("", result.item_rows())]
    groups += [
        (stratum.name, _items(result.names, stratum.counts, stratum.positions))
        for stratum in result.strata
    ]
    for name, rows in groups:
        for row in rows:
            cells = [
                cell(row["category"], raw_cells),
                repr(row["count"]),
                repr(row["percent"]),
                repr(row["cumulative_percent"]),
                "true" if row["vital"] else "false",
            ]
            writer.writerow(([cell(name, raw_cells)] if strata else []) + cells)
    return buffer.getvalue()
