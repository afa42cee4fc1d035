"""Shared fixtures and the `dot` marker: tests that need Graphviz are skipped only when `dot`
is missing AND we are not in CI (CI installs Graphviz, so there they must run)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# The shared checks in tests/helpers.py assert too: show their failures in detail.
pytest.register_assert_rewrite("tests.helpers")

# CI draws the same examples on every run, so a red build always means a change broke
# something; locally Hypothesis keeps exploring new examples (and its database replays failures).
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("dot") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="Graphviz `dot` is not installed (CI installs it)")
    for item in items:
        if "dot" in item.keywords:
            item.add_marker(skip)
