"""Time the Monte Carlo schedule simulation against a per-trial loop run in the same process.

    python benchmarks/bench_simulate.py [--quick] [--repeat N]

The baseline is the obvious implementation: for each trial, sample every three-point
duration, then run a forward and backward CPM pass in plain Python over lists, counting the
tasks with zero total float. Both sides simulate the same plan (a layered network, 70 % of the
tasks with three estimates, all four link types with lags); the baseline is timed on a slice of
the trials and scaled to the full count (it is linear in the trials), and the two are checked to
agree on the mean finish and the criticality of every task within Monte Carlo error.

Targets (issue 3): 10,000 trials x 1,000 tasks with criticality under 1.5 s and at least 5x
faster than the loop; 1,000 trials x 100,000 tasks under 15 s with peak extra memory under
512 MiB, whatever the number of trials (trials go in chunks of bounded memory).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Row, Timing, arguments, peak_mib, print_table, timed
from benchmarks._pert_networks import layered, plan_of
from mgmt_tools._arrays import FloatArray
from mgmt_tools.pert import Plan, simulate
from mgmt_tools.pert.passes import link_offsets


def with_estimates(plan: Plan, share: float = 0.7, seed: int = 7) -> Plan:
    """``plan`` with three-point estimates around the durations of ``share`` of its tasks."""
    import dataclasses

    rng = np.random.default_rng(seed)
    count = plan.task_count
    chosen = rng.random(count) < share
    likely = plan.duration
    optimistic = np.where(chosen, np.maximum(likely - rng.integers(0, 3, count), 0), np.nan)
    pessimistic = np.where(chosen, likely + rng.integers(1, 8, count), np.nan)
    most_likely = np.where(chosen, likely, np.nan)
    expected = np.where(chosen, (optimistic + 4 * most_likely + pessimistic) / 6, likely)
    return dataclasses.replace(
        plan,
        duration=expected,
        optimistic=optimistic,
        most_likely=most_likely,
        pessimistic=pessimistic,
        milestone=expected == 0,
    )


def per_trial_loop(plan: Plan, trials: int, seed: int) -> tuple[FloatArray, FloatArray]:
    """The baseline: sample, then a plain-Python CPM pass, one trial at a time."""
    rng = np.random.default_rng(seed)
    count = plan.task_count
    pred, succ, kind = plan.link_pred, plan.link_succ, plan.link_type
    order = np.argsort(succ, kind="stable")
    into: list[list[int]] = [[] for _ in range(count)]
    out: list[list[int]] = [[] for _ in range(count)]
    for link in order.tolist():
        into[int(succ[link])].append(link)
        out[int(pred[link])].append(link)
    random = np.flatnonzero(~np.isnan(plan.optimistic))
    a, m, b = plan.optimistic[random], plan.most_likely[random], plan.pessimistic[random]
    width = np.where(b > a, b - a, 1.0)
    alpha = np.where(b > a, 1 + 4 * (m - a) / width, 3.0)
    finish = np.empty(trials)
    critical = np.zeros(count)
    pred_l, succ_l = pred.tolist(), succ.tolist()
    for trial in range(trials):
        duration = plan.duration.copy()
        duration[random] = a + (b - a) * rng.beta(alpha, 6.0 - alpha)
        offset = link_offsets(duration, pred, succ, kind, plan.link_lag).tolist()
        d = duration.tolist()
        es = [0.0] * count
        for task in range(count):  # tasks are numbered topologically
            best = 0.0
            for link in into[task]:
                bound = es[pred_l[link]] + offset[link]
                if bound > best:
                    best = bound
            es[task] = best
        total = max(e + dur for e, dur in zip(es, d, strict=True))
        ls = [total - dur for dur in d]
        for task in range(count - 1, -1, -1):
            best = ls[task]
            for link in out[task]:
                bound = ls[succ_l[link]] - offset[link]
                if bound < best:
                    best = bound
            ls[task] = best
        finish[trial] = total
        for task in range(count):
            if abs(ls[task] - es[task]) <= 1e-9 * max(1.0, abs(ls[task]), abs(es[task])):
                critical[task] += 1
    return finish, critical / trials


def case(
    name: str,
    levels: int,
    width: int,
    trials: int,
    repeat: int,
    *,
    loop_trials: int,
    target_s: float,
    ratio_min: float | None,
    memory_mib: float | None,
) -> Row:
    plan = with_estimates(plan_of(layered(levels, width)))
    print(f"{name}: mgmt x{repeat}", flush=True)
    timing, run = timed(lambda: simulate(plan, trials, seed=1), repeat)
    print(f"{name}: per-trial loop on {loop_trials} trials", flush=True)
    loop_timing, (loop_finish, loop_critical) = timed(
        lambda: per_trial_loop(plan, loop_trials, seed=1), 1 if loop_trials > 200 else 3
    )
    scaled = Timing([seconds * trials / loop_trials for seconds in loop_timing.runs])
    # agreement within Monte Carlo error: means within 5 standard errors, criticality within
    # 5 binomial standard errors of the smaller sample
    error = 5 * math.sqrt(run.sd**2 / trials + float(np.var(loop_finish)) / loop_trials)
    assert abs(run.mean - float(loop_finish.mean())) <= error + 1e-9, (run.mean, error)
    if loop_trials >= 100:  # a slice of a few trials says little about criticality
        spread = 5 * np.sqrt(np.maximum(loop_critical * (1 - loop_critical), 0.01) / loop_trials)
        assert np.all(np.abs(run.criticality - loop_critical) <= spread + 1e-9)
    peak = peak_mib(lambda: simulate(plan, trials, seed=1)) if memory_mib else None
    passed = timing.median < target_s
    target = f"<{target_s:g}s"
    if ratio_min is not None:
        passed = passed and scaled.median / timing.median >= ratio_min
        target += f" >={ratio_min:g}x"
    if memory_mib is not None and peak is not None:
        passed = passed and peak < memory_mib
        target += f" <{memory_mib:g}MiB"
    size = f"{trials:,} x {plan.task_count:,}"
    return Row(
        name,
        size,
        "levels",
        timing,
        scaled,
        target,
        passed,
        f"{peak:.0f}" if peak is not None else "-",
    )


def main() -> None:
    options = arguments(__doc__, "sizes about 10x smaller").parse_args()
    scale = 10 if options.quick else 1
    rows = [
        case(
            "simulate, criticality",
            20,
            50,
            10_000 // scale,
            options.repeat,
            loop_trials=200 // scale,
            target_s=1.5,
            ratio_min=5.0,
            memory_mib=None,
        ),
        case(
            "simulate, big plan",
            100,
            1000 // scale,
            1000,
            max(1, options.repeat // 2),
            loop_trials=2,
            target_s=15.0,
            ratio_min=None,
            memory_mib=512.0,
        ),
    ]
    print(
        f"simulation benchmark: medians of {options.repeat} runs (the loop scaled from a "
        "slice of the trials), 2 CPUs"
    )
    print_table(rows, "per-trial loop")


if __name__ == "__main__":
    main()
