"""Dates written in words: ``April 27, 2026``, ``27 Apr 2026``, ``Apr 27 2026 3pm``, ``mid-June
2026``, ``spring 2026``, ``Q2 2026``, ``1850s``, ``19th century``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.model.date_forms import clock_seconds, instant, place_two_digit_year, zone_offset
from viewer.model.date_words import (
    FILLERS,
    MONTH_THIRDS,
    MONTHS,
    SEASONS,
    TIME_ZONE_OFFSETS,
    WEEKDAYS,
)
from viewer.model.instants import days_in_month, seconds_at
from viewer.model.messages import QT_TRANSLATE_NOOP
from viewer.model.parsed_date import DateContext, DateParseError, ParsedDate, YearlessDate
from viewer.model.precision import Precision

_TIME_RE = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)(?![a-z])"
    r"|(?<![\d:])(?P<hour24>\d{1,2}):(?P<minute24>\d{2})(?::(?P<second24>\d{2})(?:[.,]\d+)?)?"
)
_NOON_RE = re.compile(r"\b(noon|midday|midnight)\b")
_OFFSET_RE = re.compile(r"(?:^|\s)(?P<zone>[+-]\d{2}:?\d{2})(?=\s|$)")
_TOKEN_RE = re.compile(r"'\d{2}\b|\d+(?:st|nd|rd|th)?|[a-z\u00c0-\u024f]+\.?")
_QUARTER_RE = re.compile(
    r"^(?:q(?P<q1>[1-4])[\s\-/]*(?P<y1>\d{1,6})|(?P<y2>\d{1,6})[\s\-/]*q(?P<q2>[1-4]))$"
)
_HALF_RE = re.compile(
    r"^(?:h(?P<h1>[12])[\s\-/]*(?P<y1>\d{1,6})|(?P<y2>\d{1,6})[\s\-/]*h(?P<h2>[12]))$"
)
_DECADE_RE = re.compile(r"^(?:the\s+)?(?P<decade>\d{1,4}0)'?s$")
_CENTURY_RE = re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century$")
_PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


@dataclass
class _Parts:
    year: int | None = None
    two_digit_year: bool = False
    month: int | None = None
    day: int | None = None
    clock: int | None = None
    offset: int | None = None
    third: str | None = None
    season: str | None = None
    numbers: list[str] | None = None


def parse_special_span(text: str) -> ParsedDate | None:
    """Quarters, halves, decades and centuries: a span at year or month precision."""
    if m := _QUARTER_RE.match(text):
        year = int(m["y1"] or m["y2"])
        first = (int(m["q1"] or m["q2"]) - 1) * 3 + 1
        return ParsedDate(
            seconds_at(year, first), Precision.MONTH, True, seconds_at(year, first + 2)
        )
    if m := _HALF_RE.match(text):
        year = int(m["y1"] or m["y2"])
        first = 1 if (m["h1"] or m["h2"]) == "1" else 7
        return ParsedDate(
            seconds_at(year, first), Precision.MONTH, True, seconds_at(year, first + 5)
        )
    if m := _DECADE_RE.match(text):
        decade = int(m["decade"])
        return ParsedDate(seconds_at(decade), Precision.YEAR, True, seconds_at(decade + 9))
    if m := _CENTURY_RE.match(text):
        first = (int(m["n"]) - 1) * 100
        return ParsedDate(seconds_at(first), Precision.YEAR, True, seconds_at(first + 99))
    return None


def parse_words(text: str, context: DateContext, era: int | None) -> ParsedDate | YearlessDate:
    """Parse lower-cased ``text`` made of month names, numbers and times.

    ``era`` is -1 for BC, +1 for AD, None when the text named no era.
    """
    parts = _Parts()
    rest = _take_clock(text, parts)
    _take_tokens(rest, parts)
    _assign_numbers(parts, era)
    return _build(parts, context, era)


def _take_clock(text: str, parts: _Parts) -> str:
    if m := _NOON_RE.search(text):
        parts.clock = 0 if m[1] == "midnight" else 12 * 3600
        text = text[: m.start()] + " " + text[m.end() :]
    elif m := _TIME_RE.search(text):
        if m["hour"] is not None:
            parts.clock = clock_seconds(m["hour"], m["minute"], m["second"], m["ampm"])
        else:
            parts.clock = clock_seconds(m["hour24"], m["minute24"], m["second24"], None)
        text = text[: m.start()] + " " + text[m.end() :]
    if parts.clock is not None and (z := _OFFSET_RE.search(text)):
        parts.offset = zone_offset(z["zone"])
        text = text[: z.start()] + " " + text[z.end() :]
    return text


def _take_tokens(text: str, parts: _Parts) -> None:
    numbers: list[str] = []
    for token in _TOKEN_RE.findall(text.replace("-", " ")):
        word = token.rstrip(".")
        if token[0].isdigit():
            numbers.append(token)
        elif token.startswith("'"):
            parts.year, parts.two_digit_year = int(token[1:]), True
        elif word in MONTHS:
            if parts.month is not None:
                raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "two months in one date"))
            parts.month = MONTHS[word]
        elif word in WEEKDAYS or word in FILLERS:
            continue
        elif word in MONTH_THIRDS:
            parts.third = word
        elif word in SEASONS:
            parts.season = word
        elif word in TIME_ZONE_OFFSETS and parts.clock is not None:
            parts.offset = zone_offset(word)
        else:
            raise DateParseError(
                QT_TRANSLATE_NOOP("LoadMessages", "'{token}' is not part of a date we know"),
                token=token,
            )
    parts.numbers = numbers


def _assign_numbers(parts: _Parts, era: int | None) -> None:
    days: list[int] = []
    for token in parts.numbers or []:
        digits = re.sub(r"\D", "", token)
        is_ordinal = not token.isdigit()
        value = int(digits)
        if is_ordinal or (len(digits) <= 2 and value <= 31 and parts.month is not None):
            days.append(value)
        elif (
            len(digits) == 2
            and parts.month is not None
            and days
            and parts.year is None
            and era is None
        ):
            # "27 Apr 49": two digits after a day and a month are a two-digit year, as in "27 Apr 12".
            parts.year, parts.two_digit_year = value, True
        elif parts.year is None:
            parts.year = value
        else:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "two years in one date"))
    if len(days) == 2 and parts.year is None and era is None:
        # "27 Apr 12": the last number is a two-digit year.
        parts.year, parts.two_digit_year = days.pop(), True
    elif len(days) == 1 and parts.year is None and parts.month is None:
        parts.year = days.pop()  # "5 BC" style or a bare small number
    if len(days) > 1:
        raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "more numbers than a date has"))
    parts.day = days[0] if days else None


def _build(parts: _Parts, context: DateContext, era: int | None) -> ParsedDate | YearlessDate:
    if parts.season is not None or (parts.third is not None and parts.month is None):
        return _season_or_part_of_year(parts, era)
    if parts.month is None:
        if parts.year is None or parts.day is not None or parts.clock is not None:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "no month or year found"))
        return ParsedDate(seconds_at(_year(parts, context, era)), Precision.YEAR)
    if parts.day is not None and parts.third is not None:
        raise DateParseError(
            QT_TRANSLATE_NOOP("LoadMessages", "both a day and a part of the month")
        )
    precision = _precision(parts)
    if parts.year is None:
        if parts.day is None:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a month without a year"))
        return YearlessDate(
            parts.month, parts.day, parts.clock or 0, precision, offset=parts.offset
        )
    year = _year(parts, context, era)
    if parts.third is not None:
        first, last = MONTH_THIRDS[parts.third]
        last = min(last, days_in_month(year, parts.month))
        return ParsedDate(
            seconds_at(year, parts.month, first),
            Precision.DAY,
            True,
            seconds_at(year, parts.month, last),
        )
    if parts.day is None:
        return ParsedDate(seconds_at(year, parts.month), Precision.MONTH)
    start = instant(
        year, parts.month, parts.day, parts.clock or 0, parts.offset, precision, context
    )
    return ParsedDate(start, precision)


def _precision(parts: _Parts) -> Precision:
    if parts.clock is not None:
        if parts.day is None:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "a time of day without a day"))
        return Precision.TIME
    return Precision.DAY if parts.day is not None else Precision.MONTH


def _year(parts: _Parts, context: DateContext, era: int | None) -> int:
    assert parts.year is not None
    if era == -1:
        if parts.year == 0:
            raise DateParseError(QT_TRANSLATE_NOOP("LoadMessages", "there is no year 0 BC"))
        return 1 - parts.year
    if parts.two_digit_year and era is None:
        return place_two_digit_year(parts.year, context.pivot_year)
    return parts.year


def _season_or_part_of_year(parts: _Parts, era: int | None) -> ParsedDate:
    if parts.year is None or parts.month is not None or parts.day is not None:
        raise DateParseError(
            QT_TRANSLATE_NOOP(
                "LoadMessages", "a season or part of a year needs a year and no month"
            )
        )
    year = _year(parts, DateContext(), era)
    if parts.season is not None:
        first, last = SEASONS[parts.season]
    else:
        assert parts.third is not None
        first, last = _PART_OF_YEAR[parts.third]
    end_year = year + 1 if last < first else year
    return ParsedDate(seconds_at(year, first), Precision.MONTH, True, seconds_at(end_year, last))
