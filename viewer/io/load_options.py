"""What a user can tell the loader when it cannot guess (the CLI's --column, --encoding, ...)."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("start", "end", "title", "excerpt", "lane", "url")


@dataclass(frozen=True)
class LoadOptions:
    columns: dict[str, str] = field(default_factory=dict)  # role -> column name
    encoding: str | None = None
    delimiter: str | None = None
    day_first: bool | None = None  # None: decide from the data
    tz: str | None = None  # where naive times are; None keeps them as written
    year: int | None = None  # year for dates written without one
    # The columns are what the user chose for this file before (the app remembers it): one no
    # longer in the file is left out with a note, instead of failing the file as --column does.
    remembered: bool = False
