"""The method registry: every method, what it reads, computes, writes and draws, in one place.

``METHODS`` maps a method's name (the command ``mgmt NAME``) to a :class:`Method`. The command
line, ``mgmt schema``, ``mgmt init``, ``mgmt report``, notebook display, shell completion and
the docs index are all driven from it; a test walks it and checks that every method has each
part. Adding a method is its package plus one entry (``mgmt_tools/registry/<name>.py``).

This module imports nothing beyond the standard library (``mgmt --help`` reads it): the
functions of a method are named as ``"module:function"`` and imported when first used.

>>> METHODS["pert"].input_formats
('yaml', 'json', 'csv', 'mspdi')
>>> [chart.name for chart in METHODS["decision"].charts]
['tree', 'risk-profile', 'sensitivity', 'tornado']
>>> METHODS["pareto"].option("other_after").cli_flag
'--other-after'
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from mgmt_tools.registry.decision import DECISION
from mgmt_tools.registry.fishbone import FISHBONE
from mgmt_tools.registry.goals import GOALS
from mgmt_tools.registry.mcda import AHP, INDEX
from mgmt_tools.registry.method import IMAGE_FORMATS, Chart, Method
from mgmt_tools.registry.options import Option, resolve
from mgmt_tools.registry.pareto import PARETO
from mgmt_tools.registry.pert import GANTT, PERT
from mgmt_tools.registry.rank import RANK

__all__ = [
    "IMAGE_FORMATS",
    "METHODS",
    "Chart",
    "Method",
    "Option",
    "method_of",
    "resolve",
]

METHODS: Mapping[str, Method] = {
    method.name: method
    for method in (AHP, DECISION, FISHBONE, GANTT, GOALS, INDEX, PARETO, PERT, RANK)
}
"""Every method by name, sorted. A new method: its package, its entry under
``mgmt_tools/registry/``, and its name here."""


def method_of(result: Any) -> Method:
    """The method whose result ``result`` is; where several share a result type (pert and
    gantt), the one whose own input it is (pert: gantt is a view of pert's schedule)."""
    kind = type(result)
    reference = f"{kind.__module__}:{kind.__qualname__}"
    matches = [method for method in METHODS.values() if method.result == reference]
    if not matches:
        raise KeyError(reference)
    return next((method for method in matches if method.schema is None), matches[0])


def _main() -> None:  # pragma: no cover - a debugging aid: python -m mgmt_tools.methods
    for method in METHODS.values():
        sys.stdout.write(f"{method.name:10} {', '.join(method.output_formats)}\n")


if __name__ == "__main__":  # pragma: no cover
    _main()
