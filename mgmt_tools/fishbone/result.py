"""The fishbone as data, its ranking by counts, and its JSON form (docs/formats/), text summary and
Markdown outline.

Which causes are ranked: every cause with a count whose ancestors have none, so a cause broken
down into counted sub-causes is not counted twice. Their percent is of the total of the ranked
counts; equal counts keep their order in the input.

>>> from mgmt_tools.fishbone import analyse, loads
>>> result = analyse(loads('''
... effect: Late reports
... categories:
...   People: [{cause: Missing training, count: 12}, Overload]
...   Methods: [{cause: No checklist, count: 4}]
... '''), highlight=1)
>>> [(row.cause, row.percent) for row in result.ranked]
[('Missing training', 75.0), ('No checklist', 25.0)]
>>> result.highlighted_causes
['Missing training']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from mgmt_tools._rows import Row
from mgmt_tools.locale import _, pgettext
from mgmt_tools.render import format_number, format_table, truncate
from mgmt_tools.render.display import Displayed
from mgmt_tools.render.escape import markdown as _md
from mgmt_tools.render.escape import terminal

__all__ = [
    "Category",
    "Cause",
    "Fishbone",
    "FishboneResult",
    "RankedCause",
    "analyse",
    "summary_text",
    "to_markdown",
]

CausePath = tuple[int, ...]
"""(category index, cause index, sub-cause index, ...)."""


def headers() -> list[str]:
    """The columns of the ranking, in the reader's language."""
    return [
        "#",
        pgettext("fishbone column", "cause"),
        pgettext("fishbone column", "category"),
        pgettext("fishbone column", "count"),
        "%",
    ]


@dataclass(frozen=True)
class Cause:
    """A cause, its count (None when not given) and its sub-causes."""

    name: str
    count: float | None = None
    causes: tuple[Cause, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"cause": self.name}
        if self.count is not None:
            data["count"] = self.count
        data["causes"] = [cause.to_dict() for cause in self.causes]
        return data


@dataclass(frozen=True)
class Category:
    """A rib of the fishbone: a category name and its causes."""

    name: str
    causes: tuple[Cause, ...] = ()


@dataclass(frozen=True)
class Fishbone:
    """An effect and its causes by category (as read from the input)."""

    effect: str
    categories: tuple[Category, ...]
    title: str | None = None

    def walk(self) -> Iterator[tuple[CausePath, Cause]]:
        """Every cause, depth first in input order, with its path."""

        def visit(path: CausePath, causes: Sequence[Cause]) -> Iterator[tuple[CausePath, Cause]]:
            for number, cause in enumerate(causes):
                here = (*path, number)
                yield here, cause
                yield from visit(here, cause.causes)

        for number, category in enumerate(self.categories):
            yield from visit((number,), category.causes)


@dataclass(frozen=True)
class Ranked:
    """A counted cause in the ranking."""

    path: CausePath
    cause: str
    category: str
    count: float
    percent: float


@dataclass(frozen=True, eq=False)
class RankedCause(Row):
    """A line of the ranking by counts (``ranked`` of the JSON).

    It equals the JSON object it stands for, so code written against the JSON keeps working:

    >>> RankedCause("Overload", "People", 3.0, 100.0) == {
    ...     "cause": "Overload", "category": "People", "count": 3.0, "percent": 100.0}
    True
    """

    cause: str
    category: str
    count: float
    percent: float
    """Of the total of the ranked counts."""


@dataclass(frozen=True, eq=False)
class FishboneResult(Displayed):
    """A fishbone with its ranked causes and the ones the diagram highlights."""

    fishbone: Fishbone
    ranking: tuple[Ranked, ...]
    highlighted: frozenset[CausePath] = frozenset()
    warnings: list[str] = field(default_factory=list)

    @property
    def ranked(self) -> list[RankedCause]:
        """The counted causes, largest first, as typed rows."""
        return [RankedCause(r.cause, r.category, r.count, r.percent) for r in self.ranking]

    @property
    def highlighted_causes(self) -> list[str]:
        return [r.cause for r in self.ranking if r.path in self.highlighted]

    def to_dict(self) -> dict[str, Any]:
        """The JSON result: ``command, effect, categories, ranked`` (with counts), warnings."""
        data: dict[str, Any] = {"command": "fishbone", "method": "ishikawa"}
        if self.fishbone.title is not None:
            data["title"] = self.fishbone.title
        data["effect"] = self.fishbone.effect
        data["categories"] = [
            {"name": c.name, "causes": [cause.to_dict() for cause in c.causes]}
            for c in self.fishbone.categories
        ]
        if self.ranking:
            data["ranked"] = [row.to_dict() for row in self.ranked]
            data["highlighted"] = self.highlighted_causes
        data["warnings"] = list(self.warnings)
        return data


def rank(fishbone: Fishbone) -> tuple[Ranked, ...]:
    """The counted causes (none of whose ancestors is counted), largest first."""
    counted: list[tuple[CausePath, Cause]] = []
    covered: list[CausePath] = []
    for path, cause in fishbone.walk():
        if cause.count is None or any(path[: len(c)] == c for c in covered):
            continue
        counted.append((path, cause))
        covered.append(path)
    total = sum(cause.count or 0.0 for _, cause in counted)
    counted.sort(key=lambda item: -(item[1].count or 0.0))  # stable: ties keep input order
    return tuple(
        Ranked(
            path,
            cause.name,
            fishbone.categories[path[0]].name,
            cause.count or 0.0,
            (cause.count or 0.0) / total * 100 if total > 0 else 0.0,
        )
        for path, cause in counted
    )


def analyse(
    fishbone: Fishbone, *, highlight: int = 0, warnings: Sequence[str] = ()
) -> FishboneResult:
    """Rank the counted causes and mark the ``highlight`` largest for the diagram."""
    if highlight < 0:
        raise ValueError(_("highlight must be >= 0"))
    ranking = rank(fishbone)
    notes = list(warnings)
    if highlight and not ranking:
        notes.append(
            _("--highlight {count}: no cause has a count, nothing is highlighted").format(
                count=highlight
            )
        )
    chosen = frozenset(r.path for r in ranking[:highlight])
    return FishboneResult(fishbone, ranking, chosen, notes)


def label(cause: Cause) -> str:
    """A cause as drawn and listed: its name and its count in brackets."""
    if cause.count is None:
        return cause.name
    return _("{name} ({count})").format(name=cause.name, count=format_number(cause.count))


def summary_text(result: FishboneResult, *, warnings: bool = True, limit: int = 30) -> str:
    """A readable summary: the effect, causes per category, and the ranking when counted."""
    fishbone = result.fishbone
    lines = [fishbone.title] if fishbone.title else []
    lines.append(_("effect: {effect}").format(effect=fishbone.effect))
    for category in fishbone.categories:
        total = sum(1 for _cause in Fishbone("", (category,)).walk())
        lines.append(
            "  "
            + _("{category}: {count} causes, {total} with sub-causes").format(
                category=category.name, count=len(category.causes), total=total
            )
        )
    if result.ranking:
        lines.append("")
        body = [
            [
                str(n),
                ("* " if r.path in result.highlighted else "") + truncate(r.cause, 40),
                r.category,
                format_number(r.count),
                f"{r.percent:.1f}",
            ]
            for n, r in enumerate(result.ranking[:limit], 1)
        ]
        lines += format_table(headers(), body, right=[0, 3, 4])
        if len(result.ranking) > limit:
            more = len(result.ranking) - limit
            lines.append(_("... and {count} more (--json for all)").format(count=more))
        if result.highlighted:
            lines.append(_("* highlighted"))
    if warnings:
        lines += [_("warning: {warning}").format(warning=warning) for warning in result.warnings]
    return terminal("\n".join(lines))


def to_markdown(result: FishboneResult) -> str:
    """The fishbone as a nested Markdown checklist: effect, categories, causes, sub-causes."""
    fishbone = result.fishbone
    lines = []
    if fishbone.title:
        lines += [f"# {_md(fishbone.title)}", ""]
    lines += [_("**Effect:** {effect}").format(effect=_md(fishbone.effect)), ""]

    def items(path: CausePath, causes: Sequence[Cause], depth: int) -> None:
        for number, cause in enumerate(causes):
            here = (*path, number)
            text = _md(label(cause))
            if here in result.highlighted:
                text = f"**{text}**"
            lines.append(f"{'  ' * depth}- [ ] {text}")
            items(here, cause.causes, depth + 1)

    for number, category in enumerate(fishbone.categories):
        lines.append(f"- **{_md(category.name)}**")
        items((number,), category.causes, 1)
    if result.ranking:
        header = "| " + " | ".join(headers()) + " |"

        lines += ["", header, "| ---: | --- | --- | ---: | ---: |"]

        for n, r in enumerate(result.ranking, 1):
            lines.append(
                f"| {n} | {_md(r.cause)} | {_md(r.category)} | {format_number(r.count)} "
                f"| {r.percent:.1f} |"
            )
    return "\n".join(lines) + "\n"
