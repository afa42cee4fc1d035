"""``mgmt doctor``: check what the diagrams need (Graphviz, CJK fonts, matplotlib's Agg backend)."""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
from dataclasses import dataclass

import click

from mgmt_cli._help import TranslatedCommand
from mgmt_cli._lang import lang_option
from mgmt_tools.locale import N_, _

_TIMEOUT = 20.0
_LATIN = frozenset({"DejaVu Sans", "Arial", "sans-serif"})
"""Families of the theme that do not cover CJK text."""


@dataclass(frozen=True)
class Check:
    """One line of the report: what was looked at, what was found, how to fix it when missing.

    ``name`` is English (a message id of :data:`NAMES`, translated where printed); ``detail``
    and ``fix`` are written in the language current when the check runs."""

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
    _code, text = _run([dot, "-T?"])
    _before, _mark, listed = text.partition("Use one of:")
    return tuple(listed.split())


def graphviz_checks() -> list[Check]:
    """Graphviz's version and whether it writes every format the commands render through it."""
    from mgmt_tools.render import graphviz

    install = _(
        "install Graphviz: apt install graphviz | brew install graphviz | choco install graphviz"
    )
    dot = graphviz.executable("dot")
    if dot is None:
        return [
            Check(
                "graphviz",
                False,
                _("`dot` not found on PATH (diagrams fall back to writing DOT source)"),
                install,
            )
        ]
    code, text = _run([dot, "-V"])
    match = re.search(r"version\s+(\S+)", text)
    if code != 0 or match is None:
        failed = _("`{command}` failed: {output}").format(
            command=f"{dot} -V", output=text.strip()[:200]
        )
        return [Check("graphviz", False, failed, install)]
    checks = [Check("graphviz", True, f"dot {match.group(1)} ({dot})")]
    formats = dot_formats(dot)
    missing = [fmt for fmt in graphviz.FORMATS if fmt not in formats]
    wanted = ", ".join(
        fmt if fmt in formats else _("{format} (missing)").format(format=fmt)
        for fmt in graphviz.FORMATS
    )
    checks.append(
        Check(
            "graphviz formats",
            not missing,
            wanted,
            ""
            if not missing
            else _("install Graphviz with cairo support (e.g. apt install graphviz)"),
        )
    )
    return checks


def fontconfig_check() -> Check:
    """CJK font families fontconfig knows (Graphviz renders PNG/PDF text through it)."""
    fix = _(
        "install a CJK font: apt install fonts-noto-cjk | brew install --cask font-noto-sans-cjk"
    )
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        missing = _("`{command}` not found on PATH").format(command="fc-list")
        return Check("fonts (fontconfig)", False, missing, fix)
    code, text = _run([fc_list, ":lang=zh", "family"])
    families = sorted({line.split(",")[0].strip() for line in text.splitlines() if line.strip()})
    if code != 0 or not families:
        return Check(
            "fonts (fontconfig)", False, _("no font covering Chinese (fc-list :lang=zh)"), fix
        )
    shown = ", ".join(families[:4])
    if len(families) > 4:
        shown = _("{names} and {count} more").format(names=shown, count=len(families) - 4)
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
            ", ".join(cjk)
            if cjk
            else _("no CJK family found; charts use {families}").format(
                families=", ".join(families)
            ),
            ""
            if cjk
            else _("install fonts-noto-cjk, then delete ~/.cache/matplotlib (font cache)"),
        )
    ]
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
    except ImportError as error:
        checks.append(
            Check(
                "matplotlib backend",
                False,
                _("Agg unavailable: {error}").format(error=error),
                "pip install matplotlib",
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


NAMES = (
    N_("graphviz"),
    N_("graphviz formats"),
    N_("fonts (fontconfig)"),
    N_("fonts (matplotlib)"),
    N_("matplotlib backend"),
)
"""The checks' names, as the English report prints them (translated where printed)."""

HELP = N_(
    "Check the environment: Python, Graphviz and its formats, CJK fonts, matplotlib backend.\n"
    "\n"
    "Exits 0 when everything is there, 1 with one line per missing piece and how to install it."
)


@click.command("doctor", cls=TranslatedCommand, help=HELP)
def command() -> None:
    """Check the environment (:data:`HELP`)."""
    from mgmt_tools import __version__

    click.echo(f"python: {platform.python_version()}")
    click.echo(f"mgmt-tools: {__version__}")
    found = checks()
    for check in found:
        status = _("ok") if check.ok else _("MISSING")
        line = _("{name}: {status} - {detail}")
        click.echo(line.format(name=_(check.name), status=status, detail=check.detail))
    missing = [check for check in found if not check.ok]
    for check in missing:
        line = _("mgmt doctor: missing {name}: {fix}")
        click.echo(line.format(name=_(check.name), fix=check.fix), err=True)
    if missing:
        raise SystemExit(1)


command.params.append(lang_option())
