"""The 2x2 priority matrix (Eisenhower, value/effort) as a Graphviz drawing with pinned
positions: the coordinates are computed here and rendered with ``neato -n2``. This is the
``-f dot`` output, for those who edit the drawing; the picture (svg, png, pdf) is the chart
with a scale of :mod:`mgmt_tools.rank.matrix`.

Four labelled quadrants, the best one top left (Eisenhower: urgent on the left, important on
top; value/effort: low effort on the left, high value on top), the axes' meaning on the top
and left margins. Each item is a dot at its own scores when they are numeric, with its rank
and name beside it (labels that would collide are moved down or up and joined to their dot by
a thin line); items whose scores are yes/no are stacked in a grid inside their quadrant.

>>> from mgmt_tools.rank import evaluate, loads
>>> result = evaluate(loads('''
... method: eisenhower
... items:
...   - {name: Audit findings, urgent: true, important: true}
...   - {name: Team lunch, urgent: false, important: false}
... '''))
>>> dot = to_dot(result)
>>> dot.splitlines()[0], "Do first" in dot, "Audit findings" in dot
('digraph matrix {', True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

from mgmt_tools.errors import OptionError, RenderError
from mgmt_tools.locale import _
from mgmt_tools.rank.quadrants import LAYOUT, SLOT
from mgmt_tools.rank.result import RankResult
from mgmt_tools.render import display_width, truncate
from mgmt_tools.render.dot import THEME, Html, attributes, defaults, escape
from mgmt_tools.render.graphviz import pipe
from mgmt_tools.render.style import NOTE_SIZE, QUADRANT_FILLS, QUADRANT_INKS

__all__ = ["MATRIX_METHODS", "MAX_ITEMS", "matrix_unavailable", "render", "to_dot"]

MATRIX_METHODS = ("eisenhower", "value_effort")
MAX_ITEMS = 60
"""Items drawn; a bigger backlog shows its best-ranked items with a note."""

_W, _H = 330.0, 290.0  # a quadrant, in points
_LEFT, _TOP = 92.0, 44.0  # margins for the axis labels
_LINE = 13.0  # height of an item label
_PAD = 10.0
_NAME_COLUMNS = 34
_CHAR = 5.9  # width of a display column at the label size, in points


@dataclass
class _Label:
    index: int
    text: str
    anchor: tuple[float, float] | None  # the item's own point when placed by score
    x: float  # left edge of the label
    y: float  # centre line
    width: float


def matrix_unavailable(result: RankResult) -> str | None:
    """None when the 2x2 matrix can be drawn for ``result``'s method, else why not."""
    if result.method in MATRIX_METHODS:
        return None
    return _(
        "the 2x2 matrix is drawn for eisenhower and value_effort, not {method}; use --chart ranking"
    ).format(method=result.method)


def _fraction(value: float, threshold: float, high: bool) -> float:
    """Position 0..1 across a half of the axis: the threshold at the inner edge."""
    if high:
        span = 10.0 - threshold
        return 0.5 if span <= 0 else (value - threshold) / span
    return 0.5 if threshold <= 0 else value / threshold


def _placed(result: RankResult, shown: list[int]) -> list[_Label]:
    method = result.method
    threshold = float(result.extras.get("threshold", 5.0))
    fields = result.backlog.fields
    xs, ys = (
        (fields["urgent"], fields["important"])
        if method == "eisenhower"
        else (
            fields["effort"],
            fields["value"],
        )
    )
    assert result.categories is not None
    labels: list[_Label] = []
    per_quadrant: dict[int, list[int]] = {}
    for index in shown:
        per_quadrant.setdefault(int(result.categories[index]), []).append(index)
    for code, members in per_quadrant.items():
        column, row = SLOT[method][code]
        left, top = _LEFT + column * _W, _TOP + row * _H
        numeric = not all(xs[i] in (0.0, 10.0) and ys[i] in (0.0, 10.0) for i in members)
        for k, index in enumerate(members):
            text = f"{result.ranks[index]}. {truncate(result.names[index], _NAME_COLUMNS)}"
            width = display_width(text) * _CHAR + 4
            if numeric:
                x_value, y_value = float(xs[index]), float(ys[index])
                if method == "eisenhower":  # urgent on the left: more urgent further left
                    fx = 1.0 - _fraction(x_value, threshold, x_value >= threshold)
                else:  # low effort on the left
                    fx = _fraction(x_value, threshold, x_value >= threshold)
                fy = 1.0 - _fraction(y_value, threshold, y_value >= threshold)
                ax = left + _PAD + fx * (_W - 2 * _PAD)
                ay = top + 24 + fy * (_H - 24 - _PAD)
                x = ax + 6 if ax + 6 + width <= left + _W - 2 else ax - 6 - width
                labels.append(_Label(index, text, (ax, ay), x, ay, width))
            else:
                columns = 2 if len(members) > 16 else 1
                per_column = -(-len(members) // columns)
                c, r = divmod(k, per_column)
                x = left + _PAD + c * (_W / columns)
                y = top + 30 + r * (_LINE + 2)
                labels.append(_Label(index, text, None, x, y, min(width, _W / columns - _PAD)))
        _separate([label for label in labels if label.index in members], left, top)
    return labels


def _separate(labels: list[_Label], left: float, top: float) -> None:
    """Move labels down (or up) until none overlaps another, keeping them in the quadrant."""
    # obstacles: (left, right, centre line) of placed labels and of every item's dot
    taken = [(a[0] - 4, a[0] + 4, a[1]) for a in (label.anchor for label in labels) if a]
    low, high = top + 26, top + _H - _LINE / 2
    for label in sorted(labels, key=lambda item: (item.y, item.x)):
        label.x = max(left + 2, min(label.x, left + _W - label.width - 2))
        for step in range(0, 400):
            offset = ((step + 1) // 2) * 3.0 * (1 if step % 2 else -1)
            y = min(max(label.y + offset, low), high)
            if not any(
                abs(y - middle) < _LINE - 1 and label.x < right and start < label.x + label.width
                for start, right, middle in taken
            ):
                label.y = y
                break
        taken.append((label.x, label.x + label.width, label.y))


def _node(name: str, x: float, y: float, values: dict[str, str | float | Html]) -> str:
    # neato -n2 reads positions in points with y upwards: flip ours (y downwards)
    return f"{name} {attributes({'pos': f'{x:.1f},{-y:.1f}!', **values})}"


def _text(name: str, x: float, y: float, markup: str, size: float, colour: str) -> str:
    label = Html(f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{markup}</FONT>')
    return _node(
        name, x, y, {"shape": "plaintext", "margin": 0, "width": 0, "height": 0, "label": label}
    )


def to_dot(result: RankResult, *, max_items: int = MAX_ITEMS, labels: str | None = None) -> str:
    """DOT text of the 2x2 matrix of an Eisenhower or value/effort ranking (for neato -n2).

    Its labels are rank and name: ``labels`` ``numbers`` (drawn in svg, png or pdf only) is
    refused with an :class:`~mgmt_tools.errors.OptionError` rather than ignored."""
    if labels == "numbers":
        raise OptionError(
            _("--labels numbers is drawn as svg, png or pdf; the .dot matrix writes the names")
        )
    if result.method not in MATRIX_METHODS:
        raise RenderError(
            _(
                "the 2x2 matrix draws eisenhower and value_effort rankings, not {method}; "
                "use the ranking chart"
            ).format(method=result.method)
        )
    english_titles, _codes, english_columns, english_rows = LAYOUT[result.method]
    titles = [_(title) for title in english_titles]
    columns = [_(heading) for heading in english_columns]
    rows = [_(heading) for heading in english_rows]
    shown = [int(i) for i in result.order[:max_items]]
    lines = ["digraph matrix {"]
    heading = escape(
        result.backlog.title
        or (_("Eisenhower matrix") if result.method == "eisenhower" else _("Value / effort matrix"))
    )
    note = ""
    # one table row a line: Graphviz then sizes each line by its own text, where a <BR/>
    # line under a bold title overlaps it in CJK fonts (taller than Graphviz estimates)
    small = f'<TR><TD><FONT POINT-SIZE="{NOTE_SIZE:g}" COLOR="{THEME.muted}">'
    if result.backlog.count > len(shown):
        best = _("the {shown} best-ranked of {count} items").format(
            shown=len(shown), count=result.backlog.count
        )
        note = f"{small}{escape(best)}</FONT></TD></TR>"
    threshold = result.extras.get("threshold", 5.0)
    counts_as = (
        _("a 0-10 score of {threshold} or more counts as yes")
        if result.method == "eisenhower"
        else _("a 0-10 score of {threshold} or more counts as high")
    )
    note += f"{small}{escape(counts_as.format(threshold=f'{threshold:g}'))}</FONT></TD></TR>"
    lines += [
        "  " + line
        for line in defaults(
            node={"fontsize": 10},
            edge={"arrowhead": "none", "color": THEME.faint, "penwidth": 0.6},
            label=Html(
                '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
                f"<TR><TD><B>{heading}</B></TD></TR>{note}</TABLE>"
            ),
            labelloc="t",
            splines="line",
            pad=0.3,
        )
    ]
    for slot, title in enumerate(titles):
        column, row = slot % 2, slot // 2
        cx, cy = _LEFT + column * _W + _W / 2, _TOP + row * _H + _H / 2
        box: dict[str, str | float | Html] = {
            "shape": "box",
            "style": "filled",
            "fixedsize": "true",
            "width": _W / 72,
            "height": _H / 72,
            "fillcolor": QUADRANT_FILLS[slot],
            "color": THEME.background,
            "penwidth": 3,
            "label": "",
        }
        lines.append("  " + _node(f"q{slot}", cx, cy, box))
        count = (
            sum(1 for i in result.order if int(result.categories[i]) == slot)
            if result.categories is not None
            else 0
        )
        markup = f'<B>{escape(title)}</B>  <FONT COLOR="{THEME.muted}">({count})</FONT>'
        lines.append(
            "  "
            + _text(
                f"t{slot}",
                _LEFT + column * _W + _PAD + _width(title, count) / 2,
                _TOP + row * _H + 12,
                markup,
                12,
                QUADRANT_INKS[slot],
            )
        )
    for column, heading_text in enumerate(columns):
        lines.append(
            "  "
            + _text(
                f"c{column}",
                _LEFT + column * _W + _W / 2,
                _TOP - 14,
                f"<B>{escape(heading_text)}</B>",
                THEME.font_size,
                THEME.ink,
            )
        )
    for row, heading_text in enumerate(rows):
        words = "<BR/>".join(escape(word) for word in heading_text.split())
        lines.append(
            "  "
            + _text(
                f"r{row}",
                _LEFT / 2,
                _TOP + row * _H + _H / 2,
                f"<B>{words}</B>",
                THEME.font_size,
                THEME.ink,
            )
        )
    for label in _placed(result, shown):
        slot = int(result.categories[label.index]) if result.categories is not None else 3
        name = f"i{label.index}"
        # a fixed-width cell with the text at its left: the label starts exactly at label.x
        markup = (
            '<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>'
            f'<TD WIDTH="{label.width:.0f}" ALIGN="LEFT">{escape(label.text)}</TD></TR></TABLE>'
        )
        lines.append("  " + _text(name, label.x + label.width / 2, label.y, markup, 9.5, THEME.ink))
        if label.anchor is not None:
            ax, ay = label.anchor
            dot: dict[str, str | float | Html] = {
                "shape": "circle",
                "style": "filled",
                "width": 0.08,
                "height": 0.08,
                "fixedsize": "true",
                "label": "",
                "color": QUADRANT_INKS[slot],
                "fillcolor": QUADRANT_INKS[slot],
            }
            lines.append("  " + _node(f"p{label.index}", ax, ay, dot))
            if abs(label.y - ay) > 1:
                lines.append(f"  p{label.index} -> {name} [tailclip=false]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _width(title: str, count: int) -> float:
    return (display_width(title) + len(str(count)) + 4) * 6.6


def render(result: RankResult, fmt: str, *, max_items: int = MAX_ITEMS) -> bytes:
    """The 2x2 matrix as SVG, PNG or PDF (Graphviz ``neato -n2``)."""
    return pipe(
        to_dot(result, max_items=max_items),
        fmt,
        engine="neato",
        pinned=True,
        diagram=_("the priority matrix"),
    )
