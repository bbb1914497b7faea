"""Reading input files (only ever reading): the head for sniffing, or the whole file."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_errors import LoadError
from viewer.model.messages import QT_TRANSLATE_NOOP


def read_whole(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error) from error


def read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit`` bytes and the file's size."""
    if path.is_dir():
        raise LoadError(path, QT_TRANSLATE_NOOP("LoadMessages", "is a folder, not a file"))
    try:
        with path.open("rb") as stream:
            return stream.read(limit), stream.seek(0, 2)
    except OSError as error:
        raise _unreadable(path, error) from error


def _unreadable(path: Path, error: OSError) -> LoadError:
    return LoadError(
        path,
        QT_TRANSLATE_NOOP("LoadMessages", "cannot be read ({error})"),
        error=error.strerror or error,
    )
