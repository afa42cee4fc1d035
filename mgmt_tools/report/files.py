"""The pictures of a Markdown report: written into a folder named after it, never over a file
the report did not write.

``mgmt report r.yaml -o out/r.md`` writes ``out/r.md`` and its pictures ``out/r_files/*.svg``
(the Markdown links to them relatively), and nothing else. The folder keeps a small manifest,
``.mgmt-report.json``, of the pictures written there and their SHA-256: a later run replaces a
picture only when the manifest lists it and it is unchanged since (or already holds the same
bytes); any other file of that name is left alone and the report is refused before anything
is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from mgmt_tools._writing import (
    RefusedTargetError,
    WriteError,
    os_error_message,
    refuse_inputs,
    write_file,
)

__all__ = ["MANIFEST", "picture_folder", "write_pictures"]

MANIFEST = ".mgmt-report.json"
"""The manifest's file name inside the pictures folder."""

FOLDER_SUFFIX = "_files"
"""The pictures folder of ``r.md`` is ``r_files`` beside it."""


def picture_folder(output: str | os.PathLike[str]) -> Path:
    """The folder of a Markdown report's pictures: ``<stem>_files`` beside it.

    >>> picture_folder("out/q1.md").as_posix()
    'out/q1_files'
    """
    path = Path(output)
    return path.with_name(path.stem + FOLDER_SUFFIX)


def write_pictures(
    folder: Path,
    pictures: Mapping[str, str | bytes],
    *,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> None:
    """Write ``pictures`` ({file name: content}) into ``folder`` (created if missing) and
    record them in its manifest.

    Every name is checked before anything is written: a file there that the manifest does not
    list, that changed since it was written, or that is not a regular file (a link, a folder)
    raises :class:`RefusedTargetError` naming it, and so does a name that is one of ``inputs``.
    """
    if not pictures:
        return
    payloads = {name: _bytes(data) for name, data in pictures.items()}
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise RefusedTargetError(
            f"refusing to write the report's pictures into '{folder}': it is not a folder "
            "the report made (move it, or choose another -o)"
        )
    manifest = _manifest(folder)
    if manifest is None:
        raise RefusedTargetError(
            f"refusing to overwrite '{folder / MANIFEST}': it is not a manifest the report "
            "wrote; move it, or choose another -o"
        )
    refused = [
        name
        for name, payload in payloads.items()
        if not _replaceable(folder / name, manifest.get(name), payload)
    ]
    if refused:
        shown = ", ".join(f"'{folder / name}'" for name in refused[:5])
        more = f" and {len(refused) - 5} more" if len(refused) > 5 else ""
        one = len(refused) == 1
        raise RefusedTargetError(
            f"refusing to overwrite {shown}{more}: the report did not write "
            f"{'it' if one else 'them'} (or {'it' if one else 'they'} changed since); "
            f"move {'it' if one else 'them'}, or choose another -o"
        )
    inputs = list(inputs)
    for name in payloads:
        refuse_inputs(folder / name, inputs)
    folder.mkdir(exist_ok=True)
    kept = {
        name: digest
        for name, digest in manifest.items()
        if name not in payloads and _digest_of(folder / name) == digest
    }
    for name, payload in payloads.items():
        if _digest_of(folder / name) != _digest(payload):
            write_file(folder / name, payload, inputs=inputs)
    record = {**kept, **{name: _digest(payload) for name, payload in payloads.items()}}
    document = {"written_by": "mgmt report", "files": dict(sorted(record.items()))}
    write_file(folder / MANIFEST, json.dumps(document, indent=2) + "\n", inputs=inputs)


def _replaceable(path: Path, recorded: str | None, payload: bytes) -> bool:
    """Whether the report may write ``path``: new, or a regular file it wrote and nobody
    changed since, or one already holding ``payload``."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return True
    except OSError as error:
        raise WriteError(os_error_message(error, path, "read")) from None
    if not stat.S_ISREG(status.st_mode):
        return False
    digest = _digest_of(path)
    return digest == _digest(payload) or (recorded is not None and digest == recorded)


def _manifest(folder: Path) -> dict[str, str] | None:
    """The pictures the manifest in ``folder`` lists: empty when there is none, None when a
    file of its name is not one the report wrote (a link, another file)."""
    path = folder / MANIFEST
    try:
        status = path.lstat()
    except FileNotFoundError:
        return {}
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > 10_000_000:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("written_by") != "mgmt report":
        return None
    files = data.get("files")
    if not isinstance(files, dict):
        return None
    return {
        str(name): str(digest)
        for name, digest in files.items()
        if isinstance(name, str) and "/" not in name and isinstance(digest, str)
    }


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _digest_of(path: Path) -> str | None:
    try:
        if path.is_symlink() or not path.is_file():
            return None
        return _digest(path.read_bytes())
    except OSError:
        return None
