from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from viewer.model.date_wording import CHINESE, ENGLISH
from viewer.model.instants import seconds_at
from viewer.timeline.tick_spacing import Tick, choose_ticks

MIN_GAP = 12


def seven_px_per_char(label: str) -> float:
    return 7.0 * len(label)


def years_ago(n: int) -> int:
    return seconds_at(1950 - n)


def assert_well_formed(ticks: list[Tick], start: float, end: float, width: float) -> None:
    seconds = [t.seconds for t in ticks]
    assert seconds == sorted(set(seconds)), "ticks strictly increase"
    assert all(start <= s <= end for s in seconds), "ticks lie inside the span"
    px_per_second = width / (end - start)
    for t in ticks:
        half = seven_px_per_char(t.label) / 2
        assert half <= (t.seconds - start) * px_per_second <= width - half, (
            "labels lie whole inside"
        )
    for a, b in itertools.pairwise(ticks):
        gap = (b.seconds - a.seconds) * px_per_second
        needed = (seven_px_per_char(a.label) + seven_px_per_char(b.label)) / 2 + MIN_GAP
        assert gap >= needed - 1e-6, f"{a.label!r} and {b.label!r} overlap"


SCALES = [
    # (name, start, end, width, a label that must appear, a regex every label matches)
    (
        "seconds",
        seconds_at(2026, 4, 27, 9, 0, 0),
        seconds_at(2026, 4, 27, 9, 0, 40),
        800,
        "27 Apr 09:00:05",  # 09:00:00 sits on the edge, so the next label carries the day
        r"(27 Apr )?09:00:\d\d",
    ),
    (
        "hours",
        seconds_at(2026, 4, 27, 8, 0),
        seconds_at(2026, 4, 27, 17, 30),
        800,
        "27 Apr 09:00",
        r"(27 Apr )?\d\d:00",
    ),
    (
        "days",
        seconds_at(2026, 4, 20),
        seconds_at(2026, 5, 10),
        1200,
        "27 Apr",
        r"\d{1,2} (Apr|May)( 2026)?",
    ),
    (
        "months",
        seconds_at(2026, 1, 15),
        seconds_at(2026, 11, 15),
        1200,
        "Apr 2026",
        r"[A-Z][a-z]{2} 2026",
    ),
    ("years", seconds_at(1960), seconds_at(1980), 1200, "1969", r"19\d\d"),
    ("decades", seconds_at(1900), seconds_at(2000), 800, "1950", r"19\d0|2000"),
    ("around AD 1", seconds_at(-60), seconds_at(-30), 800, "44 BC", r"\d\d BC"),
    ("centuries", seconds_at(-1000), seconds_at(1000), 1600, "500 BC", r"\d+( BC)?"),
    ("millennium BC", seconds_at(-3999), seconds_at(-2999), 800, "3500 BC", r"\d{4} BC"),
    (
        "palaeolithic",
        years_ago(350_000),
        years_ago(250_000),
        800,
        "300,000 years ago",
        r"\d{3},000 years ago",
    ),
    (
        "millions of years",
        years_ago(5_000_000),
        years_ago(4_000_000),
        1200,
        "4.6 million years ago",
        r"[\d.]+ million years ago",
    ),
    (
        "billions of years",
        years_ago(14_200_000_000),
        years_ago(13_400_000_000),
        1600,
        "13.8 billion years ago",
        r"[\d.]+ billion years ago",
    ),
    ("far future", seconds_at(10_000), seconds_at(100_000), 800, "50,000", r"\d+,000"),
]


@pytest.mark.parametrize(
    ("start", "end", "width", "expected", "pattern"),
    [case[1:] for case in SCALES],
    ids=[case[0] for case in SCALES],
)
def test_each_scale_has_readable_ticks_in_its_own_words(start, end, width, expected, pattern):
    ticks = choose_ticks(start, end, width, seven_px_per_char, MIN_GAP)
    labels = [t.label for t in ticks]
    assert len(ticks) >= 2
    assert_well_formed(ticks, start, end, width)
    assert expected in labels
    for label in labels:
        assert re.fullmatch(pattern, label), label


def test_month_and_year_ticks_sit_on_calendar_boundaries():
    months = choose_ticks(seconds_at(2023, 1, 15), seconds_at(2026, 11, 15), 1600, len)
    assert {t.seconds for t in months} <= {
        seconds_at(y, m) for y in range(2023, 2027) for m in range(1, 13)
    }
    years = choose_ticks(seconds_at(-2000), seconds_at(1000), 800, seven_px_per_char)
    assert {t.seconds for t in years} <= {seconds_at(y) for y in range(-2000, 1001)}


def test_bc_ticks_fall_on_round_bc_numbers_not_round_astronomical_ones():
    ticks = choose_ticks(seconds_at(-1200), seconds_at(-200), 600, seven_px_per_char)
    assert "1000 BC" in [t.label for t in ticks]
    assert Tick(float(seconds_at(-999)), "1000 BC") in ticks


def test_the_finest_step_that_fits_is_chosen():
    start, end = seconds_at(1959, 7, 1), seconds_at(1980, 7, 1)
    wide = choose_ticks(start, end, 1600, seven_px_per_char)
    narrow = choose_ticks(start, end, 300, seven_px_per_char)
    assert len(wide) == 21  # every year
    assert 2 <= len(narrow) < len(wide)


def test_weeks_start_on_mondays():
    ticks = choose_ticks(seconds_at(2026, 2, 26), seconds_at(2026, 5, 1), 800, seven_px_per_char)
    assert [t.label for t in ticks[:2]] == ["2 Mar 2026", "9 Mar"]  # 2 March 2026 is a Monday


def test_the_day_is_shown_on_the_first_whole_label_and_where_it_changes():
    start, end = seconds_at(2026, 4, 26, 20), seconds_at(2026, 4, 28, 4)
    labels = [t.label for t in choose_ticks(start, end, 1600, seven_px_per_char)]
    assert labels[0] == "26 Apr 22:00"  # 20:00 is on the left edge, where its label would not fit
    assert "27 Apr 00:00" in labels
    assert "28 Apr 00:00" in labels


@pytest.mark.parametrize(
    ("start", "end"),
    [(0.0, 0.0), (5.0, 5.0), (float("nan"), 1.0), (0.0, float("inf"))],
)
def test_degenerate_spans_give_no_ticks(start, end):
    assert choose_ticks(start, end, 800, seven_px_per_char) == []


def test_half_a_second_between_whole_seconds_is_ticked_in_milliseconds():
    ticks = choose_ticks(0.2, 0.7, 800, seven_px_per_char)
    assert len(ticks) >= 2
    assert all(0.2 <= t.seconds <= 0.7 for t in ticks)
    assert ticks[0].label.startswith("1 Jan 00:00:00.")  # the day on the first tick
    assert all(t.label.split(".")[-1].isdigit() for t in ticks)


def test_a_zero_width_axis_gives_no_ticks():
    assert choose_ticks(0, 3600, 0, seven_px_per_char) == []


def test_reversed_spans_are_accepted():
    start, end = seconds_at(1960), seconds_at(1980)
    assert choose_ticks(end, start, 800, len) == choose_ticks(start, end, 800, len)


@pytest.mark.parametrize(
    ("start", "end", "english", "chinese"),
    [
        (
            seconds_at(2026, 4, 27, 9),
            seconds_at(2026, 4, 27, 9, 1),
            "27 Apr 09:00:10",
            "4月27日 09:00:10",
        ),
        (seconds_at(2026, 4, 20), seconds_at(2026, 5, 10), "27 Apr 2026", "2026年4月23日"),
        (seconds_at(2026, 4, 2), seconds_at(2026, 6, 28), "May 2026", "2026年5月"),
        (seconds_at(-60), seconds_at(10), "55 BC", "公元前50年"),
        (years_ago(13_800_000_000), years_ago(4_600_000_000), "12 billion years ago", "130亿年前"),
    ],
)
def test_the_axis_writes_its_first_tick_in_the_wording_it_is_given(start, end, english, chinese):
    def first_label(wording):
        ticks = choose_ticks(start, end, 700, lambda s: 7.0 * len(s), 12, wording=wording)
        return ticks[0].label

    assert first_label(ENGLISH) == english
    assert first_label(CHINESE) == chinese


UNIVERSE = -4.4e17  # a little before the Big Bang, in seconds since 1970
FAR_FUTURE = float(seconds_at(100_000))


@settings(max_examples=300, deadline=None)
@given(
    start=st.floats(UNIVERSE, FAR_FUTURE),
    log_span=st.floats(0.0, 17.6),
    width=st.floats(300, 1600),
)
def test_labels_never_overlap_at_any_span_or_width(start, log_span, width):
    end = start + 10**log_span
    assume(end > start)  # far from 1970, float64 cannot hold a one-second span
    ticks = choose_ticks(start, end, width, seven_px_per_char, MIN_GAP)
    assert_well_formed(ticks, start, end, width)
    if end - start >= max(2.0, abs(start) * 1e-12):  # and well above float64's resolution
        assert ticks, "a span of two seconds or more always has a tick"
