"""The shapes every method's public face shares (issue 13), over the registry's methods.

Through the registry each method's JSON is its result's ``to_dict()``, its text formats are the
package's public writers, each chart draws as PNG and PDF (SVG, and that every format writes
at all, is tests/test_registry.py's walk), the notebook display shows the summary and the
picture, or the summary and a note without Graphviz, and ``run`` gives what the older verb
gave. What belongs to one method stays in ``tests/<method>/test_api.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
from collections.abc import Callable
from typing import Any

import pytest

from mgmt_tools.errors import GraphvizNotFoundError
from mgmt_tools.methods import METHODS, resolve

from .conftest import EXAMPLES

SIGNATURES = {"png": b"\x89PNG", "pdf": b"%PDF"}

CASES: dict[str, tuple[str, str | None, dict[str, Any]]] = {
    "pert": ("pert", None, {"trials": 300, "seed": 11}),
    "decision": ("decision", None, {"vary": ("report_accuracy", 0.5, 1.0, 6), "tornado": True}),
    "goals": ("goals", None, {"as_of": dt.date(2027, 9, 30)}),
    "fishbone": ("fishbone", None, {"highlight": 2}),
    "rank": ("rank", None, {}),
    "rank-quadrants": ("rank", "rank/weekly-todo.yaml", {}),
    "index": ("index", None, {"sensitivity": True, "seed": 7, "draws": 300, "concentration": 50.0}),
    "ahp": ("ahp", None, {}),
    "pareto": ("pareto", None, {"cutoff": 70.0}),
}
"""A result of each method, by case: the method, its example (default: the registry's) and
the run options that give it every chart."""


@functools.cache
def computed(case: str) -> Any:
    """The result of ``case``, computed once for the session."""
    name, example, options = CASES[case]
    method = METHODS[name]
    return method.compute(method.read(EXAMPLES / (example or method.example)), **options)


def _package(case: str) -> Any:
    return importlib.import_module(METHODS[CASES[case][0]].package)


# --- what the registry writes --------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
def test_json_is_the_result_dict(case: str) -> None:
    result = computed(case)
    written = METHODS[CASES[case][0]].write(result, "json")
    assert isinstance(written, str)
    assert json.loads(written) == json.loads(json.dumps(result.to_dict()))


WRITERS = [
    ("fishbone", "md", None, "to_markdown"),
    ("fishbone", "dot", "fishbone", "to_dot"),
    ("rank", "md", None, "to_markdown"),
    ("rank", "csv", None, "to_csv"),
    ("rank-quadrants", "dot", "matrix", "to_dot"),
    ("pareto", "csv", None, "to_csv"),
    ("pareto", "md", None, "to_markdown"),
    ("index", "dot", "hierarchy", "to_dot"),
    ("ahp", "dot", "hierarchy", "to_dot"),
]
"""Text outputs that are exactly what a public function of the package writes."""


@pytest.mark.parametrize(("case", "fmt", "chart", "function"), WRITERS)
def test_text_outputs_are_the_public_writers(
    case: str, fmt: str, chart: str | None, function: str
) -> None:
    method = METHODS[CASES[case][0]]
    result = computed(case)
    picked = None if chart is None else method.chart(chart)
    assert method.write(result, fmt, chart=picked) == getattr(_package(case), function)(result)


TEXT_CHECKS: list[tuple[str, str, str | None, dict[str, Any], Callable[[str, Any], bool]]] = [
    ("pert", "csv", None, {}, lambda text, _: "KYC" in text),
    ("pert", "mspdi", None, {}, lambda text, _: "KYC" in text),
    ("pert", "dot", "network", {"max_tasks": 50}, lambda text, _: "KYC" in text),
    ("pert", "mermaid", "network", {"max_tasks": 50}, lambda text, _: "KYC" in text),
    ("pert", "mermaid", "gantt", {"max_tasks": 50}, lambda text, _: "KYC" in text),
    ("decision", "dot", "tree", {"depth": 2}, lambda text, _: text.startswith("digraph")),
    ("goals", "dot", None, {"depth": 1}, lambda text, _: "Grow corporate deposits" in text),
    ("goals", "mermaid", None, {"depth": 1}, lambda text, _: "Grow corporate deposits" in text),
    ("goals", "md", None, {"depth": 1}, lambda text, r: text.count("- [") == len(r.nodes)),
]
"""Text outputs checked for what they show."""


@pytest.mark.parametrize(
    ("case", "fmt", "chart", "options", "check"),
    TEXT_CHECKS,
    ids=[f"{case}-{fmt}-{chart}" for case, fmt, chart, _, _ in TEXT_CHECKS],
)
def test_text_outputs_show_the_input(
    case: str,
    fmt: str,
    chart: str | None,
    options: dict[str, Any],
    check: Callable[[str, Any], bool],
) -> None:
    method = METHODS[CASES[case][0]]
    result = computed(case)
    picked = None if chart is None else method.chart(chart)
    written = method.write(result, fmt, chart=picked, **options)
    assert isinstance(written, str)
    assert check(written, result)


DRAW_OPTIONS = {"pert": {"max_tasks": 50}, "decision": {"depth": 2}, "goals": {"depth": 1}}
IMAGES = [
    pytest.param(
        case,
        chart.name,
        fmt,
        # a chart with a DOT form is drawn by Graphviz; the others by matplotlib
        marks=[pytest.mark.dot] if "dot" in chart.formats else [],
        id=f"{case}-{chart.name}-{fmt}",
    )
    for case in sorted(CASES)
    for chart in METHODS[CASES[case][0]].charts
    for fmt in chart.formats
    if fmt in SIGNATURES and (case, chart.name) != ("rank", "matrix")  # quadrant methods only
]


@pytest.mark.parametrize(("case", "chart", "fmt"), IMAGES)
def test_every_chart_draws_png_and_pdf(case: str, chart: str, fmt: str) -> None:
    method = METHODS[CASES[case][0]]
    options = DRAW_OPTIONS.get(case, {})
    drawn = method.write(computed(case), fmt, chart=method.chart(chart), **options)
    assert isinstance(drawn, bytes)
    assert drawn.lstrip()[: len(SIGNATURES[fmt])] == SIGNATURES[fmt]


# --- notebook display ----------------------------------------------------------------------------

GRAPHVIZ = pytest.mark.dot
SHOWN = [
    pytest.param("pert", ("Generated by graphviz", "Collect KYC"), marks=GRAPHVIZ, id="pert"),
    pytest.param("decision", ("Generated by graphviz",), marks=GRAPHVIZ, id="decision"),
    pytest.param("goals", ("Generated by graphviz",), marks=GRAPHVIZ, id="goals"),
    pytest.param("fishbone", (), marks=GRAPHVIZ, id="fishbone"),
    pytest.param("rank", (), marks=GRAPHVIZ, id="rank"),
    pytest.param("rank-quadrants", (), marks=GRAPHVIZ, id="rank-quadrants"),
    pytest.param("index", (), marks=GRAPHVIZ, id="index"),
    pytest.param("ahp", (), marks=GRAPHVIZ, id="ahp"),
    pytest.param("pareto", (), id="pareto"),  # a matplotlib chart: no Graphviz needed
]


@pytest.mark.parametrize(("case", "shows"), SHOWN)
def test_the_display_shows_the_summary_and_the_picture(case: str, shows: tuple[str, ...]) -> None:
    result = computed(case)
    bundle = result._repr_mimebundle_()
    summary = METHODS[CASES[case][0]].summary_text(result)
    assert bundle["text/plain"] == summary == _package(case).summary_text(result, warnings=False)
    svg = bundle["image/svg+xml"]
    assert svg.lstrip().startswith("<?xml")
    assert "<svg" in svg
    for text in shows:
        assert text in svg


ENGINES = {"fishbone": "neato", "rank-quadrants": "neato"}
"""The Graphviz program of a method's picture, where it is not ``dot``."""


def _without_dot_on_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Any, case: str) -> str:
    monkeypatch.setenv("PATH", str(tmp_path))
    return ENGINES.get(case, "dot")


def _with_a_pipe_that_finds_no_dot(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, case: str
) -> str:
    import mgmt_tools.render.graphviz as graphviz

    def missing(*args: object, **kwargs: object) -> bytes:
        raise GraphvizNotFoundError()

    # a renderer that bound ``pipe`` when it was imported (goals.render) calls its own name
    renderer = importlib.import_module(METHODS[CASES[case][0]].package + ".render")
    if getattr(renderer, "pipe", None) is graphviz.pipe:
        monkeypatch.setattr(renderer, "pipe", missing)
    monkeypatch.setattr(graphviz, "pipe", missing)
    return "dot"  # the error's default program


Missing = Callable[[pytest.MonkeyPatch, Any, str], str]
"""Takes Graphviz away for a case; gives the program the note must name."""


@pytest.mark.parametrize(
    ("case", "missing"),
    [
        (case, missing)
        for case in ["pert", "decision", "goals", "fishbone", "ahp"]
        for missing in (_without_dot_on_the_path, _with_a_pipe_that_finds_no_dot)
        # fishbone runs neato itself, not through the pipe
        if missing is _without_dot_on_the_path or case in ("pert", "decision", "goals", "ahp")
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_the_display_without_graphviz_is_the_text_with_a_note(
    case: str, missing: Missing, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    result = computed(case)
    program = missing(monkeypatch, tmp_path, case)
    bundle = result._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    text = bundle["text/plain"]
    assert text.startswith(_package(case).summary_text(result, warnings=False))
    assert f"(no picture: Graphviz '{program}' was not found" in text


def test_the_quadrant_matrix_needs_no_graphviz(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # a matplotlib chart since issue #16: shown without Graphviz
    result = computed("rank-quadrants")
    _without_dot_on_the_path(monkeypatch, tmp_path, "rank-quadrants")
    assert "image/svg+xml" in result._repr_mimebundle_()


# --- run against the older verbs -----------------------------------------------------------------


def _example_input(name: str) -> Callable[[], Any]:
    return lambda: METHODS[name].read(EXAMPLES / METHODS[name].example)


def _inputs() -> dict[str, Callable[[], Any]]:
    from mgmt_tools import mcda, rank

    from .fishbone.test_api import CAUSES
    from .mcda.test_api import MATRIX, PAIRS
    from .rank.test_api import BACKLOG

    return {
        "pert": _example_input("pert"),
        "decision": _example_input("decision"),
        "goals": _example_input("goals"),
        "fishbone": lambda: CAUSES,
        "rank": lambda: rank.from_dict(BACKLOG),
        "index": lambda: mcda.from_dict(MATRIX),
        "ahp": lambda: mcda.judgements_from_dict(PAIRS),
    }


RUNS = [
    ("pert", "mgmt_tools.pert:schedule", {}),
    ("pert", "mgmt_tools.pert:schedule", {"deadline": 30}),
    ("decision", "mgmt_tools.decision:rollback", {}),
    ("goals", "mgmt_tools.goals:analyse", {}),
    (
        "goals",
        "mgmt_tools.goals:analyse",
        {"as_of": dt.date(2027, 10, 15), "on_track": 0.05, "at_risk": 0.3},
    ),
    ("fishbone", "mgmt_tools.fishbone:analyse", {}),
    ("fishbone", "mgmt_tools.fishbone:analyse", {"highlight": 1}),
    ("rank", "mgmt_tools.rank:evaluate", {"model": None}),
    ("rank", "mgmt_tools.rank:evaluate", {"model": "copeland"}),
    ("rank", "mgmt_tools.rank:evaluate", {"model": "bradley-terry"}),
    ("index", "mgmt_tools.mcda:evaluate", {}),
    (
        "index",
        "mgmt_tools.mcda:evaluate",
        {"sensitivity": True, "seed": 3, "draws": 200, "concentration": 80.0},
    ),
    ("ahp", "mgmt_tools.mcda:analyse", {}),
    (
        "ahp",
        "mgmt_tools.mcda:analyse",
        {"method": "geometric_mean", "random_index": "donegan_dodd"},
    ),
]
"""``run(input, **options)`` of each package and the older verb it must equal."""


@pytest.mark.parametrize(("case", "old", "options"), RUNS)
def test_run_equals_the_older_verb(case: str, old: str, options: dict[str, Any]) -> None:
    loaded = _inputs()[case]()
    run = importlib.import_module(METHODS[case].package).run
    assert run(loaded, **options).to_dict() == resolve(old)(loaded, **options).to_dict()
