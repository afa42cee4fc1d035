"""Time scoring and ranking a million-item backlog against a plain-Python baseline.

    python benchmarks/bench_rank.py [--quick] [--repeat N] [--items N]

mgmt: :func:`mgmt_tools.rank.evaluate` on a :class:`~mgmt_tools.rank.Backlog` of arrays (RICE
scores, one stable argsort, shared ranks for ties). Baseline: the obvious Python, a list of
scores by a comprehension, ``sorted`` with a key, and a pass for the shared ranks. Both rank
the same items and are checked to agree.

Target (issue 7): 1,000,000 items scored and ranked under 0.5 s.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Row, arguments, peak_mib, print_table, timed
from mgmt_tools.rank import Backlog, RankResult, evaluate

TARGET_SECONDS = 0.5


def backlog_of(count: int, seed: int = 7) -> Backlog:
    """A RICE backlog of ``count`` items with integer-ish fields (so ties happen)."""
    rng = np.random.default_rng(seed)
    fields = {
        "reach": rng.integers(10, 5000, count).astype(np.float64),
        "impact": rng.choice([0.25, 0.5, 1.0, 2.0, 3.0], count),
        "confidence": rng.choice([0.5, 0.8, 1.0], count),
        "effort": rng.integers(1, 13, count).astype(np.float64),
    }
    return Backlog("rice", [f"item {k}" for k in range(count)], fields=fields)


def baseline(backlog: Backlog) -> list[int]:
    """Ranks in input order, in plain Python (competition ranking, ties share)."""
    f = {key: values.tolist() for key, values in backlog.fields.items()}
    scores = [
        r * i * c / e
        for r, i, c, e in zip(f["reach"], f["impact"], f["confidence"], f["effort"], strict=True)
    ]
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    ranks = [0] * len(scores)
    previous, current = float("nan"), 0
    for position, index in enumerate(order, 1):
        score = scores[index]
        # equal within the relative tolerance of mgmt_tools.rank.ranking, neighbour to neighbour
        if not abs(score - previous) <= 1e-9 * max(abs(score), abs(previous)):
            current = position
        previous = score
        ranks[index] = current
    return ranks


def main() -> None:
    parser = arguments(__doc__, "100,000 items, 3 runs", repeat=7)
    parser.add_argument("--items", type=int, default=1_000_000)
    args = parser.parse_args()
    count = 100_000 if args.quick else args.items
    repeat = 3 if args.quick else args.repeat
    backlog = backlog_of(count)
    mgmt, result = timed(lambda: evaluate(backlog), repeat)
    base, ranks = timed(lambda: baseline(backlog), max(1, repeat // 2))
    assert isinstance(result, RankResult)
    assert result.ranks.tolist() == ranks, "the rankings disagree"
    peak = peak_mib(lambda: evaluate(backlog))
    passed = count < 1_000_000 or mgmt.median < TARGET_SECONDS
    print_table(
        [
            Row(
                case="RICE score + rank",
                size=f"{count:,} items",
                engine="numpy",
                mgmt=mgmt,
                baseline=base,
                target=f"< {TARGET_SECONDS} s at 1M",
                passed=passed,
                peak=f"{peak:.0f} MiB",
            )
        ],
        "sorted(key=...)",
    )
    if not passed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
