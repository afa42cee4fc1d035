"""Time the weighted-index and AHP engines at scale against the textbook numpy formulas.

    python benchmarks/bench_index.py [--quick] [--repeat N]

A random decision matrix of 1,000,000 alternatives x 20 criteria (``--quick``: 100,000), drawn
from a fixed seed, a third of the criteria costs, and a random 100 x 100 reciprocal matrix on
Saaty's scale. Cases:

``weighted_sum``  ``evaluate(matrix)`` with min-max normalisation: weights, the fitted
                  normalisation, scores and the ranking with shared ranks; against the
                  textbook formulas (a normalised copy of the matrix, its product with the
                  weights, an argsort). Targets: under 0.3 s and 64 MiB of extra memory.
``topsis``        ``evaluate(matrix, method="topsis")`` with vector normalisation, in row
                  blocks; against the textbook formulas (normalised and weighted copies, the
                  squared differences to the ideal and anti-ideal as full matrices). Targets:
                  under 0.5 s and 64 MiB.
``weighted_product``, ``vikor``  the same matrix, no target (for the record).
``ahp 100``       priorities (power iteration to 1e-12) and CR of a 100 x 100 matrix; against
                  ``numpy.linalg.eig``. Target: under 1 ms.

Every case checks that mgmt and the baseline agree: the same scores (1e-9 relative) and the
same best alternative; the same priorities (1e-10) and lambda_max. Times are medians of
``--repeat`` runs; peak memory above the start (tracemalloc) is measured in one more, untimed
run and includes the result's own arrays (scores, order, ranks: 24 MB at a million).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Row, arguments, peak_mib, print_table, timed
from mgmt_tools._arrays import FloatArray
from mgmt_tools.mcda import DecisionMatrix, consistency_ratio, evaluate, priorities

SEED = 20270601


def draw_matrix(rows: int, criteria: int = 20, seed: int = SEED) -> DecisionMatrix:
    """Values in [1, 100), every third criterion a cost, weights drawn and normalised."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(1.0, 100.0, (rows, criteria))
    maximize = np.arange(criteria) % 3 != 0
    weights = rng.uniform(0.5, 1.5, criteria)
    ids = tuple(f"c{j}" for j in range(criteria))
    names = [f"a{i}" for i in range(rows)]
    return DecisionMatrix(ids, ids, maximize, names, values, given_weights=weights / weights.sum())


def draw_reciprocal(n: int = 100, seed: int = SEED) -> FloatArray:
    rng = np.random.default_rng(seed)
    scale = np.array([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1.0, 3.0, 5.0, 7.0, 9.0])
    a = np.ones((n, n))
    upper = np.triu_indices(n, 1)
    a[upper] = rng.choice(scale, upper[0].size)
    a.T[upper] = 1.0 / a[upper]
    return a


def textbook_weighted_sum(matrix: DecisionMatrix) -> tuple[FloatArray, Any]:
    x, w = matrix.values, matrix.given_weights
    assert w is not None
    lo, hi = x.min(axis=0), x.max(axis=0)
    n = np.where(matrix.maximize, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    scores = n @ w
    return scores, np.argsort(-scores, kind="stable")


def textbook_topsis(matrix: DecisionMatrix) -> tuple[FloatArray, Any]:
    x, w = matrix.values, matrix.given_weights
    assert w is not None
    r = x / np.sqrt((x**2).sum(axis=0))
    v = r * w
    ideal = np.where(matrix.maximize, v.max(axis=0), v.min(axis=0))
    anti = np.where(matrix.maximize, v.min(axis=0), v.max(axis=0))
    to_ideal = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    to_anti = np.sqrt(((v - anti) ** 2).sum(axis=1))
    scores = to_anti / (to_ideal + to_anti)
    return scores, np.argsort(-scores, kind="stable")


def textbook_ahp(a: FloatArray) -> tuple[FloatArray, float]:
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


def mgmt_ahp(a: FloatArray) -> tuple[FloatArray, float, float | None]:
    w, lam = priorities(a)
    return w, lam, consistency_ratio(lam, a.shape[0], "donegan_dodd")


def check_scores(case: str, ours: FloatArray, winner: int, theirs: FloatArray) -> None:
    """Raise AssertionError when the scores or the best alternative differ."""
    scale = np.maximum(1.0, np.abs(theirs))
    worst = float(np.max(np.abs(ours - theirs) / scale))
    if worst > 1e-9:
        raise AssertionError(f"{case}: scores differ by up to {worst:.3g} (relative)")
    best = float(theirs.max())
    if theirs[winner] < best - 1e-9 * max(1.0, abs(best)):
        raise AssertionError(f"{case}: the best alternative differs")


def index_case(
    case: str,
    matrix: DecisionMatrix,
    baseline: Callable[[DecisionMatrix], tuple[FloatArray, Any]] | None,
    repeat: int,
    seconds: float | None,
    label: str,
    notes: list[str],
) -> Row:
    method = case
    mgmt_time, result = timed(lambda: evaluate(matrix, method=method), repeat)
    base_time = None
    passed = True
    if baseline is not None:
        base_time, (scores, _) = timed(lambda: baseline(matrix), min(repeat, 3))
        check_scores(case, result.scores, int(result.order[0]), scores)
        base_peak = peak_mib(lambda: baseline(matrix))
        notes.append(f"{case}: textbook formulas peak at {base_peak:.0f} MiB extra")
    peak = peak_mib(lambda: evaluate(matrix, method=method))
    target = "-"
    if seconds is not None:
        passed = mgmt_time.median < seconds and peak < 64
        target = f"<{seconds:g} s, <64 MiB"
    engine = "blocks" if case in ("topsis", "weighted_product", "vikor") else "matvec"
    return Row(case, label, engine, mgmt_time, base_time, target, passed, f"{peak:.0f}")


def ahp_case(repeat: int, notes: list[str]) -> Row:
    a = draw_reciprocal()
    runs = max(repeat, 5) * 20
    mgmt_time, (w, lam, cr) = timed(lambda: mgmt_ahp(a), runs)
    eig_time, (w_eig, lam_eig) = timed(lambda: textbook_ahp(a), runs)
    if not np.allclose(w, w_eig, atol=1e-10) or abs(lam - lam_eig) > 1e-9 * lam_eig:
        raise AssertionError("ahp: priorities or lambda_max differ from numpy.linalg.eig")
    if cr is None:
        raise AssertionError("ahp: no CR for n = 100 (donegan_dodd lists it)")
    passed = mgmt_time.median < 1e-3
    notes.append(
        f"ahp 100: priorities and CR {mgmt_time.median * 1e6:.0f} us (median of {runs}); "
        f"numpy.linalg.eig {eig_time.median * 1e6:.0f} us; CR {cr:.3f} (donegan_dodd)"
    )
    return Row("ahp 100", "100x100", "power", mgmt_time, eig_time, "<1 ms", passed, "-")


def main(argv: list[str] | None = None) -> int:
    options = arguments(__doc__, "a matrix 10x smaller").parse_args(argv)
    rows_count = 100_000 if options.quick else 1_000_000
    label = f"{rows_count // 1000}k x 20"
    print(f"drawing a {rows_count:,} x 20 decision matrix (seed {SEED}) ...", flush=True)
    matrix = draw_matrix(rows_count)
    notes: list[str] = []
    repeat = options.repeat
    rows = [
        index_case("weighted_sum", matrix, textbook_weighted_sum, repeat, 0.3, label, notes),
        index_case("topsis", matrix, textbook_topsis, repeat, 0.5, label, notes),
        index_case("weighted_product", matrix, None, repeat, None, label, notes),
        index_case("vikor", matrix, None, repeat, None, label, notes),
        ahp_case(repeat, notes),
    ]
    print_table(rows, "textbook")
    for note in notes:
        print(note)
    print("scores and winners agree with the textbook formulas; AHP agrees with numpy.linalg.eig")
    if options.quick:
        return 0  # targets are for the full size
    return 0 if all(row.passed for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
