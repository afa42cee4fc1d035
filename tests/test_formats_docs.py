"""The format reference under docs/formats/: complete, fresh, and no link leaves the repository."""

from __future__ import annotations

import re
from pathlib import Path

import click
import jsonschema
import pytest

from mgmt_tools import formats_doc
from mgmt_tools._yaml import load_text
from mgmt_tools.formats_doc import DOCS, PAGES, field_names, render_page, result_rows
from mgmt_tools.methods import METHODS
from mgmt_tools.schemas import generate

ROOT = Path(__file__).resolve().parent.parent
MODELINE = "# yaml-language-server: $schema="
SKIPPED_DIRS = {".venv", ".git", "build", "dist", "node_modules", "demo"}
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def page_text(name: str) -> str:
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def test_every_input_format_has_a_page() -> None:
    from mgmt_tools.schemas import METHODS as SCHEMAS

    assert sorted(PAGES) == sorted(SCHEMAS)
    assert {method.schema_name for method in METHODS.values()} <= set(PAGES)
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for name in PAGES:
        assert f"]({name}.md)" in index, f"docs/formats/README.md does not link {name}.md"


@pytest.mark.parametrize("name", PAGES)
def test_page_is_fresh(name: str) -> None:
    text = page_text(name)
    assert render_page(name, text) == text, "stale: run `python -m mgmt_tools.formats_doc`"


@pytest.mark.parametrize("name", PAGES)
def test_page_names_every_key(name: str) -> None:
    text = page_text(name)
    missing = sorted(key for key in field_names(name) if f"| `{key}` |" not in text)
    assert not missing, f"docs/formats/{name}.md misses keys {missing}"


@pytest.mark.parametrize("name", [name for name in PAGES if name != "report"])
def test_page_names_every_result_field_and_option(name: str) -> None:
    text = page_text(name)
    fields = [path for path, *_ in result_rows(name)]
    assert fields
    assert not [path for path in fields if f"| `{path}` |" not in text]
    for method in METHODS.values():
        if method.schema_name == name:
            assert f"`mgmt {method.name}`" in text
            for option in method.options:
                assert f"| `{option.cli_flag}` | `{option.name}` |" in text


def test_report_page_lists_every_methods_option_keys() -> None:
    text = page_text("report")
    for method in METHODS.values():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{method.name}` |"))
        assert all(f"`{option.name}`" in row for option in method.options)


def test_a_new_key_makes_the_page_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The freshness test can fail: a key added to the model is missing from the kept page."""
    original = generate

    def with_extra_key(name: str) -> dict[str, object]:
        schema = original(name)
        schema["properties"] = {**schema["properties"], "branch_code": {"type": "string"}}
        return schema

    monkeypatch.setattr("mgmt_tools.schemas.generate", with_extra_key)
    text = page_text("pareto")
    assert "branch_code" in field_names("pareto")
    assert "`branch_code`" not in text
    assert "| `branch_code` | text |" in render_page("pareto", text)


def test_a_page_without_markers_is_refused() -> None:
    with pytest.raises(ValueError, match=r"no markers for .*fields"):
        render_page("goals", "# Goal trees\n\nprose only\n")


def test_check_mode_reports_a_stale_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in PAGES:
        (tmp_path / f"{name}.md").write_text(page_text(name), encoding="utf-8")
    stale = page_text("rank").replace("| `title` | text |", "| `title` | number |", 1)
    (tmp_path / "rank.md").write_text(stale, encoding="utf-8")
    monkeypatch.setattr(formats_doc, "DOCS", tmp_path)
    assert formats_doc.main(["--check"]) == 1
    assert "rank.md" in capsys.readouterr().out
    assert formats_doc.main([]) == 0
    assert (tmp_path / "rank.md").read_text(encoding="utf-8") == page_text("rank")


def test_output_suffixes_are_the_commands() -> None:
    from mgmt_cli._output import SUFFIX_FORMATS

    documented = {
        suffix: fmt
        for fmt, suffixes in formats_doc.OUTPUT_SUFFIXES.items()
        for suffix in suffixes.split()
    }
    assert documented == SUFFIX_FORMATS


def test_every_command_option_is_documented() -> None:
    """An option of a command is on its page (registry) or in the index's table of options
    every command takes."""
    from mgmt_cli.main import cli

    index = (DOCS / "README.md").read_text(encoding="utf-8")
    context = click.Context(cli)
    for name, method in METHODS.items():
        page = page_text(method.schema_name)
        command = cli.get_command(context, name)
        assert command is not None
        for parameter in command.params:
            names = getattr(parameter, "opts", [])
            if isinstance(parameter, click.Argument):
                assert "`INPUT`" in index
                continue
            assert any(f"`{flag}" in index or f"| `{flag}` |" in page for flag in names), (
                f"mgmt {name}: {names} is documented nowhere"
            )


def markdown_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*.md"):
        parts = path.relative_to(ROOT).parts
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in parts[:-1]):
            continue
        found.append(path)
    return sorted(found)


def link_targets(text: str) -> list[str]:
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)  # code shows commands, not links
    return [
        *INLINE_LINK.findall(text),
        *REFERENCE_LINK.findall(text),
        *HTML_LINK.findall(text),
    ]


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown text."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def bad_links(path: Path, text: str) -> list[str]:
    """The links of a Markdown file that leave the clone, point to ../shared, or are broken
    (a missing file, or a missing heading of a Markdown file)."""
    bad = []
    for target in link_targets(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # a web address
        file, _, anchor = target.partition("#")
        resolved = (path.parent / file).resolve() if file else path
        if "shared/" in target or not resolved.is_relative_to(ROOT) or not resolved.exists():
            bad.append(target)
        elif anchor and resolved.suffix == ".md":
            headings = resolved.read_text(encoding="utf-8") if file else text
            if anchor not in anchors(headings):
                bad.append(target)
    return bad


def test_the_link_check_can_fail() -> None:
    text = (
        "[rules](../shared/FORMATS.md) [up](../../../x.md) [gone](missing.md) "
        "[ok](pert.md#keys) [a](#top) [b](pert.md#no-such-heading) [w](https://example.org)\n\n"
        "```sh\n[not a link](../../../in-code.md)\n```\n"
        '[ref]: ../../../y.md\n<img src="../../../z.png">\n'
    )
    assert bad_links(DOCS / "README.md", text) == [
        "../shared/FORMATS.md",
        "../../../x.md",
        "missing.md",
        "#top",
        "pert.md#no-such-heading",
        "../../../y.md",
        "../../../z.png",
    ]


def test_no_markdown_link_leaves_the_repository() -> None:
    files = markdown_files()
    assert ROOT / "README.md" in files
    assert DOCS / "pert.md" in files
    bad = {
        str(path.relative_to(ROOT)): links
        for path in files
        if (links := bad_links(path, path.read_text(encoding="utf-8")))
    }
    assert not bad, f"links outside the repository or broken: {bad}"


def test_no_text_points_to_the_shared_folder() -> None:
    for path in markdown_files():
        assert "../shared/" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("name", PAGES)
def test_page_examples_validate_and_their_modeline_resolves(name: str) -> None:
    blocks = [b for b in YAML_BLOCK.findall(page_text(name)) if b.startswith(MODELINE)]
    assert blocks, f"docs/formats/{name}.md has no example with a $schema line"
    for block in blocks:
        first = block.splitlines()[0]
        target = (DOCS / first[len(MODELINE) :]).resolve()
        assert target.is_file(), f"{name}.md: the $schema line points to a missing {target}"
        schema_name = target.name.split(".")[0]
        jsonschema.validate(load_text(block, "yaml"), generate(schema_name))
