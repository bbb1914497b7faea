"""Dates written without a year take it from what the file tells, never from today.

Best first: the year the user gave; the row's own year column; for an end, the year that puts
it at or after its start; the dates around it (a file in time order that goes from December to
January has crossed into the next year, or into the previous one when it runs backwards); a
year in the file's name or title. When nothing tells, the row is skipped with the reason, and a
file of such rows asks for the year (the column dialog's Year field, or ``--year``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from viewer.io.dates.date_results import DateColumn
from viewer.io.dates.year_context import FROM_USER, YearContext
from viewer.io.load_errors import RowProblem
from viewer.model.instants import civil_from_seconds, is_valid_civil, seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import YearlessDate

_HALF_YEAR = 183 * 86_400
_HALF_YEAR_OF_DAYS = 6 * 31  # month * 31 + day steps
NO_YEAR = Message(
    QT_TRANSLATE_NOOP(
        "LoadMessages",
        "no year, and nothing in the file tells it (give one in the column dialog's Year "
        "field, or with --year)",
    )
)
_READ_AS = QT_TRANSLATE_NOOP("LoadMessages", "dates have no year: read as {years} from {source}")
_READ_AS_GIVEN = QT_TRANSLATE_NOOP("LoadMessages", "dates have no year: read as {years}, {source}")


def fill_years(
    dates: DateColumn,
    rows: npt.NDArray[np.int64],
    context: YearContext,
    problems: list[RowProblem],
    column: str,
    text: pa.ChunkedArray,
    after: npt.NDArray[np.int64] | None = None,
    notes: list[RowProblem] | None = None,
) -> None:
    """Give each yearless date a year (see the module docstring); rows with none are added
    to ``problems``, and a year taken from the user or the file's name to ``notes``."""
    if not dates.yearless:
        return
    order = sorted(dates.yearless)
    backwards = _runs_backwards([dates.yearless[i] for i in order])
    placed, used_base = _fill_pass(dates, order, context, after, context.named, backwards)
    if used_base and context.named is not None:
        # The named year is the year most of the dates are in: a file named 2026 whose rows
        # begin in December began in December 2025.
        other = context.named + (1 if backwards else -1)
        alternative, _ = _fill_pass(dates, order, context, after, other, backwards)
        if _in_year(alternative, context.named) > _in_year(placed, context.named):
            placed = alternative
    for index in order:
        seconds = placed[index]
        written = dates.yearless[index]
        if seconds is None:
            problems.append(RowProblem(int(rows[index]), column, _cell(text, index), NO_YEAR))
            continue
        dates.start[index], dates.precision[index] = seconds, written.precision
        dates.approximate[index], dates.ok[index] = written.approximate, True
        dates.reasons.pop(index, None)
    if notes is not None and (context.given is not None or used_base):
        _note(placed, order, context, rows, column, text, notes)
    dates.yearless.clear()


def _fill_pass(
    dates: DateColumn,
    order: list[int],
    context: YearContext,
    after: npt.NDArray[np.int64] | None,
    base: int | None,
    backwards: bool,
) -> tuple[dict[int, int | None], bool]:
    """Each yearless row's instant (None where nothing tells), and whether the file's name
    (``base``, or the day it names) told the year."""
    n = len(dates.start)
    previous = np.maximum.accumulate(np.where(dates.ok, np.arange(n), -1))
    following = np.minimum.accumulate(np.where(dates.ok, np.arange(n), n)[::-1])[::-1]
    placed: dict[int, int | None] = {}
    last_index, last_seconds, used_base = -1, 0, False
    for index in order:
        written = dates.yearless[index]
        anchor_index = int(previous[index])
        anchor = int(dates.start[anchor_index]) if anchor_index >= 0 else None
        if last_index > anchor_index:
            anchor = last_seconds
        told, seconds = _told_by_row(written, index, context, after)
        if not told:
            follower = int(following[index])
            after_anchor = int(dates.start[follower]) if follower < n else None
            seconds, by_name = _told_by_file(
                written, index, context, anchor, after_anchor, base, backwards
            )
            used_base |= by_name
        placed[index] = seconds
        if seconds is not None:
            last_index, last_seconds = index, seconds
    return placed, used_base


def _told_by_row(
    written: YearlessDate,
    index: int,
    context: YearContext,
    after: npt.NDArray[np.int64] | None,
) -> tuple[bool, int | None]:
    """Whether the user's year, the row's year column or the row's start (for an end) tells
    the year, and the instant it gives."""
    if context.given is not None:
        return True, _place(written, context.given)
    if context.row_years is not None and context.row_years[index] > 0:
        return True, _place(written, int(context.row_years[index]))
    if after is not None:
        start = int(after[index])
        seconds = _place(written, _year_of(start))
        if seconds is not None and seconds < start:
            return True, _place(written, _year_of(start) + 1)
        return True, seconds
    return False, None


def _told_by_file(
    written: YearlessDate,
    index: int,
    context: YearContext,
    anchor: int | None,
    following: int | None,
    base: int | None,
    backwards: bool,
) -> tuple[int | None, bool]:
    """The instant the file tells (and whether its name told it): the row's crawl date, or
    the day in the file's name; the date before it, or else after it; the year in the name."""
    latest = _latest(context, index)
    if latest is not None:
        by_name = context.latest is None or not context.latest[index]
        return _at_or_before(written, latest), by_name
    if anchor is not None:
        return _next_to(written, anchor, backwards), False
    if following is not None:
        return _place(written, _year_of(following)), False
    if base is not None:
        return _place(written, base), True
    return None, False


def _at_or_before(written: YearlessDate, latest: int) -> int | None:
    """In the year of ``latest``, or the year before when that would come after it."""
    seconds = _place(written, _year_of(latest))
    if seconds is not None and seconds > latest:
        return _place(written, _year_of(latest) - 1)
    return seconds


def _latest(context: YearContext, index: int) -> int | None:
    """The last instant the row's date can be: its crawl date, or the end of the day the file's
    name gives."""
    if context.latest is not None and context.latest[index]:
        return int(context.latest[index])
    if context.reference is not None:
        return context.reference + 86_399
    return None


def _next_to(written: YearlessDate, anchor: int, backwards: bool) -> int | None:
    """In the anchor's year, unless that jumps more than half a year against the file's
    order: ``28 Dec`` then ``3 Jan`` is a new year (and the old one in a file running back)."""
    year = _year_of(anchor)
    placed = _place(written, year)
    if placed is None:
        return None
    if not backwards and placed < anchor - _HALF_YEAR:
        return _place(written, year + 1)
    if backwards and placed > anchor + _HALF_YEAR:
        return _place(written, year - 1)
    return placed


def _runs_backwards(written: list[YearlessDate]) -> bool:
    """Most steps from one yearless date to the next go back: newest first (a feed)."""
    keys = np.array([w.month * 31 + (w.day or 1) for w in written], np.int64)
    steps = np.diff(keys)
    forward = int(np.count_nonzero((steps > 0) & (steps <= _HALF_YEAR_OF_DAYS)))
    back = int(np.count_nonzero((steps < 0) & (steps >= -_HALF_YEAR_OF_DAYS)))
    return back > forward


def _in_year(placed: dict[int, int | None], year: int) -> int:
    return sum(1 for s in placed.values() if s is not None and _year_of(s) == year)


def _note(
    placed: dict[int, int | None],
    order: list[int],
    context: YearContext,
    rows: npt.NDArray[np.int64],
    column: str,
    text: pa.ChunkedArray,
    notes: list[RowProblem],
) -> None:
    years = sorted({_year_of(s) for s in placed.values() if s is not None})
    first = next((i for i in order if placed[i] is not None), None)
    if first is None:
        return
    shown = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    if context.given is not None:
        reason = Message(_READ_AS_GIVEN, years=shown, source=FROM_USER)
    else:
        reason = Message(_READ_AS, years=shown, source=context.named_from)
    notes.append(RowProblem(int(rows[first]), column, _cell(text, first), reason))


def _cell(text: pa.ChunkedArray, index: int) -> str:
    return str(text[index].as_py() or "")[:200]


def _year_of(seconds: int) -> int:
    return int(civil_from_seconds(seconds)[0])


def _place(written: YearlessDate, year: int) -> int | None:
    day = written.day or 1
    if not is_valid_civil(year, written.month, day):
        return None  # 29 Feb in a common year
    return seconds_at(year, written.month, day) + written.clock - (written.offset or 0)
