"""Roll-up, track, SMART check and bad input of ``mgmt goals`` (issue 9).

Sources of the worked examples:

* OKR scoring: an objective's score is the average of its key results' scores on a 0-1 scale
  (Doerr, *Measure What Matters*, quoted at
  https://www.goodreads.com/notes/37559166-measure-what-matters/704067-agnieszka/ccfb3417-426a-4046-bee6-b708207ded20);
  a quantitative key result scores its share of the way from start to target: NPS from 32 to
  45, now 42, scores 10/13 = 0.77; churn from 8% to 5%, now 6%, scores 2/3 = 0.67; a milestone
  key result with weights 0.2, 0.3, 0.2, 0.2, 0.1 and the first three done scores 0.7
  (https://clawhub.ai/api/v1/skills/okr-consulting/file?path=references%2Fscoring.md).
* Flying Logic: "Fuzzy And ... Returns the minimum of its inputs. Inputs are interpreted as
  necessary conditions"; "Fuzzy Or ... Returns the maximum of its inputs ... sufficient causes"
  (http://wiki.flyinglogic.com/wiki/Operator).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgmt_tools.errors import InputError
from mgmt_tools.goals import Goal, Metric, analyse, load, loads, metric_progress, rollup

from ..helpers import Corpus

BAD = Path(__file__).parent / "bad"


def progress_of(text: str) -> list[float]:
    return [node.progress for node in analyse(loads(text)).nodes]


# --- OKR worked examples ------------------------------------------------------------------


def test_okr_objective_is_the_average_of_its_key_results() -> None:
    values = progress_of("""
goal: Objective
rollup: average
children: [{goal: KR1, progress: 0.7}, {goal: KR2, progress: 0.5}, {goal: KR3, progress: 1.0}]
""")
    assert values[0] == pytest.approx((0.7 + 0.5 + 1.0) / 3)  # 0.7333


def test_okr_quantitative_key_results_from_their_metrics() -> None:
    assert metric_progress(Metric(target=45, baseline=32, current=42)) == pytest.approx(10 / 13)
    assert metric_progress(Metric(target=5, baseline=8, current=6)) == pytest.approx(2 / 3)
    assert metric_progress(Metric(target=500, current=400)) == pytest.approx(0.8)


def test_okr_milestone_key_result_as_weighted_rollup() -> None:
    values = progress_of("""
goal: Ship the feature
children:
  - {goal: Design complete, weight: 0.2, status: done}
  - {goal: Development complete, weight: 0.3, status: done}
  - {goal: QA passed, weight: 0.2, status: done}
  - {goal: Deployed to 50% of users, weight: 0.2, status: in_progress}
  - {goal: 100% rollout, weight: 0.1, status: not_started}
""")
    assert values[0] == pytest.approx(0.7)


def test_flying_logic_and_is_min_or_is_max() -> None:
    children = "children: [{goal: a, progress: 0.2}, {goal: b, progress: 0.9}]"
    assert progress_of(f"goal: AND\nrollup: min\n{children}")[0] == pytest.approx(0.2)
    assert progress_of(f"goal: OR\nrollup: max\n{children}")[0] == pytest.approx(0.9)


# --- hand calculations for every rule -----------------------------------------------------

TREE = """
goal: Root
rollup: {rule}
children:
  - {{goal: A, weight: 3, progress: 0.2}}
  - {{goal: B, metric: {{baseline: 100, target: 200, current: 150}}}}
  - {{goal: C, status: done}}
"""


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("weighted", (3 * 0.2 + 0.5 + 1.0) / 5),  # 0.42
        ("average", (0.2 + 0.5 + 1.0) / 3),  # 0.5667
        ("min", 0.2),
        ("max", 1.0),
    ],
)
def test_every_rollup_by_hand(rule: str, expected: float) -> None:
    assert progress_of(TREE.format(rule=rule)) == pytest.approx([expected, 0.2, 0.5, 1.0])


def test_rollup_is_inherited_and_overridable() -> None:
    result = analyse(
        loads("""
goal: Root
rollup: min
children:
  - goal: Inherits min
    children: [{goal: a, progress: 0.4}, {goal: b, progress: 0.8}]
  - goal: Overrides with max
    rollup: max
    children: [{goal: c, progress: 0.1}, {goal: d, progress: 0.6}]
""")
    )
    data = {n["path"]: (n["progress"], n["rollup"]) for n in result.to_dict()["nodes"]}
    assert data["Root / Inherits min"] == pytest.approx((0.4, "min"))
    assert data["Root / Overrides with max"][0] == pytest.approx(0.6)
    assert result.progress == pytest.approx(0.4)  # min(0.4, 0.6)


def test_leaf_sources_and_metric_progress_beside_a_parent() -> None:
    result = analyse(
        loads("""
goal: Root
metric: {baseline: 500, target: 600, current: 540}
children:
  - {goal: given wins, progress: 0.3, status: done, metric: {target: 10, current: 9}}
  - {goal: metric, metric: {target: 10, current: 12}}
  - {goal: blocked, status: blocked}
  - {goal: metric without current, metric: {target: 10}, status: done}
""")
    )
    root, given_, metric, blocked, no_current = result.nodes
    assert root.metric_progress == pytest.approx(0.4)
    assert root.progress == pytest.approx((0.3 + 1.0 + 0.0 + 1.0) / 4)
    assert (given_.progress, given_.source) == (0.3, "progress")
    assert (metric.progress, metric.source) == (1.0, "metric")  # clipped
    assert (blocked.progress, blocked.status) == (0.0, "blocked")
    assert (no_current.progress, no_current.source) == (1.0, "status")


def test_zero_weights_fall_back_to_the_mean() -> None:
    text = "goal: R\nchildren: [{goal: a, weight: 0, progress: 0.2}, {goal: b, weight: 0}]"
    assert progress_of(text)[0] == pytest.approx(0.1)


def test_a_deep_chain_rolls_up_without_recursion() -> None:
    goal = Goal("leaf", progress=0.25)
    for n in range(5000):
        goal = Goal(f"g{n}", children=(goal,))
    nodes = rollup(goal)
    assert len(nodes) == 5001
    assert nodes[0].progress == 0.25


# --- property: a parent lies between its children's min and max ---------------------------

leaf = st.builds(
    Goal,
    name=st.just("leaf"),
    weight=st.floats(0, 10),
    progress=st.floats(0, 1) | st.none(),
    status=st.sampled_from(["done", "in_progress", "not_started", "blocked"]) | st.none(),
)
tree = st.recursive(
    leaf,
    lambda kids: st.builds(
        Goal,
        name=st.just("node"),
        weight=st.floats(0, 10),
        rollup=st.sampled_from(["weighted", "average", "min", "max"]) | st.none(),
        children=st.lists(kids, min_size=1, max_size=4).map(tuple),
    ),
    max_leaves=25,
)


@given(tree)
def test_parent_lies_between_its_childrens_min_and_max(root: Goal) -> None:
    nodes = rollup(root)
    for node in nodes:
        assert 0.0 <= node.progress <= 1.0
        if node.children:
            values = [nodes[i].progress for i in node.children]
            assert min(values) - 1e-12 <= node.progress <= max(values) + 1e-12


# --- track --------------------------------------------------------------------------------

DATED = """
goal: Year
start: 2027-01-01
due: 2027-12-31
children:
  - {goal: ahead, due: 2027-12-31, progress: 0.5}
  - {goal: slightly behind, due: 2027-12-31, progress: 0.35}
  - {goal: far behind, due: 2027-12-31, progress: 0.1}
  - {goal: late, due: 2027-03-31, progress: 0.9}
  - {goal: done late, due: 2027-03-31, status: done}
  - {goal: own start, start: 2027-06-01, due: 2027-12-31, progress: 0.05}
  - {goal: undated, progress: 0}
"""


def test_track_against_the_elapsed_share() -> None:
    # 2027-07-02 is 182 of 364 days: elapsed 0.5
    result = analyse(loads(DATED), as_of=dt.date(2027, 7, 2))
    tracks = {node.goal.name: node.track for node in result.nodes}
    assert tracks == {
        "Year": "on_track",  # weighted mean 2.9 / 7 = 0.414 >= 0.5 - 0.1
        "ahead": "on_track",
        "slightly behind": "at_risk",  # 0.35 < 0.40
        "far behind": "off_track",  # 0.10 < 0.25
        "late": "off_track",
        "done late": "on_track",
        "own start": "on_track",  # 31 of 213 days: 0.146 - 0.1 <= 0.05
        "undated": None,
    }
    assert result.to_dict()["thresholds"] == {"on_track": 0.1, "at_risk": 0.25}


def test_track_thresholds_are_options_and_as_of_key_is_used() -> None:
    text = DATED.replace("goal: Year\n", "goal: Year\nas_of: 2027-07-02\n")
    result = analyse(loads(text), on_track=0.2, at_risk=0.3)
    tracks = {node.goal.name: node.track for node in result.nodes}
    assert tracks["slightly behind"] == "on_track"
    assert tracks["far behind"] == "off_track"
    assert analyse(loads(DATED)).nodes[1].track is None  # no date given: no track


def test_track_without_a_start_warns() -> None:
    result = analyse(loads("goal: G\ndue: 2027-12-31\nprogress: 0.2"), as_of=dt.date(2027, 6, 1))
    assert result.nodes[0].track is None
    assert "no start date" in result.warnings[0]


# --- SMART ---------------------------------------------------------------------------------


def test_smart_gaps() -> None:
    result = analyse(
        loads(
            """
goal: Grow
owner: Team
due: 2027-12-31
children:
  - {goal: Measured, metric: {target: 10}}
  - {goal: Only a status, status: done}
  - {goal: Too late, due: 2028-01-31, progress: 0.1}
"""
            + "  - {goal: Orphan, progress: 0}\n"
        )
    )
    assert result.smart_issues == [
        {"path": "Grow / Only a status", "missing": ["measurable target"]},
        {"path": "Grow / Too late", "missing": ["due by the parent's due date 2027-12-31"]},
    ]
    bare = analyse(loads("goal: Bare"))
    assert bare.smart_issues == [
        {"path": "Bare", "missing": ["measurable target", "due date", "owner"]}
    ]


# --- bad input -----------------------------------------------------------------------------

EXPECTED = {
    "bad_values.yaml": [
        "bad_values.yaml:2:9: rollup: unknown rollup 'mean' (one of: weighted, average, min, max)",
        "bad_values.yaml:5:13: children[0].weight: a weight cannot be negative, got '-2'",
        "bad_values.yaml:6:15: children[0].progress: progress is a fraction from 0 to 1 "
        "(write 0.015 for 1.5%), got '1.5'",
        "bad_values.yaml:8:13: children[1].status: unknown status 'finished' (one of: done, "
        "in_progress, not_started, blocked)",
        "bad_values.yaml:9:37: children[1].metric.target: the target equals the baseline "
        "(100): the metric cannot measure progress",
    ],
    "unknown_key.yaml": [
        "unknown_key.yaml:5:5: children[0].deu: unknown key 'deu' (did you mean 'due'?)",
        "unknown_key.yaml:6:32: children[1].due: not a date (write YYYY-MM-DD), got '2027-13-01'",
    ],
}


test_every_problem_located, test_every_file_expected = Corpus(BAD, load, EXPECTED).tests()


def test_flat_metric_is_located() -> None:
    text = "goal: G\nchildren:\n  - goal: K\n    metric: {baseline: 5, target: 5, current: 1}\n"
    with pytest.raises(InputError) as caught:
        loads(text, source="t.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "t.yaml:4:35: children[0].metric.target: the target equals the baseline (5): "
        "the metric cannot measure progress"
    ]


def test_not_a_mapping() -> None:
    with pytest.raises(InputError, match="a goal tree is a mapping"):
        loads("- a\n")
