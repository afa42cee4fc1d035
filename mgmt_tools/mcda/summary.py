"""Readable text summaries of index and AHP results: every variant and default is stated."""

from __future__ import annotations

from mgmt_tools.locale import N_, _, listed, pgettext
from mgmt_tools.mcda.ahp import MatrixAnalysis
from mgmt_tools.mcda.names import ahp_method_name, labelled, method_name, normalization_name
from mgmt_tools.mcda.result import SCORE_MEANING, AhpResult, IndexResult
from mgmt_tools.render import display_width, pad
from mgmt_tools.render.escape import terminal

__all__ = ["summary_text"]

SHOWN = 20

_WEIGHTING = {
    "given": N_("given (the criteria's weights, normalised to sum to 1)"),
    "equal": N_("equal"),
    "ahp": N_("ahp (priorities of the criteria's comparisons)"),
    "entropy": N_("entropy (of each column's shares x/sum(x))"),
    "critic": N_("critic (sd of min-max scaled columns times their conflict)"),
    "roc": N_("roc (rank order centroid by the order of the criteria)"),
}


def _number(value: float) -> str:
    return f"{value:,.6g}" if abs(value) >= 1e4 else f"{value:.6g}"


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


def _named(name: str, value: float) -> str:
    """A name and its weight or priority: ``Coaching: 0.3570``."""
    return pgettext("named value", "{name}: {value}").format(name=name, value=f"{value:.4f}")


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def summary_text(result: IndexResult | AhpResult, *, warnings: bool = True) -> str:
    """A readable summary of an index or AHP result."""
    lines = _index(result) if isinstance(result, IndexResult) else _ahp(result)
    if warnings and result.warnings:
        lines += ["", *(_("warning: {warning}").format(warning=w) for w in result.warnings)]
    return terminal("\n".join(lines))


def _index(result: IndexResult) -> list[str]:
    matrix, settings = result.matrix, result.settings
    m = len(matrix.alternatives)
    norm = settings.normalization
    if settings.method == "vikor":
        norm_text = _("vikor's own (f* - f)/(f* - f-)")
    elif settings.normalization_is_default:
        norm_text = _("{normalization} (the default for {method})").format(
            normalization=labelled(normalization_name, norm),
            method=method_name(settings.method),
        )
    else:
        norm_text = labelled(normalization_name, norm)
    lines = [
        _("{goal} ({alternatives} alternatives, {criteria} criteria)").format(
            goal=matrix.goal or _("Weighted index"),
            alternatives=f"{m:,}",
            criteria=len(matrix.criteria),
        ),
        _("Method: {method} (score: {meaning})").format(
            method=labelled(method_name, settings.method),
            meaning=_(SCORE_MEANING[settings.method]),
        ),
        _("Normalization: {normalization}").format(normalization=norm_text),
        _("Weighting: {weighting}").format(weighting=_(_WEIGHTING[settings.weighting])),
    ]
    if settings.method == "vikor":
        lines.append(
            _("VIKOR v: {v} (weight of group utility S against regret R)").format(
                v=f"{settings.vikor_v:g}"
            )
        )
    if result.ahp is not None:
        cr = result.ahp.consistency_ratio
        cr_text = _("not computed") if cr is None else f"{cr:.4f}"
        lines.append(
            _("AHP weights: {method}, consistency ratio {cr} (random index {table})").format(
                method=labelled(ahp_method_name, settings.ahp_method),
                cr=cr_text,
                table=settings.random_index,
            )
        )
    lines += ["", _("Criteria (direction, weight):")]
    width = max(display_width(c) for c in matrix.criteria)
    directions = [pgettext("direction", "min"), pgettext("direction", "max")]
    direction_width = max(display_width(d) for d in directions)
    for cid, name, up, w in zip(
        matrix.criteria,
        matrix.criterion_names,
        matrix.maximize.tolist(),
        result.weights.tolist(),
        strict=True,
    ):
        label = pgettext("criterion name", " ({name})").format(name=name) if name != cid else ""
        direction = pad(directions[int(up)], direction_width)
        lines.append(f"  {pad(cid, width)}  {direction}  {w:.4f}{label}")
    lines += ["", _("Ranking:")]
    rows = result.ranking_rows(SHOWN)
    width = max(display_width(str(row["alternative"])) for row in rows) if rows else 0
    score_label = pgettext("score", "score")
    for row in rows:
        extra = f"  S {row['S']:.4f}  R {row['R']:.4f}" if "S" in row else ""
        label = "Q" if "S" in row else score_label
        name = pad(str(row["alternative"]), width)
        lines.append(f"  {row['rank']:>3}  {name}  {label} {row['score']:.4f}{extra}")
    if m > SHOWN:
        lines.append(_("  ... and {count} more alternatives").format(count=f"{m - SHOWN:,}"))
    if result.compromise is not None:
        c = result.compromise
        chosen = listed(matrix.alternatives[i] for i in c.alternatives)
        lines += ["", _("Compromise solution: {alternatives}").format(alternatives=chosen)]
        if c.advantage is not None and c.threshold is not None:
            lines.append(
                _(
                    "  acceptable advantage: {answer} (Q(a2) - Q(a1) = {advantage}, "
                    "needs >= 1/(m-1) = {threshold})"
                ).format(
                    answer=_yes(c.acceptable_advantage),
                    advantage=f"{c.advantage:.4f}",
                    threshold=f"{c.threshold:.4f}",
                )
            )
            lines.append(
                _("  acceptable stability: {answer} (the best by Q is also best by S or R)").format(
                    answer=_yes(c.acceptable_stability)
                )
            )
    if result.sensitivity is not None:
        lines += _sensitivity(result)
    return lines


def _sensitivity(result: IndexResult) -> list[str]:
    study = result.sensitivity
    assert study is not None
    lines = [
        "",
        _(
            "Sensitivity of the winner {winner} (one weight changed, the others keep "
            "their proportions):"
        ).format(winner=study.winner),
    ]
    for c in study.criteria:
        if c.increase is None:
            raised = _("raised to 1: still first")
        else:
            raised = _("raised to {weight}: {winner} takes over").format(
                weight=f"{c.increase.weight:.4f}", winner=c.increase.winner
            )
        if c.decrease is None:
            lowered = _("lowered to 0: still first")
        else:
            lowered = _("lowered to {weight}: {winner} takes over").format(
                weight=f"{c.decrease.weight:.4f}", winner=c.decrease.winner
            )
        lines.append(
            _("  {criterion} ({weight}): {raised}; {lowered}").format(
                criterion=c.criterion, weight=f"{c.weight:.4f}", raised=raised, lowered=lowered
            )
        )
    a = study.acceptability
    lines += [
        "",
        _(
            "Rank acceptability ({draws} Dirichlet weight draws around the weights, "
            "concentration {concentration}, seed {seed}):"
        ).format(draws=f"{a.draws:,}", concentration=f"{a.concentration:g}", seed=a.seed),
    ]
    shares = a.shares()
    for index in result.order[:SHOWN].tolist():
        row = shares[index]
        ranks = " ".join(_percent(x) for x in row[: min(5, row.size)].tolist())
        lines.append(
            _("  {alternative}: first in {share} (ranks 1-{last}: {ranks})").format(
                alternative=study.alternatives[index],
                share=_percent(float(row[0])),
                last=min(5, row.size),
                ranks=ranks,
            )
        )
    return lines


def _matrix_lines(analysis: MatrixAnalysis, table: str) -> list[str]:
    cr = analysis.consistency_ratio
    cr_text = _("not computed") if cr is None else f"{cr:.4f}"
    ri = analysis.random_index
    numbers = {
        "lambda_max": f"{analysis.lambda_max:.4f}",
        "ci": f"{analysis.consistency_index:.4f}",
        "cr": cr_text,
        "table": table,
    }
    if ri is None:
        line = _("  lambda_max {lambda_max}, CI {ci}, CR {cr} ({table})").format(**numbers)
    else:
        line = _("  lambda_max {lambda_max}, CI {ci}, CR {cr} ({table}, RI {ri})").format(
            ri=f"{ri:g}", **numbers
        )
    lines = [line]
    for row, col, value in analysis.completed:
        lines.append(
            _("  completed: {row} against {col} = {value}").format(
                row=row, col=col, value=f"{value:.4g}"
            )
        )
    return lines


def _ahp(result: AhpResult) -> list[str]:
    j = result.judgements
    lines = [
        j.goal or "AHP",
        _(
            "Method: {method} (priorities); lambda_max, CI and CR from the principal eigenvalue"
        ).format(method=labelled(ahp_method_name, j.method)),
        _("Random index: {table}").format(table=j.random_index),
        "",
    ]
    c = result.criteria
    if not j.is_hierarchy:
        lines.append(_("Priorities:"))
        for name, w in c.weights().items():
            lines.append("  " + _named(name, w))
        return lines + _matrix_lines(c, j.random_index)
    lines.append(_("Criteria weights:"))
    for name, w in c.weights().items():
        lines.append("  " + _named(name, w))
    lines += _matrix_lines(c, j.random_index)
    for analysis in result.by_criterion:
        lines += ["", _("Under {criterion} (local weights):").format(criterion=analysis.name)]
        lines += ["  " + _named(name, w) for name, w in analysis.weights().items()]
        lines += _matrix_lines(analysis, j.random_index)
    assert result.overall is not None
    assert result.order is not None
    assert result.ranks is not None
    assert j.alternatives is not None
    lines += ["", _("Overall priorities:")]
    for i in result.order.tolist():
        named = _named(j.alternatives[i], float(result.overall[i]))
        lines.append(f"  {int(result.ranks[i]):>3}  {named}")
    return lines
