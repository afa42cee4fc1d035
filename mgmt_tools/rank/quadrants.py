"""The quadrants of the 2x2 matrix, shared by its chart (:mod:`mgmt_tools.rank.matrix`) and
its Graphviz drawing (:mod:`mgmt_tools.rank.render`): titles, headings and where each
category sits. Colours come from :mod:`mgmt_tools.render.style` (``QUADRANT_FILLS``,
``QUADRANT_INKS``, best first).

>>> SLOT["eisenhower"][0], _titles("value_effort")[1]
((0, 0), 'Big bets')
"""

from __future__ import annotations

from mgmt_tools.locale import N_

__all__ = ["LAYOUT", "SLOT"]

LAYOUT = {
    "eisenhower": (
        (N_("Do first"), N_("Schedule"), N_("Delegate"), N_("Eliminate")),
        (0, 1, 2, 3),
        (N_("Urgent"), N_("Not urgent")),
        (N_("Important"), N_("Not important")),
    ),
    "value_effort": (
        (N_("Quick wins"), N_("Big bets"), N_("Fill-ins"), N_("Money pits")),
        (0, 1, 2, 3),
        (N_("Low effort"), N_("High effort")),
        (N_("High value"), N_("Low value")),
    ),
}
"""Per method: the quadrant titles (top left, top right, bottom left, bottom right), their
category codes, the column headings and the row headings (marked for the catalogs,
translated where drawn)."""
SLOT = {
    "eisenhower": {0: (0, 0), 1: (1, 0), 2: (0, 1), 3: (1, 1)},
    "value_effort": {0: (0, 0), 1: (1, 0), 2: (0, 1), 3: (1, 1)},
}
"""Per method: the (column, row) of each category code's quadrant (do first / quick wins top
left, schedule / big bets top right, delegate / fill-ins bottom left, the last bottom right)."""


def _titles(method: str) -> tuple[str, ...]:
    return LAYOUT[method][0]
