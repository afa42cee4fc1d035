"""The pert benchmark's correctness checks at toy sizes (no timing is asserted here)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from benchmarks import _pert_networkx as baseline
from benchmarks import bench_pert
from benchmarks._common import Timing
from benchmarks._pert_networks import Network, chain, layered, shuffled, write_csv, write_json
from mgmt_tools.pert import load, schedule


@pytest.mark.parametrize(
    "network",
    [
        layered(20, 30, seed=1),
        shuffled(layered(20, 30, seed=2))[0],
        chain(500, seed=3),
        shuffled(chain(500, seed=4))[0],
    ],
    ids=["layered", "layered-shuffled", "chain", "chain-shuffled"],
)
def test_mgmt_and_networkx_agree(network: Network) -> None:
    case = bench_pert.schedule_case("toy", network, bench_pert.Target(60.0, 0.0))
    row = bench_pert.run_case(case, repeat=1)  # raises if the answers differ
    assert row.engine in ("levels", "loop", "levels+loop")


def test_a_wrong_answer_is_caught() -> None:
    network = layered(10, 20, seed=5)
    answer = baseline.from_arrays(network)
    es, ls, length = answer
    bench_pert.check_agreement("same", answer, (es.copy(), ls.copy(), length))
    wrong = es.copy()
    wrong[7] += 1e-6
    with pytest.raises(AssertionError, match="ES differs at 1 tasks"):
        bench_pert.check_agreement("wrong", (wrong, ls, length), answer)
    with pytest.raises(AssertionError, match="duration"):
        bench_pert.check_agreement("wrong", (es, ls, length + 1), answer)


def test_files_read_back_the_same(tmp_path: Path) -> None:
    fs_only = layered(15, 20, seed=6, typed=False)
    write_csv(fs_only, tmp_path / "plan.csv")
    result = schedule(load(tmp_path / "plan.csv"))
    ids, answer = baseline.from_csv(tmp_path / "plan.csv")
    assert ids == load(tmp_path / "plan.csv").ids
    bench_pert.check_agreement("csv", (result.es, result.ls, result.duration), answer)

    typed = layered(15, 20, seed=7)
    write_json(typed, tmp_path / "plan.json")
    result = schedule(load(tmp_path / "plan.json"))
    answer = baseline.from_json(tmp_path / "plan.json", tmp_path / "out.json")
    bench_pert.check_agreement("json", (result.es, result.ls, result.duration), answer)
    assert np.array_equal(result.es, baseline.from_arrays(typed)[0])


def test_targets() -> None:
    fast = bench_pert.Target(1.0, 25, 256)
    timing = Timing
    assert fast.text() == "<1s >=25x <256MiB"
    assert fast.met(timing([0.5]), timing([20.0]), 100)
    assert not fast.met(timing([0.5]), timing([10.0]), 100)  # only 20x
    assert not fast.met(timing([0.5]), timing([20.0]), 300)  # too much memory
    assert not bench_pert.Target(5.0, 1).met(timing([2.0]), timing([1.0]), 0)  # slower than nx


def test_simulation_and_the_per_trial_loop_agree() -> None:
    from benchmarks import bench_simulate

    row = bench_simulate.case(
        "toy", 6, 8, 400, 1, loop_trials=400, target_s=60.0, ratio_min=None, memory_mib=None
    )  # raises if they disagree
    assert row.size == "400 x 48"
