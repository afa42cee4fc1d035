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
from mgmt_cli._help import TranslatedCommand, TranslatedOption
from mgmt_cli._lang import lang_option
from mgmt_cli._limits import limit_options, limits_from
from mgmt_cli._output import resolve_format, write_output, writing
from mgmt_tools.locale import N_

FORMATS = ("html", "md")


HELP = N_(
    "Run the sections of REPORT (YAML or JSON) and write one HTML or Markdown document.\n"
    "\n"
    "REPORT has a title and sections, each {method, input, title?, text?, options?}; input paths\n"
    "are relative to REPORT, options are the method's options by name (as its command-line\n"
    "options, without the dashes), plus chart to pick the picture, e.g.\n"
    "{method: pert, input: plan.yaml, options: {deadline: 20, simulate: 1000, seed: 1}}.\n"
    "Each section shows the method's main picture, its key numbers and its table, exactly as\n"
    "`mgmt METHOD INPUT --json` gives them."
)


@click.command("report", cls=TranslatedCommand, help=HELP)
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    cls=TranslatedOption,
    help=N_(
        "Write the report to FILE: .html (self-contained) or .md (its pictures go in the "
        "folder FILE_files beside it, e.g. r.md and r_files/)."
    ),
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    cls=TranslatedOption,
    help=N_("Overrides the suffix."),
)
@click.option(
    "--encoding",
    metavar="NAME",
    cls=TranslatedOption,
    help=N_("Text encoding of the report file."),
)
def command(report: str, output: str, fmt: str | None, encoding: str | None, **limits: Any) -> None:
    """Run a report's sections (:data:`HELP`)."""
    with limits_from(limits):
        _write_report(report, output, fmt, encoding)


command.params += [*limit_options(), lang_option()]


def _write_report(report: str, output: str, fmt: str | None, encoding: str | None) -> None:
    from mgmt_tools.errors import MgmtError, printable
    from mgmt_tools.locale import _
    from mgmt_tools.render.report import html_report, markdown_report
    from mgmt_tools.report import load
    from mgmt_tools.report.build import build_sections
    from mgmt_tools.report.files import picture_folder

    out_format = resolve_format(output, fmt, FORMATS)
    if output == "-" and out_format == "md":
        raise click.UsageError(
            _("a Markdown report writes its pictures into a folder beside it: give -o FILE.md")
        )
    try:
        model = load(report, encoding=encoding)
        sections = build_sections(report, model)
    except MgmtError as error:
        fail(error)
    for section in sections:
        for warning in section.result.get("warnings") or ():
            message = f"{section.method}: {printable(warning)}"
            click.echo(_("warning: {message}").format(message=message), err=True)
    if out_format == "md":
        _check_target(output)  # before any picture is written
        target = Path(output)
        folder = picture_folder(target)
        text, images = markdown_report(
            model.title, sections, target.stem, model.subtitle, folder=folder.name
        )
        _write_pictures(folder, images)
        write_output(output, text)
    else:
        write_output(output, html_report(model.title, sections, model.subtitle))
    if output != "-":
        count = len(sections)
        text = _("wrote {file} ({count} sections)").format(file=output, count=count)
        click.echo(text, err=True)


def _check_target(output: str) -> None:
    """Refuse an ``output`` that is an input (exit 2) or a folder (exit 1) up front."""
    import errno
    import os

    from mgmt_tools._files import files_read
    from mgmt_tools._writing import refuse_inputs

    with writing(output):
        refuse_inputs(output, files_read())
        if os.path.isdir(output):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), output)


def _write_pictures(folder: Path, images: dict[str, str]) -> None:
    """The pictures of a Markdown report into ``folder`` (see :mod:`mgmt_tools.report.files`),
    never over a file the command read."""
    from mgmt_tools._files import files_read
    from mgmt_tools.report.files import write_pictures

    with writing():
        write_pictures(folder, images, inputs=files_read())
