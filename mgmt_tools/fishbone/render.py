"""The fishbone as DOT with pinned positions (rendered by ``neato -n2``), SVG, PNG or PDF.

The geometry comes from :mod:`mgmt_tools.fishbone.geometry`; this module only writes it: each
label is a fixed-size node at its computed centre, each segment an edge between two invisible
points, drawn straight (``splines=false``) and under the boxes (``outputorder=edgesfirst``).
Highlighted causes are bold, in the accent colour, on a thicker branch. Of a category or cause
with more than ``max_causes`` (default :data:`MAX_CAUSES`) causes the first are drawn and a last
"… N more causes" stands for the others; the numbers are never cut.

>>> from mgmt_tools.fishbone import analyse, loads
>>> dot = to_dot(analyse(loads("effect: Late <reports>\\ncategories: {People: [Overload]}")))
>>> dot.splitlines()[0], "Late &lt;reports&gt;" in dot, 'pos="' in dot
('digraph fishbone {', True, True)
"""

from __future__ import annotations

from dataclasses import replace

from mgmt_tools.fishbone.geometry import Label, Line, layout_of
from mgmt_tools.fishbone.result import Cause, FishboneResult, analyse
from mgmt_tools.locale import _, ngettext
from mgmt_tools.render.dot import THEME, Html, attributes, defaults, escape, heading
from mgmt_tools.render.graphviz import pipe
from mgmt_tools.render.style import VITAL

__all__ = ["MAX_CAUSES", "render", "to_dot", "to_svg"]

MAX_CAUSES = 30
"""Causes drawn of one category or cause by default; a last one counts the others."""

_PEN = {"spine": 3.2, "rib": 1.8, "branch": 1.0, "stem": 0.8}
_BOX_PEN = {"category": 1.2, "effect": 2.0}  # border widths of the boxes, in points
_VITAL_PEN = 2.4  # a highlighted (vital) bone
_ARROW = 1.2  # size of the spine's arrowhead
_COLOUR = {"spine": THEME.ink, "rib": THEME.ink, "branch": THEME.line, "stem": THEME.faint}


def _pos(x: float, y: float) -> str:
    return f"{x:.1f},{-y:.1f}!"  # neato -n2 reads points with y upwards


def _markup(label: Label) -> Html:
    colour = VITAL if label.highlight else THEME.ink
    lines = [escape(line) for line in label.text]
    if label.kind == "cause":
        text = '<BR ALIGN="RIGHT"/>'.join(lines)
        if label.highlight:
            text = f"<B>{text}</B>"
        return Html(
            '<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>'
            f'<TD WIDTH="{label.width:.0f}" HEIGHT="{label.height:.0f}" ALIGN="RIGHT" '
            f'BALIGN="RIGHT"><FONT POINT-SIZE="{label.size:g}" COLOR="{colour}">{text}'
            "</FONT></TD></TR></TABLE>"
        )
    return Html(f'<FONT POINT-SIZE="{label.size:g}"><B>{"<BR/>".join(lines)}</B></FONT>')


def _node(name: str, label: Label) -> str:
    values: dict[str, str | float | Html] = {
        "pos": _pos(label.x, label.y),
        "width": round(label.width / 72, 3),
        "height": round(label.height / 72, 3),
        "fixedsize": "true",
        "label": _markup(label),
    }
    if label.kind == "cause":
        values.update(shape="plaintext", margin=0)
    elif label.kind == "category":
        values.update(
            shape="box", style="filled", fillcolor=THEME.band_fill, penwidth=_BOX_PEN["category"]
        )
    else:
        values.update(
            shape="box", style="filled,bold", fillcolor=THEME.fill, penwidth=_BOX_PEN["effect"]
        )
        values["color"] = THEME.ink
    return f"  {name} {attributes(values)}"


def _edge(number: int, line: Line) -> list[str]:
    point: dict[str, str | float | Html] = {"shape": "point", "style": "invis", "width": 0.01}
    values: dict[str, str | float | Html] = {
        "penwidth": _VITAL_PEN if line.highlight else _PEN[line.kind],
        "color": VITAL if line.highlight else _COLOUR[line.kind],
    }
    if line.kind == "spine":
        values.update(dir="forward", arrowhead="normal", arrowsize=_ARROW)
    return [
        f"  a{number} {attributes({**point, 'pos': _pos(line.x1, line.y1)})}",
        f"  b{number} {attributes({**point, 'pos': _pos(line.x2, line.y2)})}",
        f"  a{number} -> b{number} {attributes(values)}",
    ]


def _first(causes: tuple[Cause, ...], max_causes: int) -> tuple[Cause, ...]:
    """The first ``max_causes`` of ``causes`` (theirs likewise) and a cause counting the rest."""
    kept = tuple(
        replace(cause, causes=_first(cause.causes, max_causes)) if cause.causes else cause
        for cause in causes[:max_causes]
    )
    hidden = len(causes) - max_causes
    if hidden <= 0:
        return kept
    more = ngettext("… {count} more cause", "… {count} more causes", hidden)
    return (*kept, Cause(more.format(count=f"{hidden:,}")))


def _trimmed(result: FishboneResult, max_causes: int | None) -> FishboneResult:
    """``result`` with at most ``max_causes`` causes drawn under a category or a cause (the
    paths of the causes kept do not change, so their highlights stay)."""
    if max_causes is None:
        return result
    if max_causes < 1:
        raise ValueError(_("max_causes must be >= 1"))
    if all(len(causes) <= max_causes for causes in _cause_lists(result)):
        return result
    categories = tuple(
        replace(category, causes=_first(category.causes, max_causes))
        for category in result.fishbone.categories
    )
    return replace(result, fishbone=replace(result.fishbone, categories=categories))


def _cause_lists(result: FishboneResult) -> list[tuple[Cause, ...]]:
    lists = [category.causes for category in result.fishbone.categories]
    lists += [cause.causes for _, cause in result.fishbone.walk()]
    return lists


def to_dot(
    result: FishboneResult, *, highlight: int = 0, max_causes: int | None = MAX_CAUSES
) -> str:
    """DOT text of the fishbone with pinned ``pos`` for ``neato -n2``.

    ``highlight`` re-marks the N largest counted causes (0 keeps the result's own marks); of
    a category or cause with more than ``max_causes`` causes the first are drawn and one more
    counts the others (None draws them all).
    """
    if highlight:
        result = analyse(result.fishbone, highlight=highlight, warnings=result.warnings)
    layout = layout_of(_trimmed(result, max_causes))
    graph: dict[str, str | float | Html] = {
        "splines": "false",
        "outputorder": "edgesfirst",
        "pad": 0.3,
    }
    if result.fishbone.title:
        graph.update(heading([result.fishbone.title]))
    lines = ["digraph fishbone {"]
    lines += [
        "  " + line
        for line in defaults(THEME, node={"color": THEME.line}, edge={"dir": "none"}, **graph)
    ]
    for number, segment in enumerate(layout.lines):
        lines += _edge(number, segment)
    for number, label in enumerate(layout.labels):
        lines.append(_node(f"t{number}", label))
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(
    result: FishboneResult, fmt: str, *, highlight: int = 0, max_causes: int | None = MAX_CAUSES
) -> bytes:
    """The fishbone as SVG, PNG or PDF (Graphviz ``neato -n2``)."""
    dot = to_dot(result, highlight=highlight, max_causes=max_causes)
    return pipe(
        dot, fmt, engine="neato", pinned=True, diagram=_("the fishbone"), simpler="--max-causes N"
    )


def to_svg(result: FishboneResult, *, highlight: int = 0) -> str:
    """The fishbone as SVG text."""
    return render(result, "svg", highlight=highlight).decode("utf-8")
