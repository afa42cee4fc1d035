"""Read MSPDI into a plan dict; the conventions are in :mod:`mgmt_tools.pert.mspdi`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from mgmt_tools.errors import InputError, Problem
from mgmt_tools.locale import N_, _
from mgmt_tools.pert.mspdi_calendar import read_calendar
from mgmt_tools.pert.mspdi_format import (
    ELAPSED_FORMATS,
    ESTIMATE_FIELDS,
    ESTIMATE_NAMES,
    ID_ALIAS,
    LINK_TYPES,
    MINUTES_PER_DAY,
    NAMESPACE,
    PERCENT_FORMATS,
    TEXT1,
    Node,
    Path,
    Reader,
    flag,
    parse_duration,
)

__all__ = ["read"]


@dataclass
class _Link:
    node: Node
    path: Path
    predecessor: int
    type: str
    lag: Fraction
    lag_format: int


@dataclass
class _Task:
    node: Node
    uid: int
    path: Path
    id: str
    name: str | None
    level: int
    summary: bool
    minutes: Fraction | None
    milestone: bool
    estimates: list[Fraction] | None
    links: list[_Link] = field(default_factory=list)


_ROOT = '<Project xmlns="{}">'
"""How an MSPDI document begins (the namespace filled in)."""


def read(root: Node, source: str | None) -> tuple[dict[str, Any], list[str]]:
    """The plan dict and warnings of the MSPDI document whose root element is ``root``."""
    if root.tag != "Project" or not (
        root.namespace == NAMESPACE or root.namespace.startswith(NAMESPACE + "/")
    ):
        element = f"<{root.tag}>"
        if root.namespace:
            message = _(
                "not MS Project XML (MSPDI): the root element is {element} in namespace "
                "'{namespace}'; MSPDI files start with {start}"
            ).format(element=element, namespace=root.namespace, start=_ROOT.format(NAMESPACE))
        else:
            message = _(
                "not MS Project XML (MSPDI): the root element is {element} without a "
                "namespace; MSPDI files start with {start}"
            ).format(element=element, start=_ROOT.format(NAMESPACE))
        raise InputError([Problem(message, (root.tag,), source, root.line, root.column)])
    reader = Reader(source)
    plan: dict[str, Any] = {}
    for tag in ("Title", "Name"):
        child = root.find(tag)
        if child is not None and child.text.strip():
            plan["project"] = child.text
            break
    plan["units"] = "days"
    minutes = reader.integer(root, "MinutesPerDay", ("MinutesPerDay",), MINUTES_PER_DAY)
    if minutes is not None and minutes <= 0:
        reader.problem(
            root.find("MinutesPerDay") or root,
            ("MinutesPerDay",),
            _("MinutesPerDay must be positive, not {minutes}").format(minutes=minutes),
        )
    elif minutes is not None:
        reader.minutes_per_day = Fraction(minutes)
    start = reader.date(root, "StartDate", ("StartDate",))
    if start is not None:
        plan["start"] = start
        if (root.value("ScheduleFromStart") or "1").lower() in ("0", "false"):
            reader.note(
                _(
                    "projects scheduled from their finish date are read as scheduled from the "
                    "start date"
                ),
                "project",
            )
        calendar = read_calendar(reader, root)
        if calendar is not None:
            plan["calendar"] = calendar
    plan["tasks"] = _tasks(reader, root)
    _skipped_parts(reader, root)
    if reader.problems:
        raise InputError(sorted(reader.problems, key=lambda p: (p.line or 0, p.column or 0)))
    return plan, reader.warnings()


def _skipped_parts(reader: Reader, root: Node) -> None:
    resources = root.find("Resources")
    for resource in resources.findall("Resource") if resources is not None else []:
        if resource.value("UID") not in (None, "0") and not flag(resource, "IsNull"):
            reader.where = _("resource UID {uid}").format(uid=resource.value("UID"))
            reader.note(
                _("resources are skipped: the plan schedules by links and durations only"),
                "resource",
            )
    assignments = root.find("Assignments")
    for assignment in assignments.findall("Assignment") if assignments is not None else []:
        if assignment.value("ResourceUID") not in (None, "-65535"):  # -65535: no resource
            reader.where = _("task UID {uid}").format(uid=assignment.value("TaskUID"))
            reader.note(_("resource assignments are skipped"), "assignment")


_TASK_NOTES: tuple[tuple[Callable[[Node], bool], str], ...] = (
    (
        lambda n: n.value("ConstraintType") not in (None, "", "0"),
        N_("date constraints (ConstraintType) are ignored: tasks start as soon as possible"),
    ),
    (
        lambda n: n.value("CalendarUID") not in (None, "", "-1"),
        N_("task calendars (CalendarUID) are ignored: tasks follow the project calendar"),
    ),
    (lambda n: flag(n, "Manual"), N_("manually scheduled tasks are scheduled from their links")),
    (lambda n: n.value("Active") in ("0", "false"), N_("inactive tasks are scheduled as active")),
    (lambda n: bool(n.value("Deadline")), N_("task deadlines are ignored")),
    (
        lambda n: bool(n.value("ActualStart")) or (n.value("PercentComplete") or "0") != "0",
        N_("progress (ActualStart, PercentComplete) is ignored: tasks are scheduled as planned"),
    ),
    (
        lambda n: flag(n, "ExternalTask") or flag(n, "IsSubproject"),
        N_("external tasks and inserted projects are read as plain tasks"),
    ),
    (
        lambda n: (n.value("LevelingDelay") or "0") not in ("0", "0.0"),
        N_("leveling delays are ignored"),
    ),
)


def _tasks(reader: Reader, root: Node) -> list[dict[str, Any]]:
    container = root.find("Tasks")
    nodes = container.findall("Task") if container is not None else []
    id_field = _has_id_field(root)
    tasks: list[_Task] = []
    by_uid: dict[int, _Task] = {}
    skipped: set[int] = set()
    for index, node in enumerate(nodes):
        task = _task(reader, node, index, id_field)
        if task is None:
            continue
        if task.level <= 0 or flag(node, "IsNull"):  # the project summary task; blank rows
            skipped.add(task.uid)
            continue
        if task.uid in by_uid:
            reader.problem(
                node.find("UID") or node, (*task.path, "UID"), f"duplicate UID {task.uid}"
            )
            continue
        for test, message in _TASK_NOTES:
            if test(node):
                reader.note(_(message))
        by_uid[task.uid] = task
        tasks.append(task)
    return _outline(reader, tasks, by_uid, skipped)


def _has_id_field(root: Node) -> bool:
    definitions = root.find("ExtendedAttributes")
    return definitions is not None and any(
        item.value("FieldID") == str(TEXT1) and item.value("Alias") == ID_ALIAS
        for item in definitions.findall("ExtendedAttribute")
    )


def _task(reader: Reader, node: Node, index: int, id_field: bool) -> _Task | None:
    uid_node = node.find("UID")
    if uid_node is None or not uid_node.text.strip():
        reader.problem(node, ("Tasks", f"Task[{index}]", "UID"), _("a task without a UID"))
        return None
    try:
        uid = int(uid_node.text.strip())
    except ValueError:
        reader.problem(
            uid_node,
            ("Tasks", f"Task[{index}]", "UID"),
            _("UID is not an integer: '{value}'").format(value=uid_node.text.strip()),
        )
        return None
    path: Path = ("Tasks", f"Task[UID={uid}]")
    reader.where = _("task UID {uid}").format(uid=uid)
    level = reader.integer(node, "OutlineLevel", path, None)
    if level is None:
        level = 0 if uid == 0 else 1
    name = node.find("Name")
    task = _Task(
        node,
        uid,
        path,
        str(uid),
        name.text if name is not None else None,
        level,
        flag(node, "Summary"),
        None,
        flag(node, "Milestone"),
        None,
    )
    if level <= 0:
        return task
    task.minutes = _duration(reader, node, path, required=not task.summary)
    estimates: dict[int, Fraction] = {}
    for attribute in node.findall("ExtendedAttribute"):
        field_id = attribute.value("FieldID")
        value = attribute.find("Value")
        if field_id == str(TEXT1) and id_field and value is not None and value.text:
            task.id = value.text
        elif field_id in {str(f) for f in ESTIMATE_FIELDS} and value is not None:
            parsed = _duration(reader, attribute, (*path, "ExtendedAttribute"), required=False)
            if parsed is not None:
                estimates[int(field_id)] = parsed
    if len(estimates) == len(ESTIMATE_FIELDS):
        task.estimates = [estimates[f] for f in ESTIMATE_FIELDS]
    for position, link_node in enumerate(node.findall("PredecessorLink")):
        link = _link(reader, link_node, (*path, "PredecessorLink", position))
        if link is not None:
            task.links.append(link)
    return task


def _duration(reader: Reader, node: Node, path: Path, *, required: bool) -> Fraction | None:
    """Working minutes of the node's ``Duration`` or ``Value`` (elapsed time converted)."""
    tag = "Duration" if node.tag == "Task" else "Value"
    child = node.find(tag)
    if child is None or not child.text.strip():
        if required:
            reader.problem(node, (*path, tag), _("a task without a <Duration>"))
        return None
    try:
        seconds, has_days = parse_duration(child.text)
    except ValueError as error:
        reader.problem(child, (*path, tag), str(error))
        return None
    if seconds < 0:
        message = _("negative duration '{value}'").format(value=child.text.strip())
        reader.problem(child, (*path, tag), message)
        return None
    if has_days:
        reader.note(_("durations with a day part (P1D) are read as 24 hours a day (xsd:duration)"))
    minutes = seconds / 60
    if reader.integer(node, "DurationFormat", path, 7) in ELAPSED_FORMATS:
        reader.note(_("elapsed durations (calendar time) are approximated as working days"))
        return minutes / (24 * 60) * reader.minutes_per_day
    return minutes


def _link(reader: Reader, node: Node, path: Path) -> _Link | None:
    if flag(node, "CrossProject"):
        reader.note(_("links to tasks of other projects (CrossProject) are skipped"), "link")
        return None
    predecessor = reader.integer(node, "PredecessorUID", path, None)
    if predecessor is None:
        if node.find("PredecessorUID") is None:
            message = _("a link without a PredecessorUID")
            reader.problem(node, (*path, "PredecessorUID"), message)
        return None
    code = reader.integer(node, "Type", path, 1)
    if code not in LINK_TYPES:
        reader.problem(
            node.find("Type") or node,
            (*path, "Type"),
            _("link type must be 0 (FF), 1 (FS), 2 (SF) or 3 (SS), not {code}").format(code=code),
        )
        return None
    lag = reader.number(node, "LinkLag", path)
    lag_format = reader.integer(node, "LagFormat", path, 7) or 7
    return _Link(node, path, predecessor, LINK_TYPES[code], lag, lag_format)


def _days(reader: Reader, minutes: Fraction) -> float:
    return float(minutes / reader.minutes_per_day)


def _lag_days(reader: Reader, link: _Link, predecessor: _Task) -> float:
    if link.lag_format in PERCENT_FORMATS:
        reader.note(_("percent lags are converted with the predecessor's duration"), "link")
        return float(link.lag / 100 * (predecessor.minutes or 0) / reader.minutes_per_day)
    if link.lag_format in ELAPSED_FORMATS:
        reader.note(_("elapsed lags (calendar time) are approximated as working days"), "link")
        return float(link.lag / 10 / (24 * 60))
    return float(link.lag / 10 / reader.minutes_per_day)


def _outline(
    reader: Reader, tasks: list[_Task], by_uid: dict[int, _Task], skipped: set[int]
) -> list[dict[str, Any]]:
    """Nest the tasks by outline level: a task followed by a deeper one is a group."""
    known = sorted(by_uid)
    entries: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(-1, entries)]
    for number, task in enumerate(tasks):
        reader.where = _("task UID {uid}").format(uid=task.uid)
        is_group = number + 1 < len(tasks) and tasks[number + 1].level > task.level
        while len(stack) > 1 and stack[-1][0] >= task.level:
            stack.pop()
        item: dict[str, Any] = {"id": task.id}
        if task.name is not None:
            item["name"] = task.name
        if is_group:
            item["tasks"] = []
        else:
            item.update(_task_length(reader, task))
        links: list[str | dict[str, Any]] = []
        for link in task.links:
            predecessor = by_uid.get(link.predecessor)
            if predecessor is None:
                message = (
                    _("link to the project summary task: no task has UID {uid}")
                    if link.predecessor in skipped
                    else _("link to a missing task: no task has UID {uid}")
                ).format(uid=link.predecessor)
                if len(known) <= 10:
                    message += _(" (UIDs: {uids})").format(uids=", ".join(map(str, known)))
                reader.problem(
                    link.node.find("PredecessorUID") or link.node,
                    (*link.path, "PredecessorUID"),
                    message,
                )
                continue
            lag = _lag_days(reader, link, predecessor)
            if link.type == "FS" and lag == 0:
                links.append(predecessor.id)
            else:
                links.append({"task": predecessor.id, "type": link.type, "lag": lag})
        if links:
            item["depends_on"] = links
        stack[-1][1].append(item)
        if is_group:
            stack.append((task.level, item["tasks"]))
    return entries


def _task_length(reader: Reader, task: _Task) -> dict[str, Any]:
    """The duration fields of a task: three estimates, a milestone, or a duration."""
    minutes = task.minutes or Fraction(0)
    if task.estimates is not None:
        low, likely, high = task.estimates
        expected = (low + 4 * likely + high) / 6
        if low <= likely <= high and abs(expected - minutes) <= Fraction(1, 2):
            return {
                name: _days(reader, value)
                for name, value in zip(ESTIMATE_NAMES, task.estimates, strict=True)
            }
        reader.note(
            _(
                "Duration1-3 (PERT estimates) are ignored where they are out of order or their "
                "mean (o + 4m + p) / 6 is not the task's Duration"
            ),
        )
    if task.milestone and minutes == 0:
        return {"milestone": True}
    if task.milestone:
        reader.note(_("milestones with a duration are scheduled with their duration"))
    return {"duration": _days(reader, minutes)}
