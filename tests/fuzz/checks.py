"""How a fuzz run is made and judged: the command in-process or in a child process, and the
rules every run must keep whatever its input (issue #14, item 7).

:func:`run_in_process` runs ``mgmt ARGS`` with click's runner (fast: Hypothesis runs thousands),
guarded by an alarm so a hang fails the example instead of the suite;
:func:`run_in_child` runs it as ``python -m mgmt_cli`` in a child process with a time and
memory bound, for inputs that are built to hang or to exhaust memory (the corpus).
:func:`violations` lists every rule a run broke, as short sentences; an empty list is a pass.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

__all__ = [
    "SLOW",
    "SUFFIX",
    "Run",
    "formula_cells",
    "listing",
    "run_in_child",
    "run_in_process",
    "strict_json",
    "violations",
    "written_file_problems",
]

SLOW = float(os.environ.get("FUZZ_SLOW_SECONDS", "10"))
"""CPU seconds one run may use before it is flagged (the commands are bounded well below)."""

HARD = float(os.environ.get("FUZZ_HARD_SECONDS", "60"))
"""Wall-clock seconds after which an in-process run is interrupted (it has hung)."""

MEMORY = 2 * 1024**3
"""Bytes of address space a child run may use (a YAML alias bomb must stop well before)."""

SUFFIX = {"mermaid": "mmd", "mspdi": "xml"}
"""File suffix of each output format whose suffix is not its name."""

EXIT_CODES = frozenset({0, 1, 2})
"""The exit codes a run may end with: success, an input error, a usage error (3 only when
Graphviz is missing)."""


@dataclass(frozen=True)
class Run:
    """What one run gave: ``seconds`` of CPU time (its own and its children's); ``crash``
    the exception that escaped the command, or the hang, if any."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str
    seconds: float
    crash: str | None = None
    notes: tuple[str, ...] = ()
    """Other broken rules seen while running (output that is not UTF-8)."""

    def first_error_line(self) -> str:
        """The first error line of stderr (else the first that is not a warning), for reports."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        chosen = [line for line in lines if "rror" in line]
        chosen = chosen or [line for line in lines if not line.startswith("warning")] or lines
        return (self.crash or (chosen[0] if chosen else ""))[:300]


def _cpu() -> float:
    """CPU seconds used so far by this process and its waited-for children (Graphviz, a
    child run): the time bound counts work, not waiting on a machine shared with others."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _Hung(BaseException):
    """Raised by the alarm in a run past :data:`HARD` seconds (a BaseException, so the
    command's own ``except Exception`` cannot swallow it)."""


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(signum: int, frame: FrameType | None) -> None:
        raise _Hung(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_process(args: Sequence[str], stdin: bytes | None = None) -> Run:
    """Run ``mgmt ARGS`` in this process; an escaped exception is recorded, not raised."""
    from click.testing import CliRunner

    from mgmt_cli.main import cli

    start = _cpu()
    crash = None
    try:
        with _alarm(HARD):
            result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=True)
    except _Hung as hung:
        return Run(tuple(args), -1, "", "", _cpu() - start, f"hang: {hung}")
    seconds = _cpu() - start
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        error = result.exception
        crash = f"internal error: {type(error).__name__}: {str(error)[:200]}"
    return Run(tuple(args), result.exit_code, result.stdout, result.stderr, seconds, crash)


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _text(data: bytes, stream: str, notes: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        notes.append(f"{stream} is not UTF-8: {error}")
        return data.decode("utf-8", "replace")


def run_in_child(
    args: Sequence[str], cwd: Path, timeout: float, env: Mapping[str, str] | None = None
) -> Run:
    """Run ``python -m mgmt_cli ARGS`` in ``cwd``, killed (with its Graphviz children) after
    ``timeout`` seconds; its address space is bounded by :data:`MEMORY`; ``env`` is added to
    this process's environment."""
    command = [sys.executable, "-m", "mgmt_cli", *args]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", **(env or {})}
    environment.pop("MGMT_DEBUG", None)
    start = _cpu()
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_limit_memory,  # the test process starts no threads
    ) as child:
        try:
            out, err = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            out, err = child.communicate()
            seconds = _cpu() - start
            text = err.decode("utf-8", "replace")
            return Run(tuple(args), -1, "", text, seconds, f"hang: killed after {timeout:g} s")
    seconds = _cpu() - start
    code = child.returncode
    crash = f"killed by signal {-code}" if code < 0 else None
    notes: list[str] = []
    stdout, stderr = _text(out, "stdout", notes), _text(err, "stderr", notes)
    return Run(tuple(args), code, stdout, stderr, seconds, crash, tuple(notes))


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _surrogates(value: object) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, dict):
        return any(_surrogates(k) or _surrogates(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_surrogates(item) for item in value)
    return False


def strict_json(text: str) -> object:
    """``text`` parsed as JSON, refusing NaN, Infinity and -Infinity (Python writes them) and
    lone surrogates (``"\\ud800"`` parses, but is no character: no UTF-8 reader takes it)."""
    value = json.loads(text, parse_constant=_refuse_constant)
    if _surrogates(value):
        raise ValueError("a lone surrogate in a string")
    return value


def formula_cells(text: str) -> list[str]:
    """The cells of a CSV text a spreadsheet would run as a formula (OWASP: a cell starting
    with = + - @ tab or carriage return; a plain number such as -2.5 is not one).

    >>> formula_cells("a,b\\n'=1,-2.5\\n=SUM(A1),@x\\n")
    ['=SUM(A1)', '@x']
    """
    found = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try:
                    float(cell)
                except ValueError:
                    found.append(cell)
    return found


def written_file_problems(path: Path, fmt: str) -> list[str]:
    """What is wrong with the file a successful ``-o`` wrote: JSON that is not strict, CSV
    cells a spreadsheet would run."""
    if not path.is_file():
        return [f"reported success but wrote no {path.name}"]
    if fmt == "json":
        try:
            strict_json(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            return [f"{path.name} is not strict JSON: {str(error)[:120]}"]
    if fmt == "csv":
        cells = formula_cells(path.read_text(encoding="utf-8-sig", errors="replace"))
        if cells:
            return [f"formula cells in {path.name}: {[cell[:40] for cell in cells[:3]]}"]
    return []


def listing(directory: Path) -> dict[str, str]:
    """Every file and folder under ``directory`` (hidden ones included, relative to it) with
    a digest of its content (``"dir"`` for a folder), to tell a new, a changed and a removed
    file apart."""
    found = {}
    for path in directory.rglob("*"):
        name = str(path.relative_to(directory))
        if path.is_symlink() or not path.is_file():
            found[name] = "dir" if path.is_dir() else "other"
        else:
            found[name] = hashlib.sha1(path.read_bytes()).hexdigest()
    return found


def violations(
    run: Run,
    *,
    json_out: bool = False,
    before: Mapping[str, str] | None = None,
    after: Mapping[str, str] | None = None,
    allowed: Collection[str] = (),
    slow: float = SLOW,
) -> list[str]:
    """Every rule of the fuzz suite that ``run`` broke (empty when it kept them all).

    ``before``/``after`` are :func:`listing` of the run's folder before and after the run;
    ``allowed`` the paths it may write: the ``-o`` target, a report's picture folder (and what
    is in it, when new; a file that was there before may change only when named itself).
    """
    found = list(run.notes)
    if run.crash:
        found.append(run.crash)
    elif run.code not in EXIT_CODES:
        graphviz_missing = run.code == 3 and "Graphviz" in run.err
        if not graphviz_missing:
            found.append(f"exit code {run.code}")
    for marker in ("internal error", "Traceback"):
        if marker in run.err:
            found.append(f"'{marker}' on stderr")
    if "\x1b" in run.err or "\x1b" in run.out:
        found.append("a raw ESC character on the terminal")
    if "'dot' failed" in run.err and "syntax error" in run.err:
        found.append("invalid DOT handed to Graphviz")
    if json_out and run.code == 0 and not run.crash:
        try:
            strict_json(run.out)
        except ValueError as error:
            found.append(f"--json output is not strict JSON: {str(error)[:120]}")
    if before is not None and after is not None:

        def free(path: str) -> bool:  # the target, or inside a picture folder it may make
            return any(path == a or path.startswith(f"{a}/") for a in allowed)

        new = sorted(path for path in after.keys() - before.keys() if not free(path))
        if new:
            found.append(f"left files behind: {new[:5]}")
        changed = sorted(
            path
            for path in before.keys() & after.keys()
            if before[path] != after[path] and path not in allowed
        )
        if changed:
            found.append(f"changed files it was not asked to write: {changed[:5]}")
        gone = sorted(before.keys() - after.keys())
        if gone:
            found.append(f"removed files: {gone[:5]}")
    if run.seconds > slow and not run.crash:
        found.append(f"took {run.seconds:.1f} s of CPU (bound {slow:g} s)")
    return found
