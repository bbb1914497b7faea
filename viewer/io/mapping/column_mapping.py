"""Which column plays which role: the answer the loader works out (or the user gives)."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.io.mapping.date_choice import DateCandidate


@dataclass(frozen=True)
class DateParts:
    """A date split over columns (TimelineJS: Year, Month, Day, Time)."""

    year: str
    month: str | None = None
    day: str | None = None
    time: str | None = None
    # The time of day as bare numbers in columns of their own (NHTSA FARS: HOUR, MINUTE).
    hour: str | None = None
    minute: str | None = None

    @property
    def columns(self) -> list[str]:
        parts = (self.year, self.month, self.day, self.time, self.hour, self.minute)
        return [c for c in parts if c]

    def __str__(self) -> str:
        return "+".join(self.columns)


@dataclass(frozen=True)
class JoinedColumns:
    """A date written across columns that read as one text when joined (plaso: date, time, zone)."""

    names: tuple[str, ...]
    # The names are a date, an hour and maybe a minute column, written as bare numbers
    # (Berlin police data: TATZEIT_ANFANG_DATUM, TATZEIT_ANFANG_STUNDE).
    clock: bool = False
    # A column of each row's time zone (CET, -0500, Europe/Berlin), joined after the time.
    zone: str | None = None

    @property
    def columns(self) -> list[str]:
        return [*self.names, self.zone] if self.zone else list(self.names)

    def __str__(self) -> str:
        return "+".join(self.columns)


DateSource = str | DateParts | JoinedColumns

# The event's text fields; a picture needs only some of them (see ``columns_needed``).
TEXT_ROLES = frozenset({"title", "excerpt", "lane", "url", "date_text"})


def source_columns(source: DateSource | None) -> list[str]:
    if source is None:
        return []
    return [source] if isinstance(source, str) else source.columns


@dataclass
class ColumnMapping:
    layout: str = "generic"
    start: DateSource | None = None
    end: DateSource | None = None
    title: str | None = None
    title_fallback: str | None = None  # the title of rows whose title cell is empty
    excerpt: str | None = None
    lane: str | None = None
    url: str | None = None
    # Extra columns some layouts carry.
    date_text: str | None = None
    approximate: str | None = None
    # A display date whose wording ("c. 1850", "mid-June 2026") marks the event approximate:
    # TimelineJS has no field for it, so that is where our export says it.
    approximate_from: str | None = None
    precision: str | None = None
    # The year of start dates written without one ("9-Nov" beside a "year" column).
    year_column: str | None = None
    # The day relative start dates count from ("crawled_at" beside "昨天 04:44").
    reference_column: str | None = None
    source: str | None = None
    row: str | None = None
    day_first: bool | None = None  # a layout that fixes the order (plaso writes MM/DD/YYYY)
    # What a known layout says of its file, so that generic steps need not ask its name.
    roles_by_content: bool = True  # generic headers: the cells decide the roles left open
    formula_escaped: bool = False  # our own CSV export: cells quoted against spreadsheet formulas
    urls_are_links_only: bool = False  # TimelineJS's Media may hold embed HTML: only links are URLs
    numbers_are_years: bool = False
    # Rows whose column holds this value are not events (TimelineJS's title slide).
    not_events: tuple[str, str] | None = None
    # When no column is the excerpt, the unused columns are listed there instead.
    excerpt_from_rest: bool = False
    unused: list[str] = field(default_factory=list)
    # The date columns weighed for the start, chosen first, each with its reasons (``inspect``).
    date_choice: list[str] = field(default_factory=list)
    # Every column that read as dates, weighed: the chosen one first (the report's words).
    date_candidates: list[DateCandidate] = field(default_factory=list)
    date_chosen_by_user: bool = False
    # What the user should know of the choice (a remembered column no longer in the file).
    notes: list[str] = field(default_factory=list)
    # Cells some rows have beyond the header; shown after the excerpt.
    beyond_header: list[str] = field(default_factory=list)

    def roles(self) -> dict[str, str]:
        """Role -> column description, for ``inspect``."""
        out = {}
        for role in ("start", "end", "title", "excerpt", "lane", "url"):
            value = getattr(self, role)
            if value is not None:
                out[role] = str(value)
        return out

    def columns_needed(self, with_text: bool, text_roles: frozenset[str] = TEXT_ROLES) -> list[str]:
        names = source_columns(self.start) + source_columns(self.end)
        if self.not_events:
            names.append(self.not_events[0])
        if self.approximate_from:
            names.append(self.approximate_from)
        if self.year_column:
            names.append(self.year_column)
        if self.reference_column:
            names.append(self.reference_column)
        if with_text:
            if self.title_fallback and "title" in text_roles:
                names.append(self.title_fallback)
            for role in (*sorted(text_roles), "approximate", "precision", "source", "row"):
                value = getattr(self, role)
                if value is not None:
                    names.append(value)
            if self.excerpt_from_rest and "excerpt" in text_roles:
                names.extend(self.unused)
        return list(dict.fromkeys(names))
