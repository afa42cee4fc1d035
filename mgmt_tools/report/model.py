"""Input model of ``mgmt report`` (a list of sections, each one method run on one input), no I/O.

A report is ``{title, subtitle?, sections: [{method, input, title?, options?}]}``; ``input`` is a
path relative to the report file, ``options`` are the method's command-line options by name
(``deadline: 20`` is ``--deadline 20``, ``tornado: true`` is ``--tornado``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from mgmt_tools._fields import DocumentModel, InputModel
from mgmt_tools.methods import METHODS as REGISTRY

__all__ = ["METHODS", "ReportModel", "SectionModel"]

METHODS = tuple(REGISTRY)
"""Methods a section may run: every method of the registry."""

Method = Literal[METHODS]  # type: ignore[valid-type]
Option = str | int | float | bool | list[str | int | float] | None


class SectionModel(InputModel):
    """One section: a method run on one input file, with its options."""

    method: Method = Field(description="The method (command) to run.", examples=["pert"])
    input: str = Field(
        description="The method's input file, relative to the report file; its name ends in a "
        "suffix the method reads (.yaml, .yml, .json; .csv, .txt or .xml where the method reads "
        "those), so no other file is ever read.",
        examples=["../examples/pert/supply-chain-onboarding.yaml"],
    )
    title: str | None = Field(None, description="The section heading; default: method and file.")
    text: str | None = Field(None, description="A paragraph shown under the heading.")
    options: dict[str, Option] = Field(
        default_factory=dict,
        description="Command-line options of the method by name: a value, true for a flag, a "
        "list for a repeated option. A file option (fishbone's counts) is relative to the "
        "report file and must be named .csv or .txt.",
        examples=[{"deadline": 20, "simulate": 1000, "seed": 1}],
    )


class ReportModel(DocumentModel):
    """A report: a title and its sections, in order."""

    title: str = Field(description="The report's title.", examples=["Q1 credit review"])
    subtitle: str | None = Field(None, description="A line under the title.")
    sections: list[SectionModel] = Field(min_length=1, description="The sections, in order.")


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
