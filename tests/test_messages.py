"""Messages for the mistakes users actually make (issue 13, item 6), one file per mistake in
``tests/messages/``, each read through its method's own loader.

Every bad file must raise :class:`InputError` (never another exception, never a numpy
warning: the module turns warnings into errors) and give exactly the located lines below,
``file:line:col: path: message``. The files named ``<method>_*`` are read by that method.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgmt_tools._hints import date_order_warnings, judgement_warnings, size_problems
from mgmt_tools._yaml import LazyLocator, Locator, load_text
from mgmt_tools.errors import InputError
from mgmt_tools.pert.io import from_dict
from mgmt_tools.pert.links import has_repeated_links
from mgmt_tools.pert.repeats import duplicate_link_warnings

from .helpers import mgmt

pytestmark = pytest.mark.filterwarnings("error")  # a RuntimeWarning of numpy fails the test

MESSAGES = Path(__file__).parent / "messages"


def _loader(name: str) -> Callable[[str], Any]:
    """The method's loader for a file named ``<method>_...`` (and its first computation,
    where overflow would show)."""
    method = name.split("_")[0]
    if method == "pert":
        from mgmt_tools import pert

        return lambda path: pert.schedule(pert.load(path))
    if method == "pareto":
        from mgmt_tools import pareto

        def pareto_load(path: str) -> Any:
            if path.endswith(".csv"):
                return pareto.load(path, column="cause", count="n")
            return pareto.load(path)

        return pareto_load
    if method == "index":
        from mgmt_tools.mcda.evaluate import evaluate
        from mgmt_tools.mcda.io import load as load_matrix

        return lambda path: evaluate(load_matrix(path))
    if method == "ahp":
        from mgmt_tools.mcda.io import load_judgements

        return load_judgements
    module = __import__(f"mgmt_tools.{method}", fromlist=["load"])
    return module.load  # type: ignore[no-any-return]


def problems_of(name: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(MESSAGES)
    with pytest.raises(InputError) as caught:
        _loader(name)(name)
    return [str(problem) for problem in caught.value.problems]


def loaded(name: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(MESSAGES)
    return _loader(name)(name)


# --- 1. a percentage where a fraction is meant ----------------------------------------------


def test_percentages_where_fractions_are_meant_say_what_to_write(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = "goals_percent_and_enums.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:2:9: rollup: unknown rollup 'averge' (did you mean 'average'?)",
        f"{name}:4:35: children[0].progress: a percentage where a fraction is meant: "
        "write 0.94 for 94%",
        f"{name}:5:37: children[1].progress: a percentage where a fraction is meant: "
        "write 0.6 for 60%",
        f"{name}:6:34: children[2].progress: progress is a fraction from 0 to 1 "
        "(write 0.6 for 60%), got '60'",
        f"{name}:7:31: children[3].status: unknown status 'don' (did you mean 'done'?)",
    ]


def test_percent_probabilities_in_a_decision_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "decision_percent.yaml"
    assert problems_of(name, monkeypatch) == [
        f'{name}:4:22: root.branches[0].p: expression "60%": a percentage where a fraction '
        "is meant: write 0.6 for 60%",
        f'{name}:5:23: root.branches[1].p: expression "40 %": a percentage where a fraction '
        "is meant: write 0.4 for 40%",
    ]


def test_probabilities_written_as_percent_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "decision_percent_numbers.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:4:22: root.branches[0].p: probability 60 is outside [0, 1] (write 0.6 for 60%)",
        f"{name}:5:23: root.branches[1].p: probability 40 is outside [0, 1] (write 0.4 for 40%)",
    ]


# --- 2. a single id where a list is expected -------------------------------------------------


def test_a_single_id_is_a_list_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    schedule = loaded("pert_single_ids.yaml", monkeypatch)
    plan = schedule.plan
    assert [(link.predecessor, link.successor) for link in plan.links] == [("A", "B"), ("B", "G")]
    assert plan.workdays == ("mon",)
    assert plan.holidays == (dt.date(2027, 3, 8),)


def test_a_single_cause_and_a_single_name_are_lists_of_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fishbone = loaded("fishbone_single_cause.yaml", monkeypatch)
    assert [cause.name for cause in fishbone.categories[0].causes] == ["Untrained staff"]
    backlog = loaded("rank_single_ranking.yaml", monkeypatch)
    assert backlog.ballots[0] == ([0], 3.0)


def test_the_schemas_take_a_single_id_too() -> None:
    import jsonschema
    import yaml

    from mgmt_tools.schemas import schema_path

    for method, name in (("pert", "pert_single_ids.yaml"), ("rank", "rank_single_ranking.yaml")):
        schema = __import__("json").loads(schema_path(method).read_text(encoding="utf-8"))
        data = yaml.safe_load((MESSAGES / name).read_text(encoding="utf-8"))
        data = __import__("json").loads(__import__("json").dumps(data, default=str))
        jsonschema.validate(data, schema)


# --- 3. YAML indentation and tabs in plain words ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "pert_tab.yaml",
            "pert_tab.yaml:2:1: (top level): YAML syntax: a tab used for indentation (YAML "
            "indents with spaces only: replace the tab with spaces)",
        ),
        (
            "pert_over_indent.yaml",
            "pert_over_indent.yaml:3:6: (top level): YAML syntax: bad indentation: this line is "
            "indented more than the line above it (line 2), so it cannot start a key there "
            "(the keys of one mapping start in the same column)",
        ),
        (
            "pert_no_space.yaml",
            "pert_no_space.yaml:2:7: (top level): YAML syntax: a missing space after ':' "
            "(write 'id: A'; without the space 'id:A' is one word)",
        ),
        (
            "pert_colon_in_value.yaml",
            "pert_colon_in_value.yaml:1:14: (top level): YAML syntax: a ': ' inside a value: "
            'put the value in quotes (write project: "Note: urgent")',
        ),
    ],
)
def test_yaml_layout_mistakes_in_plain_words(
    name: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert problems_of(name, monkeypatch) == [expected]


# --- 4. a bad date once ----------------------------------------------------------------------


def test_a_bad_date_is_reported_once(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "pert_bad_date.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:3:11: deadline: not a date (write YYYY-MM-DD), got '2027-02-30'",
    ]


# --- 5. did you mean, for keywords -----------------------------------------------------------


def test_misspelt_keywords_get_did_you_mean(monkeypatch: pytest.MonkeyPatch) -> None:
    assert problems_of("decision_misspelt_type.yaml", monkeypatch) == [
        "decision_misspelt_type.yaml:3:9: root.type: unknown type 'chanse' "
        "(did you mean 'chance'?)",
    ]
    name = "index_misspelt.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:1:9: method: unknown method 'topsys' (did you mean 'topsis'?)",
        f"{name}:2:10: vikor_v: a percentage where a fraction is meant: write 0.5 for 50%",
        f"{name}:4:37: criteria[0].direction: unknown direction 'lowest' (one of: max, min)",
    ]


# --- 6. warnings for values outside a method's scale -----------------------------------------


def _warnings_of(name: str, check: Callable[[Any, Any], list[str]]) -> list[str]:
    text = (MESSAGES / name).read_text(encoding="utf-8")
    return check(load_text(text, "yaml", name), LazyLocator(text, "yaml", name))


AHP_WARNINGS = [
    "ahp_off_scale.yaml:4:16: comparisons[0][2]: judgement 15 is outside Saaty's scale 1/9..9 "
    "(did you mean 5 or 1.5?)",
    "ahp_off_scale.yaml:6:19: comparisons[2][2]: judgement 1/20 is outside Saaty's scale "
    "1/9..9 (did you mean 1/2?)",
]
LINK_WARNINGS = [
    "pert_duplicate_predecessors.yaml:4:42: tasks[1].depends_on[1]: 'A' is listed twice as a "
    "predecessor (first at depends_on[0]); one link is enough",
]


def test_judgements_off_saatys_scale_are_warned_about() -> None:
    assert _warnings_of("ahp_off_scale.yaml", judgement_warnings) == AHP_WARNINGS


def test_a_predecessor_listed_twice_is_warned_about() -> None:
    assert _warnings_of("pert_duplicate_predecessors.yaml", duplicate_link_warnings) == (
        LINK_WARNINGS
    )


def test_the_ahp_loader_carries_the_scale_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    judgements = loaded("ahp_off_scale.yaml", monkeypatch)
    assert list(judgements.load_warnings) == AHP_WARNINGS


def test_the_plan_loader_carries_the_duplicate_link_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    schedule = loaded("pert_duplicate_predecessors.yaml", monkeypatch)
    assert LINK_WARNINGS[0] in schedule.warnings


def _links(kinds: str) -> st.SearchStrategy[Any]:
    """A link to one of two predecessors (one id with a space) in each written form, any case,
    of the types in ``kinds`` (a group's links are FS or SS)."""
    forms = [
        ("FS", lambda task: task),
        ("FS", lambda task: f"{task}+1"),
        ("FS", lambda task: f"{task} fs"),
        ("FS", lambda task: {"task": task}),
        ("SS", lambda task: f"{task} ss-2"),
        ("SS", lambda task: {"task": task, "type": "ss", "lag": 1}),
        ("FF", lambda task: f"{task} FF"),
        ("FF", lambda task: {"task": task, "type": "FF"}),
    ]
    chosen = st.sampled_from([form for kind, form in forms if kind in kinds])
    return st.tuples(chosen, st.sampled_from(["A", "B C"])).map(lambda pair: pair[0](pair[1]))


@given(st.lists(_links("FS SS FF"), max_size=5), st.lists(_links("FS SS"), max_size=4))
def test_the_loader_looks_for_repeated_links_only_when_there_are_some(
    task_links: list[Any], group_links: list[Any]
) -> None:
    # the loader's vectorised pre-check must never hide a warning the full pass would give
    inner = [{"id": "D", "duration": 1, "depends_on": task_links}, {"id": "E", "duration": 1}]
    plan_data = {
        "tasks": [
            {"id": "A", "duration": 2},
            {"id": "B C", "duration": 3},
            {"id": "G", "depends_on": group_links, "tasks": inner},
        ]
    }
    warnings = duplicate_link_warnings(plan_data, Locator(None, {}, []))
    plan = from_dict(plan_data)
    assert has_repeated_links(plan) == bool(warnings)
    assert list(plan.load_warnings) == warnings


DATE_WARNINGS = [
    "goals_due_before_start.yaml:4:6: due: due 2027-01-01 is before start 2027-06-30",
    "goals_due_before_start.yaml:6:49: children[0].due: due 2027-01-15 is before start 2027-02-01",
]


def test_a_due_date_before_the_start_is_warned_about() -> None:
    assert _warnings_of("goals_due_before_start.yaml", date_order_warnings) == DATE_WARNINGS


def test_the_goals_result_carries_the_date_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    from mgmt_tools.goals import run

    result = run(loaded("goals_due_before_start.yaml", monkeypatch))
    assert [w for w in result.warnings if "before start" in w] == DATE_WARNINGS


# --- 7. aliases ------------------------------------------------------------------------------


def test_an_alias_inside_its_own_anchor_is_located(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "pert_self_alias.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:2:17: base[1]: the alias '*base' refers to the node it is inside "
        "(anchor '&base'): it would never end",
    ]


def test_an_alias_bomb_is_refused_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "pert_alias_bomb.yaml"
    started = time.perf_counter()
    assert problems_of(name, monkeypatch) == [
        f"{name}:7:55: l5[9]: the aliases expand this file to more than 1,000,000 "
        "values (at '*l4'); write the data out or use fewer aliases, or raise it with "
        "--limit values=N",
    ]
    assert time.perf_counter() - started < 5  # a generous bound: the walk would take hours


def test_the_locator_walks_an_aliased_node_once() -> None:
    from mgmt_tools._yaml import locator

    levels = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"] + [
        f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 9)
    ]
    started = time.perf_counter()
    where = locator("\n".join(levels), "yaml", "f.yaml")
    assert time.perf_counter() - started < 5  # a billion paths if every alias were walked
    # an alias is placed where its anchored node is written; inside it, nothing more is indexed
    assert where.position(("l8",)) == (9, 5)
    assert where.position(("l8", 9)) == (8, 5)
    assert where.position(("l8", 9, 3, 3)) == (8, 5)


def test_the_command_line_gives_exit_1_for_a_self_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MESSAGES)
    code, out, err = mgmt("pert", "pert_self_alias.yaml")
    assert code == 1
    assert out == ""
    assert "pert_self_alias.yaml:2:17: base[1]: the alias '*base'" in err


# --- 8. numbers that overflow ----------------------------------------------------------------


def test_huge_durations_are_located_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "pert_huge_durations.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:3:23: tasks[0].duration: too large (at most 1e15 in size), got '1e308'",
        f"{name}:4:23: tasks[1].duration: too large (at most 1e15 in size), got '1e308'",
        f"{name}:5:23: tasks[2].duration: too large (at most 1e15 in size), got '1e400'",
    ]


def test_huge_payoffs_and_counts_are_located_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "decision_huge_payoffs.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:5:15: root.branches[0].payoff: too large (at most 1e15 in size), got '1e308'",
        f"{name}:8:42: root.branches[0].node.branches[0].payoff: too large (at most 1e15 in "
        "size), got '1e308'",
    ]
    name = "pareto_huge_counts.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:3:14: counts.Paperwork: too large (at most 1e15 in size), got '1e308'",
        f"{name}:4:10: counts.Rates: too large (at most 1e15 in size), got '1e308'",
        f"{name}:5:11: counts.Queues: too large (at most 1e15 in size), got '1e400'",
    ]


def test_size_problems_places_each_huge_cell() -> None:
    from mgmt_tools._yaml import Locator

    found = size_problems(
        [1.0, 1e308, float("nan"), -1e16],
        lambda row: ("tasks", row, "duration"),
        Locator("f.csv", {}, []),
        ["1", "1e308", "", "-1e16"],
    )
    assert [str(problem) for problem in found] == [
        "f.csv: tasks[1].duration: too large (at most 1e15 in size), got '1e308'",
        "f.csv: tasks[3].duration: too large (at most 1e15 in size), got '-1e16'",
    ]


def test_huge_durations_in_a_csv_are_located_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "pert_huge_durations.csv"
    assert problems_of(name, monkeypatch) == [
        f"{name}:2:2: tasks[0].duration: too large (at most 1e15 in size), got '1e308'",
        f"{name}:3:2: tasks[1].duration: too large (at most 1e15 in size), got '1e308'",
    ]


def test_huge_counts_in_a_csv_are_located_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "pareto_huge_counts.csv"
    assert problems_of(name, monkeypatch) == [
        f"{name}:2:2: n: 'n' is too large (at most 1e15 in size): 1e308",
        f"{name}:3:2: n: 'n' is too large (at most 1e15 in size): 1e308",
    ]


def test_huge_index_values_are_located_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    name = "index_huge_values.yaml"
    assert problems_of(name, monkeypatch) == [
        f"{name}:5:23: alternatives[0].volume: too large (at most 1e15 in size), got '1e308'",
        f"{name}:6:23: alternatives[1].volume: too large (at most 1e15 in size), got '1e307'",
    ]


def test_every_file_here_is_tested() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for path in MESSAGES.iterdir():
        assert f'"{path.name}"' in source, path.name


def test_a_huge_computed_payoff_is_a_located_error(tmp_path: Path) -> None:
    from mgmt_tools import decision

    text = (
        "variables: {x: 1e10}\n"
        "root:\n"
        "  type: chance\n"
        "  branches:\n"
        '    - {name: Win, p: 0.5, payoff: "x * x"}\n'
        '    - {name: Lose, p: 0.5, payoff: "1e10 * 1e10"}\n'
    )
    with pytest.raises(InputError) as caught:
        decision.loads(text, source="tree.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        'tree.yaml:5:35: root.branches[0].payoff: expression "x * x": too large (at most 1e15 '
        "in size)",
        "tree.yaml:6:36: root.branches[1].payoff: too large (at most 1e15 in size), got 1e+20",
    ]


# --- 9. keywords and names of the command line and of every method ---------------------------


def test_a_misspelt_distribution_gets_did_you_mean() -> None:
    import numpy as np

    from mgmt_tools import pert
    from mgmt_tools.dist import sample_three_point

    plan = pert.from_dict(
        {"tasks": [{"id": "A", "optimistic": 1, "most_likely": 2, "pessimistic": 4}]}
    )
    with pytest.raises(
        InputError, match=r"unknown distribution 'triangle' \(did you mean 'triangular'\?\)"
    ):
        pert.simulate(plan, 10, seed=1, distribution="triangle")
    one = np.ones(1)
    with pytest.raises(ValueError, match=r"'triangle' \(did you mean 'triangular'\?\)"):
        sample_three_point(np.random.default_rng(1), one, one, one, 2, "triangle")


def test_a_name_of_control_characters_is_refused(tmp_path: Path) -> None:
    from mgmt_tools import pert

    text = 'tasks:\n  - {id: "\\a", duration: 1}\n  - {id: B, name: "\\x01\\t", duration: 1}\n'
    with pytest.raises(InputError) as caught:
        pert.loads(text, source="plan.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.yaml:2:10: tasks[0].id: a name needs visible characters, got '\\x07'",
        "plan.yaml:3:19: tasks[1].name: a name needs visible characters, got '\\x01\\t'",
    ]
    with pytest.raises(InputError) as caught:
        pert.loads("id,name,duration\n\a,x,1\nB,\x01,2\n", "csv", source="plan.csv")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.csv:2:1: tasks[0].id: a name needs visible characters, got '\\x07'",
        "plan.csv:3:2: tasks[1].name: a name needs visible characters, got '\\x01'",
    ]
    # a control character among visible ones is kept, and the diagram renders
    assert pert.loads('tasks: [{id: "A\\aB", duration: 1}]').ids == ["A\x07B"]
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    code, _, err = mgmt("pert", str(tmp_path / "plan.yaml"), "-o", str(tmp_path / "plan.svg"))
    assert code == 1
    assert "a name needs visible characters" in err
    assert "Graphviz" not in err
    assert not (tmp_path / "plan.svg").exists()


@pytest.mark.parametrize(
    ("method", "name", "line"),
    [
        ("pert", "pert_duplicate_predecessors.yaml", LINK_WARNINGS[0]),
        ("ahp", "ahp_off_scale.yaml", AHP_WARNINGS[1]),
        ("goals", "goals_due_before_start.yaml", DATE_WARNINGS[0]),
    ],
)
def test_the_load_warnings_reach_the_command_line(
    method: str, name: str, line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(MESSAGES)
    code, out, err = mgmt(method, name)
    assert code == 0
    assert f"warning: {line}\n" in err
    assert line not in out
