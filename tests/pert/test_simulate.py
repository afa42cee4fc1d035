"""Monte Carlo schedule risk (issue 3): properties and determinism."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools.dist import beta_pert_shape, sample_three_point
from mgmt_tools.errors import InputError
from mgmt_tools.pert import from_dict, schedule, simulate

from ..strategies import plans


def _task(name: str, a: float, m: float, b: float, *depends_on: str) -> dict[str, object]:
    """A task with the three-point estimate ``a``, ``m``, ``b`` after ``depends_on``."""
    task: dict[str, object] = {"id": name, "optimistic": a, "most_likely": m, "pessimistic": b}
    return {**task, "depends_on": list(depends_on)} if depends_on else task


def _fixed(data: dict[str, object]) -> dict[str, object]:
    """The plan with every three-point estimate replaced by its expected duration."""
    tasks = []
    for task in data["tasks"]:  # type: ignore[attr-defined]
        task = dict(task)
        if "optimistic" in task:
            a, m, b = task.pop("optimistic"), task.pop("most_likely"), task.pop("pessimistic")
            task["duration"] = (a + 4 * m + b) / 6
        tasks.append(task)
    return {**data, "tasks": tasks}


@settings(max_examples=40, deadline=None)
@given(plans())
def test_fixed_durations_simulate_to_the_cpm_numbers_exactly(data: dict[str, object]) -> None:
    plan = from_dict(_fixed(data))
    cpm = schedule(plan)
    run = simulate(plan, 7, seed=0)
    assert np.all(run.finish == cpm.duration)
    assert run.criticality.tolist() == cpm.critical.astype(float).tolist()


@settings(max_examples=30, deadline=None)
@given(plans(), st.integers(min_value=0, max_value=2**32))
def test_quantiles_are_monotone_and_runs_repeat(data: dict[str, object], seed: int) -> None:
    plan = from_dict(data)
    first = simulate(plan, 300, seed=seed)
    values = list(first.quantiles.values())
    assert values == sorted(values)
    again = simulate(plan, 300, seed=seed)
    assert np.array_equal(first.finish, again.finish)
    assert np.array_equal(first.criticality, again.criticality)
    assert float(first.finish.min()) >= 0


def test_a_task_on_every_path_is_always_critical() -> None:
    tasks = [_task("S", 1, 2, 4), _task("A", 1, 3, 9, "S"), _task("B", 2, 3, 5, "S")]
    plan = from_dict({"tasks": [*tasks, _task("F", 1, 1, 2, "A", "B")]})
    run = simulate(plan, 5000, seed=11)
    crit = dict(zip(plan.ids, run.criticality.tolist(), strict=True))
    assert crit["S"] == 1.0
    assert crit["F"] == 1.0
    assert 0 < crit["A"] < 1
    assert crit["A"] + crit["B"] == pytest.approx(1.0, abs=1e-9)  # ties have probability 0


def test_mean_of_a_long_chain_approaches_the_sum_of_expected_times() -> None:
    tasks = [_task(f"T{i}", 1, 2, 9, *([f"T{i - 1}"] if i else [])) for i in range(200)]
    plan = from_dict({"tasks": tasks})
    run = simulate(plan, 4000, seed=5)
    expected = 200 * (1 + 8 + 9) / 6
    # beta-PERT's mean is te; the sd of the chain's mean over 4000 trials is about 0.4
    assert run.mean == pytest.approx(expected, abs=2.0)
    assert schedule(plan).duration == pytest.approx(expected)


def test_seed_and_chunking_do_not_change_numbers_but_seed_does() -> None:
    plan = from_dict({"tasks": [_task("A", 1, 2, 6), _task("B", 1, 4, 6, "A")]})
    base = simulate(plan, 1000, seed=42)
    assert np.array_equal(simulate(plan, 1000, seed=42).finish, base.finish)
    assert not np.array_equal(simulate(plan, 1000, seed=43).finish, base.finish)
    fresh = simulate(plan, 10)
    assert np.array_equal(simulate(plan, 10, seed=fresh.seed).finish, fresh.finish)


def test_probability_counts_trials_by_the_deadline() -> None:
    plan = from_dict({"tasks": [_task("A", 0, 5, 10)]})
    run = simulate(plan, 20000, seed=1, deadline=5.0, distribution="triangular")
    assert run.probability == pytest.approx(0.5, abs=0.02)  # symmetric triangle
    assert run.probability == float(np.mean(run.finish <= 5.0))


def test_bad_arguments() -> None:
    plan = from_dict({"tasks": [{"id": "A", "duration": 1}]})
    with pytest.raises(InputError, match="at least 1"):
        simulate(plan, 0)
    with pytest.raises(InputError, match="unknown distribution"):
        simulate(plan, 10, distribution="normal")


def test_beta_pert_moments() -> None:
    rng = np.random.default_rng(3)
    a, m, b = np.array([2.0]), np.array([4.0]), np.array([9.0])
    x = sample_three_point(rng, a, m, b, 200_000)[0]
    alpha, beta = beta_pert_shape(a, m, b)
    assert float(alpha[0]) == pytest.approx(1 + 4 * 2 / 7)
    assert x.mean() == pytest.approx(4.5, abs=0.01)  # te
    # Beta variance alpha beta / ((alpha+beta)^2 (alpha+beta+1)) scaled by (b-a)^2:
    var = float(alpha[0] * beta[0] / (36 * 7) * 49)
    assert x.var() == pytest.approx(var, rel=0.02)
    assert var != pytest.approx((7 / 6) ** 2, rel=0.02)  # not the PERT (b-a)/6 variance


def test_triangular_quantiles() -> None:
    rng = np.random.default_rng(4)
    x = sample_three_point(
        rng, np.array([0.0]), np.array([2.0]), np.array([10.0]), 200_000, "triangular"
    )[0]
    assert float(np.mean(x <= 2.0)) == pytest.approx(0.2, abs=0.005)  # F(mode) = 2/10
    assert x.mean() == pytest.approx(4.0, abs=0.02)  # (a + m + b) / 3
