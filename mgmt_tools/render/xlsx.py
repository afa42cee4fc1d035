"""Write a method's result as an Excel workbook (openpyxl): one sheet per table.

The first sheet, the summary, holds the result's key numbers (the fields that are values);
each list of records (a plan's tasks, a ranking, a Pareto table) becomes a sheet of its own
with the header row frozen and filtered; the method's chart, when it has one, is embedded as
a picture on a last sheet. Numbers are numbers, dates are dates, text is text (never a
formula: a cell from the input that starts with ``=`` is written as text, so Excel shows it
and does not run it). Rows that matter (critical tasks, the vital few, the first of a
ranking, the chosen branch) are filled in the theme's accent colour. Headers are in the
reader's language (:mod:`mgmt_tools.locale`); the JSON field each column holds is kept as a
comment on its header, for scripts.

The same result gives the same bytes: the workbook's dates and the zip entries' times are
fixed.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mgmt_tools.locale import _
from mgmt_tools.render import display_width
from mgmt_tools.render.escape import cell as safe_cell
from mgmt_tools.render.report import ISO_DATE, field_label, flat, key_numbers, show, worded

__all__ = ["Sheet", "embeddable", "result_sheets", "workbook"]

HIGHLIGHT = ("critical", "vital", "chosen", "optimal", "highlighted")
"""Boolean fields whose true rows are filled in the accent colour (and a goal off track)."""
DATE_FIELDS = re.compile(r"(^|_)(date|due|as_of|start|finish)$")
_FIXED = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
ACCENT_FILL = "FDEDEC"
"""The theme's accent fill (:data:`mgmt_tools.render.dot.THEME`), without the ``#``."""
HEADER_FILL = "ECEFF3"
MAX_WIDTH = 60
MOST_PIXELS = 40_000_000
"""The largest picture a workbook embeds (8,000 x 5,000 pixels)."""
MAX_ROWS = 1_048_576
"""The rows of an Excel sheet (Excel's own limit), the header row included."""


@dataclass(frozen=True)
class Sheet:
    """One table of a workbook: its name, the JSON field and header of each column, rows."""

    name: str
    fields: Sequence[str]
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    highlight: Sequence[bool] = field(default_factory=tuple)


def _records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def result_sheets(data: Mapping[str, Any]) -> list[Sheet]:
    """The sheets of a result's JSON form: the summary, then each list of records (at the
    top level or one level down), with the highlighted rows."""
    sheets = [
        Sheet(
            _("Summary"),
            ("label", "value", "field"),
            (_("Item"), _("Value"), _("Field")),
            [[field_label(key), value, key] for key, value in key_numbers(data)],
        )
    ]
    found: list[tuple[str, list[Mapping[str, Any]]]] = []
    for key, value in data.items():
        if _records(value):
            found.append((key, value))
        elif isinstance(value, Mapping):
            found += [(f"{key}.{k}", v) for k, v in value.items() if _records(v)]
    for key, records in found:
        columns: list[str] = []
        for record in records:
            columns += [k for k, v in record.items() if flat(v) and k not in columns]
        rows = [[record.get(column) for column in columns] for record in records]
        marked = [column for column in columns if column in HIGHLIGHT]
        if marked:
            highlight = [any(record.get(column) is True for column in marked) for record in records]
        elif "track" in columns:
            highlight = [record.get("track") == "off_track" for record in records]
        elif "rank" in columns:
            highlight = [record.get("rank") == 1 for record in records]
        else:
            highlight = []
        sheets.append(
            Sheet(
                field_label(key),
                columns,
                [field_label(column) for column in columns],
                rows,
                highlight,
            )
        )
    return sheets


def _sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "Sheet"
    base = base[:31]
    candidate, number = base, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def _value(key: str, value: Any) -> tuple[Any, str | None]:
    """A cell's value and number format."""
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int):
        return value, None  # Excel's General format shows a whole number as it is
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value), None
        return value, None if value.is_integer() else "0.0###"
    if isinstance(value, str) and DATE_FIELDS.search(key) and ISO_DATE.fullmatch(value):
        return date.fromisoformat(value), "yyyy-mm-dd"
    if isinstance(value, list):
        value = show(value)  # as the report shows it: "A → B; C", "x, y"
    if value is None:
        return None, None
    word = worded(value, key)  # a status or method id in the reader's words (not English)
    return str(safe_cell(word if word is not None else str(value), raw=True)), None


def workbook(sheets: Sequence[Sheet], picture: bytes | None = None) -> bytes:
    """The ``.xlsx`` bytes of ``sheets``, with ``picture`` (PNG) on a last sheet.

    The workbook is written in openpyxl's write-only mode: rows stream out as they are
    made, so a big table costs little memory (benchmarks/bench_xlsx.py).
    """
    from openpyxl import Workbook

    for sheet in sheets:
        if len(sheet.rows) >= MAX_ROWS:
            from mgmt_tools.errors import DomainError

            raise DomainError(
                _(
                    "an Excel sheet holds at most {limit} rows, and {sheet} has {rows}: "
                    "write CSV instead (-o result.csv)"
                ).format(limit=f"{MAX_ROWS:,}", sheet=sheet.name, rows=f"{len(sheet.rows) + 1:,}")
            )
    book = Workbook(write_only=True)
    used: set[str] = set()
    for sheet in sheets:
        _write_sheet(book.create_sheet(_sheet_name(sheet.name, used)), sheet)
    if picture is not None and embeddable(picture):
        from openpyxl.drawing.image import Image

        page = book.create_sheet(_sheet_name(_("Chart"), used))
        page.add_image(Image(io.BytesIO(picture)), "A1")
    book.properties.creator = "mgmt-tools"
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_times(buffer.getvalue())


def embeddable(picture: bytes) -> bool:
    """Whether the PNG ``picture`` is small enough to embed: at most :data:`MOST_PIXELS`
    (a tree of thousands of nodes draws a picture Excel cannot show, and the image library
    refuses it as a decompression bomb); a bigger one is left out, the tables stay.

    >>> import struct
    >>> header = b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00\\x00\\x00\\rIHDR"
    >>> embeddable(header + struct.pack(">II", 800, 600)), embeddable(b"not a png")
    (True, False)
    >>> embeddable(header + struct.pack(">II", 20000, 12000))
    False
    """
    if len(picture) < 24 or not picture.startswith(b"\x89PNG\r\n\x1a\n"):
        return False
    width, height = struct.unpack(">II", picture[16:24])
    return 0 < int(width) * int(height) <= MOST_PIXELS


def _write_sheet(page: Any, sheet: Sheet) -> None:
    """Write ``sheet`` on the write-only ``page``: widths, frozen and filtered header, rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    # the summary holds one field a row: its value is read as that field (a date, a status)
    named_by = sheet.fields.index("field") if "field" in sheet.fields else None

    def cells_of(row: Sequence[Any]) -> list[tuple[Any, str | None]]:
        return [
            _value(str(row[named_by]) if named_by is not None and key == "value" else key, raw)
            for key, raw in zip(sheet.fields, row, strict=True)
        ]

    widths = [display_width(header) for header in sheet.headers]
    for row in map(cells_of, sheet.rows[:1000]):  # the widths Excel opens with: first rows
        for number, (value, _format) in enumerate(row):
            shown = value.isoformat() if isinstance(value, date) else str(value or "")
            widths[number] = max(widths[number], display_width(shown[:80]))
    for number, width in enumerate(widths, 1):
        page.column_dimensions[get_column_letter(number)].width = min(width + 2, MAX_WIDTH)
    page.freeze_panes = "A2"
    if sheet.rows:
        page.auto_filter.ref = f"A1:{get_column_letter(len(sheet.fields))}{len(sheet.rows) + 1}"
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    accent = PatternFill("solid", fgColor=ACCENT_FILL)
    header = []
    for key, title in zip(sheet.fields, sheet.headers, strict=True):
        cell = WriteOnlyCell(page, str(safe_cell(title, raw=True)))
        cell.data_type = "s"
        cell.font = bold
        cell.fill = header_fill
        if title != key:
            cell.comment = Comment(key, "mgmt-tools")  # the JSON field, for scripts
        header.append(cell)
    page.append(header)
    for index, row in enumerate(map(cells_of, sheet.rows)):  # made as they are written
        filled = index < len(sheet.highlight) and sheet.highlight[index]
        cells: list[Any] = []
        for value, number_format in row:
            formula_like = isinstance(value, str) and value.startswith("=")
            if not (filled or number_format or formula_like):
                cells.append(value)  # a plain cell: no style to give
                continue
            cell = WriteOnlyCell(page, value)
            if formula_like:
                cell.data_type = "s"  # text, never a formula
            if number_format is not None:
                cell.number_format = number_format
            if filled:
                cell.fill = accent
            cells.append(cell)
        page.append(cells)


def _fixed_times(data: bytes) -> bytes:
    """The zip ``data`` with every entry dated 1980-01-01, so equal workbooks are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":  # openpyxl dates it when saved
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(info, content)
    return out.getvalue()
