"""The method registry: every method has every part, and every part works.

A new method is its package plus one entry in ``mgmt_tools.methods.METHODS``; this test walks
the registry so that an entry with a missing part (schema, example, docs page, an output format
that does not write) fails here rather than in a user's hands.
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path

import jsonschema
import pytest

from mgmt_tools.methods import IMAGE_FORMATS, METHODS, Method, method_of, resolve
from mgmt_tools.schemas import generate, schema_path, schema_text

from .conftest import EXAMPLES

ROOT = Path(__file__).parent.parent
NAMES = sorted(METHODS)


def _run(method: Method) -> object:
    return method.compute(method.read(EXAMPLES / method.example))


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_resolves(name: str) -> None:
    method = METHODS[name]
    references = [method.model, method.loader, method.run, method.text, method.result]
    references += list(method.writers.values())
    references += [ref for chart in method.charts for ref in chart.draws.values()]
    references += [chart.available for chart in method.charts if chart.available]
    references += [option.parse for option in method.options if option.parse]
    for reference in references:
        assert resolve(reference) is not None, reference
    assert importlib.import_module(method.package).run is resolve(method.run)


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_kept_fresh_and_valid(name: str) -> None:
    method = METHODS[name]
    schema = generate(method.schema_name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema_path(method.schema_name).read_text(encoding="utf-8") == schema_text(
        method.schema_name
    )


@pytest.mark.parametrize("name", NAMES)
def test_example_loads_validates_and_runs(name: str) -> None:
    from mgmt_tools._yaml import load_text

    method = METHODS[name]
    path = EXAMPLES / method.example
    assert path.is_file(), path
    if path.suffix in (".yaml", ".yml", ".json"):
        text = path.read_text(encoding="utf-8")
        jsonschema.validate(load_text(text, "yaml"), generate(method.schema_name))
    result = _run(method)
    assert isinstance(result, resolve(method.result))
    assert method_of(result).result == method.result
    document = json.loads(method.write(result, "json"))
    assert document["command"] in (name, method.schema_name)
    assert method.summary_text(result).strip()


@pytest.mark.parametrize("name", NAMES)
def test_docs_page_and_help_exist(name: str) -> None:
    method = METHODS[name]
    page = ROOT / "docs" / method.docs_page
    assert page.is_file(), page
    assert f"mgmt {name}" in page.read_text(encoding="utf-8")
    assert method.summary
    assert method.description
    assert method.input_name in method.description


@pytest.mark.parametrize("name", NAMES)
def test_options_are_keywords_of_their_stage(name: str) -> None:
    method = METHODS[name]
    targets = {
        "load": [resolve(method.loader)],
        "run": [resolve(method.run)],
        "draw": [chart.function(fmt) for chart in method.charts for fmt in chart.formats],
    }
    for option in method.options:
        if option.stage == "chart":  # picks the picture; no function takes it
            assert any(chart.chosen_by == option.name for chart in method.charts)
            continue
        accepted = [
            function
            for function in targets[option.stage]
            if option.argument in inspect.signature(function).parameters
            or any(
                p.kind is inspect.Parameter.VAR_KEYWORD
                for p in inspect.signature(function).parameters.values()
            )
        ]
        assert accepted, f"{name}: no {option.stage} function takes {option.argument!r}"


def _every_output(name: str) -> list[tuple[str, str | None]]:
    method = METHODS[name]
    pairs: list[tuple[str, str | None]] = [(fmt, None) for fmt in ("json", *method.writers)]
    for chart in method.charts:
        # every format of every chart; PNG and PDF once per method (they share the drawing)
        formats = [f for f in chart.formats if f not in IMAGE_FORMATS[1:]]
        pairs += [(fmt, chart.name) for fmt in formats]
    seen = {fmt for fmt, _ in pairs}
    pairs += [(fmt, None) for fmt in method.output_formats if fmt not in seen]
    return pairs


OPTIONS: dict[str, dict[str, object]] = {
    "pert": {"simulate": 200, "seed": 1},
    "gantt": {"simulate": 200, "seed": 1},
    "decision": {"tornado": True, "vary": ("margin", 0.02, 0.05, 5)},
    "index": {"sensitivity": True, "seed": 1, "draws": 100},
}
"""Options that compute every chart's data on the method's example."""
EXAMPLE_FOR_CHART = {("rank", "matrix"): "rank/weekly-todo.yaml"}
"""Charts drawn only for some variants of a method, and an example of that variant."""


@pytest.mark.dot
@pytest.mark.parametrize(
    ("name", "fmt", "chart"),
    [(name, fmt, chart) for name in NAMES for fmt, chart in _every_output(name)],
)
def test_every_output_format_writes(name: str, fmt: str, chart: str | None) -> None:
    method = METHODS[name]
    values = OPTIONS.get(name, {})
    example = EXAMPLE_FOR_CHART.get((name, chart or ""), method.example)
    loaded = method.read(EXAMPLES / example, **method.stage("load", values))
    result = method.compute(loaded, **method.stage("run", values))
    picked = None if chart is None else method.pick_chart(result, chart, values)
    data = method.write(result, fmt, chart=picked, **method.stage("draw", values))
    head = data[:300] if isinstance(data, bytes) else data[:300].encode("utf-8")
    expected = {
        "svg": b"<svg",
        "png": b"\x89PNG",
        "pdf": b"%PDF",
        "dot": b"digraph",
        "json": b"{",
    }.get(fmt, b"")
    assert head.strip(), (name, fmt, chart)
    assert expected in head, (name, fmt, chart, head[:80])


@pytest.mark.parametrize("package", ["mgmt_tools", "mgmt_cli"])
def test_packages_ship_py_typed(package: str) -> None:
    from importlib.resources import files

    assert files(package).joinpath("py.typed").is_file()


def test_docs_index_lists_every_method() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    formats = (ROOT / "docs" / "formats" / "README.md").read_text(encoding="utf-8")
    for name, method in METHODS.items():
        assert f"({method.docs_page})" in index, name
        assert f"mgmt {name}" in index, name
        assert f"({method.schema_name}.md)" in formats, name


def _literal_choices(annotation: object) -> set[str] | None:
    import typing

    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return {str(arg) for arg in typing.get_args(annotation)}
    for arg in typing.get_args(annotation):
        found = _literal_choices(arg)
        if found:
            return found
    return None


@pytest.mark.parametrize("name", NAMES)
def test_choice_options_match_the_model(name: str) -> None:
    """An option that overrides a key of the file offers the same values as the key (the
    registry keeps its own copy so that `mgmt --help` need not import pydantic)."""
    method = METHODS[name]
    model = resolve(method.model)
    compared = 0
    for option in method.options:
        field = model.model_fields.get(option.name)
        if option.kind != "choice" or option.stage != "load" or field is None:
            continue
        allowed = _literal_choices(field.annotation)
        assert allowed is not None, option.name
        assert set(option.choices) == allowed, option.name
        compared += 1
    overriding = [o for o in method.options if o.kind == "choice" and o.stage == "load"]
    assert compared == len(overriding)
