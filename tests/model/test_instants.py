"""Instants: int64 seconds since 1970 UTC on the proleptic Gregorian calendar, astronomical years."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.date_parsing import parse_date
from viewer.model.instants import (
    SECONDS_PER_DAY,
    civil_from_days,
    civil_from_seconds,
    days_from_civil,
    days_in_month,
    format_iso,
    is_valid_civil,
    seconds_at,
)
from viewer.model.parsed_date import ParsedDate

# The range the issue asks for: the Big Bang to the year 100,000.
FIRST_YEAR = -13_800_000_000
LAST_YEAR = 100_000
FIRST_DAY = int(days_from_civil(FIRST_YEAR, 1, 1))
LAST_DAY = int(days_from_civil(LAST_YEAR, 12, 31))

years = st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR)
days = st.integers(min_value=FIRST_DAY, max_value=LAST_DAY)


@st.composite
def civil_dates(draw: st.DrawFn) -> tuple[int, int, int]:
    year = draw(years)
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in_month(year, month)))
    return year, month, day


def test_the_epoch_is_day_zero_and_second_zero() -> None:
    assert int(days_from_civil(1970, 1, 1)) == 0
    assert seconds_at(1970) == 0
    assert seconds_at(2026, 4, 27) == 1_777_248_000


@given(civil_dates())
@settings(max_examples=300, deadline=None)
def test_any_civil_date_in_range_round_trips_through_days(date: tuple[int, int, int]) -> None:
    year, month, day = date
    back = civil_from_days(days_from_civil(year, month, day))
    assert tuple(int(part) for part in back) == date


@given(days)
@settings(max_examples=300, deadline=None)
def test_any_day_number_in_range_round_trips_through_civil(day_number: int) -> None:
    assert int(days_from_civil(*civil_from_days(day_number))) == day_number


@given(days)
@settings(max_examples=200, deadline=None)
def test_consecutive_day_numbers_are_consecutive_calendar_days(day_number: int) -> None:
    year, month, day = (int(p) for p in civil_from_days(day_number))
    next_year, next_month, next_day = (int(p) for p in civil_from_days(day_number + 1))
    if day < days_in_month(year, month):
        assert (next_year, next_month, next_day) == (year, month, day + 1)
    elif month < 12:
        assert (next_year, next_month, next_day) == (year, month + 1, 1)
    else:
        assert (next_year, next_month, next_day) == (year + 1, 1, 1)


@given(st.dates())
@settings(max_examples=200, deadline=None)
def test_days_agree_with_pythons_calendar_for_years_1_to_9999(date: dt.date) -> None:
    expected = (date - dt.date(1970, 1, 1)).days
    assert int(days_from_civil(date.year, date.month, date.day)) == expected


def test_the_extremes_of_the_range_are_exact() -> None:
    for year in (FIRST_YEAR, LAST_YEAR):
        y, m, d = civil_from_days(days_from_civil(year, 12, 31))
        assert (int(y), int(m), int(d)) == (year, 12, 31)


def test_conversions_work_on_whole_arrays() -> None:
    years_ = np.array([-13_800_000_000, -43, 0, 1970, 2026, 100_000])
    back = civil_from_days(days_from_civil(years_, 3, 15))
    assert back[0].tolist() == years_.tolist()
    assert back[1].tolist() == [3] * 6
    assert back[2].tolist() == [15] * 6


@given(st.integers(FIRST_DAY * SECONDS_PER_DAY, LAST_DAY * SECONDS_PER_DAY + SECONDS_PER_DAY - 1))
@settings(max_examples=200, deadline=None)
def test_seconds_split_into_civil_parts_and_back(seconds: int) -> None:
    parts = [int(p) for p in civil_from_seconds(seconds)]
    assert seconds_at(*parts) == seconds
    assert 0 <= parts[3] < 24
    assert 0 <= parts[4] < 60
    assert 0 <= parts[5] < 60


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        ((2026, 4, 27), "2026-04-27T00:00:00"),
        ((2026, 4, 27, 15, 4, 5), "2026-04-27T15:04:05"),
        ((-43, 3, 15), "-0043-03-15T00:00:00"),
        ((-1, 1, 1), "-0001-01-01T00:00:00"),
        ((0, 1, 1), "0000-01-01T00:00:00"),
        ((43, 1, 1), "0043-01-01T00:00:00"),
        ((9999, 12, 31, 23, 59, 59), "9999-12-31T23:59:59"),
        ((10_000, 1, 1), "+10000-01-01T00:00:00"),
        ((100_000, 12, 31), "+100000-12-31T00:00:00"),
        ((-13_800_000_000, 1, 1), "-13800000000-01-01T00:00:00"),
    ],
)
def test_iso_text_has_four_digit_years_and_a_sign_beyond_0000_to_9999(
    parts: tuple[int, ...], text: str
) -> None:
    assert format_iso(seconds_at(*parts)) == [text]


def test_format_iso_keeps_the_order_of_mixed_arrays() -> None:
    seconds = [seconds_at(2026, 4, 27), seconds_at(-43, 3, 15), seconds_at(10_000)]
    assert format_iso(seconds) == [
        "2026-04-27T00:00:00",
        "-0043-03-15T00:00:00",
        "+10000-01-01T00:00:00",
    ]


@given(st.integers(FIRST_DAY * SECONDS_PER_DAY, LAST_DAY * SECONDS_PER_DAY + SECONDS_PER_DAY - 1))
@settings(max_examples=200, deadline=None)
def test_iso_text_of_any_instant_parses_back_to_the_same_instant(seconds: int) -> None:
    (text,) = format_iso(seconds)
    parsed = parse_date(text)
    assert isinstance(parsed, ParsedDate)
    assert parsed.start == seconds


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(2024, 2, 29), (2000, 2, 29), (0, 2, 29), (-4, 2, 29), (2026, 12, 31), (2026, 4, 30)],
)
def test_real_calendar_days_are_valid(year: int, month: int, day: int) -> None:
    assert bool(is_valid_civil(year, month, day))


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(2026, 2, 29), (1900, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 1), (2026, 1, 0)],
)
def test_days_that_do_not_exist_are_invalid(year: int, month: int, day: int) -> None:
    assert not bool(is_valid_civil(year, month, day))


def test_validity_is_checked_element_by_element() -> None:
    valid = is_valid_civil([2024, 2026, 2026], [2, 2, 3], [29, 29, 31])
    assert valid.tolist() == [True, False, True]
