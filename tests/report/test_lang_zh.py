"""``mgmt report`` in Chinese (issue 15): the report file's ``lang``, ``--lang`` over it, a
section's ``encoding`` (a GBK input), located problems of both, Markdown and HTML."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from mgmt_cli.main import cli
from mgmt_tools.errors import InputError
from mgmt_tools.locale import set_language, using
from mgmt_tools.render.report import Section, field_label, html_report, markdown_report
from mgmt_tools.report import loads
from mgmt_tools.report.build import build_sections, report_language
from tests.locale.untranslated import english_words

from ..helpers import written

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "report" / "branch-review-zh.yaml"
GOALS = ROOT / "examples" / "goals" / "branch-deposits-2027-zh.yaml"


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """An option error or --help ends a command while its options are parsed, before its
    context closes, so --lang's setting would outlive it in this process: reset it."""
    yield
    set_language(None)


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.output


def _visible(page: str) -> str:
    """The text a reader of the HTML sees (no pictures, styles or embedded JSON)."""
    for pattern in (r"<svg.*?</svg>", r"<script.*?</script>", r"<style>.*?</style>"):
        page = re.sub(pattern, " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _goals_report(tmp_path: Path, lang: str | None = "zh", encoding: str | None = None) -> Path:
    """A one-section report of the Chinese goal tree, copied beside it."""
    shutil.copy(GOALS, tmp_path / "目标.yaml")
    lines = ["title: 存款目标检视"]
    if lang:
        lines.append(f"lang: {lang}")
    section = "  - {method: goals, input: 目标.yaml"
    section += f", encoding: {encoding}}}" if encoding else "}"
    lines += ["sections:", section]
    return written(tmp_path / "r.yaml", "\n".join(lines) + "\n")


@pytest.mark.dot
def test_example_report_is_chinese(tmp_path: Path) -> None:
    out = tmp_path / "检视.html"
    code, output = _run("report", str(EXAMPLE), "-o", str(out), env={"LC_ALL": "C.UTF-8"})
    assert code == 0, output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page
    text = _visible(page)
    for term in (
        "目录",
        "工期",
        "最早开始",
        "总时差",
        "关键",
        "类别",
        "进度评估",
        "进行中",
        "有风险",
    ):
        assert term in text, term
    assert "2027年12月31日" in text  # dates of the tables spelled out
    assert "PERT·分位数·0.9" in text
    # the pictures are drawn in Chinese too: the goal tree's boxes
    assert "截止 2027年12月31日" in page
    ids = {"pert", "fishbone", "goals", "cpm", "ishikawa", "rollup", "weighted", "min", "max"}
    ids |= {"beta-pert", "yaml", "credit-approval-zh", "card-complaints-zh", "branch-deposits"}
    assert english_words(text, allowed=ids) == []


def test_file_lang_wins_over_the_environment_and_lang_option_over_both(tmp_path: Path) -> None:
    report = _goals_report(tmp_path, lang="zh")
    out = tmp_path / "r.html"
    code, output = _run("report", str(report), "-o", str(out), env={"LC_ALL": "en_US.UTF-8"})
    assert code == 0, output
    assert '<html lang="zh-CN">' in out.read_text(encoding="utf-8")
    code, output = _run("report", str(report), "-o", str(out), "--lang", "en")
    assert code == 0, output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert "<h2>Contents</h2>" in page
    assert "<th>track</th>" in page
    assert "at_risk" in page
    english = _goals_report(tmp_path, lang="en")
    code, output = _run("report", str(english), "-o", str(out), env={"LC_ALL": "zh_CN.UTF-8"})
    assert code == 0, output
    assert '<html lang="en">' in out.read_text(encoding="utf-8")


def test_without_lang_the_environment_chooses(tmp_path: Path) -> None:
    report = _goals_report(tmp_path, lang=None)
    out = tmp_path / "r.html"
    code, output = _run("report", str(report), "-o", str(out), env={"LC_ALL": "zh_CN.UTF-8"})
    assert code == 0, output
    assert '<html lang="zh-CN">' in out.read_text(encoding="utf-8")


def test_report_language_in_a_program() -> None:
    model = loads("title: R\nlang: ZH\nsections: [{method: pert, input: p.yaml}]")
    assert model.lang == "zh"
    assert report_language(model) == "zh"
    with using("en"):
        assert report_language(model) == "en"
    assert report_language(loads("title: R\nsections: [{method: pert, input: p.yaml}]")) is None


def test_section_reads_a_gbk_input(tmp_path: Path) -> None:
    shutil.copy(GOALS, tmp_path / "utf8.yaml")
    out = tmp_path / "r.md"
    # the section's encoding reaches the reader: GBK bytes are not valid UTF-8 text
    report = _goals_report(tmp_path, encoding="utf-8")
    (tmp_path / "目标.yaml").write_bytes(GOALS.read_text(encoding="utf-8").encode("gbk"))
    code, output = _run("report", str(report), "-o", str(out))
    assert code == 1
    assert "目标.yaml:2: " in output, output
    assert "不是有效的 utf-8 文本" in output, output
    report = _goals_report(tmp_path, encoding="gbk")
    (tmp_path / "目标.yaml").write_bytes(GOALS.read_text(encoding="utf-8").encode("gbk"))
    code, output = _run("report", str(report), "-o", str(out))
    assert code == 0, output
    text = out.read_text(encoding="utf-8")
    assert "日均存款由42亿元增至48亿元" in text  # read from GBK, written as UTF-8
    assert text.splitlines()[2:3] == ["## 目录"]
    assert "| 字段 | 值 |" in text
    assert "| 进度 | 0.4854 |" in text
    model = loads(report.read_text(encoding="utf-8"), source=str(report))
    utf8 = [
        part.model_copy(update={"input": "utf8.yaml", "encoding": None}) for part in model.sections
    ]
    gbk = build_sections(report, model)
    plain = build_sections(report, model.model_copy(update={"sections": utf8}))
    assert gbk[0].result == plain[0].result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "lang: fr",
            "r.yaml:2:7: lang: 未知的 lang 'fr'（可选：zh, en）",
        ),
        (
            "sections: [{method: goals, input: g.yaml, encoding: gbkk}]",
            "r.yaml:2:53: sections[0].encoding: 未知文本编码 'gbkk'（例如 utf-8、gbk、gb18030）",
        ),
        (
            "sections: [{method: goals, input: g.yaml, encoding: base64}]",
            "r.yaml:2:53: sections[0].encoding: 未知文本编码 'base64'（例如 utf-8、gbk、gb18030）",
        ),
    ],
)
def test_bad_lang_or_encoding_is_located_in_chinese(line: str, expected: str) -> None:
    text = "title: R\n" + line + "\n"
    if not line.startswith("sections"):
        text += "sections: [{method: goals, input: g.yaml}]\n"
    with using("zh"), pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    assert str(caught.value) == expected


def test_bad_section_option_in_chinese() -> None:
    with using("zh"), pytest.raises(InputError) as caught:
        loads(
            "title: R\nsections: [{method: goals, input: g.yaml, options: {depht: 1}}]\n",
            source="r.yaml",
        )
    assert str(caught.value) == (
        "r.yaml:2:53: sections[0].options.depht: goals 没有选项 'depht'（您是否想输入 'depth'？）"
    )


def test_headings_follow_the_sections_language() -> None:
    section = Section(
        "计划", "pert", "p.yaml", {"duration": 3.5, "tasks": [{"id": "A"}]}, lang="zh"
    )
    page = html_report("报告", [section])
    assert '<html lang="zh-CN">' in page
    assert "<h2>目录</h2>" in page
    assert "<th>工期</th>" in page
    assert "<caption>任务</caption>" in page
    assert '<html lang="en">' in html_report("R", [section], lang="en")
    text, _images = markdown_report("报告", [section], "r")
    assert "| 工期 | 3.5 |" in text


def test_field_labels_keep_english_and_input_words() -> None:
    assert field_label("pert.quantiles.0.9") == "pert.quantiles.0.9"
    with using("zh"):
        assert field_label("total_float") == "总时差"
        assert field_label("evpi.Industry report") == "完全信息期望值·Industry report"
