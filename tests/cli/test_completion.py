"""Shell completion through Click (`_MGMT_COMPLETE`), with the lazy group's command names."""

from __future__ import annotations

import os
import subprocess
import sys


def complete(**env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "mgmt_cli"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return result.stdout


def bash_complete(words: str, cword: int) -> list[str]:
    out = complete(_MGMT_COMPLETE="bash_complete", COMP_WORDS=words, COMP_CWORD=str(cword))
    return [line.partition(",")[2] for line in out.splitlines()]


def test_bash_source_prints_the_completion_script() -> None:
    script = complete(_MGMT_COMPLETE="bash_source")
    assert "_mgmt_completion()" in script
    assert "complete -o nosort -F _mgmt_completion mgmt" in script


def test_zsh_and_fish_sources() -> None:
    assert "#compdef mgmt" in complete(_MGMT_COMPLETE="zsh_source")
    assert "complete --no-files --command mgmt" in complete(_MGMT_COMPLETE="fish_source")


def test_completes_command_names_of_the_lazy_group() -> None:
    assert bash_complete("mgmt pe", 1) == ["pert"]
    assert bash_complete("mgmt d", 1) == ["decision", "doctor"]


def test_completes_options_and_choices_of_a_command() -> None:
    assert "--json" in bash_complete("mgmt pert --j", 2)
    assert bash_complete("mgmt schema p", 2) == ["pareto", "pert"]
