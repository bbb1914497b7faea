"""Reading input files (only ever reading): the head for sniffing, or the whole file.

Only regular files are read: a pipe, a device or a socket named ``x.csv`` would block the
reader or never end, so it is refused by what it is. The whole file is read into memory
rather than memory-mapped: a mapped file that shrinks while it is read kills the process
(SIGBUS); a read of one that changes under us is told by its size and time and refused.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyarrow as pa

from viewer.io.load_errors import LoadError
from viewer.io.load_watch import NO_WATCH, LoadWatch
from viewer.model.messages import QT_TRANSLATE_NOOP

# Opening a FIFO for reading blocks until a writer comes; non-blocking, the open returns and
# fstat tells what it is (a regular file ignores the flag).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


T = TypeVar("T")
_CHANGED = QT_TRANSLATE_NOOP(
    "LoadMessages", "changed while it was being read; load it again when it is saved"
)


def read_whole(path: Path) -> bytes:
    """The whole file; LoadError if it cannot be read, is not a regular file or changed
    while it was being read."""

    def read(stream: io.BufferedReader, _size: int) -> tuple[bytes, int]:
        data = _read_open_file(stream, path)
        return data, len(data)

    return _read_checked(path, read)


def read_whole_buffer(path: Path, watch: LoadWatch = NO_WATCH) -> pa.Buffer:
    """The whole file in an Arrow buffer (what pyarrow's CSV reader reads without a copy),
    with the checks of ``read_whole``. Reading into one buffer of the file's size avoids the
    growing copies of ``read()``: about 0.04 s for 187 MB instead of 0.11 s. ``watch`` hears
    how far the read is and stops it between chunks (a cold 1.7 GB file takes seconds)."""
    return _read_checked(path, lambda stream, size: _fill_buffer(stream, path, size, watch))


def _read_checked(path: Path, read: Callable[[io.BufferedReader, int], tuple[T, int]]) -> T:
    """What ``read(stream, size)`` gives (content and its length in bytes) of a regular file
    that did not change meanwhile: the same size and time before and after, and every byte read."""
    try:
        with _open_regular(path) as stream:
            before = os.fstat(stream.fileno())
            content, count = read(stream, before.st_size)
            count += len(stream.read(1))  # a byte past the size it had: it grew
            after = os.fstat(stream.fileno())
    except OSError as error:
        raise _unreadable(path, error) from error
    if count != after.st_size or _version(before) != _version(after):
        raise LoadError(path, _CHANGED)
    return content


def read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit`` bytes and the file's size."""
    try:
        with _open_regular(path) as stream:
            return stream.read(limit), os.fstat(stream.fileno()).st_size
    except OSError as error:
        raise _unreadable(path, error) from error


def _read_open_file(stream: BinaryIO, path: Path) -> bytes:
    del path  # a seam for tests: what is read between the two looks at the file
    return stream.read()


_CHUNK = 64 << 20  # bytes read between two looks at the watch


def _fill_buffer(
    stream: io.BufferedReader, path: Path, size: int, watch: LoadWatch = NO_WATCH
) -> tuple[pa.Buffer, int]:
    """A buffer of ``size`` bytes filled from ``stream``, and how many bytes came."""
    del path  # a seam for tests, as _read_open_file
    buffer = pa.allocate_buffer(size)
    view, filled = memoryview(buffer), 0
    while filled < size:
        watch.check()
        count = stream.readinto(view[filled : filled + _CHUNK])
        if not count:
            break
        filled += count
        watch.on_progress(filled / size)
    return buffer, filled


def _version(status: os.stat_result) -> tuple[int, int]:
    return status.st_size, status.st_mtime_ns


def _open_regular(path: Path) -> io.BufferedReader:
    if path.is_dir():
        raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is a folder, not a file"))
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise LoadError(path, _not_regular(mode))
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return QT_TRANSLATE_NOOP("LoadMessages", "is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP("LoadMessages", "is not a regular file (a pipe)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP("LoadMessages", "is not a regular file (a device)")
    if stat.S_ISSOCK(mode):
        return QT_TRANSLATE_NOOP("LoadMessages", "is not a regular file (a socket)")
    return QT_TRANSLATE_NOOP("LoadMessages", "is not a regular file")


def _unreadable(path: Path, error: OSError) -> LoadError:
    return LoadError(
        path,
        QT_TRANSLATE_NOOP("LoadMessages", "cannot be read ({error})"),
        error=error.strerror or error,
    )


class PulledStream:
    """What pyarrow.PythonFile asks of a stream it reads forward only; ``read`` and
    ``_position`` are the subclass's."""

    closed = False
    _position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self.closed = True


class FileBlocks(PulledStream):
    """A regular file read block by block, for pyarrow's CSV reader to pull (on its own
    thread, while its other threads parse): the file's bytes are never all in memory at once,
    and each block, once parsed, is freed for the next to reuse. ``check_block`` sees every
    block (the text rules of the whole file); ``watch`` hears how far the read is and stops
    it at the next block. A file whose size or time changed by the end is refused, as by
    ``read_whole``."""

    def __init__(
        self, path: Path, check_block: Callable[[pa.Buffer], None], watch: LoadWatch
    ) -> None:
        self._path, self._check_block, self._watch = path, check_block, watch
        try:
            self._stream = _open_regular(path)
            self._before = os.fstat(self._stream.fileno())
        except OSError as error:
            raise _unreadable(path, error) from error
        self._position = 0

    def read(self, size: int = -1) -> pa.Buffer:
        self._watch.check()
        total = self._before.st_size
        wanted = max(total - self._position, 0) + 1 if size is None or size < 0 else size
        block = pa.allocate_buffer(wanted, resizable=True)
        try:
            count = _read_block(self._stream, self._path, memoryview(block))
            if count < wanted:  # the end: the file is what it was when the read began
                after = os.fstat(self._stream.fileno())
                if self._position + count != after.st_size or _version(after) != _version(
                    self._before
                ):
                    raise LoadError(self._path, _CHANGED)
        except OSError as error:
            raise _unreadable(self._path, error) from error
        block.resize(count)
        self._position += count
        self._check_block(block)
        self._watch.on_progress(min(self._position / total, 1.0) if total else 1.0)
        return block

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
        super().close()


def open_file_blocks(
    path: Path, check_block: Callable[[pa.Buffer], None], watch: LoadWatch = NO_WATCH
) -> pa.NativeFile:
    """``path`` as a stream pyarrow reads block by block (see ``FileBlocks``)."""
    return pa.PythonFile(FileBlocks(path, check_block, watch), mode="r")


def _read_block(stream: io.BufferedReader, path: Path, view: memoryview) -> int:
    """Fill ``view`` from ``stream`` as far as the file goes; how many bytes came."""
    del path  # a seam for tests, as _read_open_file
    filled = 0
    while filled < len(view):
        count = stream.readinto(view[filled:])
        if not count:
            break
        filled += count
    return filled
