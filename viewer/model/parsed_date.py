"""What the date parser returns, and the context a column gives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.precision import Precision


class DateParseError(ValueError):
    """A text that is not a date we can place; ``reason`` says why in a few words (a
    ``Message``: English, translatable by the UI)."""

    def __init__(self, template: str, /, **values: object) -> None:
        self.reason = Message(template, **values)
        super().__init__(self.reason)


# The reason given for a blank cell (callers skip these quietly where an end date is optional).
EMPTY = Message(QT_TRANSLATE_NOOP("LoadMessages", "empty"))


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """An instant (int64 seconds, UTC) with how precise the text was.

    ``end`` is set for texts that name a span by themselves ("1850s", "Q2 2026", "between 47
    and 50"): the start of the last period the span covers, at the same precision.
    ``start_ns`` and ``end_ns`` are the sub-second parts (0 to 999,999,999 nanoseconds after
    ``start`` and ``end``) of a time written with a fraction (``20:20:03.123456``).
    """

    start: int
    precision: Precision
    approximate: bool = False
    end: int | None = None
    start_ns: int = 0
    end_ns: int = 0


@dataclass(frozen=True, slots=True)
class YearlessDate:
    """A date written without its year ("27 Apr", "4月27日"); the caller supplies the year."""

    month: int
    day: int | None
    clock: int  # seconds after midnight
    precision: Precision
    approximate: bool = False
    offset: int | None = None  # seconds east of UTC, when the text named a zone


def _this_year() -> int:
    return dt.date.today().year


@dataclass(frozen=True)
class DateContext:
    """Decisions made once for a whole column, so every row is read the same way."""

    day_first: bool = False
    # Two-digit years are placed in the century that puts them at or before this year.
    pivot_year: int = field(default_factory=_this_year)
    tz: dt.tzinfo | None = None  # where naive times are; None keeps them as written
    numbers_are_years: bool = False  # a "Year" column: 1e9 is a year, not epoch seconds
    # Taiwan's Minguo (ROC) calendar: 105/07/29 is 2016-07-29 (year 1 is 1912).
    minguo: bool = False
    # Abbreviations read otherwise than by default, as (abbreviation, offset): ("cst", "+08:00")
    # in a file whose other rows or language say China (see viewer.model.time_zones).
    zone_readings: tuple[tuple[str, str], ...] = ()
