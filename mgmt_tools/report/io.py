"""Read report files (``mgmt report``) from YAML or JSON, with every problem located."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import Any

from mgmt_tools._files import (
    TABLE_SUFFIXES,
    input_suffixes,
    load_file,
    read_document,
    workbook_name,
)
from mgmt_tools._validation import Locating, validate_document
from mgmt_tools.errors import InputError, Problem, did_you_mean, in_order
from mgmt_tools.locale import _
from mgmt_tools.methods import METHODS
from mgmt_tools.report.model import ReportModel

__all__ = ["load", "loads", "section_input"]


def load(path: str | os.PathLike[str], *, encoding: str | None = None) -> ReportModel:
    """Read a report file (YAML or JSON; ``-`` for stdin)."""
    return load_file(path, loads, ("yaml", "json"), encoding=encoding)


def loads(text: str, fmt: str = "yaml", *, source: str | None = None) -> ReportModel:
    """Read a report from YAML or JSON text; every problem is reported, located.

    >>> loads("title: R\\nsections: [{method: pert, input: plan.yaml}]").sections[0].method
    'pert'
    """
    return read_document(text, fmt, source, _report, kind="report")


def _report(data: Any, where: Locating, problems: list[Problem]) -> ReportModel:
    model = validate_document(
        data,
        where,
        problems,
        ReportModel,
        shape=_("a report is a mapping with title and sections"),
    )
    problems += _option_problems(model, where)
    problems += _input_problems(model, where)
    problems += _encoding_problems(model, where)
    problems += _sheet_problems(model, where)
    if problems:
        raise InputError(in_order(problems))
    return model.placed_by(where)


def _option_problems(model: ReportModel, where: Locating) -> list[Problem]:
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
                    message = _("{method} draws no chart {chart}").format(
                        method=method.name, chart=repr(value)
                    )
                    problems.append(where.problem(path, message + hint))
                continue
            if name not in known:
                message = _("{method} has no option '{option}'").format(
                    method=method.name, option=name
                ) + did_you_mean(name, [*known, "chart"], limit=20)
                problems.append(where.problem(path, message, key=True))
                continue
            option = method.option(name)
            try:
                option.convert(value)
            except ValueError as error:
                problems.append(where.problem(path, str(error)))
                continue
            if option.kind == "path" and value is not None and not _named_table(str(value)):
                problems.append(  # a file of another kind is never read, nor quoted
                    where.problem(
                        path,
                        _(
                            "'{file}' is not named as a table (CSV or Excel workbook): its name "
                            "must end in {suffixes}"
                        ).format(file=value, suffixes=", ".join(TABLE_SUFFIXES)),
                    )
                )
    return problems


def _named_table(name: str) -> bool:
    """Whether a file option names a table: CSV, or an Excel workbook (its first sheet)."""
    return Path(name).suffix.lower() in TABLE_SUFFIXES


def _input_problems(model: ReportModel, where: Locating) -> list[Problem]:
    """Each section's input is named as a file its method reads (``.yaml``, ``.yml``,
    ``.json``, and ``.csv``, ``.txt`` or ``.xml`` where the method reads those formats; an
    Excel workbook, ``.xlsx`` or ``.xlsm``, where it reads CSV).

    A report file is data: it may name any path, so a file that is not an input of the
    method (``/etc/passwd``, a picture) is refused by its name and the section's place in the
    report, before it is read, and its content is never quoted.
    """
    problems: list[Problem] = []
    for number, part in enumerate(model.sections):
        method = METHODS[part.method]
        suffixes = input_suffixes(method.input_formats)
        if Path(part.input).suffix.lower() not in suffixes:
            problems.append(
                where.problem(
                    ("sections", number, "input"),
                    _(
                        "'{file}' is not named as an input of {method}: its name must end in "
                        "{suffixes}"
                    ).format(file=part.input, method=method.name, suffixes=", ".join(suffixes)),
                )
            )
    return problems


def _encoding_problems(model: ReportModel, where: Locating) -> list[Problem]:
    """Each section's ``encoding`` names a text encoding Python knows (gbk, utf-8, gb18030)."""
    problems: list[Problem] = []
    for number, part in enumerate(model.sections):
        if part.encoding is None:
            continue
        try:
            known = codecs.lookup(part.encoding).name
        except LookupError:
            known = None
        if known is None or not _text_encoding(known):
            problems.append(
                where.problem(
                    ("sections", number, "encoding"),
                    _("unknown text encoding {encoding} (e.g. utf-8, gbk, gb18030)").format(
                        encoding=repr(part.encoding)
                    ),
                )
            )
    return problems


def _sheet_problems(model: ReportModel, where: Locating) -> list[Problem]:
    """A section's ``sheet`` is given only where its input is an Excel workbook (by its name;
    a workbook's missing sheet is found when the section is run)."""
    problems: list[Problem] = []
    for number, part in enumerate(model.sections):
        if part.sheet is None or workbook_name(part.input):
            continue
        message = _(
            "sheet names a sheet of an Excel workbook (.xlsx, .xlsm); the input '{file}' is not one"
        ).format(file=part.input)
        problems.append(where.problem(("sections", number, "sheet"), message))
    return problems


def _text_encoding(name: str) -> bool:
    """Whether the codec ``name`` decodes bytes to text (not base64, zlib or rot13)."""
    return bool(getattr(codecs.lookup(name), "_is_text_encoding", True))


def section_input(report_path: str | os.PathLike[str], input_path: str) -> Path:
    """A section's input path, relative to the report file (absolute paths stay as they are).

    >>> section_input("reports/q1.yaml", "../examples/pert/a.yaml").as_posix()
    'reports/../examples/pert/a.yaml'
    """
    path = Path(input_path).expanduser()
    return path if path.is_absolute() else Path(report_path).parent / path
