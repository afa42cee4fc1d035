"""Readable text summaries of index and AHP results: every variant and default is stated."""

from __future__ import annotations

from mgmt_tools.mcda.ahp import MatrixAnalysis
from mgmt_tools.mcda.result import SCORE_MEANING, AhpResult, IndexResult
from mgmt_tools.render.escape import terminal

__all__ = ["summary_text"]

SHOWN = 20

_WEIGHTING = {
    "given": "given (the criteria's weights, normalised to sum to 1)",
    "equal": "equal",
    "ahp": "ahp (priorities of the criteria's comparisons)",
    "entropy": "entropy (of each column's shares x/sum(x))",
    "critic": "critic (sd of min-max scaled columns times their conflict)",
    "roc": "roc (rank order centroid by the order of the criteria)",
}


def _number(value: float) -> str:
    return f"{value:,.6g}" if abs(value) >= 1e4 else f"{value:.6g}"


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


def summary_text(result: IndexResult | AhpResult, *, warnings: bool = True) -> str:
    """A readable summary of an index or AHP result."""
    lines = _index(result) if isinstance(result, IndexResult) else _ahp(result)
    if warnings and result.warnings:
        lines += ["", *(f"warning: {warning}" for warning in result.warnings)]
    return terminal("\n".join(lines))


def _index(result: IndexResult) -> list[str]:
    matrix, settings = result.matrix, result.settings
    m = len(matrix.alternatives)
    norm = settings.normalization
    if settings.method == "vikor":
        norm_text = "vikor's own (f* - f)/(f* - f-)"
    else:
        norm_text = norm + (
            f" (the default for {settings.method})" if settings.normalization_is_default else ""
        )
    lines = [
        f"{matrix.goal or 'Weighted index'} ({m:,} alternatives, {len(matrix.criteria)} criteria)",
        f"Method: {settings.method} (score: {SCORE_MEANING[settings.method]})",
        f"Normalization: {norm_text}",
        f"Weighting: {_WEIGHTING[settings.weighting]}",
    ]
    if settings.method == "vikor":
        lines.append(f"VIKOR v: {settings.vikor_v:g} (weight of group utility S against regret R)")
    if result.ahp is not None:
        cr = result.ahp.consistency_ratio
        cr_text = "not computed" if cr is None else f"{cr:.4f}"
        lines.append(
            f"AHP weights: {settings.ahp_method}, consistency ratio {cr_text} "
            f"(random index {settings.random_index})"
        )
    lines += ["", "Criteria (direction, weight):"]
    width = max(len(c) for c in matrix.criteria)
    for cid, name, up, w in zip(
        matrix.criteria,
        matrix.criterion_names,
        matrix.maximize.tolist(),
        result.weights.tolist(),
        strict=True,
    ):
        label = f" ({name})" if name != cid else ""
        lines.append(f"  {cid:<{width}}  {'max' if up else 'min'}  {w:.4f}{label}")
    lines += ["", "Ranking:"]
    rows = result.ranking_rows(SHOWN)
    width = max(len(str(row["alternative"])) for row in rows) if rows else 0
    for row in rows:
        extra = f"  S {row['S']:.4f}  R {row['R']:.4f}" if "S" in row else ""
        label = "Q" if "S" in row else "score"
        lines.append(
            f"  {row['rank']:>3}  {row['alternative']:<{width}}  {label} {row['score']:.4f}{extra}"
        )
    if m > SHOWN:
        lines.append(f"  ... and {m - SHOWN:,} more alternatives")
    if result.compromise is not None:
        c = result.compromise
        chosen = ", ".join(matrix.alternatives[i] for i in c.alternatives)
        lines += ["", f"Compromise solution: {chosen}"]
        if c.advantage is not None and c.threshold is not None:
            lines.append(
                f"  acceptable advantage: {'yes' if c.acceptable_advantage else 'no'} "
                f"(Q(a2) - Q(a1) = {c.advantage:.4f}, needs >= 1/(m-1) = {c.threshold:.4f})"
            )
            lines.append(
                f"  acceptable stability: {'yes' if c.acceptable_stability else 'no'} "
                "(the best by Q is also best by S or R)"
            )
    if result.sensitivity is not None:
        lines += _sensitivity(result)
    return lines


def _sensitivity(result: IndexResult) -> list[str]:
    study = result.sensitivity
    assert study is not None
    lines = [
        "",
        f"Sensitivity of the winner {study.winner} (one weight changed, the others keep "
        "their proportions):",
    ]
    for c in study.criteria:
        parts = []
        for word, end, point in (("raised", "1", c.increase), ("lowered", "0", c.decrease)):
            if point is None:
                parts.append(f"{word} to {end}: still first")
            else:
                parts.append(f"{word} to {point.weight:.4f}: {point.winner} takes over")
        lines.append(f"  {c.criterion} ({c.weight:.4f}): {'; '.join(parts)}")
    a = study.acceptability
    lines += [
        "",
        f"Rank acceptability ({a.draws:,} Dirichlet weight draws around the weights, "
        f"concentration {a.concentration:g}, seed {a.seed}):",
    ]
    shares = a.shares()
    for index in result.order[:SHOWN].tolist():
        row = shares[index]
        ranks = " ".join(_percent(x) for x in row[: min(5, row.size)].tolist())
        lines.append(
            f"  {study.alternatives[index]}: first in {_percent(float(row[0]))} "
            f"(ranks 1-{min(5, row.size)}: {ranks})"
        )
    return lines


def _matrix_lines(analysis: MatrixAnalysis, table: str) -> list[str]:
    cr = analysis.consistency_ratio
    cr_text = "not computed" if cr is None else f"{cr:.4f}"
    ri = analysis.random_index
    ri_text = "" if ri is None else f", RI {ri:g}"
    lines = [
        f"  lambda_max {analysis.lambda_max:.4f}, CI {analysis.consistency_index:.4f}, "
        f"CR {cr_text} ({table}{ri_text})"
    ]
    for row, col, value in analysis.completed:
        lines.append(f"  completed: {row} against {col} = {value:.4g}")
    return lines


def _ahp(result: AhpResult) -> list[str]:
    j = result.judgements
    lines = [
        j.goal or "AHP",
        f"Method: {j.method} (priorities); lambda_max, CI and CR from the principal eigenvalue",
        f"Random index: {j.random_index}",
        "",
    ]
    c = result.criteria
    if not j.is_hierarchy:
        lines.append("Priorities:")
        for name, w in c.weights().items():
            lines.append(f"  {name}: {w:.4f}")
        return lines + _matrix_lines(c, j.random_index)
    lines.append("Criteria weights:")
    for name, w in c.weights().items():
        lines.append(f"  {name}: {w:.4f}")
    lines += _matrix_lines(c, j.random_index)
    for analysis in result.by_criterion:
        lines += ["", f"Under {analysis.name} (local weights):"]
        lines += [f"  {name}: {w:.4f}" for name, w in analysis.weights().items()]
        lines += _matrix_lines(analysis, j.random_index)
    assert result.overall is not None
    assert result.order is not None
    assert result.ranks is not None
    assert j.alternatives is not None
    lines += ["", "Overall priorities:"]
    for i in result.order.tolist():
        lines.append(
            f"  {int(result.ranks[i]):>3}  {j.alternatives[i]}: {float(result.overall[i]):.4f}"
        )
    return lines
