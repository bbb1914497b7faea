"""Typed load errors and row problems: facts a user can act on."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path


class LoadError(Exception):
    """A file that could not be loaded at all; the message is one sentence naming the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


class MappingNeeded(LoadError):
    """The loader cannot tell which column holds the dates: the user can say (--column, or the
    app's mapping dialog)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A record whose date could not be used: skipped (or kept with a warning)."""

    row: int
    column: str
    value: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
