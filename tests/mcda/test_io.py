"""Reading decision matrices and judgements: YAML and JSON alike, CSV alternatives relative to
the file, literal names, overrides, messages without lines for dicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mgmt_tools._yaml import load_text
from mgmt_tools.errors import InputError
from mgmt_tools.mcda import evaluate, from_dict, load, load_judgements, loads

from .test_formats_example import INDEX_EXAMPLE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_json_and_yaml_give_the_same_result(tmp_path: Path) -> None:
    path = tmp_path / "matrix.json"
    path.write_text(json.dumps(load_text(INDEX_EXAMPLE, "yaml")), encoding="utf-8")
    assert evaluate(load(path)).to_dict() == evaluate(loads(INDEX_EXAMPLE)).to_dict()


def test_csv_alternatives_relative_to_the_file() -> None:
    matrix = load(EXAMPLES / "index" / "prospects.yaml")
    assert len(matrix.alternatives) == 15
    assert "Lotus Garden Hotels, Ltd." in matrix.alternatives  # a quoted name with a comma
    assert matrix.values.shape == (15, 5)


def test_csv_with_a_bom_and_crlf(tmp_path: Path) -> None:
    (tmp_path / "alts.csv").write_bytes(b"\xef\xbb\xbfname,a,b\r\nX,1,2\r\nY,3,4\r\n")
    (tmp_path / "m.yaml").write_text(
        "criteria: [{id: a, weight: 1}, {id: b, weight: 1, direction: min}]\n"
        "alternatives: alts.csv\n",
        encoding="utf-8",
    )
    matrix = load(tmp_path / "m.yaml")
    assert matrix.alternatives == ["X", "Y"]
    assert matrix.values.tolist() == [[1, 2], [3, 4]]


def test_csv_from_text_is_found_relative_to_base(tmp_path: Path) -> None:
    (tmp_path / "alts.csv").write_text("name,a\nX,1\nY,2\n", encoding="utf-8")
    text = "criteria: [{id: a, weight: 1}]\nalternatives: alts.csv\n"
    assert loads(text, base=tmp_path).alternatives == ["X", "Y"]
    with pytest.raises(InputError, match=r"cannot read the alternatives '.*elsewhere/alts.csv'"):
        loads(text, base=tmp_path / "elsewhere")  # named with the directory it looked in


def test_names_are_the_literal_text() -> None:
    matrix = loads(
        "criteria: [{id: 010, weight: 1}]\n"
        "alternatives: [{name: NO, '010': 1}, {name: 1.10, '010': 2}, {name: true, '010': 3}]\n"
    )
    assert matrix.criteria == ("010",)
    assert matrix.alternatives == ["NO", "1.10", "true"]


def test_overrides_replace_the_files_settings() -> None:
    matrix = loads(INDEX_EXAMPLE, method="topsis", normalization="max", vikor_v=0.3)
    assert (matrix.method, matrix.normalization, matrix.vikor_v) == ("topsis", "max", 0.3)
    result = evaluate(matrix).to_dict()
    assert (result["method"], result["normalization"]) == ("topsis", "max")


def test_overrides_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown method 'best'"):
        loads(INDEX_EXAMPLE, method="best")


def test_from_dict_messages_have_no_line() -> None:
    with pytest.raises(InputError) as caught:
        from_dict(
            {"criteria": [{"id": "a", "weight": -1}], "alternatives": [{"name": "X", "a": 1}]}
        )
    assert (
        str(caught.value)
        == "<input>: criteria[0].weight: negative weight -1: weights are 0 or more"
    )


def test_fractions_as_weights() -> None:
    matrix = loads(
        "criteria: [{id: a, weight: '1/3'}, {id: b, weight: '2/3'}]\n"
        "alternatives: [{name: X, a: 1, b: 2}, {name: Y, a: 2, b: 1}]\n"
    )
    assert evaluate(matrix).weights.tolist() == pytest.approx([1 / 3, 2 / 3])


def test_judgements_from_file() -> None:
    judgements = load_judgements(EXAMPLES / "ahp" / "team-leader.yaml")
    assert judgements.is_hierarchy
    assert judgements.criteria.missing == [(1, 3)]


def test_schema_key_is_ignored() -> None:
    matrix = loads("$schema: x.json\n" + INDEX_EXAMPLE)
    assert matrix.goal == "Choose a cash-management platform"


def test_results_display_in_jupyter() -> None:
    from mgmt_tools.mcda import analyse, judgements_from_dict

    result = evaluate(loads(INDEX_EXAMPLE))
    assert "Ranking:" in result._repr_mimebundle_()["text/plain"]
    ahp = analyse(judgements_from_dict({"comparisons": [["A", "B", 2]]}))
    assert "Priorities:" in ahp._repr_mimebundle_()["text/plain"]
