"""A whole column of written dates to instants, fast.

The rules are those of ``viewer.model.date_parsing``; this module only makes them fast over a
million rows: common shapes (ISO 8601, 04/27/2026 12:00:00, epoch numbers) are converted by
pyarrow and numpy in bulk, and everything else is parsed once per distinct text.
Decisions that hold for the whole column are made first: day-first order (any first field above
12 makes the column day-first) and the century of two-digit years (the column's own era).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.dates.column_conventions import is_minguo, two_digit_pivot
from viewer.io.dates.excel_serials import place_excel_serials
from viewer.io.dates.zone_readings import decide_zone_readings
from viewer.io.events.arrow_numpy import from_numpy, to_numpy
from viewer.io.load_watch import checkpoint
from viewer.model.date_forms import (
    EPOCH_DIVISORS,
    EPOCH_MIN,
    NUMERIC_PATTERN,
    local_to_utc,
)
from viewer.model.date_parsing import parse_date
from viewer.model.instants import is_valid_civil, seconds_from_civil
from viewer.model.messages import QT_TRANSLATE_NOOP, Message
from viewer.model.parsed_date import EMPTY, DateContext, DateParseError, ParsedDate, YearlessDate
from viewer.model.precision import Precision
from viewer.model.relative_dates import RelativeDate, read_relative

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_ISO_NAIVE = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"
_ISO_ZONED = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$"
_NUMERIC_SHAPE = r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
# Two short fields then a year: the shape whose order can be ambiguous; a second field above
# 12 (04/27/2026) settles it month-first.
_DAY_MONTH_SHAPE = r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(\D|$)"
_MONTH_FIRST_SHAPE = r"^\d{1,2}[/.\-](1[3-9]|2\d|3[01])[/.\-]\d{2,4}(\D|$)"
# A first field above 12 (27/04/2026): the whole column is day-first.
_DAY_FIRST_SHAPE = r"^(1[3-9]|2\d|3[01])[/.\-]\d{1,2}[/.\-]\d{2,4}(\D|$)"
_EPOCH_INTEGER = r"^-?\d{9,18}$"  # 19 digits may not fit int64: the per-text path reads those
_EPOCH_DECIMAL = r"^\d{9,18}\.\d{1,9}$"  # (a negative one is rare: the per-text path reads it)
_FOUR_DIGIT_YEAR = r"(?:^|\D)(?P<year>1\d{3}|20\d{2})(?:\D|$)"
_TZ_BUCKET = 900  # time-zone transitions fall on quarter hours
_PIVOT_SAMPLE = 5_000
_REPEAT_MIN_ROWS = 20_000  # below this the plain path is fast anyway
_REPEAT_SAMPLE = 10_000
_SLICE_ROWS = 200_000  # rows converted between two looks at Cancel (~0.1 s at 10M rows)
_TEXTS_PER_CHECK = 5_000  # texts parsed one by one between two looks at Cancel
# The reason for a text some rule of the parser failed on without a reason of its own (Python's
# own wording, "Exceeds the limit (4300 digits)", would mean nothing to a reader).
UNPLACEABLE = Message(QT_TRANSLATE_NOOP("LoadMessages", "not a date we can place"))


@dataclass
class DateColumn:
    """Per-row results; ``ok`` is False where ``reasons`` (row index -> reason) says why.
    ``start_ns``/``end_ns`` are the sub-second parts (int32 nanoseconds, see ``instants``)."""

    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    start_ns: npt.NDArray[np.int32]
    end_ns: npt.NDArray[np.int32]
    has_end: npt.NDArray[np.bool_]
    precision: npt.NDArray[np.int8]
    approximate: npt.NDArray[np.bool_]
    ok: npt.NDArray[np.bool_]
    reasons: dict[int, str]
    yearless: dict[int, YearlessDate]
    ambiguous_order: bool = False  # 01/02/2026-style dates with nothing to tell the order
    notes: list[str] = field(default_factory=list)  # how ambiguous zone abbreviations were read
    # "yesterday 04:44", "5分钟前": counted later from a day the file gives.
    relative: dict[int, RelativeDate] = field(default_factory=dict)

    @classmethod
    def empty(cls, n: int) -> DateColumn:
        return cls(
            start=np.zeros(n, np.int64),
            end=np.zeros(n, np.int64),
            start_ns=np.zeros(n, np.int32),
            end_ns=np.zeros(n, np.int32),
            has_end=np.zeros(n, bool),
            precision=np.zeros(n, np.int8),
            approximate=np.zeros(n, bool),
            ok=np.zeros(n, bool),
            reasons={},
            yearless={},
        )


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
        day_first = not minguo and len(_indices_matching(text, rows, _DAY_FIRST_SHAPE)) > 0
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
    text = in_slices(values, pc.utf8_trim_whitespace)
    n = len(text)
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
    _fast_iso(text, pending, out, tz if context is None else context.tz)
    if pending.any():
        if context is None:
            context, out.notes = _decide(
                text, pending, day_first, tz, numbers_are_years, header, chinese_file
            )
            out.ambiguous_order = day_first is None and _order_is_ambiguous(text, pending, context)
        _fast_numeric(text, pending, out, context)
        if not context.numbers_are_years:
            _fast_epoch(text, pending, out)
        per_text = pending.copy()
        _by_distinct_text(text, pending, out, context)
        if not context.numbers_are_years:
            place_excel_serials(text, out, per_text)
    return out


def in_slices(values: pa.ChunkedArray, convert: Callable[[pa.Array], pa.Array]) -> pa.ChunkedArray:
    """``convert`` of each slice of ``values`` in turn (the same as of the whole, for a
    conversion cell by cell), asking between slices whether the load was cancelled."""
    parts = []
    for chunk in values.chunks:
        for begin in range(0, len(chunk), _SLICE_ROWS):
            checkpoint()
            parts.append(convert(chunk.slice(begin, _SLICE_ROWS)))
    if not parts:
        return convert(values)  # no rows: the type the conversion gives
    return pa.chunked_array(parts)


def _order_is_ambiguous(
    text: pa.ChunkedArray, rows: npt.NDArray[np.bool_], context: DateContext
) -> bool:
    """Day-month dates where neither field ever exceeds 12: the order was a guess."""
    if context.day_first:
        return False  # a first field above 12 settled it
    numeric = _indices_matching(text, rows, _DAY_MONTH_SHAPE)
    if len(numeric) == 0:
        return False
    settled = np.zeros(len(text), dtype=bool)
    settled[numeric] = True
    return len(_indices_matching(text, settled, _MONTH_FIRST_SHAPE)) == 0


def _is_repetitive(text: pa.ChunkedArray) -> bool:
    """Few distinct texts among many rows (a log's dates, a survey's years)?"""
    step = max(1, len(text) // _REPEAT_SAMPLE)
    sample = text.take(from_numpy(np.arange(0, len(text), step, dtype=np.int64)))
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
    encoded = pc.dictionary_encode(text).combine_chunks()
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


def _indices_matching(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], pattern: str
) -> npt.NDArray[np.int64]:
    candidates = np.flatnonzero(pending)
    if len(candidates) == 0:
        return candidates
    subset = text.take(from_numpy(candidates)) if len(candidates) < len(text) else text
    hits = to_numpy(pc.match_substring_regex(subset, pattern))
    found: npt.NDArray[np.int64] = candidates[np.asarray(hits, dtype=bool)]
    return found


def _fast_iso(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, tz: dt.tzinfo | None
) -> None:
    if pending.all() and _whole_column_iso(text, pending, out, tz):
        return
    shapes = (
        (_ISO_DATE, pa.timestamp("s"), Precision.DAY, False),
        (_ISO_NAIVE, pa.timestamp("us"), Precision.TIME, False),
        (_ISO_ZONED, pa.timestamp("us", tz="UTC"), Precision.TIME, True),
    )
    for pattern, arrow_type, precision, zoned in shapes:
        rows = _indices_matching(text, pending, pattern)
        if len(rows) == 0:
            continue
        subset = text.take(from_numpy(rows)) if len(rows) < len(text) else text
        try:
            stamps = pc.cast(subset, arrow_type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue  # an impossible date somewhere (2026-02-30): leave them all to the slow path
        seconds, nanos = _to_seconds(stamps, arrow_type)
        if precision is Precision.TIME and not zoned and tz is not None:
            seconds = _wall_clock_to_utc(seconds, tz)
        _store(out, pending, rows, seconds, precision, nanos)


_EVERY = slice(None)  # every row (not an index of each: fancy indexing is slower)


def _whole_column_iso(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, tz: dt.tzinfo | None
) -> bool:
    """The common case of a clean ISO 8601 column in one cast (no per-shape scans)."""
    try:
        stamps = in_slices(text, lambda part: pc.cast(part, pa.timestamp("us", tz="UTC")))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    else:
        seconds, nanos = _to_seconds(stamps, stamps.type)
        _store(out, pending, _EVERY, seconds, Precision.TIME, nanos)
        return True
    try:
        stamps = in_slices(text, lambda part: pc.cast(part, pa.timestamp("us")))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False
    seconds, nanos = _to_seconds(stamps, stamps.type)
    has_clock = to_numpy(pc.utf8_length(text)) > 10
    if tz is not None and has_clock.any():
        seconds[has_clock] = _wall_clock_to_utc(seconds[has_clock], tz)
    precision = np.where(has_clock, Precision.TIME, Precision.DAY).astype(np.int8)
    _store(out, pending, _EVERY, seconds, precision, nanos)
    return True


def _to_seconds(
    stamps: pa.ChunkedArray, arrow_type: pa.DataType
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32] | None]:
    """Whole seconds, and the nanoseconds past them (None when the unit has none). Worked out
    a chunk at a time into the two results: the whole column's temporaries were 0.4 GB of
    fresh memory at 10M rows, and first touching it was most of the time."""
    ints = pc.cast(stamps, pa.timestamp(arrow_type.unit)).cast(pa.int64())
    divisor = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[arrow_type.unit]
    seconds = np.empty(len(ints), np.int64)
    nanos = None if divisor == 1 else np.empty(len(ints), np.int32)
    at = 0
    for chunk in ints.chunks if isinstance(ints, pa.ChunkedArray) else [ints]:
        raw = to_numpy(chunk)  # a copy of the chunk's own
        whole = seconds[at : at + len(raw)]
        if nanos is None:
            whole[:] = raw
        else:
            np.floor_divide(raw, divisor, out=whole)  # floored: before 1970 too
            raw -= whole * divisor
            raw *= 10**9 // divisor
            nanos[at : at + len(raw)] = raw
        at += len(raw)
    return seconds, nanos


def _wall_clock_to_utc(seconds: npt.NDArray[np.int64], tz: dt.tzinfo) -> npt.NDArray[np.int64]:
    buckets, inverse = np.unique(np.floor_divide(seconds, _TZ_BUCKET), return_inverse=True)
    shifts = np.array(
        [local_to_utc(int(b) * _TZ_BUCKET, tz) - int(b) * _TZ_BUCKET for b in buckets], np.int64
    )
    return seconds + shifts[inverse]


def _store(
    out: DateColumn,
    pending: npt.NDArray[np.bool_],
    rows: npt.NDArray[np.int64] | slice,
    seconds: npt.NDArray[np.int64],
    precision: Precision | npt.NDArray[np.int8],
    nanos: npt.NDArray[np.int32] | None = None,
) -> None:
    out.start[rows] = seconds
    if nanos is not None:
        out.start_ns[rows] = nanos
    out.precision[rows] = precision
    out.ok[rows] = True
    pending[rows] = False


def _numeric_fields(text: pa.ChunkedArray, rows: npt.NDArray[np.int64]) -> pa.StructArray:
    subset = text.take(from_numpy(rows)) if len(rows) < len(text) else text
    return pc.extract_regex(subset, NUMERIC_PATTERN)


def _era_year(text: pa.ChunkedArray) -> int:
    """The latest four-digit year in (a sample of) the column, at least this year."""
    this_year = dt.date.today().year
    n = len(text)
    if n == 0:
        return this_year
    sample = text.take(
        from_numpy(np.unique(np.linspace(0, n - 1, min(n, _PIVOT_SAMPLE)).astype(np.int64)))
    )
    years = pc.struct_field(pc.extract_regex(sample, _FOUR_DIGIT_YEAR), "year")
    latest = pc.max(pc.cast(years, pa.int64())).as_py()
    return max(this_year, latest or 0)


def _fast_numeric(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, context: DateContext
) -> None:
    rows = _indices_matching(text, pending, _NUMERIC_SHAPE)
    if len(rows) < 1000 or context.minguo:
        return  # few enough for the per-text path (which knows the Minguo calendar)
    fields = _numeric_fields(text, rows)
    matched = np.asarray(to_numpy(pc.is_valid(fields)), dtype=bool)
    rows, fields = rows[matched], fields.filter(from_numpy(matched))

    def part(name: str) -> npt.NDArray[np.int64]:
        column = pc.struct_field(fields, name)
        filled = pc.if_else(pc.equal(pc.utf8_length(column), 0), "0", column)
        return np.asarray(to_numpy(pc.cast(filled, pa.int64())), np.int64)

    def width(name: str) -> npt.NDArray[np.int64]:
        return np.asarray(to_numpy(pc.utf8_length(pc.struct_field(fields, name))), np.int64)

    a, b, c, a_width, c_width = part("a"), part("b"), part("c"), width("a"), width("c")
    simple = (a_width <= 2) & ((c_width == 2) | (c_width == 4))
    simple &= (width("ampm") == 0) & (width("zone") == 0)
    day_first = context.day_first | (a > 12)
    day, month = np.where(day_first, a, b), np.where(day_first, b, a)
    year = c.copy()
    two_digit = c_width == 2
    if two_digit.any():
        century = context.pivot_year // 100 * 100
        year[two_digit] = (
            np.where(century + c[two_digit] <= context.pivot_year, century, century - 100)
            + c[two_digit]
        )
    has_clock = width("hour") > 0
    hour, minute, second = part("hour"), part("minute"), part("second")
    good = simple & is_valid_civil(year, np.clip(month, 1, 12), day) & (month >= 1) & (month <= 12)
    good &= (hour < 24) & (minute < 60) & (second < 60)
    seconds = seconds_from_civil(
        year, np.clip(month, 1, 12), np.clip(day, 1, 31), hour, minute, second
    )
    if context.tz is not None and has_clock.any():
        seconds[has_clock] = _wall_clock_to_utc(seconds[has_clock], context.tz)
    precision = np.where(has_clock, Precision.TIME, Precision.DAY).astype(np.int8)
    nanos = _fraction_nanos(pc.struct_field(fields, "fraction"))
    _store(out, pending, rows[good], seconds[good], precision[good], nanos[good])


def _fraction_nanos(digits: pa.Array | pa.ChunkedArray) -> npt.NDArray[np.int32]:
    """Nanoseconds for the digits after a decimal point, as ``nanos_of_fraction`` reads one."""
    nine = pc.utf8_slice_codeunits(pc.utf8_rpad(pc.fill_null(digits, ""), 9, "0"), 0, 9)
    return np.asarray(to_numpy(pc.cast(nine, pa.int32())), np.int32)


def _fast_epoch(text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn) -> None:
    """Epoch seconds, ms, µs or ns by magnitude; whole numbers, or positive ones with a
    fraction (Zeek's ``1320279566.452687``)."""
    for pattern in (_EPOCH_INTEGER, _EPOCH_DECIMAL):
        rows = _indices_matching(text, pending, pattern)
        if len(rows) == 0:
            continue
        subset = text.take(from_numpy(rows)) if len(rows) < len(text) else text
        fraction = None
        if pattern is _EPOCH_DECIMAL:
            parts = pc.split_pattern(subset, ".", max_splits=1)
            subset, fraction = pc.list_element(parts, 0), pc.list_element(parts, 1)
        values = np.asarray(to_numpy(pc.cast(subset, pa.int64())), np.int64)
        units = np.zeros(len(values), np.int32) if fraction is None else _fraction_nanos(fraction)
        magnitude = np.abs(values)
        big = magnitude >= EPOCH_MIN
        seconds, nanos = values.copy(), np.zeros(len(values), np.int32)
        lower = 0
        for limit, divisor in EPOCH_DIVISORS:
            band = big & (magnitude >= lower) & (magnitude < limit)  # (18 digits: below the last)
            whole, rest = np.divmod(values[band], divisor)
            seconds[band] = whole
            # The rest of a unit, and the unit's own fraction (a µs number's .5 is 500 ns).
            nanos[band] = rest * (10**9 // divisor) + units[band] // divisor
            lower = limit
        _store(out, pending, rows[big], seconds[big], Precision.TIME, nanos[big])


def _by_distinct_text(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, context: DateContext
) -> None:
    rows = np.flatnonzero(pending)
    if len(rows) == 0:
        return
    subset = text.take(from_numpy(rows)) if len(rows) < len(text) else text
    encoded = pc.dictionary_encode(subset).combine_chunks()
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
