"""The common shapes of written dates, converted a whole column at a time by pyarrow and
numpy kernels: ISO 8601, numeric day/month/year with an optional clock (04/27/2026 12:00:00),
and epoch numbers (seconds to nanoseconds, by magnitude). Each converts the rows still
``pending`` that have its shape, stores them in the column's results and marks them done; the
rows left are parsed one distinct text at a time (``date_column``)."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.dates.date_results import DateColumn
from viewer.io.events.arrow_numpy import from_numpy, to_numpy
from viewer.io.load_watch import checkpoint
from viewer.model.chunked_text import take
from viewer.model.date_forms import EPOCH_DIVISORS, EPOCH_MIN, NUMERIC_PATTERN, local_to_utc
from viewer.model.instants import is_valid_civil, seconds_from_civil
from viewer.model.parsed_date import DateContext
from viewer.model.precision import Precision

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_ISO_NAIVE = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"
_ISO_ZONED = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$"
_NUMERIC_SHAPE = r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
_EPOCH_INTEGER = r"^-?\d{9,18}$"  # 19 digits may not fit int64: the per-text path reads those
_EPOCH_DECIMAL = r"^\d{9,18}\.\d{1,9}$"  # (a negative one is rare: the per-text path reads it)
_TZ_BUCKET = 900  # time-zone transitions fall on quarter hours
_SLICE_ROWS = 200_000  # rows converted between two looks at Cancel (~0.1 s at 10M rows)


def in_slices(values: pa.ChunkedArray, convert: Callable[[pa.Array], pa.Array]) -> pa.ChunkedArray:
    """``convert`` of each slice of ``values`` (the same as of the whole, for a conversion
    cell by cell), on two threads: pyarrow's kernels let go of the GIL, and while the dates
    are read nothing else keeps the other core busy (the ISO cast of 10M cells: 0.20 s on
    one, 0.11 s on two). Between slices this thread asks whether the load was cancelled (the
    cancel is this thread's, not the workers')."""
    slices = [
        chunk.slice(begin, _SLICE_ROWS)
        for chunk in values.chunks
        for begin in range(0, len(chunk), _SLICE_ROWS)
    ]
    if not slices:
        return convert(values)  # no rows: the type the conversion gives
    checkpoint()
    if len(slices) == 1:
        return pa.chunked_array([convert(slices[0])])
    # Two slices under way at a time, so a Cancel leaves no more than those to finish.
    with ThreadPoolExecutor(2, "date-slices") as pool:
        waiting = deque(pool.submit(convert, part) for part in slices[:2])
        parts = []
        for part in slices[2:]:
            parts.append(waiting.popleft().result())
            checkpoint()
            waiting.append(pool.submit(convert, part))
        parts.extend(future.result() for future in waiting)
    return pa.chunked_array(parts)


def indices_matching(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], pattern: str
) -> npt.NDArray[np.int64]:
    candidates = np.flatnonzero(pending)
    if len(candidates) == 0:
        return candidates
    subset = take(text, candidates) if len(candidates) < len(text) else text
    hits = to_numpy(pc.match_substring_regex(subset, pattern))
    found: npt.NDArray[np.int64] = candidates[np.asarray(hits, dtype=bool)]
    return found


def fast_iso(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, tz: dt.tzinfo | None
) -> None:
    if pending.all() and whole_column_iso(text, pending, out, tz):
        return
    shapes = (
        (_ISO_DATE, pa.timestamp("s"), Precision.DAY, False),
        (_ISO_NAIVE, pa.timestamp("us"), Precision.TIME, False),
        (_ISO_ZONED, pa.timestamp("us", tz="UTC"), Precision.TIME, True),
    )
    for pattern, arrow_type, precision, zoned in shapes:
        rows = indices_matching(text, pending, pattern)
        if len(rows) == 0:
            continue
        subset = take(text, rows) if len(rows) < len(text) else text
        try:
            stamps = pc.cast(subset, arrow_type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue  # an impossible date somewhere (2026-02-30): leave them all to the slow path
        seconds, nanos = _to_seconds(stamps, arrow_type)
        if precision is Precision.TIME and not zoned and tz is not None:
            seconds = _wall_clock_to_utc(seconds, tz)
        _store(out, pending, rows, seconds, precision, nanos)


_EVERY = slice(None)  # every row (not an index of each: fancy indexing is slower)


def whole_column_iso(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, tz: dt.tzinfo | None
) -> bool:
    """The common case of a clean ISO 8601 column in one cast (no per-shape scans); False,
    with nothing stored, when some cell is not ISO."""
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
    if rows is _EVERY:  # the arrays themselves: a copy is 120 MB of fresh memory at 10M rows
        out.start = seconds
        out.start_ns = out.start_ns if nanos is None else nanos
    else:
        out.start[rows] = seconds
        if nanos is not None:
            out.start_ns[rows] = nanos
    out.precision[rows] = precision
    out.ok[rows] = True
    pending[rows] = False


def _numeric_fields(text: pa.ChunkedArray, rows: npt.NDArray[np.int64]) -> pa.StructArray:
    subset = take(text, rows) if len(rows) < len(text) else text
    return pc.extract_regex(subset, NUMERIC_PATTERN)


def fast_numeric(
    text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn, context: DateContext
) -> None:
    rows = indices_matching(text, pending, _NUMERIC_SHAPE)
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


def fast_epoch(text: pa.ChunkedArray, pending: npt.NDArray[np.bool_], out: DateColumn) -> None:
    """Epoch seconds, ms, µs or ns by magnitude; whole numbers, or positive ones with a
    fraction (Zeek's ``1320279566.452687``)."""
    for pattern in (_EPOCH_INTEGER, _EPOCH_DECIMAL):
        rows = indices_matching(text, pending, pattern)
        if len(rows) == 0:
            continue
        subset = take(text, rows) if len(rows) < len(text) else text
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
