"""Numeric date forms (ISO 8601, 27/04/2026, epoch numbers) and their conversion to instants.

The patterns are written in the common subset of Python ``re`` and RE2, so the loader can run
them over a whole column at once (pyarrow) and the single-text parser uses the very same rules.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

from viewer.model.date_words import TIME_ZONE_OFFSETS
from viewer.model.instants import (
    MAX_ABS_YEAR,
    NANOS_PER_SECOND,
    check_year,
    is_valid_civil,
    nanos_of_fraction,
    seconds_at,
)
from viewer.model.messages import QT_TRANSLATE_NOOP
from viewer.model.parsed_date import DateContext, DateParseError, ParsedDate
from viewer.model.precision import Precision

_CLOCK = (
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
)
_ZONE = r"(?:\s*(?P<zone>z|utc|gmt|[+-]\d{2}(?::?\d{2})?|[a-z]{3,5}))?"

ISO_PATTERN = (
    r"(?i)^(?P<year>[+-]?\d{4,12})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2})"
    r"(?:(?:t|\s+)" + _CLOCK + _ZONE + r")?)?$"
)
NUMERIC_PATTERN = (
    r"(?i)^(?P<a>\d{1,4})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{1,4})"
    r"(?:(?:t|\s+|,\s*)" + _CLOCK + _ZONE + r")?$"
)
# (with Excel's scientific notation: 1.54224E+12 is epoch milliseconds rounded to six figures)
NUMBER_PATTERN = r"^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d{1,3})?$"

ISO_RE = re.compile(ISO_PATTERN)
NUMERIC_RE = re.compile(NUMERIC_PATTERN)
NUMBER_RE = re.compile(NUMBER_PATTERN)
MONTH_YEAR_RE = re.compile(r"^(?P<month>\d{1,2})[/.\-](?P<year>\d{4})$")

# Epoch numbers by magnitude: below 1e8 a number is a year; then seconds, ms, µs, ns. From
# 1e20 on (nanoseconds beyond year 5138, more than int64 nanoseconds hold) a number is no time.
EPOCH_MIN = 10**8
EPOCH_DIVISORS = ((10**11, 1), (10**14, 10**3), (10**17, 10**6), (10**20, 10**9))

# Beyond this (about ±290 billion years) int64 seconds overflow.
MAX_EPOCH_SECONDS = 2**62


def check_month(month: int) -> None:
    """Raise DateParseError unless ``month`` is 1 to 12."""
    if not 1 <= month <= 12:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "month {month} is out of range"), month=month
        )


def check_civil(year: int, month: int, day: int) -> None:
    """Raise DateParseError unless the day exists (no 30 February) in a year we can hold."""
    check_year(year)
    # (the range test first: a 30-digit day does not fit the int64 arithmetic)
    if not (1 <= month <= 12 and 1 <= day <= 31) or not is_valid_civil(year, month, day):
        raise DateParseError(
            QT_TRANSLATE_NOOP(
                "LoadMessages", "there is no day {day} in month {month} of year {year}"
            ),
            day=day,
            month=month,
            year=year,
        )


def zone_offset(zone: str | None) -> int | None:
    """Seconds east of UTC for ``Z``, ``+02:00``, ``+0530``, ``CEST``; None for no zone."""
    if not zone:
        return None
    zone = zone.lower()
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:  # ISO 8601's limits (pyarrow's bulk path agrees)
            raise DateParseError(
                QT_TRANSLATE_NOOP("LoadMessages", "time-zone offset {zone} is out of range"),
                zone=zone,
            )
        return (1 if zone[0] == "+" else -1) * (hours * 3600 + minutes * 60)
    if zone in TIME_ZONE_OFFSETS:
        return round(TIME_ZONE_OFFSETS[zone] * 3600)
    raise DateParseError(
        QT_TRANSLATE_NOOP("LoadMessages", "unknown time zone {zone}"), zone=zone.upper()
    )


def clock_seconds(
    hour: str | None, minute: str | None, second: str | None, ampm: str | None
) -> int:
    h, m, s = int(hour or 0), int(minute or 0), int(second or 0)
    if ampm:
        if not 1 <= h <= 12:
            raise DateParseError(
                QT_TRANSLATE_NOOP("LoadMessages", "hour {h} does not go with {ampm}"),
                h=h,
                ampm=ampm,
            )
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    if h > 24 or m > 59 or s > 60 or (h == 24 and (m or s)):
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "time of day out of range"))
    return h * 3600 + m * 60 + min(s, 59)  # a leap second is kept inside its minute


def place_two_digit_year(year: int, pivot_year: int) -> int:
    """``49`` -> 1949 when 2049 is after the pivot (the file's own era), else 2049."""
    century = pivot_year // 100 * 100
    candidate = century + year
    return candidate if candidate <= pivot_year else candidate - 100


def local_to_utc(seconds: int, tz: dt.tzinfo) -> int:
    """Seconds for a naive wall-clock time in ``tz`` (years 1-9999; others stay as written)."""
    try:
        naive = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)
    except OverflowError:
        return seconds
    offset = naive.replace(tzinfo=tz).utcoffset() or dt.timedelta()
    return seconds - int(offset.total_seconds())


def instant(
    year: int,
    month: int,
    day: int,
    clock: int,
    offset: int | None,
    precision: Precision,
    context: DateContext,
) -> int:
    check_civil(year, month, day)
    seconds = seconds_at(year, month, day) + clock
    if offset is not None:
        return seconds - offset
    if context.tz is not None and precision is Precision.TIME:
        return local_to_utc(seconds, context.tz)
    return seconds


def parse_iso(match: re.Match[str], context: DateContext) -> ParsedDate:
    g = match.groupdict()
    year, month = int(g["year"]), int(g["month"])
    if g["day"] is None:
        check_month(month)
        return ParsedDate(seconds_at(year, month), Precision.MONTH)
    precision = Precision.TIME if g["hour"] is not None else Precision.DAY
    clock = clock_seconds(g["hour"], g["minute"], g["second"], g["ampm"])
    offset = zone_offset(g["zone"])
    return ParsedDate(
        instant(year, month, int(g["day"]), clock, offset, precision, context),
        precision,
        start_ns=nanos_of_fraction(g["fraction"]),
    )


MINGUO_OFFSET = 1911  # 民國1年 is 1912


def numeric_order(
    a: str, b: str, c: str, day_first: bool, minguo: bool = False
) -> tuple[int, int, int, bool]:
    """(year, month, day, two_digit_year) for the three fields of 27/04/2026-style dates."""
    if minguo and len(a) in (2, 3):
        return int(a) + MINGUO_OFFSET, int(b), int(c), False
    if len(a) >= 3:
        return int(a), int(b), int(c), False
    if len(c) not in (2, 4):
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "the year should have two or four digits")
        )
    # A first field above 12 can only be a day, whatever the column's default says.
    day_first = day_first or int(a) > 12
    day, month = (int(a), int(b)) if day_first else (int(b), int(a))
    return int(c), month, day, len(c) == 2


def parse_numeric(match: re.Match[str], context: DateContext) -> ParsedDate:
    g = match.groupdict()
    year, month, day, two_digit = numeric_order(
        g["a"], g["b"], g["c"], context.day_first, context.minguo
    )
    if two_digit:
        year = place_two_digit_year(year, context.pivot_year)
    precision = Precision.TIME if g["hour"] is not None else Precision.DAY
    clock = clock_seconds(g["hour"], g["minute"], g["second"], g["ampm"])
    offset = zone_offset(g["zone"])
    return ParsedDate(
        instant(year, month, day, clock, offset, precision, context),
        precision,
        start_ns=nanos_of_fraction(g["fraction"]),
    )


def bc_to_astronomical(year: int) -> int:
    """A plain negative year counts years BC: -44 is 44 BC, astronomical year -43."""
    return year + 1 if year < 0 else year


def epoch_instant(text: str, value: float) -> tuple[int, int]:
    """(seconds, nanoseconds) of an epoch number by its magnitude, the fraction read from the
    text itself (a float would turn ``1437510003.123456`` into ``.123455999``)."""
    divisor = _epoch_divisor(value)
    try:
        exact = Decimal(text) / divisor
    except InvalidOperation:
        return int(value // divisor), 0
    seconds = int(exact.to_integral_value(rounding=ROUND_FLOOR))
    nanos = int(((exact - seconds) * NANOS_PER_SECOND).to_integral_value(rounding=ROUND_FLOOR))
    return seconds, nanos


def _epoch_divisor(value: float) -> int:
    magnitude = abs(value)
    for limit, divisor in EPOCH_DIVISORS:
        if magnitude < limit:
            return divisor
    raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a number too large for a timestamp"))


def _rounded_past_seconds(text: str, value: float) -> bool:
    """Was an epoch number in scientific notation rounded to more than a second? (Excel
    writes 1542240000000 ms as 1.54224E+12: its last figure is ten million ms, about 3 hours.)"""
    mantissa, _, exponent = text.lower().partition("e")
    if not exponent:
        return False
    fraction_figures = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent) - fraction_figures) > _epoch_divisor(value)


def parse_number(text: str, context: DateContext) -> ParsedDate:
    """A plain number: a year (negative for BC), YYYYMMDD, or epoch time by magnitude."""
    is_integer = "." not in text and "e" not in text.lower()
    value = int(text) if is_integer else float(text)
    if is_integer and (context.numbers_are_years or abs(value) < EPOCH_MIN):
        compact = _compact_minguo(text) if context.minguo else _compact_date(text)
        if compact is not None and not context.numbers_are_years:
            return compact
        if abs(value) > MAX_ABS_YEAR:
            raise DateParseError(
                QT_TRANSLATE_NOOP("LoadMessages", "year is too far from the present")
            )
        year = int(value)
        # "-0043" is padded the ISO 8601 way, and ISO counts astronomically (-0043 is 44 BC);
        # a plain "-44" counts years BC.
        iso_padded = text.startswith("-0") and len(text) >= 5
        return ParsedDate(
            seconds_at(year if iso_padded else bc_to_astronomical(year)), Precision.YEAR
        )
    if abs(value) < EPOCH_MIN:
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a decimal number, not a date"))
    seconds, nanos = epoch_instant(text, value)
    if abs(seconds) > MAX_EPOCH_SECONDS:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "a number too large for a timestamp")
        )
    rounded = _rounded_past_seconds(text, value)
    return ParsedDate(
        seconds, Precision.TIME, approximate=rounded, start_ns=0 if rounded else nanos
    )


def _compact_minguo(text: str) -> ParsedDate | None:
    """``1140113`` in a Minguo column: year 114 of the Republic (2025), 13 January."""
    if len(text) != 7 or not text.isdigit():
        return None
    year, month, day = int(text[:3]) + MINGUO_OFFSET, int(text[3:5]), int(text[5:])
    if not is_valid_civil(year, month, day):
        return None
    return ParsedDate(seconds_at(year, month, day), Precision.DAY)


def _compact_date(text: str) -> ParsedDate | None:
    """``20260427`` (YYYYMMDD, years 1000-2999) read as a day."""
    if len(text) != 8 or not text.isdigit() or text[0] not in "12":
        return None
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not is_valid_civil(year, month, day):
        return None
    return ParsedDate(seconds_at(year, month, day), Precision.DAY)
