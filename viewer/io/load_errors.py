"""Typed load errors and row problems: facts a user can act on, in translatable messages."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from viewer.model.messages import QT_TRANSLATE_NOOP, Message


class LoadError(Exception):
    """A file that could not be loaded at all; ``message`` is one sentence naming the file.

    ``reason`` is the sentence without the file's name: a template and its values, or a
    Message made elsewhere (a row's reason, a parser's error) passed on as it is.
    """

    def __init__(self, path: str | Path, reason: str, /, **values: object) -> None:
        self.path = str(path)
        self.reason = reason if isinstance(reason, Message) else Message(reason, **values)
        self.message = Message(
            QT_TRANSLATE_NOOP("LoadMessages", "{file}: {reason}"),
            file=Path(path).name,
            reason=self.reason,
        )
        super().__init__(self.message)


class MappingNeeded(LoadError):
    """The loader cannot tell which column holds the dates: the user can say (--column, or the
    app's mapping dialog)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A record whose date could not be used: skipped (or kept with a warning). ``reason`` is a
    Message: English text the UI can translate."""

    row: int
    column: str
    value: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "reason": str(self.reason)}
