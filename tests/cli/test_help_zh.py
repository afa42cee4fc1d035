"""Method commands' help and option checks in Chinese (issue 15): the registry's help texts
are translated when shown, so ``LANG=zh_CN.UTF-8`` and ``--lang zh`` before ``--help`` both
give Chinese; ``mgmt --help`` stays light in Chinese too."""

from __future__ import annotations

import contextvars
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from mgmt_cli.main import cli
from mgmt_tools.errors import InputError
from mgmt_tools.locale import set_language, using
from mgmt_tools.methods import METHODS
from mgmt_tools.report import loads

from .test_help import HEAVY

PLAN = Path(__file__).parents[2] / "examples" / "pert" / "credit-approval-zh.yaml"
TREE = Path(__file__).parents[2] / "examples" / "goals" / "branch-deposits-2027-zh.yaml"


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """An option error or --help ends a command while its options are parsed, before its
    context closes, so --lang's setting would outlive it in this process: reset it."""
    yield
    set_language(None)


def _environment(**variables: str) -> dict[str, str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("LC_ALL", "LC_MESSAGES", "LANG")
    }
    return {**environment, "COLUMNS": "200", **variables}


def _mgmt(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mgmt_cli", *args],
        capture_output=True,
        text=True,
        env=_environment(**variables),
        check=False,
    )


def _flat(text: str) -> str:
    """Help text with Click's line wrapping undone (Chinese has no spaces between words)."""
    return "".join(line.strip() for line in text.splitlines())


def test_pert_help_in_chinese_from_the_environment() -> None:
    result = _mgmt("pert", "--help", LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    text = _flat(result.stdout)
    assert "用 CPM/PERT 为计划 PLAN（YAML、JSON 或 CSV）排进度。" in text
    assert "蒙特卡洛模拟：按三点估算模拟 N 次进度" in text
    assert "--simulate 的随机种子（默认每次新取，并写入 JSON）。" in text
    assert "Monte Carlo" not in text


@pytest.mark.parametrize("place", ["command", "group"])
def test_lang_before_help_gives_chinese(place: str) -> None:
    args = (
        ["goals", "--lang", "zh", "--help"]
        if place == "command"
        else ["--lang", "zh", "goals", "--help"]
    )
    # --help ends the command while its options are parsed, before its context closes, so
    # --lang's setting would outlive it: run it in a copy of this test's context
    result = contextvars.copy_context().run(CliRunner().invoke, cli, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    text = _flat(result.output)
    assert "汇总目标树 TREE（YAML 或 JSON：goal、children 等）的进度。" in text
    assert "在 DATE（YYYY-MM-DD）评估每个有截止日期的目标" in text
    assert "目标树图：每个目标最多绘制 N 个子目标" in text
    assert "Roll up" not in text


def test_every_method_help_is_chinese() -> None:
    """Each method's description, summary and option help has its translation (the catalog
    check says the same for every message; this one looks at what --help shows)."""
    with using("zh"):
        from mgmt_tools.locale import _

        for method in METHODS.values():
            for text in (method.description, method.summary, *(o.help for o in method.options)):
                assert _(text) != text, (method.name, text)


def test_group_help_lists_chinese_summaries() -> None:
    result = _mgmt("--help", LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "目标树：进度汇总（AND/OR）、指定日期的进度评估、SMART 缺项。" in result.stdout
    assert "计划排程：CPM/PERT 日期、时差、关键路径、网络图。" in result.stdout


def test_english_help_unchanged() -> None:
    result = _mgmt("pert", "--help", LC_ALL="C.UTF-8")
    text = " ".join(result.stdout.split())
    assert "Schedule PLAN (YAML, JSON or CSV) by CPM/PERT." in text
    assert "Monte Carlo: simulate N schedules over the three-point estimates" in text


@pytest.mark.parametrize(
    "args", [["--help"], ["pert", "--help"], ["goals", "--lang", "zh", "--help"]]
)
def test_chinese_help_imports_no_heavy_module(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mgmt_cli", *args],
        capture_output=True,
        text=True,
        env=_environment(LANG="zh_CN.UTF-8"),
        check=True,
    )
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "click" in names
    assert not names & set(HEAVY), names & set(HEAVY)


def test_option_and_chart_checks_in_chinese(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["goals", str(TREE), "--lang", "zh", "--as-of", "2027-13-01"])
    assert result.exit_code == 2
    assert "不是日期（请写作 YYYY-MM-DD）：'2027-13-01'" in result.output
    png = str(tmp_path / "风险.png")
    result = runner.invoke(cli, ["pert", str(PLAN), "--lang", "zh", "--chart", "risk", "-o", png])
    assert result.exit_code == 2
    assert "risk 图需要 --simulate N" in result.output
    dot = str(tmp_path / "risk.dot")
    args = ["pert", str(PLAN), "--lang", "zh", "--simulate", "10", "--chart", "risk", "-o", dot]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "risk 图只能绘制为 svg、png 或 pdf，不能为 dot" in result.output
    result = runner.invoke(cli, ["pert", str(PLAN), "--lang", "en", "--chart", "risk", "-o", png])
    assert "the risk chart needs --simulate N" in result.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("{simulate: 0}", "simulate: 必须至少为 1，实际为 0"),
        ("{simulate: 2.5}", "simulate: 应为整数，实际为 2.5"),
        ("{simulate: true}", "simulate: 应为数字，实际为 True"),
        (
            "{distribution: triangle}",
            "distribution: 未知取值 'triangle'（您是否想输入 'triangular'？）",
        ),
        ("{max_diagram_tasks: .inf}", "max_diagram_tasks: 应为整数，实际为 inf"),
        ("{seed: -1}", "seed: 必须至少为 0，实际为 -1"),
    ],
)
def test_report_option_values_checked_in_chinese(options: str, message: str) -> None:
    text = f"title: R\nsections: [{{method: pert, input: p.yaml, options: {options}}}]\n"
    with using("zh"), pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    assert str(caught.value).endswith(f"sections[0].options.{message}"), str(caught.value)


def test_float_option_values_checked_in_chinese() -> None:
    text = (
        "title: R\nsections: [{method: goals, input: g.yaml, "
        "options: {on_track: .nan, at_risk: 2}}]\n"
    )
    with using("zh"), pytest.raises(InputError) as caught:
        loads(text, source="r.yaml")
    assert str(caught.value).splitlines() == [
        "r.yaml:2:63: sections[0].options.on_track: 必须是有限数，实际为 nan",
        "r.yaml:2:78: sections[0].options.at_risk: 必须至多为 1，实际为 2",
    ]
