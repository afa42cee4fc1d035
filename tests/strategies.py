"""Shared Hypothesis strategies: random valid inputs, as the dicts a user's YAML would load to.

:func:`plans` draws PERT plans: a random DAG over up to 30 tasks whose links use all four
precedence types (FS, SS, FF, SF) with positive, zero and negative lags, written in the three
``depends_on`` forms (a bare id, a link string, a mapping); some tasks are milestones, some have
three-point estimates. The tasks are drawn in a topological order and then shuffled, so the
input order is not a topological order.

Durations, estimates and lags are multiples of 0.25 (or of 1/6 for an expected time), so the
independent reference implementations in the tests meet the same numbers the library does,
without depending on how the library orders its float additions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "LINK_TYPES",
    "TRICKY_IDS",
    "fs_plans",
    "multiples",
    "plan_metadata",
    "plans",
    "quarter",
    "simple_ids",
    "tricky_ids",
]

LINK_TYPES = ("FS", "SS", "FF", "SF")

TRICKY_IDS = (
    "010",  # a YAML 1.1 octal, a YAML 1.2 decimal 10: must stay the text "010"
    "NO",  # a YAML 1.1 boolean
    "1.10",  # a float whose text is not repr(float)
    "true",
    "null",
    "~",
    "1e3",
    "0o17",
    ".5",
    "A FF+2",  # looks like a link string
    "B SS-1",
    "C+3",
    "FF",
    "Site survey",  # contains a space
    " padded ",
    "a;b",
    "x: y",
    "#hash",
    "- dash",
    "'quoted'",
    '"double"',
    "客户尽调",  # CJK text
    "Ärger",
)

_ID_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x85\u2028\u2029",
)


def multiples(denominator: int, low: float, high: float) -> st.SearchStrategy[float]:
    """Multiples of ``1 / denominator`` in [low, high] (both multiples themselves).

    With a power of two for the denominator every value, and every sum of a few of them, is
    exact in binary floating point, so two correct computations agree to the bit whatever the
    order of their additions.
    """
    return st.integers(round(low * denominator), round(high * denominator)).map(
        lambda k: k / denominator
    )


def quarter(low: float, high: float) -> st.SearchStrategy[float]:
    """Multiples of 0.25 in [low, high] (exact in binary floating point)."""
    return multiples(4, low, high)


def simple_ids(count: int) -> list[str]:
    """Ids ``T0 .. T{count-1}``: no spaces, nothing a link string could confuse."""
    return [f"T{number}" for number in range(count)]


def tricky_ids() -> st.SearchStrategy[str]:
    """Ids that a careless reader turns into numbers, booleans or links; any non-empty text."""
    return st.one_of(
        st.sampled_from(TRICKY_IDS),
        st.text(_ID_ALPHABET, min_size=1, max_size=12).filter(lambda text: text.strip() != ""),
    )


def _lag_text(lag: float) -> str:
    text = repr(lag)
    text = text[:-2] if text.endswith(".0") else text
    return text if text.startswith("-") else "+" + text


@st.composite
def _link(draw: st.DrawFn, predecessor: str, types: Sequence[str], lags: bool) -> Any:
    """One ``depends_on`` entry on ``predecessor``, in one of the three forms."""
    kind = draw(st.sampled_from(types))
    lag = draw(st.one_of(st.just(0.0), quarter(-3, 3))) if lags else 0.0
    form = draw(st.sampled_from(("string", "mapping")))
    if kind == "FS" and lag == 0 and draw(st.booleans()):
        return predecessor  # the bare id
    if form == "mapping":
        entry: dict[str, Any] = {"task": predecessor}
        if kind != "FS" or draw(st.booleans()):
            entry["type"] = kind
        if lag != 0 or draw(st.booleans()):
            entry["lag"] = lag
        return entry
    text = (
        predecessor
        if kind == "FS" and lag != 0 and draw(st.booleans())
        else (f"{predecessor} {kind}")
    )
    return text + (_lag_text(lag) if lag != 0 else "")


@st.composite
def _task(draw: st.DrawFn, task_id: str, estimates: bool, milestones: bool) -> dict[str, Any]:
    kinds = ["duration"] * 4  # mostly plain tasks; milestones and estimates now and then
    if estimates:
        kinds.extend(["estimates"] * 2)
    if milestones:
        kinds.extend(["milestone", "zero"])
    kind = draw(st.sampled_from(kinds))
    task: dict[str, Any] = {"id": task_id}
    if draw(st.integers(0, 4)) == 0:
        task["name"] = f"Task {task_id}"
    if kind == "duration":
        task["duration"] = draw(quarter(0, 12))
    elif kind == "estimates":
        a, m, b = sorted(draw(st.lists(quarter(0, 12), min_size=3, max_size=3)))
        task.update(optimistic=a, most_likely=m, pessimistic=b)
    elif kind == "milestone":
        task["milestone"] = True
    else:
        task["duration"] = 0.0
    return task


@st.composite
def plans(
    draw: st.DrawFn,
    *,
    min_tasks: int = 1,
    max_tasks: int = 30,
    link_types: Sequence[str] = LINK_TYPES,
    lags: bool = True,
    estimates: bool = True,
    milestones: bool = True,
    ids: st.SearchStrategy[str] | None = None,
    shuffle: bool = True,
) -> dict[str, Any]:
    """A valid plan as a dict: a DAG (links only from earlier to later drawn tasks), shuffled.

    ``ids`` draws the task ids (default ``T0``, ``T1``, ...); with drawn ids the plan's
    ``depends_on`` entries are mappings or bare ids only, so no link string is ambiguous.
    """
    count = draw(st.integers(min_tasks, max_tasks))
    if ids is None:
        names = simple_ids(count)
    else:
        names = draw(st.lists(ids, min_size=count, max_size=count, unique=True))
    tasks = [draw(_task(name, estimates, milestones)) for name in names]
    for number in range(1, count):
        predecessors = draw(st.lists(st.integers(0, number - 1), max_size=3))
        links = []
        for predecessor in predecessors:
            if ids is None:
                links.append(draw(_link(names[predecessor], link_types, lags)))
            else:
                links.append(_mapping_link(draw, names[predecessor], link_types, lags))
        if links:
            tasks[number]["depends_on"] = links
    if shuffle:
        tasks = draw(st.permutations(tasks))
    return {"tasks": list(tasks)}


def _mapping_link(draw: st.DrawFn, predecessor: str, types: Sequence[str], lags: bool) -> Any:
    kind = draw(st.sampled_from(types))
    lag = draw(quarter(-3, 3)) if lags else 0.0
    if kind == "FS" and lag == 0 and draw(st.booleans()):
        return predecessor
    return {"task": predecessor, "type": kind, "lag": lag}


def fs_plans(max_tasks: int = 30) -> st.SearchStrategy[dict[str, Any]]:
    """Plans whose links are all finish-to-start with lag 0 (the classic CPM network)."""
    return plans(max_tasks=max_tasks, link_types=("FS",), lags=False)


@st.composite
def plan_metadata(draw: st.DrawFn) -> dict[str, Any]:
    """Optional top-level settings: title, units, start, calendar, deadline."""
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        data["project"] = draw(tricky_ids())
    start = draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
    if start is None:
        if draw(st.booleans()):
            data["units"] = draw(st.sampled_from(("days", "weeks", "hours", "周")))
        if draw(st.booleans()):
            data["deadline"] = draw(quarter(0, 100))
        return data
    data["start"] = start.isoformat()
    if draw(st.booleans()):
        workdays = draw(
            st.lists(
                st.sampled_from(("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
                min_size=1,
                max_size=7,
                unique=True,
            )
        )
        holidays = draw(
            st.lists(st.dates(start, start + dt.timedelta(days=200)), max_size=4, unique=True)
        )
        data["calendar"] = {"workdays": workdays, "holidays": [day.isoformat() for day in holidays]}
    choice = draw(st.sampled_from(("none", "number", "date")))
    if choice == "number":
        data["deadline"] = draw(quarter(0, 100))
    elif choice == "date":
        data["deadline"] = (start + dt.timedelta(days=draw(st.integers(0, 300)))).isoformat()
    return data
