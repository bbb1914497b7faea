"""A whole column of written dates to instants, fast.

The rules are those of ``viewer.model.date_parsing``; this module only makes them fast over a
million rows: common shapes (ISO 8601, 04/27/2026 12:00:00, epoch numbers) are converted by
pyarrow and numpy in bulk (``common_shapes``), and everything else is parsed once per distinct
text.
Decisions that hold for the whole column are made first: day-first order (any first field above
12 makes the column day-first) and the century of two-digit years (the column's own era).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.dates.column_conventions import is_minguo, two_digit_pivot
from viewer.io.dates.common_shapes import (
    fast_epoch,
    fast_iso,
    fast_numeric,
    in_slices,
    indices_matching,
    whole_column_iso,
)
from viewer.io.dates.date_results import DateColumn
from viewer.io.dates.excel_serials import place_excel_serials
from viewer.io.dates.zone_readings import decide_zone_readings
from viewer.io.events.arrow_numpy import dictionary_encoded, to_numpy
from viewer.io.load_watch import checkpoint
from viewer.model.chunked_text import take
from viewer.model.date_parsing import parse_date
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import EMPTY, DateContext, DateParseError, ParsedDate, YearlessDate
from viewer.model.relative_dates import RelativeDate, read_relative

# Two short fields then a year: the shape whose order can be ambiguous; a second field above
# 12 (04/27/2026) settles it month-first.
_DAY_MONTH_SHAPE = r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(\D|$)"
_MONTH_FIRST_SHAPE = r"^\d{1,2}[/.\-](1[3-9]|2\d|3[01])[/.\-]\d{2,4}(\D|$)"
# A first field above 12 (27/04/2026): the whole column is day-first.
_DAY_FIRST_SHAPE = r"^(1[3-9]|2\d|3[01])[/.\-]\d{1,2}[/.\-]\d{2,4}(\D|$)"
_FOUR_DIGIT_YEAR = r"(?:^|\D)(?P<year>1\d{3}|20\d{2})(?:\D|$)"
_PIVOT_SAMPLE = 5_000
_REPEAT_MIN_ROWS = 20_000  # below this the plain path is fast anyway
_REPEAT_SAMPLE = 10_000
_TEXTS_PER_CHECK = 5_000  # texts parsed one by one between two looks at Cancel
# The reason for a text some rule of the parser failed on without a reason of its own (Python's
# own wording, "Exceeds the limit (4300 digits)", would mean nothing to a reader).
UNPLACEABLE = Message(QT_TRANSLATE_NOOP("LoadMessages", "not a date we can place"))


def column_context(
    values: pa.ChunkedArray | pa.Array,
    day_first: bool | None = None,
    tz: dt.tzinfo | None = None,
    numbers_are_years: bool = False,
    header: str = "",
) -> DateContext:
    """The decisions that hold for a whole column (see the module docstring)."""
    text = pc.utf8_trim_whitespace(values)
    every_row = np.ones(len(text), dtype=bool)
    return _decide(text, every_row, day_first, tz, numbers_are_years, header)[0]


def _decide(
    text: pa.ChunkedArray,
    rows: npt.NDArray[np.bool_],
    day_first: bool | None,
    tz: dt.tzinfo | None,
    numbers_are_years: bool,
    header: str,
    chinese_file: bool = False,
) -> tuple[DateContext, list[str]]:
    """The column's context, and sentences for the readings of its zone abbreviations."""
    minguo = is_minguo(text, rows, header)
    if day_first is None:
        day_first = not minguo and len(indices_matching(text, rows, _DAY_FIRST_SHAPE)) > 0
    zone_readings, notes = decide_zone_readings(text, rows, chinese_file)
    context = DateContext(
        day_first=day_first,
        pivot_year=two_digit_pivot(text, rows, _era_year(text)),
        tz=tz,
        numbers_are_years=numbers_are_years,
        minguo=minguo,
        zone_readings=zone_readings,
    )
    return context, notes


def parse_date_column(
    values: pa.ChunkedArray | pa.Array,
    context: DateContext | None = None,
    *,
    day_first: bool | None = None,
    tz: dt.tzinfo | None = None,
    numbers_are_years: bool = False,
    header: str = "",
    chinese_file: bool = False,
) -> DateColumn:
    """Parse a column; without a ``context`` the column's decisions are made from its rows
    (after the ISO rows, which need none, so a pure ISO column costs no extra pass).
    ``header`` is the column's name, which can tell its calendar ("民國"); ``chinese_file``
    says the file's text is Chinese (so CST is China's zone)."""
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values], type=values.type)
    n = len(values)
    if n and values.null_count == 0:
        # A clean ISO column (a log, an export) as it is, in one cast: trimming every cell
        # first was a copy of the column (0.1-0.6 s at 10M rows), and looking for repeats a
        # join of its chunks.
        out = DateColumn.empty(n)
        if whole_column_iso(values, np.ones(n, bool), out, tz if context is None else context.tz):
            return out
    text = in_slices(values, pc.utf8_trim_whitespace)
    if n >= _REPEAT_MIN_ROWS and _is_repetitive(text):
        return _through_distinct_values(
            text, context, day_first, tz, numbers_are_years, header, chinese_file
        )
    out = DateColumn.empty(n)
    pending = to_numpy(pc.utf8_length(text)) > 0  # (numpy for the comparison: see arrow_numpy)
    for index in np.flatnonzero(~pending):
        out.reasons[int(index)] = EMPTY
    if not pending.any():
        return out
    fast_iso(text, pending, out, tz if context is None else context.tz)
    if pending.any():
        if context is None:
            context, out.notes = _decide(
                text, pending, day_first, tz, numbers_are_years, header, chinese_file
            )
            out.ambiguous_order = day_first is None and _order_is_ambiguous(text, pending, context)
        fast_numeric(text, pending, out, context)
        if not context.numbers_are_years:
            fast_epoch(text, pending, out)
        per_text = pending.copy()
        _by_distinct_text(text, pending, out, context)
        if not context.numbers_are_years:
            place_excel_serials(text, out, per_text)
    return out


def _order_is_ambiguous(
    text: pa.ChunkedArray, rows: npt.NDArray[np.bool_], context: DateContext
) -> bool:
    """Day-month dates where neither field ever exceeds 12: the order was a guess."""
    if context.day_first:
        return False  # a first field above 12 settled it
    numeric = indices_matching(text, rows, _DAY_MONTH_SHAPE)
    if len(numeric) == 0:
        return False
    settled = np.zeros(len(text), dtype=bool)
    settled[numeric] = True
    return len(indices_matching(text, settled, _MONTH_FIRST_SHAPE)) == 0


def _is_repetitive(text: pa.ChunkedArray) -> bool:
    """Few distinct texts among many rows (a log's dates, a survey's years)?"""
    step = max(1, len(text) // _REPEAT_SAMPLE)
    sample = take(text, np.arange(0, len(text), step, dtype=np.int64))
    return len(pc.unique(sample)) < len(sample) // 2


def _through_distinct_values(
    text: pa.ChunkedArray,
    context: DateContext | None,
    day_first: bool | None,
    tz: dt.tzinfo | None,
    numbers_are_years: bool,
    header: str,
    chinese_file: bool = False,
) -> DateColumn:
    """Parse each distinct text once and spread the results over its rows.

    Column decisions (day-first, era) depend only on which texts occur, so they come out the
    same as over every row.
    """
    encoded = dictionary_encoded(text)
    codes = to_numpy(encoded.indices, fill=-1).astype(np.int64)
    if len(encoded.dictionary) == 0:  # every cell empty (an end column no row fills)
        out = DateColumn.empty(len(text))
        out.reasons = dict.fromkeys(range(len(text)), EMPTY)
        return out
    distinct = parse_date_column(
        encoded.dictionary,
        context,
        day_first=day_first,
        tz=tz,
        numbers_are_years=numbers_are_years,
        header=header,
        chinese_file=chinese_file,
    )
    present = codes >= 0
    safe = np.where(present, codes, 0)
    out = DateColumn(
        start=distinct.start[safe],
        end=distinct.end[safe],
        start_ns=distinct.start_ns[safe],
        end_ns=distinct.end_ns[safe],
        has_end=distinct.has_end[safe] & present,
        precision=distinct.precision[safe],
        approximate=distinct.approximate[safe] & present,
        ok=distinct.ok[safe] & present,
        reasons={},
        yearless={},
        ambiguous_order=distinct.ambiguous_order,
        notes=distinct.notes,
    )
    for row in np.flatnonzero(~present).tolist():
        out.reasons[row] = EMPTY
    tables = (
        (distinct.reasons, out.reasons),
        (distinct.yearless, out.yearless),
        (distinct.relative, out.relative),
    )
    for table, target in tables:
        if table:
            wanted = np.fromiter(table, dtype=np.int64)
            for row in np.flatnonzero(np.isin(codes, wanted)).tolist():
                target[row] = table[int(codes[row])]  # type: ignore[assignment]
    return out


def _era_year(text: pa.ChunkedArray) -> int:
    """The latest four-digit year in (a sample of) the column, at least this year."""
    this_year = dt.date.today().year
    n = len(text)
    if n == 0:
        return this_year
    sample = take(text, np.unique(np.linspace(0, n - 1, min(n, _PIVOT_SAMPLE)).astype(np.int64)))
    years = pc.struct_field(pc.extract_regex(sample, _FOUR_DIGIT_YEAR), "year")
    latest = pc.max(pc.cast(years, pa.int64())).as_py()
    return max(this_year, latest or 0)


def _by_distinct_text(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, context: DateContext
) -> None:
    rows = np.flatnonzero(pending)
    if len(rows) == 0:
        return
    subset = take(text, rows) if len(rows) < len(text) else text
    encoded = dictionary_encoded(subset)
    codes = np.asarray(to_numpy(encoded.indices), np.int64)
    results: list[ParsedDate | YearlessDate | RelativeDate | str] = []
    for count, value in enumerate(encoded.dictionary.to_pylist()):
        if count % _TEXTS_PER_CHECK == 0:
            checkpoint()
        relative = read_relative(value)
        if relative is not None:
            results.append(relative)
            continue
        try:
            results.append(parse_date(value, context))
        except DateParseError as error:
            results.append(error.reason)
        except (ValueError, OverflowError, ArithmeticError):  # a parser rule missed a limit
            results.append(UNPLACEABLE)
    _scatter(results, codes, rows, out)
    pending[rows] = False


def _scatter(
    results: list[ParsedDate | YearlessDate | RelativeDate | str],
    codes: npt.NDArray[np.int64],
    rows: npt.NDArray[np.int64],
    out: DateColumn,
) -> None:
    kinds = np.array(
        [
            0
            if isinstance(r, ParsedDate)
            else 1
            if isinstance(r, YearlessDate)
            else 3
            if isinstance(r, RelativeDate)
            else 2
            for r in results
        ]
    )
    starts = np.array([r.start if isinstance(r, ParsedDate) else 0 for r in results], np.int64)
    ends = np.array(
        [r.end if isinstance(r, ParsedDate) and r.end is not None else 0 for r in results], np.int64
    )
    has_end = np.array([isinstance(r, ParsedDate) and r.end is not None for r in results], bool)
    start_ns = np.array([r.start_ns if isinstance(r, ParsedDate) else 0 for r in results], np.int32)
    end_ns = np.array([r.end_ns if isinstance(r, ParsedDate) else 0 for r in results], np.int32)
    precisions = np.array([r.precision if not isinstance(r, str) else 0 for r in results], np.int8)
    approximate = np.array([not isinstance(r, str) and r.approximate for r in results], bool)
    row_kind = kinds[codes]
    parsed = rows[row_kind == 0]
    parsed_codes = codes[row_kind == 0]
    out.start[parsed] = starts[parsed_codes]
    out.end[parsed] = ends[parsed_codes]
    out.start_ns[parsed] = start_ns[parsed_codes]
    out.end_ns[parsed] = end_ns[parsed_codes]
    out.has_end[parsed] = has_end[parsed_codes]
    out.precision[parsed] = precisions[parsed_codes]
    out.approximate[parsed] = approximate[parsed_codes]
    out.ok[parsed] = True
    for row, code in zip(rows[row_kind == 1].tolist(), codes[row_kind == 1].tolist(), strict=True):
        out.yearless[row] = results[code]
    for row, code in zip(rows[row_kind == 2].tolist(), codes[row_kind == 2].tolist(), strict=True):
        out.reasons[row] = results[code]
    for row, code in zip(rows[row_kind == 3].tolist(), codes[row_kind == 3].tolist(), strict=True):
        out.relative[row] = results[code]
