"""The result of ``mgmt rank``: its JSON form (docs/formats/), text summary, Markdown and CSV.

Numbers stay in arrays (scores, ranks, order); the ``ranking`` rows are built when asked for,
so a million items cost megabytes until printed.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from mgmt_tools._arrays import FloatArray, IntArray
from mgmt_tools._rows import Row
from mgmt_tools.locale import N_, _, pgettext
from mgmt_tools.rank.build import Backlog
from mgmt_tools.render import format_number, format_table, truncate
from mgmt_tools.render.display import Displayed
from mgmt_tools.render.escape import cell, terminal
from mgmt_tools.render.escape import markdown as _md

__all__ = [
    "SCORE_MEANING",
    "SUMMARY_ROWS",
    "RankResult",
    "RankRow",
    "category_text",
    "method_text",
    "summary_text",
    "to_csv",
    "to_markdown",
]

SCORE_MEANING = {
    "rice": N_("reach x impact x confidence / effort"),
    "ice": N_("impact x confidence x ease"),
    "wsjf": N_("(business_value + time_criticality + risk_reduction) / job_size"),
    "moscow": N_("priority must > should > could > wont, then the given score"),
    "eisenhower": N_("quadrant (do, schedule, delegate, eliminate), then urgent + important"),
    "value_effort": N_("quadrant (quick win, big bet, fill-in, money pit), then value - effort"),
    "pairwise": N_("Copeland: wins minus losses"),
    "borda": N_("Borda points: n - 1 for first place down to 0, times the ballot's count"),
    "weighted": N_("weighted sum of normalised criteria (as mgmt index)"),
}
"""What each method's score is, in English in the JSON (``score``) and translated where a
reader sees it (:attr:`RankResult.score_text`)."""
BRADLEY_TERRY_MEANING = N_("Bradley-Terry strength (sums to 1)")
SUMMARY_ROWS = 30
"""Rows of the text summary and the chart; the JSON, CSV and Markdown hold every item."""


def method_text(method: str) -> str:
    """The name of a method for a reader: the method's id in English (``rice``), its usual
    name in Chinese (``RICE``, ``艾森豪威尔矩阵``)."""
    names = {
        "rice": pgettext("rank method", "rice"),
        "ice": pgettext("rank method", "ice"),
        "wsjf": pgettext("rank method", "wsjf"),
        "moscow": pgettext("rank method", "moscow"),
        "eisenhower": pgettext("rank method", "eisenhower"),
        "value_effort": pgettext("rank method", "value_effort"),
        "pairwise": pgettext("rank method", "pairwise"),
        "borda": pgettext("rank method", "borda"),
        "weighted": pgettext("rank method", "weighted"),
    }
    return names.get(method, method)


def category_text(category: str) -> str:
    """A category (MoSCoW priority, quadrant) for a reader: its JSON value in English
    (``do``), its name in Chinese (``立即做``)."""
    names = {
        "must": pgettext("rank category", "must"),
        "should": pgettext("rank category", "should"),
        "could": pgettext("rank category", "could"),
        "wont": pgettext("rank category", "wont"),
        "do": pgettext("rank category", "do"),
        "schedule": pgettext("rank category", "schedule"),
        "delegate": pgettext("rank category", "delegate"),
        "eliminate": pgettext("rank category", "eliminate"),
        "quick win": pgettext("rank category", "quick win"),
        "big bet": pgettext("rank category", "big bet"),
        "fill-in": pgettext("rank category", "fill-in"),
        "money pit": pgettext("rank category", "money pit"),
    }
    return names.get(category, category)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else value


@dataclass(frozen=True, slots=True)
class RankRow(Row):
    """A line of the ranking (``ranking`` of the JSON), best first."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"category"})

    item: str
    score: float | None
    """None where the method gives none (MoSCoW without scores)."""
    rank: int
    """1 = best; equal scores share a rank."""
    category: str | None = None
    """The quadrant or priority, for the methods that have them."""


@dataclass(frozen=True, eq=False)
class RankResult(Displayed):
    """Scores and ranking of a backlog (``mgmt rank --json``).

    >>> from mgmt_tools.rank import from_dict, run
    >>> result = run(from_dict({"method": "ice", "items": [
    ...     {"name": "Chat", "impact": 6, "confidence": 0.5, "ease": 4},
    ...     {"name": "Alerts", "impact": 8, "confidence": 0.9, "ease": 6}]}))
    >>> result.ranking[0].item, result.ranking[0].score, result.ranking[0]["rank"]
    ('Alerts', 43.2, 1)
    """

    backlog: Backlog
    scores: FloatArray
    order: IntArray
    """Items, best first."""
    ranks: IntArray
    """Rank of each item in input order (1 = best; equal scores share a rank)."""
    categories: IntArray | None = None
    category_names: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return self.backlog.method

    @property
    def names(self) -> list[str]:
        return self.backlog.names

    @property
    def score_meaning(self) -> str:
        """What the score is, in English (the JSON's ``score``)."""
        if self.method == "pairwise" and self.extras.get("model") == "bradley-terry":
            return BRADLEY_TERRY_MEANING
        return SCORE_MEANING[self.method]

    @property
    def score_text(self) -> str:
        """What the score is, in the reader's language."""
        return _(self.score_meaning)

    def category_of(self, index: int) -> str | None:
        if self.categories is None:
            return None
        return self.category_names[int(self.categories[index])]

    def ranking_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """``ranking`` entries best first: item, score, rank (and category)."""
        order = self.order if limit is None else self.order[:limit]
        scores, ranks = self.scores[order].tolist(), self.ranks[order].tolist()
        names = self.names
        codes = self.categories[order].tolist() if self.categories is not None else None
        rows: list[dict[str, Any]] = []
        for k, index in enumerate(order.tolist()):
            row: dict[str, Any] = {
                "item": names[index],
                "score": _number(scores[k]),
                "rank": ranks[k],
            }
            if codes is not None:
                row["category"] = self.category_names[codes[k]]
            rows.append(row)
        return rows

    @property
    def ranking(self) -> list[RankRow]:
        """The ranking as typed rows, best first (built on each call; for a million items
        :meth:`ranking_rows` is faster)."""
        return [RankRow(**row) for row in self.ranking_rows()]

    def to_dict(self) -> dict[str, Any]:
        """The JSON result: the documented fields (docs/formats/), then the method's own."""
        data: dict[str, Any] = {"command": "rank", "method": self.method}
        if self.backlog.title is not None:
            data["title"] = self.backlog.title
        data["score"] = self.score_meaning
        data["ranking"] = self.ranking_rows()
        if self.categories is not None:
            counts = np.bincount(self.categories, minlength=len(self.category_names)).tolist()
            data["categories"] = dict(zip(self.category_names, counts, strict=True))
        data.update(self.extras)
        data["warnings"] = list(self.warnings)
        return data


def _cell(value: float | None) -> str:
    return "" if value is None else format_number(value)


def summary_text(result: RankResult, *, limit: int = SUMMARY_ROWS, warnings: bool = True) -> str:
    """A readable summary: method, what the score means, the top rows, warnings."""
    rows = result.ranking_rows(limit)
    lines = [
        _("{method}: {meaning}").format(
            method=method_text(result.method), meaning=result.score_text
        )
    ]
    if result.backlog.title:
        lines.insert(0, result.backlog.title)
    if "estimation" in result.extras:
        estimation = result.extras["estimation"]
        text = (
            _("Bradley-Terry by the MM algorithm (Hunter 2004): {iterations} iterations, converged")
            if estimation["converged"]
            else _(
                "Bradley-Terry by the MM algorithm (Hunter 2004): {iterations} iterations, "
                "NOT converged"
            )
        )
        lines.append(text.format(iterations=estimation["iterations"]))
    if "threshold" in result.extras:
        lines.append(
            _("threshold: a 0-10 score >= {threshold} counts as yes").format(
                threshold=format_number(result.extras["threshold"])
            )
        )
    header = [_("rank"), _("item"), _("score")]
    if result.categories is not None:
        header.append(_("category"))
    body = []
    for row in rows:
        cells = [str(row["rank"]), truncate(row["item"], 40), _cell(row["score"])]
        if "category" in row:
            cells.append(category_text(row["category"]))
        body.append(cells)
    lines.append("")
    lines += format_table(header, body, right=[0, 2])
    if result.backlog.count > len(rows):
        lines.append(
            _("... and {count} more (--json for all)").format(
                count=result.backlog.count - len(rows)
            )
        )
    if warnings:
        lines += [_("warning: {warning}").format(warning=warning) for warning in result.warnings]
    return terminal("\n".join(lines))


def to_markdown(result: RankResult) -> str:
    """The ranking as a Markdown table: ``| rank | item | score | category |`` (headers and
    categories in the reader's language)."""
    categories = result.categories is not None
    header = f"| {_('rank')} | {_('item')} | {_('score')} |" + (
        f" {_('category')} |" if categories else ""
    )
    rule = "| ---: | --- | ---: |" + (" --- |" if categories else "")
    lines = []
    if result.backlog.title:
        lines += [f"**{_md(result.backlog.title)}**", ""]
    meaning = _("{method}: {meaning}").format(
        method=method_text(result.method), meaning=_md(result.score_text)
    )
    lines += [meaning, "", header, rule]
    for row in result.ranking_rows():
        line = f"| {row['rank']} | {_md(row['item'])} | {_cell(row['score'])} |"
        if categories:
            line += f" {_md(category_text(row['category']))} |"
        lines.append(line)
    return "\n".join(lines) + "\n"


def to_csv(result: RankResult, *, raw_cells: bool = False) -> str:
    """The ranking as CSV (RFC 4180): rank, item, score[, category]; the header and the
    categories are the JSON's field names and values in every language (a file to read
    back). Names are written by
    :func:`~mgmt_tools.render.escape.cell`: one a spreadsheet would run as a formula gets a
    leading ``'``, unless ``raw_cells``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    categories = result.categories is not None
    writer.writerow(["rank", "item", "score", *(["category"] if categories else [])])
    for row in result.ranking_rows():
        score = "" if row["score"] is None else repr(row["score"])
        writer.writerow(
            [
                row["rank"],
                cell(row["item"], raw_cells),
                score,
                *([cell(row["category"], raw_cells)] if categories else []),
            ]
        )
    return buffer.getvalue()
