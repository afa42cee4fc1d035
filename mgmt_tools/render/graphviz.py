"""The subprocess layer: find Graphviz and render DOT text to SVG, PNG or PDF.

Everything that runs a Graphviz executable goes through :func:`pipe`, which maps a missing
executable to :class:`~mgmt_tools.errors.GraphvizNotFoundError` (exit code 3: the CLI then
writes the DOT source instead) and any other failure to :class:`~mgmt_tools.errors.RenderError`.

Drawing is bounded (:mod:`mgmt_tools.limits`): a diagram of more than ``max_diagram`` nodes
plus edges is refused before Graphviz sees it, and a run that takes longer than
``render_timeout`` seconds is killed. Both errors name the diagram and the option that draws a
simpler one; the numbers of a result are never cut, only its picture.

Output is made deterministic where Graphviz is not: the PDF creation date cairo stamps into
every file is replaced by a fixed one, and line ends are normalised, so the same DOT gives the
same bytes on one Graphviz version.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess

from mgmt_tools import limits
from mgmt_tools.errors import GraphvizNotFoundError, RenderError
from mgmt_tools.locale import N_, _
from mgmt_tools.render import format_number, geometry

__all__ = [
    "ENGINES",
    "FORMATS",
    "RASTER_DPI",
    "available",
    "diagram_size",
    "drawing",
    "executable",
    "measure",
    "pipe",
]

FORMATS = ("svg", "png", "pdf")
"""Formats :func:`pipe` renders."""
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")
"""Layout engines :func:`pipe` runs; ``neato`` with pinned positions draws computed layouts."""
RASTER_DPI = 144.0
"""Resolution of PNG output: twice the 72 dpi of SVG and PDF, sharp enough for a slide."""

# cairo (before 1.18) ignores SOURCE_DATE_EPOCH and stamps the current time into every PDF;
# replacing it by a date of the same length keeps the cross-reference offsets valid.
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})")
_FIXED_DATE = b"20000101000000"
# ... and writes the date in the local zone ("Z" in UTC, "+08'00" in Shanghai): with the zone
# fixed too, a PDF is the same wherever it is drawn (SOURCE_DATE_EPOCH for cairo 1.18 on).
_FIXED_CLOCK = {"TZ": "UTC", "SOURCE_DATE_EPOCH": "946684800"}
_STDERR_LINES = 5


def executable(engine: str = "dot") -> str | None:
    """The path of the Graphviz ``engine`` executable on ``PATH``, or None.

    >>> executable("no-such-graphviz-engine") is None
    True
    """
    return shutil.which(engine)


def available(engine: str = "dot") -> bool:
    """Whether the Graphviz ``engine`` executable can be found."""
    return executable(engine) is not None


def pipe(
    source: str,
    fmt: str,
    *,
    engine: str = "dot",
    dpi: float | None = RASTER_DPI,
    pinned: bool = False,
    diagram: str = N_("the diagram"),
    simpler: str | None = None,
) -> bytes:
    """Render DOT ``source`` to ``fmt`` (svg, png or pdf) with the Graphviz ``engine``.

    Parameters
    ----------
    source
        The DOT text, as :func:`mgmt_tools.render.dot.escape` and friends built it.
    fmt
        One of :data:`FORMATS`.
    engine
        One of :data:`ENGINES`.
    dpi
        Resolution of PNG output (ignored for the vector formats, whose size it would change).
    pinned
        Run ``neato -n2``: keep the node positions given in the source (``pos`` attributes)
        and route edges only. Only with ``engine="neato"``.
    diagram
        What is drawn, for the messages (``"the decision tree of 201 nodes"``).
    simpler
        The option that draws a simpler picture of the same result, for the messages
        (``"--depth N (the levels below the root)"``).

    Returns
    -------
    bytes
        The rendered file; SVG is UTF-8 text.

    Raises
    ------
    ValueError
        ``fmt`` or ``engine`` is not supported.
    GraphvizNotFoundError
        The engine's executable is not installed.
    RenderError
        The diagram has more nodes and edges than ``limits.current().max_diagram``, Graphviz
        took longer than ``limits.current().render_timeout`` seconds, or it failed (its first
        lines of stderr are in the message).
    """
    if fmt not in FORMATS:
        raise ValueError(
            _("cannot render format {format}; choose one of {known}").format(
                format=repr(fmt), known=", ".join(FORMATS)
            )
        )
    if engine not in ENGINES:
        raise ValueError(
            _("unknown Graphviz engine {engine}; choose one of {known}").format(
                engine=repr(engine), known=", ".join(ENGINES)
            )
        )
    if pinned and engine != "neato":
        raise ValueError(_("pinned positions need engine='neato'"))
    diagram = _(diagram)  # the default's words; a caller's are already in the language
    bounds = limits.current()
    size = diagram_size(source)
    if size > bounds.max_diagram:
        raise RenderError(
            _(
                "{diagram} is too big to draw: {size} nodes and edges, more than the limit of "
                "{limit}; {how}{simpler}"
            ).format(
                diagram=diagram,
                size=f"{size:,}",
                limit=f"{bounds.max_diagram:,}",
                how=limits.how_to_raise("max_diagram"),
                simpler=_simpler(simpler),
            )
        )
    if dpi is not None and fmt == "png":
        source = _with_graph_attribute(source, "dpi", format_number(dpi))
    path = executable(engine)
    if path is None:
        raise GraphvizNotFoundError(engine)
    if geometry.recording():
        geometry.record(drawing(source, engine, pinned=pinned))
    command = [path, f"-T{fmt}"] + (["-n2"] if pinned else [])
    try:
        data = _run(command, source.encode("utf-8"), bounds.render_timeout)
    except subprocess.TimeoutExpired:
        raise RenderError(
            _(
                "Graphviz '{engine}' was stopped after {seconds} s drawing {diagram} "
                "({size} nodes and edges); {how}{simpler}"
            ).format(
                engine=engine,
                seconds=format_number(bounds.render_timeout),
                diagram=diagram,
                size=f"{size:,}",
                how=limits.how_to_raise("render_timeout"),
                simpler=_simpler(simpler),
            )
        ) from None
    except FileNotFoundError:
        raise GraphvizNotFoundError(engine) from None
    except subprocess.CalledProcessError as error:
        raise RenderError(_failure(engine, error.returncode, error.stderr)) from None
    except OSError as error:  # permissions, a broken install: not "missing", still a failure
        message = _("Graphviz '{engine}' could not be run: {error}")
        raise RenderError(message.format(engine=engine, error=error)) from None
    return _deterministic(data, fmt)


def drawing(source: str, engine: str = "dot", *, pinned: bool = False) -> geometry.Drawing:
    """The texts of DOT ``source`` as Graphviz ``engine`` lays them out (``-Tjson``), for the
    checks of :mod:`mgmt_tools.render.geometry`; errors as :func:`pipe`'s run."""
    path = executable(engine)
    if path is None:
        raise GraphvizNotFoundError(engine)
    command = [path, "-Tjson"] + (["-n2"] if pinned else [])
    data = _run(command, source.encode("utf-8"), limits.current().render_timeout)
    return geometry.layout_drawing(data)


def measure(source: str, engine: str = "dot") -> tuple[float, float] | None:
    """Width and height in points of Graphviz's layout of DOT ``source`` (``-Tplain``), for a
    caller choosing between layouts; None when the engine is missing, fails or takes longer
    than ``limits.current().render_timeout`` seconds (the caller falls back on an estimate and
    the drawing itself reports the problem)."""
    path = executable(engine)
    if path is None or diagram_size(source) > limits.current().max_diagram:
        return None
    try:
        data = _run([path, "-Tplain"], source.encode("utf-8"), limits.current().render_timeout)
        first = data.decode("utf-8", "replace").split("\n", 1)[0].split()
        return float(first[2]) * 72, float(first[3]) * 72
    except (OSError, subprocess.SubprocessError, IndexError, ValueError):
        return None


def _simpler(option: str | None) -> str:
    if option is None:
        return _("; the numbers are complete with --json")
    return _(", or draw a simpler picture with {option}; the numbers stay complete").format(
        option=option
    )


def _run(command: list[str], data: bytes, timeout: float) -> bytes:
    """Run ``command`` on ``data``; its stdout, or CalledProcessError / TimeoutExpired.

    The program runs in a session of its own so that a timeout kills it and anything it
    started (a wrapper script's children too), not only the first process.
    """
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **_FIXED_CLOCK},
        start_new_session=os.name == "posix",
    ) as process:
        try:
            stdout, stderr = process.communicate(data, timeout=timeout)
        except BaseException:  # the timeout, Ctrl-C: leave no Graphviz behind
            _kill(process)
            raise
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, stdout, stderr)
    return stdout


def _kill(process: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):  # already gone
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        process.kill()
    process.communicate()


_TOKEN = re.compile(r'->|--|["<\[\];\n{}=]')
_QUOTED_REST = re.compile(r'(?:[^"\\]|\\.)*"?', re.DOTALL)
_ANGLE = re.compile(r"[<>]")
_NOT_NODES = frozenset({"graph", "node", "edge", "subgraph", "digraph", "strict"})


def diagram_size(source: str) -> int:
    r"""Nodes plus edges of a DOT text, close enough to bound what Graphviz will lay out.

    Each edge operator (``->``, ``--``) is an edge; each distinct name a node statement or an
    edge statement names is a node (attribute statements, ``a=b`` and subgraphs are not).
    Quoted strings and HTML labels are skipped, whatever they contain.

    >>> diagram_size('digraph { rankdir=LR; node [shape=box]; a [label="x -> y; z"]; a -> b }')
    3
    >>> diagram_size("digraph {\n a [label=<<B>n;</B>>]\n b:p:w -> c\n {rank=same; a; b}\n}")
    4
    """
    names: set[str] = set()
    edges = 0
    position, length = 0, len(source)
    brackets = 0
    named: list[str] = []  # the node names of the current statement
    wanted = True  # the next word is a node name (a statement's first, or after an edge)
    attribute = False
    while position < length:
        match = _TOKEN.search(source, position)
        end = match.start() if match else length
        if wanted and brackets == 0:
            words = source[position:end].split(None, 1)
            if words:
                named.append(words[0].split(":", 1)[0])
                wanted = False
        if match is None:
            break
        token = match.group()
        position = match.end()
        if token == '"':
            quoted = _QUOTED_REST.match(source, position)
            position = quoted.end() if quoted else length
            if wanted and brackets == 0:
                named.append(source[match.start() : position])
                wanted = False
        elif token == "<":
            depth = 1
            for angle in _ANGLE.finditer(source, position):
                depth += 1 if angle.group() == "<" else -1
                if depth == 0:
                    position = angle.end()
                    break
            else:
                position = length
        elif token == "[":
            brackets += 1
        elif token == "]":
            brackets = max(brackets - 1, 0)
        elif brackets:
            continue
        elif token in ("->", "--"):
            edges += 1
            wanted = True
        elif token == "=":
            attribute = True
        else:  # the end of a statement: ; newline { }
            _add_names(names, named, attribute)
            named, wanted, attribute = [], True, False
    _add_names(names, named, attribute)
    return len(names) + edges


def _add_names(names: set[str], named: list[str], attribute: bool) -> None:
    if named and not attribute and named[0].lower() not in _NOT_NODES:
        names.update(named)


def _with_graph_attribute(source: str, name: str, value: str) -> str:
    """Set a graph attribute by a statement before the closing brace of the graph.

    Graph attributes apply to the whole graph wherever they are set, and the last ``}`` of a
    DOT file always closes the root graph, whatever ids or labels come before it.
    """
    end = source.rstrip().rfind("}")
    if end < 0:
        return source  # not a graph: let Graphviz report the syntax error
    return f"{source[:end]}{name}={value}\n{source[end:]}"


def _failure(engine: str, returncode: int, stderr: bytes | str | None) -> str:
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", errors="replace")
    lines = [line for line in (stderr or "").splitlines() if line.strip()]
    detail = "; ".join(lines[:_STDERR_LINES]) or _("no message")
    return _("Graphviz '{engine}' failed (exit code {code}): {detail}").format(
        engine=engine, code=returncode, detail=detail
    )


def _deterministic(data: bytes, fmt: str) -> bytes:
    if fmt == "svg":
        return data.replace(b"\r\n", b"\n")
    if fmt == "pdf":
        return _PDF_DATE.sub(lambda match: b"/" + match[1] + b" (D:" + _FIXED_DATE, data)
    return data
