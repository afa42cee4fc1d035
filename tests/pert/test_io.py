"""Reading and writing plans: the three input formats, encodings, link strings, literal ids
(docs/formats, pert, and the paragraph on ids at its top)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mgmt_tools.errors import InputError
from mgmt_tools.pert import LinkType, Plan, dump, from_dict, load, loads, schedule
from mgmt_tools.pert.io import format_of

from .plans import ONBOARDING_TASKS

PLAN_YAML = (
    "# yaml-language-server: $schema=../schemas/pert.schema.json\n"
    "project: Supply-chain finance onboarding\n" + ONBOARDING_TASKS
)

PLAN_JSON = """\
{
  "project": "Supply-chain finance onboarding",
  "tasks": [
    {"id": "A", "name": "Collect KYC documents", "duration": 3},
    {"id": "B", "optimistic": 2, "most_likely": 4, "pessimistic": 9, "depends_on": ["A"]},
    {"id": "C", "duration": 2,
     "depends_on": [{"task": "B", "type": "SS", "lag": 1}, "A FF+2"]},
    {"id": "M", "name": "Credit approved", "milestone": true, "depends_on": ["B", "C"]}
  ]
}
"""

# The CSV format has no project title; the YAML and JSON plans are compared without it.
PLAN_CSV = """\
id,name,duration,optimistic,most_likely,pessimistic,depends_on,milestone
A,Collect KYC documents,3,,,,,
B,,,2,4,9,A,
C,,2,,,,B SS+1;A FF+2,
M,Credit approved,,,,,B;C,yes
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_yaml_json_and_csv_give_equal_plans(tmp_path: Path) -> None:
    from_yaml = load(write(tmp_path / "plan.yaml", PLAN_YAML))
    from_json = load(write(tmp_path / "plan.json", PLAN_JSON))
    from_csv = load(write(tmp_path / "plan.csv", PLAN_CSV))
    assert from_yaml == from_json
    assert from_yaml.project == "Supply-chain finance onboarding"
    untitled = load(
        write(
            tmp_path / "untitled.yaml",
            PLAN_YAML.replace("project: Supply-chain finance onboarding\n", ""),
        )
    )
    assert from_csv == untitled
    assert from_csv != from_yaml  # the title is compared too


def test_the_plan_reads_as_formats_md_says(tmp_path: Path) -> None:
    plan = load(write(tmp_path / "plan.yaml", PLAN_YAML))
    assert plan.ids == ["A", "B", "C", "M"]
    assert plan.names == ["Collect KYC documents", "B", "C", "Credit approved"]
    # te of B = (2 + 4 * 4 + 9) / 6 = 27 / 6 = 4.5; M is a milestone: duration 0.
    assert plan.duration.tolist() == [3.0, 4.5, 2.0, 0.0]
    assert plan.milestone.tolist() == [False, False, False, True]
    assert [(link.predecessor, link.successor, link.type, link.lag) for link in plan.links] == [
        ("A", "B", LinkType.FS, 0.0),
        ("B", "C", LinkType.SS, 1.0),
        ("A", "C", LinkType.FF, 2.0),
        ("B", "M", LinkType.FS, 0.0),
        ("C", "M", LinkType.FS, 0.0),
    ]
    # The numbers of docs/formats' example result.
    result = schedule(plan)
    assert result.duration == 7.5
    assert result.critical_paths == [["A", "B", "M"]]
    c = result.task(2)
    assert (c.es, c.ef, c.ls, c.lf, c.total_float, c.free_float) == (4.0, 6.0, 5.5, 7.5, 1.5, 1.5)


def test_csv_with_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN_CSV.encode())
    plan = load(path)
    assert plan.ids == ["A", "B", "C", "M"]  # not '\ufeffid' as the first column's name
    assert plan == load(write(tmp_path / "plain.csv", PLAN_CSV))


@pytest.mark.parametrize(("name", "text"), [("plan.yaml", PLAN_YAML), ("plan.json", PLAN_JSON)])
def test_yaml_and_json_files_with_a_byte_order_mark(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load(path) == load(write(tmp_path / f"plain-{name}", text))


def test_csv_quoted_fields_with_commas_quotes_and_newlines(tmp_path: Path) -> None:
    text = (
        "id,name,duration,depends_on\r\n"
        'A,"Collect, check and file\r\nthe KYC documents",3,\r\n'
        'B,"Review ""credit"" memo",2,A\r\n'
        '"Site survey, north",Survey,1,"A FF+2; B SS-1"\r\n'
        "\r\n"
        'D,Sign,1,"Site survey, north"\r\n'
    )
    plan = load(write(tmp_path / "quoted.csv", text))
    assert plan.ids == ["A", "B", "Site survey, north", "D"]
    assert plan.names[:2] == [
        "Collect, check and file\r\nthe KYC documents",
        'Review "credit" memo',
    ]
    assert [(link.predecessor, link.successor, link.type, link.lag) for link in plan.links] == [
        ("A", "B", LinkType.FS, 0.0),
        ("A", "Site survey, north", LinkType.FF, 2.0),
        ("B", "Site survey, north", LinkType.SS, -1.0),
        ("Site survey, north", "D", LinkType.FS, 0.0),
    ]


def test_csv_records_after_a_multiline_field_are_placed_on_their_own_line(tmp_path: Path) -> None:
    text = 'id,name,duration\nA,"two\nlines",1\nB,,-2\n'
    with pytest.raises(InputError) as caught:
        load(write(tmp_path / "lines.csv", text))
    # Line 1 header, lines 2-3 record A, line 4 record B; duration is the third column.
    assert [str(problem).split(": ")[0] for problem in caught.value.problems] == [
        f"{tmp_path / 'lines.csv'}:4:3"
    ]


def test_gbk_encoded_csv(tmp_path: Path) -> None:
    text = "id,name,duration,depends_on\n尽调,客户尽职调查,3,\n审批,授信审批,2,尽调\n"
    path = write(tmp_path / "gbk.csv", text, encoding="gbk")
    plan = load(path, encoding="gbk")
    assert plan.ids == ["尽调", "审批"]
    assert plan.names == ["客户尽职调查", "授信审批"]
    assert plan.links[0].predecessor == "尽调"
    assert load(path) == plan  # GBK from Chinese Excel is recognised without --encoding


def test_unknown_encoding_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.csv", PLAN_CSV)
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        load(path, encoding="klingon")


@pytest.mark.parametrize(
    ("entry", "predecessor", "kind", "lag"),
    [
        ("A", "A", LinkType.FS, 0.0),
        ("A FF+2", "A", LinkType.FF, 2.0),
        ("B SS-1", "B", LinkType.SS, -1.0),
        ("C+3", "C", LinkType.FS, 3.0),
        ("C-0.5", "C", LinkType.FS, -0.5),
        ("A SF+1.5", "A", LinkType.SF, 1.5),
        ("A FS", "A", LinkType.FS, 0.0),
        ("b ss - 2", "b", LinkType.SS, -2.0),  # the type in any case, spaces around the sign
        ("Site survey", "Site survey", LinkType.FS, 0.0),
        ("Site survey SS-1.5", "Site survey", LinkType.SS, -1.5),
        ("Site survey+2", "Site survey", LinkType.FS, 2.0),
        ("A FF+2 x", "A FF+2 x", LinkType.FS, 0.0),  # a known id that looks like a link
        ("A FF+2 x SF-1", "A FF+2 x", LinkType.SF, -1.0),
        ("FF", "FF", LinkType.FS, 0.0),
    ],
)
def test_link_string_forms(entry: str, predecessor: str, kind: LinkType, lag: float) -> None:
    ids = ["A", "B", "C", "b", "Site survey", "A FF+2 x", "FF"]
    tasks: list[dict[str, object]] = [{"id": task, "duration": 1} for task in ids]
    tasks.append({"id": "Z", "duration": 1, "depends_on": [entry]})
    plan = from_dict({"tasks": tasks})
    (link,) = plan.links
    assert (link.predecessor, link.successor, link.type, link.lag) == (predecessor, "Z", kind, lag)


def test_mapping_link_form_defaults_and_lower_case_type() -> None:
    plan = loads(
        "tasks:\n  - {id: A, duration: 1}\n"
        "  - {id: B, duration: 1, depends_on: [{task: A}, {task: A, type: ff, lag: -1}]}"
    )
    assert [(link.type, link.lag) for link in plan.links] == [
        (LinkType.FS, 0.0),
        (LinkType.FF, -1.0),
    ]


def test_schema_key_is_ignored() -> None:
    with_schema = loads(
        '$schema: "https://mgmt-tools.example/schemas/pert.schema.json"\n'
        "tasks: [{id: A, duration: 1}]"
    )
    without = loads("tasks: [{id: A, duration: 1}]")
    assert with_schema == without
    as_json = loads('{"$schema": "x", "tasks": [{"id": "A", "duration": 1}]}', "json")
    assert as_json == without


IDS_YAML = """\
tasks:
  - {id: 010, name: 007, duration: 1}
  - {id: NO, name: yes, duration: 1}
  - {id: 1.10, name: on, duration: 1}
  - {id: true, duration: 1}
  - {id: 0x1F, duration: 1}
  - {id: 1e3, duration: 1}
  - id: last
    depends_on: [010, NO, 1.10, true, 0x1F, 1e3, {task: 010, type: SS}]
    duration: 1
"""


def test_ids_are_read_as_the_literal_text() -> None:
    plan = loads(IDS_YAML)
    assert plan.ids == ["010", "NO", "1.10", "true", "0x1F", "1e3", "last"]
    assert plan.names[:3] == ["007", "yes", "on"]
    assert [link.predecessor for link in plan.links] == [
        "010",
        "NO",
        "1.10",
        "true",
        "0x1F",
        "1e3",
        "010",
    ]
    result = schedule(plan).to_dict()
    assert [task["id"] for task in result["tasks"]] == plan.ids


def test_json_ids_are_read_as_the_literal_text() -> None:
    plan = loads(
        '{"tasks": [{"id": 1.10, "duration": 1}, {"id": 10, "duration": 1,'
        ' "depends_on": [1.10]}, {"id": 1.0e2, "duration": 1}]}',
        "json",
    )
    assert plan.ids == ["1.10", "10", "1.0e2"]
    assert plan.links[0].predecessor == "1.10"


def test_literal_ids_survive_dump() -> None:
    plan = loads(IDS_YAML)
    for fmt in ("yaml", "json"):
        again = loads(dump(plan, fmt), fmt)
        assert again == plan
        assert again.ids[:3] == ["010", "NO", "1.10"]


def test_yaml_12_booleans_only() -> None:
    # YAML 1.1 reads `yes`, `on` and `NO` as booleans; the plan format is YAML 1.2.
    plan = loads("tasks:\n  - {id: A, duration: 1, milestone: false}")
    assert plan.milestone.tolist() == [False]
    with pytest.raises(InputError, match=r"tasks\[0\]\.milestone: .*'yes'"):
        loads("tasks:\n  - {id: A, duration: 0, milestone: yes}")


def test_dates_and_settings_are_read() -> None:
    plan = loads(
        "start: 2027-03-01\ncalendar:\n  workdays: [SUN, mon, tue, wed, thu]\n"
        "  holidays: [2027-04-05, 2027-03-02, 2027-04-05]\n"
        "deadline: 2027-03-31\nunits: days\ntasks: [{id: A, duration: 1}]"
    )
    assert plan.start == dt.date(2027, 3, 1)
    assert plan.workdays == ("sun", "mon", "tue", "wed", "thu")
    assert plan.holidays == (dt.date(2027, 3, 2), dt.date(2027, 4, 5))  # sorted, once each
    assert plan.deadline == dt.date(2027, 3, 31)


def test_dump_writes_the_formats_md_shape() -> None:
    plan = loads(PLAN_YAML)
    data = json.loads(dump(plan, "json"))
    assert data["project"] == "Supply-chain finance onboarding"
    assert data["tasks"][0] == {"id": "A", "name": "Collect KYC documents", "duration": 3.0}
    assert data["tasks"][1] == {
        "id": "B",
        "optimistic": 2.0,
        "most_likely": 4.0,
        "pessimistic": 9.0,
        "depends_on": ["A"],
    }
    assert data["tasks"][2]["depends_on"] == ["B SS+1", "A FF+2"]
    assert loads(dump(plan)) == plan
    assert loads(dump(plan, "json"), "json") == plan
    with pytest.raises(ValueError, match="csv"):
        dump(plan, "csv")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("plan.yaml", "yaml"),
        ("plan.YML", "yaml"),
        ("plan.json", "json"),
        ("plan.csv", "csv"),
        ("plan.txt", "yaml"),
        ("plan", "yaml"),
    ],
)
def test_format_from_the_suffix(name: str, fmt: str) -> None:
    assert format_of(name) == fmt


def test_fmt_overrides_the_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.txt", PLAN_JSON)
    assert load(path, fmt="json") == loads(PLAN_JSON, "json")


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load(tmp_path / "nope.yaml")
    assert str(caught.value).startswith(f"{tmp_path / 'nope.yaml'}: (top level): cannot read")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown plan format"):
        loads("tasks: []", "toml")


def test_plans_compare_by_content() -> None:
    first: Plan = from_dict({"tasks": [{"id": "A", "duration": 1}]})
    assert first == from_dict({"tasks": [{"id": "A", "duration": 1.0}]})
    assert first != from_dict({"tasks": [{"id": "A", "duration": 2}]})
    assert first != from_dict({"tasks": [{"id": "B", "duration": 1}]})
    assert first != from_dict({"units": "weeks", "tasks": [{"id": "A", "duration": 1}]})
