"""Reading input files: bytes to text with a located message, and the format from the suffix
or the content.

Every method's ``load(path)`` and every command goes through :func:`read_text` (or
:func:`read_source`, which also reads ``-`` as stdin), so an unreadable file or text in the
wrong encoding gives the same message everywhere; :func:`sniff_format` is the one rule that
tells a file's format.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from mgmt_tools._csv import decode
from mgmt_tools.errors import InputError, Problem

__all__ = [
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "format_by_suffix",
    "read_source",
    "read_text",
    "sniff_format",
]

TEXT_SUFFIXES: Mapping[str, str] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""Suffixes every method reads."""

SUFFIXES: Mapping[str, str] = {
    **TEXT_SUFFIXES,
    ".csv": "csv",
    ".txt": "csv",
    ".xml": "mspdi",
}
"""Every input suffix and the format it names."""

STDIN = "<stdin>"
"""The name of standard input in messages."""


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[str, str]:
    """Like :func:`read_text`, with ``-`` read from standard input (named ``<stdin>``)."""
    if os.fspath(path) == "-":
        return decode(sys.stdin.buffer.read(), encoding, STDIN), STDIN
    return read_text(path, encoding)


def sniff_format(source: str, text: str, formats: Sequence[str]) -> str:
    r"""The format of an input among ``formats``: named by its suffix, else told by its content.

    JSON starts with ``{`` or ``[``, MS Project XML with ``<``; a first line without a colon
    is a CSV header when CSV is read; anything else is YAML (JSON is YAML too).

    >>> sniff_format("plan.yml", "", ("yaml", "json")), sniff_format("-", "[1]", ("yaml", "json"))
    ('yaml', 'json')
    >>> sniff_format("<stdin>", "reason,count\nFees,3", ("csv", "yaml", "json"))
    'csv'
    >>> sniff_format("data.txt", "counts: {a: 1}", ("csv", "yaml", "json"))
    'yaml'
    """
    suffix = Path(source).suffix.lower()
    named = SUFFIXES.get(suffix)
    if named is not None and named in formats and suffix != ".txt":  # .txt: look inside
        return named
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")) and "json" in formats:
        return "json"
    if stripped.startswith("<") and "mspdi" in formats:
        return "mspdi"
    if "csv" in formats:
        first = stripped.split("\n", 1)[0]
        if ":" not in first and not first.startswith(("#", "---")):
            return "csv"
    return "yaml" if "yaml" in formats else formats[0]


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[str, str]:
    """The text of the file at ``path`` and its name for messages (UTF-8 with or without a
    BOM unless ``encoding`` names another; a UTF-16 BOM is honoured)."""
    source = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError([Problem(f"cannot read: {error.strerror}", source=source)]) from None
    return decode(data, encoding, source), source


def format_by_suffix(
    path: str | os.PathLike[str], suffixes: Mapping[str, str], default: str = "yaml"
) -> str:
    """The input format named by the suffix of ``path`` in ``suffixes``, else ``default``.

    >>> format_by_suffix("plan.YML", TEXT_SUFFIXES), format_by_suffix("x.txt", TEXT_SUFFIXES)
    ('yaml', 'yaml')
    """
    return suffixes.get(Path(path).suffix.lower(), default)
