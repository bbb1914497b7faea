"""How one file was read: what ``inspect`` prints and the UI shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.io.load_errors import RowProblem


@dataclass
class LoadReport:
    """How one file was read: what ``inspect`` prints and the UI shows."""

    path: str
    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    # The date columns weighed for the start, chosen first, each with its reasons.
    date_choice: list[str] = field(default_factory=list)
    events: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    error: str | None = None
    needs_mapping: bool = False  # the error is that no column could be read as the dates
    ambiguous_order: bool = False  # numeric dates that read as day/month and month/day alike
    title: str | None = None  # the story's own title, when the file gives one
    # How the file's dates were read where they could be read more than one way (CST).
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": self.columns,
            "date_columns": self.date_choice,
            "notes": self.notes,
            "events": self.events,
            "skipped": [p.as_dict() for p in self.skipped],
            "warnings": [p.as_dict() for p in self.warnings],
            "error": self.error,
        }
