"""The library examples in ``examples/scripts/`` run from the repository root (issue 10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "examples" / "scripts").glob("*.py"))


def test_every_method_has_a_script() -> None:
    from mgmt_tools.methods import METHODS

    names = {script.stem for script in SCRIPTS}
    for method in {m.schema_name for m in METHODS.values()}:  # gantt is pert's
        assert any(name.startswith(method) for name in names), method


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_script_runs(script: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), f"{script.name} printed nothing"
