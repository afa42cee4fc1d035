"""The shared core, the rendering layer and the CLI in Chinese (``--lang zh``): a located
problem keeps its ``file:line:col: path: `` prefix and gives its message in Chinese, with no
English word left; ``--lang en`` gives the English words unchanged.

Click's own words (``Usage:``, ``Try ... for help.``, ``Error:``, ``Invalid value for``) are
Click's and stay English: the checks below look at the message our code wrote.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mgmt_tools import locale
from mgmt_tools.errors import GraphvizNotFoundError, InputError, Problem
from mgmt_tools.locale import using

from ..helpers import input_file, mgmt
from .untranslated import english_words

CJK = re.compile(r"[\u4e00-\u9fff]")

PLAN = """\
tasks:
  - id: A
    name: 客户尽职调查
    duration: 3
  - id: B
    name: 授信审批
    duration: 两天
    depends_on: A
  - id: C
    name: 合同签署
    duraton: 2
  - name: 放款
    duration: 1
"""
SYNTAX = """\
tasks:
  - id:A
    name: 客户尽职调查
    duration: 3
"""
LONG_NAME = """\
tasks:
  - id: A
    name: 对公客户授信材料收集与交叉核验
    duration: 3
"""

plan = input_file("plan.yaml", PLAN)
syntax = input_file("syntax.yaml", SYNTAX)
long_name = input_file("long.yaml", LONG_NAME)

IDS = {"A", "B", "C", "id", "duration", "duraton", "name", "tasks", "depends_on", "top", "level"}
"""Keys and ids of the inputs, and the words of the path ``(top level)`` (a path is never
translated)."""


def located(err: str, path: Path) -> dict[str, str]:
    """The problem lines of ``err``: ``file:line:col: path`` -> message."""
    lines = {}
    for line in err.splitlines():
        place, sep, message = line.partition(f"{path}:")[2].rpartition(": ")
        if sep and line.startswith(str(path)):
            lines[f"{path}:{place}"] = message
    return lines


QUOTED = re.compile(r"'[^']*'|--[a-z][\w-]*(?: [a-z][\w-]*=N)?|\bmgmt doctor\b")
"""What a message writes as it is in every language: a value in quotes (an id, a file name),
an option with its value (``--limit text=N``), the command's name."""


def assert_chinese(message: str, allowed: set[str] = IDS) -> None:
    assert CJK.search(message), message
    assert english_words(QUOTED.sub("", message), allowed=allowed) == [], message


def test_yaml_syntax_error_in_chinese(syntax: Path) -> None:
    code, out, err = mgmt("pert", str(syntax), "--lang", "zh")
    assert code == 1
    assert out == ""
    prefix = f"{syntax}:2:7: (top level): "
    assert err.startswith(prefix)
    message = err.strip().removeprefix(prefix)
    assert message.startswith("YAML 语法错误：':' 后缺少空格")
    assert "'id: A'" in message
    assert_chinese(message)


def test_yaml_syntax_error_in_english_is_unchanged(syntax: Path) -> None:
    code, _out, err = mgmt("pert", str(syntax), "--lang", "en")
    assert code == 1
    assert err == (
        f"{syntax}:2:7: (top level): YAML syntax: a missing space after ':' (write 'id: A'; "
        "without the space 'id:A' is one word)\n"
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("tasks: [1, 2\n", "解析方括号 [ ] 中的列表时"),  # libyaml's own words, in ours
        ("tasks:\n\t- id: A\n", "缩进中使用了制表符"),
        ('{"tasks": [{"id": "A", "duration": 1,}]}', "JSON 语法错误：此处应为双引号括起的键"),
    ],
)
def test_other_syntax_errors_in_chinese(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / ("plan.json" if text.startswith("{") else "plan.yaml")
    path.write_text(text, encoding="utf-8")
    code, _out, err = mgmt("pert", str(path), "--lang", "zh")
    assert code == 1
    message = err.strip().rpartition("(top level): ")[2]
    assert words in message
    assert_chinese(message)


def test_schema_errors_in_chinese(plan: Path) -> None:
    code, out, err = mgmt("pert", str(plan), "--lang", "zh")
    assert code == 1
    assert out == ""
    lines = located(err, plan)
    assert lines == {
        f"{plan}:7:15: tasks[1].duration": "不是数字，实际为 '两天'",
        f"{plan}:11:5: tasks[2].duraton": "未知键 'duraton'（您是否想输入 'duration'？）",
        f"{plan}:12:5: tasks[3].id": "缺少必填键 'id'",
    }
    for message in lines.values():
        assert_chinese(message)


def test_schema_errors_in_english_are_unchanged(plan: Path) -> None:
    code, _out, err = mgmt("pert", str(plan), "--lang", "en")
    assert code == 1
    assert located(err, plan) == {
        f"{plan}:7:15: tasks[1].duration": "not a number, got '两天'",
        f"{plan}:11:5: tasks[2].duraton": "unknown key 'duraton' (did you mean 'duration'?)",
        f"{plan}:12:5: tasks[3].id": "missing required key 'id'",
    }


def test_limit_reached_in_chinese(long_name: Path) -> None:
    code, _out, err = mgmt("pert", str(long_name), "--limit", "text=10", "--lang", "zh")
    assert code == 1
    lines = located(err, long_name)
    message = lines[f"{long_name}:3:11: tasks[0].name"]
    assert message == "文本有 15 个字符，超过 10 的上限；可用 --limit text=N 调高上限"
    assert_chinese(message)
    code, _out, err = mgmt("pert", str(long_name), "--limit", "text=10", "--lang", "en")
    assert located(err, long_name)[f"{long_name}:3:11: tasks[0].name"] == (
        "text of 15 characters, more than the limit of 10; raise it with --limit text=N"
    )


def test_unknown_limit_in_chinese(long_name: Path) -> None:
    code, _out, err = mgmt("pert", str(long_name), "--limit", "txt=5", "--lang", "zh")
    assert code == 2
    message = err.strip().splitlines()[-1].partition("--limit: ")[2]
    assert message.startswith("未知上限 'txt'（您是否想输入 'text'？）；可用的上限：")
    limit_names = {"depth", "values", "text", "digits", "cells", "diagram", "label", "render"}
    assert_chinese(message, IDS | limit_names | {"render-timeout"})


def test_write_refused_in_chinese(long_name: Path) -> None:
    code, _out, err = mgmt(
        "pert", str(long_name), "-f", "json", "-o", str(long_name), "--lang", "zh"
    )
    assert code == 2
    message = err.strip().splitlines()[-1].removeprefix("Error: ")  # "Error:" is Click's
    assert message == f"拒绝覆盖输入文件 '{long_name}'"
    code, _out, err = mgmt(
        "pert", str(long_name), "-f", "json", "-o", str(long_name), "--lang", "en"
    )
    assert err.strip().endswith(f"Error: refusing to overwrite the input file '{long_name}'")


def test_write_into_a_missing_folder_in_chinese(long_name: Path, tmp_path: Path) -> None:
    target = tmp_path / "没有" / "plan.json"
    code, _out, err = mgmt("pert", str(long_name), "-o", str(target), "--lang", "zh")
    assert code == 1
    assert err == f"mgmt：错误：文件夹 '{target.parent}' 不存在（请先创建）\n"
    assert_chinese(err)


def test_unknown_output_suffix_in_chinese(long_name: Path) -> None:
    code, _out, err = mgmt("pert", str(long_name), "-o", "plan.txt", "--lang", "zh")
    assert code == 2
    message = err.strip().splitlines()[-1].removeprefix("Error: ")
    assert message.startswith("无法从文件后缀判断 'plan.txt' 的格式；请给出 -f FORMAT（可选：")
    assert_chinese(
        message, {"FORMAT", "svg", "png", "pdf", "dot", "mermaid", "json", "csv", "mspdi"}
    )


def test_graphviz_missing_in_chinese(long_name: Path, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    target = tmp_path / "plan.svg"
    code, _out, err = mgmt(
        "pert", str(long_name), "-o", str(target), "--lang", "zh", env={"PATH": str(empty)}
    )
    assert code == 3
    assert f"mgmt：未找到 Graphviz 'dot'，因此改为将 DOT 源码写入 {tmp_path / 'plan.dot'}" in err
    assert "请安装 Graphviz：apt-get install graphviz（Debian/Ubuntu）" in err
    with using("zh"):
        assert str(GraphvizNotFoundError()).startswith("未找到 Graphviz 'dot'；请安装 Graphviz：")
    with using("en"):
        assert str(GraphvizNotFoundError()).startswith("Graphviz 'dot' was not found; install")


def test_doctor_in_chinese(tmp_path: Path) -> None:
    """Without Graphviz nor fontconfig on PATH: each line's name and status in Chinese, and
    each missing piece named in Chinese on stderr with how to install it."""
    empty = tmp_path / "bin"
    empty.mkdir()
    code, out, err = mgmt("doctor", "--lang", "zh", env={"PATH": str(empty)})
    assert code == 1
    assert "Graphviz：缺失 - PATH 中未找到 `dot`（图将改为写出 DOT 源码）" in out
    assert "字体（fontconfig）：缺失 - PATH 中未找到 `fc-list`" in out
    assert "matplotlib 后端：正常 - Agg" in out
    assert "mgmt doctor：缺少Graphviz：请安装 Graphviz：apt install graphviz" in err
    checks = [line for line in out.splitlines() if " - " in line]
    assert len(checks) == 4
    tools = {"Agg", "matplotlib", "fontconfig", "fc-list", "PATH", "dot", "DOT"}
    for line in checks:
        label, _dash, _detail = line.partition(" - ")
        assert_chinese(label, tools)
    commands = {"apt", "install", "graphviz", "brew", "choco", "fonts", "noto", "cjk", "cask"}
    for line in err.splitlines():
        words = re.sub(r"(apt|brew|choco) install [^|（]*", "", line)
        assert_chinese(words, tools | commands)


def test_doctor_in_english_is_unchanged(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    code, out, err = mgmt("doctor", "--lang", "en", env={"PATH": str(empty)})
    assert code == 1
    assert (
        "graphviz: MISSING - `dot` not found on PATH (diagrams fall back to writing DOT source)"
        in out
    )
    assert "mgmt doctor: missing graphviz: install Graphviz: apt install graphviz" in err


def test_help_in_chinese() -> None:
    before = locale.current()
    code, out, _err = mgmt("doctor", "--lang", "zh", "--help")
    assert locale.current() == before  # --help ends the command before Click closes it
    assert code == 0
    assert "检查运行环境：Python、Graphviz 及其格式、中文字体、matplotlib 后端。" in out
    code, out, _err = mgmt("--lang", "zh", "--help")
    assert "命令" in out
    assert "检查 Graphviz 及其格式、中文字体和 matplotlib 后端。" in out
    code, out, _err = mgmt("pert", "--lang", "zh", "--help")
    assert locale.current() == before
    assert "将 JSON 结果输出到标准输出。" in out
    assert "输入允许的嵌套层数（默认 200）。" in out


def test_more_problems_line_in_chinese() -> None:
    error = InputError([Problem(f"p{n}", source="f.yaml", line=n) for n in range(1, 24)])
    with using("zh"):
        assert error.summary().splitlines()[-1] == "……另有 3 个问题"
    with using("en"):
        assert error.summary().splitlines()[-1] == "... and 3 more problems"
        assert error.summary(limit=22).splitlines()[-1] == "... and 1 more problem"


@pytest.mark.parametrize(
    ("kind", "context", "chinese"),
    [
        ("greater_than", {"gt": 0}, "应大于 0"),
        ("greater_than_equal", {"ge": 0.0}, "应大于或等于 0"),
        ("less_than", {"lt": 1}, "应小于 1"),
        ("int_type", {}, "应为整数"),
        ("value_error", {"error": ValueError("期望值须为正")}, "期望值须为正"),
        (
            "too_short",
            {"field_type": "List", "min_length": 2, "actual_length": 1, "expected_plural": "s"},
            "列表至少应有 2 项，实际为 1 项",
        ),
    ],
)
def test_pydantic_errors_become_our_words(kind: str, context: dict[str, Any], chinese: str) -> None:
    """pydantic's messages of the errors our models raise are written in our words in
    Chinese, and left word for word in English."""
    from mgmt_tools._validation import pydantic_message

    item = {"type": kind, "msg": "pydantic's own words", "ctx": context}
    with using("zh"):
        assert pydantic_message(item) == chinese
        assert english_words(pydantic_message(item)) == []
    with using("en"):
        assert pydantic_message(item) == "pydantic's own words"


def test_our_pydantic_words_follow_pydantic() -> None:
    """The English ids of pydantic's errors are pydantic's own templates (so a reader of
    the English catalog sees what pydantic says), where we kept them word for word."""
    from pydantic_core._pydantic_core import list_all_errors

    from mgmt_tools._validation import _PYDANTIC

    templates = {error["type"]: error["message_template_python"] for error in list_all_errors()}
    ours = {"too_short", "too_long", "string_too_short", "string_too_long"}
    for kind, english in _PYDANTIC.items():
        assert kind in templates, kind
        if kind not in ours:
            assert english == templates[kind], kind


def test_expression_errors_in_chinese() -> None:
    from mgmt_tools._expr import ExpressionError, compile_expression

    with using("zh"):
        with pytest.raises(ExpressionError) as caught:
            compile_expression("1 - p_defualt")({"p_default": 0.08})
        assert str(caught.value) == "未知变量 'p_defualt'（您是否想输入 'p_default'？）"
        with pytest.raises(ExpressionError) as caught:
            compile_expression("2 ^ 3")
        assert str(caught.value) == "'^' 不是乘方运算，请写 **（第 3 列）"
        with pytest.raises(ExpressionError) as caught:
            compile_expression("(1 + ")
        assert english_words(str(caught.value)) == []
    assert locale.current() in locale.LANGUAGES
