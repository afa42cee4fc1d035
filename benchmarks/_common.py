"""Shared helpers of the benchmark scripts: medians of repeated runs, peak memory, the table.

Timings are wall-clock medians (``time.perf_counter``) of several runs, with a garbage
collection before each run so that one run does not pay for the previous one's garbage. Peak
memory is measured in a separate, untimed run with :mod:`tracemalloc` (numpy reports its array
allocations to it), as the peak of traced memory above what was allocated when the run began;
for a command, its peak resident set size (:func:`peak_rss_mib`).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "Row",
    "Timing",
    "arguments",
    "peak_mib",
    "peak_rss_mib",
    "print_table",
    "run_process",
    "timed",
]

T = TypeVar("T")
MIB = 1024 * 1024


@dataclass
class Timing:
    """Wall-clock seconds of each run; ``median`` is what tables quote."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def spread(self) -> str:
        return f"{min(self.runs):.3g}..{max(self.runs):.3g}"


def arguments(doc: str | None, quick: str, repeat: int = 5) -> argparse.ArgumentParser:
    """The options of every benchmark: ``--quick`` (``quick`` says how it shrinks the run) and
    ``--repeat`` (``repeat`` runs by default); a script adds its own before parsing. The
    description is the first paragraph of the script's ``doc``."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=quick)
    parser.add_argument(
        "--repeat", type=int, default=repeat, help=f"timed runs per case (default {repeat})"
    )
    return parser


def timed(function: Callable[[], T], repeat: int) -> tuple[Timing, T]:
    """Run ``function`` ``repeat`` times; the timings and the last run's result."""
    runs: list[float] = []
    result: T | None = None
    for _ in range(max(1, repeat)):
        result = None  # let the previous result go before the next run
        gc.collect()
        start = time.perf_counter()
        result = function()
        runs.append(time.perf_counter() - start)
    assert result is not None
    return Timing(runs), result


def peak_mib(function: Callable[[], object]) -> float:
    """Peak memory (MiB) that one call of ``function`` allocates beyond what it started with.

    Measured with tracemalloc, which slows pure-Python code down: never time a traced run.
    """
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        function()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (peak - before) / MIB


def run_process(args: Sequence[str], stdout_path: str) -> float:
    """Run a command with its stdout sent to ``stdout_path``; its wall-clock seconds.

    Raises :class:`subprocess.CalledProcessError` when the command fails.
    """
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        done = subprocess.run(args, stdout=out, stderr=subprocess.PIPE, env=child_env())
        seconds = time.perf_counter() - start
    done.check_returncode()
    return seconds


_PEAK_RSS = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(usage.ru_maxrss if os.waitstatus_to_exitcode(status) == 0 else -1)\n"
)


def peak_rss_mib(args: Sequence[str]) -> float:
    """Peak resident set size (MiB) of one run of a command, interpreter and imports included.

    Linux counts the RSS a process had before it exec'd into its maximum, so the command is
    started from a small Python process rather than from this big one.
    """
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *args], capture_output=True, text=True, check=True
    )
    kib = int(done.stdout.strip() or -1)
    if kib < 0:
        raise subprocess.CalledProcessError(1, list(args), done.stdout, done.stderr)
    return kib / 1024  # ru_maxrss is in KiB on Linux


@dataclass
class Row:
    """One line of the results table."""

    case: str
    size: str
    engine: str
    mgmt: Timing
    baseline: Timing | None
    target: str
    passed: bool
    peak: str

    @property
    def ratio(self) -> float | None:
        return self.baseline.median / self.mgmt.median if self.baseline else None


def _ratio_text(ratio: float | None) -> str:
    """The baseline's time over ours: one decimal, or two significant digits below 1 (a
    workbook is slower than the CSV it is measured beside)."""
    if ratio is None:
        return "-"
    return f"{ratio:.2g}x" if ratio < 1 else f"{ratio:.1f}x"


def print_table(rows: Sequence[Row], baseline_name: str) -> None:
    """Print the rows as an aligned text table (medians in seconds)."""
    header = [
        "case",
        "size",
        "engine",
        "mgmt s",
        f"{baseline_name} s",
        "ratio",
        "target",
        "pass",
        "peak extra MiB",
    ]
    lines = [header]
    for row in rows:
        ratio = row.ratio
        lines.append(
            [
                row.case,
                row.size,
                row.engine,
                f"{row.mgmt.median:.3f}",
                f"{row.baseline.median:.3f}" if row.baseline else "-",
                _ratio_text(ratio),
                row.target,
                "PASS" if row.passed else "FAIL",
                row.peak,
            ]
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for number, line in enumerate(lines):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print(flush=True)


def child_env() -> dict[str, str]:
    """The environment for a timed subprocess (no Python bytecode writing, same PATH)."""
    env = dict(os.environ)
    env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    return env
