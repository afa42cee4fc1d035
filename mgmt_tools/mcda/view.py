"""What the hierarchy diagram of a weighted index or an AHP result shows: the goal, the
criteria with their weights, the alternatives (the best :data:`TOP`) with scores and ranks, and
each alternative's standing on each criterion. Drawn by :mod:`mgmt_tools.mcda.render`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mgmt_tools._arrays import FloatArray
from mgmt_tools._numeric import close, isclose
from mgmt_tools.locale import N_, _, listed, ngettext, pgettext
from mgmt_tools.mcda.names import ahp_method_name, method_name, normalization_name, weighting_name
from mgmt_tools.mcda.ranking import rank
from mgmt_tools.mcda.result import AhpResult, IndexResult
from mgmt_tools.render import format_number

__all__ = ["TOP", "Hierarchy", "Result", "hierarchy", "score_text", "value_text"]

TOP = 30
"""Alternatives drawn at most (the best); a note gives the count of all."""

Result = IndexResult | AhpResult

_MEANING = {
    "weighted_sum": N_("the weighted sum of the normalised values; higher is better"),
    "weighted_product": N_(
        "the product of the normalised values raised to the weights; higher is better"
    ),
    "topsis": N_("closeness to the ideal (TOPSIS); higher is better"),
    "vikor": N_("VIKOR's Q, from group utility S and individual regret R; lower is better"),
}


def score_text(value: float) -> str:
    """A score or a priority: four decimals, as the text summary writes them.

    >>> score_text(0.273), score_text(1.0), score_text(-0.05)
    ('0.2730', '1.0000', '-0.0500')
    """
    return f"{value:,.4f}"


def value_text(value: float, decimals: int = 4) -> str:
    """A number as the diagram and the charts write it: at most ``decimals`` decimals, and
    whole with thousands separated from 10,000 on.

    >>> value_text(0.55254), value_text(620.0), value_text(12345.6), value_text(-0.5)
    ('0.5525', '620', '12,346', '-0.5')
    """
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return format_number(value, decimals)


@dataclass(frozen=True)
class Hierarchy:
    """What the diagram (and the ranking chart) shows, whatever the kind of result.

    ``alternatives`` are the best :data:`TOP` (at most), best first, with their ``scores``
    and ``ranks``; ``local`` holds, per criterion, the line width share of each of them
    (0 to 1), and ``cells`` the text of the table (per alternative, per criterion) with
    ``best`` marking the best value of each column. A single AHP matrix has no criteria: its
    elements are the alternatives.
    """

    goal: str
    about: list[str]
    """Lines under the goal: the method and its variants."""
    criteria: list[str]
    columns: list[str]
    """The short heading of each criterion's column in the table."""
    criterion_lines: list[list[str]]
    """Per criterion, the lines under its name: weight, direction, CR."""
    weights: list[float]
    alternatives: list[str]
    scores: list[float]
    ranks: list[int]
    total: int
    """How many alternatives there are (those drawn are the best of them)."""
    score_name: str
    """'score', 'Q' (VIKOR: lower is better) or 'priority' (AHP), in the reader's language."""
    meaning: str
    """What the score means, for the key."""
    local: FloatArray
    local_meaning: str
    cells: list[list[str]]
    best: list[list[bool]]
    extra: dict[str, list[float]] = field(default_factory=dict)
    """More numbers per alternative drawn (VIKOR's S and R)."""
    notes: list[str] = field(default_factory=list)
    noun: str = "alternative"
    """What the bottom level holds: 'alternative', or 'element' (a single matrix), in the
    reader's language."""
    priorities: bool = False
    """AHP: the numbers under the criteria are local priorities (an index: the values)."""

    @property
    def winners(self) -> list[int]:
        """Positions of the alternatives ranked first (more than one on a tie)."""
        return [k for k, rank in enumerate(self.ranks) if rank == 1]


def _cr_text(cr: float | None) -> str:
    if cr is None:
        return _("CR not computed")
    if cr > 0.1:
        return _("CR {cr} (above 0.1)").format(cr=format_number(cr))
    return _("CR {cr}").format(cr=format_number(cr))


def _shown_note(shown: int, total: int, elements: bool = False) -> list[str]:
    if shown >= total:
        return []
    message = (
        _("The best {shown} of {total} elements are shown; the JSON result has all.")
        if elements
        else _("The best {shown} of {total} alternatives are shown; the JSON result has all.")
    )
    return [message.format(shown=f"{shown:,}", total=f"{total:,}")]


def _index(result: IndexResult, limit: int) -> Hierarchy:
    matrix, settings = result.matrix, result.settings
    order = result.order[:limit]
    values = matrix.values
    low, high = values.min(axis=0), values.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    shown = values[order]
    standing = np.where(matrix.maximize, shown - low, high - shown) / span  # worst 0, best 1
    standing = np.where(high > low, standing, 1.0)
    best_value = np.where(matrix.maximize, high, low)
    is_best = isclose(shown, best_value)
    if settings.method == "vikor":
        norm = _("vikor's own")
    elif settings.normalization_is_default:
        norm = _("{normalization} (default)").format(
            normalization=normalization_name(settings.normalization)
        )
    else:
        norm = normalization_name(settings.normalization)
    about = [
        _("{method} · normalization {normalization} · weighting {weighting}").format(
            method=method_name(settings.method),
            normalization=norm,
            weighting=weighting_name(settings.weighting),
        )
    ]
    if result.ahp is not None:
        about.append(
            _("AHP weights ({method}): {cr}").format(
                method=ahp_method_name(settings.ahp_method),
                cr=_cr_text(result.ahp.consistency_ratio),
            )
        )
    lines = []
    for weight, up in zip(result.weights.tolist(), matrix.maximize.tolist(), strict=True):
        lines.append(
            [_("weight {weight}").format(weight=format_number(weight))]
            + ([] if up else [_("min: lower is better")])
        )
    notes = _shown_note(len(order), len(matrix.alternatives))
    extra: dict[str, list[float]] = {}
    if result.s is not None and result.r is not None:
        extra = {"S": result.s[order].tolist(), "R": result.r[order].tolist()}
        about[0] += f" · v {format_number(settings.vikor_v)}"
    if result.compromise is not None:
        chosen = listed(matrix.alternatives[i] for i in result.compromise.alternatives)
        notes.append(_("Compromise solution: {alternatives}").format(alternatives=chosen))
    return Hierarchy(
        goal=matrix.goal or _("Weighted index"),
        about=about,
        criteria=list(matrix.criterion_names),
        columns=list(matrix.criteria),
        criterion_lines=lines,
        weights=result.weights.tolist(),
        alternatives=[matrix.alternatives[i] for i in order.tolist()],
        scores=result.scores[order].tolist(),
        ranks=result.ranks[order].tolist(),
        total=len(matrix.alternatives),
        score_name="Q" if settings.method == "vikor" else pgettext("score", "score"),
        meaning=_(_MEANING[settings.method]),
        local=np.ascontiguousarray(standing.T),
        local_meaning=_(
            "its standing on the criterion (its value min-max scaled: worst 0, best 1)"
        ),
        cells=[[value_text(v) for v in row] for row in shown.tolist()],
        best=is_best.tolist(),
        extra=extra,
        notes=notes,
        noun=pgettext("noun", "alternative"),
    )


def _ahp(result: AhpResult, limit: int) -> Hierarchy:
    j, top = result.judgements, result.criteria
    about = [
        _("AHP {method} · random index {table}").format(
            method=ahp_method_name(j.method), table=j.random_index
        )
    ]
    completed = sum(len(m.completed) for m in (top, *result.by_criterion))
    done = ngettext(
        " · {count} missing judgement completed",
        " · {count} missing judgements completed",
        completed,
    ).format(count=completed)
    if not j.is_hierarchy:  # the goal over the elements of one matrix
        order, ranks = rank(top.priorities)
        order = order[:limit]
        about.append(_cr_text(top.consistency_ratio) + (done if completed else ""))
        return Hierarchy(
            goal=j.goal or _("Priorities"),
            about=about,
            criteria=[],
            columns=[],
            criterion_lines=[],
            weights=[],
            alternatives=[top.elements[i] for i in order.tolist()],
            scores=top.priorities[order].tolist(),
            ranks=ranks[order].tolist(),
            total=len(top.elements),
            score_name=pgettext("score", "priority"),
            meaning=_("the element's weight from the matrix (they sum to 1); higher is better"),
            local=np.zeros((0, len(order))),
            local_meaning="",
            cells=[[] for _position in order.tolist()],
            best=[[] for _position in order.tolist()],
            notes=_shown_note(len(order), len(top.elements), elements=True),
            noun=pgettext("noun", "element"),
            priorities=True,
        )
    assert j.alternatives is not None
    assert result.overall is not None
    assert result.order is not None
    assert result.ranks is not None
    order = result.order[:limit]
    local = np.array([m.priorities[order] for m in result.by_criterion])
    biggest = max((float(m.priorities.max()) for m in result.by_criterion), default=1.0)
    tops = [float(m.priorities.max()) for m in result.by_criterion]
    about.append(
        _("criteria {cr}").format(cr=_cr_text(top.consistency_ratio)) + (done if completed else "")
    )
    return Hierarchy(
        goal=j.goal or "AHP",
        about=about,
        criteria=list(top.elements),
        columns=list(top.elements),
        criterion_lines=[
            [_("weight {weight}").format(weight=format_number(w)), _cr_text(m.consistency_ratio)]
            for w, m in zip(top.priorities.tolist(), result.by_criterion, strict=True)
        ],
        weights=top.priorities.tolist(),
        alternatives=[j.alternatives[i] for i in order.tolist()],
        scores=result.overall[order].tolist(),
        ranks=result.ranks[order].tolist(),
        total=len(j.alternatives),
        score_name=pgettext("score", "priority"),
        meaning=_(
            "overall priority (the sum of the criterion weight times the local priority); "
            "higher is better"
        ),
        local=local / biggest if biggest > 0 else local,
        local_meaning=_("its local priority under the criterion"),
        cells=[[score_text(v) for v in row] for row in local.T.tolist()],
        best=[[close(v, t) for v, t in zip(row, tops, strict=True)] for row in local.T.tolist()],
        notes=_shown_note(len(order), len(j.alternatives)),
        noun=pgettext("noun", "alternative"),
        priorities=True,
    )


def hierarchy(result: Result, limit: int = TOP) -> Hierarchy:
    """What the diagram shows of ``result``: the best ``limit`` alternatives (at most)."""
    if isinstance(result, IndexResult):
        return _index(result, limit)
    return _ahp(result, limit)
