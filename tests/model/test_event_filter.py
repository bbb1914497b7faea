"""The filters' one rule: lanes not hidden, within the dates asked for; the flags the views
mask with say the same as the indices."""

from __future__ import annotations

import numpy as np

from viewer.model.event_filter import filtered, shown_events
from viewer.model.event_table import EventTable

DAY = 86_400


def table() -> EventTable:
    return EventTable.from_columns(
        start=[0, DAY, 2 * DAY, 3 * DAY, 4 * DAY],
        precision="day",
        title=["a", "b", "c", "d", "e"],
        lane=["Court", "Press", "Court", "", "Press"],
    )


def test_hidden_lanes_and_a_date_range_leave_the_other_events():
    events = table()
    assert shown_events(events, {"Press"}, None).tolist() == [0, 2, 3]
    assert shown_events(events, set(), (DAY, 3 * DAY)).tolist() == [1, 2, 3]
    assert shown_events(events, {"Court", ""}, (DAY, 5 * DAY)).tolist() == [1, 4]


def test_the_flags_are_the_indices_and_none_means_every_event():
    events = table()
    indices, flags = filtered(events, set(), None)
    assert flags is None
    assert indices.tolist() == [0, 1, 2, 3, 4]
    for hidden, dates in (({"Press"}, None), ({""}, (0, 2 * DAY)), (set(), (3 * DAY, 9 * DAY))):
        indices, flags = filtered(events, hidden, dates)
        assert flags is not None
        np.testing.assert_array_equal(np.flatnonzero(flags), indices)
