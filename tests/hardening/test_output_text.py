"""Safe text in every output (issue 14, items 4 and 5): escape codes from an input never reach
the terminal raw, a lone surrogate in a name never stops a write, CSV cells a spreadsheet would
run as formulas get a leading ``'`` (OWASP's rule; ``--raw-cells`` opts out), and JSON never
holds NaN or Infinity.

Through the command line (``mgmt(...)``). Click strips CSI sequences (``ESC [ ... m``) from
what it echoes when the output is not a terminal, so the inputs use escape codes it keeps (OSC
``ESC ] 0 ; title BEL``, which sets a terminal's title, and C1 CSI ``U+009B``): a raw one would
show in the captured output.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools._json import json_text
from mgmt_tools.errors import DomainError, InputError, Problem
from mgmt_tools.render import escape

from ..helpers import mgmt, written

ESC_KEY = "\x1b]0;pwned\x07\x1b[2Jbad"
"""An unknown key that sets the terminal's title and clears the screen, echoed raw before."""
HOSTILE = "x\ud800\x1b]0;t\x07\x9b31m\u202eevil"
"""A name with a lone surrogate, OSC and C1 escape codes and a right-to-left override."""
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\ud800")
"""What must never reach the terminal as it is."""


def _raw_in(text: str) -> list[str]:
    return [char for char in RAW if char in text]


def _inputs(name: str) -> dict[str, dict[str, Any]]:
    """A small valid input per command, ``name`` where the user writes a name."""
    rice = {"reach": 10, "impact": 1, "confidence": 1, "effort": 1}
    return {
        "rank": {"method": "rice", "items": [{"name": name, **rice}, {"name": "b", **rice}]},
        "pareto": {"counts": {name: 5, "b": 3}},
        "pert": {
            "tasks": [
                {"id": "A", "name": name, "duration": 2},
                {"id": "B", "duration": 1, "depends_on": ["A"]},
            ]
        },
        "goals": {"goal": name, "children": [{"goal": "x", "progress": 0.5}]},
        "fishbone": {"effect": name, "categories": {"People": [name]}},
        "decision": {
            "root": {
                "type": "decision",
                "name": name,
                "branches": [{"name": name, "payoff": 1}, {"name": "b", "payoff": 2}],
            }
        },
        "index": {
            "method": "weighted_sum",
            "criteria": [{"id": "c", "name": name, "weight": 1}],
            "alternatives": [{"name": name, "c": 1}, {"name": "b", "c": 2}],
        },
        "ahp": {"elements": [name, "b"], "matrix": [[1, 2], [0.5, 1]]},
    }


COMMANDS = list(_inputs("x"))


def _write(tmp_path: Path, command: str, name: str = HOSTILE) -> Path:
    # json.dumps writes the lone surrogate as the escape \ud800, which json.loads reads back
    return written(tmp_path / f"{command}.json", json.dumps(_inputs(name)[command]))


# --- the terminal ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_escape_codes_in_an_unknown_key_are_shown_not_sent(tmp_path: Path, command: str) -> None:
    path = written(tmp_path / "bad.yaml", '"\\e]0;pwned\\a\\e[2Jbad": 1\n')
    code, out, err = mgmt(command, str(path))
    assert code == 1
    assert _raw_in(out + err) == []
    assert "unknown key '\\x1b]0;pwned\\x07\\x1b[2Jbad'" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_names_in_the_text_summary_are_shown_not_sent(tmp_path: Path, command: str) -> None:
    code, out, err = mgmt(command, str(_write(tmp_path, command)))
    assert code == 0, err
    assert _raw_in(out + err) == []
    assert "x\ufffd\\x1b]0;t\\x07\\x9b31m\\u202eevil" in out


def test_names_in_warnings_are_shown_not_sent(tmp_path: Path) -> None:
    comparisons = ["\x1b]0;A\x07 > B", "B > C", "C > \x1b]0;A\x07"]
    path = written(
        tmp_path / "pairs.json", json.dumps({"method": "pairwise", "comparisons": comparisons})
    )
    code, out, err = mgmt("rank", str(path))
    assert code == 0, err
    assert "intransitive" in err
    assert _raw_in(out + err) == []


def test_a_message_of_the_library_shows_escape_codes() -> None:
    problem = Problem("unknown key '\x1b[31mA'", ("\x1b[31mA",), "plan\x9b.yaml", 1, 1)
    assert str(problem) == "plan\\x9b.yaml:1:1: \\x1b[31mA: unknown key '\\x1b[31mA'"
    assert "\x1b" not in InputError([problem]).summary()
    assert str(DomainError("task '\u202eA\ud800'")) == "task '\\u202eA\ufffd'"


def test_terminal_keeps_text_readable() -> None:
    text = "收集客户资料 R&D\tC:\\dir\\x1b\nnext"
    assert escape.terminal(text) == text
    assert escape.terminal("a\r\nb\rc\x00\x7f\x85\u2066") == "a\nb\\x0dc\\x00\\x7f\\x85\\u2066"


# --- a lone surrogate in a name ----------------------------------------------------------------


def _formats(command: str) -> list[str]:
    from mgmt_tools.methods import METHODS

    method = METHODS[command]
    result = method.compute(method.loads(json.dumps(_inputs("x")[command]), "json", source="x"))
    formats = {"json", *method.writers, *method.pick_chart(result, None, {}).formats}
    return [
        fmt for fmt in ("json", "csv", "md", "mspdi", "dot", "mermaid", "svg") if fmt in formats
    ]


CASES = [
    pytest.param(command, fmt, marks=[pytest.mark.dot] if fmt == "svg" else [])
    for command in COMMANDS
    for fmt in _formats(command)
]


@pytest.mark.parametrize(("command", "fmt"), CASES)
def test_a_lone_surrogate_in_a_name_is_written_in_every_format(
    tmp_path: Path, command: str, fmt: str
) -> None:
    output = tmp_path / f"out.{fmt}"
    code, _, err = mgmt(command, str(_write(tmp_path, command)), "-o", str(output), "-f", fmt)
    assert code == 0, err
    text = output.read_bytes().decode("utf-8")  # strict: valid UTF-8
    assert "\x1b" not in text
    if fmt in ("json", "csv"):  # the data formats mark it; the markup formats drop it
        assert "x\ufffd" in text
        assert _raw_in(text) == []
    if fmt == "json":
        json.loads(text)


@pytest.mark.parametrize("command", COMMANDS)
def test_json_on_stdout_holds_the_name_with_its_surrogate_replaced(
    tmp_path: Path, command: str
) -> None:
    code, out, err = mgmt(command, str(_write(tmp_path, command)), "--json")
    assert code == 0, err
    assert _raw_in(out) == []
    assert HOSTILE.replace("\ud800", "\ufffd") in _strings(json.loads(out))


def _strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {text for value in data.values() for text in _strings(value)}
    if isinstance(data, list):
        return {text for value in data for text in _strings(value)}
    return {data} if isinstance(data, str) else set()


def test_json_keeps_chinese_and_escapes_controls() -> None:
    text = json_text({"名称": "收集\x1b\x9b\u202e\ud800"})
    assert "收集" in text
    assert json.loads(text) == {"名称": "收集\x1b\x9b\u202e\ufffd"}
    assert _raw_in(text) == []


# --- formulas in CSV cells ---------------------------------------------------------------------

FORMULA = "=cmd|' /C calc'!A0"


def _csv(tmp_path: Path, command: str, data: dict[str, Any], *options: str) -> list[list[str]]:
    path = written(tmp_path / f"{command}.json", json.dumps(data))
    output = tmp_path / "out.csv"
    code, _, err = mgmt(command, str(path), "-o", str(output), *options)
    assert code == 0, err
    return list(csv.reader(io.StringIO(output.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    ("name", "expected", "raw"),
    [
        (FORMULA, "'" + FORMULA, FORMULA),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3", "-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)", "@SUM(A1:A9)"),
        ("-1", "-1", "-1"),  # a number, not a formula: left as the number it reads as
        ("Fees - charged", "Fees - charged", "Fees - charged"),
    ],
)
@pytest.mark.parametrize("command", ["rank", "pareto", "pert"])
def test_formulas_in_names_are_quoted_in_csv(
    tmp_path: Path, command: str, name: str, expected: str, raw: str
) -> None:
    data = _inputs(name)[command]
    column = {"rank": "item", "pareto": "category", "pert": "name"}[command]
    for options, want in (((), expected), (("--raw-cells",), raw)):
        rows = _csv(tmp_path, command, data, *options)
        cells = [dict(zip(rows[0], row, strict=True))[column] for row in rows[1:]]
        assert want in cells


def test_pert_ids_and_pareto_strata_are_quoted_too(tmp_path: Path) -> None:
    plan = {
        "tasks": [{"id": "=A", "duration": 2}, {"id": "B", "duration": 1, "depends_on": ["=A"]}]
    }
    rows = _csv(tmp_path, "pert", plan)
    assert [row[:2] for row in rows[1:]] == [["'=A", "'=A"], ["B", "B"]]
    records = written(tmp_path / "records.csv", "reason,branch\nWait,@North\nWait,South\n")
    output = tmp_path / "strata.csv"
    options = ("--column", "reason", "--by", "branch", "-o", str(output))
    code, _, err = mgmt("pareto", str(records), *options)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert "'@North" in {row[0] for row in rows}


def test_numbers_the_program_writes_are_never_quoted() -> None:
    assert escape.cell(-1.5) == -1.5
    assert escape.cell(-3) == -3
    assert escape.cell("-1e5") == "-1e5"
    assert escape.cell("-") == "'-"
    assert escape.cell("\tx") == "'\tx"  # a tab starts a formula too (readers strip it)


# --- no NaN or Infinity in JSON ----------------------------------------------------------------


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_json_text_refuses_nan_and_infinity_naming_the_field(value: float) -> None:
    with pytest.raises(DomainError, match=r"tasks\[1\]\.slack is -?(nan|inf)"):
        json_text({"tasks": [{"slack": 0.0}, {"slack": value}]})


def test_a_result_holding_infinity_is_a_clear_error_not_an_internal_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mgmt_tools.rank.result import RankResult

    def to_dict(self: RankResult) -> dict[str, Any]:
        return {"ranking": [{"item": "a", "score": float("inf")}]}

    monkeypatch.setattr(RankResult, "to_dict", to_dict)
    code, _, err = mgmt("rank", str(_write(tmp_path, "rank", "a")), "-o", str(tmp_path / "o.json"))
    assert code == 1
    assert "ranking[0].score is inf" in err
    assert "internal error" not in err
    assert not (tmp_path / "o.json").exists()


def test_json_on_stdout_of_a_result_holding_infinity_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mgmt_tools.rank.result import RankResult

    def to_dict(self: RankResult) -> dict[str, Any]:
        return {"ranking": [{"item": "a", "score": float("inf")}]}

    monkeypatch.setattr(RankResult, "to_dict", to_dict)
    code, out, err = mgmt("rank", str(_write(tmp_path, "rank", "a")), "--json")
    assert (code, out) == (1, "")
    assert "ranking[0].score is inf" in err


def test_a_lone_surrogate_in_a_name_is_written_in_an_html_report(tmp_path: Path) -> None:
    _write(tmp_path, "rank")
    report = {"title": "T\ud800", "sections": [{"method": "rank", "input": "rank.json"}]}
    path = written(tmp_path / "report.json", json.dumps(report))
    output = tmp_path / "report.html"
    code, _, err = mgmt("report", str(path), "-o", str(output))
    assert code == 0, err
    assert "\x1b" not in output.read_bytes().decode("utf-8")
