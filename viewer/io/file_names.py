"""File names as text: a name on disk may hold bytes that are not valid in the file system's
encoding (Python keeps them as lone surrogates, which no text column, JSON or Qt accepts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def display_name(path: str | Path) -> str:
    """The file's name with each undecodable byte shown as U+FFFD, as file managers show it."""
    return os.fsencode(Path(path).name).decode(sys.getfilesystemencoding(), "replace")
