"""File names as text: a name on disk may hold bytes that are not valid in the file system's
encoding (Python keeps them as lone surrogates, which no text column, JSON or Qt accepts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def display_name(path: str | Path) -> str:
    """The file's name with each undecodable byte shown as U+FFFD, as file managers show it."""
    return os.fsencode(Path(path).name).decode(sys.getfilesystemencoding(), "replace")


def title_from_name(path: str | Path) -> str:
    """A title for a file's story when it has none: its name without the extension, with
    underscores as spaces (``sample_timeline_en.csv`` → ``sample timeline en``)."""
    stem = display_name(path)
    for suffix in (".timelinejs.json", ".timesketch.csv"):  # our own double extensions
        if stem.lower().endswith(suffix):
            return stem[: -len(suffix)].replace("_", " ").strip() or stem
    return Path(stem).stem.replace("_", " ").strip() or stem


def picture_title(files: list[tuple[str | Path, str | None]]) -> str:
    """The default title of a picture of these files (each with the title it gives, if any):
    the stories' own titles, else the files' names as titles, joined."""
    titles = [title or title_from_name(path) for path, title in files]
    return ", ".join(dict.fromkeys(titles))  # once each, in order
