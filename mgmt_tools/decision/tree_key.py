"""The heading of the decision tree diagram: the title, the value of the tree, the note of a
cut tree and the key (:func:`mgmt_tools.render.dot.heading`).

The key's samples are Graphviz table cells (a filled rule for a chosen branch, a dashed border
for a pruned one) and the geometric shapes every listed font has (□ ○ ▷), each entry in cells
of its own: box-drawing glyphs and runs of spaces render differently in librsvg and Chromium.

>>> from mgmt_tools.decision import loads, rollback
>>> attrs = heading_of(rollback(loads("root: {type: decision, branches: [{name: Go}]}")), None)
>>> attrs["labelloc"], 'STYLE="dashed"' in attrs["label"]
('t', True)
"""

from __future__ import annotations

from mgmt_tools.decision.result import DecisionResult, objective_text
from mgmt_tools.locale import _
from mgmt_tools.render import format_number
from mgmt_tools.render.dot import THEME, Html, cell, escape, heading, wrap
from mgmt_tools.render.style import NOTE_SIZE

__all__ = ["amount", "heading_of"]


def amount(value: float) -> str:
    """A value as the diagram and the charts write it: two decimals at most, thousands
    separated from 10,000 on.

    >>> amount(140.8), amount(-2065.0), amount(12345.678), amount(1 / 3)
    ('140.8', '-2065', '12,346', '0.33')
    """
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return format_number(value, 2)


def _sample(markup: str, text: str) -> str:
    """One entry of the key: a sample (cells drawn by Graphviz, no box-drawing glyphs, so
    every SVG renderer shows it alike) and its words, in cells of their own."""
    words = cell(escape(text), color=THEME.muted, size=NOTE_SIZE, align="LEFT")
    return f'{markup}<TD WIDTH="4"></TD>{words}<TD WIDTH="14"></TD>'


def _shape_sample(glyph: str) -> str:
    """A sample of a node: a geometric shape glyph (□ ○ ▷, in every font the theme lists)."""
    return f'<TD><FONT COLOR="{THEME.line}">{escape(glyph)}</FONT></TD>'


def _line_sample(colour: str, *, dashed: bool) -> str:
    """A sample of a branch: a rule 18 points long (dashed for a pruned one)."""
    if dashed:
        return (
            f'<TD WIDTH="18" HEIGHT="6" FIXEDSIZE="TRUE" BORDER="1" SIDES="B" STYLE="dashed"'
            f' COLOR="{colour}"></TD>'
        )
    return f'<TD WIDTH="18" HEIGHT="3" FIXEDSIZE="TRUE" BGCOLOR="{colour}"></TD>'


def _key() -> str:
    """The key under the title, one table: the node shapes, the chosen and pruned branches
    and what the node values mean on one row, the terminals on the next (its words span the
    columns to the right of the sample, left-aligned)."""
    note = _("node values include the payoffs on the way to the node")
    first = (
        _sample(_shape_sample("□"), _("decision"))
        + _sample(_shape_sample("○"), _("chance"))
        + _sample(_line_sample(THEME.accent, dashed=False), _("chosen"))
        + _sample(_line_sample(THEME.faint, dashed=True), _("pruned"))
        + cell(escape(note), color=THEME.muted, size=NOTE_SIZE, align="LEFT")
    )
    columns = first.count("<TD")
    words = _("terminal: path total and the probability of ending there under the policy")
    second = (
        _shape_sample("▷")
        + '<TD WIDTH="4"></TD>'
        + cell(escape(words), color=THEME.muted, size=NOTE_SIZE, align="LEFT", colspan=columns - 2)
    )
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f"<TR>{first}</TR><TR>{second}</TR></TABLE>"
    )


def heading_of(result: DecisionResult, note: str | None) -> dict[str, Html | str]:
    """The graph label: the title, the value of the tree, a key and the note of a cut tree."""
    tree = result.tree
    units = f" {tree.units}" if tree.units else ""
    value = _("Expected value {value}{units} (objective: {objective})").format(
        value=amount(result.expected_value), units=units, objective=objective_text(tree.objective)
    )
    if result.certainty_equivalent is not None and tree.risk_tolerance is not None:
        value += _("; certainty equivalent {value}{units} (risk tolerance {tolerance})").format(
            value=amount(result.certainty_equivalent),
            units=units,
            tolerance=amount(tree.risk_tolerance),
        )
    title = wrap(tree.name or _("Decision tree"), 80, 2)
    notes = [value, *([] if note is None else [note])]
    return heading(title, notes, _key())
