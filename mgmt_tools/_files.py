"""Reading input files: bytes to text with a located message, and the format from the suffix
or the content.

Every method's ``load(path)`` and every command goes through :func:`read_text` (or
:func:`read_source`, which also reads ``-`` as stdin), so an unreadable file or text in the
wrong encoding gives the same message everywhere; :func:`sniff_format` is the one rule that
tells a file's format. A method that reads CSV also reads a sheet of an Excel workbook
(``.xlsx``, ``--input-format xlsx``, ``--sheet``): :func:`load_file` hands its CSV reader the
sheet's table (:mod:`mgmt_tools._xlsx`), and :func:`read_table_text` reads a table an input
names (CSV or a workbook's first sheet). :func:`reads_tables` (which methods read a workbook)
and :func:`workbook_name` (which names are one) are those rules, written once.
:func:`note_read` records each file a command reads (its input and the files the input
names), so that :mod:`mgmt_tools._writing` never writes over one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mgmt_tools._csv import decode
from mgmt_tools._writing import os_reason
from mgmt_tools.errors import InputError, Problem
from mgmt_tools.locale import _

if TYPE_CHECKING:
    from mgmt_tools._validation import Locating

T = TypeVar("T")

__all__ = [
    "CSV_SUFFIXES",
    "SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "document_format",
    "files_read",
    "format_by_suffix",
    "input_formats",
    "input_suffixes",
    "load_file",
    "note_read",
    "read_bytes",
    "read_document",
    "read_source",
    "read_table_text",
    "read_text",
    "reads_tables",
    "recording_reads",
    "sniff_format",
    "workbook_name",
]

TEXT_SUFFIXES: Mapping[str, str] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""Suffixes every method reads."""

SUFFIXES: Mapping[str, str] = {
    **TEXT_SUFFIXES,
    ".csv": "csv",
    ".txt": "csv",
    ".xml": "mspdi",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
"""Every input suffix and the format it names."""

CSV_SUFFIXES = tuple(suffix for suffix, fmt in SUFFIXES.items() if fmt == "csv")
"""The names a CSV table may end in."""
TABLE_SUFFIXES = (*CSV_SUFFIXES, *(suffix for suffix, fmt in SUFFIXES.items() if fmt == "xlsx"))
"""The names a table that an input names (index alternatives, backlog items, fishbone counts)
may end in: CSV, or an Excel workbook (its first sheet)."""


def reads_tables(formats: Sequence[str]) -> bool:
    """Whether a method that reads ``formats`` reads a table, so an Excel workbook too (a
    sheet, ``--sheet``, ``--input-format xlsx``): the one rule, a method that reads CSV reads
    a workbook (no method lists xlsx itself).

    >>> reads_tables(("yaml", "json", "csv")), reads_tables(("yaml", "json"))
    (True, False)
    """
    return "csv" in formats


def workbook_name(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is named as an Excel workbook (``.xlsx``, or ``.xlsm``: with macros,
    which are never run).

    >>> workbook_name("plan.XLSX"), workbook_name("plan.xlsm"), workbook_name("plan.csv")
    (True, True, False)
    """
    return SUFFIXES.get(Path(path).suffix.lower()) == "xlsx"


def input_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats an input of a method that reads ``formats`` may be in (``--input-format``):
    xlsx too where it reads tables (:func:`reads_tables`).

    >>> input_formats(("yaml", "json", "csv")), input_formats(("yaml",))
    (('yaml', 'json', 'csv', 'xlsx'), ('yaml',))
    """
    return (*formats, "xlsx") if reads_tables(formats) else tuple(formats)


def input_suffixes(formats: Sequence[str]) -> list[str]:
    """The suffixes an input of a method that reads ``formats`` may end in (those of
    :func:`input_formats`).

    >>> input_suffixes(("yaml", "csv"))
    ['.yaml', '.yml', '.csv', '.txt', '.xlsx', '.xlsm']
    """
    read = input_formats(formats)
    return [suffix for suffix, fmt in SUFFIXES.items() if fmt in read]


STDIN = "<stdin>"
"""The name of standard input in messages."""


def document_format(path: str | os.PathLike[str], default: str = "yaml") -> str:
    """The format of a YAML or JSON document named by its suffix, else ``default``.

    >>> document_format("tree.json"), document_format("tree.txt")
    ('json', 'yaml')
    """
    return format_by_suffix(path, TEXT_SUFFIXES, default)


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[str, str]:
    """Like :func:`read_text`, with ``-`` read from standard input (named ``<stdin>``)."""
    data, source = read_bytes(path)
    return decode(data, encoding, source), source


def read_bytes(
    path: str | os.PathLike[str], *, cannot_read: Callable[[str], Problem] | None = None
) -> tuple[bytes, str]:
    """The bytes of the file at ``path`` (``-``: standard input, named ``<stdin>``) and its
    name for messages.

    ``cannot_read``: the file is one an input names, never standard input (a file named
    ``-`` too); the function gives the problem of a file that cannot be read (from the
    reason), placed where the input names it.
    """
    source = os.fspath(path)
    if source == "-" and cannot_read is None:
        return sys.stdin.buffer.read(), STDIN
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = os_reason(error)
        if cannot_read is not None:
            raise InputError([cannot_read(reason)]) from None
        message = _("cannot read: {reason}").format(reason=reason)
        raise InputError([Problem(message, source=source)]) from None
    note_read(path)
    return data, source


def read_table_text(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    fallback: str | None = None,
    cannot_read: Callable[[str], Problem] | None = None,
) -> tuple[str, str]:
    r"""The text of a table file, for a CSV reader, and its name for messages: CSV decoded
    (UTF-8, or GBK when certain, else ``encoding``; ``fallback``: the main input's encoding,
    tried when the file is none of those), or the first sheet of a workbook (named ``.xlsx``,
    or a zip file) as a :class:`~mgmt_tools._csv.SheetText` with the name that places
    problems at its cells. ``cannot_read``: a file an input names (see :func:`read_bytes`).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     table = Path(folder, "counts.csv")
    ...     size = table.write_bytes("原因,次数\n费率,3\n".encode("gbk"))
    ...     text, source = read_table_text(table)
    ...     text, source == str(table)
    ('原因,次数\n费率,3\n', True)
    """
    from mgmt_tools._xlsx import is_workbook, read_sheet

    data, source = read_bytes(path, cannot_read=cannot_read)
    if workbook_name(source) or is_workbook(data):
        sheet = read_sheet(data, source)
        return sheet, sheet.table_source
    return decode(data, encoding, source, fallback=fallback), source


def sniff_format(source: str, text: str, formats: Sequence[str]) -> str:
    r"""The format of an input among ``formats``: named by its suffix, else told by its content.

    JSON starts with ``{`` or ``[``, MS Project XML with ``<``; a first line without a colon
    is a CSV header when CSV is read; anything else is YAML (JSON is YAML too).

    >>> sniff_format("plan.yml", "", ("yaml", "json")), sniff_format("-", "[1]", ("yaml", "json"))
    ('yaml', 'json')
    >>> sniff_format("<stdin>", "reason,count\nFees,3", ("csv", "yaml", "json"))
    'csv'
    >>> sniff_format("data.txt", "counts: {a: 1}", ("csv", "yaml", "json"))
    'yaml'
    """
    suffix = Path(source).suffix.lower()
    named = SUFFIXES.get(suffix)
    if named is not None and named in formats and suffix != ".txt":  # .txt: look inside
        return named
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")) and "json" in formats:
        return "json"
    if stripped.startswith("<") and "mspdi" in formats:
        return "mspdi"
    if "csv" in formats:
        first = stripped.split("\n", 1)[0]
        if ":" not in first and not first.startswith(("#", "---")):
            return "csv"
    return "yaml" if "yaml" in formats else formats[0]


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[str, str]:
    """The text of the file at ``path`` and its name for messages (UTF-8 with or without a
    BOM unless ``encoding`` names another; a UTF-16 BOM is honoured)."""
    data, source = read_bytes(path)
    return decode(data, encoding, source), source


_READ: ContextVar[set[str] | None] = ContextVar("mgmt_files_read", default=None)
"""The files read inside :func:`recording_reads` (resolved paths): the CLI never writes over
one of them (:func:`files_read`). Outside it nothing is recorded, so a long-lived program that
reads many files keeps no list."""


@contextlib.contextmanager
def recording_reads() -> Iterator[None]:
    """Record every file read in the block (a command: its input and the files it names)."""
    token = _READ.set(set())
    try:
        yield
    finally:
        _READ.reset(token)


def note_read(path: str | os.PathLike[str]) -> None:
    """Record that the file at ``path`` was read (a command's input, or a file it names)."""
    seen = _READ.get()
    if seen is not None and os.fspath(path) != "-":
        seen.add(os.path.realpath(path))


def files_read() -> tuple[str, ...]:
    """The files read so far inside :func:`recording_reads`, for ``write_file(inputs=...)``.

    >>> with recording_reads():
    ...     note_read("plan.yaml")
    ...     [os.path.basename(name) for name in files_read()]
    ['plan.yaml']
    >>> files_read()
    ()
    """
    return tuple(sorted(_READ.get() or ()))


def format_by_suffix(
    path: str | os.PathLike[str], suffixes: Mapping[str, str], default: str = "yaml"
) -> str:
    """The input format named by the suffix of ``path`` in ``suffixes``, else ``default``.

    >>> format_by_suffix("plan.YML", TEXT_SUFFIXES), format_by_suffix("x.txt", TEXT_SUFFIXES)
    ('yaml', 'yaml')
    """
    return suffixes.get(Path(path).suffix.lower(), default)


def load_file(
    path: str | os.PathLike[str],
    loads: Callable[..., T],
    formats: Sequence[str],
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    files_beside: bool = False,
    **options: Any,
) -> T:
    """Read the input file at ``path`` (``-`` for stdin) with a method's ``loads``: the
    format from ``fmt``, else the suffix, else the content (:func:`sniff_format`).

    Where ``formats`` has csv, an Excel workbook (``fmt`` xlsx, the suffix ``.xlsx``, or a zip
    file read from stdin) is read too: its ``sheet`` (a name or a number from 1, default the
    first) goes to ``loads`` as csv, each problem placed at the sheet's cells.

    ``files_beside``: the input names other files (a CSV of alternatives), found relative to
    it, so ``loads`` also takes ``base`` (its folder) and ``encoding``.
    """
    data, source = read_bytes(path)
    if _reads_workbook(fmt, source, data, formats):
        from mgmt_tools._xlsx import read_sheet

        sheet_text = read_sheet(data, source, sheet)
        text: str = sheet_text
        fmt, source = "csv", sheet_text.table_source
    else:
        if sheet is not None:
            from mgmt_tools._xlsx import not_a_workbook_option

            raise not_a_workbook_option(source)
        text = decode(data, encoding, source)
        fmt = fmt or sniff_format(source, text, formats)
    if files_beside:
        base = None if os.fspath(path) == "-" else Path(path).parent
        options = {"base": base, "encoding": encoding, **options}
    return loads(text, fmt, source=source, **options)


def _reads_workbook(fmt: str | None, source: str, data: bytes, formats: Sequence[str]) -> bool:
    """Whether the input is read as a workbook: asked (``xlsx``), named ``.xlsx``, or, with
    neither a format nor a suffix that names one, a zip file where CSV is read."""
    from mgmt_tools._xlsx import is_workbook

    if not reads_tables(formats):
        return False
    if fmt is not None:
        return fmt == "xlsx"
    if SUFFIXES.get(Path(source).suffix.lower(), "csv") != "csv":  # .txt: look inside
        return workbook_name(source)
    return is_workbook(data)


def read_document(
    text: str,
    fmt: str,
    source: str | None,
    build: Callable[[Any, Locating, list[Problem]], T],
    *,
    kind: str,
) -> T:
    """Parse YAML or JSON ``text`` and hand the data, a locator and the problems found so far
    (duplicate keys) to ``build``: the one way every method reads a document.

    Raises ``ValueError`` for a format other than yaml or json (``kind`` names the input).
    """
    from mgmt_tools._yaml import LazyLocator, load_text

    if fmt not in ("yaml", "json"):
        raise ValueError(f"unknown {kind} format {fmt!r} (yaml or json)")
    problems: list[Problem] = []
    data = load_text(text, fmt, source, problems)
    return build(data, LazyLocator(text, fmt, source), problems)
