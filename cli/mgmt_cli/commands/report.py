"""``mgmt report REPORT -o report.html|md``: run each section's method and write one document.

Each section runs the method's own command in-process: ``--json`` for the numbers (so they are
exactly what ``mgmt METHOD INPUT OPTIONS --json`` prints) and ``-o picture.svg`` for its main
picture when the method draws one.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._output import resolve_format, write_output

FORMATS = ("html", "md")


def invoke(method: str, args: list[str]) -> str:
    """Run ``mgmt METHOD ARGS`` in this process; its stdout, or exit with its code on failure.

    Its diagnostics go to stderr as when it runs alone.
    """
    from mgmt_cli.main import COMMANDS

    module = importlib.import_module(f"mgmt_cli.commands.{COMMANDS[method][0]}")
    command: click.Command = module.command
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            command.main(args, prog_name=f"mgmt {method}", standalone_mode=False)
        except click.ClickException as error:
            error.show()
            raise SystemExit(error.exit_code) from None
    return out.getvalue()


def _picture(method: str, args: list[str]) -> str | None:
    """The section's main picture as SVG text, None when the method draws none or cannot."""
    module = importlib.import_module(f"mgmt_cli.commands.{method}")
    if "svg" not in getattr(module, "FORMATS", ()):
        return None
    with tempfile.TemporaryDirectory(prefix="mgmt-report-") as directory:
        target = Path(directory) / "picture.svg"
        said = io.StringIO()  # its warnings were shown by the --json run; "wrote ..." is noise
        try:
            with contextlib.redirect_stderr(said):
                invoke(method, [*args, "-o", str(target)])
        except SystemExit as stop:
            if stop.code not in (0, None, 3):  # 3: Graphviz missing, DOT written instead
                click.echo(said.getvalue(), err=True, nl=False)
                raise
        if not target.is_file():
            return None
        text = target.read_text(encoding="utf-8")
        return text if "<svg" in text else None


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
def command(report: str, output: str, fmt: str | None, encoding: str | None) -> None:
    """Run the sections of REPORT (YAML or JSON) and write one HTML or Markdown document.

    REPORT has a title and sections, each {method, input, title?, text?, options?}; input paths
    are relative to REPORT, options are the method's command-line options by name, e.g.
    {method: pert, input: plan.yaml, options: {deadline: 20, simulate: 1000, seed: 1}}.
    Each section shows the method's main picture, its key numbers and its table, exactly as
    `mgmt METHOD INPUT --json` gives them.
    """
    from mgmt_tools.errors import MgmtError
    from mgmt_tools.render.report import Section, html_report, markdown_report
    from mgmt_tools.report import load, option_args, section_input

    out_format = resolve_format(output, fmt, FORMATS)
    if output == "-" and out_format == "md":
        raise click.UsageError("a Markdown report writes pictures beside it: give -o FILE.md")
    try:
        model = load(report, encoding=encoding)
    except MgmtError as error:
        fail(error)
    sections: list[Section] = []
    for part in model.sections:
        path = section_input(report, part.input)
        args = [str(path), *option_args(dict(part.options))]
        result: dict[str, Any] = json.loads(invoke(part.method, [*args, "--json"]))
        sections.append(
            Section(
                title=part.title or f"{part.method}: {Path(part.input).name}",
                method=part.method,
                source=part.input,
                result=result,
                svg=_picture(part.method, args),
                text=part.text,
                options=dict(part.options),
            )
        )
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
