"""Writing output files safely: the one writer every command and ``mgmt init`` use.

:func:`write_file` replaces a regular file atomically (a temporary ``.mgmt-part`` file beside
it, renamed into place, removed on every exit the process controls) and keeps its mode and
owner; it writes devices, FIFOs and ``/dev/stdout`` in place and symlinks through, and never
over a file the command read (:func:`mgmt_tools._files.files_read`). :func:`os_error_message`
words an :class:`OSError` for a user.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from mgmt_tools.errors import MgmtError
from mgmt_tools.locale import N_, _

__all__ = [
    "PART_SUFFIX",
    "InputTargetError",
    "RefusedTargetError",
    "WriteError",
    "os_error_message",
    "refuse_inputs",
    "remove_stale_parts",
    "write_file",
]


class WriteError(MgmtError):
    """An output cannot be written (a folder as the target, no permission, a full disk):
    an environment error, exit code 1."""


class RefusedTargetError(WriteError):
    """The output named would replace a file the command must not touch: refused (a usage
    error, exit code 2)."""

    exit_code = 2


class InputTargetError(RefusedTargetError):
    """The output named is an input of the command."""


PART_SUFFIX = ".mgmt-part"
"""How a temporary file ends: ``.<name>.<pid>.<random>.mgmt-part`` beside its target."""

STALE_AGE = 15 * 60
"""Seconds after which a temporary file of the same target is stale even if its process
seems alive (a process id may be reused)."""


def write_file(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    replace: bool = True,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> None:
    """Write ``data`` (text as UTF-8) to ``path``: the one way every output is written.

    - A regular file, or a new name, is written atomically: a temporary file
      ``.<name>.<pid>.<random>.mgmt-part`` beside it is renamed into place, so a reader never
      sees half a file; the temporary file is removed on every exit the process controls
      (an error, Ctrl-C, SIGTERM once the CLI turns it into an exit), and one left by a killed
      run of the same target is removed by the next write (:func:`remove_stale_parts`).
    - An existing file keeps its permission bits (and owner and group where allowed).
    - A symbolic link is written through: its target is replaced, the link kept.
    - A device, FIFO or socket (``/dev/null``, a named pipe) is opened and written in place;
      ``-`` is standard output.
    - ``inputs`` are never a target: the same file by resolved path (a link, ``..``, a hard
      link) raises :class:`InputTargetError`.

    With ``replace=False`` an existing ``path`` is kept (:class:`FileExistsError`), even one
    that appears while writing: the temporary file is hard-linked into place, which fails
    when the name exists.

    Raises ``OSError`` when the system refuses (:func:`os_error_message` says it for a user).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if os.fspath(path) == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    name = os.fspath(path)
    resolved = os.path.realpath(name)  # through symbolic links: the link itself is kept
    refuse_inputs(name, inputs)
    try:
        status: os.stat_result | None = os.stat(name)  # through every link, /proc's too
    except FileNotFoundError:
        status = None
    if status is not None and _special(name, resolved):
        _write_in_place(name, payload, status)  # /dev/stdout, /dev/fd/3: the open file
        return
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
    if status is not None and not replace:
        raise FileExistsError(errno.EEXIST, _("'{name}' exists").format(name=name), name)
    if status is not None and not os.access(resolved, os.W_OK):  # a rename would not ask
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(resolved, payload, status)  # a device, FIFO or socket
        return
    _write_atomically(Path(resolved), payload, status, replace=replace)


def _write_in_place(name: str, payload: bytes, status: os.stat_result) -> None:
    """Open ``name`` and write ``payload``: a device or FIFO as it is, a regular file reached
    through ``/dev/stdout`` at its end (as after a shell's ``>`` or ``>>``), never truncated."""
    for stream_ in (sys.stdout, sys.stderr):  # what was printed before comes first
        with contextlib.suppress(Exception):
            stream_.flush()
    if stat.S_ISFIFO(status.st_mode):
        handle = _open_fifo(name)
    else:
        handle = os.open(name, os.O_WRONLY | (os.O_APPEND if stat.S_ISREG(status.st_mode) else 0))
    with os.fdopen(handle, "wb") as stream:
        stream.write(payload)
        stream.flush()


FIFO_WAIT = 10.0
"""Seconds a write to a named pipe waits for a reader before it is an error (never a hang)."""


def _open_fifo(name: str) -> int:
    """Open a named pipe for writing once a reader has it open (``ENXIO`` after
    :data:`FIFO_WAIT` seconds without one), then write to it as to any pipe."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            handle = os.open(name, os.O_WRONLY | nonblocking)
            break
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
    if nonblocking:
        os.set_blocking(handle, True)
    return handle


OPEN_FILE_NAMES = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/(self|thread-self|\d+)/fd/\d+")
"""Names of a file the process has open (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``)."""


def _special(name: str, resolved: str) -> bool:
    """Whether ``name`` names a file the process has open (:data:`OPEN_FILE_NAMES`, or a
    link whose target has no name, such as ``pipe:[123]``): written in place, as a shell
    redirection would, never renamed over."""
    absolute = os.path.abspath(name)
    return OPEN_FILE_NAMES.fullmatch(absolute) is not None or not os.path.lexists(resolved)


def refuse_inputs(
    target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str] | None]
) -> None:
    """Raise :class:`InputTargetError` when ``target`` is one of ``inputs`` (``-`` and None
    skipped), compared as files: through links, ``..`` and hard links."""
    name = os.fspath(target)
    for item in inputs:
        if item is None or os.fspath(item) == "-":
            continue
        try:
            same = os.path.samefile(name, item)
        except OSError:  # one of them does not exist (or cannot be seen): compare names
            same = os.path.realpath(name) == os.path.realpath(item)
        if same:
            raise InputTargetError(
                _("refusing to overwrite the input file '{name}'").format(name=name)
            )


def _write_atomically(
    target: Path, payload: bytes, status: os.stat_result | None, *, replace: bool
) -> None:
    directory = target.parent
    remove_stale_parts(target)
    temporary = _new_part(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        if error.filename is None or error.filename == str(temporary):
            error.filename = str(directory)  # the folder refused, not the hidden name
        raise
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(temporary, status)
        if replace:
            os.replace(temporary, target)
        else:
            _link_new(str(temporary), target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _new_part(target: Path) -> Path:
    """A new temporary name beside ``target`` (see :data:`PART_SUFFIX`)."""
    token = secrets.token_hex(4)
    return target.parent / f".{target.name}.{os.getpid()}.{token}{PART_SUFFIX}"


def _copy_mode(temporary: Path, status: os.stat_result | None) -> None:
    """Give the temporary file the mode (and owner) of the file it replaces, else the mode a
    new file gets under the umask."""
    if status is None:
        os.chmod(temporary, 0o666 & ~_umask())  # created private; a new file is not
        return
    if hasattr(os, "chown") and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root may give a file away; keep the group
            os.chown(temporary, status.st_uid, status.st_gid)
    os.chmod(temporary, stat.S_IMODE(status.st_mode))


def remove_stale_parts(target: str | os.PathLike[str], *, age: float = STALE_AGE) -> list[Path]:
    """Remove temporary files of ``target`` left by a killed run: the exact pattern of this
    target's name only, whose process is gone or that are older than ``age`` seconds (also
    ``.<name>.XXXXXXXX.part`` of earlier versions, by age). Returns the files removed."""
    path = Path(target)
    directory = path.parent
    ours = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[0-9a-f]{{8}}{re.escape(PART_SUFFIX)}")
    older = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.part")
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    now = time.time()
    for entry in names:
        match = ours.fullmatch(entry)
        if match is None and older.fullmatch(entry) is None:
            continue
        part = directory / entry
        try:
            status = part.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(status.st_mode):
            continue
        stale = now - status.st_mtime > age
        if match is not None and not stale:
            stale = not _alive(int(match.group(1)))
        if stale:
            with contextlib.suppress(OSError):
                part.unlink()
                removed.append(part)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or cannot tell: keep the file
    return True


def os_error_message(
    error: OSError, target: str | os.PathLike[str] | None = None, action: str = "write"
) -> str:
    """What an ``OSError`` from reading or writing (``action``) means for a user, naming the
    file (``target``, else the error's file name).

    >>> os_error_message(IsADirectoryError(21, "Is a directory", "out"))
    "'out' is a folder: give a file name in it"
    >>> os_error_message(OSError(28, "No space left on device"), "r.svg")
    "cannot write 'r.svg': no space left on the device (the disk is full)"
    """
    name = os.fspath(target) if target is not None else error.filename
    named = f"'{os.fspath(name)}'" if name is not None else _("the file")
    code = error.errno
    if code == errno.EISDIR or isinstance(error, IsADirectoryError):
        return _("{named} is a folder: give a file name in it").format(named=named)
    if code == errno.ENOENT:
        folder = os.path.dirname(os.fspath(name)) if name is not None else ""
        if folder and not os.path.isdir(folder):
            return _("no such folder: '{folder}' (create it first)").format(folder=folder)
        return _("{named}: no such file").format(named=named)
    verb = _ACTIONS.get(action)
    done = _(verb) if verb is not None else action
    if code in (errno.EACCES, errno.EPERM):
        folder = os.path.dirname(os.path.realpath(name)) if name is not None else ""
        if action == "write" and folder and not os.access(folder, os.W_OK):
            return _(
                "permission denied: cannot write {named} (the folder '{folder}' is read-only)"
            ).format(named=named, folder=folder)
        return _("permission denied: cannot {action} {named}").format(action=done, named=named)
    reasons = {
        errno.EROFS: N_("the file system is read-only"),
        errno.ENOSPC: N_("no space left on the device (the disk is full)"),
        getattr(errno, "EDQUOT", -1): N_("disk quota exceeded"),
        errno.ENOTDIR: N_("a part of its path is a file, not a folder"),
        errno.ENAMETOOLONG: N_("the name is too long"),
        errno.ENXIO: N_("nothing reads it (a socket, or a FIFO with no reader)"),
    }
    known = reasons.get(code) if code is not None else None
    reason = _(known) if known is not None else error.strerror or type(error).__name__
    return _("cannot {action} {named}: {reason}").format(action=done, named=named, reason=reason)


_SYSTEM_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
}
"""The system's words for the commonest reasons a file cannot be used (as ``strerror`` says
them in English), translated where shown."""


def os_reason(error: OSError) -> str:
    """Why a file could not be used: the system's own words (``strerror``) in English, the
    translation of the commonest reasons in another language.

    >>> os_reason(FileNotFoundError(2, "No such file or directory"))
    'No such file or directory'
    """
    from mgmt_tools import locale

    known = _SYSTEM_REASONS.get(error.errno or 0)
    if known is None or locale.current() == "en":
        return error.strerror or type(error).__name__
    return _(known)


_ACTIONS = {"write": N_("write"), "read": N_("read"), "access": N_("access")}
"""The verbs of :func:`os_error_message` (English; translated where used)."""


def _link_new(temporary: str, target: Path) -> None:
    """Give ``temporary``'s content the name ``target`` unless that name exists."""
    try:
        os.link(temporary, target)  # atomic, and fails when target exists
    except FileExistsError:
        raise FileExistsError(
            errno.EEXIST, _("'{name}' exists").format(name=target), str(target)
        ) from None
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise FileExistsError(
                errno.EEXIST, _("'{name}' exists").format(name=target), str(target)
            ) from None
        os.replace(temporary, target)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
