"""Run a report's sections: each method read, computed and drawn once, in this process.

Each section goes through the method registry exactly as ``mgmt METHOD INPUT OPTIONS`` does,
so its numbers are those of ``--json`` and its picture the command's default (or its
``chart`` option); nothing is run twice and no command line is parsed. A section's ``sheet``
picks the sheet of its workbook input, as ``--sheet`` does; a sheet the workbook does not have
is reported at the section's ``sheet`` in the report file.

The report is written in one language (:func:`report_language`): the one chosen for the
command (``--lang``, or :func:`mgmt_tools.locale.using` in a program), else the report file's
``lang``, else the environment's. Each section records it, and the document is written in it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mgmt_tools import locale
from mgmt_tools.errors import GraphvizNotFoundError, InputError, NoSuchSheetError, Problem
from mgmt_tools.methods import METHODS, Method
from mgmt_tools.render.report import Section
from mgmt_tools.report.io import section_input
from mgmt_tools.report.model import ReportModel, SectionModel

__all__ = ["build_sections", "option_values", "report_language", "run_section"]

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


def report_language(model: ReportModel) -> str | None:
    """The language of the report: the one chosen for this command (``--lang``, or
    :func:`mgmt_tools.locale.using`), else the file's ``lang``, else None (the environment's).

    >>> from mgmt_tools.report import loads
    >>> model = loads("title: R\\nlang: zh\\nsections: [{method: pert, input: p.yaml}]")
    >>> report_language(model)
    'zh'
    >>> with locale.using("en"):
    ...     report_language(model)
    'en'
    """
    chosen = locale.chosen()  # set by --lang or using(), not by the environment
    return chosen or model.lang


def run_section(
    report_path: str | os.PathLike[str],
    part: SectionModel,
    *,
    report: ReportModel | None = None,
    number: int = 0,
) -> Section:
    """One section: the method run on its input with its options, and its picture as SVG.

    ``report`` and ``number``: the report the section is in and its place there (from 0),
    where a problem of the section itself (a missing sheet) is placed.
    """
    method = METHODS[part.method]
    base = Path(report_path).parent
    chart_name, values = option_values(method, part.options, base)
    path = section_input(report_path, part.input)
    reading = method.stage("load", values)
    if part.sheet is not None:
        reading["sheet"] = part.sheet
    try:
        loaded = method.read(path, encoding=part.encoding, **reading)
    except NoSuchSheetError as error:
        where = ("sections", number, "sheet")
        problems = [
            report.problem(where, problem.message)
            if report is not None
            else Problem(problem.message, where)
            for problem in error.problems
        ]
        raise InputError(problems) from None
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
        lang=locale.current(),
    )


def build_sections(report_path: str | os.PathLike[str], model: ReportModel) -> list[Section]:
    """Every section of the report, in order, in the report's language
    (:func:`report_language`); the first failing one raises its error."""
    with locale.using(report_language(model)):
        return [
            run_section(report_path, part, report=model, number=number)
            for number, part in enumerate(model.sections)
        ]
