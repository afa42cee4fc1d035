"""mgmt_tools.render.graphviz: finding Graphviz, rendering, errors and deterministic output."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from mgmt_tools.errors import GraphvizNotFoundError, RenderError
from mgmt_tools.render import graphviz as gv

SOURCE = "digraph g { a [label=<收集客户资料>]; a -> b [label=<SS+1>] }\n"


@pytest.fixture
def no_graphviz(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH on which no Graphviz executable can be found."""
    monkeypatch.setenv("PATH", str(tmp_path))


def _png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_missing_executable_is_graphviz_not_found(no_graphviz: None) -> None:
    assert gv.executable() is None
    assert not gv.available()
    with pytest.raises(GraphvizNotFoundError) as caught:
        gv.pipe(SOURCE, "svg")
    assert caught.value.exit_code == 3
    assert "dot" in str(caught.value)
    assert "install Graphviz" in str(caught.value)


def test_missing_engine_is_named(no_graphviz: None) -> None:
    with pytest.raises(GraphvizNotFoundError, match="'neato'"):
        gv.pipe(SOURCE, "png", engine="neato")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fmt": "gif"}, "cannot render format 'gif'; choose one of svg, png, pdf"),
        ({"fmt": "svg", "engine": "rm"}, "unknown Graphviz engine 'rm'"),
        ({"fmt": "svg", "pinned": True}, "pinned positions need engine='neato'"),
    ],
)
def test_bad_arguments_are_refused_before_running_anything(
    no_graphviz: None, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        gv.pipe(SOURCE, **kwargs)  # type: ignore[arg-type]


def test_graph_attribute_goes_before_the_last_brace() -> None:
    source = 'digraph g { a [label="}"] }\n'
    assert (
        gv._with_graph_attribute(source, "dpi", "144") == 'digraph g { a [label="}"] dpi=144\n}\n'
    )
    assert gv._with_graph_attribute("not a graph", "dpi", "144") == "not a graph"


def test_pdf_dates_are_fixed_with_the_same_length() -> None:
    data = b"<< /CreationDate (D:20261128194430Z) /ModDate (D:20261128194431+01'00) >>"
    fixed = gv._deterministic(data, "pdf")
    assert fixed == b"<< /CreationDate (D:20000101000000Z) /ModDate (D:20000101000000+01'00) >>"
    assert len(fixed) == len(data)
    assert gv._deterministic(b"<svg>\r\n</svg>\r\n", "svg") == b"<svg>\n</svg>\n"


def test_failure_message_keeps_the_first_lines_of_stderr() -> None:
    stderr = b"\n".join(f"Error line {i}".encode() for i in range(9))
    message = gv._failure("dot", 1, stderr)
    assert message.startswith("Graphviz 'dot' failed (exit code 1): Error line 0; Error line 1")
    assert "Error line 5" not in message
    assert gv._failure("dot", 2, None).endswith("no message")


@pytest.mark.dot
def test_executable_is_found() -> None:
    path = gv.executable("dot")
    assert path is not None
    assert Path(path).name.startswith("dot")


@pytest.mark.dot
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_formats_render_and_repeat_byte_for_byte(fmt: str, magic: bytes) -> None:
    first = gv.pipe(SOURCE, fmt)
    assert first.startswith(magic)
    assert gv.pipe(SOURCE, fmt) == first  # the PDF's creation date is fixed


@pytest.mark.dot
def test_svg_keeps_utf8_text() -> None:
    svg = gv.pipe(SOURCE, "svg").decode("utf-8")
    assert "收集客户资料" in svg
    assert "SS+1" in svg


@pytest.mark.dot
def test_dpi_scales_png_only() -> None:
    small = _png_size(gv.pipe(SOURCE, "png", dpi=72))
    large = _png_size(gv.pipe(SOURCE, "png", dpi=144))
    assert large[0] == pytest.approx(2 * small[0], abs=2)
    assert gv.pipe(SOURCE, "svg", dpi=72) == gv.pipe(SOURCE, "svg", dpi=300)
    assert gv.pipe(SOURCE, "png") == gv.pipe(SOURCE, "png", dpi=gv.RASTER_DPI)


@pytest.mark.dot
def test_syntax_error_is_render_error() -> None:
    with pytest.raises(RenderError, match=r"Graphviz 'dot' failed \(exit code 1\): .*syntax error"):
        gv.pipe("digraph { a -> }", "svg")


@pytest.mark.dot
def test_neato_keeps_pinned_positions() -> None:
    if not gv.available("neato"):
        pytest.skip("neato is not installed")
    source = 'graph { a [pos="0,0!"]; b [pos="300,0!"]; a -- b }'
    svg = gv.pipe(source, "svg", engine="neato", pinned=True).decode()
    assert re.search(r'<svg width="3\d\dpt"', svg)
