"""Fishbone (Ishikawa, cause-and-effect) diagrams: the effect at the head, causes by category
on slanted ribs, sub-causes nested to any depth, counts from a Pareto analysis attached by name.

>>> from mgmt_tools.fishbone import loads, run
>>> result = run(loads('''
... effect: Credit approval takes too long
... categories:
...   People: [{cause: Missing training, count: 12}]
...   Methods: [{cause: Duplicate document checks, count: 30}]
... '''))
>>> [(row.cause, row.count) for row in result.ranked]
[('Duplicate document checks', 30.0), ('Missing training', 12.0)]

``run`` is the one verb; ``analyse`` (counts in the file) and ``with_counts`` (counts from a
CSV) remain.
"""

from mgmt_tools.fishbone.compose import attach_counts, run, vital_few, with_counts
from mgmt_tools.fishbone.io import format_of, from_dict, load, loads
from mgmt_tools.fishbone.model import CauseModel, FishboneModel
from mgmt_tools.fishbone.render import render, to_dot, to_svg
from mgmt_tools.fishbone.result import (
    Category,
    Cause,
    Fishbone,
    FishboneResult,
    RankedCause,
    analyse,
    summary_text,
    to_markdown,
)

__all__ = [
    "Category",
    "Cause",
    "CauseModel",
    "Fishbone",
    "FishboneModel",
    "FishboneResult",
    "RankedCause",
    "analyse",
    "attach_counts",
    "format_of",
    "from_dict",
    "load",
    "loads",
    "render",
    "run",
    "summary_text",
    "to_dot",
    "to_markdown",
    "to_svg",
    "vital_few",
    "with_counts",
]
