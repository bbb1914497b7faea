"""What a file tells of the year its year-less dates are in, and of the day its relative
dates ("yesterday 04:44", "昨天 04:44") are counted from: never the machine's clock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.events.arrow_numpy import to_numpy
from viewer.model.instants import civil_from_seconds, is_valid_civil, seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

# A year standing alone in a name (not part of a longer number): posts_2019.csv, 2026年微博.
_NAMED_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d|21\d\d)(?!\d)")
# A whole date in a name: weibo_2026-04-27.csv, crawl_20260427.csv, 2026年4月27日.
_NAMED_DATE = re.compile(
    r"(?<!\d)(?P<y>1[6-9]\d\d|20\d\d)(?:(?P<sep>[-_.])|年)?(?P<m>0?[1-9]|1[0-2])"
    r"(?(sep)(?P=sep)|月?)(?P<d>0?[1-9]|[12]\d|3[01])日?(?!\d)"
)

FROM_FILE_NAME = Message(QT_TRANSLATE_NOOP("LoadMessages", "the file name"))
FROM_TITLE = Message(QT_TRANSLATE_NOOP("LoadMessages", "the file's title"))
FROM_USER = Message(QT_TRANSLATE_NOOP("LoadMessages", "the year you gave"))


@dataclass(frozen=True)
class YearContext:
    """The year for dates written without one, by what tells it (best first)."""

    given: int | None = None  # the user's (--year, or the column dialog's Year field)
    row_years: npt.NDArray[np.int64] | None = None  # each row's year column; 0 where empty
    named: int | None = None  # one year in the file's name or title
    named_from: str = FROM_FILE_NAME
    reference: int | None = None  # the day a date in the file's name says (relative dates)
    # Each row's crawl or fetch instant (0 where none): its date was written before it.
    latest: npt.NDArray[np.int64] | None = None


def file_year_context(
    path: str | Path, title: str | None, given: int | None, years: pa.ChunkedArray | None
) -> YearContext:
    """The context of one file: the user's year, its year column, the year in its name (or
    else its title) and the date in its name."""
    name = Path(path).stem
    reference = named_date(name)
    named, source = _one_year(name), FROM_FILE_NAME
    if named is None and reference is not None:
        named = int(civil_from_seconds(reference)[0])
    if named is None and title:
        named, source = _one_year(title), FROM_TITLE
    return YearContext(
        given=given,
        row_years=_row_years(years) if years is not None else None,
        named=named,
        named_from=source,
        reference=reference,
    )


def named_date(text: str) -> int | None:
    """Midnight of the one date a name holds (UTC seconds), or None."""
    days = set()
    for m in _NAMED_DATE.finditer(text):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if is_valid_civil(year, month, day):
            days.add(seconds_at(year, month, day))
    return days.pop() if len(days) == 1 else None


def _one_year(text: str) -> int | None:
    years = {int(y) for y in _NAMED_YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def _row_years(column: pa.ChunkedArray) -> npt.NDArray[np.int64]:
    trimmed = pc.utf8_trim_whitespace(column)
    digits = pc.match_substring_regex(trimmed, r"^\d{3,4}$").fill_null(False)
    numbers = pc.if_else(digits, trimmed, pa.scalar("0"))
    return np.asarray(to_numpy(pc.cast(numbers, pa.int64()).fill_null(0)), np.int64)
