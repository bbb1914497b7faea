"""Write output files whole or not at all: a temporary file beside the target, then one rename.
The finished file has the permissions a new file gets (0644 under umask 022), or those of the
file it replaces. Used by every export, data (``viewer.io``) and pictures (``viewer.timeline``)."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (same suffix, so writers that go by it work);
    when the block ends without error it replaces ``target`` in one rename; on error it is
    removed and an existing ``target`` stays as it was."""
    target = Path(target)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=target.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(target))  # mkstemp makes it owner-only
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_output(
    target: str | Path, mode: str = "w", encoding: str | None = "utf-8"
) -> Iterator[IO[Any]]:
    """Yield a file to write (text by default); it replaces ``target`` as ``atomic_path`` does,
    once its bytes are on disk."""
    binary = "b" in mode
    with (
        atomic_path(target) as temporary,
        open(
            temporary,
            mode,
            encoding=None if binary else encoding,
            newline=None if binary else "",
        ) as stream,
    ):
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)  # replacing a file keeps its permissions
    except OSError:
        return 0o666 & ~_umask()


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
