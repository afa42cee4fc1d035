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
    help="Write the report to FILE: .html (self-contained) or .md (pictures written beside it).",
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
    from mgmt_tools.report import load
    from mgmt_tools.report.build import build_sections

    out_format = resolve_format(output, fmt, FORMATS)
    if output == "-" and out_format == "md":
        raise click.UsageError("a Markdown report writes pictures beside it: give -o FILE.md")
    try:
        model = load(report, encoding=encoding)
        sections = build_sections(report, model)
    except MgmtError as error:
        fail(error)
    for section in sections:
        for warning in section.result.get("warnings") or ():
            click.echo(f"warning: {section.method}: {warning}", err=True)
    if out_format == "md":
        target = Path(output)
        text, images = markdown_report(model.title, sections, target.stem, model.subtitle)
        for name, svg in images.items():
            write_output(str(target.with_name(name)), svg)
        write_output(output, text, input_path=report)
    else:
        write_output(output, html_report(model.title, sections, model.subtitle), input_path=report)
    if output != "-":
        click.echo(f"wrote {output} ({len(sections)} sections)", err=True)
