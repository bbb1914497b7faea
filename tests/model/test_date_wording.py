"""Dates written for people (axis, span line, details panel, pictures): pure functions, no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from viewer.model.date_wording import (
    CHINESE,
    DEEP_BEFORE_YEAR,
    ENGLISH,
    is_deep,
    wording_for,
)
from viewer.model.instants import seconds_at


@pytest.mark.parametrize(
    ("seconds", "precision", "expected"),
    [
        (seconds_at(2026, 4, 27), "day", "27 Apr 2026"),
        (seconds_at(2026, 4, 1), "month", "Apr 2026"),
        (seconds_at(2030), "year", "2030"),
        (seconds_at(2026, 4, 27, 9), "time", "27 Apr 2026 09:00 UTC"),
        (seconds_at(2026, 4, 27, 9, 5, 7), "time", "27 Apr 2026 09:05:07 UTC"),
        (seconds_at(1969, 7, 20, 20, 17), "time", "20 Jul 1969 20:17 UTC"),
        (seconds_at(-43), "year", "44 BC"),
        (seconds_at(-43, 3, 15), "day", "15 Mar 44 BC"),
        (seconds_at(0), "year", "1 BC"),
        (seconds_at(-9_999), "year", "10,000 BC"),
        (seconds_at(12_000), "year", "12,000"),
    ],
)
def test_an_instant_is_written_to_its_precision(seconds, precision, expected):
    assert ENGLISH.instant(seconds, precision) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (-13_799_999_999, "13.8 billion years ago"),
        (1950 - 4_540_000_000, "4.54 billion years ago"),
        (1950 - 66_000_000, "66 million years ago"),
        (1950 - 300_000, "300,000 years ago"),
        (1950 - 12_050, "12,050 years ago"),
    ],
)
def test_deep_time_years_read_as_years_ago(year, expected):
    assert ENGLISH.instant(seconds_at(year), "year") == expected


def test_the_precision_follows_the_date_in_brackets():
    assert ENGLISH.when(seconds_at(2026, 4, 27), None, "day", False) == "27 Apr 2026 (day)"
    assert ENGLISH.when(seconds_at(2026, 4, 1), None, "month", False) == "Apr 2026 (month)"
    assert ENGLISH.when(seconds_at(-43), None, "year", False) == "44 BC (year)"


def test_an_approximate_date_says_so():
    assert ENGLISH.when(seconds_at(2030), None, "year", True) == "2030 (year, approximate)"
    deep = ENGLISH.when(seconds_at(-13_799_999_999), None, "year", True)
    assert deep == "13.8 billion years ago (year, approximate)"


def test_a_span_shows_both_ends_at_the_precision():
    start, end = seconds_at(2026, 4, 27), seconds_at(2026, 5, 31)
    assert ENGLISH.when(start, end, "day", False) == "27 Apr 2026 – 31 May 2026 (day)"
    bc = ENGLISH.when(seconds_at(-43), seconds_at(14), "year", False)
    assert bc == "44 BC – 14 (year)"
    clock = ENGLISH.when(seconds_at(2026, 4, 27, 9), seconds_at(2026, 4, 27, 17, 30), "time", False)
    assert clock == "27 Apr 2026 09:00 UTC – 27 Apr 2026 17:30 UTC (time)"


def test_an_end_that_reads_like_the_start_is_left_out():
    start = seconds_at(2026, 4, 27, 9)
    assert ENGLISH.when(start, start, "day", False) == "27 Apr 2026 (day)"
    assert ENGLISH.when(start, seconds_at(2026, 4, 27, 18), "day", False) == "27 Apr 2026 (day)"


def test_precision_words_can_be_translated():
    words = {"day": "日", "approximate": "约"}
    assert ENGLISH.when(seconds_at(2026, 4, 27), None, "day", True, words) == "27 Apr 2026 (日, 约)"


def years_ago(n: int) -> int:
    return seconds_at(1950 - n)


@pytest.mark.parametrize(
    ("year", "text"),
    [
        (1969, "1969"),
        (43, "43"),
        (1, "1"),
        (0, "1 BC"),
        (-43, "44 BC"),
        (-3499, "3500 BC"),
        (-9999, "10,000 BC"),
        (10_000, "10,000"),
    ],
)
def test_years_read_in_historical_numbering(year, text):
    assert ENGLISH.year(year) == text


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (seconds_at(2026, 4, 27, 9), seconds_at(2026, 4, 27, 17, 30), "27 Apr 2026 09:00 – 17:30"),
        (
            seconds_at(2026, 4, 27, 22),
            seconds_at(2026, 4, 28, 6),
            "27 Apr 22:00 – 28 Apr 2026 06:00",
        ),
        (seconds_at(2026, 4, 2), seconds_at(2026, 6, 28), "2 Apr – 28 Jun 2026"),
        (seconds_at(2026, 4, 1), seconds_at(2026, 12, 30), "Apr – Dec 2026"),
        (seconds_at(2025, 11, 1), seconds_at(2027, 2, 1), "Nov 2025 – Feb 2027"),
        (seconds_at(-43), seconds_at(14), "44 BC – AD 14"),
        (seconds_at(-499), seconds_at(-43), "500 – 44 BC"),
        (seconds_at(1969), seconds_at(2026), "1969 – 2026"),
        (
            years_ago(13_800_000_000),
            years_ago(4_600_000_000),
            "13.8 billion – 4.6 billion years ago",
        ),
        (years_ago(312_345), years_ago(12_000), "312,000 – 12,000 years ago"),
        (years_ago(4_600_000_000), seconds_at(2026), "4.6 billion years ago – 2026"),
        # A far future end names its era at the scale of the other end.
        (
            years_ago(14_100_000_000),
            seconds_at(276_002_067),
            "14.1 billion years ago – AD 276 million",
        ),
        (years_ago(14_100_000_000), seconds_at(12_000), "14.1 billion years ago – AD 12,000"),
    ],
)
def test_span_descriptions_are_short_and_natural(start, end, text):
    assert ENGLISH.span(start, end) == text


@pytest.mark.parametrize(
    ("seconds", "precision", "expected"),
    [
        (seconds_at(2026, 4, 27), "day", "2026年4月27日"),
        (seconds_at(2026, 4, 1), "month", "2026年4月"),
        (seconds_at(2030), "year", "2030年"),
        (seconds_at(2026, 4, 27, 9, 5, 7), "time", "2026年4月27日 09:05:07 UTC"),
        (seconds_at(-43), "year", "公元前44年"),
        (seconds_at(0), "year", "公元前1年"),
        (seconds_at(-13_799_999_999), "year", "138亿年前"),
        (seconds_at(1950 - 300_000), "year", "30万年前"),
    ],
)
def test_in_chinese_an_instant_is_written_the_chinese_way(seconds, precision, expected):
    assert CHINESE.instant(seconds, precision) == expected


def test_in_chinese_approximate_is_a_prefix_and_the_precision_follows_in_brackets():
    words = {"year": "年", "day": "日", "approximate": "约"}
    assert CHINESE.when(seconds_at(2026), None, "year", True, words) == "约2026年（年）"
    start, end = seconds_at(2026, 4, 27), seconds_at(2026, 5, 31)
    assert CHINESE.when(start, end, "day", False, words) == "2026年4月27日 – 2026年5月31日（日）"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (
            seconds_at(2026, 4, 27, 9),
            seconds_at(2026, 4, 27, 17, 30),
            "2026年4月27日 09:00 – 17:30",
        ),
        (
            seconds_at(2026, 4, 27, 22),
            seconds_at(2026, 4, 29, 6),
            "2026年4月27日 22:00 – 2026年4月29日 06:00",
        ),
        (seconds_at(2026, 4, 20), seconds_at(2026, 5, 10), "2026年4月20日 – 2026年5月10日"),
        (seconds_at(2025, 1, 1), seconds_at(2027, 1, 1), "2025年1月 – 2027年1月"),
        (seconds_at(-60), seconds_at(10), "公元前61年 – 10年"),
        (years_ago(13_800_000_000), years_ago(4_600_000_000), "138亿年前 – 46亿年前"),
        (years_ago(312_345), years_ago(12_000), "31.2万年前 – 1.2万年前"),
        (years_ago(4_600_000_000), seconds_at(2026), "46亿年前 – 2026年"),
        (years_ago(14_100_000_000), seconds_at(276_002_067), "141亿年前 – 公元2.76亿年"),
        (years_ago(14_100_000_000), seconds_at(12_000), "141亿年前 – 公元1.2万年"),
    ],
)
def test_in_chinese_the_span_line_reads_the_chinese_way(start, end, text):
    assert CHINESE.span(start, end) == text


def test_a_span_that_is_not_finite_is_not_written():
    assert ENGLISH.span(0, float("nan")) == CHINESE.span(float("inf"), 0) == ""


def test_the_interface_language_picks_the_wording():
    assert wording_for("zh_CN") is CHINESE
    assert wording_for("zh_TW") is CHINESE
    assert wording_for("en") is ENGLISH
    assert wording_for("de_DE") is ENGLISH


def test_one_threshold_starts_deep_time_for_the_axis_the_span_line_and_the_details():
    deep, calendar = seconds_at(DEEP_BEFORE_YEAR - 1), seconds_at(DEEP_BEFORE_YEAR)
    assert is_deep(deep)
    assert not is_deep(calendar)
    assert ENGLISH.instant(deep, "year") == "11,950 years ago"
    assert ENGLISH.instant(calendar, "year") == "10,000 BC"
    assert ENGLISH.span(deep, deep + 10**11).endswith("years ago")
    assert ENGLISH.span(calendar, calendar + 10**11).endswith("BC")


def test_the_date_wording_imports_without_qt_or_pyqtgraph():
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph'): sys.modules[name] = None\n"
        "from viewer.model.date_wording import ENGLISH\n"
        "print(ENGLISH.when(0, None, 'day', False))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 Jan 1970 (day)"
