"""Read report files (``mgmt report``) from YAML or JSON, with every problem located."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from mgmt_tools._files import TEXT_SUFFIXES, format_by_suffix, read_text
from mgmt_tools._validation import problems_from
from mgmt_tools._yaml import LazyLocator, load_text
from mgmt_tools.errors import InputError, Problem
from mgmt_tools.report.model import ReportModel

__all__ = ["load", "loads", "section_input"]


def load(path: str | os.PathLike[str], *, encoding: str | None = None) -> ReportModel:
    """Read a report file (YAML or JSON)."""
    text, source = read_text(path, encoding)
    return loads(text, format_by_suffix(path, TEXT_SUFFIXES, "yaml"), source=source)


def loads(text: str, fmt: str = "yaml", *, source: str | None = None) -> ReportModel:
    """Read a report from YAML or JSON text; every problem is reported, located.

    >>> loads("title: R\\nsections: [{method: pert, input: plan.yaml}]").sections[0].method
    'pert'
    """
    if fmt not in ("yaml", "json"):
        raise ValueError(f"unknown report format {fmt!r} (yaml or json)")
    problems: list[Problem] = []
    data = load_text(text, fmt, source, problems)
    where = LazyLocator(text, fmt, source)
    if not isinstance(data, dict):
        problems.append(where.problem((), "a report is a mapping with title and sections"))
        raise InputError(problems)
    try:
        model = ReportModel.model_validate(data)
    except ValidationError as error:
        problems += problems_from(error, ReportModel, data, where)
    if problems:
        raise InputError(problems)
    return model


def section_input(report_path: str | os.PathLike[str], input_path: str) -> Path:
    """A section's input path, relative to the report file (absolute paths stay as they are).

    >>> section_input("reports/q1.yaml", "../examples/pert/a.yaml").as_posix()
    'reports/../examples/pert/a.yaml'
    """
    path = Path(input_path).expanduser()
    return path if path.is_absolute() else Path(report_path).parent / path
