"""Reading input files (only ever reading): the head for sniffing, or the whole file."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load_errors import LoadError


def read_whole(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise LoadError(path, f"cannot be read ({error.strerror or error})") from error


def read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit`` bytes and the file's size."""
    if path.is_dir():
        raise LoadError(path, "is a folder, not a file")
    try:
        with path.open("rb") as stream:
            return stream.read(limit), stream.seek(0, 2)
    except OSError as error:
        raise LoadError(path, f"cannot be read ({error.strerror or error})") from error
