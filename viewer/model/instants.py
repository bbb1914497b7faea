"""Instants as int64 seconds since 1970-01-01T00:00:00 UTC.

The calendar is the proleptic Gregorian one with astronomical year numbering (1 BC is year 0,
44 BC is year -43). int64 seconds reach about ±292 billion years, which covers deep time
(the Big Bang at -13.8 billion years) while staying exact to the second. The conversions follow
Howard Hinnant's ``days_from_civil`` algorithms, written over numpy arrays so a million dates
convert in a few milliseconds.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from viewer.model.messages import QT_TRANSLATE_NOOP
from viewer.model.parsed_date import DateParseError

SECONDS_PER_DAY = 86_400
# Sub-second parts are kept beside the seconds as int32 nanoseconds, 0 to 999,999,999: int64
# nanoseconds since 1970 would end in 2262, and deep time needs the seconds whole.
NANOS_PER_SECOND = 1_000_000_000
# Years an instant may name: deep time down to the Big Bang and far beyond, with room left so
# the int64 seconds of any day and time in these years cannot overflow (they would wrap to the
# opposite sign without a word).
MAX_ABS_YEAR = 10**11
# Days from 0000-03-01 to 1970-01-01 in the 400-year-cycle arithmetic below.
_EPOCH_SHIFT = 719_468

IntArray = npt.NDArray[np.int64]


def days_from_civil(year: npt.ArrayLike, month: npt.ArrayLike, day: npt.ArrayLike) -> IntArray:
    """Days since 1970-01-01 for (year, month, day) arrays; month 1-12, day 1-31."""
    y = np.asarray(year, dtype=np.int64)
    m = np.asarray(month, dtype=np.int64)
    d = np.asarray(day, dtype=np.int64)
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return np.asarray(era * 146_097 + doe - _EPOCH_SHIFT, dtype=np.int64)


def civil_from_days(days: npt.ArrayLike) -> tuple[IntArray, IntArray, IntArray]:
    """(year, month, day) arrays for days since 1970-01-01."""
    z = np.asarray(days, dtype=np.int64) + _EPOCH_SHIFT
    era = np.floor_divide(z, 146_097)
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    year = yoe + era * 400 + (month <= 2)
    return year.astype(np.int64), month.astype(np.int64), day.astype(np.int64)


def seconds_from_civil(
    year: npt.ArrayLike,
    month: npt.ArrayLike = 1,
    day: npt.ArrayLike = 1,
    hour: npt.ArrayLike = 0,
    minute: npt.ArrayLike = 0,
    second: npt.ArrayLike = 0,
) -> IntArray:
    """Seconds since the epoch for civil date-time parts (arrays or scalars)."""
    days = days_from_civil(year, month, day)
    clock = (
        np.asarray(hour, dtype=np.int64) * 3600
        + np.asarray(minute, dtype=np.int64) * 60
        + np.asarray(second, dtype=np.int64)
    )
    return np.asarray(days * SECONDS_PER_DAY + clock, dtype=np.int64)


def civil_from_seconds(
    seconds: npt.ArrayLike,
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray, IntArray]:
    """(year, month, day, hour, minute, second) arrays for seconds since the epoch."""
    s = np.asarray(seconds, dtype=np.int64)
    days = np.floor_divide(s, SECONDS_PER_DAY)
    clock = s - days * SECONDS_PER_DAY
    year, month, day = civil_from_days(days)
    return year, month, day, clock // 3600, clock % 3600 // 60, clock % 60


def seconds_at(
    year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0, second: int = 0
) -> int:
    """Scalar form of :func:`seconds_from_civil`; raises ``DateParseError`` for a year beyond
    ``MAX_ABS_YEAR``."""
    check_year(year)
    return int(seconds_from_civil(year, month, day, hour, minute, second))


def check_year(year: int) -> None:
    """Raise ``DateParseError`` unless ``year`` is one an int64 instant can hold."""
    if not -MAX_ABS_YEAR <= year <= MAX_ABS_YEAR:
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "year is too far from the present"))


def days_in_month(year: int, month: int) -> int:
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return int(days_from_civil(next_year, next_month, 1) - days_from_civil(year, month, 1))


def is_valid_civil(
    year: npt.ArrayLike, month: npt.ArrayLike, day: npt.ArrayLike
) -> npt.NDArray[np.bool_]:
    """True where (year, month, day) names a real calendar day (no 31 April, no 29 Feb 2026)."""
    y = np.asarray(year, dtype=np.int64)
    m = np.asarray(month, dtype=np.int64)
    d = np.asarray(day, dtype=np.int64)
    in_range = (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    safe_m = np.where(in_range, m, 1)
    safe_d = np.where(in_range, d, 1)
    y2, m2, d2 = civil_from_days(days_from_civil(y, safe_m, safe_d))
    return np.asarray(in_range & (y2 == y) & (m2 == safe_m) & (d2 == safe_d), dtype=np.bool_)


def format_iso(seconds: npt.ArrayLike, nanos: npt.ArrayLike | None = None) -> list[str]:
    """ISO 8601 text such as ``2026-04-27T00:00:00`` or ``-0043-03-15T00:00:00``, with the
    sub-second part where ``nanos`` has one (``2015-07-21T20:20:03.123456``, see
    :func:`fraction_text`).

    Years are zero-padded to four digits and carry a sign beyond 0000-9999 (ISO 8601's expanded
    representation), so every instant round-trips through the date parser.
    """
    s = np.asarray(seconds, dtype=np.int64).ravel()
    out = np.empty(s.shape, dtype=object)
    common = (s >= _SECONDS_0000) & (s < _SECONDS_10000)
    if common.any():
        # numpy formats years 0000-9999 in C; the rest (rare) take the Python path below.
        text = np.datetime_as_string(s[common].astype("datetime64[s]"), unit="s")
        out[common] = text
    for index in np.flatnonzero(~common):
        y, mo, d, h, mi, se = (int(part[0]) for part in civil_from_seconds(s[index : index + 1]))
        sign = "-" if y < 0 else "+"
        out[index] = f"{sign}{abs(y):04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{se:02d}"
    if nanos is not None:
        ns = np.broadcast_to(np.asarray(nanos, dtype=np.int64).ravel(), s.shape)
        for at in np.flatnonzero(ns).tolist():
            out[at] += fraction_text(int(ns[at]))
    return out.tolist()


def fraction_text(nanos: int) -> str:
    """The sub-second part as written after the seconds: ``.123`` for whole milliseconds,
    ``.123456`` for whole microseconds, ``.123456789``; "" for none. (A file's own digits are
    not kept: a time of a millisecond file that falls on a whole second reads without ``.000``.)"""
    if nanos <= 0:
        return ""
    digits = 3 if nanos % 1_000_000 == 0 else 6 if nanos % 1000 == 0 else 9
    return "." + f"{nanos:09d}"[:digits]


def nanos_of_fraction(digits: str | None) -> int:
    """Nanoseconds for the digits after a decimal point (``"5"`` is 500,000,000); digits beyond
    nine are cut off, as a clock would."""
    if not digits:
        return 0
    return int(digits[:9].ljust(9, "0"))


_SECONDS_0000 = seconds_at(0)
_SECONDS_10000 = seconds_at(10_000)
