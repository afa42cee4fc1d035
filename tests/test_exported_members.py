"""Each package's curated public API: ``__all__`` sorted and complete (as httpx does)."""

from __future__ import annotations

import importlib
import inspect

import pytest

PACKAGES = [
    "mgmt_tools",
    "mgmt_tools.pert",
    "mgmt_tools.decision",
    "mgmt_tools.fishbone",
    "mgmt_tools.goals",
    "mgmt_tools.mcda",
    "mgmt_tools.pareto",
    "mgmt_tools.rank",
    "mgmt_tools.errors",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_complete(name: str) -> None:
    module = importlib.import_module(name)
    public = {
        member
        for member, value in vars(module).items()
        if not member.startswith("_")
        and not inspect.ismodule(value)
        and getattr(value, "__module__", name).startswith(name)
        and (inspect.isclass(value) or inspect.isfunction(value))
    }
    assert public <= set(module.__all__)
    for member in module.__all__:
        assert hasattr(module, member)
