"""Sub-second times: read from every written form, kept beside whole seconds, written back
as the file had them; deep time is untouched."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model.date_parsing import parse_date
from viewer.model.date_wording import CHINESE, ENGLISH
from viewer.model.event_table import EventTable
from viewer.model.instants import format_iso, fraction_text, seconds_at
from viewer.model.parsed_date import DateContext, ParsedDate

JULY_21 = seconds_at(2015, 7, 21, 20, 20, 3)


@pytest.mark.parametrize(
    ("text", "seconds", "nanos"),
    [
        ("2015-07-21T20:20:03.123456Z", JULY_21, 123_456_000),
        ("2015-07-21 20:20:03,5", JULY_21, 500_000_000),
        ("2015-07-21T22:20:03.123456789+02:00", JULY_21, 123_456_789),
        ("2015-07-21T20:20:03.1234567891Z", JULY_21, 123_456_789),  # a clock cuts, not rounds
        ("07/21/2015 20:20:03.250", JULY_21, 250_000_000),
        ("1437510003123", JULY_21, 123_000_000),  # epoch milliseconds
        ("1437510003123456", JULY_21, 123_456_000),  # microseconds (Timesketch, Chrome)
        ("1437510003123456789", JULY_21, 123_456_789),  # nanoseconds
        ("1437510003.123456", JULY_21, 123_456_000),  # Zeek's ts: seconds with a fraction
        ("-1.5e9", -1_500_000_000, 0),
    ],
)
def test_a_written_fraction_of_a_second_is_kept(text, seconds, nanos):
    parsed = parse_date(text)
    assert isinstance(parsed, ParsedDate)
    assert (parsed.start, parsed.start_ns) == (seconds, nanos)


def test_a_negative_epoch_with_a_fraction_counts_back_from_1970():
    parsed = parse_date("-1.25e9")
    assert isinstance(parsed, ParsedDate)
    assert (parsed.start, parsed.start_ns) == (-1_250_000_000, 0)
    parsed = parse_date("-1250000000.25")
    assert isinstance(parsed, ParsedDate)
    # 0.25 s before -1,250,000,000: the second before it, 0.75 s in.
    assert (parsed.start, parsed.start_ns) == (-1_250_000_001, 750_000_000)


def test_a_naive_fraction_is_shifted_by_the_columns_zone_with_its_second():
    from zoneinfo import ZoneInfo

    parsed = parse_date("2015-07-21 22:20:03.75", DateContext(tz=ZoneInfo("Europe/Berlin")))
    assert isinstance(parsed, ParsedDate)
    assert (parsed.start, parsed.start_ns) == (JULY_21, 750_000_000)


def test_a_range_keeps_the_fractions_of_both_ends():
    parsed = parse_date("2015-07-21T20:20:03.1Z – 2015-07-21T20:20:04.2Z")
    assert isinstance(parsed, ParsedDate)
    assert (parsed.start, parsed.start_ns) == (JULY_21, 100_000_000)
    assert (parsed.end, parsed.end_ns) == (JULY_21 + 1, 200_000_000)


def test_an_excel_rounded_epoch_has_no_made_up_fraction():
    parsed = parse_date("1.54224E+12")
    assert isinstance(parsed, ParsedDate)
    assert parsed.approximate
    assert parsed.start_ns == 0


@pytest.mark.parametrize(
    ("nanos", "text"),
    [(0, ""), (120_000_000, ".120"), (123_456_000, ".123456"), (1, ".000000001")],
)
def test_fractions_are_written_in_groups_of_three_digits(nanos, text):
    assert fraction_text(nanos) == text


def test_iso_text_carries_the_fraction_and_deep_time_stays_whole():
    deep = parse_date("13.8 billion years ago")
    assert isinstance(deep, ParsedDate)
    texts = format_iso([JULY_21, deep.start], [123_456_000, 0])
    assert texts[0] == "2015-07-21T20:20:03.123456"
    assert texts[1] == "-13799998050-01-01T00:00:00"  # 1950 minus 13.8 billion years
    for text, nanos in zip(texts, (123_456_000, 0), strict=True):
        again = parse_date(text)
        assert isinstance(again, ParsedDate)
        assert again.start_ns == nanos


def test_time_order_follows_the_fraction_within_a_second_and_deep_time_comes_first():
    deep = parse_date("13.8 billion years ago")
    assert isinstance(deep, ParsedDate)
    table = EventTable.from_columns(
        start=[JULY_21, JULY_21, deep.start, JULY_21],
        start_ns=[354_563_000, 354_562_000, 0, 354_562_500],
        title=["c", "a", "big bang", "b"],
        precision=["time", "time", "year", "time"],
    )
    order = table.order.time_order()
    assert [table.text_at("title", int(i)) for i in order] == ["big bang", "a", "b", "c"]
    sorted_table = table.sorted_by_time()
    assert sorted_table.start_ns.tolist() == [0, 354_562_000, 354_562_500, 354_563_000]


def test_a_span_keeps_its_end_fraction_and_a_point_has_none():
    table = EventTable.from_columns(
        start=[JULY_21, JULY_21],
        end=np.array([JULY_21, None], dtype=object),
        start_ns=[100, 200],
        end_ns=[900, 999],
        precision="time",
    )
    assert table.end_or_start_ns().tolist() == [900, 200]
    assert table.event(0).end_ns == 900
    assert table.event(1).end_ns == 0


def test_the_details_date_shows_the_fraction_in_both_languages():
    when = ENGLISH.when(JULY_21, None, "time", False, start_ns=123_456_000)
    assert when == "21 Jul 2015 20:20:03.123456 UTC (time)"
    assert "20:20:03.123456" in CHINESE.when(JULY_21, None, "time", False, start_ns=123_456_000)
    # Two instants in one second are a span, not one instant.
    span = ENGLISH.when(JULY_21, JULY_21, "time", False, start_ns=1_000_000, end_ns=9_000_000)
    assert span == "21 Jul 2015 20:20:03.001 UTC – 21 Jul 2015 20:20:03.009 UTC (time)"


def test_a_view_under_two_seconds_is_written_to_the_millisecond():
    assert ENGLISH.span(JULY_21 + 0.120, JULY_21 + 0.130) == (
        "21 Jul 2015 20:20:03.120 – 20:20:03.130"
    )
    assert CHINESE.span(JULY_21 + 0.120, JULY_21 + 0.130) == (
        "2015年7月21日 20:20:03.120 – 20:20:03.130"
    )
