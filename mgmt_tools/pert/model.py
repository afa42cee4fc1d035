"""Input models of a plan: the pydantic schema of the file, and the columnar :class:`Plan`.

The pydantic models (:class:`PlanModel` and its parts) define the input format and generate the
JSON Schema; they check structure and types. A validated plan is kept as a :class:`Plan`: one
array per field, links as index arrays, so a plan of a million tasks costs tens of megabytes,
not gigabytes. :meth:`Plan.task` and :meth:`Plan.link` give per-item views on demand.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BeforeValidator, Discriminator, Field, Strict, Tag

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._fields import (
    DocumentModel,
    InputModel,
    Number,
    OneOrMore,
    Text,
    document_config,
    lower,
    upper,
)

__all__ = [
    "WEEKDAYS",
    "CalendarModel",
    "CalendarName",
    "GroupModel",
    "Link",
    "LinkModel",
    "LinkType",
    "Plan",
    "PlanModel",
    "Task",
    "TaskModel",
]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class LinkType(enum.IntEnum):
    """Precedence link types; the value is the code kept in :attr:`Plan.link_type`."""

    FS = 0
    SS = 1
    FF = 2
    SF = 3


class LinkModel(InputModel):
    """A precedence link in mapping form: ``{task: B, type: SS, lag: 1}``."""

    task: Text = Field(description="Id of the predecessor task.", examples=["A"])
    type: Annotated[Literal["FS", "SS", "FF", "SF"], BeforeValidator(upper)] = Field(
        "FS",
        description="FS finish-to-start (default), SS start-to-start, FF finish-to-finish, "
        "SF start-to-finish.",
    )
    lag: Number = Field(
        0.0, description="Lag in plan units; negative for a lead.", examples=[2, -1]
    )


LinkString = Annotated[
    Text,
    Field(
        description="A predecessor id (finish-to-start, lag 0), or a link written "
        "'ID TYPE[+-LAG]', for example 'A FF+2' or 'B SS-1'.",
        examples=["A", "A FF+2", "B SS-1"],
    ),
]


def _link_form(value: object) -> str:
    return "mapping" if isinstance(value, dict | LinkModel) else "text"


LinkEntry = Annotated[
    Annotated[LinkString, Tag("text")] | Annotated[LinkModel, Tag("mapping")],
    Discriminator(_link_form),
]


class TaskModel(InputModel):
    """One task (activity) of the plan."""

    id: Text = Field(description="Unique id of the task; any text.", examples=["A", "KYC"])
    name: Text | None = Field(None, description="Readable name; defaults to the id.")
    duration: Number | None = Field(
        None, description="Fixed duration in plan units (>= 0); 0 makes a milestone."
    )
    optimistic: Number | None = Field(None, description="Three-point estimate: optimistic (a).")
    most_likely: Number | None = Field(None, description="Three-point estimate: most likely (m).")
    pessimistic: Number | None = Field(
        None,
        description="Three-point estimate: pessimistic (b). The duration is then "
        "te = (a + 4m + b) / 6.",
    )
    milestone: Annotated[bool, Strict()] = Field(
        False, description="A milestone has duration 0 (a task of duration 0 is one anyway)."
    )
    depends_on: OneOrMore[LinkEntry] = Field(
        default_factory=list,
        description="Predecessor links of this task (one link may be written alone).",
    )


class GroupModel(InputModel):
    """A group of tasks (a work-breakdown element, MS Project's summary task)."""

    id: Text = Field(description="Unique id of the group (shared namespace with task ids).")
    name: Text | None = Field(None, description="Readable name; defaults to the id.")
    tasks: list[PlanEntry] = Field(
        min_length=1, description="The group's tasks and groups, nested to any depth."
    )
    depends_on: OneOrMore[LinkEntry] = Field(
        default_factory=list,
        description="Links into the group (FS or SS): every task of the group waits for them. "
        "A link to the group from another task counts from the group's last finish (FS, FF) "
        "or from its start (SS, SF).",
    )


def _entry_form(value: object) -> str:
    if isinstance(value, GroupModel) or (isinstance(value, dict) and "tasks" in value):
        return "group"
    return "task"


PlanEntry = Annotated[
    Annotated[TaskModel, Tag("task")] | Annotated[GroupModel, Tag("group")],
    Discriminator(_entry_form),
]


WeekdayName = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Weekday = Annotated[WeekdayName, BeforeValidator(lower)]


def _workweek() -> list[WeekdayName]:
    return ["mon", "tue", "wed", "thu", "fri"]


CalendarName = Annotated[
    Literal["cn", "us", "gb", "gb-sct", "gb-nir", "hk"], BeforeValidator(lower)
]
"""The named calendars (mgmt_tools/pert/holidays.py): official days off and make-up days."""


class CalendarModel(InputModel):
    """The working calendar used with ``start``."""

    base: CalendarName | None = Field(
        None,
        description=(
            "Named calendar whose official holidays and make-up working days apply: cn "
            "(mainland China), us, gb (England and Wales), gb-sct, gb-nir, hk."
        ),
        examples=["cn"],
    )
    workdays: OneOrMore[Weekday] = Field(
        default_factory=_workweek,
        description="Working weekdays; default Monday to Friday.",
        examples=[["sun", "mon", "tue", "wed", "thu"]],
    )
    holidays: OneOrMore[dt.date] = Field(
        default_factory=list, description="Non-working dates (YYYY-MM-DD)."
    )
    extra_workdays: OneOrMore[dt.date] = Field(
        default_factory=list,
        description="Days off of the working week that are worked (YYYY-MM-DD): make-up days.",
        examples=[["2027-02-20"]],
    )


def _calendar_form(value: object) -> str:
    return "name" if isinstance(value, str) else "mapping"


CalendarSetting = Annotated[
    Annotated[CalendarModel, Tag("mapping")] | Annotated[CalendarName, Tag("name")],
    Discriminator(_calendar_form),
]


class PlanModel(DocumentModel):
    """A project plan for ``mgmt pert`` and ``mgmt gantt``."""

    model_config = document_config("pert", "mgmt-tools pert plan")
    project: Text | None = Field(None, description="Title of the project.")
    units: Text = Field("days", description="Label of the time unit.")
    start: dt.date | None = Field(
        None, description="Start date; turns offsets into dates on the working calendar."
    )
    calendar: CalendarSetting | None = Field(
        None, description="Working calendar (with start): a mapping, or a calendar's name."
    )
    deadline: Number | dt.date | None = Field(
        None, description="Deadline: a number of units, or a date when start is set."
    )
    tasks: list[PlanEntry] = Field(
        description="The tasks (and groups of tasks), in the order results list them."
    )


# --- The validated plan, in columns ---------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """A view of one task of a :class:`Plan`."""

    id: str
    name: str
    duration: float
    optimistic: float | None
    most_likely: float | None
    pessimistic: float | None
    milestone: bool


@dataclass(frozen=True)
class Link:
    """A view of one precedence link: ``successor`` depends on ``predecessor``."""

    predecessor: str
    successor: str
    type: LinkType
    lag: float


@dataclass(frozen=True, eq=False)
class Plan:
    """A validated plan in columns.

    Tasks are numbered 0..n-1 in input order. ``duration`` holds the expected duration te
    for tasks with three estimates; ``optimistic``, ``most_likely`` and ``pessimistic`` are
    NaN for tasks without them. Links are numbered in input order (by successor, then by the
    position in its ``depends_on``); ``link_position`` is that position.
    """

    ids: list[str]
    names: list[str]
    duration: FloatArray
    optimistic: FloatArray
    most_likely: FloatArray
    pessimistic: FloatArray
    milestone: npt.NDArray[np.bool_]
    link_pred: IndexArray
    link_succ: IndexArray
    link_type: npt.NDArray[np.int8]
    link_lag: FloatArray
    link_position: IndexArray
    project: str | None = None
    units: str = "days"
    start: dt.date | None = None
    workdays: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    holidays: tuple[dt.date, ...] = ()
    has_calendar: bool = False
    deadline: float | dt.date | None = None
    extra_workdays: tuple[dt.date, ...] = ()
    calendar_base: str | None = None
    """The named calendar (``calendar: cn``), if any."""
    group_ids: list[str] = field(default_factory=list)
    """Groups, numbered 0..g-1 in input order; as link ends they are nodes n..n+g-1."""
    group_names: list[str] = field(default_factory=list)
    group_parent: IndexArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Per group: the group it is in, or -1."""
    task_group: IndexArray | None = None
    """Per task: the innermost group it is in, or -1; None when the plan has no groups."""
    entry_paths: tuple[tuple[str | int, ...], ...] | None = field(
        default=None, repr=False, compare=False
    )
    """Per node (tasks, then groups): where it stands in the input, when tasks are nested."""
    load_warnings: tuple[str, ...] = field(default=(), compare=False)
    """What reading the input skipped or approximated (say, MS Project resources)."""
    source: Any = field(default=None, repr=False)
    """Where the plan came from, to place errors found later (a cycle); not compared."""

    @property
    def task_count(self) -> int:
        return len(self.ids)

    @property
    def group_count(self) -> int:
        return len(self.group_ids)

    def node_id(self, node: int) -> str:
        """The id of a link end: a task (0..n-1) or a group (n..n+g-1)."""
        n = self.task_count
        return self.ids[node] if node < n else self.group_ids[node - n]

    def entry_path(self, node: int) -> tuple[str | int, ...]:
        """Where task or group ``node`` is written in the input: ``("tasks", 3)``."""
        return self.entry_paths[node] if self.entry_paths is not None else ("tasks", node)

    def groups_of(self, task: int) -> list[int]:
        """The groups containing ``task``, innermost first."""
        chain: list[int] = []
        group = int(self.task_group[task]) if self.task_group is not None else -1
        while group >= 0:
            chain.append(group)
            group = int(self.group_parent[group])
        return chain

    @property
    def link_count(self) -> int:
        return int(self.link_pred.shape[0])

    @property
    def has_estimates(self) -> bool:
        """Whether any task has three-point estimates."""
        return bool(np.any(~np.isnan(self.optimistic)))

    def task(self, index: int) -> Task:
        """The view of task ``index`` (input order)."""
        estimates = [float(a[index]) for a in (self.optimistic, self.most_likely, self.pessimistic)]
        given = not np.isnan(estimates[0])
        return Task(
            self.ids[index],
            self.names[index],
            float(self.duration[index]),
            estimates[0] if given else None,
            estimates[1] if given else None,
            estimates[2] if given else None,
            bool(self.milestone[index]),
        )

    @property
    def tasks(self) -> list[Task]:
        """All task views, in input order (builds one object per task)."""
        return [self.task(index) for index in range(self.task_count)]

    def link(self, index: int) -> Link:
        """The view of link ``index`` (an end may be a group)."""
        return Link(
            self.node_id(int(self.link_pred[index])),
            self.node_id(int(self.link_succ[index])),
            LinkType(int(self.link_type[index])),
            float(self.link_lag[index]),
        )

    @property
    def links(self) -> list[Link]:
        return [self.link(index) for index in range(self.link_count)]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        scalars = (
            "ids",
            "names",
            "project",
            "units",
            "start",
            "workdays",
            "holidays",
            "has_calendar",
            "extra_workdays",
            "calendar_base",
            "deadline",
            "group_ids",
            "group_names",
        )
        arrays = (
            "duration",
            "milestone",
            "link_pred",
            "link_succ",
            "link_type",
            "link_lag",
            "link_position",
            "group_parent",
        )
        estimates = ("optimistic", "most_likely", "pessimistic")
        groups_equal = (self.task_group is None) == (other.task_group is None) and (
            self.task_group is None
            or other.task_group is None
            or np.array_equal(self.task_group, other.task_group)
        )
        return (
            groups_equal
            and all(getattr(self, name) == getattr(other, name) for name in scalars)
            and all(np.array_equal(getattr(self, name), getattr(other, name)) for name in arrays)
            and all(
                np.array_equal(getattr(self, name), getattr(other, name), equal_nan=True)
                for name in estimates
            )
        )

    __hash__ = None  # type: ignore[assignment]
