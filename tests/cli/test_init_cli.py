"""``mgmt init METHOD [FILE]``: a commented starter for every method that runs as it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from mgmt_tools._yaml import load_text
from mgmt_tools.init import MODELINE, starter, write_starter
from mgmt_tools.methods import METHODS
from mgmt_tools.schemas import generate

from ..helpers import mgmt

NAMES = sorted(METHODS)


@pytest.mark.parametrize("method", NAMES)
def test_starter_validates_loads_and_runs(method: str) -> None:
    entry = METHODS[method]
    text = starter(method)
    assert text.splitlines()[0] == f"{MODELINE}{entry.schema_name}.schema.json"
    jsonschema.validate(load_text(text, "yaml"), generate(entry.schema_name))
    result = entry.compute(entry.loads(text, "yaml", source="x"))
    document = result.to_dict()
    assert document["command"] in (method, entry.schema_name)
    assert document["warnings"] == [], "a starter should run without warnings"


@pytest.mark.parametrize("method", NAMES)
def test_starter_comments_every_key_in_english(method: str) -> None:
    """The first line that uses a key of the format carries a comment explaining it."""
    from mgmt_tools.formats_doc import field_names

    text = starter(method)
    lines = text.splitlines()
    assert lines[1].startswith("# ")
    assert f"`mgmt {METHODS[method].schema_name}" in lines[1]
    keys = {path.rsplit(".", 1)[-1] for path in field_names(METHODS[method].schema_name)}
    seen: set[str] = set()
    for line in lines:
        match = re.match(r"\s*(?:- )?([A-Za-z_]+):(?:\s|$)", line)
        if match is None or match.group(1) not in keys or match.group(1) in seen:
            continue
        seen.add(match.group(1))
        assert "#" in line, f"{method}: no comment on the first use of {match.group(1)!r}"
    assert len(seen) >= 3
    assert text.isascii(), "English starters (ids and names too)"


@pytest.mark.parametrize("method", NAMES)
def test_written_starter_runs_through_the_command(method: str, tmp_path: Path) -> None:
    target = tmp_path / "start.yaml"
    code, _, err = mgmt("init", method, str(target))
    assert code == 0, err
    assert f"mgmt {method} {target}" in err
    assert target.read_text(encoding="utf-8") == starter(method)
    code, out, err = mgmt(method, str(target), "--json")
    assert code == 0, err
    assert json.loads(out)["warnings"] == []


def test_stdout_without_file() -> None:
    code, out, _ = mgmt("init", "goals")
    assert code == 0
    assert out == starter("goals")
    assert mgmt("init", "goals", "-").out == starter("goals")


def test_gantt_starts_from_pert() -> None:
    assert mgmt("init", "gantt").out == starter("pert")


def test_method_names_ignore_case() -> None:
    assert mgmt("init", "PERT").out == starter("pert")


def test_unknown_method_is_a_usage_error() -> None:
    code, _, err = mgmt("init", "pertt")
    assert code == 2
    assert "pertt" in err
    assert "pert" in err.split("pertt", 1)[1]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("my plan\n", encoding="utf-8")
    code, _, err = mgmt("init", "pert", str(target))
    assert code == 2
    assert "exists" in err
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "my plan\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"], "no temporary left"


def test_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("my plan\n", encoding="utf-8")
    code, _, _ = mgmt("init", "pert", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8") == starter("pert")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_missing_directory_is_an_environment_error(tmp_path: Path) -> None:
    code, _, err = mgmt("init", "rank", str(tmp_path / "no" / "backlog.yaml"))
    assert code == 1
    assert "no such folder" in err
    assert not (tmp_path / "no").exists()


def test_write_starter_keeps_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "tree.yaml"
    write_starter("decision", target)
    target.write_text("edited\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_starter("decision", target)
    assert target.read_text(encoding="utf-8") == "edited\n"
    write_starter("decision", target, force=True)
    assert target.read_text(encoding="utf-8") == starter("decision")


def test_unknown_method_in_the_library() -> None:
    with pytest.raises(KeyError):
        starter("report")


def test_starters_ship_in_the_wheel() -> None:
    """The starters are package data: hatch's wheel takes every file under mgmt_tools/."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "mgmt_tools" in config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    kept = {p.stem for p in (root / "mgmt_tools" / "starters").glob("*.yaml")}
    assert kept == {METHODS[name].schema_name for name in NAMES}
