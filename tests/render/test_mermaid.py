"""mgmt_tools.render.mermaid: label and gantt-name escaping, safe ids, front matter and theme
statements."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgmt_tools.render.dot import THEME
from mgmt_tools.render.mermaid import (
    class_def,
    comment,
    escape,
    gantt_text,
    label,
    link_style,
    node_id,
)

_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
_DROPPED = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFFFE, 0xFFFF]))


def _decode(text: str) -> str:
    """What Mermaid shows for an escaped label: entity codes decoded, <br/> as a line break."""

    def entity(match: re.Match[str]) -> str:
        code = match[1]
        return chr(int(code)) if code.isdigit() else _NAMED[code]

    return re.sub(r"#(\w+);", entity, text.replace("<br/>", "\n"))


def test_escape_writes_entity_codes() -> None:
    assert escape('Sign "NDA" & <file> #2 `x` a|b') == (
        "Sign #quot;NDA#quot; #amp; #lt;file#gt; #35;2 #96;x#96; a#124;b"
    )


def test_escape_line_breaks_and_control_characters() -> None:
    assert escape("a\nb\r\nc\td\x00\ud800") == "a<br/>b<br/>c d"


def test_escape_keeps_cjk() -> None:
    assert escape("收集客户资料") == "收集客户资料"


@given(st.text())
def test_escaped_text_cannot_leave_the_label(text: str) -> None:
    escaped = escape(text).replace("<br/>", "")
    assert not set('"<>&|`%\n\r\t') & set(escaped)
    # every '#' starts one of the entity codes we write
    assert re.fullmatch(r"([^#]|#(35|quot|amp|lt|gt|96|124|37);)*", escaped, re.DOTALL)


# Text that escaping keeps whole: within the label limit (a longer one is shortened with '…')
# and without the characters every output drops (render.strip_forbidden: bidi controls...).
_KEPT = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=_DROPPED), max_size=150
)


@given(_KEPT)
def test_escaped_text_decodes_back(text: str) -> None:
    assert _decode(escape(text)) == text


def test_user_text_cannot_hold_a_directive() -> None:
    assert escape("%%{init: {}}%%") == "#37;#37;{init: {}}#37;#37;"


def test_user_text_cannot_fake_a_line_break() -> None:
    assert escape("a<br/>b") == "a#lt;br/#gt;b"
    assert _decode(escape("a<br/>b\nc")) == "a<br/>b\nc"


def test_label_quotes() -> None:
    assert label('say "hi"') == '"say #quot;hi#quot;"'


def test_node_ids_are_safe() -> None:
    assert [node_id(i) for i in range(3)] == ["t0", "t1", "t2"]
    assert node_id(7, "n") == "n7"
    with pytest.raises(ValueError, match="prefix"):
        node_id(1, "end-")
    with pytest.raises(ValueError, match="prefix"):
        node_id(1, "名")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Plan B:\n 7.5 days", "%% Plan B: 7.5 days"),
        ("{init: x}", "%% {init: x}"),
        ("a %%{init: x}%% b", "%% a %{init: x}% b"),
        ("供应链\x00: 9 天", "%% 供应链: 9 天"),
    ],
)
def test_comment_stays_on_one_line_and_is_no_directive(text: str, line: str) -> None:
    assert comment(text) == line
    assert "%%{" not in comment(text)


def test_class_def_and_link_style_use_the_theme() -> None:
    assert THEME.accent in class_def("critical", emphasis=True)
    assert THEME.line in class_def("task", emphasis=False)
    assert link_style([], emphasis=True) is None
    assert (
        link_style([2, 5], emphasis=False) == f"linkStyle 2,5 stroke:{THEME.faint},stroke-width:1px"
    )


# --- gantt names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Sign: NDA", "Sign#58; NDA"),
        ("Fee #2; due", "Fee #35;2#59; due"),
        ("50% done", "50#37; done"),
        ("%%{init: {}}%%", "#37;#37;{init#58; {}}#37;#37;"),
        ('Say "hi" <b> & `x`', "Say #quot;hi#quot; #lt;b#gt; #amp; #96;x#96;"),
        ("Title deeds", "#84;itle deeds"),
        ("section 2", "#115;ection 2"),
        ("2027-01-01 kick-off", "#50;027-01-01 kick-off"),
        ("Titled", "#84;itled"),  # cautious: a keyword as a prefix is enough
        ("Entitled deeds", "Entitled deeds"),
        ("a\nb\r\nc\td\x00\ud800", "a b c d"),
        ("  收集客户资料\u3000信用审批 ", "收集客户资料 信用审批"),
    ],
)
def test_gantt_text_escapes_what_the_gantt_grammar_reads(text: str, escaped: str) -> None:
    assert gantt_text(text) == escaped


@given(st.text())
def test_gantt_text_stays_one_name(text: str) -> None:
    escaped = gantt_text(text)
    # no character left that ends a name or a statement or starts a comment, on one line
    assert not re.search(r"[:;%#\n\r]", re.sub(r"#(\d+|quot|amp|lt|gt);", "", escaped))


@given(
    st.text(
        st.characters(exclude_categories=("Cs", "Cc", "Cn"), exclude_characters=_DROPPED),
        max_size=150,
    )
)
def test_gantt_text_decodes_back_to_the_text_on_one_line(text: str) -> None:
    assert _decode(gantt_text(text)) == " ".join(text.split())
