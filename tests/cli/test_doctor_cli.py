"""`mgmt doctor`: versions, Graphviz and formats, CJK fonts, backend; exit 1 per missing piece."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mgmt_cli.commands import doctor
from mgmt_tools import __version__

from ..helpers import mgmt


def fake_dot(directory: Path, formats: str) -> None:
    script = directory / "dot"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-V" ]; then echo "dot - graphviz version 9.9.9 (0)" >&2; exit 0; fi\n'
        f"echo 'Format: \"?\" not recognized. Use one of: {formats}' >&2; exit 1\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.mark.dot
def test_reports_every_piece() -> None:
    code, out, err = mgmt("doctor")
    pieces = [
        f"mgmt-tools: {__version__}",
        "python: 3.",
        "graphviz: ok - dot ",
        "graphviz formats: ok - svg, png, pdf",
        "matplotlib backend: ok - Agg",
        "fonts (fontconfig):",
        "fonts (matplotlib):",
    ]
    assert [piece for piece in pieces if piece not in out] == []
    assert code == (1 if "MISSING" in out else 0)
    assert (err == "") == (code == 0)


def test_path_without_dot_exits_1_with_install_hint(tmp_path: Path) -> None:
    code, out, err = mgmt("doctor", env={"PATH": str(tmp_path)})
    assert code == 1
    assert "graphviz: MISSING - `dot` not found on PATH" in out
    assert "graphviz formats" not in out
    assert "mgmt doctor: missing graphviz: install Graphviz: apt install graphviz" in err
    assert "mgmt doctor: missing fonts (fontconfig):" in err  # fc-list is gone too
    assert "fonts-noto-cjk" in err


def test_missing_format_is_named(tmp_path: Path) -> None:
    fake_dot(tmp_path, "dot png svg")
    code, out, err = mgmt(
        "doctor", env={"PATH": f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}"}
    )
    assert code == 1
    assert "graphviz: ok - dot 9.9.9" in out
    assert "graphviz formats: MISSING - svg, png, pdf (missing)" in out
    assert "missing graphviz formats: install Graphviz with cairo support" in err


def test_no_cjk_font_in_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mgmt_tools.render.charts.font_families", lambda: ("DejaVu Sans",))
    code, out, err = mgmt("doctor")
    assert code == 1
    assert "fonts (matplotlib): MISSING - no CJK family found; charts use DejaVu Sans" in out
    assert "delete ~/.cache/matplotlib (font cache)" in err


def test_dot_formats_parses_the_usage_line(tmp_path: Path) -> None:
    fake_dot(tmp_path, "canon pdf png svg")
    assert doctor.dot_formats(str(tmp_path / "dot")) == ("canon", "pdf", "png", "svg")
