"""Read report files (``mgmt report``) from YAML or JSON, with every problem located."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from mgmt_tools._files import TEXT_SUFFIXES, format_by_suffix, read_text
from mgmt_tools._validation import problems_from
from mgmt_tools._yaml import LazyLocator, load_text
from mgmt_tools.errors import InputError, Problem, did_you_mean, in_order
from mgmt_tools.methods import METHODS
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
    else:
        problems += _option_problems(model, where)
    if problems:
        raise InputError(in_order(problems))
    return model


def _option_problems(model: ReportModel, where: LazyLocator) -> list[Problem]:
    """Each section's options: names the method knows (or ``chart``), values it accepts.

    Options are the method's own, never the command line's: ``output``, ``json`` or ``help``
    are not options of any method, so a report file cannot make ``mgmt report`` write
    anywhere but its ``-o``.
    """
    problems: list[Problem] = []
    for number, part in enumerate(model.sections):
        method = METHODS[part.method]
        known = [option.name for option in method.options]
        charts = [chart.name for chart in method.charts]
        for name, value in part.options.items():
            path = ("sections", number, "options", name)
            if name == "chart":
                if value not in charts:
                    hint = did_you_mean(str(value), charts)
                    problems.append(
                        where.problem(path, f"{method.name} draws no chart {value!r}{hint}")
                    )
                continue
            if name not in known:
                message = f"{method.name} has no option '{name}'" + did_you_mean(
                    name, [*known, "chart"]
                )
                problems.append(where.problem(path, message, key=True))
                continue
            try:
                method.option(name).convert(value)
            except ValueError as error:
                problems.append(where.problem(path, str(error)))
    return problems


def section_input(report_path: str | os.PathLike[str], input_path: str) -> Path:
    """A section's input path, relative to the report file (absolute paths stay as they are).

    >>> section_input("reports/q1.yaml", "../examples/pert/a.yaml").as_posix()
    'reports/../examples/pert/a.yaml'
    """
    path = Path(input_path).expanduser()
    return path if path.is_absolute() else Path(report_path).parent / path
