"""The task grid on the left of the Gantt chart, as MS Project's Entry table: one row per bar
row (same height), a header row, light row rules, and the columns asked for.

Columns (``--columns``, comma-separated): ``id``, ``name``, ``duration``, ``start``,
``finish``, ``float`` (total float); by default :data:`DEFAULT_COLUMNS`. Dates are the working
days a task starts and finishes on, in the chart's language; without a start date the start and
finish are offsets in the plan's units. A group (a summary task) is in bold, the names inside it
indented; a name longer than its column wraps to two lines, then ends with '…'. The cells are
figure texts marked ``grid-<column>`` (``grid-name``...), the headers ``grid-header``.

Examples
--------
>>> parse_columns(" name, Start,finish ")
('name', 'start', 'finish')
>>> parse_columns("name,cost")
Traceback (most recent call last):
...
ValueError: unknown column 'cost' (known: id, name, duration, start, finish, float)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from mgmt_tools._numeric import isclose
from mgmt_tools.locale import _, date_text, day_month, listed
from mgmt_tools.pert.aon import figures
from mgmt_tools.pert.result import Schedule
from mgmt_tools.pert.rows import Rows
from mgmt_tools.pert.timeline import Timeline, units
from mgmt_tools.render import charts as ch
from mgmt_tools.render import display_width
from mgmt_tools.render.dot import wrap
from mgmt_tools.render.style import GRID, LEGEND_SIZE, THEME

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "Grid",
    "column_widths",
    "draw_grid",
    "grid_of",
    "parse_columns",
    "parse_today",
]

COLUMNS = ("id", "name", "duration", "start", "finish", "float")
"""The columns the grid can show, in the order ``--columns`` lists them in its help."""
DEFAULT_COLUMNS = ("id", "name", "duration", "start", "finish")
SIZE = LEGEND_SIZE
"""Points of the grid's text (the header in bold)."""
_NAME_COLUMNS = 30  # a name's width, in display columns (CJK characters count 2)
_HEADER_COLUMNS = 10  # a header's width before it wraps to a second line
_PAD = 5.0  # points between a column rule and its text
_INDENT = 8.0  # points per group around a name
_RIGHT = frozenset({"duration", "float"})  # numbers align right


def parse_columns(text: str) -> tuple[str, ...]:
    """The grid's columns from ``--columns`` text: known names, comma-separated, each once.

    Raises
    ------
    ValueError
        An unknown or repeated column, or none, with the message shown to the user.
    """
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    for name in names:
        if name not in COLUMNS:
            message = _("unknown column '{column}' (known: {known})")
            raise ValueError(message.format(column=name, known=listed(COLUMNS)))
    if not names:
        raise ValueError(_("no columns (known: {known})").format(known=listed(COLUMNS)))
    if len(set(names)) < len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise ValueError(_("column '{column}' is listed twice").format(column=twice))
    return tuple(names)


def parse_today(text: str) -> dt.date:
    """The date of ``--today``: YYYY-MM-DD, or the word ``today`` (the computer's date).

    >>> parse_today("2027-03-10")
    datetime.date(2027, 3, 10)
    >>> parse_today("Today") == dt.date.today()
    True
    """
    word = text.strip()
    if word.lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        message = _("not a date (write YYYY-MM-DD or today): {value}")
        raise ValueError(message.format(value=repr(text))) from None


@dataclass(frozen=True)
class Grid:
    """What the grid writes: per column its header, per row its cell lines."""

    columns: tuple[str, ...]
    headers: list[str]
    cells: list[list[list[str]]]
    """Per column, per row: the lines of the cell."""
    depth: list[int]
    bold: list[bool]
    right: frozenset[str] = _RIGHT
    """The columns of numbers, aligned right."""


def name_lines(name: str) -> list[str]:
    """A name in the grid: one line when it fits, else two lines as even as the breaks allow
    (a Chinese name is not cut at the column's end, leaving a character or two alone), then
    an ellipsis when even two do not hold it."""
    lines = wrap(name, _NAME_COLUMNS, 2)
    if len(lines) < 2 or lines[-1].endswith("…"):
        return lines
    for width in range((display_width(name) + 1) // 2, _NAME_COLUMNS):
        even = wrap(name, width, 2)
        if not even[-1].endswith("…"):
            return even
    return lines


def grid_of(
    result: Schedule, view: Rows, timeline: Timeline, columns: tuple[str, ...] = DEFAULT_COLUMNS
) -> Grid:
    """The grid of the rows ``view`` draws."""
    plan, count = result.plan, result.plan.task_count
    summary = view.summary.tolist()
    groups = result.group_times() if any(summary) else None
    es, ef, total_float, names, ids = [], [], [], [], []
    for node, group in zip(view.nodes.tolist(), summary, strict=True):
        times: Any = groups if group else result
        index = node - count if group else node
        es.append(float(times.es[index]))
        ef.append(float(times.ef[index]))
        total_float.append(float(times.total_float[index]))
        names.append(plan.group_names[index] if group else plan.names[index])
        ids.append(plan.group_ids[index] if group else plan.ids[index])
    calendar, shown = timeline.calendar, figures(result)
    first, last = np.array(es), np.array(ef)
    point = isclose(last, first).tolist()  # as the calendar dates a milestone
    starts: list[str] = [shown.number(value) for value in es]
    finishes: list[str] = [shown.number(value) for value in ef]
    if calendar is not None:
        begun = [
            dt.date.fromisoformat(day) for day in calendar.iso(calendar.start_dates(first, last))
        ]
        done = [
            dt.date.fromisoformat(day) for day in calendar.iso(calendar.finish_dates(first, last))
        ]
        years = {day.year for day in [*begun, *done]}
        spell = date_text if len(years) > 1 else day_month
        starts, finishes = [spell(day) for day in begun], [spell(day) for day in done]

    cells: dict[str, list[list[str]]] = {column: [] for column in COLUMNS}
    for row, name in enumerate(names):
        duration = 0.0 if point[row] else ef[row] - es[row]
        cells["id"].append([ch.clean(ids[row])])
        cells["name"].append(name_lines(ch.clean(name)))
        cells["duration"].append([shown.number(duration)])
        cells["start"].append([starts[row]])
        cells["finish"].append([finishes[row]])
        cells["float"].append([shown.number(max(total_float[row], 0.0))])
    unit = units(result)
    headers = {
        "id": _("ID"),
        "name": _("Task name"),
        "duration": _("Duration ({units})").format(units=unit),
        "start": _("Start"),
        "finish": _("Finish"),
        "float": _("Float ({units})").format(units=unit),
    }
    return Grid(
        columns,
        ["\n".join(wrap(headers[column], _HEADER_COLUMNS, 2)) for column in columns],
        [cells[column] for column in columns],
        view.depth.tolist(),
        summary,
        _RIGHT if calendar is not None else _RIGHT | {"start", "finish"},
    )


def column_widths(figure: Figure, grid: Grid) -> list[float]:
    """Inches each column takes: its widest text (bold for the header and groups), padded."""
    widths = []
    for column, header, cells in zip(grid.columns, grid.headers, grid.cells, strict=True):
        plain = [
            line for cell, bold in zip(cells, grid.bold, strict=True) if not bold for line in cell
        ]
        strong = [
            line for cell, bold in zip(cells, grid.bold, strict=True) if bold for line in cell
        ]
        widest = max(
            ch.text_width(figure, plain, SIZE),
            ch.text_width(figure, [*header.split("\n"), *strong], SIZE, weight="bold"),
        )
        indent = _INDENT * max(grid.depth, default=0) / 72 if column == "name" else 0.0
        widths.append(widest + indent + 2 * _PAD / 72)
    return widths


def draw_grid(figure: Figure, axes: Axes, left: float, grid: Grid, widths: list[float]) -> None:
    """Draw ``grid`` on ``figure`` from ``left`` inches, level with the rows of ``axes`` (the
    bars), the header row above the first; figure artists, so that ``figure.axes`` stays the
    bars' alone."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import blended_transform_factory

    count = len(grid.bold)
    at_rows = blended_transform_factory(figure.dpi_scale_trans, axes.transData)
    total = sum(widths)
    right_edge, first, last = left + total, -1.5, max(count, 1) - 0.5
    header = Rectangle(
        (left, first), total, 1.0, color=THEME.band_fill, linewidth=0, zorder=0, gid="grid",
        transform=at_rows,
    )  # fmt: skip
    figure.add_artist(header)
    rule: dict[str, Any] = {"color": GRID, "linewidth": 0.6, "zorder": 1, "gid": "grid"}
    for row in range(-1, count):
        figure.add_artist(Line2D([left, right_edge], [row + 0.5] * 2, transform=at_rows, **rule))
    x = left
    for column, header_text, cells, width in zip(
        grid.columns, grid.headers, grid.cells, widths, strict=True
    ):
        right = column in grid.right
        at = x + width - _PAD / 72 if right else x + _PAD / 72
        place: dict[str, Any] = {"ha": "right" if right else "left", "va": "center", "size": SIZE}
        place |= {"color": THEME.ink, "transform": at_rows, "linespacing": 1.1}
        figure.text(at, -1, header_text, weight="bold", gid="grid-header", **place)
        for row, lines in enumerate(cells):
            indent = _INDENT / 72 * grid.depth[row] if column == "name" else 0.0
            weight = "bold" if grid.bold[row] else "normal"
            text = "\n".join(lines)
            figure.text(at + indent, row, text, weight=weight, gid=f"grid-{column}", **place)
        x += width
        if x < right_edge - 0.001:
            figure.add_artist(Line2D([x, x], [first, last], transform=at_rows, **rule))
