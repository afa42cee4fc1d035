"""The bounds every input and every drawing is held to, in one place.

No input, however hostile or huge, may make a command hang, use unbounded memory or end in an
internal error: each bound below is checked where the input is read (or the picture drawn), and
going past one is a located error that names the limit and how to raise it. The numbers a
method computes are never cut; only a picture may be simplified.

The limits in force are a context variable: the CLI sets them from its options
(``--max-depth``, ``--render-timeout``, ``--limit NAME=VALUE``), a program with
:func:`using`::

    >>> from mgmt_tools import limits
    >>> limits.current().max_depth
    200
    >>> with limits.using(max_depth=500):
    ...     limits.current().max_depth
    500

Each limit's name on the command line is in :data:`NAMES`; ``docs/limits.md`` lists them all.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from mgmt_tools.locale import _

__all__ = [
    "DEEPEST",
    "NAMES",
    "Limits",
    "current",
    "depth_limit",
    "depth_message",
    "digits_limit",
    "digits_message",
    "how_to_raise",
    "parse",
    "text_message",
    "using",
]


@dataclass(frozen=True)
class Limits:
    """Bounds on inputs and drawings (see ``docs/limits.md``)."""

    max_depth: int = 200
    """Levels of nested lists and mappings in a YAML or JSON input (a goal or decision tree
    uses a few levels per tree level)."""
    max_values: int = 1_000_000
    """Values a YAML file may expand to through its aliases (``*name``)."""
    max_text: int = 100_000
    """Characters in one text value (a name, a description, a CSV cell)."""
    max_digits: int = 30
    """Digits of one integer written in an input (a float keeps 17 significant digits)."""
    max_cells: int = 1_000_000
    """Cells of one table a result holds whose size is a product of the input's sizes (a
    stratified Pareto: strata x categories)."""
    max_diagram: int = 5_000
    """Nodes plus edges of one diagram handed to Graphviz."""
    max_label: int = 200
    """Characters of one label drawn in a picture; a longer one is shortened with '…' in the
    picture only (the numbers and the JSON keep the whole text)."""
    render_timeout: float = 20.0
    """Seconds one Graphviz run may take."""


NAMES: dict[str, str] = {
    "depth": "max_depth",
    "values": "max_values",
    "text": "max_text",
    "digits": "max_digits",
    "cells": "max_cells",
    "diagram": "max_diagram",
    "label": "max_label",
    "render-timeout": "render_timeout",
}
"""Command-line name (``--limit NAME=VALUE``) of each field of :class:`Limits`."""

_OPTIONS = {"max_depth": "--max-depth", "render_timeout": "--render-timeout"}
"""Fields with an option of their own."""

_CURRENT: ContextVar[Limits] = ContextVar("mgmt_limits", default=Limits())  # noqa: B039


def current() -> Limits:
    """The limits in force."""
    return _CURRENT.get()


@contextlib.contextmanager
def using(limits: Limits | None = None, **changes: Any) -> Iterator[Limits]:
    """Run the block with ``limits`` (default: the current ones) changed by ``changes``.

    >>> with using(max_text=10) as bounds:
    ...     bounds.max_text, current().max_text
    (10, 10)
    >>> current().max_text
    100000
    """
    chosen = dataclasses.replace(limits or current(), **changes)
    token = _CURRENT.set(chosen)
    try:
        yield chosen
    finally:
        _CURRENT.reset(token)


def how_to_raise(field: str) -> str:
    """The words that tell a user how to raise the limit ``field`` of :class:`Limits`.

    >>> how_to_raise("max_depth")
    'raise it with --max-depth'
    >>> how_to_raise("max_text")
    'raise it with --limit text=N'
    """
    if field in _OPTIONS:
        return _("raise it with {option}").format(option=_OPTIONS[field])
    name = next(key for key, value in NAMES.items() if value == field)
    return _("raise it with {option}").format(option=f"--limit {name}=N")


def parse(assignments: list[str] | tuple[str, ...]) -> dict[str, int | float]:
    """``--limit`` values (``["text=1000000", "depth=500"]``) as :class:`Limits` changes.

    Raises ``ValueError`` naming the known limits for an unknown name, and for a value that is
    not a positive number.

    >>> parse(["text=1000000", "render-timeout=60"])
    {'max_text': 1000000, 'render_timeout': 60.0}
    >>> parse(["txt=5"])
    Traceback (most recent call last):
    ...
    ValueError: unknown limit 'txt' (did you mean 'text'?); limits: depth, values, text, \
digits, cells, diagram, label, render-timeout
    """
    from mgmt_tools.errors import did_you_mean

    changes: dict[str, int | float] = {}
    for assignment in assignments:
        name, equals, raw = assignment.partition("=")
        name = name.strip().lower().replace("_", "-")
        if name not in NAMES:
            known = ", ".join(NAMES)
            hint = did_you_mean(name, list(NAMES))
            raise ValueError(
                _("unknown limit '{name}'{hint}; limits: {known}").format(
                    name=name, hint=hint, known=known
                )
            )
        if not equals:
            raise ValueError(_("--limit {name} needs a value: --limit {name}=N").format(name=name))
        field = NAMES[name]
        kind = float if field == "render_timeout" else int
        try:
            value = kind(raw.strip().replace("_", ""))
        except ValueError:
            raise ValueError(
                _("limit {name}: '{raw}' is not a number").format(name=name, raw=raw)
            ) from None
        if not (math.isfinite(value) and value > 0):
            raise ValueError(
                _("limit {name}: must be a positive number, not '{raw}'").format(name=name, raw=raw)
            )
        changes[field] = value
    return changes


# --- the words of a limit reached while reading -------------------------------------------


def digits_limit() -> int:
    """The most digits an integer may have: the limit, within what Python converts."""
    python = sys.get_int_max_str_digits()  # 0: no limit
    bound = current().max_digits
    return min(bound, python) if python else bound


DEEPEST = 1_250
"""The deepest nesting read whatever ``--max-depth`` says: libyaml reads 1,000 levels, and
the code that reads a document downstream (recursive in places) needs room on Python's stack
(:func:`mgmt_tools._yaml.load_text` raises the recursion limit to 6,000 frames for it)."""


def depth_limit() -> int:
    """The most levels of nesting read: the limit, within :data:`DEEPEST`."""
    return min(current().max_depth, DEEPEST)


def depth_message() -> str:
    """The message for a value nested past the depth limit."""
    bound = depth_limit()
    if bound < current().max_depth:
        return _(
            "nested more than {bound} levels deep (lists and mappings inside each other), "
            "the most mgmt-tools reads whatever --max-depth says"
        ).format(bound=f"{bound:,}")
    return _(
        "nested more than {bound} levels deep (lists and mappings inside each other); {how}"
    ).format(bound=bound, how=how_to_raise("max_depth"))


def text_message(size: int) -> str:
    """The message for a text of ``size`` characters, past the text limit."""
    bound = current().max_text
    return _("text of {size} characters, more than the limit of {bound}; {how}").format(
        size=f"{size:,}", bound=f"{bound:,}", how=how_to_raise("max_text")
    )


def digits_message(size: int) -> str:
    """The message for an integer of ``size`` digits, past the digits limit."""
    bound = current().max_digits
    if size <= bound:  # within the limit, beyond what Python converts
        return _("integer of {size} digits, more than Python reads ({most})").format(
            size=f"{size:,}", most=f"{digits_limit():,}"
        )
    return _("integer of {size} digits, more than the limit of {bound} digits; {how}").format(
        size=f"{size:,}", bound=bound, how=how_to_raise("max_digits")
    )
