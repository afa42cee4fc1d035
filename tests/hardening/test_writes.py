"""Safe writes (issue #14): atomic only to regular files, devices and FIFOs in place, links
written through, permissions kept, the input never a target, temporary files never left
behind; environment errors (a folder, no permission, a full disk, out of memory) exit 1 with
a message, never 70."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import click
import pytest

from mgmt_tools import _writing
from mgmt_tools._writing import PART_SUFFIX, remove_stale_parts, write_file
from tests.helpers import input_file, mgmt, written

PLAN = "tasks:\n  - {id: A, duration: 2}\n  - {id: B, duration: 3, depends_on: [A]}\n"
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


plan = input_file("plan.yaml", PLAN)


def parts(folder: Path) -> list[str]:
    """The temporary files left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((PART_SUFFIX, ".part")))


def test_a_regular_file_is_replaced_whole(plan: Path, tmp_path: Path) -> None:
    out = written(tmp_path / "out.json", "old")
    code, _, err = mgmt("pert", str(plan), "-o", str(out))
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["duration"] == 5
    assert parts(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_written_in_place(plan: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = mgmt("pert", str(plan), "-o", str(fifo))
    reader.join(timeout=20)
    assert code == 0, err
    assert not reader.is_alive()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe, not a regular file
    assert json.loads(received[0])["duration"] == 5
    assert parts(tmp_path) == []


def device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device to write to: as root, a private node (Linux's null is 1:3, full
    1:7) in ``tmp_path``, so that a regression replacing the target by a file cannot break
    the machine's own ``/dev/null``; otherwise the system's, which only root could replace."""
    if not ROOT:
        return Path("/dev") / name
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (OSError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return node


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux device numbers")
def test_dev_null_stays_a_device(plan: Path, tmp_path: Path) -> None:
    null = device(tmp_path, "null", 3)
    before = os.stat(null)
    code, _, err = mgmt("pert", str(plan), "-f", "json", "-o", str(null))
    assert code == 0, err
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_symlink_is_written_through(plan: Path, tmp_path: Path) -> None:
    target = written(tmp_path / "real.json", "old")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    code, _, err = mgmt("pert", str(plan), "-o", str(link))
    assert code == 0, err
    assert link.is_symlink()
    assert os.readlink(link) == "real.json"
    assert json.loads(target.read_text(encoding="utf-8"))["duration"] == 5
    assert parts(tmp_path) == []


def test_permissions_of_an_existing_file_are_kept(plan: Path, tmp_path: Path) -> None:
    out = written(tmp_path / "secret.json", "old")
    out.chmod(0o600)
    code, _, err = mgmt("pert", str(plan), "-o", str(out))
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8") != "old"


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_file(tmp_path / "new.txt", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
def test_the_input_is_never_a_target(plan: Path, tmp_path: Path, how: str) -> None:
    before = plan.read_bytes()
    if how == "same":
        target = plan
    elif how == "dotdot":
        (tmp_path / "sub").mkdir()
        target = tmp_path / "sub" / ".." / plan.name
    elif how == "symlink":
        target = tmp_path / "alias.yaml"
        target.symlink_to(plan)
    else:
        target = tmp_path / "hard.yaml"
        os.link(plan, target)
    code, _, err = mgmt("pert", str(plan), "-f", "json", "-o", str(target))
    assert code == 2
    assert "refusing to overwrite the input file" in err
    assert plan.read_bytes() == before


def test_dot_fallback_never_overwrites_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `mgmt pert plan.dot -o plan.svg` without Graphviz would write the DOT to plan.dot
    source = written(tmp_path / "plan.dot", PLAN)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    code, _, err = mgmt("pert", str(source), "-o", str(tmp_path / "plan.svg"))
    assert code == 2, err
    assert "refusing to overwrite the input file" in err
    assert source.read_text(encoding="utf-8") == PLAN
    assert not (tmp_path / "plan.svg").exists()
    assert parts(tmp_path) == []


def test_a_folder_as_output_is_an_environment_error(plan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    code, _, err = mgmt("pert", str(plan), "-o", str(folder))
    assert code == 1
    assert "is a folder" in err
    assert "internal error" not in err


def test_a_missing_folder_is_an_environment_error(plan: Path, tmp_path: Path) -> None:
    code, _, err = mgmt("pert", str(plan), "-o", str(tmp_path / "none" / "out.json"))
    assert code == 1
    assert "no such folder" in err


def _refuse_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root a read-only folder does not stop a write: make creating a temporary file
    fail the way it fails for anyone else."""
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(PART_SUFFIX):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: False if mode == os.W_OK else real_access(path, mode, **kw),
    )


def test_a_read_only_folder_is_an_environment_error(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if ROOT:
        _refuse_parts(monkeypatch)
    else:
        folder.chmod(0o555)
    try:
        code, _, err = mgmt("pert", str(plan), "-o", str(folder / "out.json"))
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert "permission denied" in err
    assert "read-only" in err
    assert list(folder.iterdir()) == []


def test_a_read_only_file_is_an_environment_error(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = written(tmp_path / "locked.json", "old")
    out.chmod(0o444)
    if ROOT:  # root may write anything: pretend it may not
        real_access = os.access
        monkeypatch.setattr(
            os,
            "access",
            lambda path, mode, **kw: (
                False if os.fspath(path) == str(out) else real_access(path, mode, **kw)
            ),
        )
    code, _, err = mgmt("pert", str(plan), "-o", str(out))
    assert code == 1
    assert "permission denied" in err
    assert out.read_text(encoding="utf-8") == "old"
    assert parts(tmp_path) == []


def test_a_full_disk_leaves_the_old_file_and_no_part(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = written(tmp_path / "out.json", "old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = mgmt("pert", str(plan), "-o", str(out))
    assert code == 1
    assert "disk is full" in err
    assert out.read_text(encoding="utf-8") == "old"
    assert parts(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux device numbers")
def test_dev_full_is_written_in_place_and_reported(plan: Path, tmp_path: Path) -> None:
    full = device(tmp_path, "full", 7)
    code, _, err = mgmt("pert", str(plan), "-f", "json", "-o", str(full))
    assert code == 1
    assert "disk is full" in err
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_an_interrupted_write_leaves_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "out.json", "{}")
    assert list(tmp_path.iterdir()) == []


SIGTERM_CHILD = """
import os, sys, time
from mgmt_cli.main import main

def slow(fd):
    sys.stderr.write("ready\\n")
    sys.stderr.flush()
    time.sleep(60)

os.fsync = slow
main(sys.argv[1:])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_removes_the_part_file(plan: Path, tmp_path: Path) -> None:
    import signal

    out = tmp_path / "out.json"
    child = subprocess.Popen(
        [sys.executable, "-c", SIGTERM_CHILD, "pert", str(plan), "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    try:
        assert child.stderr.readline() == "ready\n"
        assert len(parts(tmp_path)) == 1  # the temporary file exists while writing
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert code == 128 + signal.SIGTERM
    assert parts(tmp_path) == []
    assert not out.exists()


def _dead_pid() -> int:
    """A process id that no process has."""
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_a_rerun_removes_stale_parts_of_the_same_target(plan: Path, tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = written(tmp_path / f".out.json.{dead}.0123abcd{PART_SUFFIX}", "half")
    running = written(tmp_path / f".out.json.{os.getpid()}.0123abcd{PART_SUFFIX}", "live")
    other = written(tmp_path / f".other.json.{dead}.0123abcd{PART_SUFFIX}", "not ours")
    lookalike = written(tmp_path / f".out.json.{dead}.0123abcd{PART_SUFFIX}.keep", "no")
    old = written(tmp_path / f".out.json.{dead}.0123abcd{PART_SUFFIX}x", "no")
    code, _, err = mgmt("pert", str(plan), "-o", str(tmp_path / "out.json"))
    assert code == 0, err
    assert not stale.exists()
    assert running.exists()
    assert other.exists()
    assert lookalike.exists()
    assert old.exists()


def test_an_old_part_is_stale_even_if_its_pid_is_alive(tmp_path: Path) -> None:
    part = written(tmp_path / f".out.json.{os.getppid()}.0123abcd{PART_SUFFIX}", "x")
    assert remove_stale_parts(tmp_path / "out.json") == []
    long_ago = time.time() - _writing.STALE_AGE - 60
    os.utime(part, (long_ago, long_ago))
    assert remove_stale_parts(tmp_path / "out.json") == [part]


def test_out_of_memory_is_a_message_with_the_size(tmp_path: Path) -> None:
    from mgmt_cli._errors import run_guarded

    @click.command()
    def hungry() -> None:
        raise MemoryError("Unable to allocate 74.5 GiB for an array with shape (100000, 100000)")

    stderr = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        run_guarded(hungry, [], debug=False, stderr=stderr)
    assert exit_.value.code == 1
    message = stderr.getvalue()
    assert "out of memory" in message
    assert "74.5 GiB" in message
    assert "internal error" not in message


def test_an_os_error_escaping_a_command_is_exit_1() -> None:
    from mgmt_cli._errors import run_guarded

    @click.command()
    def unreadable() -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "plan.yaml")

    stderr = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        run_guarded(unreadable, [], debug=False, stderr=stderr)
    assert exit_.value.code == 1
    assert "permission denied" in stderr.getvalue()
    assert "'plan.yaml'" in stderr.getvalue()


def test_replace_false_keeps_an_existing_file(tmp_path: Path) -> None:
    out = written(tmp_path / "keep.yaml", "mine")
    with pytest.raises(FileExistsError):
        write_file(out, "theirs", replace=False)
    assert out.read_text(encoding="utf-8") == "mine"
    assert parts(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_nobody_reads_is_an_error_not_a_hang(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_writing, "FIFO_WAIT", 0.2)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, _, err = mgmt("pert", str(plan), "-o", str(fifo))
    assert time.monotonic() - started < 10
    assert code == 1
    assert "nothing reads it" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not Path("/dev/fd/1").exists(), reason="no /dev/fd")
def test_dev_stdout_appends_to_a_redirected_file(plan: Path, tmp_path: Path) -> None:
    # `mgmt ... -o /dev/stdout >> log` adds to log: neither truncated nor renamed over.
    # /dev/fd/1 is the same file; unlike the link /dev/stdout, no regression could replace
    # it (the folder is /proc's), so the test cannot break the machine it runs on.
    log = written(tmp_path / "log.txt", "before\n")
    inode = log.stat().st_ino
    with log.open("ab") as stdout:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "mgmt_cli",
                "pert",
                str(plan),
                "-f",
                "json",
                "-o",
                "/dev/fd/1",
            ],
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("before\n{")
    assert json.loads(text.removeprefix("before\n"))["duration"] == 5
    assert log.stat().st_ino == inode


def test_a_file_the_input_names_is_never_a_target(tmp_path: Path) -> None:
    # index reads its alternatives from the CSV its input names: -o cannot replace it
    table = written(tmp_path / "data.csv", "name,cost,quality\nA,1,5\nB,2,3\n")
    index = written(
        tmp_path / "i.yaml",
        "weighting: equal\ncriteria:\n  - {id: cost, direction: min}\n  - {id: quality}\n"
        "alternatives: data.csv\n",
    )
    code, _, err = mgmt("index", str(index), "-f", "json", "-o", str(table))
    assert code == 2
    assert "refusing to overwrite the input file" in err
    assert table.read_text(encoding="utf-8").startswith("name,cost,quality\n")
    # and the next command starts afresh: what one command read another may write
    code, _, err = mgmt("pert", str(written(tmp_path / "p.yaml", PLAN)), "-o", str(table))
    assert code == 0, err


def test_a_rank_items_file_is_never_a_target(tmp_path: Path) -> None:
    items = written(tmp_path / "items.csv", "name,reach,impact,confidence,effort\nA,1,1,0.5,1\n")
    backlog = written(tmp_path / "backlog.yaml", "method: rice\nitems: items.csv\n")
    code, _, err = mgmt("rank", str(backlog), "-f", "csv", "-o", str(items))
    assert code == 2, err
    assert items.read_text(encoding="utf-8").startswith("name,reach,")
