"""`mgmt decision` through Click's CliRunner: text summary, JSON, --vary, --tornado, the tree
diagram and the charts, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mgmt_cli.main import cli

from ..decision.test_formats_example import EXAMPLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "decision"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    path = tmp_path / "tree.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["decision", *args], input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_summary_by_default(tree: Path) -> None:
    code, out, err = run(str(tree))
    assert code == 0
    assert "Expected value: 140.8 CNY k" in out
    assert "Client outcome: 6.4" in out
    assert err == ""


def test_json_with_vary_and_tornado(tree: Path) -> None:
    code, out, _ = run(str(tree), "--json", "--vary", "p_default=0:0.1:2", "--tornado")
    assert code == 0
    data = json.loads(out)
    assert data["expected_value"] == pytest.approx(140.8)
    assert data["sensitivity"]["values_by_branch"]["Extend"] == [160.0, pytest.approx(136.0)]
    assert data["tornado"][0]["swing"] == pytest.approx(28.8)


def test_output_file_and_stdin(tree: Path, tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    code, out, err = run("-", "-o", str(target), stdin=EXAMPLE)
    assert code == 0
    assert out == ""
    assert f"wrote {target}" in err
    assert json.loads(target.read_text(encoding="utf-8"))["policy"] == {"root": "Extend"}


def test_bad_tree_exits_1_with_located_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(EXAMPLE.replace('"1 - p_default"', '"1 - p_defualt"'), encoding="utf-8")
    code, out, err = run(str(path))
    assert code == 1
    assert out == ""
    assert 'bad.yaml:8:9: variables.p_ok: expression "1 - p_defualt": unknown variable' in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--vary", "p_default"], "VAR=LOW:HIGH"),
        (["--vary", "p_defualt=0:1"], "did you mean 'p_default'"),
        (["-o", "tree.mmd"], "cannot write mermaid"),
    ],
)
def test_usage_errors_exit_2(tree: Path, args: list[str], message: str) -> None:
    code, _, err = run(str(tree), *args)
    assert code == 2
    assert message in err


def test_a_varied_probability_out_of_range_exits_1(tree: Path) -> None:
    code, _, err = run(str(tree), "--vary", "p_default=0:1.5:4")
    assert code == 1
    assert "outside [0, 1]" in err


@pytest.mark.parametrize("name", ["credit-line-steel.yaml", "payroll-bid.yaml"])
def test_examples_run(name: str) -> None:
    code, out, _ = run(str(EXAMPLES / name), "--tornado")
    assert code == 0
    assert "Tornado" in out


@pytest.mark.parametrize(
    ("options", "magic"),
    [
        ((), b"<svg"),
        (("--chart", "risk-profile"), b"<svg"),
        (("--risk-profile",), b"<svg"),
        (("--vary", "p_default=0:0.2"), b"<svg"),
        (("--tornado",), b"<svg"),
    ],
)
@pytest.mark.dot
def test_diagram_and_charts(
    tree: Path, tmp_path: Path, options: tuple[str, ...], magic: bytes
) -> None:
    out = tmp_path / "picture.svg"
    code, _, err = run(str(tree), *options, "-o", str(out))
    assert code == 0, err
    assert magic in out.read_bytes()[:500]


def test_tree_dot_and_depth(tree: Path) -> None:
    code, full, _ = run(str(tree), "-f", "dot", "-o", "-")
    assert code == 0
    assert full.startswith("digraph")
    code, shallow, _ = run(str(tree), "-f", "dot", "-o", "-", "--depth", "1")
    assert code == 0
    assert shallow.count("->") < full.count("->")


def test_chart_without_its_study_is_a_usage_error(tree: Path, tmp_path: Path) -> None:
    code, _, err = run(str(tree), "--chart", "sensitivity", "-o", str(tmp_path / "s.svg"))
    assert code == 2
    assert "needs --vary" in err
    code, _, err = run(str(tree), "--chart", "tornado", "-f", "dot", "-o", "-")
    assert code == 2
    assert "needs --tornado" in err


def test_missing_graphviz_writes_the_tree_dot(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    out = tmp_path / "tree.png"
    code, _, err = run(str(tree), "-o", str(out))
    assert code == 3
    assert not out.exists()
    assert (tmp_path / "tree.dot").read_text(encoding="utf-8").startswith("digraph")
    assert "Graphviz" in err
