"""What every command does the same way: a text summary by default; exit code 1 for bad input,
with every problem located; 2 for a usage error, with what to write instead; 3 without
Graphviz, with the DOT source written beside the asked-for picture."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import EXAMPLES
from ..decision.test_formats_example import EXAMPLE as TREE
from ..helpers import mgmt, written
from ..mcda.test_formats_example import INDEX_EXAMPLE
from .test_pert_cli import PLAN


def _example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


SUMMARIES = [
    ("pert", PLAN, "plan.yaml", [], ["Collect KYC documents", "A -> B -> M"], ""),
    ("decision", TREE, "tree.yaml", [], ["Expected value: 140.8 CNY k", "Client outcome: 6.4"], ""),
    (
        "index",
        INDEX_EXAMPLE,
        "matrix.yaml",
        [],
        [
            "Method: weighted_sum (score: weighted sum; higher is better)",
            "Normalization: minmax",
            "Weighting: given",
            "1  Vendor A  score 0.6500",
        ],
        "warning: the comparisons are not used: weighting is given\n",
    ),
    (
        "ahp",
        _example("ahp/team-leader.yaml"),
        "team-leader.yaml",
        [],
        [
            "Method: eigenvector (priorities)",
            "Random index: saaty1980",
            "completed: Credit judgement against Seniority",
            "Overall priorities:",
        ],
        "",
    ),
    (
        "fishbone",
        _example("fishbone/slow-credit-approval.yaml"),
        "slow-credit-approval.yaml",
        [],
        ["Relationship managers submit incomplete"],
        "",
    ),
    (
        "goals",
        _example("goals/deposit-growth-2027.yaml"),
        "deposit-growth-2027.yaml",
        [],
        ["Keep the top 20 clients' balances", "[ALL of]", "SMART gaps"],
        "",
    ),
    (
        "pareto",
        _example("pareto/complaints.csv"),
        "complaints.csv",
        ["--column", "reason"],
        ["Long wait at the counter", "vital few (5 of 11)"],
        "",
    ),
    (
        "rank",
        _example("rank/client-pipeline.yaml"),
        "client-pipeline.yaml",
        [],
        ["Dr. Chen family office"],
        "",
    ),
]
"""Each command on an input: the file's text and name, options, lines of the summary and the
whole of stderr."""


@pytest.mark.parametrize(
    ("method", "text", "name", "args", "lines", "err"),
    SUMMARIES,
    ids=[case[0] for case in SUMMARIES],
)
def test_text_summary_by_default(
    method: str, text: str, name: str, args: list[str], lines: list[str], err: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, stderr = mgmt(method, str(path), *args)
    assert code == 0, stderr
    for line in lines:
        assert line in out
    assert stderr == err


@pytest.mark.parametrize(
    ("method", "text", "problem"),
    [
        (
            "decision",
            TREE.replace('"1 - p_default"', '"1 - p_defualt"'),
            'bad.yaml:8:9: variables.p_ok: expression "1 - p_defualt": unknown variable',
        ),
        (
            "index",
            INDEX_EXAMPLE.replace("weight: 0.35", "weight: -0.35"),
            "bad.yaml:7:28: criteria[1].weight: negative weight -0.35: weights are 0 or more",
        ),
        ("ahp", "comparisons: [[A, B, 0]]\n", "bad.yaml:1:22: comparisons[0][2]: a judgement of 0"),
    ],
)
def test_bad_input_exits_1_with_located_problems(
    method: str, text: str, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = mgmt(method, str(path))
    assert code == 1
    assert out == ""
    assert problem in err


@pytest.mark.parametrize(
    ("method", "text", "args", "message"),
    [
        ("decision", TREE, ["--vary", "p_default"], "VAR=LOW:HIGH"),
        ("decision", TREE, ["--vary", "p_defualt=0:1"], "did you mean 'p_default'"),
        ("decision", TREE, ["-o", "tree.mmd"], "cannot write mermaid"),
        ("index", INDEX_EXAMPLE, ["--method", "electre"], "Invalid value for '--method'"),
        ("index", INDEX_EXAMPLE, ["-o", "ranking.csv"], "cannot write csv"),
        (
            "index",
            INDEX_EXAMPLE,
            ["--chart", "acceptability", "-o", "a.svg"],
            "the acceptability chart needs --sensitivity",
        ),
        (
            "index",
            INDEX_EXAMPLE,
            ["--chart", "ranking", "-f", "dot", "-o", "-"],
            "the ranking chart is drawn as svg",
        ),
        ("index", INDEX_EXAMPLE, ["--vikor-v", "2"], "--vikor-v"),
        ("pert", PLAN, ["-o", "x.foo"], "svg, png, pdf"),
        ("pert", PLAN, ["-o", "x.html"], "cannot write html"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    method: str,
    text: str,
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # where an output named without a folder would go
    path = written(tmp_path / "input.yaml", text)
    code, _, err = mgmt(method, str(path), *args)
    assert code == 2
    assert message in err
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    ("method", "text", "picture", "head"),
    [
        ("pert", PLAN, "net.png", "digraph"),
        ("decision", TREE, "tree.png", "digraph"),
        ("index", INDEX_EXAMPLE, "hierarchy.png", "digraph"),
        ("ahp", _example("ahp/team-leader.yaml"), "leader.pdf", "digraph"),
        ("fishbone", _example("fishbone/slow-credit-approval.yaml"), "f.svg", "digraph fishbone"),
    ],
)
def test_missing_graphviz_writes_dot_and_exits_3(
    method: str,
    text: str,
    picture: str,
    head: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "input.yaml"
    source.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    out = tmp_path / picture
    code, _, err = mgmt(method, str(source), "-o", str(out))
    assert code == 3
    assert not out.exists()
    assert out.with_suffix(".dot").read_text(encoding="utf-8").startswith(head)
    # one line of message; the input's own warnings (index: unused comparisons) come before it
    (message,) = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert "Graphviz" in message
