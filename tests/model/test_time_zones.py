"""Zones written after a date, as one text: Twitter's created_at, offsets without a colon,
abbreviations with their offset (NOAA's CST-6), tz database names with daylight saving time."""

from __future__ import annotations

import pytest

from viewer.model.date_parsing import parse_date
from viewer.model.instants import seconds_at
from viewer.model.parsed_date import DateContext, DateParseError, ParsedDate
from viewer.model.precision import Precision

DEFAULT = DateContext()


def at(text: str, context: DateContext = DEFAULT) -> int:
    parsed = parse_date(text, context)
    assert isinstance(parsed, ParsedDate)
    return parsed.start


def utc(year: int, month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> int:
    return seconds_at(year, month, day) + hour * 3600 + minute * 60 + second


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue Jul 21 20:20:03 +0800 2015", utc(2015, 7, 21, 12, 20, 3)),  # Twitter's created_at
        ("2015-07-21T20:20:03-0500", utc(2015, 7, 22, 1, 20, 3)),
        ("2015-07-21 20:20:03 UTC+8", utc(2015, 7, 21, 12, 20, 3)),
        ("21-MAR-21 22:35:00 CST-6", utc(2021, 3, 22, 4, 35)),
        ("28-OCT-06 13:15:00 GST10", utc(2006, 10, 28, 3, 15)),  # Guam, UTC+10
        ("2015-07-21 10:00 Europe/Berlin", utc(2015, 7, 21, 8)),  # summer time
        ("2015-12-21 10:00 Europe/Berlin", utc(2015, 12, 21, 9)),
        ("07/21/2015 10:00 America/New_York", utc(2015, 7, 21, 14)),
    ],
)
def test_zoned_texts_are_converted_to_utc(text: str, expected: int) -> None:
    assert at(text) == expected


def test_a_day_with_a_zone_stays_that_day() -> None:
    parsed = parse_date("2015-07-21 Asia/Shanghai")
    assert isinstance(parsed, ParsedDate)
    assert (parsed.start, parsed.precision) == (seconds_at(2015, 7, 21), Precision.DAY)


def test_an_abbreviation_read_otherwise_by_the_column_uses_that_reading() -> None:
    china = DateContext(zone_readings=(("cst", "+08:00"),))
    assert at("Tue Jul 21 20:20:03 CST 2015") == utc(2015, 7, 22, 2, 20, 3)  # US Central
    assert at("Tue Jul 21 20:20:03 CST 2015", china) == utc(2015, 7, 21, 12, 20, 3)


def test_an_unknown_tz_database_name_is_a_reason_in_words() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("2015-07-21 10:00 Mars/Olympus_Mons")
    assert caught.value.reason == "unknown time zone Mars/Olympus_Mons"
