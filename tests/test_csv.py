"""mgmt_tools._csv: decoding (UTF-8 with or without a BOM, other encodings by name), RFC 4180
tables whose records remember their first line, and the CsvLocator that places a problem at the
CSV line and column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgmt_tools._csv import CsvLocator, decode, read_table
from mgmt_tools.errors import InputError

# --- decode ---------------------------------------------------------------------------------


def test_utf8_is_the_default() -> None:
    assert decode("id,name\nA,Überweisung 审批\n".encode()) == "id,name\nA,Überweisung 审批\n"


def test_a_utf8_byte_order_mark_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfid,name\n") == "id,name\n"


def test_a_named_encoding() -> None:
    text = "id,name\n审批,授信审批\n"
    assert decode(text.encode("gbk"), "gbk") == text
    assert decode(text.encode("utf-16"), "utf-16") == text


def test_gbk_bytes_are_detected_when_certainly_chinese() -> None:
    # GBK as Chinese Excel saves "CSV (逗号分隔)": not UTF-8, and every character beyond ASCII
    # a common Chinese character or Chinese punctuation when read as GB18030
    text = "id,name,duration\n审批,授信审批（总行）,3\n尽调,客户尽职调查；现场走访,2\n"
    assert decode(text.encode("gbk")) == text
    assert decode(text.encode("gb18030"), source="plan.csv") == text
    rare = "负责人\n王喆\n李堃\n张三\n赵四\n钱五\n孙六\n周七\n"  # 喆 堃: GBK, not GB2312
    assert decode(rare.encode("gbk")) == rare


def test_latin_text_that_reads_as_gbk_is_refused_at_its_line_with_a_hint() -> None:
    # cp1252 "Müller" is valid GB18030 ("M黮ler"), but not Chinese: unsure, so refused
    data = "id,name\nA,ok\nB,Müller\n".encode("cp1252")
    with pytest.raises(InputError) as caught:
        decode(data, source="plan.csv")
    (problem,) = caught.value.problems
    assert (problem.source, problem.line) == ("plan.csv", 3)  # the first bad byte is on line 3
    assert "--encoding gbk" in problem.message
    assert "nor clearly Chinese GBK text" in problem.message
    # the encoding a file an input names falls back to: the main input's
    assert decode(data, fallback="cp1252").endswith("Müller\n")


def test_bytes_neither_utf8_nor_gbk_keep_the_first_hint() -> None:
    data = "id,name\nA,café au lait\n".encode("cp1252")  # é then space: not GB18030
    with pytest.raises(InputError) as caught:
        decode(data, source="plan.csv")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.csv:2: (top level): not valid UTF-8 text (give --encoding, for example "
        "--encoding gbk)"
    ]


def test_broken_utf8_chinese_is_not_taken_for_gbk() -> None:
    data = "原因,次数\n柜台排队,3\n".encode()[:-4] + b"\xff\n"
    with pytest.raises(InputError):
        decode(data)
    gbk_after_a_bom = b"\xef\xbb\xbf" + "原因,次数\n柜台排队,3\n".encode("gbk")
    with pytest.raises(InputError, match="give --encoding"):
        decode(gbk_after_a_bom)  # the BOM says UTF-8: the bytes are not, so no guess


def test_no_hint_when_the_encoding_was_given() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"id\n\xff\xfe\xfd\n", "utf-8", "plan.csv")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.csv:2: (top level): not valid utf-8 text"
    ]


def test_an_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"id\n", "klingon", "plan.csv")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.csv: (top level): unknown encoding 'klingon'"
    ]


# --- read_table -----------------------------------------------------------------------------


def test_header_records_and_their_lines() -> None:
    table = read_table("id, name ,duration\nA,Alpha,3\nB,Beta,2\n")
    assert table.header == ["id", "name", "duration"]  # header names are stripped
    assert table.rows == [["A", "Alpha", "3"], ["B", "Beta", "2"]]
    assert table.lines == [2, 3]


def test_quoted_fields_with_commas_quotes_and_newlines() -> None:
    text = 'id,name,note\r\nA,"Collect, check","line one\r\nline two"\r\nB,"Say ""yes""",\r\n'
    table = read_table(text)
    assert table.rows == [["A", "Collect, check", "line one\r\nline two"], ["B", 'Say "yes"', ""]]
    assert table.lines == [2, 4]  # record A spans lines 2 and 3


def test_blank_lines_are_skipped_and_do_not_shift_the_lines() -> None:
    table = read_table("id,duration\n\nA,1\n\n\nB,2\n")
    assert table.rows == [["A", "1"], ["B", "2"]]
    assert table.lines == [3, 6]


def test_a_last_record_without_a_newline() -> None:
    table = read_table('id,name\nA,"x\ny"\nB,z')
    assert table.rows == [["A", "x\ny"], ["B", "z"]]
    assert table.lines == [2, 4]


def test_blank_lines_before_the_header_are_skipped() -> None:
    table = read_table("\n\nid,duration\nA,1\n")
    assert table.header == ["id", "duration"]
    assert table.rows == [["A", "1"]]
    assert table.lines == [4]


# Cells without quotes, commas or line breaks; records may be short, lines may be blank.
_CELL = st.text(
    st.characters(codec="utf-8", exclude_characters='",\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'),
    max_size=6,
)
_LINES = st.lists(st.lists(_CELL, min_size=1, max_size=4).map(",".join), min_size=1, max_size=12)


@settings(max_examples=80, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_unquoted_and_quoted_text_read_the_same(
    lines: list[str], newline: str, last_newline: bool
) -> None:
    text = newline.join(lines) + (newline if last_newline else "")
    records = [(number, line) for number, line in enumerate(lines, 1) if line]
    if not records:
        with pytest.raises(InputError, match="empty CSV file"):
            read_table(text)
        return
    table = read_table(text)
    # Reference: a record per non-blank line, split at commas; the first is the header.
    (_, header), *body = records
    assert table.header == [name.strip() for name in header.split(",")]
    assert table.rows == [line.split(",") for _, line in body]
    assert table.lines == [number for number, _ in body]
    # The same table with every cell quoted goes through the RFC 4180 reader.
    quoted = newline.join(
        ",".join(f'"{cell}"' for cell in line.split(",")) if line else "" for line in lines
    )
    again = read_table(quoted + (newline if last_newline else ""))
    assert (again.header, again.rows, again.lines) == (table.header, table.rows, table.lines)


def test_column_cells_and_short_records() -> None:
    table = read_table("id,name,duration\nA,Alpha,3\nB\nC,,\n")
    assert table.column("id") == ["A", "B", "C"]
    assert table.column("name") == ["Alpha", "", ""]
    assert table.column("duration") == ["3", "", ""]


def test_an_empty_file_has_no_header() -> None:
    with pytest.raises(InputError) as caught:
        read_table("", "plan.csv")
    assert [str(problem) for problem in caught.value.problems] == [
        "plan.csv:1: (top level): empty CSV file: no header"
    ]


def test_a_stray_quote_is_a_located_syntax_error() -> None:
    with pytest.raises(InputError) as caught:
        read_table('id,name\nA,ok\nB,"x"y\n', "plan.csv")
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (3, "CSV syntax: ',' expected after '\"'")


def test_an_unclosed_quote_is_placed_where_it_opens() -> None:
    with pytest.raises(InputError) as caught:
        read_table('id,name\nA,"never closed\nB,x\nC,y\n', "plan.csv")
    (problem,) = caught.value.problems
    assert problem.line == 2


def test_an_unclosed_quote_is_a_syntax_error() -> None:
    with pytest.raises(InputError, match="CSV syntax: unexpected end of data"):
        read_table('id,name\nA,"never closed\nB,x\n', "plan.csv")


# --- CsvLocator -----------------------------------------------------------------------------


def locator() -> CsvLocator:
    table = read_table('id,name,duration\nA,"two\nlines",1\n\nB,Beta,-2\n')
    return CsvLocator(table, "plan.csv", "tasks")


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("tasks", 0, "duration"), (2, 3)),
        (("tasks", 1, "duration"), (5, 3)),  # record A spans lines 2-3, line 4 is blank
        (("tasks", 1, "id"), (5, 1)),
        (("tasks", 1), (5, None)),
        (("tasks", 1, "depends_on", 0), (5, None)),  # a column the file does not have
        (("duration",), (1, 3)),  # a column: the header line
        ((), (1, None)),
    ],
)
def test_locator_places_paths(
    path: tuple[str | int, ...], where: tuple[int | None, int | None]
) -> None:
    problem = locator().problem(path, "message")
    assert (problem.line, problem.column) == where
    assert problem.path == path


def test_locator_of_a_record_that_is_not_there() -> None:
    problem = locator().problem(("tasks", 9, "duration"), "message")
    assert problem.line is None
    assert str(problem) == "plan.csv: tasks[9].duration: message"


def test_locator_messages_read_like_yaml_ones() -> None:
    problem = locator().problem(("tasks", 1, "duration"), "negative duration -2")
    assert str(problem) == "plan.csv:5:3: tasks[1].duration: negative duration -2"
