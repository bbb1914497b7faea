"""How one file was read: what ``inspect`` prints and the UI shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.io.load_errors import RowProblem
from viewer.io.mapping.column_mapping import ColumnMapping, source_columns
from viewer.io.mapping.date_choice import DateCandidate, is_close


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
    # Every column that read as dates, weighed, the chosen one first when it is among them.
    date_candidates: list[DateCandidate] = field(default_factory=list)
    chosen_date: str | None = None  # the (first) column the start is read from
    date_chosen_by_user: bool = False  # the start column is the user's answer, not a guess
    notes: list[str] = field(default_factory=list)  # of the choice (a remembered column gone)
    events: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    error: str | None = None
    needs_mapping: bool = False  # the error is that no column could be read as the dates
    ambiguous_order: bool = False  # numeric dates that read as day/month and month/day alike
    title: str | None = None  # the story's own title, when the file gives one
    # How the file's dates were read where they could be read more than one way (CST).
    zone_notes: list[str] = field(default_factory=list)

    def take_choice(self, mapping: ColumnMapping) -> None:
        """The roles the mapping gave, and how the date column was chosen."""
        self.columns = mapping.roles()
        self.date_choice = mapping.date_choice
        names = source_columns(mapping.start)
        self.chosen_date = chosen = names[0] if names else None
        self.date_candidates = sorted(mapping.date_candidates, key=lambda d: d.column != chosen)
        self.date_chosen_by_user = mapping.date_chosen_by_user
        self.notes = list(mapping.notes)

    def is_chosen(self, candidate: DateCandidate) -> bool:
        return candidate.column == self.chosen_date

    def close_date(self) -> str | None:
        """The runner-up date column when it scored close to the chosen one (and the loader,
        not the user, chose): it could as well be the event's date."""
        if self.date_chosen_by_user or len(self.date_candidates) < 2:
            return None
        chosen, runner_up = self.date_candidates[:2]
        return runner_up.column if self.is_chosen(chosen) and is_close(chosen, runner_up) else None

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": self.columns,
            "date_columns": self.date_choice,
            "zone_notes": self.zone_notes,
            "events": self.events,
            "skipped": [p.as_dict() for p in self.skipped],
            "warnings": [p.as_dict() for p in self.warnings],
            "error": self.error,
            "date_candidates": [d.as_dict(self.is_chosen(d)) for d in self.date_candidates],
            "date_chosen_by_user": self.date_chosen_by_user,
            "close_date": self.close_date(),
            "notes": [str(n) for n in self.notes],
        }
