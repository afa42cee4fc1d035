"""Named calendars (``calendar: cn``, ``calendar: {base: cn}``): official days off and make-up
working days from the ``holidays`` package, checked against the official notices.

Sources of the dates below:

- China 2026: 国务院办公厅关于2026年部分节假日安排的通知 (the General Office of the State
  Council, November 2025; https://www.gov.cn/gongbao/2025/issue_12406/202511/content_7048922.html,
  the reference the holidays package cites for 2026): 春节 2月15日（周日）至23日（周一）放假调休，
  共9天，2月14日（周六）、2月28日（周六）上班; 国庆节 10月1日（周四）至7日（周三）放假调休，
  共7天，9月20日（周日）、10月10日（周六）上班.
- United States 2026: OPM federal holidays, Thanksgiving Day Thursday 26 November 2026.
- England and Wales: GOV.UK bank holidays, 2026 Boxing Day Monday 28 December (substitute day,
  the 26th being a Saturday); 2027 Christmas Day Monday 27 and Boxing Day Tuesday 28 December
  (substitute days).
- Hong Kong 2026: general holidays (Gazette), Lunar New Year's Day Tuesday 17 February, the
  second and third days 18 and 19 February.

March 2026 is not used; February 2026 for hand-checking::

    Mo Tu We Th Fr Sa Su
                       1
     2  3  4  5  6  7  8
     9 10 11 12 13 14 15
    16 17 18 19 20 21 22
    23 24 25 26 27 28
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.locale import using
from mgmt_tools.pert import dump, from_dict, loads, schedule
from mgmt_tools.pert.calendar import WorkCalendar
from mgmt_tools.pert.gantt_mermaid import gantt_mermaid
from mgmt_tools.pert.holidays import NAMES, named
from mgmt_tools.pert.model import WEEKDAYS, CalendarName

WEEK = ("mon", "tue", "wed", "thu", "fri")
TASK = {"id": "A", "duration": 1}
CN_LAST = named("cn").years[1]


def worked(calendar: WorkCalendar, first: str, last: str) -> list[str]:
    """The working days from ``first`` to ``last``."""
    start = calendar.offset_of(dt.date.fromisoformat(first) - dt.timedelta(days=1))
    end = calendar.offset_of(dt.date.fromisoformat(last))
    return WorkCalendar.iso(calendar.day(np.arange(int(start), int(end))))


def dates(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    result = schedule(from_dict(data)).to_dict()
    return {task["id"]: (task["start_date"], task["finish_date"]) for task in result["tasks"]}


def test_the_names_are_the_schemas() -> None:
    assert CalendarName.__origin__.__args__ == NAMES  # type: ignore[attr-defined]


def test_cn_covers_the_noticed_years_from_2001() -> None:
    first, last = named("cn").years
    assert first == 2001  # the package checks China against the notices from 2001
    assert last >= 2026  # holidays 0.109 has the 2026 notice (and not yet 2027's)


def test_spring_festival_2026_days_off_and_make_up_days() -> None:
    calendar = WorkCalendar(dt.date(2026, 2, 9), WEEK, base="cn")
    assert worked(calendar, "2026-02-09", "2026-03-01") == [
        "2026-02-09",
        "2026-02-10",
        "2026-02-11",
        "2026-02-12",
        "2026-02-13",
        "2026-02-14",  # Saturday, worked
        # 15 to 23 off: the Spring Festival
        "2026-02-24",
        "2026-02-25",
        "2026-02-26",
        "2026-02-27",
        "2026-02-28",  # Saturday, worked
    ]


def test_national_day_2026() -> None:
    calendar = WorkCalendar(dt.date(2026, 9, 14), WEEK, base="cn")
    days = worked(calendar, "2026-09-19", "2026-10-11")
    assert "2026-09-20" in days  # Sunday, worked
    assert "2026-10-10" in days  # Saturday, worked
    assert not [day for day in days if "2026-10-01" <= day <= "2026-10-07"]
    assert "2026-09-25" not in days  # Mid-Autumn Festival, Friday 25 September
    assert days[-1] == "2026-10-10"


def test_a_plan_across_the_spring_festival_finishes_a_week_later() -> None:
    plan: dict[str, Any] = {
        "start": "2026-02-09",
        "tasks": [{"id": "A", "duration": 4}, {"id": "B", "duration": 6, "depends_on": ["A"]}],
    }
    assert dates(plan) == {"A": ("2026-02-09", "2026-02-12"), "B": ("2026-02-13", "2026-02-20")}
    # six weekdays off (16 to 20, 23), one Saturday worked (14): five working days later
    assert dates({**plan, "calendar": "cn"}) == {
        "A": ("2026-02-09", "2026-02-12"),
        "B": ("2026-02-13", "2026-02-27"),
    }
    result = schedule(from_dict({**plan, "calendar": {"base": "CN"}}))
    assert result.finish_date == "2026-02-27"


def test_own_holidays_and_extra_workdays_win_over_the_base() -> None:
    plan = {
        "start": "2026-02-09",
        "calendar": {
            "base": "cn",
            "holidays": ["2026-02-14", "2026-02-10"],  # the team skips the make-up Saturday
            "extra_workdays": ["2026-02-21", "2026-02-20"],  # and works Sat 21 and Fri 20
        },
        "tasks": [{"id": "A", "duration": 10}],
    }
    # 9, 11, 12, 13, 20, 21, 24, 25, 26, 27
    assert dates(plan) == {"A": ("2026-02-09", "2026-02-27")}
    plan["tasks"] = [{"id": "A", "duration": 6}]  # 9, 11, 12, 13, 20, 21
    assert dates(plan) == {"A": ("2026-02-09", "2026-02-21")}


def test_a_day_both_holiday_and_extra_workday_is_refused() -> None:
    text = (
        "start: 2026-02-09\n"
        "calendar:\n"
        "  holidays: [2026-02-14]\n"
        "  extra_workdays: [2026-02-21, 2026-02-14]\n"
        "tasks: [{id: A, duration: 1}]\n"
    )
    with pytest.raises(InputError) as caught:
        loads(text, source="plan.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.yaml:4:32: calendar.extra_workdays[1]: "
        "2026-02-14 is both a holiday and an extra working day"
    ]


def test_a_plan_past_the_noticed_years_is_refused() -> None:
    text = f"start: {CN_LAST}-12-01\ncalendar: cn\ntasks: [{{id: A, duration: 40}}]\n"
    with pytest.raises(InputError) as caught:
        schedule(loads(text, source="plan.yaml"))
    (problem,) = caught.value.problems
    assert str(problem).startswith(
        f"plan.yaml:2:11: calendar: calendar cn covers 2001–{CN_LAST}; the plan reaches "
        f"{CN_LAST + 1} (finish {CN_LAST + 1}-01-"
    )
    with using("zh"), pytest.raises(InputError) as caught:
        schedule(loads(text, source="plan.yaml"))
    assert f"日历 cn 覆盖 2001–{CN_LAST} 年；计划延续至 {CN_LAST + 1} 年" in str(caught.value)
    # within the years: the same plan 30 working days long
    short = text.replace("duration: 40", "duration: 15")
    assert schedule(loads(short)).finish_date is not None


def test_a_plan_before_2001_or_a_deadline_outside_is_refused() -> None:
    with pytest.raises(InputError, match=r"calendar cn covers 2001–.*; the plan starts in 2000"):
        schedule(from_dict({"start": "2000-12-01", "calendar": "cn", "tasks": [TASK]}))
    plan: dict[str, object] = {"start": "2026-03-02", "calendar": "cn", "deadline": "2099-01-01"}
    plan["tasks"] = [{"id": "A", "duration": 2}]
    with pytest.raises(InputError, match="the deadline 2099-01-01 is outside them") as caught:
        schedule(from_dict(plan))
    assert caught.value.problems[0].path == ("deadline",)


def test_an_unknown_name_names_the_known_ones() -> None:
    with pytest.raises(InputError) as caught:
        loads("start: 2026-03-02\ncalendar: xx\ntasks: [{id: A}]\n", source="plan.yaml")
    message = str(caught.value)
    assert "plan.yaml:2:11: calendar" in message
    assert "cn, us, gb, gb-sct, gb-nir, hk" in message
    with pytest.raises(ValueError, match="unknown calendar 'xx'"):
        named("xx")


@pytest.mark.parametrize(
    ("name", "start", "off"),
    [
        ("us", "2026-11-23", ["2026-11-26"]),  # Thanksgiving Day
        ("gb", "2026-12-21", ["2026-12-25", "2026-12-28", "2027-01-01"]),  # Boxing Day sub.
        ("gb", "2027-12-20", ["2027-12-27", "2027-12-28"]),  # both substitute days
        ("gb-sct", "2026-12-28", ["2026-12-28", "2027-01-01", "2027-01-04"]),  # 2 Jan sub.
        ("hk", "2026-02-16", ["2026-02-17", "2026-02-18", "2026-02-19"]),  # Lunar New Year
    ],
)
def test_other_countries(name: str, start: str, off: list[str]) -> None:
    first = dt.date.fromisoformat(start)
    calendar = WorkCalendar(first, WEEK, base=name)
    last = (first + dt.timedelta(days=13)).isoformat()
    days = worked(calendar, start, last)
    plain = worked(WorkCalendar(first, WEEK), start, last)
    assert sorted(set(plain) - set(days)) == off
    assert set(days) <= set(plain)  # no make-up days outside China


def test_other_countries_cover_the_package_years() -> None:
    assert named("us").years == (1777, 2100)
    assert named("gb").years[1] == named("hk").years[1] == 2100


def test_the_calendar_round_trips() -> None:
    plan = from_dict({"start": "2026-02-09", "calendar": "cn", "tasks": [TASK]})
    assert "calendar: cn\n" in dump(plan)
    assert loads(dump(plan)) == plan
    mapping = {"base": "cn", "extra_workdays": ["2026-02-21"]}
    plan = from_dict({"start": "2026-02-09", "calendar": mapping, "tasks": [TASK]})
    text = dump(plan)
    assert "  base: cn\n" in text
    assert "  extra_workdays:\n  - '2026-02-21'\n" in text
    assert loads(text) == plan
    assert plan.calendar_base == "cn"
    assert plan.extra_workdays == (dt.date(2026, 2, 21),)


def test_ms_project_gets_the_base_days_as_exceptions() -> None:
    from mgmt_tools.pert.mspdi import read_mspdi, to_mspdi

    plan = from_dict(
        {
            "start": "2026-02-09",
            "calendar": {"base": "cn", "extra_workdays": ["2026-02-21"]},
            "tasks": [{"id": "A", "duration": 10}],
        }
    )
    result = schedule(plan)
    xml = to_mspdi(result)
    assert "<DayWorking>1</DayWorking><WorkingTimes>" in xml.replace("\n", "").replace(" ", "")
    data, warnings = read_mspdi(xml)
    assert warnings == []
    calendar = data["calendar"]
    assert dt.date(2026, 2, 16) in calendar["holidays"]
    assert dt.date(2026, 2, 21) not in calendar["holidays"]
    # up to the finish (26 February): the make-up Saturday 14 and the own Saturday 21
    assert calendar["extra_workdays"] == [dt.date(2026, 2, 14), dt.date(2026, 2, 21)]
    again = schedule(from_dict(data))
    assert again.finish_date == result.finish_date == "2026-02-26"


def test_mermaid_excludes_the_days_off_and_includes_the_make_up_days() -> None:
    plan = {"start": "2026-02-09", "calendar": "cn", "tasks": [{"id": "A", "duration": 10}]}
    text = gantt_mermaid(schedule(from_dict(plan)))
    assert (
        "    excludes saturday, sunday, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, "
        "2026-02-20, 2026-02-23\n    includes 2026-02-14\n"
    ) in text


def test_the_list_of_working_days_agrees_with_a_day_by_day_walk() -> None:
    """Dates come from an explicit list of working days (numpy's busday_offset looks holidays
    up one by one); walking the calendar one day at a time gives the same days: the plan's
    own days win over the base's (docs/formats/)."""
    week = ("sun", "mon", "tue", "wed", "thu")
    own_off, own_worked = (dt.date(2003, 5, 5),), (dt.date(2001, 1, 5), dt.date(2010, 2, 20))
    calendar = WorkCalendar(dt.date(2001, 1, 1), week, own_off, own_worked, "cn")
    numbers = np.random.default_rng(7).integers(0, 6000, 50_000)
    listed = calendar.day(numbers)
    base_off, base_worked = named("cn").days(2001, 2026)
    off = (set(base_off) - set(own_worked)) | set(own_off)
    worked = (set(base_worked) - set(own_off)) | set(own_worked)
    walked: list[dt.date] = []
    day = dt.date(2001, 1, 1)
    while len(walked) <= 6000:
        if day in worked or (day not in off and WEEKDAYS[day.weekday()] in week):
            walked.append(day)
        day += dt.timedelta(days=1)
    assert (listed == np.array(walked, dtype="datetime64[D]")[numbers]).all()
    assert str(calendar.day([0])[0]) == "2001-01-02"  # Monday 1 is New Year's Day
    assert calendar.offset_of(dt.date(2001, 1, 5)) == 4.0  # Tue 2 to Thu 4, Fri 5 worked


def test_working_days_past_year_9999_count_on_by_the_week() -> None:
    # Past the list (it ends at 9999-12-31) only the working week is left: Fri 9999-12-31 is
    # a holiday, Thu 30 an extra working day (a Thursday off the week), Mon 10000-01-03 next.
    week = ("mon", "tue", "wed", "fri")
    calendar = WorkCalendar(
        dt.date(9999, 12, 27), week, (dt.date(9999, 12, 31),), (dt.date(9999, 12, 30),)
    )
    days = calendar.day([5, 0, 4, 3, 6, 9])
    assert WorkCalendar.iso(days) == [
        "10000-01-04",
        "9999-12-27",
        "10000-01-03",
        "9999-12-30",
        "10000-01-05",
        "10000-01-11",  # Thu 6 off the week, Fri 7 and Mon 10 worked
    ]
    assert calendar.last_day() == 3


def test_a_million_offsets_stay_fast() -> None:
    import time

    calendar = WorkCalendar(dt.date(2026, 1, 5), WEEK, base="cn")
    calendar.day([0])  # the package's import and the first year
    numbers = np.random.default_rng(1).integers(0, 250, 1_000_000)
    began = time.perf_counter()
    calendar.day(numbers)
    assert time.perf_counter() - began < 2.0  # about 0.02 s; numpy's busday_offset: 10 s


def test_last_day_does_not_depend_on_what_was_computed_before() -> None:
    # The last working day before 10000 counts the base's days over every year it covers:
    # the weekdays from working day 0, less its weekday days off, plus its make-up days.
    # It once counted only the years resolved so far (one value fresh, another after day()).
    start = dt.date(2010, 1, 4)  # a Monday, not a holiday
    high = named("cn").years[1]
    off, worked = named("cn").days(start.year, high)  # 2010-01-01 (a Friday) is before start
    weekdays = np.busday_count(np.datetime64(start), np.datetime64("10000-01-01"))
    off_weekdays = sum(day >= start and day.weekday() < 5 for day in off)
    expected = int(weekdays) - off_weekdays + len(worked) - 1
    fresh = WorkCalendar(start, base="cn")
    used = WorkCalendar(start, base="cn")
    used.day([4000])
    assert used.last_day() == fresh.last_day() == expected
