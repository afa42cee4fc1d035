"""One Click command for every method, built from its registry entry.

A method has no command module of its own: ``method_command("pert")`` builds the command. The
input argument, ``--input-format``, ``--encoding``, ``-o``, ``-f``, ``--json``,
``--chart`` and the method's own options all come from :data:`mgmt_tools.methods.METHODS`, and
so does what the command does: read, compute, then print or write (:func:`execute`). Errors
are handled here once: a located input problem exits 1, options that do not fit exit 2.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import click

from mgmt_cli._errors import fail
from mgmt_cli._help import TranslatedCommand, TranslatedOption
from mgmt_cli._lang import lang_option
from mgmt_cli._limits import limit_options, limits_from
from mgmt_cli._output import emit, resolve_format
from mgmt_tools.locale import N_

if TYPE_CHECKING:
    from mgmt_tools.methods import Chart, Method, Option

__all__ = ["execute", "method_command"]

CELL_FORMATS = ("csv", "xlsx")
"""Data formats a spreadsheet opens, whose cells are guarded against formula injection."""

_PROGRESS_AFTER = 0.5
"""Seconds a computation runs before a progress bar appears on stderr."""


def _method(name: str) -> Method:
    from mgmt_tools.methods import METHODS

    return METHODS[name]


_METAVARS = {"int": "N", "float": "NUMBER", "date": "DATE", "path": "FILE", "text": "TEXT"}


class _Choice(click.Choice):  # type: ignore[type-arg]
    """A choice refused in the option's own words, which say what was meant (``triangle``:
    'triangular'), as a report file's option is."""

    def __init__(self, option: Option) -> None:
        super().__init__(option.choices, case_sensitive=False)
        self.option = option

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            try:
                self.option.convert(value)
            except ValueError as error:
                self.fail(str(error), param, ctx)
            raise


def _click_type(option: Option) -> Any:
    if option.kind == "choice":
        return _Choice(option)
    if option.kind in ("int", "float"):
        kind = click.IntRange if option.kind == "int" else click.FloatRange
        if option.low is None and option.high is None:
            return int if option.kind == "int" else float
        return kind(min=option.low, max=option.high, min_open=option.low_open)  # type: ignore[arg-type]
    if option.kind == "path":
        return click.Path(dir_okay=False)
    return str


def _converter(option: Option) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def convert(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is None:
            return None
        try:
            return option.convert(value)
        except ValueError as error:  # the message may quote the value: shown, never obeyed
            from mgmt_tools.errors import printable

            raise click.BadParameter(printable(str(error))) from None

    return convert


def _click_option(option: Option) -> click.Option:
    parameter = "opt_" + option.name
    if option.kind == "flag":
        return TranslatedOption(
            [option.cli_flag, parameter], is_flag=True, default=False, help=option.help
        )
    needs_conversion = option.kind in ("date", "float") or option.parse is not None
    return TranslatedOption(
        [option.cli_flag, parameter],
        type=_click_type(option),
        default=option.default,
        show_default=option.default is not None,
        metavar=option.metavar or _METAVARS.get(option.kind),
        callback=_converter(option) if needs_conversion else None,
        help=option.help,
    )


def _common(method: Method) -> list[click.Parameter]:
    """INPUT and the options every method command has."""
    from mgmt_tools._files import input_formats

    formats = method.output_formats
    params: list[click.Parameter] = [
        click.Argument(
            ["input"], metavar=method.input_name, type=click.Path(dir_okay=False, allow_dash=True)
        ),
        TranslatedOption(
            ["--input-format"],
            type=click.Choice(input_formats(method.input_formats), case_sensitive=False),
            help=N_("Input format when the suffix does not tell (stdin)."),
        ),
        TranslatedOption(
            ["--encoding"],
            metavar="NAME",
            help=N_("Text encoding of the input (default UTF-8, BOM allowed), e.g. gbk."),
        ),
        *_sheet_option(method),
        TranslatedOption(
            ["-o", "--output"],
            metavar="FILE",
            help=N_(
                "Write the diagram or data to FILE ('-' for stdout with -f); the format "
                "comes from the suffix: {formats}."
            ),
            help_fields={"formats": ", ".join(formats)},
        ),
        TranslatedOption(
            ["-f", "--format", "fmt"],
            type=click.Choice(formats, case_sensitive=False),
            help=N_("Output format; overrides the suffix of -o."),
        ),
        TranslatedOption(
            ["--json", "as_json"], is_flag=True, help=N_("Print the JSON result to stdout.")
        ),
    ]
    if any(name in method.writers for name in CELL_FORMATS):
        params.append(
            TranslatedOption(
                ["--raw-cells"],
                is_flag=True,
                help=N_(
                    "Write CSV cells as they are, even those a spreadsheet would run as a "
                    "formula (starting with = + - @); by default they get a leading '."
                ),
            )
        )
    if "csv" in method.writers:
        params.append(
            TranslatedOption(
                ["--bom/--no-bom"],
                default=None,
                help=N_(
                    "Start CSV output with a byte-order mark, so Excel reads it as UTF-8 "
                    "(default: with --lang zh or a Chinese locale, yes; otherwise no)."
                ),
            )
        )
    if len(method.charts) > 1:
        names = [chart.name for chart in method.charts]
        triggers = [
            (chart.name, flag) for chart in method.charts if (flag := _trigger_flag(method, chart))
        ]

        def chosen() -> str:
            from mgmt_tools.locale import _

            return "".join(
                _("; {chart} with {flag}").format(chart=chart, flag=flag)
                for chart, flag in triggers
            )

        params.append(
            TranslatedOption(
                ["--chart"],
                type=click.Choice(names),
                help=N_("Which picture -o draws (default: {default}{chosen})."),
                help_fields={"default": names[0], "chosen": chosen},
            )
        )
    return params


def _sheet_option(method: Method) -> list[click.Parameter]:
    """``--sheet``, where the method reads a table (CSV, so an Excel workbook too)."""
    from mgmt_tools._files import reads_tables

    if not reads_tables(method.input_formats):
        return []
    return [
        TranslatedOption(
            ["--sheet"],
            metavar="NAME|N",
            help=N_(
                "The sheet of an Excel workbook (.xlsx) input: its name or number "
                "(1 is the first, the default)."
            ),
        )
    ]


def method_command(name: str) -> click.Command:
    """The Click command of method ``name``, with its help and options from the registry."""
    method = _method(name)

    def callback(**params: Any) -> None:
        values = {
            key.removeprefix("opt_"): value
            for key, value in params.items()
            if key.startswith("opt_") and value is not None
        }
        if params.get("raw_cells"):
            values["raw_cells"] = True
        if params.get("bom") is not None:
            values["bom"] = params["bom"]
        with limits_from(params):
            execute(
                method,
                source=params["input"],
                input_format=params["input_format"],
                encoding=params["encoding"],
                output=params["output"],
                fmt=params["fmt"],
                as_json=params["as_json"],
                chart_name=params.get("chart"),
                values=values,
                sheet=params.get("sheet"),
            )

    return TranslatedCommand(
        name,
        callback=callback,
        params=[
            *_common(method),
            *(_click_option(option) for option in method.options),
            *limit_options(),
            lang_option(),
        ],
        help=method.description,
        short_help=method.summary,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def _trigger_flag(method: Method, chart: Chart) -> str | None:
    trigger = chart.chosen_by or chart.needs
    if trigger is None:
        return None
    return method.option(trigger).cli_flag


def _check_chart(
    method: Method, chart_name: str | None, out_format: str | None, values: Mapping[str, Any]
) -> None:
    """Refuse, before reading the input, a chart without its data or in a format it lacks."""
    from mgmt_tools.errors import OptionError

    if chart_name is None:
        return
    chart = method.chart(chart_name)
    try:
        method.require(chart, values)
        if out_format is not None and _draws(method, out_format):
            chart.check(out_format)
    except OptionError as error:
        raise click.UsageError(str(error)) from None


def _check_readable(source: str) -> None:
    """A missing or unreadable INPUT is a usage error (exit 2), as a bad option is."""
    if source == "-":
        return
    try:
        with open(source, "rb"):
            pass
    except OSError as error:
        from mgmt_tools._writing import os_reason
        from mgmt_tools.locale import _

        reason = os_reason(error)
        message = _("cannot read '{file}': {reason}").format(file=source, reason=reason)
        raise click.BadParameter(message, param_hint="INPUT") from None


def _text(data: bytes | str) -> str:
    return data if isinstance(data, str) else data.decode("utf-8")


def _draws(method: Method, out_format: str) -> bool:
    """Whether ``out_format`` is a picture (not json, a workbook or a data writer)."""
    return out_format not in ("json", "xlsx") and out_format not in method.writers


def _embedded_chart(
    method: Method, result: Any, chart_name: str | None, values: Mapping[str, Any]
) -> Chart | None:
    """The chart a workbook embeds: ``--chart``, else the one an option chose (``--simulate``),
    else the first available; None when none is (the workbook has its tables)."""
    from mgmt_tools.errors import OptionError

    if chart_name is not None:
        return method.pick_chart(result, chart_name, values)
    try:
        return method.pick_chart(result, None, values)
    except OptionError:
        return None


def _progress() -> Callable[[int, int], None]:
    """A callback that shows a progress bar on stderr once a run has lasted a while."""
    started = time.monotonic()
    state: dict[str, Any] = {"bar": None, "done": 0}

    def advance(done: int, total: int) -> None:
        bar: Any = state["bar"]
        if bar is None:
            if time.monotonic() - started < _PROGRESS_AFTER or done >= total:
                return
            from mgmt_tools.locale import _

            bar = click.progressbar(length=total, label=_("computing"), file=sys.stderr)
            bar.__enter__()
            state["bar"] = bar
        bar.update(done - state["done"])
        state["done"] = done
        if done >= total:
            bar.__exit__(None, None, None)

    return advance


def execute(
    method: Method,
    *,
    source: str,
    input_format: str | None,
    encoding: str | None,
    output: str | None,
    fmt: str | None,
    as_json: bool,
    chart_name: str | None,
    values: Mapping[str, Any],
    sheet: str | None = None,
) -> None:
    """Read ``source``, compute the method, then print or write what was asked."""
    from mgmt_tools.errors import MgmtError, OptionError

    out_format = resolve_format(output, fmt, method.output_formats)
    _check_chart(method, chart_name, out_format, values)
    _check_readable(source)
    try:
        where = {} if sheet is None else {"sheet": sheet}  # a sheet of a workbook input
        loaded = method.read(
            source, fmt=input_format, encoding=encoding, **where, **method.stage("load", values)
        )
        arguments = method.stage("run", values)
        if method.progress:
            arguments["progress"] = _progress()
        result = method.compute(loaded, **arguments)
        chart = None
        if method.charts and out_format is not None and _draws(method, out_format):
            chart = method.pick_chart(result, chart_name, values, out_format)
        elif method.charts and out_format == "xlsx":
            chart = _embedded_chart(method, result, chart_name, values)
    except OptionError as error:
        raise click.UsageError(str(error)) from None
    except MgmtError as error:
        fail(error)
    drawing = method.stage("draw", values)
    if values.get("raw_cells"):
        drawing["raw_cells"] = True
    if values.get("bom") is not None:
        drawing["bom"] = values["bom"]

    def produce() -> bytes | str:
        try:
            return method.write(result, out_format or "json", chart=chart, **drawing)
        except OptionError as error:
            raise click.UsageError(str(error)) from None

    dot_source = None
    if chart is not None and "dot" in chart.formats:

        def dot_source() -> str:
            return _text(method.draw(result, "dot", chart, **drawing))

    unused = [] if chart is None or out_format is None else method.unused(chart, out_format, values)
    emit(
        warnings=method.warnings(result) + unused,
        as_json=as_json,
        document=lambda: _text(method.write(result, "json")),
        summary=lambda: method.summary_text(result),
        out_format=out_format,
        output=output,
        produce=produce,
        dot_source=dot_source,
        input_path=source,
    )
