"""The method registry: every method, what it reads, computes, writes and draws, in one place.

``METHODS`` maps a method's name (the command ``mgmt NAME``) to a :class:`Method`. The command
line, ``mgmt schema``, ``mgmt init``, ``mgmt report``, notebook display, shell completion and
the docs index are all driven from it; a test walks it and checks that every method has each
part. Adding a method is its package plus one entry here.

This module imports nothing beyond the standard library (``mgmt --help`` reads it): the
functions of a method are named as ``"module:function"`` and imported when first used.

>>> METHODS["pert"].input_formats
('yaml', 'json', 'csv', 'mspdi')
>>> [chart.name for chart in METHODS["decision"].charts]
['tree', 'risk-profile', 'sensitivity', 'tornado']
>>> METHODS["pareto"].option("other_after").cli_flag
'--other-after'
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "IMAGE_FORMATS",
    "METHODS",
    "Chart",
    "Method",
    "Option",
    "method_of",
    "resolve",
]

IMAGE_FORMATS = ("svg", "png", "pdf")
"""Rendered formats: a chart's drawing function is called as ``draw(result, fmt, **options)``;
for the text formats of a chart (dot, mermaid) as ``draw(result, **options)``."""

Stage = Literal["load", "run", "draw", "chart"]
Kind = Literal["text", "int", "float", "flag", "choice", "date", "path"]


def resolve(reference: str) -> Any:
    """The object named by ``"package.module:name"`` (imported now).

    >>> resolve("mgmt_tools.errors:did_you_mean").__name__
    'did_you_mean'
    """
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Option:
    """One option of a method: ``--flag`` on the command line, a key in a report's ``options``.

    ``stage`` says which function receives it as a keyword: the loader (``load``), the run
    function (``run``) or the chart's drawing function (``draw``); a ``chart`` option only
    picks the picture (``--risk-profile``).
    """

    name: str
    """The key in report files and the keyword argument (``other_after``)."""
    help: str
    stage: Stage = "run"
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    default: Any = None
    metavar: str | None = None
    multiple: bool = False
    parse: str | None = None
    """``"module:function"`` turning the text of a ``text`` option into its value; a
    ``ValueError`` from it is the message the user sees."""
    flag: str | None = None
    """The command-line flag when it is not ``--`` + name with dashes (``--simulate``)."""
    keyword: str | None = None
    """The keyword argument when it is not ``name`` (``trials`` for ``simulate``)."""

    @property
    def cli_flag(self) -> str:
        """The flag on the command line.

        >>> Option("other_after", "").cli_flag, Option("simulate", "", keyword="trials").cli_flag
        ('--other-after', '--simulate')
        """
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def argument(self) -> str:
        """The keyword argument of the function that receives the option."""
        return self.keyword or self.name

    def convert(self, value: Any) -> Any:
        """The option's value from a report file or the command line, checked.

        Raises ``ValueError`` with a message for the user.

        >>> Option("top", "", kind="int", low=1).convert(3)
        3
        >>> Option("top", "", kind="int", low=1).convert(0)
        Traceback (most recent call last):
        ...
        ValueError: must be at least 1, got 0
        """
        if value is None:
            return None
        if self.multiple and isinstance(value, list | tuple):
            return tuple(self._one(item) for item in value)
        if self.multiple:
            return (self._one(value),)
        return self._one(value)

    def _one(self, value: Any) -> Any:
        kind = self.kind
        if kind == "flag":
            if not isinstance(value, bool):
                raise ValueError(f"is true or false, got {value!r}")
            return value
        if kind == "choice":
            text = str(value).lower()
            if text not in self.choices:
                from mgmt_tools.errors import did_you_mean

                hint = did_you_mean(text, list(self.choices))
                raise ValueError(f"unknown value {value!r}{hint}")
            return text
        if kind in ("int", "float"):
            return self._number(value)
        if kind == "date":
            if isinstance(value, dt.date):
                return value
            try:
                return dt.date.fromisoformat(str(value))
            except ValueError:
                raise ValueError(f"not a date (write YYYY-MM-DD): {value!r}") from None
        if self.parse is not None:
            parsed = resolve(self.parse)(value if isinstance(value, str) else str(value))
            return parsed
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(f"is text, got {value!r}")
        return str(value)

    def _number(self, value: Any) -> float | int:
        if isinstance(value, bool):
            raise ValueError(f"is a number, got {value!r}")
        try:
            number: float | int = int(value) if self.kind == "int" else float(value)
        except (TypeError, ValueError):
            kind = "a whole number" if self.kind == "int" else "a number"
            raise ValueError(f"is {kind}, got {value!r}") from None
        if self.kind == "int" and isinstance(value, float) and value != int(value):
            raise ValueError(f"is a whole number, got {value!r}")
        if self.low is not None and (number < self.low or (self.low_open and number == self.low)):
            word = "above" if self.low_open else "at least"
            raise ValueError(f"must be {word} {_plain(self.low)}, got {_plain(number)}")
        if self.high is not None and number > self.high:
            raise ValueError(f"must be at most {_plain(self.high)}, got {_plain(number)}")
        return number


def _words(text: str) -> tuple[str, ...]:
    """Choices written as one line of words (``"rice ice wsjf"``)."""
    return tuple(text.split())


def _plain(number: float) -> str:
    return f"{number:g}"


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
                f"the {self.name} chart is drawn as {_either(self.formats)}, not {fmt}"
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
        names += [name for name in ("json", *self.writers) if name not in names]
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
            raise OptionError(f"{self.name} draws no picture of this input")
        if fmt is not None:
            usable[0].check(fmt)
        return usable[0]

    def require(self, chart: Chart, values: Mapping[str, Any]) -> None:
        """Raise :class:`~mgmt_tools.errors.OptionError` when ``chart`` needs an option that
        ``values`` lacks (the risk chart without ``--simulate``)."""
        from mgmt_tools.errors import OptionError

        if chart.needs is not None and not values.get(chart.needs):
            hint = chart.needs_hint or self.option(chart.needs).cli_flag
            raise OptionError(f"the {chart.name} chart needs {hint}")

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
        first available) drawn."""
        if fmt == "json":
            from mgmt_tools._json import json_text

            return json_text(result.to_dict())
        if fmt in self.writers:
            writer: Callable[[Any], bytes | str] = resolve(self.writers[fmt])
            return writer(result)
        return self.draw(result, fmt, chart or self.pick_chart(result, None, {}), **options)


def _accepted(function: Callable[..., Any], options: Mapping[str, Any]) -> dict[str, Any]:
    parameters = inspect.signature(function).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return dict(options)
    return {name: value for name, value in options.items() if name in parameters}


def _either(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def method_of(result: Any) -> Method:
    """The method whose result ``result`` is; where several share a result type (pert and
    gantt), the one whose own input it is (pert: gantt is a view of pert's schedule)."""
    kind = type(result)
    reference = f"{kind.__module__}:{kind.__qualname__}"
    matches = [method for method in METHODS.values() if method.result == reference]
    if not matches:
        raise KeyError(reference)
    return next((method for method in matches if method.schema is None), matches[0])


# --- the entries -------------------------------------------------------------------------------

_PERT_OPTIONS = (
    Option(
        "deadline",
        "Deadline for P(T <= deadline), in units or as a date (YYYY-MM-DD); overrides the plan's.",
        metavar="UNITS|DATE",
        parse="mgmt_tools.pert.options:parse_deadline",
    ),
    Option(
        "simulate",
        "Monte Carlo: simulate N schedules over the three-point estimates (adds the "
        "simulation block; -o draws the risk chart).",
        kind="int",
        low=1,
        metavar="N",
        keyword="trials",
    ),
    Option(
        "seed",
        "Seed of --simulate (default: a fresh one, printed in the JSON).",
        kind="int",
        low=0,
    ),
    Option(
        "distribution",
        "Distribution of durations in --simulate (pert is another name of beta-pert).",
        kind="choice",
        choices=("beta-pert", "triangular", "pert"),
        default="beta-pert",
    ),
    Option(
        "max_diagram_tasks",
        "Above this many tasks the network keeps the critical paths and their neighbours "
        "(the numbers stay complete).",
        stage="draw",
        kind="int",
        low=1,
        default=500,
        keyword="max_tasks",
    ),
)

_PERT_NETWORK = Chart(
    "network",
    {
        "image": "mgmt_tools.pert.render:render",
        "dot": "mgmt_tools.pert.render:to_dot",
        "mermaid": "mgmt_tools.pert.render:to_mermaid",
    },
)
_PERT_GANTT = Chart(
    "gantt",
    {
        "image": "mgmt_tools.pert.charts:gantt_chart",
        "mermaid": "mgmt_tools.pert.charts:gantt_mermaid",
    },
)
_PERT_RISK = Chart(
    "risk",
    {"image": "mgmt_tools.pert.charts:risk_chart"},
    needs="simulate",
    needs_hint="--simulate N",
)

_PERT = Method(
    name="pert",
    input_name="PLAN",
    description=(
        "Schedule PLAN (YAML, JSON or CSV) by CPM/PERT.\n\n"
        "Prints a table of early and late dates, floats and critical paths; --json "
        "prints the result as JSON; -o FILE draws the activity-on-node network (.svg "
        ".png .pdf .dot .mmd), the Gantt chart (--chart gantt) or the risk chart "
        "(--simulate N), or writes .json, .csv or .xml (MS Project XML, which MS "
        "Project, ProjectLibre and GanttProject open). PLAN may also be an MS Project "
        "XML file (.xml)."
    ),
    summary="Schedule a plan: CPM/PERT dates, floats, critical paths, network diagram.",
    package="mgmt_tools.pert",
    model="mgmt_tools.pert.model:PlanModel",
    result="mgmt_tools.pert.result:Schedule",
    input_formats=("yaml", "json", "csv", "mspdi"),
    example="pert/supply-chain-onboarding.yaml",
    charts=(_PERT_NETWORK, _PERT_GANTT, _PERT_RISK),
    writers={
        "csv": "mgmt_tools.pert.export:to_csv",
        "mspdi": "mgmt_tools.pert.mspdi:to_mspdi",
    },
    options=_PERT_OPTIONS,
    progress=True,
)

_GANTT = Method(
    **{
        **_PERT.__dict__,
        "name": "gantt",
        "summary": "Draw a plan's Gantt chart on working-day dates (same input as pert).",
        "description": (
            "Schedule PLAN and draw its Gantt chart with -o gantt.svg|png|pdf (-f mermaid "
            "writes a Mermaid gantt with explicit dates).\n\n"
            "Bars on a date axis (offsets without a start date), critical tasks in the "
            "accent colour, total float after each bar, milestones as diamonds, an arrow "
            "for every link, non-working days shaded and the deadline as a line. Without "
            "-o, prints the same table as mgmt pert."
        ),
        "charts": (_PERT_GANTT, _PERT_NETWORK, _PERT_RISK),
        "schema": "pert",
        "docs": "pert.md",
    }
)

_DECISION = Method(
    name="decision",
    input_name="TREE",
    description=(
        "Roll back the decision tree TREE (YAML or JSON).\n\n"
        "Prints the expected value, the policy at every decision, the values of the "
        "root's branches, the risk profile and the EVPI of each chance node (with "
        "risk_tolerance also the expected utility and certainty equivalents); --json "
        "prints the result as JSON. -o FILE draws the tree (.svg .png .pdf, or .dot), "
        "or with --chart the risk profile, the sensitivity (--vary) or the tornado "
        "(--tornado) chart; -o FILE.json writes the JSON."
    ),
    summary="Roll back a decision tree: expected value, policy, risk profile, EVPI, sensitivity.",
    package="mgmt_tools.decision",
    model="mgmt_tools.decision.model:TreeModel",
    result="mgmt_tools.decision.result:DecisionResult",
    input_formats=("yaml", "json"),
    example="decision/credit-line-steel.yaml",
    charts=(
        Chart(
            "tree",
            {
                "image": "mgmt_tools.decision.render:render",
                "dot": "mgmt_tools.decision.render:to_dot",
            },
        ),
        Chart(
            "risk-profile",
            {"image": "mgmt_tools.decision.charts:risk_profile_chart"},
            chosen_by="risk_profile",
        ),
        Chart(
            "sensitivity",
            {"image": "mgmt_tools.decision.charts:sensitivity_chart"},
            needs="vary",
            needs_hint="--vary VAR=LOW:HIGH[:STEPS]",
        ),
        Chart(
            "tornado",
            {"image": "mgmt_tools.decision.charts:tornado_chart"},
            needs="tornado",
        ),
    ),
    options=(
        Option(
            "vary",
            "One-way sensitivity to a variable over STEPS values (default 11), with the exact "
            "break-even values where the best root branch changes.",
            metavar="VAR=LOW:HIGH[:STEPS]",
            parse="mgmt_tools.decision.sensitivity:parse_vary_text",
        ),
        Option("tornado", "Tornado over the variables' 'ranges'.", kind="flag", default=False),
        Option(
            "fixed_policy",
            "In --vary and --tornado hold the base-case decisions instead of re-optimising.",
            kind="flag",
            default=False,
        ),
        Option(
            "risk_profile",
            "Draw the risk profile chart (--chart risk-profile).",
            stage="chart",
            kind="flag",
            default=False,
        ),
        Option(
            "depth",
            "Draw the tree to this depth; deeper subtrees collapse into one node with their "
            "value (trees over 300 nodes collapse on their own).",
            stage="draw",
            kind="int",
            low=0,
        ),
    ),
)

_INDEX_CHARTS = (
    Chart(
        "hierarchy",
        {"image": "mgmt_tools.mcda.render:render", "dot": "mgmt_tools.mcda.render:to_dot"},
    ),
    Chart("ranking", {"image": "mgmt_tools.mcda.charts:ranking_chart"}),
    Chart(
        "acceptability",
        {"image": "mgmt_tools.mcda.charts:acceptability_chart"},
        needs="sensitivity",
    ),
)

_INDEX = Method(
    name="index",
    input_name="MATRIX",
    description=(
        "Score and rank the alternatives of the decision matrix MATRIX (YAML or JSON; "
        "the alternatives may come from a CSV file named in it).\n\n"
        "Prints the method, normalisation and weighting used (each default stated), the "
        "weights and the ranking (VIKOR: S, R, Q and the compromise set); --json prints "
        "the result as JSON. -o FILE draws the hierarchy of goal, criteria and "
        "alternatives (.svg .png .pdf, or .dot), or with --chart the ranking or the "
        "rank acceptability (--sensitivity); -o FILE.json writes the JSON."
    ),
    summary="Score and rank alternatives: weighted sum or product, TOPSIS, VIKOR; weight "
    "sensitivity.",
    package="mgmt_tools.mcda",
    model="mgmt_tools.mcda.model:MatrixModel",
    result="mgmt_tools.mcda.result:IndexResult",
    input_formats=("yaml", "json"),
    example="index/cash-management-platform.yaml",
    charts=_INDEX_CHARTS,
    reads_files=True,
    options=(
        Option(
            "method",
            "Override the file's method.",
            stage="load",
            kind="choice",
            choices=("weighted_sum", "weighted_product", "topsis", "vikor"),
        ),
        Option(
            "normalization",
            "Override the normalisation (default per method: weighted_sum minmax, "
            "weighted_product none, topsis vector; vikor always uses its own).",
            stage="load",
            kind="choice",
            choices=("minmax", "max", "sum", "vector", "zscore", "none"),
        ),
        Option(
            "weighting",
            "Override the weighting.",
            stage="load",
            kind="choice",
            choices=("given", "equal", "ahp", "entropy", "critic", "roc"),
        ),
        Option(
            "vikor_v",
            "VIKOR's v (weight of group utility S).",
            stage="load",
            kind="float",
            low=0,
            high=1,
        ),
        Option(
            "sensitivity",
            "Per criterion the weights at which the winner changes (the others rescaled in "
            "proportion), and Monte Carlo rank acceptability over Dirichlet weight draws.",
            kind="flag",
            default=False,
        ),
        Option("seed", "Seed of the weight draws (default: fresh, reported).", kind="int"),
        Option("draws", "Weight draws of the rank acceptability.", kind="int", low=1, default=2000),
        Option(
            "concentration",
            "Dirichlet concentration c of the draws (alpha = c x weights).",
            kind="float",
            low=0,
            low_open=True,
            default=100.0,
        ),
    ),
    docs="index.md",
)

_AHP = Method(
    name="ahp",
    input_name="JUDGEMENTS",
    description=(
        "Derive priorities from the pairwise judgements JUDGEMENTS (YAML or JSON): one "
        "matrix, or a hierarchy of criteria and alternatives.\n\n"
        "Prints the priorities, lambda_max, CI and CR of every matrix (with the "
        "random-index table used), the values given to missing pairs, and for a "
        "hierarchy the local, global and overall weights; --json prints the result as "
        "JSON. -o FILE draws the hierarchy (.svg .png .pdf, or .dot; a single matrix: "
        "the goal over its elements), or with --chart ranking the priorities as ranked "
        "bars; -o FILE.json writes the JSON."
    ),
    summary="AHP priorities and consistency ratios of pairwise judgements or a hierarchy.",
    package="mgmt_tools.mcda",
    model="mgmt_tools.mcda.model:JudgementsModel",
    loader="mgmt_tools.mcda.io:loads_judgements",
    result="mgmt_tools.mcda.result:AhpResult",
    input_formats=("yaml", "json"),
    example="ahp/team-leader.yaml",
    charts=_INDEX_CHARTS[:2],
    options=(
        Option(
            "method",
            "Override the priority method (default eigenvector).",
            kind="choice",
            choices=("eigenvector", "geometric_mean"),
        ),
        Option(
            "random_index",
            "Override the random-index table of the CR (default saaty1980).",
            kind="choice",
            choices=("saaty1980", "saaty2005", "donegan_dodd"),
        ),
    ),
    docs="index.md",
)

_RANK = Method(
    name="rank",
    input_name="BACKLOG",
    description=(
        "Rank the items of BACKLOG (YAML, JSON, or CSV with a name column and "
        "--method).\n\n"
        "Prints the ranking (best first; equal scores share a rank) with categories "
        "where the method has them; --json prints the result as JSON. -o FILE draws the "
        "2x2 matrix or the ranked bar chart (.svg .png .pdf; .dot for the matrix), or "
        "writes the ranking as a Markdown table (.md), JSON or CSV."
    ),
    summary="Prioritise a backlog: RICE, ICE, WSJF, MoSCoW, Eisenhower, value/effort, pairwise, "
    "Borda.",
    package="mgmt_tools.rank",
    model="mgmt_tools.rank.model:RankModel",
    result="mgmt_tools.rank.result:RankResult",
    input_formats=("yaml", "json", "csv"),
    example="rank/client-pipeline.yaml",
    charts=(
        Chart(
            "matrix",
            {"image": "mgmt_tools.rank.render:render", "dot": "mgmt_tools.rank.render:to_dot"},
            available="mgmt_tools.rank.render:matrix_unavailable",
        ),
        Chart("ranking", {"image": "mgmt_tools.rank.charts:ranking_chart"}),
    ),
    writers={"md": "mgmt_tools.rank.result:to_markdown", "csv": "mgmt_tools.rank.result:to_csv"},
    reads_files=True,
    options=(
        Option(
            "method",
            "Override the file's method (required for a CSV of items).",
            stage="load",
            kind="choice",
            choices=_words("rice ice wsjf moscow eisenhower value_effort pairwise borda weighted"),
        ),
        Option(
            "model",
            "pairwise: copeland (wins minus losses, default) or bradley-terry (MM algorithm).",
            stage="load",
            kind="choice",
            choices=("copeland", "bradley-terry"),
        ),
        Option(
            "threshold",
            "eisenhower, value_effort: a 0-10 score at or above it counts as yes (default 5).",
            stage="load",
            kind="float",
            low=0,
            high=10,
        ),
    ),
)

_PARETO = Method(
    name="pareto",
    input_name="DATA",
    description=(
        "Pareto analysis of DATA: a CSV of records (--column; --count, --weight, --by) "
        "or YAML/JSON {title, counts: {category: n}}.\n\n"
        "Prints the categories largest first (ties in input order) with percent, "
        "cumulative percent and the vital few that reach --cutoff; --top N or "
        '--other-after P merge the tail into "Other", always last. --json prints the '
        "result as JSON. -o FILE draws the Pareto chart (.svg .png .pdf) or writes the "
        "table (.json .csv .md)."
    ),
    summary="Pareto analysis: vital few, cumulative percent, Other, strata; chart.",
    package="mgmt_tools.pareto",
    model="mgmt_tools.pareto.model:ParetoModel",
    result="mgmt_tools.pareto.result:ParetoResult",
    input_formats=("csv", "yaml", "json"),
    example="pareto/complaint-counts.yaml",
    charts=(Chart("pareto", {"image": "mgmt_tools.pareto.chart:pareto_chart"}),),
    writers={
        "csv": "mgmt_tools.pareto.result:to_csv",
        "md": "mgmt_tools.pareto.result:to_markdown",
    },
    options=(
        Option(
            "column",
            "CSV: the category column (one row per record).",
            stage="load",
            metavar="NAME",
        ),
        Option(
            "count", "CSV: a column of pre-summed counts per row.", stage="load", metavar="NAME"
        ),
        Option(
            "weight",
            "CSV: a column of costs (weights) per occurrence to sum.",
            stage="load",
            metavar="NAME",
        ),
        Option(
            "by",
            "CSV: stratify by this column (one chart panel per value).",
            stage="load",
            metavar="NAME",
        ),
        Option(
            "cutoff",
            "Percent the vital few reach.",
            kind="float",
            low=0,
            low_open=True,
            high=100,
            default=80.0,
        ),
        Option("top", "Keep the first N; merge the rest.", kind="int", low=1),
        Option(
            "other_after",
            "Keep the fewest leading categories reaching P percent; merge the rest into Other.",
            kind="float",
            low=0,
            low_open=True,
            high=100,
            metavar="P",
        ),
    ),
)

_FISHBONE = Method(
    name="fishbone",
    input_name="CAUSES",
    description=(
        "Draw the fishbone of CAUSES (YAML or JSON: effect, categories of causes).\n\n"
        "Prints the categories and, when causes have counts, their ranking; --json "
        "prints the result. -o FILE draws the diagram (.svg .png .pdf .dot) or writes "
        "JSON or a Markdown checklist (.md)."
    ),
    summary="Draw a cause-and-effect (fishbone) diagram; attach counts from a Pareto analysis.",
    package="mgmt_tools.fishbone",
    model="mgmt_tools.fishbone.model:FishboneModel",
    result="mgmt_tools.fishbone.result:FishboneResult",
    input_formats=("yaml", "json"),
    example="fishbone/slow-credit-approval.yaml",
    charts=(
        Chart(
            "fishbone",
            {
                "image": "mgmt_tools.fishbone.render:render",
                "dot": "mgmt_tools.fishbone.render:to_dot",
            },
        ),
    ),
    writers={"md": "mgmt_tools.fishbone.result:to_markdown"},
    options=(
        Option(
            "highlight",
            "Mark the N largest counted causes in the accent colour (with --counts: default "
            "the vital few, the fewest causes reaching 80% of the matched total; otherwise 0).",
            kind="int",
            low=0,
            metavar="N",
        ),
        Option(
            "counts",
            "Attach counts from a Pareto analysis of this CSV to causes by name (case and "
            "spaces ignored); needs --column.",
            kind="path",
            metavar="CSV",
        ),
        Option("column", "--counts: the column naming the cause.", metavar="C"),
        Option(
            "count",
            "--counts: a column of pre-summed counts.",
            metavar="N",
            keyword="count_column",
        ),
        Option("weight", "--counts: a column of weights (cost) to sum.", metavar="W"),
        Option(
            "counts_encoding",
            "--counts: text encoding of the CSV (default: the input's --encoding, else UTF-8).",
            metavar="NAME",
        ),
    ),
)

_GOALS = Method(
    name="goals",
    input_name="TREE",
    description=(
        "Roll up the progress of the goal tree TREE (YAML or JSON: goal, children, "
        "...).\n\n"
        "Prints the tree with progress, status, track and the SMART gaps; --json prints "
        "the result. -o FILE draws the tree (.svg .png .pdf .dot), a Mermaid mindmap "
        "(.mmd), a Markdown checklist (.md) or JSON."
    ),
    summary="Goal tree: progress roll-up (AND/OR), on/off track at a date, SMART gaps.",
    package="mgmt_tools.goals",
    model="mgmt_tools.goals.model:GoalsModel",
    result="mgmt_tools.goals.result:GoalsResult",
    input_formats=("yaml", "json"),
    example="goals/deposit-growth-2027.yaml",
    charts=(
        Chart(
            "tree",
            {
                "image": "mgmt_tools.goals.render:render",
                "dot": "mgmt_tools.goals.render:to_dot",
                "mermaid": "mgmt_tools.goals.render:to_mermaid",
            },
        ),
    ),
    writers={"md": "mgmt_tools.goals.result:to_markdown"},
    options=(
        Option(
            "as_of",
            "Judge each dated goal on_track, at_risk or off_track at DATE (YYYY-MM-DD); "
            "overrides the tree's as_of. The wall clock is never read.",
            kind="date",
            metavar="DATE",
        ),
        Option(
            "depth",
            "Diagram and mindmap: show levels 0 (the root) to N; deeper goals fold into their "
            "ancestor, which shows its rolled-up progress and how many goals it hides.",
            stage="draw",
            kind="int",
            low=0,
            metavar="N",
        ),
        Option(
            "on_track",
            "on_track when progress >= elapsed share of the period - X.",
            kind="float",
            low=0,
            high=1,
            default=0.10,
            metavar="X",
        ),
        Option(
            "at_risk",
            "at_risk when progress >= elapsed share - Y (else off_track); Y >= X.",
            kind="float",
            low=0,
            high=1,
            default=0.25,
            metavar="Y",
        ),
    ),
)

METHODS: Mapping[str, Method] = {
    method.name: method
    for method in (_AHP, _DECISION, _FISHBONE, _GANTT, _GOALS, _INDEX, _PARETO, _PERT, _RANK)
}
"""Every method by name, sorted."""


def _main() -> None:  # pragma: no cover - a debugging aid: python -m mgmt_tools.methods
    for method in METHODS.values():
        sys.stdout.write(f"{method.name:10} {', '.join(method.output_formats)}\n")


if __name__ == "__main__":  # pragma: no cover
    _main()
