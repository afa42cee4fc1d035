"""`mgmt --help` stays light: it imports none of the heavy libraries (DESIGN.md)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("numpy", "networkx", "pydantic", "matplotlib", "yaml", "subprocess")


def _imported_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_imports_no_heavy_module() -> None:
    imported = _imported_by(
        "import sys; from mgmt_cli.main import main; sys.argv = ['mgmt', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "click" in imported  # the check can see imports at all
    assert not imported & set(HEAVY), imported & set(HEAVY)


def test_pert_help_imports_no_heavy_module() -> None:
    imported = _imported_by(
        "import sys; from mgmt_cli.main import main; sys.argv = ['mgmt', 'pert', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert not imported & set(HEAVY), imported & set(HEAVY)


def test_help_lists_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mgmt_cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "pert" in result.stdout
    assert "schema" in result.stdout
