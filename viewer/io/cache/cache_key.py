"""What a load's result depends on, written down: the file (its path and what ``stat`` says of
it), what the user told the loader, and the loader itself. Two loads with the same key make
the same events and report, so one may stand in for the other."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy
import pandas
import pyarrow

import viewer
from viewer.io.load_options import LoadOptions

# Source that decides a load's result: the readers, mapping, dates and events, the model.
_LOADER_PACKAGES = ("io", "model")


@dataclasses.dataclass(frozen=True)
class CacheKey:
    path: str  # absolute, as given (not through links: the name is the events' source)
    file: dict[str, int]  # what stat says of the file
    rest: dict[str, Any]  # the options, the text read, the loader's version, the year
    # When stat was asked (not part of the key): how long before it the file last changed.
    seen_at: float = dataclasses.field(default=0.0, compare=False)

    @classmethod
    def of(cls, path: str | Path, options: LoadOptions, text_roles: frozenset[str]) -> CacheKey:
        """Raises OSError when the file cannot be looked at."""
        seen_at = time.time()
        info = os.stat(path)
        file = {
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
            "ctime_ns": info.st_ctime_ns,  # an edit whose old time was put back still moves it
            "inode": info.st_ino,
        }
        rest = {
            "options": dataclasses.asdict(options),
            "text_roles": sorted(text_roles),
            "loader": loader_version(),
            # Two-digit years are placed by today's year (DateContext.pivot_year).
            "year": dt.date.today().year,
        }
        return cls(os.path.abspath(path), file, rest, seen_at)

    def as_json(self) -> str:
        return _json({"path": self.path, "file": self.file, "rest": self.rest})

    def entry_name(self) -> str:
        """The entry's file name: the path's hash first, so the entries of an older state of
        the same file can be found and removed."""
        return f"{self.path_hash()}-{_hash(_json(self.file))}-{_hash(_json(self.rest))}.arrow"

    def path_hash(self) -> str:
        return _hash(self.path)


@functools.cache
def loader_version() -> str:
    """The app's version, its libraries' and a hash of the loader's own source, so that any
    change to the code that reads files makes older entries misses. (In a bundle without the
    sources, the version alone.)"""
    digest = hashlib.sha256()
    root = Path(viewer.__file__).parent
    for package in _LOADER_PACKAGES:
        for source in sorted((root / package).rglob("*.py")):
            digest.update(source.relative_to(root).as_posix().encode())
            digest.update(source.read_bytes())
    libraries = (
        f"pandas {pandas.__version__} pyarrow {pyarrow.__version__} numpy {numpy.__version__}"
    )
    python = ".".join(map(str, sys.version_info[:2]))
    return f"{viewer.__version__} python {python} {libraries} source {digest.hexdigest()[:16]}"


def _json(value: object) -> str:
    # ensure_ascii keeps a name's undecodable bytes (lone surrogates) as escapes.
    return json.dumps(value, sort_keys=True, ensure_ascii=True)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]
