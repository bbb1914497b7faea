"""A filter change masks the lanes sorted once per table: the timeline then draws exactly what
arranging only the shown events afresh would draw (same lanes, order, colours, times, events)."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.timeline.timeline_data import (
    TimelineData,
    build_timeline_data,
    shown_timeline_data,
)

LANES = ["Politics", "Economy", "Science", "Culture"]


def shuffled_events(n: int = 400) -> EventTable:
    """Out of time order, with ties, spans, day precision and approximate dates mixed in."""
    rng = np.random.default_rng(7)
    start = seconds_at(2020) + rng.integers(0, 50, n) * 86_400
    end = np.where(rng.random(n) < 0.3, start + rng.integers(1, 30, n) * 86_400, -1)
    return EventTable.from_columns(
        start=start,
        end=[int(e) if e >= 0 else None for e in end],
        precision=rng.choice(["day", "time"], n).tolist(),
        approximate=rng.random(n) < 0.2,
        lane=np.array(LANES)[rng.integers(0, len(LANES), n)].tolist(),
        title=[f"Event {i}" for i in range(n)],
    )


def drawn(data: TimelineData) -> list[tuple[object, ...]]:
    """What the timeline draws from its data, in absolute seconds (the origin may differ)."""
    return [
        (
            lane.name,
            lane.colour,
            lane.index.tolist(),
            (lane.start + data.origin).tolist(),
            (lane.extent_end + data.origin).tolist(),
            lane.has_span.tolist(),
            lane.approximate.tolist(),
            lane.max_extent,
        )
        for lane in data.lanes
    ]


def assert_same_drawing(got: TimelineData, expected: TimelineData) -> None:
    assert got.events is expected.events
    assert drawn(got) == drawn(expected)  # whole seconds: exact after the origin is added back
    assert got.order.tolist() == expected.order.tolist()  # what the arrow keys step through
    assert got.x_min + got.origin == pytest.approx(expected.x_min + expected.origin)
    assert got.x_max + got.origin == pytest.approx(expected.x_max + expected.origin)


def test_a_hidden_lane_is_dropped_and_the_others_are_drawn_as_before():
    events = shuffled_events()
    whole = build_timeline_data(events)
    shown = np.flatnonzero(events.frame["lane"].to_numpy() != "Politics")
    narrowed = shown_timeline_data(whole, shown)
    assert [lane.name for lane in narrowed.lanes] == ["Economy", "Science", "Culture"]
    assert_same_drawing(narrowed, build_timeline_data(events, shown))


def test_a_date_range_keeps_only_the_events_in_it_lane_by_lane():
    events = shuffled_events()
    whole = build_timeline_data(events)
    shown = np.flatnonzero(events.overlapping(seconds_at(2020, 1, 20), seconds_at(2020, 2, 5)))
    assert 0 < len(shown) < len(events)
    assert_same_drawing(shown_timeline_data(whole, shown), build_timeline_data(events, shown))


def test_lanes_follow_the_first_shown_event_of_each_and_the_session_colours():
    events = EventTable.from_columns(
        start=[5, 1, 2, 3], precision="time", lane=["A", "B", "A", "B"], title=list("wxyz")
    )
    colours = {"A": 4, "B": 9}
    shown = np.array([1, 2, 3])  # "B" now comes first in the table of the shown events
    narrowed = shown_timeline_data(build_timeline_data(events), shown, colours)
    assert [(lane.name, lane.colour) for lane in narrowed.lanes] == [("B", 9), ("A", 4)]
    assert_same_drawing(narrowed, build_timeline_data(events, shown, colours))


def test_nothing_shown_draws_no_lane_and_everything_shown_draws_all():
    events = shuffled_events(50)
    whole = build_timeline_data(events)
    assert shown_timeline_data(whole, np.empty(0, np.int64)).lanes == []
    assert_same_drawing(shown_timeline_data(whole, None), build_timeline_data(events))


def test_indices_not_in_table_order_are_arranged_afresh():
    events = shuffled_events(50)
    shown = np.array([30, 4, 17, 2])
    narrowed = shown_timeline_data(build_timeline_data(events), shown)
    assert_same_drawing(narrowed, build_timeline_data(events, shown))


def test_the_overview_counts_the_shown_events_in_each_stretch_of_time(timeline):
    events = shuffled_events()
    shown = np.flatnonzero(events.frame["lane"].to_numpy() != "Science")
    timeline.set_events(events, shown)
    data = timeline.data
    starts = np.concatenate([lane.start for lane in data.lanes])
    expected, _ = np.histogram(starts, bins=400, range=(data.x_min, data.x_max))
    _, heights = timeline.overview.density.getData()
    assert np.expm1(heights) == pytest.approx(expected)


def test_the_filters_flags_mask_the_lanes_as_the_indices_do():
    from viewer.model.event_filter import filtered
    from viewer.timeline.timeline_data import build_timeline_data, shown_timeline_data

    rng = np.random.default_rng(3)
    events = EventTable.from_columns(
        start=rng.integers(0, 10**6, 500), lane=[f"L{k}" for k in rng.integers(0, 4, 500)]
    )
    whole = build_timeline_data(events)
    indices, flags = filtered(events, {"L1"}, (1e5, 8e5))
    by_flags = shown_timeline_data(whole, indices, None, flags)
    by_indices = shown_timeline_data(whole, indices, None)
    assert [lane.name for lane in by_flags.lanes] == [lane.name for lane in by_indices.lanes]
    for a, b in zip(by_flags.lanes, by_indices.lanes, strict=True):
        np.testing.assert_array_equal(a.index, b.index)
        np.testing.assert_array_equal(a.start, b.start)
    assert "L1" not in [lane.name for lane in by_flags.lanes]
