"""Relative dates are recognised as such, and the parser never reads them as years."""

from __future__ import annotations

import pytest

from viewer.model.date_parsing import parse_date
from viewer.model.instants import seconds_at
from viewer.model.parsed_date import DateParseError, YearlessDate
from viewer.model.precision import Precision
from viewer.model.relative_dates import read_relative

CRAWL = seconds_at(2026, 4, 28, 10, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday 04:44", seconds_at(2026, 4, 27, 4, 44)),
        ("Yesterday at 4:44 pm", seconds_at(2026, 4, 27, 16, 44)),
        ("today", seconds_at(2026, 4, 28)),
        ("3 hours ago", seconds_at(2026, 4, 28, 7, 0)),
        ("an hour ago", seconds_at(2026, 4, 28, 9, 0)),
        ("2 days ago", seconds_at(2026, 4, 26, 10, 0)),
        ("昨天 04:44", seconds_at(2026, 4, 27, 4, 44)),
        ("今天 09:15", seconds_at(2026, 4, 28, 9, 15)),
        ("前天", seconds_at(2026, 4, 26)),
        ("5分钟前", seconds_at(2026, 4, 28, 9, 55)),
        ("2小时前", seconds_at(2026, 4, 28, 8, 0)),
        ("刚刚", CRAWL),
    ],
)
def test_relative_dates_count_from_the_reference(text: str, expected: int) -> None:
    relative = read_relative(text)
    assert relative is not None
    assert relative.counted_from(CRAWL) == expected


def test_a_whole_day_is_day_precise_and_a_clock_time_is_a_time() -> None:
    assert read_relative("yesterday").precision == Precision.DAY  # type: ignore[union-attr]
    assert read_relative("昨天 04:44").precision == Precision.TIME  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["2026-04-27", "4月27日", "in 3 hours", "yesterday 25:00", "Monday"]
)
def test_other_text_is_no_relative_date(text: str) -> None:
    assert read_relative(text) is None


@pytest.mark.parametrize("text", ["5分钟前", "昨天 04:44", "3 hours ago", "today"])
def test_the_parser_refuses_relative_dates_instead_of_reading_a_year(text: str) -> None:
    with pytest.raises(DateParseError, match="relative"):
        parse_date(text)  # "5分钟前" once read as the year 5


def test_zero_padded_month_and_day_are_a_date_without_a_year() -> None:
    assert parse_date("03-27") == YearlessDate(3, 27, 0, Precision.DAY)
    assert parse_date("04-27 12:30") == YearlessDate(4, 27, 45_000, Precision.TIME)
