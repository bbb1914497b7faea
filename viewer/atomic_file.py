"""Write output files whole or not at all: a temporary file beside the target, then one rename.

The finished file has the permissions a new file gets (0644 under umask 022), or those of the
file it replaces. A symbolic link is written through, as editors do: the file it points to is
replaced and the link stays. A device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe)
is written to directly, since it cannot be replaced; write errors are raised all the same (so
``/dev/full`` fails). Every write, the flush and the sync are checked, and a temporary file is
never left behind: one left by a killed export (its writer's process id is in its name) is
removed by the next export to that folder. Used by every export, data (``viewer.io``) and
pictures (``viewer.timeline``)."""

from __future__ import annotations

import errno
import io
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

STALE_AFTER = 3600.0  # seconds: a temporary file this old is a leftover, whoever wrote it
# ".NAME.PID.RANDOM.tmp"; before the process id was in the name: ".NAME.RANDOM.tmp.SUFFIX"
_TEMPORARY = re.compile(r"^\..+\.(?P<pid>[0-9]+)\.[0-9a-f]{8}\.tmp$", re.DOTALL)
_OLD_TEMPORARY = re.compile(
    r"^\..+\.[a-z0-9_]{8}\.tmp(\.(csv|jsonl|json|png|svg|pdf))?$", re.DOTALL | re.IGNORECASE
)
_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)  # where they exist
_NAME_BYTES = 120  # of the target's name kept in the temporary's (file names end at 255 bytes)


@contextmanager
def atomic_output(
    target: str | Path, mode: str = "w", encoding: str | None = "utf-8"
) -> Iterator[IO[Any]]:
    """Yield a file to write (text by default, ``"wb"`` for bytes); when the block ends without
    error and every byte is on disk, it replaces ``target`` in one rename. On error the
    temporary file is removed and an existing ``target`` stays as it was."""
    target = Path(target)
    binary = "b" in mode
    kind = _kind(target)
    if kind is not None and (stat.S_ISCHR(kind) or stat.S_ISFIFO(kind)):
        with _stream(_open_stream(target, kind), binary, encoding) as stream:
            yield stream
            stream.flush()  # an error here (ENOSPC from /dev/full) is the write's error
        return
    if kind is not None and not stat.S_ISREG(kind):
        what = "a folder" if stat.S_ISDIR(kind) else "not a regular file"
        raise OSError(errno.EISDIR if stat.S_ISDIR(kind) else errno.EINVAL, f"it is {what}")
    final = Path(os.path.realpath(target))  # through symbolic links, to the file itself
    if kind is not None and not os.access(final, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only")
    remove_stale_temporaries(final.parent)
    handle, temporary = _create_temporary(final)
    try:
        with _stream(handle, binary, encoding) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            raw = stream.buffer if isinstance(stream, io.TextIOWrapper) else stream
            if os.fstat(stream.fileno()).st_size != raw.tell():
                raise OSError(errno.EIO, "the file was not written completely")
        _keep_owner_and_mode(temporary, final)
        os.replace(temporary, final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(final.parent)


def remove_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Remove our temporary files in ``folder`` that no export will finish: their writer is
    gone, or they are older than ``STALE_AFTER``. Best effort: what cannot be removed stays."""
    now = time.time() if now is None else now
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".")]
    except OSError:
        return
    for entry in entries:
        ours = _TEMPORARY.match(entry.name)
        if ours is None and not _OLD_TEMPORARY.match(entry.name):
            continue
        with suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or not _owned(info):
                continue
            gone = ours is not None and not _process_alive(int(ours["pid"]))
            if gone or now - info.st_mtime > STALE_AFTER:
                os.unlink(entry.path)


def _kind(target: Path) -> int | None:
    """The file type of what ``target`` names (through links), or None when nothing is there."""
    try:
        return os.stat(target).st_mode
    except FileNotFoundError:
        return None


def _open_stream(target: Path, kind: int) -> int:
    """A device or FIFO opened for writing. A FIFO nobody reads is refused, not waited on."""
    fifo = stat.S_ISFIFO(kind)
    flags = os.O_WRONLY | _FLAGS | (getattr(os, "O_NONBLOCK", 0) if fifo else 0)
    try:
        handle = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO and fifo:
            raise OSError(errno.ENXIO, "it is a named pipe that no program reads") from None
        raise
    if fifo:  # from here on, writes wait for the reader
        os.set_blocking(handle, True)
    return handle


def _stream(handle: int, binary: bool, encoding: str | None) -> IO[Any]:
    if binary:
        return os.fdopen(handle, "wb")
    return os.fdopen(handle, "w", encoding=encoding, newline="")


def _create_temporary(final: Path) -> tuple[int, Path]:
    name = os.fsdecode(os.fsencode(final.name)[:_NAME_BYTES])
    while True:
        temporary = final.with_name(f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FLAGS
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:
            continue


def _process_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # elsewhere os.kill would end it: age only
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _owned(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _keep_owner_and_mode(temporary: Path, final: Path) -> None:
    """The temporary file (created owner-only) gets the permissions of the file it replaces,
    and its owner and group where we may set them; a new file gets 0666 less the umask."""
    try:
        old = final.stat()
    except OSError:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    if hasattr(os, "chown") and (old.st_uid, old.st_gid) != _ids(temporary):
        with suppress(OSError):  # only root may give a file away; a group we are in is fine
            os.chown(temporary, old.st_uid, old.st_gid)
    os.chmod(temporary, stat.S_IMODE(old.st_mode))


def _ids(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_uid, info.st_gid


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        found = re.search(r"^Umask:\s*([0-7]+)", status, re.MULTILINE)
        if found:
            return int(found[1], 8)
    except OSError:
        pass
    current = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(current)
    return current
