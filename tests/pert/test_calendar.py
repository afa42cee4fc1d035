"""Working-day calendars (docs/formats, pert, "Calendar"): offsets to dates and date deadlines.

March 2027, for hand-checking every date below::

    Mo Tu We Th Fr Sa Su
     1  2  3  4  5  6  7
     8  9 10 11 12 13 14
    15 16 17 18 19 20 21
    22 23 24 25 26 27 28
    29 30 31

Working day 0 is the first working day on or after start; a task on [s, s+d) starts on working
day floor(s) and finishes on working day ceil(s+d)-1; a milestone at s is dated working day
ceil(s)-1, and working day 0 at offset 0; a date deadline D is the number of working days from
start up to and including D.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.pert import from_dict, schedule
from mgmt_tools.pert.calendar import WorkCalendar

SUN_TO_THU = ("sun", "mon", "tue", "wed", "thu")


def dates(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """(start_date, finish_date) of each task of the scheduled plan, by id."""
    result = schedule(from_dict(data)).to_dict()
    return {task["id"]: (task["start_date"], task["finish_date"]) for task in result["tasks"]}


def chain(*durations: float, **settings: Any) -> dict[str, Any]:
    """Tasks A, B, C, ... each finish-to-start after the one before."""
    tasks: list[dict[str, Any]] = []
    for number, duration in enumerate(durations):
        task: dict[str, Any] = {"id": chr(ord("A") + number), "duration": duration}
        if number:
            task["depends_on"] = [tasks[-1]["id"]]
        tasks.append(task)
    return {**settings, "tasks": tasks}


def test_the_formats_md_example_dates() -> None:
    plan = {
        "start": "2027-03-01",
        "tasks": [
            {"id": "A", "duration": 3},
            {"id": "B", "optimistic": 2, "most_likely": 4, "pessimistic": 9, "depends_on": ["A"]},
            {
                "id": "C",
                "duration": 2,
                "depends_on": [{"task": "B", "type": "SS", "lag": 1}, "A FF+2"],
            },
            {"id": "M", "milestone": True, "depends_on": ["B", "C"]},
        ],
    }
    result = schedule(from_dict(plan)).to_dict()
    # A [0, 3): days 0..2 = Mon 1 .. Wed 3.  B [3, 7.5): day 3 Thu 4 .. day ceil(7.5)-1 = 7,
    # counting Mon 1 = 0 ... Fri 5 = 4, Mon 8 = 5, Tue 9 = 6, Wed 10 = 7.  C [4, 6): day 4 Fri 5
    # .. day 5 Mon 8.  M at 7.5: day ceil(7.5)-1 = 7, Wed 10.  The project: Mon 1 .. Wed 10.
    assert (result["start_date"], result["finish_date"]) == ("2027-03-01", "2027-03-10")
    assert {task["id"]: (task["start_date"], task["finish_date"]) for task in result["tasks"]} == {
        "A": ("2027-03-01", "2027-03-03"),
        "B": ("2027-03-04", "2027-03-10"),
        "C": ("2027-03-05", "2027-03-08"),
        "M": ("2027-03-10", "2027-03-10"),
    }


def test_a_one_day_task_finishes_on_the_day_it_starts() -> None:
    # Mon 1 is working day 0; [0, 1) starts on day 0 and finishes on day ceil(1)-1 = 0.
    assert dates(chain(1, start="2027-03-01")) == {"A": ("2027-03-01", "2027-03-01")}


def test_a_start_on_a_weekend_moves_forward() -> None:
    # Sat 6 is not a working day: working day 0 is Mon 8. A [0, 2): Mon 8 .. Tue 9;
    # B [2, 3): day 2, Wed 10.
    assert dates(chain(2, 1, start="2027-03-06")) == {
        "A": ("2027-03-08", "2027-03-09"),
        "B": ("2027-03-10", "2027-03-10"),
    }
    result = schedule(from_dict(chain(2, 1, start="2027-03-06"))).to_dict()
    assert result["start_date"] == "2027-03-08"
    assert WorkCalendar(dt.date(2027, 3, 7)).first_day == np.datetime64("2027-03-08")  # Sun


def test_a_start_on_a_holiday_moves_forward() -> None:
    # Mon 5 April is a holiday (and Sat 3, Sun 4 a weekend): working day 0 is Tue 6 April.
    plan = chain(1, start="2027-04-03", calendar={"holidays": ["2027-04-05"]})
    assert dates(plan) == {"A": ("2027-04-06", "2027-04-06")}


def test_holidays_are_skipped() -> None:
    # Wed 3 is a holiday: working days Mon 1 = 0, Tue 2 = 1, Thu 4 = 2, Fri 5 = 3, Mon 8 = 4.
    # A [0, 3): Mon 1 .. Thu 4. B [3, 5): Fri 5 .. Mon 8.
    plan = chain(3, 2, start="2027-03-01", calendar={"holidays": ["2027-03-03"]})
    assert dates(plan) == {
        "A": ("2027-03-01", "2027-03-04"),
        "B": ("2027-03-05", "2027-03-08"),
    }


def test_a_holiday_on_a_weekend_changes_nothing() -> None:
    # Sat 6 is no working day anyway: A [0, 6) is Mon 1 .. Fri 5, Mon 8.
    plain = dates(chain(6, start="2027-03-01"))
    assert plain == {"A": ("2027-03-01", "2027-03-08")}
    assert dates(chain(6, start="2027-03-01", calendar={"holidays": ["2027-03-06"]})) == plain


def test_a_sunday_to_thursday_week() -> None:
    # Working week Sun..Thu; a start on Fri 5 moves to Sun 7 (day 0). A [0, 5): Sun 7 .. Thu 11.
    # B [5, 6): day 5 is Sun 14 (Fri 12 and Sat 13 are the weekend).
    plan = chain(5, 1, start="2027-03-05", calendar={"workdays": list(SUN_TO_THU)})
    assert dates(plan) == {
        "A": ("2027-03-07", "2027-03-11"),
        "B": ("2027-03-14", "2027-03-14"),
    }
    calendar = WorkCalendar(dt.date(2027, 3, 5), SUN_TO_THU)
    assert WorkCalendar.iso(calendar.day([0, 4, 5, 9, 10])) == [
        "2027-03-07",
        "2027-03-11",
        "2027-03-14",
        "2027-03-18",
        "2027-03-21",
    ]


def test_fractional_offsets_floor_the_start_and_ceil_the_finish() -> None:
    # A [0, 1.5): day 0 Mon 1 .. day ceil(1.5)-1 = 1, Tue 2.
    # B [1.5, 2.5): day floor(1.5) = 1 Tue 2 .. day ceil(2.5)-1 = 2, Wed 3.
    # C [2.5, 3): day 2 Wed 3 .. day ceil(3)-1 = 2, Wed 3.
    # D [3, 4.5): day 3 Thu 4 .. day ceil(4.5)-1 = 4, Fri 5.
    # E [4.5, 5.5): day 4 Fri 5 .. day ceil(5.5)-1 = 5, Mon 8 (over the weekend).
    assert dates(chain(1.5, 1, 0.5, 1.5, 1, start="2027-03-01")) == {
        "A": ("2027-03-01", "2027-03-02"),
        "B": ("2027-03-02", "2027-03-03"),
        "C": ("2027-03-03", "2027-03-03"),
        "D": ("2027-03-04", "2027-03-05"),
        "E": ("2027-03-05", "2027-03-08"),
    }


def test_offsets_within_the_tolerance_of_a_whole_day_count_as_that_day() -> None:
    # 0.1 + 2.7 + 0.2 adds up to 3.0000000000000004 in floating point: C finishes at offset
    # 3 (docs/formats, Tolerance), day ceil(3)-1 = 2, Wed 3, not Thu 4. D starts at 3: Thu 4.
    assert dates(chain(0.1, 2.7, 0.2, 1, start="2027-03-01"))["C"][1] == "2027-03-03"
    assert dates(chain(0.1, 2.7, 0.2, 1, start="2027-03-01"))["D"] == ("2027-03-04", "2027-03-04")
    # Ten tasks of 0.1 end at 0.9999999999999999, which is offset 1: K starts on day 1, Tue 2.
    tenths = chain(*[0.1] * 10, 1, start="2027-03-01")
    assert dates(tenths)["K"] == ("2027-03-02", "2027-03-02")


def test_a_milestone_is_dated_the_day_its_predecessors_finish() -> None:
    # A [0, 3) finishes on day 2, Wed 3; the milestone M at offset 3 is dated day ceil(3)-1 = 2.
    plan = {
        "start": "2027-03-01",
        "tasks": [
            {"id": "A", "duration": 3},
            {"id": "M", "milestone": True, "depends_on": ["A"]},
            {"id": "B", "duration": 1, "depends_on": ["M"]},
        ],
    }
    got = dates(plan)
    assert got["A"][1] == "2027-03-03"
    assert got["M"][1] == "2027-03-03"
    assert got["B"] == ("2027-03-04", "2027-03-04")  # B [3, 4): Thu 4


def test_a_milestone_starts_on_the_day_it_is_dated() -> None:
    # M at offset 3 is dated day 2, Wed 3: both its start and its finish date.
    plan = {
        "start": "2027-03-01",
        "tasks": [
            {"id": "A", "duration": 3},
            {"id": "M", "milestone": True, "depends_on": ["A"]},
        ],
    }
    assert dates(plan)["M"] == ("2027-03-03", "2027-03-03")


def test_a_milestone_at_offset_zero_is_working_day_zero() -> None:
    # Start Sat 6 moves to Mon 8 = day 0; a milestone at 0 is dated day 0 (not day -1, Fri 5).
    plan = {
        "start": "2027-03-06",
        "tasks": [{"id": "M", "milestone": True}, {"id": "A", "duration": 2}],
    }
    assert dates(plan) == {"M": ("2027-03-08", "2027-03-08"), "A": ("2027-03-08", "2027-03-09")}


def test_a_milestone_at_a_fractional_offset() -> None:
    # A [0, 2.5) ends on day ceil(2.5)-1 = 2, Wed 3; M at 2.5 is dated day 2, Wed 3.
    plan = {
        "start": "2027-03-01",
        "tasks": [
            {"id": "A", "duration": 2.5},
            {"id": "M", "duration": 0, "depends_on": ["A"]},
        ],
    }
    assert dates(plan) == {"A": ("2027-03-01", "2027-03-03"), "M": ("2027-03-03", "2027-03-03")}


@pytest.mark.parametrize(
    ("start", "holidays", "deadline", "offset"),
    [
        # Mon 1 .. Fri 12: ten working days (end of Fri 12 is offset 10).
        ("2027-03-01", [], "2027-03-12", 10.0),
        # Sat 13 and Sun 14 add none.
        ("2027-03-01", [], "2027-03-14", 10.0),
        # The start day itself: the end of Mon 1 is offset 1.
        ("2027-03-01", [], "2027-03-01", 1.0),
        # A holiday on Wed 3 leaves nine.
        ("2027-03-01", ["2027-03-03"], "2027-03-12", 9.0),
        # A start on Sat 6 counts from Mon 8: Mon 8 .. Wed 10 is three.
        ("2027-03-06", [], "2027-03-10", 3.0),
        # The weekend before the first working day: nothing has been worked yet.
        ("2027-03-06", [], "2027-03-07", 0.0),
    ],
)
def test_a_date_deadline_is_the_end_of_that_day(
    start: str, holidays: list[str], deadline: str, offset: float
) -> None:
    calendar = WorkCalendar(
        dt.date.fromisoformat(start), holidays=tuple(dt.date.fromisoformat(day) for day in holidays)
    )
    assert calendar.offset_of(dt.date.fromisoformat(deadline)) == offset


def test_a_date_deadline_in_the_result() -> None:
    # te = (6 + 4 * 10 + 14) / 6 = 10: the mean finish is offset 10, the end of Fri 12, so a
    # deadline of Fri 12 is met with probability 0.5, and one of Thu 11 (offset 9) with less.
    plan: dict[str, Any] = {
        "start": "2027-03-01",
        "deadline": "2027-03-12",
        "tasks": [{"id": "A", "optimistic": 6, "most_likely": 10, "pessimistic": 14}],
    }
    result = schedule(from_dict(plan)).to_dict()
    assert result["finish_date"] == "2027-03-12"
    assert result["pert"]["deadline"] == 10.0
    assert result["pert"]["probability"] == pytest.approx(0.5)
    earlier = schedule(from_dict(plan), deadline=dt.date(2027, 3, 11)).to_dict()
    assert earlier["pert"]["deadline"] == 9.0
    assert earlier["pert"]["probability"] < 0.5
    # Sunday-to-Thursday week from Sun 7: Sun 7 .. Thu 11, Sun 14 .. Tue 16 is eight days.
    week = {
        **plan,
        "start": "2027-03-07",
        "deadline": "2027-03-16",
        "calendar": {"workdays": list(SUN_TO_THU)},
    }
    assert schedule(from_dict(week)).to_dict()["pert"]["deadline"] == 8.0


def test_a_number_deadline_stays_a_number() -> None:
    plan = {
        "start": "2027-03-01",
        "deadline": 12,
        "tasks": [{"id": "A", "optimistic": 6, "most_likely": 10, "pessimistic": 14}],
    }
    assert schedule(from_dict(plan)).to_dict()["pert"]["deadline"] == 12.0


def test_no_dates_without_start() -> None:
    result = schedule(from_dict(chain(1, 2))).to_dict()
    assert "start_date" not in result
    assert all("start_date" not in task and "finish_date" not in task for task in result["tasks"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": "2027-03-01", "units": "weeks"}, "units must be days when start is set"),
        ({"calendar": {"holidays": ["2027-03-03"]}}, "a calendar needs start"),
        ({"deadline": "2027-03-03"}, "a date deadline needs start"),
        ({"start": "2027-03-08", "deadline": "2027-03-03"}, "is before start"),
        ({"start": "2027-03-08", "calendar": {"workdays": []}}, "no working day"),
        (
            {"start": "2027-03-08", "calendar": {"workdays": ["mon", "fri", "funday"]}},
            "calendar.workdays[2]",
        ),
    ],
)
def test_calendar_settings_that_cannot_work(data: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError) as caught:
        from_dict({**data, "tasks": [{"id": "A", "duration": 1}]})
    assert message in str(caught.value)


# --- Extra working days (调休: days off of the week that are worked) --------------------------


def test_an_extra_working_day_is_worked() -> None:
    plan = chain(6, start="2027-03-01", calendar={"extra_workdays": ["2027-03-06"]})
    assert dates(plan) == {"A": ("2027-03-01", "2027-03-06")}  # Saturday 6 worked
    assert dates(chain(6, start="2027-03-01")) == {"A": ("2027-03-01", "2027-03-08")}


def test_a_start_on_an_extra_working_day_is_working_day_0() -> None:
    calendar = WorkCalendar(dt.date(2027, 3, 6), extra_workdays=(dt.date(2027, 3, 6),))
    assert WorkCalendar.iso(calendar.day([0, 1, 2])) == ["2027-03-06", "2027-03-08", "2027-03-09"]
    assert calendar.offset_of(dt.date(2027, 3, 6)) == 1.0
    assert calendar.offset_of(dt.date(2027, 3, 7)) == 1.0
    assert calendar.offset_of(dt.date(2027, 3, 5)) == 0.0


def test_deadlines_count_the_extra_working_days() -> None:
    calendar = WorkCalendar(
        dt.date(2027, 3, 8), extra_workdays=(dt.date(2027, 3, 6), dt.date(2027, 3, 13))
    )
    assert calendar.offset_of(dt.date(2027, 3, 13)) == 6.0  # 8 to 12, and Saturday 13
    assert calendar.offset_of(dt.date(2027, 3, 12)) == 5.0
    # before the start: minus the working days from the day after the deadline to day 0
    assert calendar.offset_of(dt.date(2027, 3, 5)) == -1.0  # Saturday 6 worked
    assert calendar.offset_of(dt.date(2027, 3, 6)) == 0.0


def test_extra_working_days_on_another_week_and_with_holidays() -> None:
    calendar = WorkCalendar(
        dt.date(2027, 3, 4),  # a Thursday
        SUN_TO_THU,
        holidays=(dt.date(2027, 3, 7),),
        extra_workdays=(dt.date(2027, 3, 5), dt.date(2027, 3, 10)),  # a Friday; a Wednesday
    )
    days = WorkCalendar.iso(calendar.day([0, 1, 2, 3, 4]))
    assert days == ["2027-03-04", "2027-03-05", "2027-03-08", "2027-03-09", "2027-03-10"]
    assert calendar.days_off(dt.date(2027, 3, 1), dt.date(2027, 3, 31)) == (
        [dt.date(2027, 3, 7)],
        [dt.date(2027, 3, 5)],  # Wednesday 10 is a working day already
    )


def test_extra_working_days_agree_with_a_day_by_day_count() -> None:
    """Against the definition: every day, working when its weekday is worked and it is not a
    holiday, or when it is an extra working day."""
    rng = np.random.default_rng(3)
    start = dt.date(2027, 1, 1)
    span = [start + dt.timedelta(days=k) for k in range(400)]
    holidays = tuple(day for day in span if rng.random() < 0.05)
    extra = tuple(day for day in span if rng.random() < 0.1 and day not in holidays)
    calendar = WorkCalendar(start, SUN_TO_THU, holidays, extra)
    expected = [
        day
        for day in span
        if day in extra or (day.strftime("%a").lower() in SUN_TO_THU and day not in holidays)
    ]
    count = len(expected) - 5
    assert WorkCalendar.iso(calendar.day(np.arange(count))) == [
        day.isoformat() for day in expected[:count]
    ]
    for number, day in enumerate(expected[:count]):
        assert calendar.offset_of(day) == number + 1
