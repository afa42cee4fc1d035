"""The frame every decision chart is drawn in: its size, the title and notes at the top left
(:func:`mgmt_tools.render.chart_parts.heading`) above the constrained layout, and the labels of
marker lines set above the plot once the layout is done.

>>> from mgmt_tools.decision import loads, rollback
>>> title_of(rollback(loads("name: Loan\\nroot: {type: decision, branches: [{name: Go}]}")))
'Loan'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgmt_tools.decision.result import DecisionResult
from mgmt_tools.locale import _
from mgmt_tools.render import chart_parts as parts
from mgmt_tools.render import charts as ch

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["KEY_COLUMNS", "WIDTH", "freeze", "headed", "title_of", "units_of"]

WIDTH = 8.0  # inches, every chart of this module
KEY_COLUMNS = 48  # display columns of a line of a risk profile's key
_MARKS = 0.2  # inches between the notes and the plot, for the labels of marker lines


def headed(height: float, title: str, notes: str, *, marks: bool = False) -> Figure:
    """A figure with the title and notes at its top left (:func:`~.chart_parts.heading`) and
    ``height`` inches under them for the constrained layout (``marks``: a row for the labels
    of marker lines too, see :func:`freeze`)."""
    figure = ch.new_figure(WIDTH, height, layout="constrained")
    parts.framed(figure, title, notes.split("\n"), height, gap=0.1 + (_MARKS if marks else 0.0))
    return figure


def freeze(figure: Figure, axes: Axes, marks: list[tuple[float, str, str]]) -> None:
    """Lay ``figure`` out for good, then write the labels of its marker lines above ``axes``
    (:func:`~.chart_parts.marker_labels` measures them where they are drawn)."""
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
        figure.set_layout_engine("none")
    parts.marker_labels(axes, marks)


def title_of(result: DecisionResult) -> str:
    return ch.clean(result.tree.name or _("Decision tree"))


def units_of(result: DecisionResult) -> str:
    units = result.tree.units
    return _(" ({units})").format(units=ch.clean(units)) if units else ""
