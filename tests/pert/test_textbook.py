"""Published worked examples of CPM / PERT / PDM scheduling, checked against ``mgmt_tools.pert``.

Every expected number below is a number the cited source prints (converted only where the
source's convention differs from docs/formats, and then the conversion is spelled out next to
the test). Sources:

1. Heizer, J. & Render, B., *Operations Management* (Pearson), ch. 3 "Project Management",
   Milwaukee Paper Manufacturing: Table 3.2 (activities), the forward/backward pass examples and
   the schedule/slack table (ES/EF/LS/LF/slack); PERT three time estimates, project variance, the
   probability of finishing within 16 weeks and the 99 % due date.
2. Hillier, F. S. & Lieberman, G. J., *Introduction to Operations Research* (McGraw-Hill), chapter
   "Project Management with PERT/CPM", Reliable Construction Co. example: slack table and the PERT
   three-estimate approach, P(T <= 47 weeks).
3. Taylor, B. W., *Introduction to Management Science* (Pearson), Instructor's Solutions Manual,
   ch. 8 "Project Management", the first two activity-on-arrow solution tables (pages 114 and 115
   of the manual; copy at https://ar.scribd.com/doc/47113515/TaylCh08).
4. SAS Institute, *SAS/OR User's Guide: Project Management*, PROC CPM "Getting Started" software
   development project (schedule INTRO1, reprinted as Figure 6.1 / 8.1 of the PROC GANTT chapter,
   https://support.sas.com/documentation/cdl/en/orpmug/67521/HTML/default/orpmug_gantt_gettingstarted.htm):
   two tied critical paths, total and free float.
5. Precedence-diagramming video worked examples (tables as transcribed in the public test file
   ``src/schedule/tests/test_schedule.py`` of github.com/neoneye/PlanExe):
   Engineer4Free, "Difficult network diagram example with lag solved"
   (https://www.youtube.com/watch?v=qTErIV6OqLg) -- FS+2, SS, SS+1, SF+3, FF+3, SF+2;
   J. Marion, "Lags Part 1" (https://www.youtube.com/watch?v=nhRTJBQ1NPM) -- FS+5, SS+3;
   J. Marion, "Lags Part 2" (https://www.youtube.com/watch?v=lQtpnHzvTT8) -- SF+7, FF+3;
   J. Emmanuel, "Project Scheduling - PERT/CPM | Finding Critical Path"
   (https://www.youtube.com/watch?v=-TDh-5n90vk) -- two start and two end activities.
6. Wikipedia, "Program evaluation and review technique", section "Implementation" (seven-task
   example, expected times printed to two decimals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

from mgmt_tools.pert import from_dict, schedule

# (es, ef, ls, lf, total_float) per task id
Row = tuple[float, float, float, float, float]
# AOA arrows (tail, head, time), printed table, project duration, critical path
TaylorCase = tuple[list[tuple[int, int, float]], dict[str, Row], float, list[str]]
# tasks (id, duration, links), printed table, project duration, critical path
VideoCase = tuple[list[tuple[str, float, list[Any]]], dict[str, Row], float, list[str]]


def _run(plan: dict[str, Any], deadline: float | None = None) -> dict[str, Any]:
    parsed = from_dict(plan)
    result = schedule(parsed) if deadline is None else schedule(parsed, deadline=deadline)
    out: dict[str, Any] = result.to_dict()
    return out


def _tasks(d: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in d["tasks"]}


def _assert_table(d: dict[str, Any], expected: Mapping[str, Row], tol: float = 1e-9) -> None:
    tasks = _tasks(d)
    assert set(tasks) == set(expected)
    for tid, row in expected.items():
        t = tasks[tid]
        got = (t["es"], t["ef"], t["ls"], t["lf"], t["total_float"])
        assert got == pytest.approx(row, abs=tol), tid
        assert t["critical"] is (abs(row[4]) <= tol), tid


def _assert_durations(d: dict[str, Any], expected: Mapping[str, float], tol: float = 1e-9) -> None:
    tasks = _tasks(d)
    for tid, dur in expected.items():
        assert tasks[tid]["duration"] == pytest.approx(dur, abs=tol), tid


def _assert_schedule(
    d: dict[str, Any],
    duration: float,
    critical_paths: list[list[str]],
    durations: Mapping[str, float],
    table: Mapping[str, Row],
) -> None:
    """The printed duration, critical paths, task durations and ES/EF/LS/LF/float table."""
    assert d["duration"] == pytest.approx(duration)
    assert d["critical_paths"] == critical_paths
    _assert_durations(d, durations)
    _assert_table(d, table)


def _rows(text: str) -> dict[str, Any]:
    """A table as the source prints it, one row a line: an id, then its numbers.

    >>> _rows('''
    ...     A  0  2.5
    ...     B  2.5  3
    ... ''')
    {'A': (0.0, 2.5), 'B': (2.5, 3.0)}
    """
    rows = (line.split() for line in text.strip().splitlines())
    return {tid: tuple(float(value) for value in values) for tid, *values in rows}


# ---------------------------------------------------------------------------------------------
# 1. Heizer & Render, Milwaukee Paper Manufacturing (FS network, weeks)
# ---------------------------------------------------------------------------------------------

MILWAUKEE_LOGIC: dict[str, list[str]] = {
    "A": [],  # Build internal components
    "B": [],  # Modify roof and floor
    "C": ["A"],  # Construct collection stack
    "D": ["A", "B"],  # Pour concrete and install frame
    "E": ["C"],  # Build high-temperature burner
    "F": ["C"],  # Install pollution control system
    "G": ["D", "E"],  # Install air pollution device
    "H": ["F", "G"],  # Inspect and test
}
MILWAUKEE_TIMES = {"A": 2, "B": 3, "C": 2, "D": 4, "E": 4, "F": 3, "G": 5, "H": 2}
# Schedule and slack table: activity, ES, EF, LS, LF, slack (LS - ES)
MILWAUKEE_TABLE: dict[str, Row] = _rows(
    """
    A   0   2   0   2   0
    B   0   3   1   4   1
    C   2   4   2   4   0
    D   3   7   4   8   1
    E   4   8   4   8   0
    F   4   7  10  13   6
    G   8  13   8  13   0
    H  13  15  13  15   0
    """
)


def test_heizer_render_milwaukee_paper_cpm() -> None:
    """Heizer & Render, Operations Management, ch. 3: Milwaukee Paper, Table 3.2 and slack table.

    Printed: project completion 15 weeks, critical path A-C-E-G-H, and the ES/EF/LS/LF/slack
    table. Heizer & Render do not print free float (their "slack" is total float).
    """
    plan = {
        "project": "Milwaukee Paper Manufacturing",
        "units": "weeks",
        "tasks": [
            {"id": i, "duration": MILWAUKEE_TIMES[i], "depends_on": MILWAUKEE_LOGIC[i]}
            for i in MILWAUKEE_LOGIC
        ],
    }
    d = _run(plan)
    _assert_schedule(d, 15, [["A", "C", "E", "G", "H"]], MILWAUKEE_TIMES, MILWAUKEE_TABLE)
    assert [t["id"] for t in d["tasks"]] == list(MILWAUKEE_LOGIC)  # input order


def test_heizer_render_milwaukee_paper_pert() -> None:
    """Heizer & Render, ch. 3: Milwaukee Paper with three time estimates (a, m, b) in weeks.

    Printed: expected times t = (a + 4m + b)/6 = 2, 3, 2, 4, 4, 3, 5, 2 (the same as the CPM
    times, so the ES/EF/LS/LF table is unchanged); project variance 3.11 (= .11+.11+1.00+1.78+.11
    on A-C-E-G-H); project standard deviation 1.76 weeks; P(T <= 16) = .7157; due date with a 99 %
    chance = 15 + 2.33 x 1.76 = 19.1 weeks.

    Convention note: the book looks up Z = (16 - 15)/1.76 = .57 (rounded to two decimals) in a
    normal table, giving .7157; docs/formats uses the unrounded z = 0.5669, Phi = 0.7146. The
    comparison therefore allows the table's z-rounding (Phi(0.565)..Phi(0.575) = .7140...7174).
    Likewise the 99 % quantile uses z = 2.3263 instead of the table's 2.33 (19.10 either way).
    """
    estimates = _rows(
        """
        A  1  2  3
        B  2  3  4
        C  1  2  3
        D  2  4  6
        E  1  4  7
        F  1  2  9
        G  3  4 11
        H  1  2  3
        """
    )
    plan = {
        "units": "weeks",
        "deadline": 16,
        "tasks": [
            {
                "id": i,
                "optimistic": a,
                "most_likely": m,
                "pessimistic": b,
                "depends_on": MILWAUKEE_LOGIC[i],
            }
            for i, (a, m, b) in estimates.items()
        ],
    }
    d = _run(plan)
    _assert_schedule(d, 15, [["A", "C", "E", "G", "H"]], MILWAUKEE_TIMES, MILWAUKEE_TABLE)
    pert = d["pert"]
    assert pert["mean"] == pytest.approx(15)
    assert pert["variance"] == pytest.approx(3.11, abs=5e-3)
    assert pert["sd"] == pytest.approx(1.76, abs=5e-3)
    assert pert["deadline"] == pytest.approx(16)
    assert pert["probability"] == pytest.approx(0.7157, abs=2e-3)
    assert pert["quantiles"]["0.99"] == pytest.approx(19.1, abs=0.05)
    assert pert["quantiles"]["0.5"] == pytest.approx(15)


# ---------------------------------------------------------------------------------------------
# 2. Hillier & Lieberman, Reliable Construction Co. (FS network, weeks)
# ---------------------------------------------------------------------------------------------

RELIABLE_LOGIC: dict[str, list[str]] = {
    "A": [],  # Excavate
    "B": ["A"],  # Lay the foundation
    "C": ["B"],  # Put up the rough wall
    "D": ["C"],  # Put up the roof
    "E": ["C"],  # Install the exterior plumbing
    "F": ["E"],  # Install the interior plumbing
    "G": ["D"],  # Put up the exterior siding
    "H": ["E", "G"],  # Do the exterior painting
    "I": ["C"],  # Do the electrical work
    "J": ["F", "I"],  # Put up the wallboard
    "K": ["J"],  # Install the flooring
    "L": ["J"],  # Do the interior painting
    "M": ["H"],  # Install the exterior fixtures
    "N": ["K", "L"],  # Install the interior fixtures
}
RELIABLE_TIMES = {
    "A": 2, "B": 4, "C": 10, "D": 6, "E": 4, "F": 5, "G": 7,
    "H": 9, "I": 7, "J": 8, "K": 4, "L": 5, "M": 2, "N": 6,
}  # fmt: skip
# Slack table: (ES, EF, LS, LF, slack); the book prints the pairs (ES, LS) and (EF, LF).
RELIABLE_TABLE: dict[str, Row] = _rows(
    """
    A   0   2   0   2   0
    B   2   6   2   6   0
    C   6  16   6  16   0
    D  16  22  20  26   4
    E  16  20  16  20   0
    F  20  25  20  25   0
    G  22  29  26  33   4
    H  29  38  33  42   4
    I  16  23  18  25   2
    J  25  33  25  33   0
    K  33  37  34  38   1
    L  33  38  33  38   0
    M  38  40  42  44   4
    N  38  44  38  44   0
    """
)
RELIABLE_PATH = ["A", "B", "C", "E", "F", "J", "L", "N"]


def test_hillier_lieberman_reliable_construction_cpm() -> None:
    """Hillier & Lieberman, Introduction to Operations Research, Reliable Construction Co.

    Printed: project duration 44 weeks; critical path START-A-B-C-E-F-J-L-N-FINISH; the slack
    table (ES, LS), (EF, LF), slack for all 14 activities.
    """
    plan = {
        "project": "Reliable Construction Co.",
        "units": "weeks",
        "tasks": [
            {"id": i, "duration": RELIABLE_TIMES[i], "depends_on": RELIABLE_LOGIC[i]}
            for i in RELIABLE_LOGIC
        ],
    }
    d = _run(plan)
    _assert_schedule(d, 44, [RELIABLE_PATH], RELIABLE_TIMES, RELIABLE_TABLE)


def test_hillier_lieberman_reliable_construction_pert() -> None:
    """Hillier & Lieberman, Reliable Construction Co., PERT three-estimate approach.

    Printed: the (o, m, p) estimates, whose means equal the CPM times above; mean critical path
    A-B-C-E-F-J-L-N with mu_p = 44 and sigma_p^2 = 9 (sigma_p = 3); deadline 47 weeks:
    (47 - 44)/3 = 1, P(T <= 47) ~ 0.84. The deadline is passed with the ``deadline=`` keyword
    (the command-line override) rather than in the plan.
    """
    estimates = _rows(
        """
        A  1  2    3
        B  2  3.5  8
        C  6  9   18
        D  4  5.5 10
        E  1  4.5  5
        F  4  4   10
        G  5  6.5 11
        H  5  8   17
        I  3  7.5  9
        J  3  9    9
        K  4  4    4
        L  1  5.5  7
        M  1  2    3
        N  5  5.5  9
        """
    )
    plan = {
        "units": "weeks",
        "tasks": [
            {
                "id": i,
                "optimistic": o,
                "most_likely": m,
                "pessimistic": p,
                "depends_on": RELIABLE_LOGIC[i],
            }
            for i, (o, m, p) in estimates.items()
        ],
    }
    d = _run(plan, deadline=47)
    _assert_schedule(d, 44, [RELIABLE_PATH], RELIABLE_TIMES, RELIABLE_TABLE)
    pert = d["pert"]
    assert pert["mean"] == pytest.approx(44)
    assert pert["variance"] == pytest.approx(9)
    assert pert["sd"] == pytest.approx(3)
    assert pert["deadline"] == pytest.approx(47)
    assert pert["probability"] == pytest.approx(0.84, abs=5e-3)


# ---------------------------------------------------------------------------------------------
# 3. Taylor, solutions manual ch. 8 (activity-on-arrow networks, converted to activity-on-node)
# ---------------------------------------------------------------------------------------------

# Each case: arrows (i, j, time) of the AOA network and the printed rows
# "Activity Time ES EF LS LF Slack". An arrow i-j becomes a task "i-j" that depends (FS) on every
# arrow ending at node i; a dummy arrow (time 0) becomes a milestone. This conversion is exact:
# the AOA event times give LF(i-j) = L(j) = min LS of the arrows leaving j, as in docs/formats.
TAYLOR_CASES: dict[str, TaylorCase] = {
    "manual-p114": (
        [(1, 2, 7), (1, 3, 10), (2, 4, 6), (3, 4, 5), (3, 5, 4), (4, 5, 3), (5, 6, 2)],
        _rows(
            """
            1-2   0   7   2   9   2
            1-3   0  10   0  10   0
            2-4   7  13   9  15   2
            3-4  10  15  10  15   0
            3-5  10  14  14  18   4
            4-5  15  18  15  18   0
            5-6  18  20  18  20   0
            """
        ),
        20,
        ["1-3", "3-4", "4-5", "5-6"],  # "Critical path = 1 - 3 - 4 - 5 - 6"
    ),
    "manual-p115": (
        [
            (1, 2, 8), (1, 3, 10), (1, 4, 9), (2, 5, 6), (2, 6, 4), (3, 5, 5), (4, 5, 0),
            (4, 7, 7), (5, 7, 12), (5, 8, 15), (6, 9, 18), (7, 8, 4), (8, 9, 7),
        ],
        _rows(
            """
            1-2   0   8   1   9   1
            1-3   0  10   0  10   0
            1-4   0   9   6  15   6
            2-5   8  14   9  15   1
            2-6   8  12  16  20   8
            3-5  10  15  10  15   0
            4-5   9   9  15  15   6
            4-7   9  16  20  27  11
            5-7  15  27  15  27   0
            5-8  15  30  16  31   1
            6-9  12  30  20  38   8
            7-8  27  31  27  31   0
            8-9  31  38  31  38   0
            """
        ),
        38,
        ["1-3", "3-5", "5-7", "7-8", "8-9"],  # critical path 1 - 3 - 5 - 7 - 8 - 9
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(TAYLOR_CASES))
def test_taylor_solutions_manual_aoa(case: str) -> None:
    """Taylor, Introduction to Management Science, solutions manual ch. 8, pp. 114-115.

    Printed: each activity's time, ES, EF, LS, LF and slack, and the critical path (as a node
    sequence; the test lists the arrows along it). The p. 115 network has a dummy 4-5.
    """
    arrows, table, duration, path = TAYLOR_CASES[case]
    tasks = []
    for i, j, time in arrows:
        preds = [f"{a}-{b}" for a, b, _ in arrows if b == i]
        tasks.append(
            {
                "id": f"{i}-{j}",
                "duration": time,
                "depends_on": [{"task": p, "type": "FS", "lag": 0} for p in preds],
            }
        )
    d = _run({"units": "weeks", "tasks": tasks})
    _assert_schedule(d, duration, [path], {f"{i}-{j}": t for i, j, t in arrows}, table)


# ---------------------------------------------------------------------------------------------
# 4. SAS/OR PROC CPM "Getting Started": software development project (two critical paths)
# ---------------------------------------------------------------------------------------------


def _sas_offset(date: str) -> int:
    """Day offset from the project start 01MAR04 of a SAS DATE7. value such as '26MAR04'."""
    day = dt.datetime.strptime(date, "%d%b%y").date()
    return (day - dt.date(2004, 3, 1)).days


def test_sas_cpm_software_project_two_critical_paths() -> None:
    """SAS/OR User's Guide: Project Management, PROC CPM "Getting Started" (data SOFTWARE).

    Printed schedule (Obs activity succesr1 succesr2 duration descrpt E_START E_FINISH L_START
    L_FINISH T_FLOAT F_FLOAT), with the project starting 01MAR04 and INTERVAL=DAY:

        TESTING  RECODE             20 Initial Testing      01MAR04 20MAR04 01MAR04 20MAR04  0  0
        PRELDOC  DOCEDREV QATEST    15 Prel. Documentation  01MAR04 15MAR04 11MAR04 25MAR04 10 10
        MEETMKT  RECODE              1 Meet Marketing       01MAR04 01MAR04 20MAR04 20MAR04 19 19
        RECODE   DOCEDREV QATEST     5 Recoding             21MAR04 25MAR04 21MAR04 25MAR04  0  0
        QATEST   PROD               10 QA Test Approve      26MAR04 04APR04 26MAR04 04APR04  0  0
        DOCEDREV PROD               10 Doc. Edit and Revise 26MAR04 04APR04 26MAR04 04APR04  0  0
        PROD                         1 Production           05APR04 05APR04 05APR04 05APR04  0  0

    Convention: SAS prints calendar dates, a start being the first day of work and a finish the
    LAST day of work (a 1-day task starts and finishes on the same date). Converted to the
    docs/formats offsets: es = E_START - 01MAR04, ef = E_FINISH - 01MAR04 + 1 (same for the late
    dates); floats are day counts and need no conversion. SAS does not list critical paths; both
    QATEST and DOCEDREV chains have zero float, so docs/formats lists two paths, the one through
    QATEST first (QATEST precedes DOCEDREV in the input).
    """
    printed = [
        # id, successors, duration, name, E_START, E_FINISH, L_START, L_FINISH, T_FLOAT, F_FLOAT
        ("TESTING", ["RECODE"], 20, "Initial Testing",
         "01MAR04", "20MAR04", "01MAR04", "20MAR04", 0, 0),
        ("PRELDOC", ["DOCEDREV", "QATEST"], 15, "Prel. Documentation",
         "01MAR04", "15MAR04", "11MAR04", "25MAR04", 10, 10),
        ("MEETMKT", ["RECODE"], 1, "Meet Marketing",
         "01MAR04", "01MAR04", "20MAR04", "20MAR04", 19, 19),
        ("RECODE", ["DOCEDREV", "QATEST"], 5, "Recoding",
         "21MAR04", "25MAR04", "21MAR04", "25MAR04", 0, 0),
        ("QATEST", ["PROD"], 10, "QA Test Approve",
         "26MAR04", "04APR04", "26MAR04", "04APR04", 0, 0),
        ("DOCEDREV", ["PROD"], 10, "Doc. Edit and Revise",
         "26MAR04", "04APR04", "26MAR04", "04APR04", 0, 0),
        ("PROD", [], 1, "Production",
         "05APR04", "05APR04", "05APR04", "05APR04", 0, 0),
    ]  # fmt: skip
    tasks = [
        {
            "id": tid,
            "name": name,
            "duration": dur,
            "depends_on": [p[0] for p in printed if tid in p[1]],
        }
        for tid, _, dur, name, *_ in printed
    ]
    d = _run({"project": "Software development", "units": "days", "tasks": tasks})
    assert d["duration"] == pytest.approx(_sas_offset("05APR04") + 1)  # 36 days
    assert d["critical_paths"] == [
        ["TESTING", "RECODE", "QATEST", "PROD"],
        ["TESTING", "RECODE", "DOCEDREV", "PROD"],
    ]
    got = _tasks(d)
    for tid, _, dur, name, e_start, e_finish, l_start, l_finish, t_float, f_float in printed:
        t = got[tid]
        assert t["name"] == name
        assert t["duration"] == pytest.approx(dur)
        assert t["es"] == pytest.approx(_sas_offset(e_start)), tid
        assert t["ef"] == pytest.approx(_sas_offset(e_finish) + 1), tid
        assert t["ls"] == pytest.approx(_sas_offset(l_start)), tid
        assert t["lf"] == pytest.approx(_sas_offset(l_finish) + 1), tid
        assert t["total_float"] == pytest.approx(t_float), tid
        assert t["free_float"] == pytest.approx(f_float), tid
        assert t["critical"] is (t_float == 0), tid


# ---------------------------------------------------------------------------------------------
# 5. Precedence diagramming (SS/FF/SF links with lags) and FS video examples
# ---------------------------------------------------------------------------------------------

# name: (tasks as (id, duration, links), printed table, project duration, printed critical path)
VIDEO_CASES: dict[str, VideoCase] = {
    # Engineer4Free, "Difficult network diagram example with lag solved": all four link types.
    "engineer4free-all-link-types": (
        [
            ("A", 3, []),
            ("B", 2, ["A FS+2"]),
            ("C", 2, [{"task": "A", "type": "SS", "lag": 0}]),
            ("D", 4, [{"task": "B", "type": "SS", "lag": 1}]),
            ("E", 1, [{"task": "C", "type": "SF", "lag": 3}]),
            ("F", 2, [{"task": "C", "type": "FF", "lag": 3}]),
            ("G", 4, ["D SS+1", "E"]),
            ("H", 3, ["F SF+2", "G"]),
        ],
        _rows(
            """
            A   0   3   0   3   0
            B   5   7   5   7   0
            C   0   2   4   6   4
            D   6  10   6  10   0
            E   2   3   6   7   4
            F   3   5  12  14   9
            G   7  11   7  11   0
            H  11  14  11  14   0
            """
        ),
        14,
        ["A", "B", "D", "G", "H"],
    ),
    # J. Marion, "Lags Part 1": FS+5 and SS+3.
    "marion-lags-part-1": (
        [
            ("A", 2, []),
            ("B", 4, [{"task": "A", "type": "FS", "lag": 5}]),
            ("C", 3, [{"task": "B", "type": "SS", "lag": 3}]),
            ("D", 5, ["B"]),
            ("E", 2, ["C", "D"]),
        ],
        _rows(
            """
            A   0   2   0   2   0
            B   7  11   7  11   0
            C  10  13  13  16   3
            D  11  16  11  16   0
            E  16  18  16  18   0
            """
        ),
        18,
        ["A", "B", "D", "E"],
    ),
    # J. Marion, "Lags Part 2": SF+7 and FF+3 (the critical path runs through C's start only).
    "marion-lags-part-2": (
        [
            ("A", 2, []),
            ("B", 2, ["A"]),
            ("C", 4, ["A"]),
            ("D", 3, ["B", {"task": "C", "type": "SF", "lag": 7}]),
            ("E", 3, ["C"]),
            ("F", 1, [{"task": "D", "type": "FF", "lag": 3}, "E"]),
        ],
        _rows(
            """
            A   0   2   0   2   0
            B   2   4   4   6   2
            C   2   6   2   6   0
            D   6   9   6   9   0
            E   6   9   8  11   2
            F  11  12  11  12   0
            """
        ),
        12,
        ["A", "C", "D", "F"],
    ),
    # J. Emmanuel, "Project Scheduling - PERT/CPM | Finding Critical Path": plain FS, two start
    # and two end activities.
    "emmanuel-two-starts-two-ends": (
        [
            ("A", 7, []),
            ("B", 9, []),
            ("C", 12, ["A"]),
            ("D", 8, ["A", "B"]),
            ("E", 9, ["D"]),
            ("F", 6, ["C", "E"]),
            ("G", 5, ["E"]),
        ],
        _rows(
            """
            A   0   7   2   9   2
            B   0   9   0   9   0
            C   7  19  14  26   7
            D   9  17   9  17   0
            E  17  26  17  26   0
            F  26  32  26  32   0
            G  26  31  27  32   1
            """
        ),
        32,
        ["B", "D", "E", "F"],
    ),
}


@pytest.mark.parametrize("case", list(VIDEO_CASES))
def test_precedence_diagramming_video_examples(case: str) -> None:
    """Video worked examples (see module docstring, item 5), tables as transcribed by PlanExe.

    Printed: ES, EF, LS, LF and total float per activity, project duration and the critical
    path. All use day offsets from 0 with EF = ES + duration, as docs/formats does; the lagged
    links are read exactly as docs/formats defines them (SF+L: EF(succ) >= ES(pred) + L, etc.)
    and activities are not split (continuous durations).
    """
    spec, table, duration, path = VIDEO_CASES[case]
    plan = {"tasks": [{"id": i, "duration": dur, "depends_on": links} for i, dur, links in spec]}
    _assert_schedule(_run(plan), duration, [path], {i: dur for i, dur, _ in spec}, table)


# ---------------------------------------------------------------------------------------------
# 6. Wikipedia, "Program evaluation and review technique": seven-task example
# ---------------------------------------------------------------------------------------------


def test_wikipedia_pert_seven_task_example() -> None:
    """Wikipedia, "Program evaluation and review technique", section "Implementation".

    Printed: the (O, M, P) estimates with expected times TE = (O + 4M + P)/6 to two decimals
    (4.00, 5.33, 5.17, 6.33, 5.17, 4.50, 5.17), the critical path a-c-e-g and a critical time of
    19.51 work days.

    Convention note: 19.51 is the sum of the ROUNDED expected times 4.00 + 3 x 5.17; the exact
    sum is 4 + 3 x 31/6 = 19.5, which docs/formats reports unrounded. The duration is compared with
    a tolerance covering that rounding (3 x 0.005).
    """
    estimates = {
        "A": (2, 4, 6, []),
        "B": (3, 5, 9, []),
        "C": (4, 5, 7, ["A"]),
        "D": (4, 6, 10, ["A"]),
        "E": (4, 5, 7, ["B", "C"]),
        "F": (3, 4, 8, ["D"]),
        "G": (3, 5, 8, ["E"]),
    }
    plan = {
        "units": "work days",
        "tasks": [
            {"id": i, "optimistic": o, "most_likely": m, "pessimistic": p, "depends_on": deps}
            for i, (o, m, p, deps) in estimates.items()
        ],
    }
    d = _run(plan)
    expected_te = {"A": 4.00, "B": 5.33, "C": 5.17, "D": 6.33, "E": 5.17, "F": 4.50, "G": 5.17}
    _assert_durations(d, expected_te, tol=5e-3)
    assert d["critical_paths"] == [["A", "C", "E", "G"]]
    assert d["duration"] == pytest.approx(19.51, abs=0.015)
    assert d["pert"]["mean"] == pytest.approx(19.51, abs=0.015)
    assert "probability" not in d["pert"]  # no deadline given
