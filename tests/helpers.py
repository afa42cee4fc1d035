"""Helpers shared by the tests: golden files, bad-input corpora, output checks, the command line.

- :func:`golden` compares a text with its golden file; ``UPDATE_GOLDEN=1`` rewrites the file
  and skips the test (comparing a text with what was just written would prove nothing).
- :class:`Corpus` runs a folder of malformed inputs against the problem lines each must give;
  ``Corpus.tests()`` makes the two tests every bad-input module needs.
- :func:`diagram_tests` and :func:`chart_tests` make the output tests every Graphviz diagram
  and every matplotlib chart needs; :func:`svg_test` the test that a diagram shows its texts.
- :func:`dot_statements`, :func:`assert_shows`, :func:`figure_texts` and :func:`rectangles`
  read what a diagram or a chart drew.
- :func:`mgmt` invokes the command line and returns its exit code, stdout and stderr apart;
  :func:`input_file` makes the fixture that writes a test's input where the command reads it,
  :func:`written` writes one in the test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

from mgmt_tools.errors import GraphvizNotFoundError, InputError

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

__all__ = [
    "MAGIC",
    "Corpus",
    "Invocation",
    "assert_shows",
    "chart_tests",
    "diagram_tests",
    "dot_statements",
    "figure_texts",
    "golden",
    "input_file",
    "mgmt",
    "rectangles",
    "svg_test",
    "written",
]

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}
"""How a rendered file of each format begins."""


def golden(path: Path, text: str) -> None:
    """Assert that ``text`` is the content of the golden file ``path``.

    With ``UPDATE_GOLDEN=1`` in the environment the file is written instead and the test is
    skipped: review the change with ``git diff`` and run the tests again to compare.
    """
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        pytest.skip(f"golden file written: {path.name}")
    assert text == path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Corpus:
    """A folder of malformed inputs and the problem lines each must give, in file order.

    ``load`` reads one file by its name, relative to ``directory`` (the tests run there, so
    the messages carry the bare file name) and must raise :class:`InputError`, never another
    exception. ``companions`` are files read by other inputs (a CSV named by a YAML file) or
    tested on their own; ``xfail`` maps a file to what the library prints instead of its
    expected lines (strict: the test fails once the library gets it right); ``formats`` are the
    suffixes the folder must cover.
    """

    directory: Path
    load: Callable[[str], object]
    expected: Mapping[str, Sequence[str]]
    companions: frozenset[str] = frozenset()
    xfail: Mapping[str, str] = field(default_factory=dict)
    formats: frozenset[str] = frozenset()

    def error(self, name: str, monkeypatch: pytest.MonkeyPatch) -> InputError:
        """The :class:`InputError` that loading ``name`` raises."""
        monkeypatch.chdir(self.directory)
        with pytest.raises(InputError) as caught:
            self.load(name)
        return caught.value

    def check(self, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every problem of ``name`` is reported, located, in one run, in file order."""
        error = self.error(name, monkeypatch)
        expected = list(self.expected[name])
        assert [str(problem) for problem in error.problems] == expected
        assert str(error) == "\n".join(expected)

    def check_listing(self) -> None:
        """Every file of the folder has its expectation (or is a companion), and back."""
        on_disk = {path.name for path in self.directory.iterdir() if path.is_file()}
        assert on_disk == {*self.expected, *self.companions}
        assert set(self.xfail) <= set(self.expected)
        if self.formats:
            assert {Path(name).suffix for name in on_disk} == self.formats

    def cases(self) -> list[Any]:
        """One parameter per expected file, marked xfail where :attr:`xfail` says so."""
        return [
            pytest.param(
                name,
                id=name,
                marks=[pytest.mark.xfail(strict=True, reason=self.xfail[name])]
                if name in self.xfail
                else [],
            )
            for name in sorted(self.expected)
        ]

    def tests(self) -> tuple[Callable[..., None], Callable[[], None]]:
        """The corpus's two tests, to bind to ``test_*`` names in the calling module.

        >>> corpus = Corpus(Path("bad"), print, {"a.yaml": []})
        >>> [test.__name__ for test in corpus.tests()]
        ['test_every_problem_located', 'test_every_file_expected']
        """

        @pytest.mark.parametrize("name", self.cases())
        def test_every_problem_located(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
            self.check(name, monkeypatch)

        def test_every_file_expected() -> None:
            self.check_listing()

        return test_every_problem_located, test_every_file_expected


def dot_statements(dot: str) -> dict[str, str]:
    """The attribute lists of the nodes and edges of a DOT text, by node id or ``"a -> b"``.

    >>> dot_statements('digraph {\\n  n0 [label="A"]\\n  n0 -> n1 [color="red"]\\n}')
    {'n0': 'label="A"', 'n0 -> n1': 'color="red"'}
    """
    found = {}
    for line in dot.splitlines():
        match = re.match(r"^  (\S+(?: -> \S+)?) \[(.*)\]$", line)
        if match:
            found[match[1]] = match[2]
    return found


def assert_shows(statements: Mapping[str, str], expected: Mapping[str, Sequence[str]]) -> None:
    """Each node or edge named in ``expected`` has each of its texts in its attributes."""
    missing = [
        (key, text)
        for key, texts in expected.items()
        for text in texts
        if text not in statements[key]
    ]
    assert missing == []


def figure_texts(figure: Figure) -> list[str]:
    """Every piece of text drawn on ``figure``: titles, labels, ticks, annotations, legends."""
    from matplotlib.text import Text

    return [text.get_text() for text in figure.findobj(Text) if text.get_text()]


def drawn_figure(monkeypatch: pytest.MonkeyPatch, draw: Callable[[], bytes]) -> Figure:
    """The matplotlib figure ``draw()`` builds, caught where it is turned into bytes (a PNG),
    to read its texts after it is written."""
    from mgmt_tools.render import charts

    figures: list[Figure] = []
    original = charts.figure_bytes

    def keep(figure: Figure, fmt: str) -> bytes:
        figures.append(figure)
        return original(figure, fmt)

    monkeypatch.setattr(charts, "figure_bytes", keep)
    assert draw().startswith(b"\x89PNG")
    (figure,) = figures
    return figure


def rectangles(figure: Figure, gid: str = "bar") -> list[Rectangle]:
    """The rectangles marked ``gid`` on the one axes of ``figure``."""
    from matplotlib.patches import Rectangle

    (axes,) = figure.axes
    return [p for p in axes.patches if isinstance(p, Rectangle) and p.get_gid() == gid]


def diagram_tests(
    fixture: str,
    render: Callable[[Any, str], bytes],
    to_svg: Callable[[Any], str],
    *,
    drawn: str | None = None,
    formats: Sequence[str] = ("svg", "png", "pdf"),
) -> tuple[Callable[..., None], Callable[..., None], Callable[..., None]]:
    """The three tests of a Graphviz diagram, to bind to ``test_*`` names in the calling module.

    ``render(result, fmt)`` refuses a format it cannot draw, naming the ones it can; without
    ``dot`` on the PATH ``to_svg`` raises :class:`GraphvizNotFoundError`; and
    the result of the fixture ``drawn`` (default ``fixture``) renders in each of ``formats``.
    """

    def test_render_refuses_other_formats(request: pytest.FixtureRequest) -> None:
        with pytest.raises(ValueError, match="svg, png, pdf"):
            render(request.getfixturevalue(fixture), "gif")

    def test_render_without_graphviz(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        result = request.getfixturevalue(fixture)
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(GraphvizNotFoundError):
            to_svg(result)

    @pytest.mark.dot
    @pytest.mark.parametrize("fmt", formats)
    def test_render_formats(request: pytest.FixtureRequest, fmt: str) -> None:
        assert render(request.getfixturevalue(drawn or fixture), fmt).startswith(MAGIC[fmt])

    return test_render_refuses_other_formats, test_render_without_graphviz, test_render_formats


def svg_test(
    build: Callable[[], Any], to_svg: Callable[[Any], str], texts: Sequence[str]
) -> Callable[[], None]:
    """The test that the SVG of the result ``build()`` shows each of ``texts`` (escaped as
    SVG escapes them) and is the same when the result is built and drawn again."""

    @pytest.mark.dot
    def test_svg_shows_its_texts_and_is_deterministic() -> None:
        svg = to_svg(build())
        assert [text for text in texts if text not in svg] == []
        assert svg == to_svg(build())

    return test_svg_shows_its_texts_and_is_deterministic


def chart_tests(
    fixture: str,
    charts: Sequence[Callable[[Any, str], bytes]],
    *,
    pdf: Sequence[Callable[[Any, str], bytes]] = (),
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The output tests of matplotlib charts, to bind to ``test_*`` names in the calling module.

    Each chart of the fixture's result draws the same SVG twice and draws a PNG; only the
    charts in ``pdf`` draw a PDF: one PDF per chart kind in the whole suite, as a PDF takes a
    second or more (the fonts are subset), so a chart whose PDF another test draws is left out.
    """

    def name(value: object) -> str:
        return str(getattr(value, "__name__", value))

    @pytest.mark.parametrize("chart", charts, ids=name)
    def test_svg_is_deterministic(
        request: pytest.FixtureRequest, chart: Callable[[Any, str], bytes]
    ) -> None:
        result = request.getfixturevalue(fixture)
        first = chart(result, "svg")
        assert first.startswith(MAGIC["svg"])
        assert first == chart(result, "svg")

    cases = [(chart, "png") for chart in charts] + [(chart, "pdf") for chart in pdf]

    @pytest.mark.parametrize(("chart", "fmt"), cases, ids=name)
    def test_binary_formats(
        request: pytest.FixtureRequest, chart: Callable[[Any, str], bytes], fmt: str
    ) -> None:
        assert chart(request.getfixturevalue(fixture), fmt).startswith(MAGIC[fmt])

    return test_svg_is_deterministic, test_binary_formats


class Invocation(NamedTuple):
    """What a run of the command line gave: unpack as ``code, out, err = mgmt(...)``."""

    code: int
    out: str
    err: str


def mgmt(
    *args: str, stdin: str | bytes | None = None, env: Mapping[str, str | None] | None = None
) -> Invocation:
    """Run ``mgmt ARGS`` in-process; an unexpected exception fails the test with its traceback."""
    from click.testing import CliRunner

    from mgmt_cli.main import cli

    result = CliRunner().invoke(cli, list(args), input=stdin, env=env, catch_exceptions=False)
    return Invocation(result.exit_code, result.stdout, result.stderr)


def input_file(name: str, text: str) -> Any:
    """A fixture writing ``text`` to ``tmp_path / name`` and giving its path.

    Bind it to the fixture's name in the test module: ``plan = input_file("plan.yaml", PLAN)``.
    """

    @pytest.fixture
    def fixture(tmp_path: Path) -> Path:
        return written(tmp_path / name, text)

    return fixture


def written(path: Path, text: str) -> Path:
    """``path``, with ``text`` written to it in UTF-8.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written(Path(folder) / "plan.yaml", "tasks: []\\n").read_text(encoding="utf-8")
    'tasks: []\\n'
    """
    path.write_text(text, encoding="utf-8")
    return path
