"""Where the 2x2 matrix puts its dots and their labels, in pure geometry (no matplotlib).

* :func:`drawn_position`: an item's drawn point from its scores. A score equal to the
  threshold counts as high (as :mod:`mgmt_tools.rank.scores` decides), so such an item is
  drawn :data:`NUDGE` units into the high side, visibly inside the quadrant it belongs to.
* :func:`spread`: items drawn on the same point are spread on a small spiral around it, kept
  on their quadrant's side of each threshold; :func:`scale_limits`: the scale, -0.6 to 10.6,
  widened when a spread dot lies beyond it (a threshold of 0 or 10).
* :func:`place_labels`: a greedy placement of the label boxes, best-ranked item first: each
  label tries positions around its dot (right, left, above, below, the diagonals), then the
  same positions further out (joined to the dot by a leader line), and takes the first whose
  box stays inside its region and covers no other label, dot or fixed text.

>>> drawn_position(5.0, 5.0), drawn_position(4.0, 5.0)
(5.2, 4.0)
>>> place_labels([(50.0, 50.0)], [(20.0, 8.0)], [(0.0, 0.0, 200.0, 200.0)], [])
[(54.5, 46.0, 74.5, 54.0)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "DOT_RADIUS",
    "EDGE",
    "HIGH",
    "LOW",
    "NUDGE",
    "Box",
    "drawn_position",
    "leader_end",
    "pack",
    "place_labels",
    "scale_limits",
    "spread",
]

NUDGE = 0.2
"""How far (score units) an item on a threshold is drawn into the high side."""
DOT_RADIUS = 3.0
"""Radius of an item's dot, in points."""
_GAP = 1.5  # between a dot and its label, and between labels, in points
_STEP = 0.22  # spiral step of identical points, score units
LOW, HIGH = -0.6, 10.6
"""The usual limits of the matrix's scale around the 0-10 scores (see :func:`scale_limits`)."""
EDGE = 0.25
"""Score units kept between a dot and the scale's end when the scale widens."""

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 (x1 > x0, y1 > y0)."""


def drawn_position(value: float, threshold: float) -> float:
    """Where a score is drawn: itself, or :data:`NUDGE` above the threshold when it equals it
    (an item on the threshold counts as high)."""
    return round(value + NUDGE, 6) if value == threshold else value


def _bounds(value: float, threshold: float, high: bool) -> tuple[float, float]:
    """The span a spread copy of ``value`` may take: its own side of the threshold (kept off
    the line by a margin of at most ``NUDGE / 2``), within the usual scale."""
    margin = min(NUDGE / 2, abs(value - threshold) / 2)
    return (threshold + margin, max(HIGH, value)) if high else (min(LOW, value), threshold - margin)


def _on_side(centre: float, offset: float, threshold: float, high: bool) -> float:
    """``centre + offset``, mirrored (``centre - offset``) when that leaves the item's side
    of the threshold or, where the mirror stays inside, the usual scale."""
    low, high_end = _bounds(centre, threshold, high)
    ahead, mirrored = centre + offset, centre - offset
    if low <= ahead <= high_end:
        return ahead
    if low <= mirrored <= high_end:
        return mirrored
    # neither fits the usual scale: take the one on the item's side (the scale extends)
    if high:
        return max(ahead, mirrored)
    return min(ahead, mirrored)


def spread(
    points: Sequence[tuple[float, float]], highs: Sequence[tuple[bool, bool]], threshold: float
) -> list[tuple[float, float]]:
    """``points`` with the second and later copies of a point moved onto a spiral around it;
    ``highs`` says on which side of the threshold each item belongs (x, y).

    A copy always stays on its own side of the threshold on both axes (a score at or above
    the threshold high, as :mod:`mgmt_tools.rank.scores` decides): each offset that would
    cross the threshold or leave the :data:`LOW`-:data:`HIGH` scale is mirrored; when the
    mirror leaves the scale too (a threshold of 0 or 10 leaves no room on one side), the
    copy stays beyond the scale, on its own side, and :func:`scale_limits` widens the scale
    to show it.

    >>> spread([(10.2, 10.2)] * 3, [(True, True)] * 3, 10.0)[1:]
    [(10.459553, 10.437773), (10.243518, 10.695897)]
    """
    seen: dict[tuple[float, float], int] = {}
    moved: list[tuple[float, float]] = []
    for (x, y), (high_x, high_y) in zip(points, highs, strict=True):
        k = seen.get((x, y), 0)
        seen[(x, y)] = k + 1
        if k == 0:
            moved.append((x, y))
            continue
        # golden-angle spiral, each offset mirrored back onto the item's side
        radius = _STEP * math.sqrt(k) * 1.6
        angle = k * 2.39996
        nx = _on_side(x, radius * math.cos(angle), threshold, high_x)
        ny = _on_side(y, radius * math.sin(angle), threshold, high_y)
        moved.append((round(nx, 6), round(ny, 6)))
    return moved


def scale_limits(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The limits of both axes of the matrix: :data:`LOW` to :data:`HIGH`, widened to take
    in every drawn point with a margin of :data:`EDGE` (spread copies of an item at a
    threshold of 0 or 10 can lie beyond the usual scale).

    >>> scale_limits([(5.0, 5.0)]), scale_limits([(10.9, 0.0)])
    ((-0.6, 10.6), (-0.6, 11.15))
    """
    values = [value for point in points for value in point]
    low = min([LOW, *(value - EDGE for value in values)])
    high = max([HIGH, *(value + EDGE for value in values)])
    return round(low, 6), round(high, 6)


def _hits(box: Box, other: Box, pad: float) -> bool:
    return (
        box[0] < other[2] + pad
        and other[0] < box[2] + pad
        and box[1] < other[3] + pad
        and other[1] < box[3] + pad
    )


def _inside(box: Box, region: Box) -> bool:
    return (
        box[0] >= region[0] and box[1] >= region[1] and box[2] <= region[2] and box[3] <= region[3]
    )


def _crosses(start: tuple[float, float], end: tuple[float, float], box: Box) -> bool:
    """Whether the segment from ``start`` to ``end`` passes through ``box`` (sampled)."""
    (x0, y0), (x1, y1) = start, end
    steps = max(2, int(math.hypot(x1 - x0, y1 - y0) / 2))
    for k in range(1, steps):
        t = k / steps
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        if box[0] < x < box[2] and box[1] < y < box[3]:
            return True
    return False


def leader_end(dot: tuple[float, float], box: Box) -> tuple[float, float]:
    """The point of ``box`` nearest to ``dot``: where a leader line from the dot ends."""
    return (min(max(dot[0], box[0]), box[2]), min(max(dot[1], box[1]), box[3]))


def _greedy(heights: Sequence[float], limit: float) -> list[int]:
    placed, column, used = [], 0, 0.0
    for height in heights:
        if used and used + height > limit + 1e-9:
            column, used = column + 1, 0.0
        placed.append(column)
        used += height
    return placed


def pack(heights: Sequence[float], room: float) -> list[int]:
    """The column of each of a key's entries (``heights``, top to bottom): as few columns of
    at most ``room`` as the entries need (one entry a column at worst), filled evenly.

    >>> pack([1, 1, 1, 1, 1], 3)
    [0, 0, 0, 1, 1]
    """
    if not heights:
        return []
    total, tallest = sum(heights), max(heights)
    fewest = len(set(_greedy(heights, max(room, tallest))))
    low, high = max(total / fewest, tallest), max(room, tallest)
    for _step in range(30):  # the smallest column height that keeps ``fewest`` columns
        middle = (low + high) / 2
        if len(set(_greedy(heights, middle))) <= fewest:
            high = middle
        else:
            low = middle
    return _greedy(heights, high)


def _candidates(x: float, y: float, w: float, h: float, ring: int) -> list[Box]:
    """Label boxes around a dot, nearest first: ``ring`` 0 touches the dot, each further
    ring is 7 points out and also slides the box along its side."""
    near = DOT_RADIUS + _GAP + ring * 7.0
    boxes: list[Box] = []
    slides = [0.0] + [sign * k * (h / 2 + _GAP) for k in range(1, ring + 1) for sign in (1, -1)]
    # beside the dot first (right, left), then above and below, then the diagonals
    for slide in slides:
        for x0 in (x + near, x - near - w):
            boxes.append((x0, y - h / 2 + slide, x0 + w, y + h / 2 + slide))
    across = [0.0] + [sign * k * (w / 4) for k in range(1, ring + 1) for sign in (1, -1)]
    for slide in across:
        for y0 in (y + near, y - near - h):
            boxes.append((x - w / 2 + slide, y0, x + w / 2 + slide, y0 + h))
    diagonal = DOT_RADIUS * 0.7 + ring * 7.0
    for dx, dy in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
        x0 = x + diagonal if dx > 0 else x - diagonal - w
        y0 = y + diagonal if dy > 0 else y - diagonal - h
        boxes.append((x0, y0, x0 + w, y0 + h))
    return boxes


def place_labels(
    dots: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    regions: Sequence[Box],
    fixed: Sequence[Box],
    *,
    rings: int = 8,
    outer: Box | None = None,
) -> list[Box] | None:
    """A box for each label (in points), or None when one of them finds no free place.

    ``dots`` are the items' points, ``sizes`` the labels' (width, height), ``regions`` the box
    each label should stay inside (its quadrant), ``fixed`` texts already drawn (titles);
    with ``outer``, a label that finds no place in its region may take one inside ``outer``.
    Labels are placed best-ranked first; when one finds no place, it is placed first and the
    placement starts again (at most once per label)."""
    order = list(range(len(dots)))
    for _attempt in range(len(dots) + 1):
        placed, failed = _greedy_place(
            [dots[i] for i in order],
            [sizes[i] for i in order],
            [regions[i] for i in order],
            fixed,
            rings,
            outer,
        )
        if failed is None:
            boxes: list[Box] = [(0.0, 0.0, 0.0, 0.0)] * len(dots)
            for position, index in enumerate(order):
                boxes[index] = placed[position]
            return boxes
        if failed == 0:
            return None
        order.insert(0, order.pop(failed))
    return None


def _greedy_place(
    dots: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    regions: Sequence[Box],
    fixed: Sequence[Box],
    rings: int,
    outer: Box | None,
) -> tuple[list[Box], int | None]:
    """The boxes of the labels in this order, and the first label that found no place."""
    taken: list[Box] = list(fixed)
    dot_boxes: list[Box] = [
        (x - DOT_RADIUS, y - DOT_RADIUS, x + DOT_RADIUS, y + DOT_RADIUS) for x, y in dots
    ]
    placed: list[Box] = []
    for number, ((x, y), (w, h), region) in enumerate(zip(dots, sizes, regions, strict=True)):
        found = None
        tries = [(ring, region) for ring in range(rings)]
        tries += [(ring, outer) for ring in range(rings)] if outer is not None else []
        for ring, inside in tries:
            for box in _candidates(x, y, w, h, ring):
                end = leader_end((x, y), box)
                if (
                    _inside(box, inside)
                    and not any(_hits(box, other, _GAP) for other in taken)
                    and not any(_hits(box, other, 0.5) for other in dot_boxes)
                    and (ring == 0 or not any(_crosses((x, y), end, other) for other in taken))
                ):
                    found = box
                    break
            if found is not None:
                break
        if found is None:
            return placed, number
        placed.append(found)
        taken.append(found)
    return placed, None
