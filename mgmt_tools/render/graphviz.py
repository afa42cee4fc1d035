"""The subprocess layer: find Graphviz and render DOT text to SVG, PNG or PDF.

Everything that runs a Graphviz executable goes through :func:`pipe`, which maps a missing
executable to :class:`~mgmt_tools.errors.GraphvizNotFoundError` (exit code 3: the CLI then
writes the DOT source instead) and any other failure to :class:`~mgmt_tools.errors.RenderError`.
The ``graphviz`` package is imported inside :func:`pipe` only, so that importing this module
costs nothing on the CLI's fast path.

Output is made deterministic where Graphviz is not: the PDF creation date cairo stamps into
every file is replaced by a fixed one, and line ends are normalised, so the same DOT gives the
same bytes on one Graphviz version.
"""

from __future__ import annotations

import re
import shutil

from mgmt_tools.errors import GraphvizNotFoundError, RenderError
from mgmt_tools.render import format_number

__all__ = ["ENGINES", "FORMATS", "RASTER_DPI", "available", "executable", "pipe"]

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
        Graphviz failed (its first lines of stderr are in the message).
    """
    if fmt not in FORMATS:
        raise ValueError(f"cannot render format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise ValueError(f"unknown Graphviz engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if pinned and engine != "neato":
        raise ValueError("pinned positions need engine='neato'")
    if dpi is not None and fmt == "png":
        source = _with_graph_attribute(source, "dpi", format_number(dpi))

    import graphviz  # the package imports subprocess machinery: keep it off the CLI fast path

    try:
        data: bytes = graphviz.pipe(
            engine, fmt, source.encode("utf-8"), neato_no_op=2 if pinned else None, quiet=True
        )
    except graphviz.ExecutableNotFound:
        raise GraphvizNotFoundError(engine) from None
    except graphviz.CalledProcessError as error:
        raise RenderError(_failure(engine, error.returncode, error.stderr)) from None
    except OSError as error:  # permissions, a broken install: not "missing", still a failure
        raise RenderError(f"Graphviz '{engine}' could not be run: {error}") from None
    return _deterministic(data, fmt)


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
    detail = "; ".join(lines[:_STDERR_LINES]) or "no message"
    return f"Graphviz '{engine}' failed (exit code {returncode}): {detail}"


def _deterministic(data: bytes, fmt: str) -> bytes:
    if fmt == "svg":
        return data.replace(b"\r\n", b"\n")
    if fmt == "pdf":
        return _PDF_DATE.sub(lambda match: b"/" + match[1] + b" (D:" + _FIXED_DATE, data)
    return data
