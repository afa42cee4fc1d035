"""Input model of ``mgmt report`` (a list of sections, each one method run on one input), no I/O.

A report is ``{title, subtitle?, lang?, sections: [{method, input, title?, text?, encoding?,
sheet?, options?}]}``; ``input`` is a path relative to the report file, ``options`` are the
method's command-line options by name (``deadline: 20`` is ``--deadline 20``, ``tornado: true``
is ``--tornado``). ``lang`` (zh or en) is the language of the whole report; ``encoding`` the
text encoding of a section's input file (gbk); ``sheet`` the sheet of a workbook input (a name,
or its number from 1).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, StrictInt
from pydantic_core import PydanticCustomError

from mgmt_tools._fields import DocumentModel, InputModel, lower
from mgmt_tools.errors import Problem
from mgmt_tools.locale import _
from mgmt_tools.methods import METHODS as REGISTRY

__all__ = ["METHODS", "ReportModel", "SectionModel"]

METHODS = tuple(REGISTRY)
"""Methods a section may run: every method of the registry."""

Method = Literal[METHODS]  # type: ignore[valid-type]
Option = str | int | float | bool | list[str | int | float] | None
Language = Annotated[Literal["zh", "en"], BeforeValidator(lower)]


def sheet(value: Any) -> Any:
    """A sheet is named (text) or numbered from 1; anything else gets one message.

    >>> sheet("Tasks"), sheet(2)
    ('Tasks', 2)
    >>> sheet(True)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: a sheet is its name or its number from 1
    """
    named = isinstance(value, str) and value != ""
    numbered = isinstance(value, int) and not isinstance(value, bool) and value >= 1
    if not (named or numbered):
        raise PydanticCustomError("sheet", _("a sheet is its name or its number from 1"))
    return value


Sheet = Annotated[
    Annotated[StrictInt, Field(ge=1)] | Annotated[str, Field(min_length=1)],
    BeforeValidator(sheet),
]


class SectionModel(InputModel):
    """One section: a method run on one input file, with its options."""

    method: Method = Field(description="The method (command) to run.", examples=["pert"])
    input: str = Field(
        description="The method's input file, relative to the report file; its name ends in a "
        "suffix the method reads (.yaml, .yml, .json; .csv, .txt or .xml where the method reads "
        "those; an Excel workbook, .xlsx or .xlsm, where it reads CSV), so no other file is "
        "ever read.",
        examples=["../examples/pert/supply-chain-onboarding.yaml"],
    )
    title: str | None = Field(None, description="The section heading; default: method and file.")
    text: str | None = Field(None, description="A paragraph shown under the heading.")
    encoding: str | None = Field(
        None,
        description="The text encoding of the input file (and of a file option's file) when "
        "it is not UTF-8, e.g. gbk; as --encoding of the method's command.",
        examples=["gbk"],
    )
    sheet: Sheet | None = Field(
        None,
        description="The sheet of an Excel workbook input (.xlsx, .xlsm): its name, or its "
        "number from 1 (a name is tried before a number); default the first sheet; as --sheet "
        "of the method's command. Only for a workbook input.",
        examples=["Tasks", 2],
    )
    options: dict[str, Option] = Field(
        default_factory=dict,
        description="Command-line options of the method by name: a value, true for a flag, a "
        "list for a repeated option. A file option (fishbone's counts) is relative to the "
        "report file and must be named .csv, .txt, .xlsx or .xlsm (a workbook: its first "
        "sheet).",
        examples=[{"deadline": 20, "simulate": 1000, "seed": 1}],
    )


class ReportModel(DocumentModel):
    """A report: a title and its sections, in order."""

    title: str = Field(description="The report's title.", examples=["Q1 credit review"])
    subtitle: str | None = Field(None, description="A line under the title.")
    lang: Language | None = Field(
        None,
        description="The language of the whole report (headings, tables, the methods' texts "
        "and pictures): zh (Chinese) or en (English). --lang on the command line wins over "
        "it; without either, the environment's (LC_ALL, LC_MESSAGES, LANG).",
        examples=["zh"],
    )
    sections: list[SectionModel] = Field(min_length=1, description="The sections, in order.")
    _where: Any = PrivateAttr(default=None)
    """Places a problem in the report file (a :class:`~mgmt_tools._validation.Locating`), set
    when the report is read from text; None for a model made in a program."""

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        """A problem at ``path`` of the report: placed in the report file when it was read from
        one, else named by its path alone."""
        if self._where is not None:
            placed: Problem = self._where.problem(path, message)
            return placed
        return Problem(message, path)

    def placed_by(self, where: Any) -> ReportModel:
        """This model, placing its later problems with ``where`` (the report file's locator)."""
        self._where = where
        return self


def option_args(options: dict[str, Any]) -> list[str]:
    """Command-line arguments of ``options`` (underscores become dashes; false and null omitted).

    >>> option_args({"deadline": 20, "tornado": True, "fixed_policy": False, "by": ["a", "b"]})
    ['--deadline', '20', '--tornado', '--by', 'a', '--by', 'b']
    """
    args: list[str] = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            args.append(flag)
        elif value is False or value is None:
            continue
        elif isinstance(value, list):
            for item in value:
                args += [flag, str(item)]
        else:
            args += [flag, str(value)]
    return args
