"""``mgmt doctor``: check what the diagrams need (Graphviz, CJK fonts, matplotlib's Agg backend)."""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
from dataclasses import dataclass

import click

from mgmt_cli._lang import lang_option

_TIMEOUT = 20.0
_LATIN = frozenset({"DejaVu Sans", "Arial", "sans-serif"})
"""Families of the theme that do not cover CJK text."""


@dataclass(frozen=True)
class Check:
    """One line of the report: what was looked at, what was found, how to fix it when missing."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def _run(argv: list[str]) -> tuple[int, str]:
    """Run ``argv``; return its exit code and its stdout and stderr together."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        return -1, str(error)
    return done.returncode, done.stdout + done.stderr


def dot_formats(dot: str) -> tuple[str, ...]:
    """The output formats the ``dot`` executable lists for ``-T?`` (it exits 1 and prints them)."""
    _, text = _run([dot, "-T?"])
    _, _, listed = text.partition("Use one of:")
    return tuple(listed.split())


def graphviz_checks() -> list[Check]:
    """Graphviz's version and whether it writes every format the commands render through it."""
    from mgmt_tools.render import graphviz

    install = (
        "install Graphviz: apt install graphviz | brew install graphviz | choco install graphviz"
    )
    dot = graphviz.executable("dot")
    if dot is None:
        return [
            Check(
                "graphviz",
                False,
                "`dot` not found on PATH (diagrams fall back to writing DOT source)",
                install,
            )
        ]
    code, text = _run([dot, "-V"])
    match = re.search(r"version\s+(\S+)", text)
    if code != 0 or match is None:
        return [Check("graphviz", False, f"`{dot} -V` failed: {text.strip()[:200]}", install)]
    checks = [Check("graphviz", True, f"dot {match.group(1)} ({dot})")]
    formats = dot_formats(dot)
    missing = [fmt for fmt in graphviz.FORMATS if fmt not in formats]
    wanted = ", ".join(fmt if fmt in formats else f"{fmt} (missing)" for fmt in graphviz.FORMATS)
    checks.append(
        Check(
            "graphviz formats",
            not missing,
            wanted,
            ""
            if not missing
            else "install Graphviz with cairo support (e.g. apt install graphviz)",
        )
    )
    return checks


def fontconfig_check() -> Check:
    """CJK font families fontconfig knows (Graphviz renders PNG/PDF text through it)."""
    fix = "install a CJK font: apt install fonts-noto-cjk | brew install --cask font-noto-sans-cjk"
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return Check("fonts (fontconfig)", False, "`fc-list` not found on PATH", fix)
    code, text = _run([fc_list, ":lang=zh", "family"])
    families = sorted({line.split(",")[0].strip() for line in text.splitlines() if line.strip()})
    if code != 0 or not families:
        return Check(
            "fonts (fontconfig)", False, "no font covering Chinese (fc-list :lang=zh)", fix
        )
    shown = ", ".join(families[:4]) + (
        f" and {len(families) - 4} more" if len(families) > 4 else ""
    )
    return Check("fonts (fontconfig)", True, shown)


def matplotlib_checks() -> list[Check]:
    """The CJK families matplotlib finds among the theme's, and the Agg backend the charts use."""
    from mgmt_tools.render.charts import font_families

    families = font_families()
    cjk = [family for family in families if family not in _LATIN]
    checks = [
        Check(
            "fonts (matplotlib)",
            bool(cjk),
            ", ".join(cjk) if cjk else f"no CJK family found; charts use {', '.join(families)}",
            "" if cjk else "install fonts-noto-cjk, then delete ~/.cache/matplotlib (font cache)",
        )
    ]
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
    except ImportError as error:
        checks.append(
            Check(
                "matplotlib backend", False, f"Agg unavailable: {error}", "pip install matplotlib"
            )
        )
    else:
        checks.append(
            Check("matplotlib backend", True, f"Agg (matplotlib {matplotlib.__version__})")
        )
    return checks


def checks() -> list[Check]:
    """Every check, in the order printed."""
    return [*graphviz_checks(), fontconfig_check(), *matplotlib_checks()]


@click.command("doctor")
def command() -> None:
    """Check the environment: Python, Graphviz and its formats, CJK fonts, matplotlib backend.

    Exits 0 when everything is there, 1 with one line per missing piece and how to install it.
    """
    from mgmt_tools import __version__

    click.echo(f"python: {platform.python_version()}")
    click.echo(f"mgmt-tools: {__version__}")
    found = checks()
    for check in found:
        click.echo(f"{check.name}: {'ok' if check.ok else 'MISSING'} - {check.detail}")
    missing = [check for check in found if not check.ok]
    for check in missing:
        click.echo(f"mgmt doctor: missing {check.name}: {check.fix}", err=True)
    if missing:
        raise SystemExit(1)


command.params.append(lang_option())
