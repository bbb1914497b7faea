"""Zoomed in to milliseconds: the axis labels milliseconds, and events inside one second
stand apart in their order."""

from __future__ import annotations

import numpy as np

from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.timeline.timeline_widget import TimelineWidget

SECOND = seconds_at(2015, 7, 21, 20, 20, 3)


def _events() -> EventTable:
    nanos = [128_000_000, 121_000_000, 125_500_000]
    return EventTable.from_columns(
        start=[SECOND] * 3, start_ns=nanos, precision="time", title=["c", "a", "b"]
    )


def test_a_ten_millisecond_view_is_labelled_in_milliseconds(timeline: TimelineWidget, tmp_path):
    timeline.set_events(_events())
    timeline.set_time_range(SECOND + 0.120, SECOND + 0.130)
    image = timeline.grab()
    image.save(str(tmp_path / "ten_ms.png"))
    ticks = timeline.axis.ticks()
    assert len(ticks) >= 3
    gaps = np.diff([t.seconds for t in ticks])
    assert gaps.max() <= 0.005  # a tick every few milliseconds, none a whole second apart
    assert ticks[0].label.startswith("21 Jul 20:20:03.1")  # the day on the first tick
    for tick in ticks:
        millis = round(tick.seconds * 1000) % 1000
        assert tick.label.endswith(f".{millis:03d}")
    assert "20:20:03.120 – 20:20:03.130" in timeline.span_label.text()


def test_events_inside_one_second_are_drawn_in_their_order(timeline: TimelineWidget):
    timeline.set_events(_events())
    timeline.set_time_range(SECOND + 0.120, SECOND + 0.130)
    (lane,) = timeline.data.lanes
    x = lane.start + timeline.data.origin - SECOND
    assert np.allclose(x, [0.121, 0.1255, 0.128], atol=1e-6)
    titles = [timeline.data.events.text_at("title", int(i)) for i in lane.index]
    assert titles == ["a", "b", "c"]


def test_deep_time_still_draws_its_axis(timeline: TimelineWidget):
    deep = seconds_at(1950 - 13_800_000_000)
    timeline.set_events(
        EventTable.from_columns(start=[deep, SECOND], precision=["year", "time"], title=["x", "y"])
    )
    timeline.plot.grab()  # the axis chooses its ticks when it paints
    labels = [t.label for t in timeline.axis.ticks()]
    assert labels
    assert any("billion years ago" in label for label in labels)
