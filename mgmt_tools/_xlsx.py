"""Read a sheet of an Excel workbook (``.xlsx``) as a table, placed at Excel's rows and columns.

Every method that reads a CSV table reads the same table from a sheet: :func:`read_sheet`
gives a :class:`~mgmt_tools._csv.SheetText` that the method's CSV reader takes as it takes CSV
text, and a :class:`~mgmt_tools.errors.SheetSource` name, so each problem the method finds
reads ``book.xlsx:Sheet1!C7: tasks[5].duration: ...``.

Cells become the text a CSV file saved by Excel would hold: a number its shortest text that
reads back the same (``3``, ``2.5``), a date ISO (``2027-03-01``; a date and time
``2027-03-01T09:30:00``), a boolean ``true`` or ``false``, an error its code (``#N/A``), an
empty cell nothing. The first row with a value is the header, empty rows are skipped, and the
table starts at the first column with a value. A formula is read as the value Excel saved with
it; a workbook written by a program that does not compute (no saved value) is refused at each
such cell.

The workbook is read with openpyxl in read-only mode, row by row, within the cell limit
(``--limit cells=N``); a file that is not a workbook (a CSV file named ``.xlsx``, an old
``.xls``, a workbook with a password, an OpenDocument sheet) is refused with a message that
says what it is.
"""

from __future__ import annotations

import io
import math
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from mgmt_tools import limits
from mgmt_tools._csv import SheetText, Table
from mgmt_tools.errors import (
    InputError,
    NoSuchSheetError,
    OptionError,
    Problem,
    SheetSource,
    did_you_mean,
)
from mgmt_tools.locale import _

__all__ = [
    "cell_text",
    "is_workbook",
    "not_a_workbook_option",
    "read_sheet",
]

ZIP = b"PK\x03\x04"
"""How a zip file starts (an ``.xlsx`` workbook is one)."""
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How a compound file starts: an ``.xls`` workbook, or an ``.xlsx`` with a password."""
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream name inside a compound file that holds an encrypted workbook."""
_UNZIPPED_PER_CELL = 200
"""Bytes of unzipped XML allowed per cell of the limit, so a small file that unzips to
gigabytes (a zip bomb) is refused before it is read."""
_UNZIPPED_LEAST = 64 * 1024 * 1024


def is_workbook(data: bytes) -> bool:
    """Whether ``data`` starts like an Excel workbook: a zip file (``.xlsx``), or a compound
    file (an old ``.xls``, or an ``.xlsx`` with a password), which the reader then refuses
    with a message saying how to save it, whatever the file is named.

    >>> is_workbook(ZIP + b"..."), is_workbook(OLE + b"..."), is_workbook(b"id,name")
    (True, True, False)
    """
    return data[:4] == ZIP or data.startswith(OLE)


def read_sheet(data: bytes, source: str, sheet: str | int | None = None) -> SheetText:
    """The table on ``sheet`` (a name or a number from 1; default the first sheet) of the
    workbook ``data`` read from ``source``, for a method's CSV reader.

    Raises ``InputError`` (located at the file, the sheet or the cells) when the file is not
    a workbook, the sheet is empty, or cells cannot be read; ``NoSuchSheetError`` (an
    ``InputError`` with the workbook's sheet names) when it has no ``sheet``.
    """
    _refuse_other_kinds(data, source)
    book = _open(data, source)
    try:
        name = _sheet_name(book.sheetnames, sheet, source)
        worksheet = book[name]
        if not hasattr(worksheet, "_get_source") and not hasattr(worksheet, "iter_rows"):
            raise InputError(
                [
                    Problem(
                        _("sheet '{sheet}' is a chart, not a table").format(sheet=name),
                        source=SheetSource(source, name),
                    )
                ]
            )
        table, located = _table(_rows(worksheet), SheetSource(source, name))
        return SheetText(table, located)
    finally:
        book.close()


# --- what the file is -------------------------------------------------------------------------


def _refuse_other_kinds(data: bytes, source: str) -> None:
    if data.startswith(OLE):
        if ENCRYPTED in data:
            message = _(
                "the workbook is protected by a password (encrypted): open it in Excel, "
                "remove the password (File > Info > Protect Workbook) and save it again"
            )
        else:
            message = _(
                "an old Excel 97-2003 workbook (.xls), which is not read: save it in Excel "
                "as an Excel Workbook (.xlsx) or as CSV UTF-8"
            )
        raise InputError([Problem(message, source=source)])
    if data[:4] == ZIP:
        return
    sample = data[:4096]
    text = b"\x00" not in sample and _is_text(sample)
    if text:
        message = _(
            "not an Excel workbook: the file holds text (a CSV file named .xlsx?); name it "
            ".csv or give --input-format csv"
        )
    else:
        message = _("not an Excel workbook (.xlsx): the file is not a zip archive")
    raise InputError([Problem(message, source=source)])


def _is_text(sample: bytes) -> bool:
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start >= len(sample) - 4:  # a character cut at the end of the sample
                return True
            continue
        return True
    return False


def _open(data: bytes, source: str) -> Any:
    """The workbook, read-only, formulas as the values saved with them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unzipped = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(
            [Problem(_("not an Excel workbook (.xlsx): the zip archive is damaged"), source=source)]
        ) from None
    if "mimetype" in names and "content.xml" in names:
        message = _(
            "an OpenDocument spreadsheet (.ods), not an Excel workbook: save it as an Excel "
            "Workbook (.xlsx) or as CSV UTF-8"
        )
        raise InputError([Problem(message, source=source)])
    if "[Content_Types].xml" not in names or not any(
        name.endswith("workbook.xml") for name in names
    ):
        message = _("a zip archive, not an Excel workbook (.xlsx): it has no workbook inside")
        raise InputError([Problem(message, source=source)])
    bound = max(limits.current().max_cells * _UNZIPPED_PER_CELL, _UNZIPPED_LEAST)
    if unzipped > bound:
        message = _(
            "the workbook unzips to {size:,} bytes, more than {bound:,} for the cell limit; {how}"
        ).format(size=unzipped, bound=bound, how=limits.how_to_raise("max_cells"))
        raise InputError([Problem(message, source=source)])
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # styles, extensions openpyxl does not keep
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        reason = str(error).strip("'\"") or type(error).__name__
    except (SyntaxError, IndexError, AttributeError, OSError) as error:  # broken XML inside
        reason = str(error) or type(error).__name__
    message = _("cannot read the Excel workbook: {reason}").format(reason=reason)
    raise InputError([Problem(message, source=source)])


def _sheet_name(names: list[str], sheet: str | int | None, source: str) -> str:
    """The name of ``sheet`` (a name, or a number from 1) among the workbook's ``names``.

    Raises ``NoSuchSheetError`` (carrying ``names``) when no sheet is that one.
    """
    if not names and sheet is None:
        raise InputError([Problem(_("the workbook has no sheet"), source=source)])
    if not names:
        raise NoSuchSheetError([Problem(_("the workbook has no sheet"), source=source)], names)
    if sheet is None:
        return names[0]
    if isinstance(sheet, str) and sheet in names:
        return sheet
    number: int | None = sheet if isinstance(sheet, int) else None
    if isinstance(sheet, str) and sheet.strip().isdigit():
        number = int(sheet.strip())
    if number is not None:
        if 1 <= number <= len(names):
            return names[number - 1]
        message = _("no sheet number {number}: the workbook has {count} (sheets: {names})")
        problem = Problem(
            message.format(number=number, count=len(names), names=", ".join(names)),
            source=source,
        )
        raise NoSuchSheetError([problem], names)
    message = _("no sheet '{sheet}' in the workbook (sheets: {names}){hint}").format(
        sheet=sheet, names=", ".join(names), hint=did_you_mean(str(sheet), names, limit=0)
    )
    raise NoSuchSheetError([Problem(message, source=source)], names)


# --- cells ------------------------------------------------------------------------------------

_UNSAVED = object()
"""A formula saved without its value."""


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV file saved by Excel holds.

    >>> [cell_text(v) for v in (None, "a", 3, 2.5, 3.0, 0.1 + 0.2, True, 1e20)]
    ['', 'a', '3', '2.5', '3', '0.30000000000000004', 'true', '1e+20']
    >>> cell_text(datetime(2027, 3, 1)), cell_text(datetime(2027, 3, 1, 9, 30))
    ('2027-03-01', '2027-03-01T09:30:00')
    >>> cell_text(timedelta(hours=36)), cell_text(time(9, 30))
    ('1.5', '09:30:00')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):  # a duration: days, as Excel keeps it
        return cell_text(value / timedelta(days=1))
    return str(value)


def _parser_class() -> Any:
    """openpyxl's sheet parser, noting a formula cell saved without its value."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None:
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = _UNSAVED
                    cell["formula"] = formula.text
            return cell

    return Parser


Row = tuple[int, list[tuple[int, Any, str | None]]]
"""A sheet row: its number and its cells (column number, value, formula when unsaved)."""


def _rows(worksheet: Any) -> Iterator[Row]:
    """The rows of the sheet that hold cells, as openpyxl reads them in read-only mode."""
    opened = _parser(worksheet)
    if opened is None:  # another openpyxl: its public reader
        for row in worksheet.iter_rows():
            filled = [cell for cell in row if cell.value is not None]
            if filled:
                yield filled[0].row, [(cell.column, cell.value, None) for cell in filled]
        return
    parser, stream = opened
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a date beyond Excel's is read as #VALUE!
        with stream:
            for number, cells in parser.parse():
                found = [
                    (cell["column"], cell["value"], cell.get("formula"))
                    for cell in cells
                    if cell["value"] is not None
                ]
                if found:
                    yield number, found


def _parser(worksheet: Any) -> tuple[Any, Any] | None:
    """openpyxl's private sheet parser (:func:`_parser_class`) on the sheet's XML stream, and
    the stream; None where this openpyxl's private API differs (a name gone, a changed
    constructor), so its public reader is used."""
    try:
        parser_class = _parser_class()
        book = worksheet.parent
        options = {
            "data_only": True,
            "epoch": book.epoch,
            "date_formats": book._date_formats,
            "timedelta_formats": book._timedelta_formats,
        }
        shared_strings = worksheet._shared_strings
        stream = worksheet._get_source()
    except (ImportError, AttributeError, TypeError):
        return None
    try:
        return parser_class(stream, shared_strings, **options), stream
    except (AttributeError, TypeError):
        stream.close()
        return None


def _table(rows: Iterator[Row], source: SheetSource) -> tuple[Table, SheetSource]:
    """The table on the rows: header, records (as CSV text cells) and their row numbers."""
    bound = limits.current()
    kept: list[Row] = []
    cells = 0
    for row in rows:
        cells += len(row[1])
        if cells > bound.max_cells:
            message = _("the sheet has more than {bound:,} cells, the limit; {how}").format(
                bound=bound.max_cells, how=limits.how_to_raise("max_cells")
            )
            raise InputError([Problem(message, source=source, line=row[0])])
        kept.append(row)
    if not kept:
        message = _("the sheet is empty: no header row")
        raise InputError([Problem(message, source=source)])
    first = min(column for _, found in kept for column, _value, _formula in found)
    source = SheetSource(str(source), source.sheet, first)
    header_cells = kept[0][1]
    header = _texts(header_cells, first)
    while header and not header[-1].strip():
        header.pop()
    header = [name.strip() for name in header]
    width = len(header)
    problems: list[Problem] = []
    table_rows: list[list[str]] = []
    lines: list[int] = []
    for number, found in kept[1:]:
        texts = _texts(found, first)
        if len(texts) < width:
            texts += [""] * (width - len(texts))
        table_rows.append(texts)
        lines.append(number)
    for at, (number, found) in enumerate(kept):
        in_header = at == 0
        for column, value, formula in found:
            place = column - first
            name = header[place] if place < width else ""
            if value is _UNSAVED:
                if not name and not in_header:
                    continue  # a column the table does not have: never read
                shown = f"={formula}" if formula else _("a formula")
                message = _(
                    "{formula} has no saved value: the workbook was written by a program "
                    "that does not compute formulas; open it in Excel and save it, or "
                    "write values"
                ).format(formula=shown)
                path = () if in_header else (name,)  # a header cell: its name is unknown
                problems.append(Problem(message, path, source, number, place + 1))
            elif isinstance(value, str) and len(value) > bound.max_text:
                problems.append(
                    Problem(limits.text_message(len(value)), (name,), source, number, place + 1)
                )
    if problems:
        raise InputError(problems)
    return Table(header, table_rows, lines), source


def _texts(found: list[tuple[int, Any, str | None]], first: int) -> list[str]:
    """The cells of a row from column ``first`` on, as text ('' where a cell is empty)."""
    last = found[-1][0]
    texts = [""] * (last - first + 1)
    for column, value, _formula in found:
        texts[column - first] = "" if value is _UNSAVED else cell_text(value)
    return texts


def not_a_workbook_option(source: str) -> OptionError:
    """The error for ``--sheet`` given with an input that is not a workbook."""
    return OptionError(
        _("--sheet names a sheet of an Excel workbook; {source} is not one").format(source=source)
    )
