"""Reading input files: bytes to text with a located message, and the format from the suffix.

Every method's ``load(path)`` goes through :func:`read_text`, so an unreadable file or text in
the wrong encoding gives the same message everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from mgmt_tools._csv import decode
from mgmt_tools.errors import InputError, Problem

__all__ = ["TEXT_SUFFIXES", "format_by_suffix", "read_text"]

TEXT_SUFFIXES: Mapping[str, str] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""Suffixes every method reads."""


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
