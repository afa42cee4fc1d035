"""`mgmt report`: sections of several methods, numbers identical to each method's --json."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools.render.report import escape, key_numbers, main_table, show

from ..helpers import mgmt

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
SECTIONS: list[tuple[str, str, dict[str, Any]]] = [
    ("pert", "pert/supply-chain-onboarding.yaml", {"deadline": 21, "simulate": 300, "seed": 2}),
    ("decision", "decision/credit-line-steel.yaml", {"tornado": True}),
    ("rank", "rank/mobile-app-backlog.yaml", {}),
]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    directory = tmp_path / "reports"
    directory.mkdir()
    relative = Path(os.path.relpath(EXAMPLES, directory))
    sections = [
        {"method": m, "input": (relative / p).as_posix(), "title": f"{m} <&>", "options": o}
        for m, p, o in SECTIONS
    ]
    path = directory / "q1.yaml"
    path.write_text(
        json.dumps({"title": "Q1 <review>", "subtitle": "RM team", "sections": sections}),
        encoding="utf-8",
    )
    return path


def method_json(method: str, path: str, options: dict[str, Any]) -> dict[str, Any]:
    from mgmt_tools.report import option_args

    code, out, _ = mgmt(method, str(EXAMPLES / path), *option_args(options), "--json")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def test_html_numbers_identical_to_each_methods_json(report: Path, tmp_path: Path) -> None:
    target = tmp_path / "q1.html"
    code, _, err = mgmt("report", str(report), "-o", str(target))
    assert code == 0, err
    assert "wrote" in err
    assert "3 sections" in err
    page = target.read_text(encoding="utf-8")
    embedded = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert len(embedded) == len(SECTIONS)
    for (method, path, options), block in zip(SECTIONS, embedded, strict=True):
        expected = method_json(method, path, options)
        assert json.loads(block) == expected
        numbers = key_numbers(expected)
        assert numbers  # so the loop below checks something
        for name, value in numbers:
            assert f"<tr><th>{escape(name)}</th>" in page
            assert f">{escape(show(value))}</td>" in page
        table = main_table(expected)
        assert table is not None
        assert table[2]
        for row in table[2]:
            cells = "".join(f">{escape(show(v))}</td>" for v in row)
            assert re.sub(r"<td[^>]*", "", cells) in re.sub(r"<td[^>]*", "", page)
    assert "pert" in page
    assert "simulation.probability" in page
    assert page.count("<svg") >= len(SECTIONS)
    assert "Q1 &lt;review&gt;" in page
    assert "<review>" not in page
    assert page.count('href="#section-') == len(SECTIONS)


def test_markdown_writes_pictures_in_a_folder_beside_it(report: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "q1.md"
    target.parent.mkdir()
    code, _, err = mgmt("report", str(report), "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["q1.md", "q1_files"]
    pictures = sorted(p.name for p in (target.parent / "q1_files").glob("*.svg"))
    assert pictures == ["q1-1-pert.svg", "q1-2-decision.svg", "q1-3-rank.svg"]
    for name in pictures:
        assert f"](q1_files/{name})" in text
        assert "<svg" in (target.parent / "q1_files" / name).read_text(encoding="utf-8")
    expected = method_json(*SECTIONS[0])
    assert f"| duration | {show(expected['duration'])} |" in text


def test_a_failing_section_stops_the_report(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks: [{id: A, duration: 1, depends_on: [Z]}]\n", encoding="utf-8")
    path = tmp_path / "r.yaml"
    path.write_text("title: R\nsections: [{method: pert, input: plan.yaml}]\n", encoding="utf-8")
    code, _, err = mgmt("report", str(path), "-o", str(tmp_path / "r.html"))
    assert code != 0
    assert "Z" in err
    assert not (tmp_path / "r.html").exists()


def test_bad_report_and_format(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("title: R\nsections: [{method: nope, input: x}]\n", encoding="utf-8")
    code, _, err = mgmt("report", str(path), "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert "sections[0].method" in err
    code, _, err = mgmt("report", str(path), "-o", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "html, md" in err
