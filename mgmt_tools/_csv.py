"""Read CSV tables (RFC 4180) and place problems at their line and column.

UTF-8 with or without a byte-order mark (as Excel writes it) by default; other encodings
(``gbk`` from Chinese Excel) by name. Quoted fields may hold commas, quotes and newlines, so a
record may span several lines: each record remembers the line it starts on.
"""

from __future__ import annotations

import csv
import io
from array import array
from dataclasses import dataclass, field
from operator import itemgetter

from mgmt_tools import limits
from mgmt_tools.errors import InputError, PathPart, Problem

__all__ = ["CsvLocator", "Table", "decode", "read_table"]

Path = tuple[PathPart, ...]


def decode(data: bytes, encoding: str | None = None, source: str | None = None) -> str:
    """Bytes to text: UTF-8 (a BOM is dropped) unless ``encoding`` names another."""
    name = encoding or "utf-8-sig"  # UTF-8, dropping the BOM that Excel writes
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        name = "utf-16"  # a UTF-16 byte-order mark (MS Project can save XML so)
    try:
        return data.decode(name)
    except LookupError:
        raise InputError([Problem(f"unknown encoding '{encoding}'", source=source)]) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        hint = "" if encoding else " (give --encoding, for example --encoding gbk)"
        raise InputError(
            [Problem(f"not valid {encoding or 'UTF-8'} text{hint}", source=source, line=line)]
        ) from None


@dataclass
class Table:
    """A CSV table: the header, the records, and the line each record starts on."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    _rectangular: bool | None = field(default=None, repr=False)

    def column(self, name: str) -> list[str]:
        """The cells of column ``name`` ('' where a short record lacks it)."""
        number = self.header.index(name)
        if self._rectangular is None:
            width = len(self.header)
            self._rectangular = all(len(row) == width for row in self.rows)
        if self._rectangular:
            return list(map(itemgetter(number), self.rows))
        return [row[number] if number < len(row) else "" for row in self.rows]


def read_table(text: str, source: str | None = None) -> Table:
    """Parse CSV text whose first record is the header; blank lines are skipped.

    Text without a double quote cannot hold a quoted field, so each line is a record and a
    plain split is exact (and several times faster than the csv module); otherwise the csv
    module reads it (RFC 4180: quoted commas, quotes and newlines).
    """
    if '"' not in text and "\r" not in text.replace("\r\n", "\n"):
        return _bounded(_read_unquoted(text.replace("\r\n", "\n"), source), text, source)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(row for row in reader if row)]
    except StopIteration:
        raise InputError([Problem("empty CSV file: no header", source=source, line=1)]) from None
    except csv.Error as error:
        raise InputError([Problem(f"CSV syntax: {error}", source=source, line=1)]) from None
    rows: list[list[str]] = []
    lines: list[int] = []
    start = reader.line_num + 1
    try:
        for row in reader:
            if row:
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:  # placed where the broken record starts (an open quote)
        raise InputError([Problem(f"CSV syntax: {error}", source=source, line=start)]) from None
    return _bounded(Table(header, rows, lines), text, source)


def _bounded(table: Table, text: str, source: str | None) -> Table:
    """``table``, or a located error at its first cell longer than ``max_text`` characters (a
    text shorter than the limit cannot hold one, so only long files are looked through)."""
    bound = limits.current().max_text
    if len(text) <= bound:
        return table
    records = [(1, table.header), *zip(table.lines, table.rows, strict=True)]
    for line, record in records:
        if sum(map(len, record)) <= bound:
            continue
        for number, cell in enumerate(record):
            if len(cell) > bound:
                name = table.header[number] if number < len(table.header) else f"column {number}"
                where = Problem(limits.text_message(len(cell)), (name,), source, line, number + 1)
                raise InputError([where])
    return table


def _read_unquoted(text: str, source: str | None) -> Table:
    records = text.split("\n")
    numbered = [number for number, record in enumerate(records, 1) if record]
    if not numbered:
        raise InputError([Problem("empty CSV file: no header", source=source, line=1)])
    header = [name.strip() for name in records[numbered[0] - 1].split(",")]
    lines = numbered[1:]
    if len(lines) == len(records) - 1 - (records[-1] == ""):  # no blank line inside
        rows = [record.split(",") for record in records[numbered[0] : len(lines) + numbered[0]]]
    else:
        rows = [records[number - 1].split(",") for number in lines]
    return Table(header, rows, lines)


class CsvLocator:
    """Places paths ``(table, row, column)`` of a CSV table at line and column number.

    ``table`` is the name the format gives the rows (``tasks`` for a plan), so messages read the
    same as for YAML: ``plan.csv:5:3: tasks[3].duration: negative duration -2``.
    """

    def __init__(self, table: Table, source: str | None, rows_name: str) -> None:
        # keep the header and the line numbers only: a plan keeps its locator (to place a
        # cycle found later), and a million rows of cells would stay alive with it
        self.header = list(table.header)
        self.lines = array("q", table.lines)
        self.source = source
        self.rows_name = rows_name

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        line: int | None = 1
        column: int | None = None
        if len(path) >= 2 and path[0] == self.rows_name and isinstance(path[1], int):
            row = path[1]
            line = self.lines[row] if row < len(self.lines) else None
            if len(path) >= 3 and path[2] in self.header:
                column = self.header.index(str(path[2])) + 1
        elif path and path[0] in self.header:
            column = self.header.index(str(path[0])) + 1
        return Problem(message, tuple(path), self.source, line, column)
