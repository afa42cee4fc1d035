"""Time the pert scheduling engine at scale against the obvious networkx implementation.

    python benchmarks/bench_pert.py [--quick] [--repeat N] [--case NAME ...]
    python benchmarks/bench_pert.py --calibrate [--quick]
    python benchmarks/bench_pert.py --profile NAME [--quick]

Cases (``--quick`` makes them about 10x smaller, for a smoke run):

``layered``  ``schedule(plan)``, 1,000 levels of 1,000 tasks listed level by level, each task
             with 2-3 predecessors from earlier levels (mostly the previous one), mixed link
             types with lags, about 2.5M links: under 1 s, at least 25x networkx, peak extra
             memory under 256 MiB.
``chain``    ``schedule(plan)``, one chain of 1,000,000 tasks: under 5 s and faster than
             networkx.
``layered-shuffled``, ``chain-shuffled``: the same networks with the tasks listed in random
             order (the engine must then find the order itself); same targets.
``csv``      ``load(path)`` and ``schedule`` on a 1,000,000-task CSV file (id, name, duration,
             depends_on with ';'-separated predecessor ids): under 10 s.
``json``     ``mgmt pert big.json --json`` on 100,000 tasks, as a subprocess when the ``mgmt``
             command beside this Python works, else in process as ``load`` + ``schedule`` +
             ``json.dumps(result.to_dict())``: under 5 s.

The baseline (``_pert_networkx.py``) runs in the same process on the same input. Each case
checks that mgmt and networkx give the same early and late start for every task and the same
project duration, so a fast but wrong engine fails loudly. Times are medians of ``--repeat``
runs (networkx: at most 3); peak memory is traced (tracemalloc) in one more, untimed run, or for
the CLI the child's peak RSS. ``--calibrate`` times the pass engines of
:mod:`mgmt_tools.pert.passes` on graphs of fixed level width to check their break-evens;
``--profile`` prints where one mgmt run of a case spends its time.
"""

from __future__ import annotations

import cProfile
import itertools
import json
import math
import os
import pstats
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _pert_networkx as baseline
from benchmarks._common import (
    Row,
    Timing,
    arguments,
    peak_mib,
    peak_rss_mib,
    print_table,
    run_process,
    timed,
)
from benchmarks._pert_networks import (
    Network,
    chain,
    layered,
    plan_of,
    renumbered,
    shuffled,
    task_ids,
    write_csv,
    write_json,
)
from benchmarks._pert_networkx import Answer
from mgmt_tools._arrays import FloatArray
from mgmt_tools.pert import load, passes, schedule

BASELINE_RUNS = 3
TOLERANCE = 1e-9  # docs/formats: a == b within 1e-9 x max(1, |a|, |b|)
CASES = ("layered", "chain", "layered-shuffled", "chain-shuffled", "csv", "json")


def check_agreement(case: str, mgmt: Answer, other: Answer) -> None:
    """Raise AssertionError unless both give the same ES and LS for every task and the same
    project duration (within the tolerance of docs/formats/README.md)."""

    def close(a: FloatArray, b: FloatArray) -> npt.NDArray[np.bool_]:
        scale = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
        return np.asarray(np.abs(a - b) <= TOLERANCE * scale)

    for name, ours, theirs in (("ES", mgmt[0], other[0]), ("LS", mgmt[1], other[1])):
        if ours.shape != theirs.shape:
            raise AssertionError(f"{case}: {name} of {ours.size} tasks, baseline {theirs.size}")
        wrong = np.flatnonzero(~close(ours, theirs))
        if wrong.size:
            task = int(wrong[0])
            raise AssertionError(
                f"{case}: {name} differs at {wrong.size} tasks, first task {task}: "
                f"{ours[task]} vs baseline {theirs[task]}"
            )
    if not close(np.array([mgmt[2]]), np.array([other[2]]))[0]:
        raise AssertionError(f"{case}: duration {mgmt[2]} vs baseline {other[2]}")


@dataclass
class Target:
    seconds: float
    min_ratio: float | None = None  # 1 means "faster than networkx"
    max_peak: float | None = None

    def text(self) -> str:
        parts = [f"<{self.seconds:g}s"]
        if self.min_ratio is not None:
            parts.append(f">={self.min_ratio:g}x" if self.min_ratio > 1 else ">nx")
        if self.max_peak is not None:
            parts.append(f"<{self.max_peak:g}MiB")
        return " ".join(parts)

    def met(self, mgmt: Timing, other: Timing, peak: float) -> bool:
        ratio = other.median / mgmt.median
        if self.min_ratio is not None and not (
            ratio >= self.min_ratio if self.min_ratio > 1 else ratio > 1
        ):
            return False
        if self.max_peak is not None and not peak < self.max_peak:
            return False
        return mgmt.median < self.seconds


@dataclass
class Case:
    """One benchmark case: the mgmt run (engine name and answer), the baseline run, and a
    one-off measurement of mgmt's peak memory (MiB, and how it was measured)."""

    name: str
    size: str
    target: Target
    ours: Callable[[], tuple[str, Answer]]
    theirs: Callable[[], Answer]
    peak: Callable[[], tuple[float, str]]


def run_case(case: Case, repeat: int) -> Row:
    """Time both sides, check that they agree, measure the peak, and make the table row."""

    def say(text: str) -> None:
        print(f"{case.name}: {text}", file=sys.stderr, flush=True)

    say(f"mgmt x{repeat}")
    mgmt_time, (engine, answer) = timed(case.ours, repeat)
    say(f"networkx x{min(repeat, BASELINE_RUNS)}")
    base_time, base_answer = timed(case.theirs, min(repeat, BASELINE_RUNS))
    check_agreement(case.name, answer, base_answer)
    del answer, base_answer
    memory, how = case.peak()
    say(f"mgmt runs {mgmt_time.spread()} s, networkx runs {base_time.spread()} s")
    return Row(
        case.name,
        case.size,
        engine,
        mgmt_time,
        base_time,
        case.target.text(),
        case.target.met(mgmt_time, base_time, memory),
        f"{memory:.0f}{how}",
    )


def _answer(result: Any) -> Answer:
    return np.asarray(result.es), np.asarray(result.ls), float(result.duration)


def schedule_case(name: str, network: Network, target: Target) -> Case:
    plan = plan_of(network)

    def ours() -> tuple[str, Answer]:
        result = schedule(plan)
        return result.engine, _answer(result)

    return Case(
        name + " schedule()",
        network.size,
        target,
        ours,
        lambda: baseline.from_arrays(network),
        lambda: (peak_mib(lambda: schedule(plan)), ""),
    )


def csv_case(network: Network, folder: Path, target: Target) -> Case:
    path = folder / "big.csv"
    write_csv(network, path)

    def ours() -> tuple[str, Answer]:
        result = schedule(load(path))
        return result.engine, _answer(result)

    def theirs() -> Answer:
        ids, answer = baseline.from_csv(path)
        if ids != task_ids(network.duration.size):
            raise AssertionError("csv: the baseline read the tasks in another order")
        return answer

    return Case(
        "csv load+schedule",
        network.size,
        target,
        ours,
        theirs,
        lambda: (peak_mib(lambda: schedule(load(path))), ""),
    )


def mgmt_command() -> list[str] | None:
    """The ``mgmt`` command beside this Python, if ``mgmt pert FILE --json`` works."""
    command = Path(sys.executable).with_name("mgmt")
    if not command.exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        probe, out = Path(folder) / "probe.json", Path(folder) / "out.json"
        probe.write_text('{"tasks": [{"id": "A", "duration": 1}]}', encoding="utf-8")
        try:
            run_process([str(command), "pert", str(probe), "--json"], str(out))
            data = json.loads(out.read_text(encoding="utf-8"))
        except (subprocess.CalledProcessError, OSError, ValueError):
            return None
    return [str(command)] if isinstance(data, dict) and data.get("tasks") else None


def json_case(network: Network, folder: Path, target: Target) -> Case:
    path, out, base_out = folder / "big.json", folder / "out.json", folder / "base.json"
    write_json(network, path)
    command = mgmt_command()

    def ours() -> tuple[str, Answer]:
        if command is None:
            result = schedule(load(path))
            out.write_text(json.dumps(result.to_dict()), encoding="utf-8")
            return "in-process (no CLI)", _answer(result)
        run_process([*command, "pert", str(path), "--json"], str(out))
        data = json.loads(out.read_text(encoding="utf-8"))
        es = np.array([task["es"] for task in data["tasks"]])
        ls = np.array([task["ls"] for task in data["tasks"]])
        return "cli", (es, ls, float(data["duration"]))

    def peak() -> tuple[float, str]:
        if command is not None:
            return peak_rss_mib([*command, "pert", str(path), "--json"]), " (RSS)"
        result = lambda: out.write_text(json.dumps(schedule(load(path)).to_dict()))  # noqa: E731
        return peak_mib(result), ""

    return Case(
        "json mgmt pert --json",
        network.size,
        target,
        ours,
        lambda: baseline.from_json(path, base_out),
        peak,
    )


def make_case(name: str, scale: int, folder: Path) -> Case:
    """The case named, with its input made (sizes divided by ``scale``)."""
    if name.startswith("layered"):
        network = layered(1000 // scale, 1000)
        network = shuffled(network)[0] if name.endswith("shuffled") else network
        return schedule_case(name, network, Target(1.0, 25, 256))
    if name.startswith("chain"):
        network = chain(1_000_000 // scale)
        network = shuffled(network)[0] if name.endswith("shuffled") else network
        return schedule_case(name, network, Target(5.0, 1))
    if name == "csv":
        return csv_case(layered(1000 // scale, 1000, typed=False), folder, Target(10))
    return json_case(layered(100 // scale, 1000), folder, Target(5))


# --- Calibration of the pass engines --------------------------------------------------------


def _depth_first(network: Network) -> Network:
    """The network renumbered in a topological order that is not level by level."""
    count = network.duration.size
    by_pred = np.argsort(network.pred, kind="stable")
    targets = network.succ[by_pred].tolist()
    bounds = np.r_[0, np.cumsum(np.bincount(network.pred, minlength=count))].tolist()
    waiting = np.bincount(network.succ, minlength=count).tolist()
    stack = [task for task in range(count) if not waiting[task]][::-1]
    order: list[int] = []
    while stack:  # Kahn's algorithm, last in first out: deep before wide
        task = stack.pop()
        order.append(task)
        for target in targets[bounds[task] : bounds[task + 1]]:
            waiting[target] -= 1
            if not waiting[target]:
                stack.append(target)
    new_number = np.empty(count, dtype=np.int64)
    new_number[np.array(order)] = np.arange(count)
    return renumbered(network, new_number)


Graph = tuple[FloatArray, npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]
Engine = Callable[[Graph], object]


def _runs(graph: Graph) -> object:
    return passes._by_runs(*graph, give_up=False)


def _levels(numbered: bool) -> Engine:
    return lambda graph: passes._by_levels(*graph, numbered, give_up=False)


def _loop(numbered: bool) -> Engine:
    return lambda graph: passes._by_loop(*graph, numbered)


def calibrate(tasks: int, widths: list[int], repeat: int) -> None:
    """Time numpy against the loop on graphs of fixed level width (2-3 links per task from the
    previous level) for the three choices ``sweep(engine="auto")`` makes; print break-evens."""
    choices: list[tuple[str, Engine, Engine, Callable[[Network], Network]]] = [
        ("runs vs flat loop (numbered level by level)", _runs, _loop(True), lambda net: net),
        (
            "levels vs Kahn loop (random numbering)",
            _levels(False),
            _loop(False),
            lambda net: shuffled(net)[0],
        ),
        ("levels vs flat loop (depth-first numbering)", _levels(True), _loop(True), _depth_first),
    ]
    print(f"{tasks} tasks, medians of {repeat} runs, seconds; numpy wins where loop/numpy > 1")
    for title, numpy_engine, loop_engine, renumber in choices:
        print(f"\n{title}\n{'width':>7} {'numpy':>9} {'loop':>9} {'loop/numpy':>11}")
        ratios: list[tuple[int, float]] = []
        for width in widths:
            network = renumber(layered(max(2, tasks // width), width, far=0.0))
            offsets = passes.link_offsets(
                network.duration, network.pred, network.succ, network.kind, network.lag
            )
            graph = (network.duration, network.pred, network.succ, offsets)
            first, _ = timed(lambda: numpy_engine(graph), repeat)  # noqa: B023
            second, _ = timed(lambda: loop_engine(graph), repeat)  # noqa: B023
            ratios.append((width, second.median / first.median))
            print(f"{width:>7} {first.median:>9.4f} {second.median:>9.4f} {ratios[-1][1]:>11.2f}")
        print(f"break-even: {_break_even(ratios)}")


def _break_even(ratios: list[tuple[int, float]]) -> str:
    """Where loop/numpy crosses 1, interpolating log(ratio) linearly in log(width)."""
    for (w0, r0), (w1, r1) in itertools.pairwise(ratios):
        if r0 < 1 <= r1:
            share = math.log(r0) / (math.log(r0) - math.log(r1))
            return f"about {math.exp(math.log(w0) + share * math.log(w1 / w0)):.0f} tasks per level"
    return "not between the widths measured"


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, "sizes about 10x smaller")
    parser.add_argument("--case", action="append", choices=CASES, help="only these cases")
    parser.add_argument("--calibrate", action="store_true", help="time the pass engines")
    parser.add_argument("--profile", choices=CASES, help="profile one mgmt run of a case")
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    if args.calibrate:
        widths = [2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128]
        calibrate(200_000 // scale, widths, args.repeat)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_pert_") as name:
        folder = Path(name)
        if args.profile:
            case = make_case(args.profile, scale, folder)
            case.ours()  # warm up: imports, first touch of memory
            profile = cProfile.Profile()
            profile.runcall(case.ours)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
            return 0
        rows = [
            run_case(make_case(case, scale, folder), args.repeat) for case in args.case or CASES
        ]
    print(
        f"pert benchmark{' (--quick)' if args.quick else ''}: medians of {args.repeat} runs "
        f"(networkx: {min(args.repeat, BASELINE_RUNS)}), {os.cpu_count()} CPUs"
    )
    print_table(rows, "networkx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
