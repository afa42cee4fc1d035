"""Count categories in CSV data: raw records, pre-summed counts, cost weights, strata.

A CSV file of raw records has one row per occurrence (``column="reason"``); with ``count="n"``
each row carries how many times its category occurred; with ``weight="cost"`` each occurrence
weighs its cost (with both, a row adds ``n x cost``). Categories keep the order they first
appear in, which decides ties later.

Speed: text without a double quote cannot hold a quoted field, so each line is a record and
the column is cut out with plain string operations; categories are counted by a dict
(:class:`collections.Counter`, which keeps first appearance) or coded by a dict in order of
first appearance and summed with :func:`numpy.bincount`. Quoted text is read by the csv module
(RFC 4180). Blank category cells are counted as :data:`BLANK`.

>>> tally = tally_text("reason,n\\nRates,2\\nPaperwork,5\\nRates,1\\n", "reason", count="n")
>>> dict(zip(tally.categories, tally.totals.tolist()))
{'Rates': 3.0, 'Paperwork': 5.0}
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from mgmt_tools import limits
from mgmt_tools._arrays import FloatArray, IntArray
from mgmt_tools._csv import SheetText, read_table
from mgmt_tools._expr import LARGEST
from mgmt_tools._files import read_table_text
from mgmt_tools._hints import too_large
from mgmt_tools.errors import InputError, Problem
from mgmt_tools.locale import N_, _, ngettext

__all__ = ["BLANK", "Tally", "count_categories", "tally", "tally_text"]

BLANK = N_("(blank)")
"""The category of records whose category cell is empty (translated where shown)."""
_LIMIT = 20


@dataclass(frozen=True, eq=False)
class Tally:
    """Category totals in order of first appearance, and per stratum when stratified.

    The strata are kept as one stratum code and one category code per record (memory in
    proportion to the data): the table of strata x categories is built by :meth:`table`
    for the categories a Pareto keeps, not for all of them.
    """

    categories: list[str]
    totals: FloatArray
    records: int
    """Data rows read."""
    strata: list[str] | None = None
    stratum_codes: IntArray | None = None
    """Per record: its stratum, when ``by`` was given."""
    category_codes: IntArray | None = None
    """Per record: its category, when ``by`` was given."""
    amounts: FloatArray | None = None
    """Per record: its count or weight (None: each record counts 1)."""

    def as_dict(self) -> dict[str, float]:
        """Category -> total, in order of first appearance."""
        return dict(zip(self.categories, self.totals.tolist(), strict=True))

    @property
    def by_stratum(self) -> FloatArray | None:
        """Totals per stratum (rows) and category (columns), when ``by`` was given."""
        if self.strata is None:
            return None
        return self.table(np.arange(len(self.categories), dtype=np.int64))

    def table(
        self, columns: IntArray, *, source: str | None = None, path: tuple[str, ...] = ()
    ) -> FloatArray:
        """Totals per stratum (rows) of the categories ``columns`` (in that order), with one
        more column summing every other category when some are left out.

        Raises :class:`InputError` when strata x columns exceeds the ``max_cells`` limit
        (:mod:`mgmt_tools.limits`): merge the tail into "Other" to stay within it.
        """
        assert self.strata is not None
        assert self.stratum_codes is not None
        assert self.category_codes is not None
        size = len(self.categories)
        width = columns.size + (1 if columns.size < size else 0)
        cells = len(self.strata) * width
        most = limits.current().max_cells
        if cells > most:
            raise InputError(
                [
                    Problem(
                        _(
                            "{strata} strata x {width} categories = {cells} cells, more than "
                            "the {most} a stratified Pareto may have; merge the tail into "
                            "'Other' with --top N or --other-after PERCENT, stratify by a "
                            "column with fewer values, or {how}"
                        ).format(
                            strata=f"{len(self.strata):,}",
                            width=f"{width:,}",
                            cells=f"{cells:,}",
                            most=f"{most:,}",
                            how=limits.how_to_raise("max_cells"),
                        ),
                        path,
                        source,
                    )
                ]
            )
        position = np.full(size, columns.size, dtype=np.int64)
        position[columns] = np.arange(columns.size)
        combined = self.stratum_codes * width + position[self.category_codes]
        flat = np.bincount(combined, weights=self.amounts, minlength=cells)
        return flat.astype(np.float64).reshape(len(self.strata), width)


def count_categories(
    path: str,
    column: str,
    *,
    count: str | None = None,
    weight: str | None = None,
    encoding: str | None = None,
) -> dict[str, float]:
    """Category -> total of the CSV file at ``path``, in order of first appearance.

    ``column`` names the category column; ``count`` a column of pre-summed counts; ``weight`` a
    column of costs (or other weights) per occurrence.

    Raises
    ------
    InputError
        The file cannot be read, a column is missing (the columns there are are listed), a count
        or weight is not a number or is negative (with its CSV line), or there is no data.
    """
    return tally(path, column, count=count, weight=weight, encoding=encoding).as_dict()


def tally(
    path: str | os.PathLike[str],
    column: str,
    *,
    count: str | None = None,
    weight: str | None = None,
    by: str | None = None,
    encoding: str | None = None,
) -> Tally:
    """Read the CSV file (or workbook's first sheet) at ``path`` and count its categories
    (see :func:`tally_text`)."""
    text, source = read_table_text(path, encoding)
    return tally_text(text, column, count=count, weight=weight, by=by, source=source)


def tally_text(
    text: str,
    column: str,
    *,
    count: str | None = None,
    weight: str | None = None,
    by: str | None = None,
    source: str | None = None,
) -> Tally:
    """Count the categories of ``column`` in CSV ``text`` (header first)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    header, body, lines = _records(text, source)
    wanted = [name for name in (column, count, weight, by) if name is not None]
    missing = [name for name in wanted if name not in header]
    if missing:
        listed = ", ".join(f"'{name}'" for name in header)
        raise InputError(
            [
                Problem(
                    _("no column '{name}' (the columns are: {listed})").format(
                        name=name, listed=listed
                    ),
                    (name,),
                    source,
                    1,
                )
                for name in dict.fromkeys(missing)
            ]
        )
    if not body:
        raise InputError([Problem(_("no data: the CSV file has a header only"), (), source, 1)])
    width = len(header)
    if body.rows is None:  # unquoted lines: cut fields out of each line
        positions = [header.index(name) for name in wanted]
        fields = _fast_fields(body.text_lines, positions, width)
        if fields is None:
            fields = _slow_fields(body.text_lines, positions, width, header, lines, source)
    else:
        fields = []
        for name in wanted:
            position = header.index(name)
            fields.append(_column(body.rows, position, width, header, lines, source))
    cells = fields[0]
    amounts = _amounts(fields, column, count, weight, by, lines, header, source)
    strata_cells = fields[-1] if by is not None else None
    return _sum(cells, amounts, strata_cells)


@dataclass
class _Body:
    text_lines: list[str]
    rows: list[list[str]] | None

    def __len__(self) -> int:
        return len(self.text_lines) if self.rows is None else len(self.rows)


class _Lines:
    """CSV line of data row ``i``: computed on demand for the fast path."""

    def __init__(self, first: int | None, table_lines: Sequence[int] | None) -> None:
        self.first = first
        self.table_lines = table_lines

    def __getitem__(self, row: int) -> int:
        if self.table_lines is not None:
            return self.table_lines[row]
        assert self.first is not None
        return self.first + row


def _records(text: str, source: str | None) -> tuple[list[str], _Body, _Lines]:
    sheet = isinstance(text, SheetText)  # a sheet of a workbook, already a table
    if not sheet and '"' not in text and "\r" not in text and "\n\n" not in text.lstrip("\n"):
        records = text.split("\n")
        if records and records[-1] == "":
            records.pop()
        start = 0
        while start < len(records) and not records[start]:
            start += 1
        if start == len(records):
            raise InputError([Problem(_("empty CSV file: no header"), (), source, 1)])
        header = [name.strip() for name in records[start].split(",")]
        del records[: start + 1]
        return header, _Body(records, None), _Lines(start + 2, None)
    table = read_table(text, source)
    return table.header, _Body([], table.rows), _Lines(None, table.lines)


def _fast_fields(records: list[str], positions: list[int], width: int) -> list[list[str]] | None:
    """The cells at ``positions`` of each line, or None when a line is short."""
    fields: list[list[str]] = []
    try:
        if width == 1:
            return [records for _ in positions]
        if len(positions) == 1 and positions[0] == 0:
            return [[record.partition(",")[0] for record in records]]
        if len(positions) == 1:
            at = positions[0]
            return [[record.split(",", at + 1)[at] for record in records]]
        split = [record.split(",") for record in records]
        for at in positions:
            fields.append(list(map(itemgetter(at), split)))
    except IndexError:
        return None
    return fields


def _slow_fields(
    records: list[str],
    positions: list[int],
    width: int,
    header: list[str],
    lines: _Lines,
    source: str | None,
) -> list[list[str]]:
    rows = [record.split(",") for record in records]
    return [_column(rows, at, width, header, lines, source) for at in positions]


def _column(
    rows: list[list[str]],
    at: int,
    width: int,
    header: list[str],
    lines: _Lines,
    source: str | None,
) -> list[str]:
    try:
        return list(map(itemgetter(at), rows))
    except IndexError:
        pass
    problems = [
        Problem(
            ngettext(
                "the record has {count} field, the header {width}: no '{name}'",
                "the record has {count} fields, the header {width}: no '{name}'",
                len(row),
            ).format(count=len(row), width=width, name=header[at]),
            (header[at],),
            source,
            lines[number],
        )
        for number, row in enumerate(rows)
        if len(row) <= at
    ]
    raise InputError(problems)


def _amounts(
    fields: list[list[str]],
    column: str,
    count: str | None,
    weight: str | None,
    by: str | None,
    lines: _Lines,
    header: list[str],
    source: str | None,
) -> FloatArray | None:
    amount: FloatArray | None = None
    for index, name in enumerate((count, weight), start=1):
        if name is None:
            continue
        values = _numbers(fields[index if count is not None else 1], name, lines, header, source)
        amount = values if amount is None else amount * values
    return amount


def _numbers(
    cells: list[str], name: str, lines: _Lines, header: list[str], source: str | None
) -> FloatArray:
    try:
        values = np.fromiter(map(float, cells), np.float64, len(cells))
    except ValueError:
        values = None
    if (
        values is not None
        and bool(np.isfinite(values).all())
        and not bool((values < 0).any())
        and not bool((values > LARGEST).any())  # sums of such counts could overflow
    ):
        return values
    column = header.index(name) + 1
    problems: list[Problem] = []
    for number, cell in enumerate(cells):
        try:
            value = float(cell)
        except ValueError:
            text = cell.strip()
            message = (
                _("'{name}' is empty").format(name=name)
                if not text
                else _("'{name}' is not a number: {value}").format(name=name, value=repr(text))
            )
        else:
            shown = cell.strip()
            if not math.isfinite(value):
                message = _("'{name}' is not a finite number: {value}").format(
                    name=name, value=repr(shown)
                )
            elif value < 0:
                message = _("'{name}' is negative: {value}").format(name=name, value=shown)
            elif (large := too_large(value)) is not None:
                message = _("'{name}' is {problem}: {value}").format(
                    name=name, problem=large, value=shown
                )
            else:
                continue
        problems.append(Problem(message, (name,), source, lines[number], column))
        if len(problems) > _LIMIT:
            break
    raise InputError(problems)


def _sum(cells: list[str], amounts: FloatArray | None, strata: list[str] | None) -> Tally:
    records = len(cells)
    if amounts is None and strata is None:
        counted = Counter(cells)  # C-accelerated, keeps first appearance
        categories, totals = _merge(list(counted), np.array(list(counted.values()), float))
        return Tally(categories, totals, records)
    index = {name: code for code, name in enumerate(dict.fromkeys(cells))}
    codes = np.fromiter(map(index.__getitem__, cells), np.int64, records)
    raw_names = list(index)
    names, remap = _canonical(raw_names)
    codes = remap[codes]
    size = len(names)
    if strata is None:
        totals = np.bincount(codes, weights=amounts, minlength=size).astype(np.float64)
        return Tally(names, totals, records)
    stratum_index = {name: code for code, name in enumerate(dict.fromkeys(strata))}
    stratum_codes = np.fromiter(map(stratum_index.__getitem__, strata), np.int64, records)
    stratum_names, stratum_remap = _canonical(list(stratum_index))
    stratum_codes = stratum_remap[stratum_codes]
    totals = np.bincount(codes, weights=amounts, minlength=size).astype(np.float64)
    return Tally(names, totals, records, stratum_names, stratum_codes, codes, amounts)


def _canonical(raw: list[str]) -> tuple[list[str], IntArray]:
    """Names stripped of surrounding spaces (blank ones as :data:`BLANK`), equal ones merged,
    and the code of each raw name among them."""
    names: dict[str, int] = {}
    remap = np.empty(len(raw), np.int64)
    for code, name in enumerate(raw):
        clean = name.strip() or BLANK
        remap[code] = names.setdefault(clean, len(names))
    return list(names), remap


def _merge(raw: list[str], totals: FloatArray) -> tuple[list[str], FloatArray]:
    names, remap = _canonical(raw)
    if len(names) == len(raw):
        return names, totals
    return names, np.bincount(remap, weights=totals, minlength=len(names)).astype(np.float64)
