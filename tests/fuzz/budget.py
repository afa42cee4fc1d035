"""The fuzz suite's budget: a few examples per test in ``make test`` (CI), many in
``make fuzz``.

- ``FUZZ_EXAMPLES`` (default 150, as the Makefile sets it for ``make test``, where the CI
  budget is written): examples per Hypothesis test outside the fuzz profile; about 80 s
  for them all on 2 cores, plus the corpus (about 40 s).
- ``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``): Hypothesis's ``fuzz`` profile (tests/conftest.py,
  random examples, no shrinking): each test runs Hypothesis again and again, ``FUZZ_CHUNK``
  (default 100) new examples a time, until its share of ``FUZZ_MINUTES`` (default 10)
  minutes is used: thousands of examples per test in the default 10 minutes.
- ``FUZZ_FINDINGS=DIR``: every failing input is also written to ``DIR`` with a line in
  ``DIR/findings.tsv`` (command, exit code, first stderr line), to file the ones worth keeping
  in ``tests/fuzz/corpus/``; with ``FUZZ_KEEP_GOING=1`` a failing example is only recorded,
  so one run finds many causes instead of stopping at the first (exploration, never CI).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings

__all__ = ["FUZZING", "KEEP_GOING", "examples", "record", "repeat"]

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
"""Whether this is a long fuzz run (``make fuzz``)."""

KEEP_GOING = os.environ.get("FUZZ_KEEP_GOING") == "1" and bool(os.environ.get("FUZZ_FINDINGS"))
"""Record failing examples instead of failing the test (exploration only)."""


def examples(weight: float = 1.0) -> settings:
    """The settings of one fuzz test: ``weight`` times the CI budget outside ``make fuzz``
    (a slow command gets a fraction), the fuzz profile's inside it."""
    checks = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
    if FUZZING:
        # no shrinking: it is unbounded in time (minutes on a 100 kB input); the failing
        # input is in FUZZ_FINDINGS, and a plain run of the test replays it from Hypothesis's
        # database and shrinks it
        count = int(os.environ.get("FUZZ_CHUNK", "100"))
        phases = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
        return settings(
            max_examples=count,
            deadline=None,
            suppress_health_check=checks,
            print_blob=True,
            phases=phases,
        )
    count = max(1, round(int(os.environ.get("FUZZ_EXAMPLES", "150")) * weight))
    return settings(max_examples=count, deadline=None, suppress_health_check=checks)


def repeat(test: Callable[[], None], tests: int) -> None:
    """Run the Hypothesis test ``test`` once; in ``make fuzz`` again and again (each run draws
    new random examples) until its share of ``FUZZ_MINUTES`` among ``tests`` tests is used.

    A run is a whole Hypothesis run (a failure ends it with its report), so the time bound
    never cuts one short; Hypothesis has no time budget of its own.
    """
    minutes = float(os.environ.get("FUZZ_MINUTES", "10"))
    end = time.monotonic() + minutes * 60 / tests
    test()
    while FUZZING and time.monotonic() < end:
        test()


_RECORDED: set[str] = set()
"""The causes recorded in this run: one input each (a failing example is replayed many times)."""


def record(data: bytes, suffix: str, lines: list[str], cause: str) -> None:
    """Write a failing input to ``FUZZ_FINDINGS`` and its description to findings.tsv, once per
    ``cause`` (the command and the first broken rule) in a run."""
    folder = os.environ.get("FUZZ_FINDINGS")
    if not folder or cause in _RECORDED:
        return
    _RECORDED.add(cause)
    directory = Path(folder)
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:12] + suffix
    (directory / name).write_bytes(data)
    with (directory / "findings.tsv").open("a", encoding="utf-8") as table:
        for line in lines:
            table.write(f"{name}\t{line}\n")
