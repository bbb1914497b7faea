"""Event dates written out for the details panel: pure functions, no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from viewer.model.instants import seconds_at
from viewer.ui.event_dates import describe_instant, describe_when


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
    assert describe_instant(seconds, precision) == expected


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
    assert describe_instant(seconds_at(year), "year") == expected


def test_the_precision_follows_the_date_in_brackets():
    assert describe_when(seconds_at(2026, 4, 27), None, "day", False) == "27 Apr 2026 (day)"
    assert describe_when(seconds_at(2026, 4, 1), None, "month", False) == "Apr 2026 (month)"
    assert describe_when(seconds_at(-43), None, "year", False) == "44 BC (year)"


def test_an_approximate_date_says_so():
    assert describe_when(seconds_at(2030), None, "year", True) == "2030 (year, approximate)"
    deep = describe_when(seconds_at(-13_799_999_999), None, "year", True)
    assert deep == "13.8 billion years ago (year, approximate)"


def test_a_span_shows_both_ends_at_the_precision():
    start, end = seconds_at(2026, 4, 27), seconds_at(2026, 5, 31)
    assert describe_when(start, end, "day", False) == "27 Apr 2026 – 31 May 2026 (day)"
    bc = describe_when(seconds_at(-43), seconds_at(14), "year", False)
    assert bc == "44 BC – 14 (year)"
    clock = describe_when(
        seconds_at(2026, 4, 27, 9), seconds_at(2026, 4, 27, 17, 30), "time", False
    )
    assert clock == "27 Apr 2026 09:00 UTC – 27 Apr 2026 17:30 UTC (time)"


def test_an_end_that_reads_like_the_start_is_left_out():
    start = seconds_at(2026, 4, 27, 9)
    assert describe_when(start, start, "day", False) == "27 Apr 2026 (day)"
    assert describe_when(start, seconds_at(2026, 4, 27, 18), "day", False) == "27 Apr 2026 (day)"


def test_precision_words_can_be_translated():
    words = {"day": "日", "approximate": "约"}
    assert (
        describe_when(seconds_at(2026, 4, 27), None, "day", True, words) == "27 Apr 2026 (日, 约)"
    )


def test_the_date_wording_imports_without_qt_or_pyqtgraph():
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph'): sys.modules[name] = None\n"
        "from viewer.ui.event_dates import describe_when\n"
        "print(describe_when(0, None, 'day', False))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 Jan 1970 (day)"
