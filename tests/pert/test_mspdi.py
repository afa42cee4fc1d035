"""MS Project XML (MSPDI): real files read to what their tools show, the writer checked against
the element sequences of Microsoft's mspdi_pj12.xsd, round trips, and located bad input.

Sources of the sample files: tests/pert/mspdi/README.md. The schema sequences below are
transcribed from Microsoft's schema reference pages for mspdi_pj12.xsd (MicrosoftDocs/
office-developer-msproject-xml-docs, xml-schema-for-the-{project,tasks,calendars,
extendedattributes}-element.md); the MS Project 2003 sample must satisfy them too.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mgmt_tools.errors import InputError
from mgmt_tools.pert import from_dict, schedule
from mgmt_tools.pert.mspdi import Node, parse_xml, read_mspdi, to_mspdi
from tests.strategies import plan_metadata, plans, tricky_ids

DATA = Path(__file__).parent / "mspdi"
NS = 'xmlns="http://schemas.microsoft.com/project"'
LINKS_2003 = DATA / "task-links-project2003-mspdi.xml"  # saved by MS Project 2003 (MPXJ data)
SOME = settings(max_examples=60, deadline=None)


def project(body: str, head: str = "") -> str:
    return f"<Project {NS}>{head}<Tasks>{body}</Tasks></Project>"


def task(uid: int, extra: str = "", duration: str = "PT8H0M0S") -> str:
    return f"<Task><UID>{uid}</UID><Duration>{duration}</Duration>{extra}</Task>"


def link(uid: int, kind: int = 1, lag: int = 0, lag_format: int = 7) -> str:
    return (
        f"<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{kind}</Type>"
        f"<LinkLag>{lag}</LinkLag><LagFormat>{lag_format}</LagFormat></PredecessorLink>"
    )


def problems_of(text: str) -> list[tuple[str, int | None]]:
    with pytest.raises(InputError) as caught:
        read_mspdi(text, "plan.xml")
    return [(str(p), p.line) for p in caught.value.problems]


# --- Real files -----------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "length"), [(LINKS_2003, 72138)])
def test_sample_files_are_unchanged(path: Path, length: int) -> None:
    assert len(path.read_text(encoding="utf-8")) == length


def test_ms_project_2003_links_read_to_every_link_type_and_lag() -> None:
    plan, warnings = read_mspdi(LINKS_2003.read_text(encoding="utf-8"))
    assert warnings == []  # the placeholder resource and unassigned assignments are not data
    assert plan["start"] == dt.date(2014, 10, 17)
    assert "calendar" not in plan  # the standard Monday-to-Friday week, no exceptions
    tasks = plan["tasks"]
    assert [t["id"] for t in tasks] == [str(uid) for uid in range(1, 17)]
    assert all(t["duration"] == 1.0 for t in tasks)
    links = {t["id"]: t["depends_on"][0] for t in tasks if "depends_on" in t}
    assert links == {
        "2": "1",
        "4": {"task": "3", "type": "FS", "lag": 1.0},
        "6": {"task": "5", "type": "FS", "lag": 2.0},
        "8": {"task": "7", "type": "FS", "lag": 5.0},  # 1w shown, 2400 minutes stored
        "10": {"task": "9", "type": "FS", "lag": 10.0},
        "12": {"task": "11", "type": "SF", "lag": 2.0},
        "14": {"task": "13", "type": "SS", "lag": 2.0},
        "16": {"task": "15", "type": "FF", "lag": 2.0},
    }


def _saved(root: Node) -> dict[str, dict[str, str]]:
    """What the saving tool computed, per task UID: its dates, slacks and critical flag."""
    tasks = root.find("Tasks")
    assert tasks is not None
    fields = ("Start", "Finish", "LateStart", "LateFinish", "TotalSlack", "FreeSlack", "Critical")
    return {
        node.value("UID") or "": {f: node.value(f) or "" for f in fields}
        for node in tasks.findall("Task")
        if node.value("OutlineLevel") != "0"
    }


def test_ms_project_2003_file_schedules_to_the_dates_ms_project_shows() -> None:
    text = LINKS_2003.read_text(encoding="utf-8")
    result = schedule(from_dict(read_mspdi(text)[0]))
    assert result.finish_date == "2014-11-03"
    assert _saved(parse_xml(to_mspdi(result))) == _saved(parse_xml(text))


# The two cases below are written in the shape MPXJ's MSPDI writer (used by GanttProject and
# ProjectLibre) gives: old-form calendar exceptions (WeekDay DayType 0 with a TimePeriod) and a
# 24-hour working day. (Samples of both exist in GanttProject's test data, which is GPL-3.0, so
# they are reproduced here in a minimal form rather than copied.)
OLD_FORM_EXCEPTIONS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project {NS}>
  <SaveVersion>9</SaveVersion>
  <StartDate>2018-04-28T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar>
      <UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>5</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>6</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>0</DayType><DayWorking>1</DayWorking>
          <TimePeriod><FromDate>2018-04-28T00:00:00</FromDate>
            <ToDate>2018-04-28T23:59:00</ToDate></TimePeriod>
        </WeekDay>
        <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking>
          <TimePeriod><FromDate>2018-04-30T00:00:00</FromDate>
            <ToDate>2018-04-30T23:59:00</ToDate></TimePeriod>
        </WeekDay>
      </WeekDays>
    </Calendar>
  </Calendars>
  <Tasks/>
</Project>
"""


def test_calendar_exceptions_in_the_old_weekday_form() -> None:
    plan, warnings = read_mspdi(OLD_FORM_EXCEPTIONS)
    assert plan["start"] == dt.date(2018, 4, 28)
    assert plan["calendar"] == {  # Saturday 2018-04-28 worked for Monday 30 (a make-up day)
        "workdays": ["mon", "tue", "wed", "thu", "fri"],
        "holidays": [dt.date(2018, 4, 30)],
        "extra_workdays": [dt.date(2018, 4, 28)],
    }
    assert plan["tasks"] == []
    assert warnings == []


def test_minutes_per_day_1440() -> None:
    text = project(
        task(1, "<Name>task_0</Name>", duration="PT24H0M0S"),
        head="<StartDate>2025-01-30T00:00:00</StartDate><MinutesPerDay>1440</MinutesPerDay>",
    )
    plan, warnings = read_mspdi(text)
    assert plan["tasks"] == [{"id": "1", "name": "task_0", "duration": 1.0}]
    assert warnings == []
    result = schedule(from_dict(plan))
    assert (result.start_dates, result.finish_dates) == (["2025-01-30"], ["2025-01-30"])


# --- The writer against the schema ----------------------------------------------------------


def words(text: str) -> list[str]:
    return text.split()


SEQUENCES: dict[str, list[str]] = {
    "Project": words(
        "SaveVersion UID Name Title Subject Category Company Manager Author CreationDate "
        "Revision LastSaved ScheduleFromStart StartDate FinishDate FYStartDate CriticalSlackLimit "
        "CurrencyDigits CurrencySymbol CurrencyCode CurrencySymbolPosition CalendarUID "
        "DefaultStartTime DefaultFinishTime MinutesPerDay MinutesPerWeek DaysPerMonth "
        "DefaultTaskType DefaultFixedCostAccrual DefaultStandardRate DefaultOvertimeRate "
        "DurationFormat WorkFormat EditableActualCosts HonorConstraints EarnedValueMethod "
        "InsertedProjectsLikeSummary MultipleCriticalPaths NewTasksEffortDriven NewTasksEstimated "
        "SplitsInProgressTasks SpreadActualCost SpreadPercentComplete TaskUpdatesResource "
        "FiscalYearStart WeekStartDay MoveCompletedEndsBack MoveRemainingStartsBack "
        "MoveRemainingStartsForward MoveCompletedEndsForward BaselineForEarnedValue "
        "AutoAddNewResourcesAndTasks StatusDate CurrentDate MicrosoftProjectServerURL Autolink "
        "NewTaskStartDate DefaultTaskEVMethod ProjectExternallyEdited ExtendedCreationDate "
        "ActualsInSync RemoveFileProperties AdminProject OutlineCodes WBSMasks ExtendedAttributes "
        "Calendars Tasks Resources Assignments"
    ),
    "Task": words(
        "UID ID Name Type IsNull CreateDate Contact WBS WBSLevel OutlineNumber OutlineLevel "
        "Priority Start Finish Duration DurationFormat Work Stop Resume ResumeValid EffortDriven "
        "Recurring OverAllocated Estimated Milestone Summary Critical IsSubproject "
        "IsSubprojectReadOnly SubprojectName ExternalTask ExternalTaskProject EarlyStart "
        "EarlyFinish LateStart LateFinish StartVariance FinishVariance WorkVariance FreeSlack "
        "TotalSlack FixedCost FixedCostAccrual PercentComplete PercentWorkComplete Cost "
        "OvertimeCost OvertimeWork ActualStart ActualFinish ActualDuration ActualCost "
        "ActualOvertimeCost ActualWork ActualOvertimeWork RegularWork RemainingDuration "
        "RemainingCost RemainingWork RemainingOvertimeCost RemainingOvertimeWork ACWP CV "
        "ConstraintType CalendarUID ConstraintDate Deadline LevelAssignments LevelingCanSplit "
        "LevelingDelay LevelingDelayFormat PreLeveledStart PreLeveledFinish Hyperlink "
        "HyperlinkAddress HyperlinkSubAddress IgnoreResourceCalendar Notes HideBar Rollup BCWS "
        "BCWP PhysicalPercentComplete EarnedValueMethod PredecessorLink ActualWorkProtected "
        "ActualOvertimeWorkProtected ExtendedAttribute Baseline OutlineCode IsPublished "
        "StatusManager CommitmentStart CommitmentFinish CommitmentType"
    ),
    "PredecessorLink": words("PredecessorUID Type CrossProject CrossProjectName LinkLag LagFormat"),
    "Task/ExtendedAttribute": words("FieldID Value ValueGUID DurationFormat"),
    "ExtendedAttributes/ExtendedAttribute": words(
        "FieldID FieldName CFType Guid ElemType "
        "MaxMultiValues UserDef Alias SecondaryPID AutoRollDown DefaultGuid Ltuid PhoneticAlias "
        "RollupType CalculationType Formula RestrictValues ValuelistSortOrder AppendNewValues "
        "Default ValueList"
    ),
    "Calendar": words("UID Name IsBaseCalendar BaseCalendarUID WeekDays Exceptions WorkWeeks"),
    "WeekDay": words("DayType DayWorking TimePeriod WorkingTimes"),
    "Exception": words(
        "EnteredByOccurrences TimePeriod Occurrences Name Type Period DaysOfWeek "
        "MonthItem MonthPosition Month MonthDay DayWorking WorkingTimes"
    ),
    "TimePeriod": ["FromDate", "ToDate"],
    "WorkingTime": ["FromTime", "ToTime"],
    "WorkingTimes": ["WorkingTime"],
    "WeekDays": ["WeekDay"],
    "Exceptions": ["Exception"],
    "Calendars": ["Calendar"],
    "Tasks": ["Task"],
    "ExtendedAttributes": ["ExtendedAttribute"],
}
OPAQUE = {"OutlineCodes", "WBSMasks", "Resources", "Assignments", "Baseline", "OutlineCode"}
"""Sequences not transcribed: the writer never writes these."""
REQUIRED = {
    "Project": {"SaveVersion", "CurrencyCode"},
    "Task": {"UID"},
    "Calendar": {"UID"},
    "WeekDay": {"DayType"},
}
_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
_DURATION = re.compile(r"PT\d+H\d+M\d+(\.\d+)?S")
TYPES: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(
        (
            "StartDate",
            "FinishDate",
            "Start",
            "Finish",
            "EarlyStart",
            "EarlyFinish",
            "LateStart",
            "LateFinish",
            "FromDate",
            "ToDate",
        ),
        _DATETIME,
    ),
    **dict.fromkeys(("Duration", "RemainingDuration"), _DURATION),
    **dict.fromkeys(
        (
            "UID",
            "ID",
            "OutlineLevel",
            "FreeSlack",
            "TotalSlack",
            "LinkLag",
            "PredecessorUID",
            "CalendarUID",
            "BaseCalendarUID",
            "MinutesPerDay",
            "MinutesPerWeek",
            "DaysPerMonth",
            "SaveVersion",
            "Occurrences",
        ),
        re.compile(r"-?\d+"),
    ),
    **dict.fromkeys(
        (
            "Milestone",
            "Summary",
            "Critical",
            "Estimated",
            "ScheduleFromStart",
            "IsBaseCalendar",
            "DayWorking",
            "CrossProject",
            "EnteredByOccurrences",
        ),
        re.compile("[01]"),
    ),
    **dict.fromkeys(
        ("FromTime", "ToTime", "DefaultStartTime", "DefaultFinishTime"),
        re.compile(r"\d\d:\d\d:\d\d"),
    ),
    "DayType": re.compile("[0-7]"),
    "ConstraintType": re.compile("[0-7]"),
}


def schema_errors(node: Node, parent: str = "", check_required: bool = True) -> list[str]:
    """Where ``node`` breaks the pj12 sequences (order, unknown or missing elements, types)."""
    key = f"{parent}/{node.tag}" if f"{parent}/{node.tag}" in SEQUENCES else node.tag
    if node.tag in OPAQUE:
        return []
    if key not in SEQUENCES:
        pattern = TYPES.get(node.tag)
        if node.children:
            return [f"line {node.line}: <{node.tag}> has unexpected children"]
        if pattern is not None and not pattern.fullmatch(node.text):
            return [f"line {node.line}: <{node.tag}> has the malformed value '{node.text}'"]
        return []
    sequence, errors, last = SEQUENCES[key], [], -1
    for child in node.children:
        if child.tag not in sequence:
            errors.append(f"line {child.line}: <{child.tag}> is not allowed in <{node.tag}>")
            continue
        position = sequence.index(child.tag)
        if position < last:
            errors.append(f"line {child.line}: <{child.tag}> is out of order in <{node.tag}>")
        last = position
        errors += schema_errors(child, node.tag, check_required)
    missing = REQUIRED.get(key, set()) - {child.tag for child in node.children}
    if check_required and missing:
        errors.append(f"line {node.line}: <{node.tag}> lacks {sorted(missing)}")
    return errors


def test_the_schema_rules_accept_what_ms_project_saved() -> None:
    # Project 2003 wrote neither SaveVersion nor CurrencyCode (pj12 added them).
    root = parse_xml(LINKS_2003.read_text(encoding="utf-8"))
    assert schema_errors(root, check_required=False) == []


EXAMPLE: dict[str, Any] = {
    "project": "Branch <opening> & launch",
    "start": "2027-03-05",  # a Friday
    "calendar": {
        "workdays": ["mon", "tue", "wed", "thu", "fri"],
        "holidays": ["2027-03-09", "2027-03-10", "2027-03-15"],
    },
    "tasks": [
        {
            "id": "PLAN",
            "name": "Planning",
            "tasks": [
                {"id": "A", "name": "Survey\r\nsite", "duration": 2},
                {
                    "id": "B",
                    "optimistic": 1,
                    "most_likely": 2,
                    "pessimistic": 6,
                    "depends_on": ["A"],
                },
            ],
        },
        {"id": "C", "duration": 1.5, "depends_on": [{"task": "PLAN", "type": "SS", "lag": 0.5}]},
        {"id": "D", "duration": 3, "depends_on": ["B FF-1", "C SF+2"]},
        {"id": "M", "name": "Open", "milestone": True, "depends_on": ["D", "PLAN"]},
    ],
}


def test_written_xml_follows_the_schema_sequences() -> None:
    text = to_mspdi(schedule(from_dict(EXAMPLE)))
    assert text.startswith(
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project {NS}>'
    )
    assert schema_errors(parse_xml(text)) == []


def test_written_values_dates_slack_and_fields() -> None:
    result = schedule(from_dict(EXAMPLE))
    root = parse_xml(to_mspdi(result))
    tasks = {node.value("Name"): node for node in root.findall("Tasks")[0].findall("Task")}
    assert list(tasks) == ["Planning", "Survey\r\nsite", "B", "C", "D", "Open"]
    outline = [
        (t.value("OutlineNumber"), t.value("OutlineLevel"), t.value("Summary"))
        for t in tasks.values()
    ]
    assert outline == [
        ("1", "1", "1"),
        ("1.1", "2", "0"),
        ("1.2", "2", "0"),
        ("2", "1", "0"),
        ("3", "1", "0"),
        ("4", "1", "0"),
    ]
    assert result.start_dates is not None
    assert result.finish_dates is not None
    for index, name in enumerate(["Survey\r\nsite", "B", "C", "D", "Open"]):
        start, finish = tasks[name].value("Start") or "", tasks[name].value("Finish") or ""
        assert (start[:10], finish[:10]) == (result.start_dates[index], result.finish_dates[index])
    c = tasks["C"]  # SS+0.5 after the group's start: 13:00 on the first working day
    assert (c.value("Start"), c.value("Duration")) == ("2027-03-05T13:00:00", "PT12H0M0S")
    assert c.value("TotalSlack") == str(round(float(result.total_float[2]) * 4800))
    assert tasks["Open"].value("Milestone") == "1"
    links = [
        (n.value("PredecessorUID"), n.value("Type"), n.value("LinkLag"))
        for n in tasks["D"].findall("PredecessorLink")
    ]
    assert links == [("3", "0", "-4800"), ("4", "2", "9600")]
    estimates = [
        (n.value("FieldID"), n.value("Value"))
        for n in tasks["B"].children
        if n.tag == "ExtendedAttribute"
    ]
    assert estimates[1:] == [
        ("188743783", "PT8H0M0S"),
        ("188743784", "PT16H0M0S"),
        ("188743785", "PT48H0M0S"),
    ]


def test_integer_ids_are_the_uids_and_an_undated_plan_has_no_start_date() -> None:
    data = {
        "units": "weeks",
        "tasks": [{"id": "7", "duration": 1}, {"id": "12", "duration": 0.5, "depends_on": ["7"]}],
    }
    text = to_mspdi(schedule(from_dict(data)))
    assert "<StartDate>" not in text  # MS Project starts it on the day it is opened
    assert "188743731" not in text  # no Text1 for the ids: they are the UIDs
    assert "<Start>2001-01-01T08:00:00</Start>" in text
    back, warnings = read_mspdi(text)
    assert "start" not in back
    assert warnings == []
    assert back["tasks"] == [
        {"id": "7", "name": "7", "duration": 5.0},
        {"id": "12", "name": "12", "duration": 2.5, "depends_on": ["7"]},
    ]


def test_text_that_xml_cannot_hold_is_replaced() -> None:
    data = {"tasks": [{"id": "A", "name": "bell\x07 & <tag>", "duration": 1}]}
    back, _ = read_mspdi(to_mspdi(schedule(from_dict(data))))
    assert back["tasks"][0]["name"] == "bell\ufffd & <tag>"


# --- Round trips ----------------------------------------------------------------------------


def round_trip(data: dict[str, Any]) -> None:
    plan = from_dict(data)
    result = schedule(plan)
    text = to_mspdi(result)
    assert schema_errors(parse_xml(text)) == []
    back, warnings = read_mspdi(text)
    assert warnings == []
    again = from_dict(back)
    assert again == plan
    other = schedule(again)
    for name in ("es", "ef", "ls", "lf", "total_float", "free_float", "critical"):
        assert np.array_equal(getattr(other, name), getattr(result, name)), name


def test_round_trip_of_a_plan_with_groups_links_to_groups_and_estimates() -> None:
    round_trip(EXAMPLE)


@st.composite
def mspdi_plans(draw: st.DrawFn, groups: bool = False) -> dict[str, Any]:
    """Plans MSPDI holds exactly: days, lags and durations in quarter days (whole tenths of a
    minute), no deadline; a calendar equal to the default reads back as no calendar."""
    ids = draw(st.sampled_from([None, tricky_ids()]))
    data = draw(plans(max_tasks=15, ids=ids))
    meta = draw(plan_metadata())
    meta.pop("deadline", None)
    meta.pop("units", None)
    calendar = meta.get("calendar")
    if calendar == {"workdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": []}:
        del meta["calendar"]
    if groups:
        data["tasks"] = _grouped(draw, data["tasks"])
    return {**meta, **data}


def _grouped(draw: st.DrawFn, entries: list[Any], depth: int = 0) -> list[Any]:
    """Wrap runs of entries in groups (nested up to three deep); no links to groups."""
    out: list[Any] = []
    index = 0
    while index < len(entries):
        size = draw(st.integers(1, len(entries) - index))
        run = entries[index : index + size]
        index += size
        if depth < 3 and draw(st.booleans()):
            number = draw(st.integers(0, 10**6))
            assume(all(e["id"] != f"group {number}" for e in entries))
            out.append({"id": f"group {number}", "tasks": _grouped(draw, run, depth + 1)})
        else:
            out.extend(run)
    return out


@SOME
@given(mspdi_plans())
def test_round_trip_keeps_random_plans(data: dict[str, Any]) -> None:
    round_trip(data)


@SOME
@given(mspdi_plans(groups=True))
def test_round_trip_keeps_random_plans_with_groups(data: dict[str, Any]) -> None:
    try:
        from_dict(data)
    except InputError:  # a duplicate group id drawn twice
        assume(False)
    round_trip(data)


# --- Reading: groups, estimates, calendars, warnings ----------------------------------------


def test_summary_tasks_become_groups_nested_by_outline_level() -> None:
    body = "".join(
        [
            "<Task><UID>0</UID><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>",
            "<Task><UID>1</UID><Name>Phase</Name><OutlineLevel>1</OutlineLevel>"
            "<Summary>1</Summary><Duration>PT24H0M0S</Duration></Task>",
            task(2, "<OutlineLevel>2</OutlineLevel>"),
            "<Task><UID>3</UID><OutlineLevel>2</OutlineLevel><Summary>1</Summary></Task>",
            task(4, "<OutlineLevel>3</OutlineLevel>"),
            task(5, f"<OutlineLevel>1</OutlineLevel>{link(1, 3, 2400)}"),
            task(6, "<OutlineLevel>1</OutlineLevel><Summary>1</Summary>"),  # no subtasks: a task
        ]
    )
    plan, warnings = read_mspdi(project(body))
    assert warnings == []
    assert plan["tasks"] == [
        {
            "id": "1",
            "name": "Phase",
            "tasks": [
                {"id": "2", "duration": 1.0},
                {"id": "3", "tasks": [{"id": "4", "duration": 1.0}]},
            ],
        },
        {"id": "5", "duration": 1.0, "depends_on": [{"task": "1", "type": "SS", "lag": 0.5}]},
        {"id": "6", "duration": 1.0},
    ]


def test_pert_estimates_in_duration1_to_3() -> None:
    def estimates(values: tuple[str, str, str], duration: str) -> str:
        fields = "".join(
            f"<ExtendedAttribute><FieldID>{188743783 + i}</FieldID><Value>{v}"
            "</Value></ExtendedAttribute>"
            for i, v in enumerate(values)
        )
        return task(1, fields, duration)

    plan, warnings = read_mspdi(
        project(estimates(("PT8H0M0S", "PT16H0M0S", "PT48H0M0S"), "PT20H0M0S"))
    )
    assert plan["tasks"] == [{"id": "1", "optimistic": 1.0, "most_likely": 2.0, "pessimistic": 6.0}]
    assert warnings == []
    plan, warnings = read_mspdi(
        project(estimates(("PT8H0M0S", "PT16H0M0S", "PT48H0M0S"), "PT8H0M0S"))
    )  # not their mean: Duration
    assert plan["tasks"] == [{"id": "1", "duration": 1.0}]
    assert warnings[0].startswith("Duration1-3 (PERT estimates) are ignored")


def calendar_project(calendars: str, head: str = "") -> str:
    return project(
        task(1),
        "<StartDate>2027-03-01T08:00:00</StartDate><CalendarUID>2"
        f"</CalendarUID>{head}<Calendars>{calendars}</Calendars>",
    )


def test_calendar_exceptions_derived_weeks_and_midnight_ends() -> None:
    base = (
        "<Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><WeekDays>"
        "<WeekDay><DayType>7</DayType><DayWorking>1</DayWorking></WeekDay>"
        "<WeekDay><DayType>6</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>"
        "<Exceptions><Exception><TimePeriod><FromDate>2027-04-01T00:00:00</FromDate>"
        "<ToDate>2027-04-03T00:00:00</ToDate></TimePeriod><Type>1</Type>"
        "<DayWorking>0</DayWorking></Exception></Exceptions></Calendar>"
    )
    derived = (
        "<Calendar><UID>2</UID><IsBaseCalendar>0</IsBaseCalendar>"
        "<BaseCalendarUID>1</BaseCalendarUID><WeekDays><WeekDay><DayType>2</DayType>"
        "<DayWorking>0</DayWorking></WeekDay></WeekDays></Calendar>"
    )
    plan, warnings = read_mspdi(calendar_project(derived + base))
    assert warnings == []
    assert plan["calendar"] == {
        "workdays": ["sat", "tue", "wed", "thu"],
        "holidays": [dt.date(2027, 4, 1), dt.date(2027, 4, 2)],
    }


def test_one_warning_per_kind_of_skipped_feature() -> None:
    body = "".join(
        [
            task(1, "<ConstraintType>4</ConstraintType><CalendarUID>3</CalendarUID>"),
            task(2, f"<ConstraintType>2</ConstraintType>{link(1, lag=14400, lag_format=8)}"),
            task(
                3,
                link(2, lag=50, lag_format=19) + "<PredecessorLink><PredecessorUID>9"
                "</PredecessorUID><CrossProject>1</CrossProject></PredecessorLink>",
            ),
            task(4, "<DurationFormat>8</DurationFormat>", "PT24H0M0S"),
        ]
    )
    head = (
        "<Resources><Resource><UID>0</UID></Resource><Resource><UID>1</UID></Resource>"
        "</Resources><Assignments><Assignment><TaskUID>1</TaskUID><ResourceUID>1"
        "</ResourceUID></Assignment></Assignments>"
    )
    plan, warnings = read_mspdi(project(body).replace("</Project>", head + "</Project>"))
    assert [w.rsplit(" (", 1)[0] for w in warnings] == [
        "date constraints (ConstraintType) are ignored: tasks start as soon as possible",
        "task calendars (CalendarUID) are ignored: tasks follow the project calendar",
        "links to tasks of other projects (CrossProject) are skipped",
        "elapsed durations (calendar time) are approximated as working days",
        "elapsed lags (calendar time) are approximated as working days",
        "percent lags are converted with the predecessor's duration",
        "resources are skipped: the plan schedules by links and durations only",
        "resource assignments are skipped",
    ]
    assert warnings[0].endswith("(2 tasks; first: task UID 1)")
    assert [t.get("depends_on") for t in plan["tasks"]] == [
        None,
        [{"task": "1", "type": "FS", "lag": 1.0}],  # 1440 elapsed minutes: a day
        [{"task": "2", "type": "FS", "lag": 0.5}],
        None,
    ]
    assert plan["tasks"][3]["duration"] == 1.0


# --- Bad input ------------------------------------------------------------------------------


def test_xml_that_is_not_mspdi() -> None:
    assert problems_of('<?xml version="1.0"?>\n<APIBusinessObjects/>') == [
        (
            "plan.xml:2:1: APIBusinessObjects: not MS Project XML (MSPDI): the root element is "
            "<APIBusinessObjects> without a namespace; MSPDI files start with "
            '<Project xmlns="http://schemas.microsoft.com/project">',
            2,
        )
    ]
    wrong = problems_of('<Project xmlns="urn:other"><Tasks/></Project>')
    assert "in namespace 'urn:other'" in wrong[0][0]
    assert problems_of("<Project>\n<Tasks>\n</Project>") == [
        ("plan.xml:3:3: (top level): not well-formed XML: mismatched tag", 3)
    ]


def test_entities_are_refused_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE Project [\n<!ENTITY a "aaaaaaaaaa">\n'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
        f"<Project {NS}><Name>&b;</Name></Project>"
    )
    ((message, line),) = problems_of(bomb)
    assert "entity declarations are not allowed" in message
    assert line == 3
    external = (
        f'<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<Project {NS}><Name>&x;</Name></Project>"
    )
    assert "not allowed" in problems_of(external)[0][0]


def test_every_problem_is_reported_with_its_element_and_line() -> None:
    text = project(
        "\n"
        + "\n".join(
            [
                task(1, duration="8 hours"),
                task(2, link(7)),
                task(3, link(1, kind=5)),
                task(2),
                "<Task><Name>no uid</Name></Task>",
                task(
                    4,
                    "<ExtendedAttribute><FieldID>188743783</FieldID><Value>P1M</Value>"
                    "</ExtendedAttribute>",
                    duration="-PT8H",
                ),
            ]
        )
    )
    assert problems_of(text) == [
        ("plan.xml:2:19: Tasks.Task[UID=1].Duration: not a duration like PT8H0M0S: '8 hours'", 2),
        (
            "plan.xml:3:65: Tasks.Task[UID=2].PredecessorLink[0].PredecessorUID: link to a "
            "missing task: no task has UID 7 (UIDs: 1, 2, 3, 4)",
            3,
        ),
        (
            "plan.xml:4:99: Tasks.Task[UID=3].PredecessorLink[0].Type: link type must be 0 (FF), "
            "1 (FS), 2 (SF) or 3 (SS), not 5",
            4,
        ),
        ("plan.xml:5:7: Tasks.Task[UID=2].UID: duplicate UID 2", 5),
        ("plan.xml:6:1: Tasks.Task[4].UID: a task without a UID", 6),
        ("plan.xml:7:19: Tasks.Task[UID=4].Duration: negative duration '-PT8H'", 7),
        (
            "plan.xml:7:92: Tasks.Task[UID=4].ExtendedAttribute.Value: years and months have no "
            "fixed length in a duration: 'P1M'",
            7,
        ),
    ]


def test_bad_project_settings() -> None:
    text = project(task(1), "<StartDate>soon</StartDate><MinutesPerDay>0</MinutesPerDay>")
    assert [m.split(": ", 2)[2] for m, _ in problems_of(text)] == [
        "not a date and time like 2027-03-01T08:00:00: 'soon'",
        "MinutesPerDay must be positive, not 0",
    ]
