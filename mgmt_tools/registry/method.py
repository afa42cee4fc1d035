"""A method's registry entry: what it reads, computes, writes and draws (stdlib only)."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mgmt_tools.locale import _, current, listed
from mgmt_tools.registry.options import Option, Stage, resolve

__all__ = ["IMAGE_FORMATS", "OUTPUT_SUFFIXES", "Chart", "Method"]

IMAGE_FORMATS = ("svg", "png", "pdf")
"""Rendered formats: a chart's drawing function is called as ``draw(result, fmt, **options)``;
for the text formats of a chart (dot, mermaid) as ``draw(result, **options)``."""
OUTPUT_SUFFIXES: dict[str, str] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".html": "html",
    ".xml": "mspdi",
    ".xlsx": "xlsx",
}
"""The output format each suffix of ``-o`` names."""


@dataclass(frozen=True)
class Chart:
    """A picture a method draws, and the formats it is drawn in.

    ``draws`` maps a format to ``"module:function"``; the key ``image`` stands for svg, png
    and pdf (``draw(result, fmt, **options)``); dot and mermaid are text
    (``draw(result, **options)``). Options of the ``draw`` stage are passed when the function
    takes them.
    """

    name: str
    draws: Mapping[str, str]
    needs: str | None = None
    """An option that must be given for this chart (its data is computed by it)."""
    needs_hint: str | None = None
    """How to give it, for the message (``--simulate N``)."""
    chosen_by: str | None = None
    """An option that, when given, makes this the default chart."""
    available: str | None = None
    """``"module:function"``: (result) -> None when the chart can be drawn, else why not."""

    @property
    def formats(self) -> tuple[str, ...]:
        """The output formats of this chart, in the order of :data:`IMAGE_FORMATS` first."""
        names: list[str] = []
        for key in self.draws:
            names += list(IMAGE_FORMATS) if key == "image" else [key]
        return tuple(names)

    def check(self, fmt: str) -> None:
        """Raise :class:`~mgmt_tools.errors.OptionError` when this chart has no form in ``fmt``.

        >>> Chart("risk", {"image": "m:f"}).check("dot")
        Traceback (most recent call last):
        ...
        mgmt_tools.errors.OptionError: the risk chart is drawn as svg, png or pdf, not dot
        """
        from mgmt_tools.errors import OptionError

        if fmt not in self.formats:
            raise OptionError(
                _("the {chart} chart is drawn as {formats}, not {fmt}").format(
                    chart=self.name, formats=_either(self.formats), fmt=fmt
                )
            )

    def function(self, fmt: str) -> Callable[..., bytes | str]:
        """The function drawing this chart in ``fmt`` (a KeyError when it cannot)."""
        key = "image" if fmt in IMAGE_FORMATS and "image" in self.draws else fmt
        function: Callable[..., bytes | str] = resolve(self.draws[key])
        return function


@dataclass(frozen=True)
class Method:
    """Everything the command line, reports, notebooks and docs need to know about a method."""

    name: str
    summary: str
    """One line for ``mgmt --help``."""
    package: str
    model: str
    """``"module:Class"``: the pydantic model of the input (its JSON Schema)."""
    result: str
    """``"module:Class"``: the result type."""
    input_formats: tuple[str, ...]
    example: str
    """The example input, relative to ``examples/``."""
    loader: str = ""
    """``"module:function"``: ``loads(text, fmt, *, source, **load options)``; default the
    package's ``io.loads``."""
    run: str = ""
    """``"module:function"``: ``run(loaded input, **run options) -> result``; default the
    package's ``run``."""
    text: str = ""
    """``"module:function"``: the readable summary, ``summary_text(result, warnings=False)``;
    default the package's ``summary_text``."""
    charts: tuple[Chart, ...] = ()
    writers: Mapping[str, str] = field(default_factory=dict)
    """Data formats other than json: format -> ``"module:function"`` (``write(result)``)."""
    options: tuple[Option, ...] = ()
    reads_files: bool = False
    """The loader reads files named inside the input: it takes ``base`` and ``encoding``."""
    schema: str | None = None
    """The name of the input's JSON Schema when it is not the method's (gantt: pert)."""
    docs: str | None = None
    """The user guide page under ``docs/`` when it is not ``<name>.md``."""
    progress: bool = False
    """The run function takes ``progress=callback(done, total)`` for long runs."""
    description: str = ""
    """The command's help: what it reads, prints and writes."""
    input_name: str = "INPUT"
    """The input's name in the command's usage line (PLAN, TREE, ...)."""

    def __post_init__(self) -> None:
        # the package's conventional names, where the entry names no other
        defaults = {
            "loader": f"{self.package}.io:loads",
            "run": f"{self.package}:run",
            "text": f"{self.package}:summary_text",
        }
        for name, reference in defaults.items():
            if not getattr(self, name):
                object.__setattr__(self, name, reference)

    @property
    def schema_name(self) -> str:
        """The stem of the input's schema file under ``mgmt_tools/schemas/``."""
        return self.schema or self.name

    @property
    def docs_page(self) -> str:
        """The user guide page, relative to ``docs/``."""
        return self.docs or f"{self.name}.md"

    @property
    def output_formats(self) -> tuple[str, ...]:
        """Every format ``-o`` can write: the charts', the data writers' and json."""
        names: list[str] = []
        for chart in self.charts:
            names += [name for name in chart.formats if name not in names]
        names += [name for name in ("json", *self.writers, "xlsx") if name not in names]
        return tuple(names)

    def option(self, name: str) -> Option:
        """The option called ``name`` (a KeyError when the method has none)."""
        for option in self.options:
            if option.name == name:
                return option
        raise KeyError(name)

    def chart(self, name: str) -> Chart:
        """The chart called ``name`` (a KeyError when the method draws none)."""
        for chart in self.charts:
            if chart.name == name:
                return chart
        raise KeyError(name)

    def stage(self, stage: Stage, values: Mapping[str, Any]) -> dict[str, Any]:
        """The keyword arguments of one stage from option values by name (absent ones left out)."""
        return {
            option.argument: values[option.name]
            for option in self.options
            if option.stage == stage and option.name in values
        }

    def loads(self, text: str, fmt: str, *, source: str, **options: Any) -> Any:
        """Read the input from ``text`` in ``fmt``."""
        return resolve(self.loader)(text, fmt, source=source, **options)

    def read(
        self,
        path: str | os.PathLike[str],
        *,
        fmt: str | None = None,
        encoding: str | None = None,
        **options: Any,
    ) -> Any:
        """Read the input file at ``path`` (``-`` for stdin): the format from ``fmt``, else the
        suffix, else the content; every problem located."""
        from mgmt_tools._files import load_file

        return load_file(
            path,
            resolve(self.loader),
            self.input_formats,
            fmt=fmt,
            encoding=encoding,
            files_beside=self.reads_files,
            **options,
        )

    def compute(self, loaded: Any, **options: Any) -> Any:
        """The result of the method on a loaded input."""
        return resolve(self.run)(loaded, **options)

    def summary_text(self, result: Any) -> str:
        """The readable summary of ``result`` (its warnings are printed apart)."""
        text: str = resolve(self.text)(result, warnings=False)
        return text

    def pick_chart(
        self, result: Any, asked: str | None, values: Mapping[str, Any], fmt: str | None = None
    ) -> Chart:
        """The chart to draw: ``asked``, else the first available chart chosen by a given
        option (and drawn in ``fmt``, when given: ``--sensitivity -f dot`` draws the hierarchy,
        the chart with a DOT form), else the first available one.

        Raises :class:`~mgmt_tools.errors.OptionError` when the asked chart cannot be drawn.
        """
        from mgmt_tools.errors import OptionError

        if asked is not None:
            chart = self.chart(asked)
            self.require(chart, values)
            reason = self._unavailable(chart, result)
            if reason is not None:
                raise OptionError(reason)
            return chart
        usable = [chart for chart in self.charts if self._unavailable(chart, result) is None]
        for chart in usable:
            trigger = chart.chosen_by or chart.needs
            if (
                trigger is not None
                and values.get(trigger)
                and (fmt is None or fmt in chart.formats)
            ):
                return chart
        if not usable:
            raise OptionError(_("{method} draws no picture of this input").format(method=self.name))
        if fmt is not None:
            usable[0].check(fmt)
        return usable[0]

    def require(self, chart: Chart, values: Mapping[str, Any]) -> None:
        """Raise :class:`~mgmt_tools.errors.OptionError` when ``chart`` needs an option that
        ``values`` lacks (the risk chart without ``--simulate``)."""
        from mgmt_tools.errors import OptionError

        if chart.needs is not None and not values.get(chart.needs):
            hint = chart.needs_hint or self.option(chart.needs).cli_flag
            raise OptionError(
                _("the {chart} chart needs {option}").format(chart=chart.name, option=hint)
            )

    def unused(self, chart: Chart, fmt: str, values: Mapping[str, Any]) -> list[str]:
        """A warning per drawing option given in ``values`` (not its default) that ``chart``
        drawn in ``fmt`` does not take (``--today`` on pert's network): it would be ignored."""
        if fmt not in chart.formats:
            return []
        given = {
            option.argument: option
            for option in self.options
            if option.stage == "draw"
            and values.get(option.name) is not None
            and values[option.name] != option.default
        }
        taken = _accepted(chart.function(fmt), given)
        return [
            _("{option} does not apply to the {chart} chart in {format}: it is ignored").format(
                option=option.cli_flag, chart=chart.name, format=fmt
            )
            for argument, option in given.items()
            if argument not in taken
        ]

    def warnings(self, result: Any) -> list[str]:
        """Every warning of ``result`` (a result may keep some in a part, as pert's
        simulation does: ``all_warnings`` then lists them all)."""
        found: Any = getattr(result, "all_warnings", None)
        if found is None:
            found = getattr(result, "warnings", ())
        return [str(warning) for warning in found]

    @staticmethod
    def _unavailable(chart: Chart, result: Any) -> str | None:
        if chart.available is None:
            return None
        reason: str | None = resolve(chart.available)(result)
        return reason

    def draw(self, result: Any, fmt: str, chart: Chart, **options: Any) -> bytes | str:
        """``chart`` of ``result`` in ``fmt`` (svg, png, pdf, dot, mermaid).

        Raises :class:`~mgmt_tools.errors.OptionError` when the chart has no such format.
        """
        chart.check(fmt)
        function = chart.function(fmt)
        options = _accepted(function, options)
        if fmt in IMAGE_FORMATS:
            return function(result, fmt, **options)
        return function(result, **options)

    def write(
        self, result: Any, fmt: str, *, chart: Chart | None = None, **options: Any
    ) -> bytes | str:
        """``result`` written in ``fmt``: json, a data format, or ``chart`` (default: the
        first available) drawn. A data writer gets the ``options`` it takes (``raw_cells``).

        CSV starts with a byte-order mark when ``bom`` is true, or when it is None (the
        default) and the language is Chinese: Excel then opens it as UTF-8, where without
        the mark Chinese Excel reads it as GBK and shows it garbled."""
        if fmt == "json":
            from mgmt_tools._json import json_text

            return json_text(result.to_dict())
        bom = options.pop("bom", None)
        if fmt == "xlsx":
            return self.workbook(result, chart, **options)
        if fmt in self.writers:
            writer: Callable[..., bytes | str] = resolve(self.writers[fmt])
            written = writer(result, **_accepted(writer, options))
            if fmt == "csv" and isinstance(written, str) and _wants_bom(bom):
                written = "\ufeff" + written
            return written
        return self.draw(result, fmt, chart or self.pick_chart(result, None, {}), **options)

    def workbook(self, result: Any, chart: Chart | None = None, **options: Any) -> bytes:
        """``result`` as an Excel workbook: its tables (:mod:`mgmt_tools.render.xlsx`) and
        ``chart`` (default: the first available) as a PNG picture where it can be drawn (a
        Graphviz diagram needs Graphviz: without it the workbook has the tables alone)."""
        from mgmt_tools.errors import MgmtError
        from mgmt_tools.render.xlsx import result_sheets, workbook

        picture = None
        try:
            chosen = chart or (self.pick_chart(result, None, {}) if self.charts else None)
            if chosen is not None:
                drawn = self.draw(result, "png", chosen, **options)  # OptionError: no PNG
                picture = drawn if isinstance(drawn, bytes) else None
        except MgmtError:
            picture = None
        return workbook(result_sheets(result.to_dict()), picture)


def _wants_bom(bom: bool | None) -> bool:
    if bom is not None:
        return bom
    return current() == "zh"


def _accepted(function: Callable[..., Any], options: Mapping[str, Any]) -> dict[str, Any]:
    parameters = inspect.signature(function).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return dict(options)
    return {name: value for name, value in options.items() if name in parameters}


def _either(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return _("{names} or {last}").format(names=listed(names[:-1]), last=names[-1])
