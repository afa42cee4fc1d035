"""Run a report's sections: each method read, computed and drawn once, in this process.

Each section goes through the method registry exactly as ``mgmt METHOD INPUT OPTIONS`` does,
so its numbers are those of ``--json`` and its picture the command's default (or its
``chart`` option); nothing is run twice and no command line is parsed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mgmt_tools.errors import GraphvizNotFoundError
from mgmt_tools.methods import METHODS, Method
from mgmt_tools.render.report import Section
from mgmt_tools.report.io import section_input
from mgmt_tools.report.model import ReportModel, SectionModel

__all__ = ["build_sections", "option_values", "run_section"]

CHART = "chart"
"""The section option naming the picture (as ``--chart`` does)."""


def option_values(
    method: Method, options: Mapping[str, Any], base: Path
) -> tuple[str | None, dict[str, Any]]:
    """The chart asked for and the method's option values, converted (paths relative to
    ``base``). The report loader has already checked names and values."""
    values: dict[str, Any] = {}
    for name, value in options.items():
        if name == CHART or value is None:
            continue
        option = method.option(name)
        converted = option.convert(value)
        if option.kind == "path" and converted is not None:
            converted = str(section_input(base / "report", str(converted)))
        if not (option.kind == "flag" and converted is False):
            values[name] = converted
    chart = options.get(CHART)
    return (str(chart) if chart is not None else None), values


def run_section(report_path: str | os.PathLike[str], part: SectionModel) -> Section:
    """One section: the method run on its input with its options, and its picture as SVG."""
    method = METHODS[part.method]
    base = Path(report_path).parent
    chart_name, values = option_values(method, part.options, base)
    loaded = method.read(section_input(report_path, part.input), **method.stage("load", values))
    result = method.compute(loaded, **method.stage("run", values))
    svg = None
    if method.charts:
        chart = method.pick_chart(result, chart_name, values)
        if "svg" in chart.formats:
            try:
                picture = method.draw(result, "svg", chart, **method.stage("draw", values))
            except GraphvizNotFoundError:
                picture = None  # the numbers still make the section; `mgmt doctor` says why
            if picture is not None:
                svg = picture.decode("utf-8") if isinstance(picture, bytes) else picture
    return Section(
        title=part.title or f"{part.method}: {Path(part.input).name}",
        method=part.method,
        source=part.input,
        result=result.to_dict(),
        svg=svg,
        text=part.text,
        options=dict(part.options),
    )


def build_sections(report_path: str | os.PathLike[str], model: ReportModel) -> list[Section]:
    """Every section of the report, in order (the first failing one raises its error)."""
    return [run_section(report_path, part) for part in model.sections]
