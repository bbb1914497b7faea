"""Dates written without a year take it from the dates around them, never from today."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from viewer.io.dates.date_column import DateColumn
from viewer.io.load_errors import RowProblem
from viewer.model.instants import civil_from_seconds, is_valid_civil, seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import YearlessDate

_HALF_YEAR = 183 * 86_400
NO_YEAR = Message(
    QT_TRANSLATE_NOOP(
        "LoadMessages", "no year, and no other date to take it from (give one with --year)"
    )
)


def fill_years(
    dates: DateColumn,
    rows: npt.NDArray[np.int64],
    year: int | None,
    problems: list[RowProblem],
    column: str,
    text: pa.ChunkedArray,
    after: npt.NDArray[np.int64] | None = None,
) -> None:
    """Give each yearless date a year, in row order.

    The year is ``year`` when the user named one; for an end date, the one that puts it at or
    after its start (``after``); otherwise the year of the nearest earlier date in the file (the
    next one for leading rows), moved on by one when the date would jump back more than half a
    year: ``28 Dec`` then ``3 Jan`` reads as a new year.
    """
    if not dates.yearless:
        return
    n = len(dates.start)
    dated = dates.ok.copy()
    previous = np.maximum.accumulate(np.where(dated, np.arange(n), -1))
    following = np.minimum.accumulate(np.where(dated, np.arange(n), n)[::-1])[::-1]
    last_index, last_seconds = -1, 0
    for index in sorted(dates.yearless):
        written = dates.yearless[index]
        anchor_index = int(previous[index])
        anchor = int(dates.start[anchor_index]) if anchor_index >= 0 else None
        if last_index > anchor_index:
            anchor = last_seconds
        seconds = _choose(
            written,
            year,
            after[index] if after is not None else None,
            anchor,
            dates,
            int(following[index]),
        )
        if seconds is None:
            problems.append(
                RowProblem(int(rows[index]), column, text[index].as_py() or "", NO_YEAR)
            )
            continue
        dates.start[index], dates.precision[index] = seconds, written.precision
        dates.approximate[index], dates.ok[index] = written.approximate, True
        dates.reasons.pop(index, None)
        last_index, last_seconds = index, seconds
    dates.yearless.clear()


def _choose(
    written: YearlessDate,
    year: int | None,
    start: int | None,
    anchor: int | None,
    dates: DateColumn,
    following: int,
) -> int | None:
    if year is not None:
        return _place(written, year)
    if start is not None:
        placed = _place(written, _year_of(start))
        return placed if placed is None or placed >= start else _place(written, _year_of(start) + 1)
    if anchor is not None:
        placed = _place(written, _year_of(anchor))
        if placed is not None and placed < anchor - _HALF_YEAR:
            placed = _place(written, _year_of(anchor) + 1)
        return placed
    if following < len(dates.start):
        return _place(written, _year_of(int(dates.start[following])))
    return None


def _year_of(seconds: int) -> int:
    return int(civil_from_seconds(seconds)[0])


def _place(written: YearlessDate, year: int) -> int | None:
    day = written.day or 1
    if not is_valid_civil(year, written.month, day):
        return None  # 29 Feb in a common year
    return seconds_at(year, written.month, day) + written.clock - (written.offset or 0)
