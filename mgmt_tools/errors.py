"""The exception tree of mgmt-tools.

::

    MgmtError                         exit code 1; base of everything raised on purpose
    ├── InputError(ValueError)        the input is wrong; carries located ``problems``
    │   ├── CycleError                the links form a cycle; carries the ``cycle`` (ids)
    │   └── NoSuchSheetError          a workbook has no sheet of the name or number asked for
    ├── DomainError(ValueError)       valid input that the method cannot compute
    ├── OptionError(ValueError)       exit code 2: options that do not fit the input or each
    │                                 other (a chart without its data, --top with --other-after)
    └── RenderError                   a diagram could not be produced
        └── GraphvizNotFoundError     exit code 3: Graphviz ``dot`` is not installed

Every class carries its CLI exit code as ``exit_code``; the CLI never decides it elsewhere.
A message shows input text safely (:func:`printable`, which
:func:`mgmt_tools.render.escape.terminal` names for every output): an escape code in a key or a
name is written as ``\\x1b``, never sent raw to the terminal.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mgmt_tools.locale import N_, _, ngettext

__all__ = [
    "CycleError",
    "DomainError",
    "GraphvizNotFoundError",
    "InputError",
    "MgmtError",
    "NoSuchSheetError",
    "OptionError",
    "Problem",
    "RenderError",
    "SheetSource",
    "column_letter",
    "did_you_mean",
    "format_path",
    "in_order",
    "printable",
    "sheet_reference",
]

PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """Write a path into the input as ``tasks[3].depends_on[0]``.

    A path deeper than :data:`PATH_PARTS` parts keeps its first and last parts around the
    number left out, and a key longer than :data:`KEY_CHARACTERS` is shortened: the line and
    column place the problem; the path only has to be readable.

    >>> format_path(("tasks", 3, "depends_on", 0))
    'tasks[3].depends_on[0]'
    >>> format_path(())
    '(top level)'
    >>> format_path(("children", 0) * 300 + ("goal",))
    'children[0].children[0]…(592 parts)…children[0].children[0].goal'
    """
    if len(path) > PATH_PARTS:
        left_out = len(path) - 9
        return f"{format_path(path[:4])}…({left_out} parts)…{format_path(path[-5:])}"
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = str(part)  # a key may be a number read from YAML (1e999: ...)
            if len(key) > KEY_CHARACTERS:
                key = key[: KEY_CHARACTERS - 1] + "…"
            text += f".{key}" if text else key
    return text or "(top level)"


PATH_PARTS = 16
"""Parts of a path written out in full in a message."""
KEY_CHARACTERS = 60
"""Characters of one key written out in a message."""


# What a terminal acts on instead of showing: the C0 controls but tab and line feed (ESC starts
# an escape sequence, CR and backspace overwrite what was shown), DEL, the C1 controls (CSI
# U+009B starts one too) and the bidi embeddings, overrides and isolates (they reorder what
# follows: "Trojan Source", CVE-2021-42574); and lone surrogates, which cannot be encoded.
# A Windows line break is a line break.
_UNPRINTABLE = re.compile(
    "\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _shown(match: re.Match[str]) -> str:
    char = match[0]
    if char == "\r\n":
        return "\n"
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\N{REPLACEMENT CHARACTER}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object) -> str:
    r"""Text (its ``str``) safe to show in a terminal: nothing in it can move the cursor,
    change colours, set the title, reorder the line or fail to encode. The one rule of every
    message, text summary and CSV cell (:func:`mgmt_tools.render.escape.terminal`).

    Each control character but tab and line feed (C0, DEL, C1: ESC, CR, CSI ...) and each bidi
    embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) is written as its Python
    escape, ``\x1b`` or ``\u202e``, so the reader sees that it is there; a lone surrogate
    becomes U+FFFD (the replacement character) and CR LF a line feed. Backslashes are kept as
    they are (a Windows path reads as itself), so the function can run twice without change.

    Examples
    --------
    >>> printable("\x1b[2Jbad \x9b31m\u202eevil\r\nnext\tline C:\\x")
    '\\x1b[2Jbad \\x9b31m\\u202eevil\nnext\tline C:\\x'
    >>> printable("a\ud800b") == "a\N{REPLACEMENT CHARACTER}b"
    True
    >>> printable(printable("\x07")) == printable("\x07") == "\\x07"
    True
    """
    return _UNPRINTABLE.sub(_shown, str(text))


class SheetSource(str):
    """The name of a workbook read for one of its sheets (``book.xlsx``), carrying the sheet:
    every :class:`Problem` made with it as its ``source`` is placed in the sheet, at Excel's
    row and column letter (``book.xlsx:Sheet1!C7``), whoever makes it.

    ``first_column`` is the sheet column (1 = A) of the table's first column: problems give
    the column of the table, as for CSV, and the sheet's column is counted from it.
    """

    sheet: str
    first_column: int

    def __new__(cls, name: str, sheet: str, first_column: int = 1) -> SheetSource:
        made = super().__new__(cls, name)
        made.sheet = sheet
        made.first_column = first_column
        return made


def column_letter(number: int) -> str:
    """Excel's letters of column ``number`` (1 = A).

    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(16384)
    ('A', 'Z', 'AA', 'XFD')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_reference(sheet: str, row: int | None = None, column: int | None = None) -> str:
    """A place in a sheet as Excel writes it: ``Sheet1!C7``, the row ``Sheet1!7:7``, the
    sheet ``Sheet1``; a name with spaces or signs is quoted (``'Q1 plan'!B2``).

    >>> sheet_reference("Sheet1", 7, 3), sheet_reference("计划", 2), sheet_reference("Q1 plan")
    ('Sheet1!C7', '计划!2:2', "'Q1 plan'")
    """
    name = sheet
    if not re.fullmatch(r"[^\W\d]\w*", sheet) or re.fullmatch(r"[A-Za-z]{1,3}\d+", sheet):
        name = "'" + sheet.replace("'", "''") + "'"
    if row is None:
        return name
    if column is None:
        return f"{name}!{row}:{row}"
    return f"{name}!{column_letter(column)}{row}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, placed as precisely as the input allows.

    ``sheet``: the problem is in that sheet of the workbook ``source``; ``line`` is then the
    sheet's row and ``column`` its column number (1 = A). Made with a :class:`SheetSource`,
    a problem takes the sheet from it (and counts a table's column from the sheet's first).
    """

    message: str
    path: tuple[PathPart, ...] = ()
    source: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None

    def __post_init__(self) -> None:
        if self.sheet is None and isinstance(self.source, SheetSource):
            object.__setattr__(self, "sheet", self.source.sheet)
            if self.column is not None:
                object.__setattr__(self, "column", self.column + self.source.first_column - 1)

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.sheet is not None:
            where += ":" + sheet_reference(self.sheet, self.line, self.column)
        elif self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return printable(f"{where}: {format_path(self.path)}: {self.message}")


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
            p.sheet or "",
            p.line is None,
            p.line or 0,
            p.column or 0,
        ),
    )


class MgmtError(Exception):
    """Base of every error mgmt-tools raises on purpose; its message shows input text safely.

    >>> str(MgmtError("unknown task '\\x1b[31mA'"))
    "unknown task '\\\\x1b[31mA'"
    """

    exit_code = 1

    def __str__(self) -> str:
        return printable(super().__str__())


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
            text = ngettext("... and {count} more problem", "... and {count} more problems", more)
            lines.append(text.format(count=more))
        return "\n".join(lines)


class CycleError(InputError):
    """The precedence links contain a cycle; ``cycle`` lists ids, first repeated at the end."""

    def __init__(self, problems: Iterable[Problem], cycle: Sequence[str]) -> None:
        self.cycle: list[str] = list(cycle)
        super().__init__(problems)


class NoSuchSheetError(InputError):
    """A workbook has no sheet of the name or number asked for; ``sheets`` lists the names
    it has, so a caller can place the problem where the sheet was asked for."""

    def __init__(self, problems: Iterable[Problem], sheets: Sequence[str]) -> None:
        self.sheets: list[str] = list(sheets)
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
    install_hint = N_(
        "install Graphviz: apt-get install graphviz (Debian/Ubuntu), brew install graphviz "
        "(macOS), choco install graphviz (Windows), or see https://graphviz.org/download/"
    )
    """How to install Graphviz (English; translated where shown, ``_(install_hint)``)."""

    def __init__(self, executable: str = "dot") -> None:
        self.executable = executable
        super().__init__(
            _("Graphviz '{executable}' was not found; {hint}").format(
                executable=executable, hint=_(self.install_hint)
            )
        )


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
        names = _(" or ").join(f"'{c}'" for c in close)
        return _(" (did you mean {names}?)").format(names=names)
    if len(choices) <= limit:
        return _(" (known: {names})").format(names=", ".join(choices))
    return ""
