"""Reports: several methods' results, pictures and tables in one HTML or Markdown file.

The model and the reading of report files live here; :mod:`mgmt_tools.render.report` writes the
document from each section's result and picture.
"""

from __future__ import annotations

from mgmt_tools.report.io import load, loads, section_input
from mgmt_tools.report.model import METHODS, ReportModel, SectionModel, option_args

__all__ = [
    "METHODS",
    "ReportModel",
    "SectionModel",
    "load",
    "loads",
    "option_args",
    "section_input",
]
