"""No English left in Chinese output (issue 15): a string a reader sees that was never marked
for translation fails here, as a marked one without its translation fails in
``test_catalogs.py``.

With ``--lang zh``, on every Chinese example (``examples/**/*-zh.yaml``, picked up by glob; gantt
reads pert's plans), every method command's text summary and warnings, a few option runs that add
text (simulation, tornado, weight sensitivity), and each text file it writes (every diagram as
DOT or Mermaid, the Markdown table); the help of every command; ``mgmt report`` to HTML on each
Chinese report (the text a reader sees: tags, scripts, styles and SVG metadata removed); and every
file of the bad-input corpora (``tests/*/bad/``), whose problem lines must keep their
``file:line:col: path: `` prefix and give a message with no English word after it.

A word may stay in Latin letters only when it is a name or a code, never a word of an English
sentence:

- removed before scanning, as code: a quoted value (``'Colect'``), an option (``--simulate``),
  an identifier (``depends_on``, ``LC_ALL``), a file name or suffix (``plan.yaml``, ``.svg``), a
  URL, a code span in backticks, a command (``mgmt schema``), and the symbols and product names
  of :data:`NAMES` (``λmax``, ``MS Project``, ``JSON Schema``);
- allowed: the input's own words (every key and string value of the input file and the inputs it
  names, :func:`~tests.locale.untranslated.input_words`), the names every language writes in
  Latin letters (:data:`~tests.locale.untranslated.LATIN_NAMES`), and what the command declares
  as code: its options' metavars, choices and defaults (``eigenvector``, ``saaty1980``). Help
  and error messages name the input format's keys and values (``(可选：max, min)``): there the
  keys and enumerated values of the method's JSON Schemas, the expression functions, the
  ``--limit`` names and YAML's ``true``/``false`` are allowed too, and in help the upper-case
  metavars (``FILE``, ``N``, ``YYYY``).

Click's own phrases (``Usage: ...``, ``Options:``, ``Show this message and exit.``,
``[default: ...]``) are Click's and stay English (``cli/mgmt_cli/_help.py``): they are removed,
as whole phrases, before the help is scanned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from mgmt_tools._expr import FUNCTIONS
from mgmt_tools.limits import NAMES as LIMIT_NAMES
from mgmt_tools.methods import METHODS

from ..conftest import EXAMPLES, ROOT
from ..helpers import mgmt
from ..pareto.test_bad_input import OPTIONS as PARETO_OPTIONS
from .untranslated import (
    dot_texts,
    english_words,
    input_words,
    mermaid_texts,
    strip_quoted,
    visible_text,
    words_of,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
ZH_EXAMPLES = sorted(EXAMPLES.glob("**/*-zh.yaml"))
READS = {"gantt": "pert"}
"""Methods that read another method's examples (``mgmt gantt`` takes pert's plans)."""
TEXT_FORMATS = {"dot": ".dot", "mermaid": ".mmd", "md": ".md"}
"""The text outputs a method can write, by format name and suffix."""
READERS: dict[str, Callable[[str], str]] = {
    "dot": dot_texts,
    "mermaid": mermaid_texts,
    "md": lambda text: text,
}
"""The text a reader sees in each text format (DOT's and Mermaid's own code left out)."""
OPTION_RUNS: dict[str, list[tuple[str, ...]]] = {
    "ahp": [("--method", "geometric_mean")],
    "decision": [("--tornado",), ("--risk-profile",)],
    "gantt": [("--simulate", "500", "--seed", "1")],
    "goals": [("--as-of", "2027-10-31")],
    "index": [
        ("--sensitivity", "--seed", "1", "--draws", "200"),
        ("--method", "vikor"),
        ("--method", "weighted_product", "--weighting", "entropy"),  # and a warning
    ],
    "pareto": [("--other-after", "5")],
    "pert": [("--simulate", "500", "--seed", "1"), ("--deadline", "20")],
}
"""Runs whose options add text to the summary (simulation, tornado, sensitivity, other methods,
a deadline, a warning)."""

NAMES = re.compile(r"λmax|MS\s+Project|JSON\s+Schema|mgmt-tools|YYYY-MM-DD")
"""Symbols, names and notations written with Latin letters in every language (AHP's principal
eigenvalue, Microsoft's scheduler, the schema standard, this project, the ISO date)."""
CODE = re.compile(
    r"(?<![\w-])--?[A-Za-z][\w-]*"  # an option: --simulate, -o
    r"|\b[A-Za-z]\w*_\w*"  # an identifier or variable: depends_on, LC_ALL
    r"|[\w./-]*\.(?:yaml|yml|json|csv|md|svg|png|pdf|dot|gv|mmd|html|xml|xlsx)\b"  # a file
    r"|https?://\S+"  # a URL
    r"|`[^`]{0,200}`"  # a code span (help wraps it over lines)
    r"|\bmgmt(?: [a-z]+)?\b",  # a command: mgmt schema
    re.ASCII,
)
"""What a text writes as code, the same in every language."""
YAML_WORDS = {"true", "false", "null", "inf", "nan"}
"""YAML's literals (``.inf``, ``.nan``: a message says they are not accepted)."""


def code_free(text: str) -> str:
    """``text`` without its quoted values, code and names (see the module's docstring)."""
    return CODE.sub(" ", NAMES.sub(" ", strip_quoted(text)))


def leftovers(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """Each line of ``text`` (code removed) holding English words, with the words."""
    allowed = set(allowed)
    found = []
    for line in code_free(text).splitlines():
        words = english_words(line, allowed=allowed)
        if words:
            found.append(f"{words}: {line.strip()}")
    return found


def assert_chinese(text: str, allowed: Iterable[str] = ()) -> None:
    """``text`` has no English word left (each line that has one is shown)."""
    found = leftovers(text, allowed)
    if found:
        pytest.fail("English left in Chinese output:\n" + "\n".join(found), pytrace=False)


def _command(name: str | None) -> click.Command:
    from mgmt_cli.main import _load, cli

    return cli if name is None else _load(name)


@cache
def declared_words(name: str | None) -> frozenset[str]:
    """The words command ``name`` (None: the group) declares as code: its options' and
    arguments' metavars, choices and defaults, and its subcommands' names."""
    command = _command(name)
    texts: list[str] = []
    ctx = click.Context(command, info_name="mgmt")
    for param in command.params:
        texts += [param.make_metavar(ctx), *param.opts]
        if isinstance(param.type, click.Choice):
            texts += [str(choice) for choice in param.type.choices]
        if param.default is not None and not callable(param.default):
            texts.append(str(param.default))
    if isinstance(command, click.Group):
        texts += command.list_commands(ctx)
    return frozenset(word for text in texts for word in words_of(text))


def _schema_names(value: Any, found: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "properties" and isinstance(item, dict):
                found.update(item)
            elif key == "enum":
                found.update(str(choice) for choice in item)
            elif key == "const":
                found.add(str(item))
            _schema_names(item, found)
    elif isinstance(value, list):
        for item in value:
            _schema_names(item, found)


@cache
def format_words(name: str | None) -> frozenset[str]:
    """The keys and enumerated values of the JSON Schemas of command ``name``'s input and
    ``--json`` result, the expression functions, the ``--limit`` names and YAML's literals:
    the words of the formats, which help and messages name as they are."""
    from mgmt_tools.schemas import METHODS as SCHEMAS
    from mgmt_tools.schemas import schema_name

    found: set[str] = set()
    if name is not None and schema_name(name) in SCHEMAS:
        folder = ROOT / "mgmt_tools" / "schemas"
        for path in (
            folder / f"{schema_name(name)}.schema.json",
            folder / "results" / f"{schema_name(name)}.result.schema.json",
        ):
            if path.exists():
                _schema_names(json.loads(path.read_text(encoding="utf-8")), found)
    texts = [*found, *FUNCTIONS, *LIMIT_NAMES, *YAML_WORDS]
    return frozenset(word for text in texts for word in words_of(text))


def own_words(method: str, path: Path) -> set[str]:
    """The words of input ``path`` that ``mgmt METHOD`` shows as they are: every key and string
    value (category names are keys, ids and names values), less the words of the format
    (``duration``, ``done``): a summary shows those in the reader's language."""
    return input_words(path) - format_words(method)


# --- the methods on the Chinese examples -----------------------------------------------------


def examples_of(method: str) -> list[Path]:
    """The Chinese examples ``mgmt METHOD`` reads."""
    folder = READS.get(method, method)
    return [path for path in ZH_EXAMPLES if path.parent.name == folder]


CASES = [(method, path) for method in sorted(METHODS) for path in examples_of(method)]
OPTION_CASES = [
    (method, path, options) for method, path in CASES for options in OPTION_RUNS.get(method, [])
]
OUTPUTS = [
    (method, path, chart.name, fmt)
    for method, path in CASES
    for chart in METHODS[method].charts
    for fmt in ("dot", "mermaid")
    if fmt in chart.draws and chart.needs is None
] + [(method, path, None, "md") for method, path in CASES if "md" in METHODS[method].output_formats]
"""Each text file a method writes: every diagram drawn as DOT or Mermaid (``--chart``), and the
Markdown table."""


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_has_a_chinese_example(method: str) -> None:
    assert examples_of(method), f"no examples/{READS.get(method, method)}/*-zh.yaml"


@pytest.mark.parametrize(("method", "path"), CASES, ids=[f"{m}-{p.name}" for m, p in CASES])
def test_summary_and_warnings_are_chinese(method: str, path: Path) -> None:
    code, out, err = mgmt(method, "--lang", "zh", str(path))
    assert code == 0, err
    assert CJK.search(out), out
    allowed = own_words(method, path) | declared_words(method)
    assert_chinese(out, allowed)
    assert_chinese(err, allowed)


@pytest.mark.parametrize(
    ("method", "path", "options"),
    OPTION_CASES,
    ids=[f"{m}-{p.name}-{' '.join(o)}" for m, p, o in OPTION_CASES],
)
def test_option_runs_are_chinese(method: str, path: Path, options: tuple[str, ...]) -> None:
    code, out, err = mgmt(method, "--lang", "zh", str(path), *options)
    assert code == 0, err
    allowed = own_words(method, path) | declared_words(method)
    assert_chinese(out, allowed)
    assert_chinese(err, allowed)


@pytest.mark.parametrize(
    ("method", "path", "chart", "fmt"),
    OUTPUTS,
    ids=[f"{m}-{p.name}-{c or 'table'}-{f}" for m, p, c, f in OUTPUTS],
)
def test_text_outputs_are_chinese(
    method: str, path: Path, chart: str | None, fmt: str, tmp_path: Path
) -> None:
    output = tmp_path / f"out{TEXT_FORMATS[fmt]}"
    choose = ["--chart", chart] if chart and len(METHODS[method].charts) > 1 else []
    code, _out, err = mgmt(method, "--lang", "zh", str(path), *choose, "-o", str(output))
    assert code == 0, err
    text = READERS[fmt](output.read_text(encoding="utf-8"))
    assert CJK.search(text), text
    allowed = own_words(method, path) | declared_words(method)
    assert_chinese(text, allowed)
    assert_chinese(err, allowed)


# --- help ------------------------------------------------------------------------------------

CLICK_PHRASES = re.compile(
    r"^Usage: .*$|Options:|Show this message and exit\.|Show the version and exit\."
    r"|\[default:\s[^\]]*\]|\[required\]",
    re.MULTILINE,
)
"""Click's own words, which stay English (``cli/mgmt_cli/_help.py``)."""
METAVAR = re.compile(r"\b[A-Z]+\b")
"""An upper-case word of help: a metavar (``FILE``, ``N``, ``YYYY``) or an acronym."""


def _commands() -> list[str | None]:
    from mgmt_cli.main import command_names

    return [None, *command_names()]


@pytest.mark.parametrize("name", _commands(), ids=lambda name: name or "mgmt")
def test_help_is_chinese(name: str | None) -> None:
    args = ["--lang", "zh", "--help"] if name is None else [name, "--lang", "zh", "--help"]
    code, out, err = mgmt(*args, env={"COLUMNS": "200"})
    assert code == 0, err
    assert CJK.search(out), out
    text = METAVAR.sub(" ", NAMES.sub(" ", CLICK_PHRASES.sub(" ", out)))
    allowed = declared_words(name) | format_words(name)
    if name == "report":  # a section's options are its method's, by name, and chart
        allowed = allowed.union(*(declared_words(method) for method in METHODS), {"chart"})
    assert_chinese(text, allowed)


# --- report ----------------------------------------------------------------------------------

REPORTS = sorted((EXAMPLES / "report").glob("*-zh.yaml"))


def test_there_is_a_chinese_report() -> None:
    assert REPORTS


@pytest.mark.parametrize("path", REPORTS, ids=lambda path: path.name)
def test_report_html_is_chinese(path: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    code, _out, err = mgmt("report", "--lang", "zh", str(path), "-o", str(output))
    assert code == 0, err
    text = visible_text(output.read_text(encoding="utf-8"))
    assert CJK.search(text)
    sections = yaml.safe_load(path.read_text(encoding="utf-8"))["sections"]
    methods = ["report", *(section["method"] for section in sections)]
    allowed = (input_words(path) - set().union(*map(format_words, methods))).union(
        *map(declared_words, methods),
        METHODS,  # a section names its method: pert, goals
    )
    assert_chinese(text, allowed)
    assert_chinese(err.replace(str(output), " "), allowed)


# --- the bad-input corpora -------------------------------------------------------------------

BAD_FOLDERS = sorted(path for path in (ROOT / "tests").glob("*/bad") if path.is_dir())
COMMANDS = {
    "decision": "decision",
    "fishbone": "fishbone",
    "goals": "goals",
    "pareto": "pareto",
    "pert": "pert",
    "rank": "rank",
}
"""The command that reads each corpus's files (tests/mcda/bad: ahp for ``ahp_*``, else index)."""
COMPANIONS = {"mcda": {"index_bad_csv.csv"}}
"""Files read by another input of the corpus, not inputs of their own."""
MORE = re.compile(r"^……另有 \d+ 个问题$")
"""The line that counts the problems after the first 20."""


def command_of(folder: str, name: str) -> list[str]:
    """The command and options that read the bad input ``name`` of corpus ``folder``."""
    if folder == "mcda":
        return ["ahp" if name.startswith("ahp_") else "index"]
    if folder == "pareto":
        default = ["--column", "reason"] if name.endswith(".csv") else []
        return ["pareto", *PARETO_OPTIONS.get(name, default)]
    return [COMMANDS[folder]]


BAD_CASES = [
    (folder.parent.name, path.name)
    for folder in BAD_FOLDERS
    for path in sorted(folder.iterdir())
    if path.is_file() and path.name not in COMPANIONS.get(folder.parent.name, set())
]
PROBLEM = re.compile(
    r"^(?P<file>[^\s:]+)(?::\d+(?::\d+)?|:[^:\s]+![A-Z]+\d+)?: (?P<path>[^:]+?): "
    r"(?P<message>.+)$"
)
"""A located problem: ``file:line:col: path: message`` (``file:line:`` in CSV,
``file.xlsx:Sheet1!C7:`` in a workbook, ``file:`` for the whole file)."""


def test_every_corpus_has_its_command() -> None:
    assert {folder.parent.name for folder in BAD_FOLDERS} == {*COMMANDS, "mcda"}


@pytest.mark.parametrize(("folder", "name"), BAD_CASES, ids=[f"{f}/{n}" for f, n in BAD_CASES])
def test_bad_input_is_located_and_chinese(
    folder: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = ROOT / "tests" / folder / "bad"
    monkeypatch.chdir(directory)
    command, *options = command_of(folder, name)
    code, out, err = mgmt(command, "--lang", "zh", *options, name)
    assert code == 1, (out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    problems = [match for line in lines if (match := PROBLEM.match(line))]
    assert problems
    assert [line for line in lines if not PROBLEM.match(line) and not MORE.match(line)] == []
    assert {problem["file"] for problem in problems} <= {path.name for path in directory.iterdir()}
    messages = [problem["message"] for problem in problems]
    assert all(CJK.search(message) for message in messages), messages
    allowed = input_words(directory / name) | declared_words(command) | format_words(command)
    assert_chinese("\n".join(messages), allowed)


# --- the check itself --------------------------------------------------------------------------


def test_the_check_finds_english_output() -> None:
    """The same checks find the English of ``--lang en`` (the tests above can fail)."""
    plan = EXAMPLES / "pert" / "credit-approval-zh.yaml"
    _code, out, _err = mgmt("pert", "--lang", "en", str(plan))
    assert len(leftovers(out, own_words("pert", plan) | declared_words("pert"))) >= 5
    _code, out, _err = mgmt("pert", "--lang", "en", "--help", env={"COLUMNS": "200"})
    text = METAVAR.sub(" ", NAMES.sub(" ", CLICK_PHRASES.sub(" ", out)))
    assert len(leftovers(text, declared_words("pert") | format_words("pert"))) >= 10
    with pytest.raises(pytest.fail.Exception, match=r"\['Working'\]: 无法\s+Working"):
        assert_chinese("无法 'quoted' Working --simulate plan.yaml `code`")
