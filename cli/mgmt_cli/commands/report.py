"""``mgmt report REPORT -o report.html|md``: run each section's method and write one document.

Each section runs its method once, in this process, through the method registry
(:mod:`mgmt_tools.report.build`): the numbers are exactly what ``mgmt METHOD INPUT OPTIONS
--json`` prints, the picture what ``-o picture.svg`` draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._limits import limit_options, limits_from
from mgmt_cli._output import resolve_format, write_output

FORMATS = ("html", "md")


@click.command("report")
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="Write the report to FILE: .html (self-contained) or .md (its pictures go in the "
    "folder FILE_files beside it, e.g. r.md and r_files/).",
)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), help="Overrides the suffix.")
@click.option("--encoding", metavar="NAME", help="Text encoding of the report file.")
def command(report: str, output: str, fmt: str | None, encoding: str | None, **limits: Any) -> None:
    """Run the sections of REPORT (YAML or JSON) and write one HTML or Markdown document.

    REPORT has a title and sections, each {method, input, title?, text?, options?}; input paths
    are relative to REPORT, options are the method's options by name (as its command-line
    options, without the dashes), plus chart to pick the picture, e.g.
    {method: pert, input: plan.yaml, options: {deadline: 20, simulate: 1000, seed: 1}}.
    Each section shows the method's main picture, its key numbers and its table, exactly as
    `mgmt METHOD INPUT --json` gives them.
    """
    with limits_from(limits):
        _write_report(report, output, fmt, encoding)


command.params += limit_options()


def _write_report(report: str, output: str, fmt: str | None, encoding: str | None) -> None:
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.render.report import html_report, markdown_report
    from mgmt_tools.report import load, section_input
    from mgmt_tools.report.build import build_sections
    from mgmt_tools.report.files import picture_folder

    out_format = resolve_format(output, fmt, FORMATS)
    if output == "-" and out_format == "md":
        raise click.UsageError(
            "a Markdown report writes its pictures into a folder beside it: give -o FILE.md"
        )
    try:
        model = load(report, encoding=encoding)
        sections = build_sections(report, model)
    except MgmtError as error:
        fail(error)
    for section in sections:
        for warning in section.result.get("warnings") or ():
            click.echo(f"warning: {section.method}: {warning}", err=True)
    inputs = [report, *(str(section_input(report, part.input)) for part in model.sections)]
    if out_format == "md":
        _check_target(output, inputs)  # before any picture is written
        target = Path(output)
        folder = picture_folder(target)
        text, images = markdown_report(
            model.title, sections, target.stem, model.subtitle, folder=folder.name
        )
        _write_pictures(folder, images, inputs)
        write_output(output, text, inputs=inputs)
    else:
        page = html_report(model.title, sections, model.subtitle)
        write_output(output, page, inputs=inputs)
    if output != "-":
        click.echo(f"wrote {output} ({len(sections)} sections)", err=True)


def _check_target(output: str, inputs: list[str]) -> None:
    """Refuse an ``output`` that is an input (exit 2) or a folder (exit 1) up front."""
    import os

    from mgmt_tools._files import files_read
    from mgmt_tools._writing import InputTargetError, WriteError, refuse_inputs

    try:
        refuse_inputs(output, [*inputs, *files_read()])
    except InputTargetError as error:
        raise click.UsageError(str(error)) from None
    if os.path.isdir(output):
        fail(WriteError(f"'{output}' is a folder: give a file name in it"))


def _write_pictures(folder: Path, images: dict[str, str], inputs: list[str]) -> None:
    """The pictures of a Markdown report into ``folder``; a refusal is a usage error (exit 2),
    an environment error exit 1 (see :mod:`mgmt_tools.report.files`)."""
    from mgmt_tools._files import files_read
    from mgmt_tools._writing import RefusedTargetError, WriteError, os_error_message
    from mgmt_tools.report.files import write_pictures

    try:
        write_pictures(folder, images, inputs=[*inputs, *files_read()])
    except RefusedTargetError as error:
        raise click.UsageError(str(error)) from None
    except WriteError as error:
        fail(error)
    except OSError as error:
        fail(WriteError(os_error_message(error)))
