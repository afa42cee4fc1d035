"""Read CSV tables (RFC 4180) and place problems at their line and column.

UTF-8 with or without a byte-order mark (as Excel writes it) by default, and GBK (GB18030,
as Chinese Excel saves CSV) when the bytes are not UTF-8 and certainly Chinese text
(:func:`decode`); other encodings by name. Quoted fields may hold commas, quotes and newlines,
so a record may span several lines: each record remembers the line it starts on.

A sheet of an Excel workbook is read into the same :class:`Table` (:mod:`mgmt_tools._xlsx`)
and handed to a method's loader as a :class:`SheetText`, so every method reads a sheet as it
reads a CSV file, its problems placed at the sheet's cells.
"""

from __future__ import annotations

import csv
import io
import re
from array import array
from dataclasses import dataclass, field
from operator import itemgetter

from mgmt_tools import limits
from mgmt_tools.errors import InputError, PathPart, Problem
from mgmt_tools.locale import N_, _, current

__all__ = ["CsvLocator", "SheetText", "Table", "decode", "looks_chinese", "read_table"]

Path = tuple[PathPart, ...]


def decode(
    data: bytes,
    encoding: str | None = None,
    source: str | None = None,
    *,
    fallback: str | None = None,
) -> str:
    """Bytes to text in ``encoding``; without one, UTF-8 (a BOM is dropped, a UTF-16 BOM is
    honoured), else GBK when the bytes are certainly Chinese GBK text (:func:`looks_chinese`),
    else ``fallback`` (the main input's encoding, for a file the input names), else a located
    error saying which encoding to give.

    >>> decode("原因,次数".encode("gbk"))
    '原因,次数'
    """
    name = encoding or "utf-8-sig"  # UTF-8, dropping the BOM that Excel writes
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        name = "utf-16"  # a UTF-16 byte-order mark (MS Project can save XML so)
    try:
        return data.decode(name)
    except LookupError:
        raise InputError(
            [Problem(_("unknown encoding '{encoding}'").format(encoding=encoding), source=source)]
        ) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        if encoding is not None:
            message = _("not valid {encoding} text").format(encoding=encoding)
            raise InputError([Problem(message, source=source, line=line)]) from None
        bad = error
    chinese = None if data.startswith(b"\xef\xbb\xbf") else _gbk(data)  # a UTF-8 BOM: UTF-8
    if chinese is not None and looks_chinese(chinese):
        return chinese
    if fallback is not None:
        return decode(data, fallback, source)
    if chinese is None or name == "utf-16":
        message = _("not valid UTF-8 text (give --encoding, for example --encoding gbk)")
    else:
        message = _(
            "not valid UTF-8 text, nor clearly Chinese GBK text (give --encoding, for example "
            "--encoding gbk, or save the file as UTF-8)"
        )
    line = data[: bad.start].count(b"\n") + 1
    raise InputError([Problem(message, source=source, line=line)]) from None


def _gbk(data: bytes) -> str | None:
    """``data`` read as GB18030 (the superset of GBK and GB2312), or None when it is not."""
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return None


SAMPLE = 65_536
"""Characters of a text :func:`looks_chinese` looks through (the first ones)."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CHINESE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs (extension A, compatibility)
    "\u3000-\u303f\uff01-\uff5e\uffe0-\uffe5"  # CJK punctuation, full-width forms
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2103\u00a5\u00d7\u00f7"  # ——‘’“”…·℃¥×÷
    "\u2160-\u216b\u2460-\u2473\u3220-\u3229]"  # Ⅰ…Ⅻ, ①…⑳, ㈠…㈩
)


def looks_chinese(text: str) -> bool:
    """Whether ``text`` (bytes that are not UTF-8, read as GB18030) is certainly Chinese: in
    its first :data:`SAMPLE` characters every one beyond ASCII is a Chinese character or
    Chinese punctuation, and three in four are in GB2312 (the common characters; a name may
    have a rarer one: 喆, 堃).

    Text in another 8-bit encoding read as GB18030 fails: a Latin letter with an accent
    (cp1252 ``é``) is followed by an ASCII letter, a pair that makes no GB2312 character, and
    UTF-8 with a broken byte gives characters outside GB2312 and not Chinese.

    >>> looks_chinese("原因,次数"), looks_chinese("plain")
    (True, False)
    >>> looks_chinese("Müller".encode("cp1252").decode("gb18030"))  # 'M黮ler'
    False
    """
    wide = _NON_ASCII.findall(text[:SAMPLE])
    if not wide:
        return False
    joined = "".join(wide)
    if len(_CHINESE.findall(joined)) < len(wide):
        return False
    common = len(joined.encode("gb2312", "ignore")) // 2
    return common * 4 >= len(wide) * 3


class SheetText(str):
    """A sheet of a workbook, read into ``table``, passed to a loader where CSV text goes:
    :func:`read_table` gives back the table (whose ``lines`` are the sheet's rows).
    ``table_source`` is the name that places problems in the sheet
    (:class:`~mgmt_tools.errors.SheetSource`). The text itself is empty; nothing reads it."""

    table: Table
    table_source: str

    def __new__(cls, table: Table, table_source: str) -> SheetText:
        made = super().__new__(cls, "")
        made.table = table
        made.table_source = table_source
        return made


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
    module reads it (RFC 4180: quoted commas, quotes and newlines). A :class:`SheetText` is
    a sheet already read: its table.
    """
    if isinstance(text, SheetText):
        return text.table
    if '"' not in text and "\r" not in text.replace("\r\n", "\n"):
        return _bounded(_read_unquoted(text.replace("\r\n", "\n"), source), text, source)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(row for row in reader if row)]
    except StopIteration:
        raise InputError([Problem(_("empty CSV file: no header"), source=source, line=1)]) from None
    except csv.Error as error:
        raise InputError([Problem(_syntax(error), source=source, line=1)]) from None
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
        raise InputError([Problem(_syntax(error), source=source, line=start)]) from None
    return _bounded(Table(header, rows, lines), text, source)


_CSV_ERRORS = {
    "unexpected end of data": N_("a quoted field is never closed (unexpected end of data)"),
    "',' expected after '\"'": N_("a closing quote must be followed by a comma"),
    "line contains NUL": N_("a line holds a NUL character (is it a text file?)"),
}
"""The csv module's words for the commonest syntax errors, said for a reader in the other
language (English keeps the module's own words)."""


def _syntax(error: csv.Error) -> str:
    text = str(error)
    known = _CSV_ERRORS.get(text)
    if known is not None and current() != "en":
        text = _(known)
    return _("CSV syntax: {error}").format(error=text)


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
        raise InputError([Problem(_("empty CSV file: no header"), source=source, line=1)])
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
