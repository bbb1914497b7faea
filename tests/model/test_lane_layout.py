"""Where events are drawn: each lane's events in time order, at their own times, whichever way
the layout was built (few lanes or many) or wherever it came from (checked before use)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from viewer.model import lane_layout
from viewer.model.event_table import EventTable
from viewer.model.lane_layout import DamagedLayout, LaneLayout


def random_table(seed: int, lanes: int, n: int = 400) -> EventTable:
    rng = np.random.default_rng(seed)
    start = rng.integers(1_700_000_000, 1_700_000_000 + 50, n)  # many ties
    has_end = rng.random(n) < 0.3
    end = np.where(has_end, start + rng.integers(0, 100_000, n), 0)
    return EventTable.from_columns(
        start=start,
        end=[int(e) if h else None for e, h in zip(end, has_end, strict=True)],
        start_ns=rng.integers(0, 3, n) * 250_000_000,
        precision=rng.choice(["year", "month", "day", "time"], n).tolist(),
        approximate=rng.random(n) < 0.2,
        title=[f"event {i}" for i in range(n)],
        lane=[f"lane {k}" for k in rng.integers(0, lanes, n)],
    )


def expected_lanes(events: EventTable) -> dict[str, list[int]]:
    """Each lane's events sorted by (start, sub-second, file row): the order a reader expects."""
    order = np.lexsort((events.rows(), events.start_ns, events.start))
    lanes: dict[str, list[int]] = {}
    for i in order.tolist():
        lanes.setdefault(events.text_at("lane", i), []).append(i)
    return lanes


@pytest.mark.parametrize("lanes", [1, 5, 30])  # 30: the many-lanes way (one sort by lane)
@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("two_threads", [False, True])  # True: as a table of millions is laid out
def test_each_lane_holds_its_events_in_time_order_at_their_own_times(
    lanes: int, seed: int, two_threads: bool, monkeypatch: pytest.MonkeyPatch
):
    if two_threads:
        monkeypatch.setattr(lane_layout, "_TWO_THREADS_FROM", 0)
    events = random_table(seed, lanes)
    layout = events.lane_layout()
    got = {name: layout.index[layout.lane(k)].tolist() for k, name in enumerate(layout.names)}
    assert got == expected_lanes(events)
    assert list(layout.names) == events.lanes  # in order of first appearance
    seconds = events.start[layout.index] - layout.origin + events.start_ns[layout.index] * 1e-9
    np.testing.assert_allclose(layout.start, seconds, rtol=0, atol=1e-6)
    drawn_end = events.last_instants()[layout.index] - layout.origin
    np.testing.assert_allclose(np.floor(layout.extent_end + 1e-6), drawn_end, rtol=0, atol=0)
    np.testing.assert_array_equal(layout.has_span, events.has_end()[layout.index])
    np.testing.assert_array_equal(layout.approximate, events.approximate()[layout.index])
    for k in range(len(layout.names)):
        part = layout.lane(k)
        extent = layout.extent_end[part] - layout.start[part]
        assert layout.max_extent[k] == extent.max()
        assert layout.last_end[k] == layout.extent_end[part].max()
    np.testing.assert_array_equal(
        layout.time_order, np.lexsort((events.rows(), events.start_ns, events.start))
    )


def test_the_time_bounds_read_from_the_layout_are_those_of_the_events():
    events = random_table(3, 4)
    before = events.time_bounds()
    events.lane_layout()
    assert events.time_bounds() == before


def test_one_files_table_is_shown_as_it_is_with_its_layout():
    events = random_table(4, 3)
    layout = events.lane_layout()
    merged = EventTable.concat([events])
    assert merged.lane_layout() is layout
    two = EventTable.concat([events, random_table(5, 2)])
    assert len(two) == 2 * len(events)
    assert two.lane_layout() is not layout


def damaged(layout: LaneLayout, **changes: object) -> LaneLayout:
    return dataclasses.replace(layout, **changes)


def test_a_layout_that_cannot_be_the_tables_is_refused():
    events = random_table(6, 3)
    good = events.lane_layout()
    n = len(events)
    index_past_end = good.index.copy()
    index_past_end[0] = n
    backwards = good.start.copy()
    backwards[[0, 1]] = backwards[[1, 0]] + np.array([0.0, 1.0])
    bad_code = good.codes.copy()
    bad_code[3] = len(good.names)
    for layout in (
        damaged(good, index=index_past_end),
        damaged(good, index=good.index[:-1]),
        damaged(good, offsets=good.offsets[:-1]),
        damaged(good, offsets=np.array([0, 5, 3, n])),
        damaged(good, start=backwards),
        damaged(good, codes=bad_code),
        damaged(good, time_order=good.time_order - 1),
    ):
        fresh = EventTable(events.frame)
        with pytest.raises(DamagedLayout):
            fresh.adopt_layout(layout)
        assert not fresh.has_layout
    fresh = EventTable(events.frame)
    fresh.adopt_layout(good)
    assert fresh.lane_layout() is good
    np.testing.assert_array_equal(fresh.order.time_order(), good.time_order)


def test_a_step_back_anywhere_in_a_lane_is_found_but_a_new_lane_may_start_earlier(monkeypatch):
    # The order is read a few events at a time: a step back across two slices counts too.
    monkeypatch.setattr(lane_layout, "_SLICE", 4)
    events = random_table(8, 2, n=40)
    good = events.lane_layout()
    assert good.checked(len(events)) is good  # lane 2 starts before lane 1 ends
    first, second = good.offsets[1], len(events)
    assert good.start[first] < good.start[first - 1]
    for at in [*range(1, first), *range(first + 1, second)]:
        backwards = good.start.copy()
        backwards[at] = backwards[at - 1] - 1.0
        with pytest.raises(DamagedLayout):
            damaged(good, start=backwards).checked(len(events))


def test_an_empty_table_has_an_empty_layout():
    layout = EventTable.empty().lane_layout()
    assert len(layout) == 0
    assert layout.names == ()
    assert layout.checked(0) is layout


def test_points_in_time_end_where_they_start_and_carry_no_span():
    rng = np.random.default_rng(7)
    start = rng.integers(1_700_000_000, 1_700_100_000, 1_000)
    events = EventTable.from_columns(
        start=start, precision="time", lane=[f"host {k}" for k in rng.integers(0, 3, 1_000)]
    )
    layout = events.lane_layout()
    np.testing.assert_array_equal(layout.start, start[layout.index] - layout.origin)
    np.testing.assert_array_equal(layout.extent_end, layout.start)
    assert not layout.has_span.any()
    assert not layout.approximate.any()
    assert layout.max_extent.tolist() == [0.0, 0.0, 0.0]
    assert events.time_bounds() == (int(start.min()), int(start.max()))


@pytest.mark.parametrize("n", [1, 2, 7, 400])
def test_x_is_measured_from_the_median_start(n: int) -> None:
    events = random_table(9, 3, n=n)
    assert events.lane_layout().origin == int(np.median(events.start))
