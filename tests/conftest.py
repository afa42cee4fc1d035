"""Shared fixtures and the `dot` marker: tests that need Graphviz are skipped only when `dot`
is missing AND we are not in CI (CI installs Graphviz, so there they must run)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The shared checks in tests/helpers.py assert too: show their failures in detail.
pytest.register_assert_rewrite("tests.helpers")

# CI draws the same examples on every run, so a red build always means a change broke
# something; locally Hypothesis keeps exploring new examples (and its database replays failures).
settings.register_profile("ci", derandomize=True, deadline=None)
# `make fuzz` (HYPOTHESIS_PROFILE=fuzz): the fuzz suite (tests/fuzz) at thousands of random
# examples per test, bounded in time by FUZZ_MINUTES (tests/fuzz/budget.py).
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=5_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_profile = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else None)
if _profile:
    settings.load_profile(_profile)

# Messages are written in the language the environment asks for (mgmt_tools.locale): the tests
# expect English unless they choose a language, whatever the machine's LANG is.
for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("dot") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="Graphviz `dot` is not installed (CI installs it)")
    for item in items:
        if "dot" in item.keywords:
            item.add_marker(skip)
