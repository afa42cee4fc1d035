"""`mgmt pert` through Click's CliRunner: outputs, formats, exit codes, stdin, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ..helpers import MAGIC, input_file, mgmt, written

PLAN = """\
project: Supply-chain finance onboarding
start: 2027-03-01
deadline: 8
tasks:
  - {id: A, name: Collect KYC documents, duration: 3}
  - {id: B, optimistic: 2, most_likely: 4, pessimistic: 9, depends_on: [A]}
  - id: C
    duration: 2
    depends_on: [{task: B, type: SS, lag: 1}, "A FF+2"]
  - {id: M, name: Credit approved, milestone: true, depends_on: [B, C]}
"""


plan = input_file("plan.yaml", PLAN)


def test_json_matches_formats_md_example(plan: Path) -> None:
    code, out, _ = mgmt("pert", str(plan), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["command"] == "pert"
    assert data["method"] == "cpm"
    assert data["duration"] == 7.5
    assert data["start_date"] == "2027-03-01"
    assert data["finish_date"] == "2027-03-10"
    assert data["critical_paths"] == [["A", "B", "M"]]
    c = data["tasks"][2]
    assert (c["es"], c["ef"], c["ls"], c["lf"]) == (4.0, 6.0, 5.5, 7.5)
    assert (c["total_float"], c["free_float"], c["critical"]) == (1.5, 1.5, False)
    assert (c["start_date"], c["finish_date"]) == ("2027-03-05", "2027-03-08")
    pert = data["pert"]
    assert round(pert["variance"], 4) == 1.3611
    assert round(pert["sd"], 4) == 1.1667
    assert round(pert["probability"], 4) == 0.6659
    assert {k: round(v, 3) for k, v in pert["quantiles"].items()} == {
        "0.5": 7.5,
        "0.8": 8.482,
        "0.9": 8.995,
        "0.95": 9.419,
        "0.99": 10.214,
    }
    assert data["warnings"] == []


def test_deadline_option_overrides_the_file(plan: Path) -> None:
    _, out, _ = mgmt("pert", str(plan), "--json", "--deadline", "7.5")
    assert json.loads(out)["pert"]["probability"] == pytest.approx(0.5)
    _, out, _ = mgmt("pert", str(plan), "--json", "--deadline", "2027-03-10")
    assert json.loads(out)["pert"]["deadline"] == 8.0  # end of working day 7


def test_bad_deadline_is_a_usage_error(plan: Path) -> None:
    code, _, err = mgmt("pert", str(plan), "--deadline", "soon")
    assert code == 2
    assert "neither a number" in err


def test_stdin_yaml_and_json(plan: Path) -> None:
    code, out, _ = mgmt("pert", "-", "--json", stdin=PLAN)
    assert code == 0
    assert json.loads(out)["duration"] == 7.5
    as_json = json.dumps({"tasks": [{"id": "A", "duration": 2}]})
    code, out, _ = mgmt("pert", "-", "--json", stdin=as_json)
    assert json.loads(out)["duration"] == 2.0


@pytest.mark.parametrize(
    ("suffix", "head"),
    [
        (".json", b"{"),
        (".csv", b"id,name,duration"),
        (".dot", b"digraph"),
        (".mmd", b"flowchart LR"),
        pytest.param(".svg", b"<svg", marks=pytest.mark.dot),
        pytest.param(".png", b"\x89PNG", marks=pytest.mark.dot),
        pytest.param(".pdf", b"%PDF", marks=pytest.mark.dot),
    ],
)
def test_formats_by_suffix(plan: Path, tmp_path: Path, suffix: str, head: bytes) -> None:
    out = tmp_path / f"out{suffix}"
    code, _, _ = mgmt("pert", str(plan), "-o", str(out))
    assert code == 0
    data = out.read_bytes()
    # a rendered file opens with its format's magic (an SVG with its XML declaration)
    assert data.startswith(MAGIC.get(suffix[1:], head))
    assert head in data[:400]


def test_format_flag_overrides_suffix_and_stdout(plan: Path) -> None:
    code, out, _ = mgmt("pert", str(plan), "-f", "mermaid", "-o", "-")
    assert code == 0
    assert out.startswith("flowchart LR")


def test_invalid_input_exit_1_located_and_no_output_file(tmp_path: Path) -> None:
    bad = written(
        tmp_path / "bad.yaml",
        "tasks:\n  - {id: A, duration: -1}\n  - {id: B, duration: 1, depends_on: [Z]}\n",
    )
    out = tmp_path / "bad.svg"
    code, stdout, err = mgmt("pert", str(bad), "-o", str(out))
    assert code == 1
    assert stdout == ""
    assert f"{bad}:2:23: tasks[0].duration: negative duration -1" in err
    assert f"{bad}:3:39: tasks[1].depends_on[0]: unknown task 'Z'" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == [bad]


def test_cycle_is_printed(tmp_path: Path) -> None:
    bad = written(
        tmp_path / "cycle.yaml",
        "tasks:\n  - {id: A, duration: 1, depends_on: [C]}\n"
        "  - {id: B, duration: 1, depends_on: [A]}\n"
        "  - {id: C, duration: 1, depends_on: [B]}\n",
    )
    code, _, err = mgmt("pert", str(bad))
    assert code == 1
    assert "cycle: A -> B -> C -> A" in err


def test_error_list_stops_at_20(tmp_path: Path) -> None:
    bad = written(
        tmp_path / "many.yaml",
        "tasks:\n" + "".join(f"  - {{id: T{n}, duration: -1}}\n" for n in range(25)),
    )
    code, _, err = mgmt("pert", str(bad))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 21
    assert lines[-1] == "... and 5 more problems"


def test_missing_file_is_usage_error(tmp_path: Path) -> None:
    code, _, err = mgmt("pert", str(tmp_path / "none.yaml"))
    assert code == 2
    assert "cannot read" in err


def test_never_overwrites_the_input(plan: Path) -> None:
    before = plan.read_bytes()
    code, _, err = mgmt("pert", str(plan), "-f", "json", "-o", str(plan))
    assert code == 2
    assert "refusing to overwrite" in err
    assert plan.read_bytes() == before


def test_warnings_go_to_stderr(tmp_path: Path) -> None:
    plan = written(
        tmp_path / "near.yaml",
        "tasks:\n  - {id: A, optimistic: 1, most_likely: 5, pessimistic: 15}\n"
        "  - {id: B, duration: 4.5}\n",
    )
    code, out, err = mgmt("pert", str(plan), "--json")
    assert code == 0
    assert "merge bias" in err
    assert json.loads(out)["warnings"][0].startswith("merge bias: path B")


def test_schema_command_prints_the_kept_schema() -> None:
    from mgmt_tools.schemas import schema_path

    code, out, _ = mgmt("schema", "pert")
    assert code == 0
    assert out == schema_path("pert").read_text(encoding="utf-8")


def test_ms_project_xml_out_and_back_in(plan: Path, tmp_path: Path) -> None:
    xml = tmp_path / "plan.xml"
    code, _, _ = mgmt("pert", str(plan), "-o", str(xml))
    assert code == 0
    assert xml.read_text(encoding="utf-8").startswith("<?xml")
    code, out, _ = mgmt("pert", str(xml), "--json")
    assert code == 0
    again = json.loads(out)
    assert again["duration"] == 7.5
    assert [t["es"] for t in again["tasks"]] == [0.0, 3.0, 4.0, 7.5]
    assert again["pert"]["sd"] == pytest.approx(7 / 6)  # the estimates survive the trip


def test_written_files_get_the_usual_permissions(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    mask = os.umask(0o022)
    try:
        code, _, _ = mgmt("pert", str(plan), "-o", str(out))
    finally:
        os.umask(mask)
    assert code == 0
    assert out.stat().st_mode & 0o777 == 0o644
