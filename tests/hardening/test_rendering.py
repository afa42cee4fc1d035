"""Bounded drawing (issue #14, Deliver 2, the drawing half): every Graphviz run has a time limit,
a diagram too big for Graphviz is refused before it runs, labels are shortened in pictures only,
and the pictures that hung or broke (a tree 100 levels deep, a root with 3,000 branches, a 1 MB
task name, empty names) draw in seconds. The numbers are never cut, only the picture.

The time limit is tested with a fake ``dot`` on the PATH that sleeps, and a tiny
``--render-timeout``, so that the tests stay fast.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from pathlib import Path

import pytest

from mgmt_tools import limits
from mgmt_tools.errors import RenderError
from mgmt_tools.render import shorten
from mgmt_tools.render.graphviz import diagram_size, pipe
from tests.conftest import EXAMPLES
from tests.helpers import mgmt, written

SOURCE = "digraph g { a -> b }\n"


def _fake_graphviz(folder: Path, body: str) -> Path:
    """A folder holding ``dot`` and ``neato`` scripts that run ``body`` (sh)."""
    folder.mkdir(exist_ok=True)
    for name in ("dot", "neato"):
        script = folder / name
        script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return folder


@pytest.fixture
def slow_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Graphviz that never finishes: it starts a child (which keeps the output pipe open)
    and waits for it, so only killing the whole process group ends it."""
    folder = _fake_graphviz(tmp_path / "bin", "sleep 30 &\nwait")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return folder


@pytest.fixture
def recording_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Graphviz that leaves a file ``ran`` beside it when it is run."""
    folder = _fake_graphviz(tmp_path / "bin", f'touch "{tmp_path / "bin" / "ran"}"')
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return folder


# --- the time limit ---------------------------------------------------------------------------


def test_a_slow_graphviz_is_stopped_at_the_time_limit(slow_graphviz: Path) -> None:
    started = time.monotonic()
    with limits.using(render_timeout=0.2), pytest.raises(RenderError) as caught:
        pipe(SOURCE, "svg", diagram="the test diagram", simpler="--depth N")
    assert time.monotonic() - started < 10  # the sleeping child was killed too
    message = str(caught.value)
    assert caught.value.exit_code == 1
    assert "Graphviz 'dot' was stopped after 0.2 s drawing the test diagram" in message
    assert "(3 nodes and edges)" in message
    assert "raise it with --render-timeout" in message
    assert "draw a simpler picture with --depth N; the numbers stay complete" in message


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["pert", "pert/branch-campaign.yaml"], ["the network of 11 tasks", "--max-diagram-tasks"]),
        (["decision", "decision/credit-line-steel.yaml"], ["the decision tree of", "--depth N"]),
        (["goals", "goals/deposit-growth-2027.yaml"], ["the goal tree of 11 goals", "--depth N"]),
        (
            ["fishbone", "fishbone/slow-credit-approval.yaml"],
            ["Graphviz 'neato'", "the fishbone", "--max-causes N"],
        ),
        (["ahp", "ahp/team-leader.yaml"], ["the hierarchy"]),
    ],
    # rank's priority matrix is a matplotlib chart (issue #16): no Graphviz to stop
    ids=["pert", "decision", "goals", "fishbone", "ahp"],
)
def test_every_diagram_command_stops_at_render_timeout(
    slow_graphviz: Path, tmp_path: Path, args: list[str], names: list[str]
) -> None:
    target = tmp_path / "out.svg"
    started = time.monotonic()
    code, _, err = mgmt(
        args[0], str(EXAMPLES / args[1]), "-o", str(target), "--render-timeout", "0.2"
    )
    assert time.monotonic() - started < 20
    assert code == 1, err
    assert "was stopped after 0.2 s" in err
    assert "--render-timeout" in err
    for name in names:
        assert name in err
    assert "Traceback" not in err
    assert "internal error" not in err
    assert not target.exists()


# --- the size limit ---------------------------------------------------------------------------


def test_a_diagram_over_the_size_limit_never_reaches_graphviz(
    recording_graphviz: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.svg"
    code, _, err = mgmt(
        "pert", str(EXAMPLES / "pert/branch-campaign.yaml"), "-o", str(target), "--limit",
        "diagram=10",
    )  # fmt: skip
    assert code == 1
    assert "the network of 11 tasks is too big to draw: 24 nodes and edges" in err
    assert "more than the limit of 10; raise it with --limit diagram=N" in err
    assert "--max-diagram-tasks N" in err
    assert not (recording_graphviz / "ran").exists()
    assert not target.exists()


def test_diagram_size_skips_labels_and_attributes() -> None:
    assert diagram_size('digraph { a [label="x -> y; z -- w"]; b; a -> b -> c }') == 3 + 2
    assert diagram_size("digraph {\n a [label=<<B>a -> b</B>>]\n {rank=same; a}\n}") == 1
    assert diagram_size("graph { node [shape=box]; rankdir=LR; subgraph s { x -- y } }") == 2 + 1


# --- big trees draw, simplified ---------------------------------------------------------------


def _chain(levels: int) -> dict[str, object]:
    """A chance node with a terminal and a deeper chance node, ``levels`` times."""
    node: dict[str, object] | None = None
    for level in range(levels, 0, -1):
        deeper: dict[str, object] = {"name": f"go on {level}", "p": 0.5, "payoff": 2}
        if node is not None:
            deeper["node"] = node
        node = {"type": "chance", "branches": [{"name": f"stop {level}", "p": 0.5}, deeper]}
    return {"root": node}


@pytest.mark.dot
def test_a_tree_100_levels_deep_draws_in_seconds(tmp_path: Path) -> None:
    # 201 nodes: dot took over 100 s while the 101 terminals were kept on one rank
    tree = written(tmp_path / "deep.json", json.dumps(_chain(100)))
    target = tmp_path / "deep.svg"
    started = time.monotonic()
    code, _, err = mgmt("decision", str(tree), "-o", str(target), "--max-depth", "1000")
    assert code == 0, err
    assert time.monotonic() - started < 15
    assert target.read_bytes().startswith(b"<?xml")
    code, out, _ = mgmt("decision", str(tree), "-f", "dot", "--max-depth", "1000")
    assert code == 0
    assert "rank=same" not in out
    code, out, _ = mgmt("decision", str(tree), "-f", "dot", "--depth", "3", "--max-depth", "1000")
    assert "rank=same" in out  # a shallow drawing still lines its terminals up


@pytest.mark.dot
def test_a_root_with_3000_branches_draws_the_first_and_the_chosen(tmp_path: Path) -> None:
    branches = [{"name": f"option {i}", "payoff": i} for i in range(3000)]
    tree = written(
        tmp_path / "wide.json", json.dumps({"root": {"type": "decision", "branches": branches}})
    )
    code, out, _ = mgmt("decision", str(tree), "-f", "dot")
    assert code == 0
    assert "… 2,949 more branches" in out
    assert "option 2999" in out  # the best branch is drawn though it comes last
    assert "option 49" in out
    assert "option 50" not in out
    assert "At most 50 branches of a node drawn: 52 of 3,001 nodes" in out
    code, out, _ = mgmt("decision", str(tree), "-f", "dot", "--max-branches", "3")
    assert "… 2,996 more branches" in out
    code, out, _ = mgmt("decision", str(tree), "--json")
    assert len(json.loads(out)["branch_values"]) == 3000  # the numbers are complete
    target = tmp_path / "wide.svg"
    code, _, err = mgmt("decision", str(tree), "-o", str(target))
    assert code == 0, err
    code, _, err = mgmt("decision", str(tree), "-o", str(target), "--max-branches", "5000")
    assert code == 1
    assert "too big to draw" in err
    assert "--max-branches N" in err


def test_a_goal_with_3000_subgoals_draws_the_first(tmp_path: Path) -> None:
    children = [{"goal": f"goal {i}", "progress": 0.5} for i in range(3000)]
    tree = written(tmp_path / "goals.json", json.dumps({"goal": "Root", "children": children}))
    code, out, _ = mgmt("goals", str(tree), "-f", "dot")
    assert code == 0
    assert "… 2,950 more goals" in out
    # bounded: the root, 50 goals and the count box with their links, and the hanging
    # points and bus of the stacked columns (issue #16), never the 3,000
    assert 1 + 50 + 1 + 51 <= diagram_size(out) <= 5 * (1 + 50 + 1)
    code, out, _ = mgmt("goals", str(tree), "-f", "dot", "--max-branches", "2")
    assert "… 2,998 more goals" in out


@pytest.mark.dot
def test_a_category_with_3000_causes_draws_the_first(tmp_path: Path) -> None:
    causes = [f"cause {i}" for i in range(3000)]
    fish = written(tmp_path / "fish.json", json.dumps({"effect": "E", "categories": {"P": causes}}))
    target = tmp_path / "fish.svg"
    code, _, err = mgmt("fishbone", str(fish), "-o", str(target))
    assert code == 0, err
    assert "… 2,970 more causes" in target.read_text(encoding="utf-8")
    code, _, err = mgmt("fishbone", str(fish), "-o", str(target), "--max-causes", "3000")
    assert code == 1
    assert "the fishbone is too big to draw" in err
    assert "--max-causes N" in err


# --- long labels ------------------------------------------------------------------------------


def test_shorten_cuts_with_an_ellipsis_at_the_limit() -> None:
    assert shorten("x" * 200) == "x" * 200
    assert shorten("x" * 201) == "x" * 199 + "…"
    with limits.using(max_label=5):
        assert shorten("abcdefgh") == "abcd…"


@pytest.mark.dot
@pytest.mark.parametrize("output", ["plan.svg", "plan.dot", "plan.mmd", "gantt.svg", "gantt.mmd"])
def test_a_huge_task_name_is_shortened_in_pictures_only(tmp_path: Path, output: str) -> None:
    name = "Collect documents " * 60_000  # 1 MB
    plan = {
        "tasks": [
            {"id": "A", "name": name, "duration": 2},
            {"id": "B", "duration": 1, "depends_on": ["A"]},
        ]
    }
    source = written(tmp_path / "plan.json", json.dumps(plan))
    target = tmp_path / output
    chart = ["--chart", "gantt"] if output.startswith("gantt") else []
    started = time.monotonic()
    code, _, err = mgmt("pert", str(source), *chart, "-o", str(target), "--limit", "text=2000000")
    assert code == 0, err
    assert time.monotonic() - started < 30
    assert target.stat().st_size < 100_000
    code, out, _ = mgmt("pert", str(source), "--json", "--limit", "text=2000000")
    assert json.loads(out)["tasks"][0]["name"] == name  # the JSON keeps the whole text


def test_label_limit_is_an_option(tmp_path: Path) -> None:
    plan = {"tasks": [{"id": "A", "name": "Collect the documents of the client", "duration": 2}]}
    source = written(tmp_path / "plan.json", json.dumps(plan))
    code, out, _ = mgmt("pert", str(source), "-f", "dot", "--limit", "label=10")
    assert code == 0
    assert "Collect t…" in out
    assert "the client" not in out


# --- empty names ------------------------------------------------------------------------------

EMPTY_NAMES = {
    "decision": (
        "decision.yaml",
        "root:\n  type: decision\n  name: ''\n  branches:\n    - {name: '', payoff: 1}\n"
        "    - {name: B, node: {type: chance, name: '', branches: "
        "[{name: '', p: 0.5, payoff: 3}, {name: C, p: rest}]}}\n",
    ),
    "goals": ("goals.yaml", "goal: ''\nchildren: [{goal: '', progress: 0.5, owner: ''}]\n"),
    "pert": ("plan.yaml", "project: ''\ntasks: [{id: A, name: '', duration: 2}]\n"),
    "fishbone": ("fish.yaml", "effect: ''\ncategories:\n  '': [{cause: '', causes: ['']}]\n"),
}


@pytest.mark.dot
@pytest.mark.parametrize("method", sorted(EMPTY_NAMES))
def test_empty_names_draw_as_empty_labels(tmp_path: Path, method: str) -> None:
    # Graphviz refuses <B></B>: the label of an empty name was a syntax error, unlocated
    name, text = EMPTY_NAMES[method]
    source = written(tmp_path / name, text)
    code, dot, err = mgmt(method, str(source), "-f", "dot")
    assert code == 0, err
    assert "<B></B>" not in dot
    assert not re.search(r"<FONT[^>]*></FONT>", dot)
    for fmt in ("svg", "png"):
        target = tmp_path / f"out.{fmt}"
        code, _, err = mgmt(method, str(source), "-o", str(target))
        assert code == 0, err
        assert target.stat().st_size > 0


# --- extreme numbers --------------------------------------------------------------------------


@pytest.mark.dot
@pytest.mark.parametrize("chart", ["hierarchy", "ranking"])
def test_ahp_with_extreme_judgements_draws_in_seconds(tmp_path: Path, chart: str) -> None:
    text = (
        "goal: G\ncriteria: [A, B, C]\n"
        "criteria_comparisons: [[A, B, 1e15], [A, C, 1e15], [B, C, 1e15]]\n"
        "alternatives: [X, Y]\n"
        "alternative_comparisons:\n  A: [[X, Y, 1e15]]\n  B: [[X, Y, 1e-15]]\n  C: [[X, Y, 2]]\n"
    )
    source = written(tmp_path / "ahp.yaml", text)
    target = tmp_path / f"{chart}.svg"
    started = time.monotonic()
    code, _, err = mgmt("ahp", str(source), "--chart", chart, "-o", str(target))
    assert code == 0, err
    assert time.monotonic() - started < 30
