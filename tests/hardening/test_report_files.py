"""Report files are data (issue #14): a report writes its output and its pictures folder and
nothing else, never over a file it did not write; a file named in an input that is not of the
expected kind is located by name and position, its content never quoted."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgmt_tools.report.files import MANIFEST
from tests.helpers import mgmt, written

PLAN = "tasks:\n  - {id: A, duration: 2}\n  - {id: B, duration: 3, depends_on: [A]}\n"
REPORT = "title: R\nsections:\n  - {method: pert, input: plan.yaml}\n"
SECRET = "root:x:0:0:root:/root:/bin/bash\nsecret-token-4711\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR secret-token-4711 \xff\xfe"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    written(tmp_path / "plan.yaml", PLAN)
    return written(tmp_path / "r.yaml", REPORT)


def run_md(report: Path, out: Path) -> tuple[int, str]:
    code, _, err = mgmt("report", str(report), "-o", str(out))
    return code, err


@pytest.mark.dot
def test_markdown_pictures_go_in_a_folder_named_after_it(report: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, err = run_md(report, out_dir / "r.md")
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["r.md", "r_files"]
    assert sorted(p.name for p in (out_dir / "r_files").iterdir()) == [MANIFEST, "r-1-pert.svg"]
    assert "](r_files/r-1-pert.svg)" in (out_dir / "r.md").read_text(encoding="utf-8")
    # a second run replaces what it wrote
    code, err = run_md(report, out_dir / "r.md")
    assert code == 0, err


def test_html_writes_only_its_output(report: Path, tmp_path: Path) -> None:
    before = {p.name for p in tmp_path.iterdir()}
    code, _, err = mgmt("report", str(report), "-o", str(tmp_path / "r.html"))
    assert code == 0, err
    assert {p.name for p in tmp_path.iterdir()} - before == {"r.html"}


@pytest.mark.dot
@pytest.mark.parametrize("how", ["foreign", "changed", "symlink"])
def test_never_overwrites_a_picture_it_did_not_write(
    report: Path, tmp_path: Path, how: str
) -> None:
    folder = tmp_path / "r_files"
    picture = folder / "r-1-pert.svg"
    precious = written(tmp_path / "precious.txt", "keep me")
    if how == "foreign":
        folder.mkdir()
        written(picture, "someone else's")
    elif how == "changed":
        assert run_md(report, tmp_path / "r.md")[0] == 0
        (tmp_path / "r.md").unlink()
        written(picture, "edited by hand")
    else:
        folder.mkdir()
        picture.symlink_to(precious)
    before = picture.read_bytes()
    code, err = run_md(report, tmp_path / "r.md")
    assert code == 2
    assert "refusing to overwrite" in err
    assert str(picture) in err
    assert picture.read_bytes() == before
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "r.md").exists()  # refused before anything was written


@pytest.mark.dot
def test_a_file_where_the_folder_goes_is_refused(report: Path, tmp_path: Path) -> None:
    written(tmp_path / "r_files", "a file")
    code, err = run_md(report, tmp_path / "r.md")
    assert code == 2
    assert "r_files" in err
    assert (tmp_path / "r_files").read_text(encoding="utf-8") == "a file"


def test_the_report_never_overwrites_a_section_input(report: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    code, _, err = mgmt("report", str(report), "-f", "html", "-o", str(plan))
    assert code == 2
    assert "refusing to overwrite the input file" in err
    assert plan.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize("name", ["passwd", "picture.png", "notes"])
def test_a_section_input_of_another_kind_is_located_not_quoted(tmp_path: Path, name: str) -> None:
    other = tmp_path / name
    if name.endswith(".png"):
        other.write_bytes(PNG)
    else:
        written(other, SECRET)
    path = written(
        tmp_path / "r.yaml", f"title: R\nsections:\n  - {{method: pert, input: '{other}'}}\n"
    )
    code, _, err = mgmt("report", str(path), "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert err.startswith(f"{path}:3:")
    assert "sections[0].input" in err
    assert "secret-token" not in err
    assert "root:" not in err
    assert not (tmp_path / "r.html").exists()


def test_a_binary_file_named_as_yaml_is_not_quoted(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(PNG)
    path = written(tmp_path / "r.yaml", REPORT)
    code, _, err = mgmt("report", str(path), "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert "plan.yaml:1" in err
    assert "secret-token" not in err
    assert "IHDR" not in err


CRITERIA = "criteria:\n  - {id: cost, direction: min}\n  - {id: quality}\n"


def test_index_alternatives_of_another_kind_are_located_not_quoted(tmp_path: Path) -> None:
    written(tmp_path / "passwd", SECRET)
    index = written(tmp_path / "i.yaml", CRITERIA + "alternatives: passwd\n")
    code, _, err = mgmt("index", str(index))
    assert code == 1
    assert err.startswith(f"{index}:4:")
    assert "alternatives" in err
    assert "secret-token" not in err
    assert "root:" not in err


def test_index_alternatives_csv_without_its_columns_is_not_quoted(tmp_path: Path) -> None:
    written(tmp_path / "data.csv", SECRET)
    index = written(tmp_path / "i.yaml", CRITERIA + "alternatives: data.csv\n")
    code, _, err = mgmt("index", str(index))
    assert code == 1
    assert "data.csv:1" in err
    assert "none of the columns name, cost, quality" in err
    assert "secret-token" not in err
    assert "root:" not in err


def test_index_alternatives_are_relative_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    written(folder / "data.csv", "name,cost,quality\nA,1,5\nB,2,3\n")
    index = written(folder / "i.yaml", "weighting: equal\n" + CRITERIA + "alternatives: data.csv\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = mgmt("index", str(index), "--json")
    assert code == 0, err
    assert '"A"' in out
    assert '"B"' in out


def test_a_file_option_of_another_kind_is_located_not_quoted(tmp_path: Path) -> None:
    written(tmp_path / "passwd", SECRET)
    written(tmp_path / "causes.yaml", "problem: P\ncategories: {People: [Training]}\n")
    path = written(
        tmp_path / "r.yaml",
        "title: R\nsections:\n  - {method: fishbone, input: causes.yaml,\n"
        "     options: {counts: passwd, column: x}}\n",
    )
    code, _, err = mgmt("report", str(path), "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert err.startswith(f"{path}:4:")
    assert "sections[0].options.counts" in err
    assert "secret-token" not in err
    assert "root:" not in err


@pytest.mark.dot
@pytest.mark.parametrize("kind", ["symlink", "foreign"])
def test_a_manifest_it_did_not_write_is_refused(report: Path, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "r_files"
    folder.mkdir()
    precious = written(tmp_path / "precious.json", '{"files": {}}')
    if kind == "symlink":
        (folder / MANIFEST).symlink_to(precious)
    else:
        written(folder / MANIFEST, '{"files": {"r-1-pert.svg": "0"}}')
    code, err = run_md(report, tmp_path / "r.md")
    assert code == 2
    assert MANIFEST in err
    assert precious.read_text(encoding="utf-8") == '{"files": {}}'
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST]


@pytest.mark.dot
def test_a_refused_markdown_output_writes_no_picture(report: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    code, _, err = mgmt("report", str(report), "-f", "md", "-o", str(plan))
    assert code == 2
    assert "refusing to overwrite the input file" in err
    assert plan.read_text(encoding="utf-8") == PLAN
    assert not (tmp_path / "plan_files").exists()
    folder = tmp_path / "out.md"
    folder.mkdir()
    code, _, err = mgmt("report", str(report), "-o", str(folder))
    assert code == 1
    assert "is a folder" in err
    assert not (tmp_path / "out_files").exists()
