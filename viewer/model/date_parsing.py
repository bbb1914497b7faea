"""One written date to an instant: the rules every loader and the UI share.

``parse_date`` accepts ISO 8601 (with offsets, expanded years), numeric dates (27/04/2026,
04/27/26), epoch numbers, dates in English words, Chinese dates, eras (55 BC, AD 43, 公元前44年),
approximate forms (circa 1850, c. 383, mid-June 2026, Q2 2026, spring 2026, 1850s), ranges
(Between 47 and 50) and deep time (13.8 billion years ago). It raises ``DateParseError`` with a
short reason for anything else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from viewer.model.chinese_dates import CHINESE_MARKS, parse_chinese
from viewer.model.date_forms import (
    ISO_RE,
    MONTH_YEAR_RE,
    NUMBER_RE,
    NUMERIC_RE,
    check_month,
    clock_seconds,
    parse_iso,
    parse_number,
    parse_numeric,
)
from viewer.model.date_words import APPROXIMATE_PREFIXES, BCE_MARKERS, CE_MARKERS
from viewer.model.english_dates import parse_special_span, parse_words
from viewer.model.instants import seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP
from viewer.model.parsed_date import EMPTY, DateContext, DateParseError, ParsedDate, YearlessDate
from viewer.model.periods import last_second
from viewer.model.precision import Precision
from viewer.model.relative_dates import read_relative
from viewer.model.time_zones import split_named_zone, with_zone_readings

# Deep time is counted back from 1950, the "present" of radiocarbon dating (Before Present).
YEARS_AGO_ORIGIN = 1950

_RANGE_RES = (
    re.compile(r"^between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$"),
    re.compile(r"^from\s+(?P<a>.+?)\s+(?:to|until|till)\s+(?P<b>.+)$"),
    re.compile(r"^(?P<a>.+?)\s+(?:to|until|till|[-–—~])\s+(?P<b>.+)$"),
    re.compile(r"^(?P<a>.+?)\s*[–—至到]\s*(?P<b>.+)$"),
)
# Alternatives ("1 or 2 BC", "1849/1850"... only "or": a slash is a numeric date's separator):
# the span of both, approximate, whichever is written first.
_ALTERNATIVES_RE = re.compile(r"^(?P<a>.+?)\s+or\s+(?P<b>.+)$")
_DAY_THEN_MONTH_RE = re.compile(r"^\d{1,2}(?P<rest>\s+[a-z]{3,}.*)$")
_ERA_RE = re.compile(
    r"(?:^|(?<=[\s\d]))(?P<era>b\.?\s?c\.?(?:\s?e\.?)?|a\.?\s?d\.?|c\.?\s?e\.?)(?=\s|$|,)"
)
_YEARS_AGO_RE = re.compile(
    r"^(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|k|m|bn|b)?\s*years?\s+ago$"
)
_GEO_RE = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<scale>ka|ma|ga)$")
_CHINESE_AGO_RE = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<scale>万|亿)?\s*年前$")
_SCALES = {
    None: 1, "thousand": 10**3, "k": 10**3, "ka": 10**3, "million": 10**6, "m": 10**6,
    "ma": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9, "ga": 10**9, "万": 10**4, "亿": 10**8,
}  # fmt: skip
# Month and day, zero-padded, with a hyphen: "03-27", "04-27 12:30" (feeds that leave the year
# out for this year's posts). Unpadded "3-27" could be a range, so it is not read as a date.
_MONTH_DAY_RE = re.compile(
    r"^(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?$"
)
_SPACES = re.compile(r"\s+")
# More digits in a row than any date form has (years have at most 12, epoch numbers 20): such a
# number is refused before any rule turns it into an int (Python refuses past 4,300 digits).
_TOO_MANY_DIGITS = re.compile(r"\d{22}")

DEFAULT_CONTEXT = DateContext()


def normalise(text: str) -> str:
    """Full-width digits and punctuation to ASCII, spaces folded, lower case."""
    folded = unicodedata.normalize("NFKC", text).replace("\u3000", " ")
    return _SPACES.sub(" ", folded).strip().strip("\"'").strip().lower()


def parse_date(text: str, context: DateContext = DEFAULT_CONTEXT) -> ParsedDate | YearlessDate:
    """Parse one written date; raises ``DateParseError`` with the reason."""
    text, zone = split_named_zone(text)  # (before folding case: the names are Europe/Berlin)
    if zone is not None:
        context = replace(context, tz=zone)
    s = with_zone_readings(normalise(text), context.zone_readings)
    if not s:
        raise DateParseError(EMPTY)
    if _TOO_MANY_DIGITS.search(s):
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "a number with too many digits for a date")
        )
    if read_relative(s) is not None:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "a date relative to a day this text does not name")
        )
    s, approximate = _strip_approximate(s)
    result = _parse_range(s, context) or _parse_single(s, context)
    if approximate and not result.approximate:
        result = _approximated(result)
    return result


def _approximated(result: ParsedDate | YearlessDate) -> ParsedDate | YearlessDate:
    if isinstance(result, ParsedDate):
        return ParsedDate(
            result.start, result.precision, True, result.end, result.start_ns, result.end_ns
        )
    return YearlessDate(
        result.month, result.day, result.clock, result.precision, True, result.offset
    )


def _strip_approximate(s: str) -> tuple[str, bool]:
    approximate = False
    if s.endswith("?") or s.endswith("左右"):
        s, approximate = s.rstrip("?").removesuffix("左右").strip(), True
    for prefix in APPROXIMATE_PREFIXES:
        if s.startswith(prefix):
            rest = s[len(prefix) :]
            # "c 383" and "ca. 1850" but not "cambrian": a short prefix must end at a word break.
            if prefix[-1].isalpha() and rest[:1].isalpha():
                continue
            s, approximate = rest.lstrip(" ."), True
            break
    return s, approximate


def _parse_range(s: str, context: DateContext) -> ParsedDate | None:
    for pattern in (*_RANGE_RES, _ALTERNATIVES_RE):
        m = pattern.match(s)
        if m is None:
            continue
        alternatives = pattern is _ALTERNATIVES_RE
        try:
            first = _parse_single(_with_era_of(m["a"], m["b"]), context)
            last = _parse_single(_strip_approximate(m["b"])[0], context)
        except DateParseError:
            continue
        if not isinstance(first, ParsedDate) or not isinstance(last, ParsedDate):
            continue
        if alternatives and last.start < first.start:
            first, last = last, first  # "2 or 1 BC"
        end, end_ns = (last.start, last.start_ns) if last.end is None else (last.end, last.end_ns)
        return ParsedDate(
            first.start,
            min(first.precision, last.precision),
            approximate=alternatives
            or s.startswith("between")
            or first.approximate
            or last.approximate,
            end=end,
            start_ns=first.start_ns,
            end_ns=end_ns,
        )
    return None


def _with_era_of(first: str, last: str) -> str:
    """The first part of "490–479 BC" or "1 or 2 BC" is in the era the last part names, and
    the first of "10–15 March 44 BC" a day of the last's month."""
    first = _strip_approximate(first)[0]
    if _ERA_RE.search(first) is not None or not NUMBER_RE.match(first):
        return first
    if (days := _DAY_THEN_MONTH_RE.match(last)) and len(first) <= 2:
        return first + days["rest"]
    m = _ERA_RE.search(last)
    return first if m is None else f"{first} {m['era']}"


def _parse_single(s: str, context: DateContext) -> ParsedDate | YearlessDate:
    if not s:
        raise DateParseError(EMPTY)
    if m := ISO_RE.match(s):
        return parse_iso(m, context)
    if m := NUMERIC_RE.match(s):
        return parse_numeric(m, context)
    if NUMBER_RE.match(s):
        return parse_number(s, context)
    if found := _parse_two_numbers(s) or _parse_deep_time(s):
        return found
    if CHINESE_MARKS.search(s):
        return parse_chinese(s, context)
    s, era = _take_era(s)
    if span := parse_special_span(s):
        return span
    if era is not None and NUMBER_RE.match(s):
        year = int(s.replace("+", ""))
        if year <= 0:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "an era year must be positive"))
        return ParsedDate(seconds_at(1 - year if era < 0 else year), Precision.YEAR)
    return parse_words(s, context, era)


def _parse_two_numbers(s: str) -> ParsedDate | YearlessDate | None:
    """Month and year (``04/2026``), or month and day without a year (``04-27 12:30``)."""
    if m := MONTH_YEAR_RE.match(s):
        month = int(m["month"])
        check_month(month)
        return ParsedDate(seconds_at(int(m["year"]), month), Precision.MONTH)
    if m := _MONTH_DAY_RE.match(s):
        if m["hour"] is None:
            return YearlessDate(int(m["month"]), int(m["day"]), 0, Precision.DAY)
        clock = clock_seconds(m["hour"], m["minute"], m["second"], None)
        return YearlessDate(int(m["month"]), int(m["day"]), clock, Precision.TIME)
    return None


def _take_era(s: str) -> tuple[str, int | None]:
    m = _ERA_RE.search(s)
    if m is None:
        return s, None
    marker = m["era"].replace(" ", "")
    if marker in BCE_MARKERS:
        era = -1
    elif marker in CE_MARKERS or marker.rstrip(".") in CE_MARKERS:
        era = 1
    else:
        return s, None
    return (s[: m.start()] + " " + s[m.end() :]).strip(), era


def _parse_deep_time(s: str) -> ParsedDate | None:
    m = _YEARS_AGO_RE.match(s) or _GEO_RE.match(s) or _CHINESE_AGO_RE.match(s)
    if m is None:
        return None
    years_ago = round(float(m["n"].replace(",", "")) * _SCALES[m["scale"]])
    return ParsedDate(seconds_at(YEARS_AGO_ORIGIN - years_ago), Precision.YEAR, approximate=True)


def covered_span(text: str, context: DateContext = DEFAULT_CONTEXT) -> tuple[int, int]:
    """The first and last second a written date covers: "2026" is all of 2026, "Q2 2026" April
    to June, "27 Apr 2026 09:00" that one second. For "from/to" filters."""
    parsed = parse_date(text, context)
    if not isinstance(parsed, ParsedDate):
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "the year is missing"))
    last = parsed.end if parsed.end is not None else parsed.start
    return parsed.start, last_second(last, parsed.precision)
