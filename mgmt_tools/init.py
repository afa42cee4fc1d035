"""Starter files: a commented input for each method that runs as it is (``mgmt init``).

The starters are kept as files in ``mgmt_tools/starters/<schema>.yaml`` (gantt reads pert's
format and starts from pert's file) and read with :mod:`importlib.resources`, so they are found
in an installed wheel as in a clone. Each begins with the ``# yaml-language-server: $schema=``
line naming ``<schema>.schema.json`` beside it (``mgmt schema METHOD -o`` writes that file).

>>> starter("pert").splitlines()[0]
'# yaml-language-server: $schema=pert.schema.json'
>>> starter("gantt") == starter("pert")
True
"""

from __future__ import annotations

import os

__all__ = ["MODELINE", "starter", "starter_names", "write_starter"]

MODELINE = "# yaml-language-server: $schema="
"""The start of the first line of every starter."""


def starter_names() -> tuple[str, ...]:
    """The methods that have a starter: every method of the registry, sorted."""
    from mgmt_tools.methods import METHODS

    return tuple(sorted(METHODS))


def starter(method: str) -> str:
    """The commented starter input of ``method`` (YAML text).

    Raises
    ------
    KeyError
        ``method`` is not a method of :data:`mgmt_tools.methods.METHODS`.
    """
    from importlib.resources import files

    from mgmt_tools.methods import METHODS

    name = METHODS[method].schema_name
    return files("mgmt_tools").joinpath("starters", f"{name}.yaml").read_text(encoding="utf-8")


def write_starter(method: str, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Write the starter of ``method`` to ``path``, atomically.

    The text goes to a temporary file beside ``path`` that is then linked (or, with ``force``,
    renamed) into place, so a reader never sees half a file and, without ``force``, a file that
    appears meanwhile is not overwritten either.

    Raises
    ------
    FileExistsError
        ``path`` exists and ``force`` is false.
    KeyError
        ``method`` is not a method of the registry.
    OSError
        The file cannot be written (no such directory, no permission).
    """
    from mgmt_tools._writing import write_file

    try:
        write_file(path, starter(method), replace=force)
    except FileExistsError:
        from mgmt_tools.locale import _

        message = _("'{path}' exists (--force overwrites it)").format(path=path)
        raise FileExistsError(message) from None
