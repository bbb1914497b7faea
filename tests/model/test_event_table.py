"""The event table's accessors: the one place callers get ends, spans, subsets and events."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at


def _table() -> EventTable:
    return EventTable.from_columns(
        start=[seconds_at(2026, 4, 27), seconds_at(2026, 4, 1), seconds_at(2026)],
        end=[None, seconds_at(2026, 5, 31), None],
        precision=["day", "day", "year"],
        title=["Jury selection", "AWS deal", "The year"],
        excerpt=["Nine jurors", "", "MUSK v. OpenAI"],
        lane=["Trial", "Cloud", "Trial"],
        source="story.csv",
    )


def test_a_span_ends_at_its_end_and_a_point_at_its_start():
    table = _table()
    assert table.has_end().tolist() == [False, True, False]
    assert table.end_or_start().tolist() == [
        seconds_at(2026, 4, 27), seconds_at(2026, 5, 31), seconds_at(2026)
    ]  # fmt: skip


def test_drawn_extents_reach_the_end_of_the_period_each_date_names():
    table = _table()
    assert table.last_instants().tolist() == [
        seconds_at(2026, 4, 28), seconds_at(2026, 6, 1), seconds_at(2027)
    ]  # fmt: skip
    assert table.time_bounds() == (seconds_at(2026), seconds_at(2027))


def test_filters_by_lane_by_dates_and_by_text():
    table = _table()
    assert table.in_lanes(["Trial"]).tolist() == [True, False, True]
    may = (seconds_at(2026, 5, 1), seconds_at(2026, 5, 10))
    assert table.overlapping(*may).tolist() == [False, True, False]
    assert table.containing("musk").tolist() == [False, False, True]  # excerpts too, any case


def test_one_event_and_a_subset_keep_every_field():
    table = _table()
    event = table.event(1)
    assert (event.title, event.end, event.lane, event.source, event.row) == (
        "AWS deal", seconds_at(2026, 5, 31), "Cloud", "story.csv", 3
    )  # fmt: skip
    part = table.subset(np.array([2, 0]))
    assert part.texts("title") == ["The year", "Jury selection"]
    assert table.find("story.csv", 4) == 2
    assert table.find("story.csv", 99) is None


def test_lane_counts_follow_first_appearance():
    assert _table().lane_counts() == [("Trial", 2), ("Cloud", 1)]


def test_every_index_is_each_event_once_in_order_and_cannot_be_changed():
    events = EventTable.from_columns(start=[5, 1, 3], title=["a", "b", "c"])
    every = events.order.every_index()
    assert every.tolist() == [0, 1, 2]
    assert events.order.every_index() is every  # made once: the filters and views share it
    with pytest.raises(ValueError, match="read-only"):
        every[0] = 2
    assert events.order.ascending(every)
    assert events.order.ascending(np.array([0, 2]))
    assert not events.order.ascending(np.array([2, 0]))
    assert not events.order.ascending(np.array([1, 1]))


def test_rows_are_in_file_order_for_one_file_but_not_after_an_earlier_one():
    one = EventTable.from_columns(start=[1, 2, 3], row=[2, 3, 4])
    assert one.order.rows_ascending()
    two = EventTable.concat([one, EventTable.from_columns(start=[0], row=[2], source="b.csv")])
    assert not two.order.rows_ascending()


def test_merged_tables_keep_each_events_source_and_list_the_names_sorted():
    ab = EventTable.concat(
        [
            EventTable.from_columns(start=[1, 2], title=["a1", "a2"], source="z.csv"),
            EventTable.from_columns(start=[3], title=["b1"], source="b.csv"),
        ]
    )
    bc = EventTable.concat(
        [
            EventTable.from_columns(start=[4], title=["c1"], source="c.csv"),
            EventTable.from_columns(start=[5], title=["b2"], source="b.csv"),
        ]
    )
    merged = EventTable.concat([ab, bc])
    assert merged.source_names() == ["b.csv", "c.csv", "z.csv"]
    assert merged.sources_at(np.arange(5)) == ["z.csv", "z.csv", "b.csv", "c.csv", "b.csv"]
    assert merged.texts("title") == ["a1", "a2", "b1", "c1", "b2"]
    assert merged.frame["source"].dtype == "category"
