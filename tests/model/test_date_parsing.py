"""Every written date form the issue lists, read the way a user would expect."""

from __future__ import annotations

import datetime as dt

import pytest

from viewer.model.date_parsing import parse_date
from viewer.model.instants import seconds_at
from viewer.model.parsed_date import DateContext, DateParseError, ParsedDate, YearlessDate
from viewer.model.precision import Precision

YEAR, MONTH, DAY, TIME = Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.TIME
# Two-digit years are read as at or before the file's era; these tests fix that era at 2026.
CONTEXT = DateContext(pivot_year=2026)
APRIL_27_0950 = seconds_at(2026, 4, 27, 9, 50)  # 1_777_283_400

# (text, start, precision, approximate, end)
FORMS = [
    # ISO 8601, with offsets converted to UTC; naive times stay as written.
    ("2026-04-27", seconds_at(2026, 4, 27), DAY, False, None),
    ("2026-04-27T10:30:00", seconds_at(2026, 4, 27, 10, 30), TIME, False, None),
    ("2026-04-27 10:30", seconds_at(2026, 4, 27, 10, 30), TIME, False, None),
    ("2026-04-27T10:30:00Z", seconds_at(2026, 4, 27, 10, 30), TIME, False, None),
    ("2026-04-27T10:30:00+02:00", seconds_at(2026, 4, 27, 8, 30), TIME, False, None),
    ("2026-04-27T10:30:00-05:30", seconds_at(2026, 4, 27, 16, 0), TIME, False, None),
    ("2026-04-27T01:00:00+0200", seconds_at(2026, 4, 26, 23, 0), TIME, False, None),
    ("2026-04-27T10:30:00.123456+00:00", seconds_at(2026, 4, 27, 10, 30), TIME, False, None),
    ("2026-04", seconds_at(2026, 4), MONTH, False, None),
    # Dates in English words.
    ("April 27, 2026", seconds_at(2026, 4, 27), DAY, False, None),
    ("27 Apr 2026", seconds_at(2026, 4, 27), DAY, False, None),
    ("Apr 27 2026 3pm", seconds_at(2026, 4, 27, 15), TIME, False, None),
    ("Monday, 27 April 2026 3:45 PM", seconds_at(2026, 4, 27, 15, 45), TIME, False, None),
    # Numeric dates: year first, day first with a first field above 12, two-digit years.
    ("2026/4/27", seconds_at(2026, 4, 27), DAY, False, None),
    ("27.04.2026", seconds_at(2026, 4, 27), DAY, False, None),
    ("27/04/2026", seconds_at(2026, 4, 27), DAY, False, None),
    ("04/27/2026", seconds_at(2026, 4, 27), DAY, False, None),
    ("10/10/49", seconds_at(1949, 10, 10), DAY, False, None),
    ("10/10/26", seconds_at(2026, 10, 10), DAY, False, None),
    ("10/10/27", seconds_at(1927, 10, 10), DAY, False, None),
    # Months and years alone.
    ("May 2026", seconds_at(2026, 5), MONTH, False, None),
    ("2030", seconds_at(2030), YEAR, False, None),
    # Eras: BC is astronomical year 1 - n; a plain negative year is BC; signed ISO is astronomical.
    ("55 BC", seconds_at(-54), YEAR, False, None),
    ("479BC", seconds_at(-478), YEAR, False, None),
    ("44 BCE", seconds_at(-43), YEAR, False, None),
    ("1 BC", seconds_at(0), YEAR, False, None),
    ("AD 43", seconds_at(43), YEAR, False, None),
    ("-44", seconds_at(-43), YEAR, False, None),
    ("15 March 44 BC", seconds_at(-43, 3, 15), DAY, False, None),
    ("-0043-03-15", seconds_at(-43, 3, 15), DAY, False, None),
    ("-0043", seconds_at(-43), YEAR, False, None),  # ISO-padded: astronomical, as above
    # Alternatives and ranges whose era is written once, at the end.
    ("1 or 2 BC", seconds_at(-1), YEAR, True, seconds_at(0)),
    ("2 or 1 BC", seconds_at(-1), YEAR, True, seconds_at(0)),
    ("1849 or 1850", seconds_at(1849), YEAR, True, seconds_at(1850)),
    ("490–479 BC", seconds_at(-489), YEAR, False, seconds_at(-478)),
    ("c. 490–479 BCE", seconds_at(-489), YEAR, True, seconds_at(-478)),
    ("27 BC – AD 14", seconds_at(-26), YEAR, False, seconds_at(14)),
    ("10–15 March 44 BC", seconds_at(-43, 3, 10), DAY, False, seconds_at(-43, 3, 15)),
    ("3 or 4 May 1850", seconds_at(1850, 5, 3), DAY, True, seconds_at(1850, 5, 4)),
    ("ca. 30 AD", seconds_at(30), YEAR, True, None),
    # Excel's scientific notation of epoch milliseconds, rounded to hours: approximate.
    ("1.54224E+12", 1_542_240_000, TIME, True, None),
    ("1.542240000123E+12", 1_542_240_000, TIME, False, None),
    ("+10000-01-01", seconds_at(10_000), DAY, False, None),
    # Years below 1000 stay where they are.
    ("383", seconds_at(383), YEAR, False, None),
    ("12 Mar 383", seconds_at(383, 3, 12), DAY, False, None),
    # Approximate forms and spans.
    ("circa 1850", seconds_at(1850), YEAR, True, None),
    ("ca. 1850", seconds_at(1850), YEAR, True, None),
    ("1850?", seconds_at(1850), YEAR, True, None),
    ("c. 383", seconds_at(383), YEAR, True, None),
    ("c. 2026-05-31", seconds_at(2026, 5, 31), DAY, True, None),
    ("early June 2026", seconds_at(2026, 6, 1), DAY, True, seconds_at(2026, 6, 10)),
    ("mid-June 2026", seconds_at(2026, 6, 11), DAY, True, seconds_at(2026, 6, 20)),
    ("late June 2026", seconds_at(2026, 6, 21), DAY, True, seconds_at(2026, 6, 30)),
    ("late February 2026", seconds_at(2026, 2, 21), DAY, True, seconds_at(2026, 2, 28)),
    ("Q2 2026", seconds_at(2026, 4), MONTH, True, seconds_at(2026, 6)),
    ("spring 2026", seconds_at(2026, 3), MONTH, True, seconds_at(2026, 5)),
    ("winter 2026", seconds_at(2026, 12), MONTH, True, seconds_at(2027, 2)),
    ("1850s", seconds_at(1850), YEAR, True, seconds_at(1859)),
    ("Between 47 and 50", seconds_at(47), YEAR, True, seconds_at(50)),
    # Chinese forms, Minguo years, eras, approximate.
    ("2026年4月27日", seconds_at(2026, 4, 27), DAY, False, None),
    ("2026年4月", seconds_at(2026, 4), MONTH, False, None),
    ("2026年", seconds_at(2026), YEAR, False, None),
    ("２０２６年４月２７日", seconds_at(2026, 4, 27), DAY, False, None),
    ("民國105年7月29日", seconds_at(2016, 7, 29), DAY, False, None),
    ("公元前44年", seconds_at(-43), YEAR, False, None),
    ("约1850年", seconds_at(1850), YEAR, True, None),
    ("约2026-05-31", seconds_at(2026, 5, 31), DAY, True, None),
    ("2026年6月中旬", seconds_at(2026, 6, 11), DAY, True, seconds_at(2026, 6, 20)),
    ("2026年第二季度", seconds_at(2026, 4), MONTH, True, seconds_at(2026, 6)),
    ("2026年春", seconds_at(2026, 3), MONTH, True, seconds_at(2026, 5)),
    ("1850年代", seconds_at(1850), YEAR, True, seconds_at(1859)),
    # Epoch time, told apart by magnitude: seconds, milliseconds, microseconds, nanoseconds.
    ("1777283400", APRIL_27_0950, TIME, False, None),
    ("1777283400000", APRIL_27_0950, TIME, False, None),
    ("1777283400000000", APRIL_27_0950, TIME, False, None),
    ("1777283400000000000", APRIL_27_0950, TIME, False, None),
    # Deep time, counted back from 1950 (Before Present).
    ("13.8 billion years ago", seconds_at(1950 - 13_800_000_000), YEAR, True, None),
    ("138亿年前", seconds_at(1950 - 13_800_000_000), YEAR, True, None),
    ("65 million years ago", seconds_at(1950 - 65_000_000), YEAR, True, None),
]


def start_of(text: str, context: DateContext = CONTEXT) -> int:
    parsed = parse_date(text, context)
    assert isinstance(parsed, ParsedDate)
    return parsed.start


@pytest.mark.parametrize(
    ("text", "start", "precision", "approximate", "end"), FORMS, ids=[f[0] for f in FORMS]
)
def test_written_dates_are_placed_with_their_precision_and_certainty(
    text: str, start: int, precision: Precision, approximate: bool, end: int | None
) -> None:
    parsed = parse_date(text, CONTEXT)
    assert isinstance(parsed, ParsedDate)
    assert (parsed.start, parsed.precision, parsed.approximate, parsed.end) == (
        start,
        precision,
        approximate,
        end,
    )


@pytest.mark.parametrize(
    ("text", "month", "day", "clock"),
    [("27 Apr", 4, 27, 0), ("4月27日", 4, 27, 0), ("April 27 3pm", 4, 27, 15 * 3600)],
)
def test_dates_without_a_year_are_left_for_the_caller_to_place(
    text: str, month: int, day: int, clock: int
) -> None:
    parsed = parse_date(text, CONTEXT)
    assert isinstance(parsed, YearlessDate)
    assert (parsed.month, parsed.day, parsed.clock) == (month, day, clock)


def test_day_first_context_reads_ambiguous_numeric_dates_as_day_month() -> None:
    assert start_of("01/02/2026", DateContext(day_first=True)) == seconds_at(2026, 2, 1)
    assert start_of("01/02/2026", DateContext(day_first=False)) == seconds_at(2026, 1, 2)


def test_a_first_field_above_twelve_is_a_day_whatever_the_context_says() -> None:
    assert start_of("13/02/2026", DateContext(day_first=False)) == seconds_at(2026, 2, 13)


def test_two_digit_years_follow_the_files_era() -> None:
    # A file whose latest date is 1999 reads 10/10/49 as 1949 and 10/10/99 as 1999.
    context = DateContext(pivot_year=1999)
    assert start_of("10/10/49", context) == seconds_at(1949, 10, 10)
    assert start_of("10/10/99", context) == seconds_at(1999, 10, 10)


def test_naive_times_are_converted_when_the_context_names_a_time_zone() -> None:
    context = DateContext(tz=dt.timezone(dt.timedelta(hours=2)))
    assert start_of("2026-07-01 12:00", context) == seconds_at(2026, 7, 1, 10)
    # A time that names its own offset keeps it; a day has no time to convert.
    assert start_of("2026-07-01T12:00Z", context) == seconds_at(2026, 7, 1, 12)
    assert start_of("2026-07-01", context) == seconds_at(2026, 7, 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "banana",
        "N/A",
        "Still in office",
        "Reagan admin",
        "2026-02-29",
        "Feb 30 2026",
        "31/31/2026",
        "2026-13-01",
        "25:00",
        "0 BC",
        "2026-04-27T10:30:00+25:00",
        "???",
    ],
)
def test_text_that_is_not_a_date_raises_an_error_with_a_reason(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, CONTEXT)
    assert caught.value.reason.strip()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("300000000000-01-01", "year is too far from the present"),
        ("-300000000000-01-01T10:00", "year is too far from the present"),
        ("May 99999999999999999999", "year is too far from the present"),
        ("9" * 5000, "a number with too many digits for a date"),
        ("123456789012345678901", "a number too large for a timestamp"),
    ],
)
def test_a_date_beyond_what_an_instant_holds_is_refused_with_a_reason(
    text: str, reason: str
) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.reason == reason
