"""Determinism (issue #14, Deliver 6): the same input gives byte-identical outputs in every
format on one machine, whatever the time zone.

Every method of the registry reads its ``example`` and writes each of its output formats (every
chart in every format, the data writers, the JSON) twice: once with ``TZ=UTC`` and once with
``TZ=Asia/Shanghai`` (``time.tzset()`` makes the process see the change, as a run started in
that zone would). Options that compute the data of a chart (``--simulate``, ``--tornado``,
``--vary``) are given, with a fixed ``--seed``, so that every chart is drawn. A PDF carries a
creation date in the local zone unless fixed: that is what the second zone catches (cairo's
PDFs from Graphviz wrote ``+08'00`` in Shanghai and ``Z`` in UTC). A last test runs the command
line in a fresh process per zone, as a user does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools.methods import METHODS
from tests.conftest import EXAMPLES

ZONES = ("UTC", "Asia/Shanghai")

RUN_OPTIONS: dict[str, dict[str, object]] = {
    "decision": {"tornado": True, "vary": "margin=0.02:0.05:3"},
    "gantt": {"simulate": "300", "seed": "7"},
    "pert": {"simulate": "300", "seed": "7"},
    "index": {"seed": "7", "draws": "100", "sensitivity": True},
}
"""Options that compute the data of every chart, with a fixed seed."""
EXAMPLE = {"rank": "rank/weekly-todo.yaml"}
"""Where the registry's example cannot show every chart (rank's 2x2 matrix needs eisenhower or
value_effort; the registry's example is rice)."""


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set the process's time zone (``zone("Asia/Shanghai")``); restored after the test."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def _outputs(name: str) -> dict[str, bytes]:
    """Every output of method ``name`` on its example: ``"chart.fmt"`` or ``"fmt"`` -> bytes."""
    method = METHODS[name]
    values = {
        option: method.option(option).convert(text)
        for option, text in RUN_OPTIONS.get(name, {}).items()
    }
    source = EXAMPLES / EXAMPLE.get(name, method.example)
    result = method.compute(method.read(source), **method.stage("run", values))
    outputs: dict[str, bytes] = {}
    for chart in method.charts:
        reason = method._unavailable(chart, result)
        assert reason is None, f"{name}: the {chart.name} chart is not drawn: {reason}"
        for fmt in chart.formats:
            data = method.write(result, fmt, chart=chart)
            outputs[f"{chart.name}.{fmt}"] = data if isinstance(data, bytes) else data.encode()
    for fmt in ("json", *method.writers):
        data = method.write(result, fmt)
        outputs[fmt] = data if isinstance(data, bytes) else data.encode()
    return outputs


# gantt reads the same example and draws the same charts as pert: one of the two is enough
NAMES = [name for name in METHODS if name != "gantt"]


@pytest.mark.dot
@pytest.mark.parametrize("name", NAMES)
def test_every_output_is_the_same_in_every_time_zone(name: str, zone: Any) -> None:
    zone(ZONES[0])
    first = _outputs(name)
    zone(ZONES[1])
    second = _outputs(name)
    assert sorted(first) == sorted(second)
    differing = [output for output in first if first[output] != second[output]]
    assert not differing, f"{name}: differs between {ZONES[0]} and {ZONES[1]}: {differing}"
    formats = {output.rsplit(".", 1)[-1] for output in first}
    assert {"json", "svg", "png", "pdf"} <= formats


def test_the_method_list_is_covered() -> None:
    """A new method is checked too: it needs no entry here unless a chart needs an option."""
    assert set(METHODS) - set(NAMES) == {"gantt"}
    assert METHODS["gantt"].example == METHODS["pert"].example
    assert set(EXAMPLE) <= set(NAMES)


@pytest.mark.dot
@pytest.mark.parametrize(
    "args",
    [
        ["pert", "pert/supply-chain-onboarding.yaml"],
        ["decision", "decision/credit-line-steel.yaml", "--chart", "risk-profile"],
    ],
    ids=["graphviz", "matplotlib"],
)
def test_pdf_from_the_command_line_is_the_same_in_every_time_zone(
    args: list[str], tmp_path: Path
) -> None:
    files = []
    for number, name in enumerate(("Asia/Shanghai", "America/New_York")):
        target = tmp_path / f"out{number}.pdf"
        command = [sys.executable, "-m", "mgmt_cli", args[0], str(EXAMPLES / args[1])]
        command += [*args[2:], "-o", str(target)]
        done = subprocess.run(
            command, env={**os.environ, "TZ": name}, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        files.append(target.read_bytes())
    assert files[0].startswith(b"%PDF")
    assert files[0] == files[1]
