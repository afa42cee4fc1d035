"""The exception tree of mgmt-tools.

::

    MgmtError                         exit code 1; base of everything raised on purpose
    ├── InputError(ValueError)        the input is wrong; carries located ``problems``
    │   └── CycleError                the links form a cycle; carries the ``cycle`` (ids)
    ├── DomainError(ValueError)       valid input that the method cannot compute
    ├── OptionError(ValueError)       exit code 2: options that do not fit the input or each
    │                                 other (a chart without its data, --top with --other-after)
    └── RenderError                   a diagram could not be produced
        └── GraphvizNotFoundError     exit code 3: Graphviz ``dot`` is not installed

Every class carries its CLI exit code as ``exit_code``; the CLI never decides it elsewhere.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "CycleError",
    "DomainError",
    "GraphvizNotFoundError",
    "InputError",
    "MgmtError",
    "OptionError",
    "Problem",
    "RenderError",
    "did_you_mean",
    "format_path",
    "in_order",
]

PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """Write a path into the input as ``tasks[3].depends_on[0]``.

    >>> format_path(("tasks", 3, "depends_on", 0))
    'tasks[3].depends_on[0]'
    >>> format_path(())
    '(top level)'
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, placed as precisely as the input allows."""

    message: str
    path: tuple[PathPart, ...] = ()
    source: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {format_path(self.path)}: {self.message}"


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in the order a reader meets them: by file, line and column; problems without
    a line (a whole file, an option) after the located ones of their file, as found.

    >>> [p.line for p in in_order([Problem("b", line=9), Problem("c"), Problem("a", line=2)])]
    [2, 9, None]
    """
    found = list(problems)
    return sorted(
        found,
        key=lambda p: (
            p.source or "",
            p.line is None,
            p.line or 0,
            p.column or 0,
        ),
    )


class MgmtError(Exception):
    """Base of every error mgmt-tools raises on purpose."""

    exit_code = 1


class InputError(MgmtError, ValueError):
    """The input is invalid; ``problems`` lists every problem found, each located."""

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.summary())

    def summary(self, limit: int = 20) -> str:
        """All problems, one a line, stopping at ``limit`` with a line saying how many more."""
        lines = [str(problem) for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            more = len(self.problems) - limit
            lines.append(f"... and {more} more problem{'s' if more > 1 else ''}")
        return "\n".join(lines)


class CycleError(InputError):
    """The precedence links contain a cycle; ``cycle`` lists ids, first repeated at the end."""

    def __init__(self, problems: Iterable[Problem], cycle: Sequence[str]) -> None:
        self.cycle: list[str] = list(cycle)
        super().__init__(problems)


class DomainError(MgmtError, ValueError):
    """A valid input that the method cannot compute (say, probabilities that cannot be met)."""


class OptionError(MgmtError, ValueError):
    """Options that do not go together, or do not fit the input: a usage error (exit code 2).

    On the command line it reads as a usage error; in a report file, as a located problem of
    the section's ``options``.
    """

    exit_code = 2


class RenderError(MgmtError):
    """A diagram could not be produced."""


class GraphvizNotFoundError(RenderError):
    """Graphviz's ``dot`` is missing, so only DOT source can be written."""

    exit_code = 3
    install_hint = (
        "install Graphviz: apt-get install graphviz (Debian/Ubuntu), brew install graphviz "
        "(macOS), choco install graphviz (Windows), or see https://graphviz.org/download/"
    )

    def __init__(self, executable: str = "dot") -> None:
        self.executable = executable
        super().__init__(f"Graphviz '{executable}' was not found; {self.install_hint}")


def did_you_mean(word: str, choices: Sequence[str], *, limit: int = 8) -> str:
    """A hint naming the closest choices, or listing the choices when there are few.

    >>> did_you_mean("Bb", ["A", "B", "C"])
    " (did you mean 'B'?)"
    >>> did_you_mean("Z", ["A", "B", "C"])
    ' (known: A, B, C)'
    """
    if len(choices) > 2000:  # difflib is quadratic-ish; on big inputs only fold case and space
        folded = "".join(word.split()).casefold()
        close = [c for c in choices if "".join(c.split()).casefold() == folded][:3]
    else:
        close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    if close:
        return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"
    if len(choices) <= limit:
        return " (known: " + ", ".join(choices) + ")"
    return ""
