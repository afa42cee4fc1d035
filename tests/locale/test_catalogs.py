"""The message catalogs: every message the code marks has its Chinese translation, with the
same {fields}, one translation per English text, and compiled files in step (make catalogs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mgmt_tools import locale
from mgmt_tools.locale import catalogs


def test_every_message_is_translated_and_compiled() -> None:
    problems = catalogs.check()
    assert not problems, "\n".join(problems[:60])


def test_every_source_file_has_a_domain() -> None:
    for folder in catalogs.SOURCES:
        for path in (catalogs.ROOT / folder).rglob("*.py"):
            relative = path.relative_to(catalogs.ROOT).as_posix()
            assert catalogs.domain_of(relative), relative


def test_a_missing_or_broken_translation_is_reported(tmp_path: Path) -> None:
    shutil.copytree(catalogs.FOLDER, tmp_path, dirs_exist_ok=True)
    po = tmp_path / "core.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "中文"', 'msgstr ""').replace("{known}）", "{known}{extra}）")
    po.write_text(text, encoding="utf-8")
    problems = "\n".join(catalogs.check(tmp_path))
    assert "core.po: 'Chinese': no Chinese translation" in problems
    assert "fields ['extra', 'known', 'language'] differ" in problems
    assert "core: core.mo is out of date" in problems


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LC_MESSAGES": "zh_CN", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_HK.UTF-8"}, "zh"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_default_language_from_the_environment(environ: dict[str, str], language: str) -> None:
    assert locale.default_language(environ) == language


def test_language_is_scoped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert locale.current() == "zh"
    with locale.using("en"):
        assert locale._("Chinese") == "Chinese"
        with locale.using("zh"):
            assert locale._("Chinese") == "中文"
    assert locale._("English") == "英文"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"), locale.using("fr"):
        pass
