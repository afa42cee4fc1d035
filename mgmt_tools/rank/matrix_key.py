"""The key of a 2x2 matrix with numbered dots: the dots' numbers (:func:`dot_numbers`: the
engine's ranks, ties told apart by a letter), number and full name of each item (wrapped,
never cut), in as few columns beside the plot as fit its height, filled evenly
(:func:`~mgmt_tools.rank.placement.pack`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mgmt_tools.rank import placement as pl
from mgmt_tools.render import charts as ch
from mgmt_tools.render.dot import THEME
from mgmt_tools.render.style import LEGEND_SIZE

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["KEY_SIZE", "dot_numbers", "draw_key", "key_columns"]

KEY_SIZE = LEGEND_SIZE
"""Points of the key and the threshold marks: the chart style's legend size (the labels
beside the dots are :data:`~mgmt_tools.render.style.VALUE_SIZE`)."""
_KEY_INDENT = 0.33  # inches from a key column's left to its names
_KEY_GAP = 0.03  # inches between key entries


def dot_numbers(ranks: Sequence[int]) -> list[str]:
    """The number of each drawn item (``ranks``: the engine's rank of each, best first): its
    rank, with a letter telling tied items apart in list order.

    >>> dot_numbers([1, 1, 3, 4, 5, 5])
    ['1a', '1b', '3', '4', '5a', '5b']
    """
    tied = {rank for rank in ranks if ranks.count(rank) > 1}
    seen: dict[int, int] = {}
    numbers = []
    for rank in ranks:
        k = seen.get(rank, 0)
        seen[rank] = k + 1
        numbers.append(f"{rank}{_letters(k)}" if rank in tied else str(rank))
    return numbers


def _letters(k: int) -> str:
    """a, b, ..., z, aa, ab, ...: the ``k``-th (from 0) of tied items."""
    text = ""
    k += 1
    while k:
        k, rest = divmod(k - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def key_columns(keys: list[tuple[str, list[str]]], room: float) -> tuple[list[int], float]:
    """The column of each key entry in ``room`` inches of height, and a column's width."""
    if not keys:
        return [], 0.0
    scratch = ch.new_figure(4.0, 4.0)
    renderer = scratch.canvas.get_renderer()  # type: ignore[attr-defined]
    widest, heights = 0.0, []
    for _number, lines in keys:
        text = scratch.text(0, 0, "\n".join(lines), size=KEY_SIZE, linespacing=1.15)
        extent = text.get_window_extent(renderer)
        widest = max(widest, extent.width / scratch.dpi)
        heights.append(extent.height / scratch.dpi + _KEY_GAP)
    return pl.pack(heights, room), widest + _KEY_INDENT + 0.2


def draw_key(
    figure: Figure,
    keys: list[tuple[str, list[str]]],
    columns: list[int],
    corner: tuple[float, float],
    width: float,
) -> None:
    """The key: number and full name of each item, in the ``columns`` :func:`key_columns`
    chose, from ``corner`` (left, top, inches) down."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    left, top = corner
    y, last = top, 0
    for (number, lines), column in zip(keys, columns, strict=True):
        if column != last:
            y, last = top, column
        x = left + column * width
        text = figure.text(
            x + _KEY_INDENT,
            y,
            "\n".join(lines),
            ha="left",
            va="top",
            size=KEY_SIZE,
            linespacing=1.15,
            color=THEME.ink,
            transform=figure.dpi_scale_trans,
        )
        figure.text(
            x + _KEY_INDENT - 0.05,
            y,
            number + ".",
            ha="right",
            va="top",
            size=KEY_SIZE,
            color=THEME.muted,
            transform=figure.dpi_scale_trans,
        )
        y -= text.get_window_extent(renderer).height / figure.dpi + _KEY_GAP
