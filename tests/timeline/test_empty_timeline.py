"""With nothing loaded the timeline says how to begin, instead of an empty axis at 1970."""

from __future__ import annotations

from viewer.io.loading import load_file
from viewer.model.event_table import EventTable

SAMPLE = "data/sample_timeline_en.csv"


def test_with_no_events_the_plot_says_how_to_open_files_and_shows_no_axis(timeline):
    message = timeline.empty_message
    assert message.isVisible()
    assert "drop" in message.text()
    centre = message.mapTo(timeline.plot, message.rect().center())
    plot_centre = timeline.plot.rect().center()
    assert abs(centre.x() - plot_centre.x()) <= 2
    assert abs(centre.y() - plot_centre.y()) <= 2
    assert not timeline.plot.getPlotItem().getAxis("bottom").isVisible()
    assert not timeline.overview.isVisible()
    assert not timeline.now_line.isVisible()  # no dashed line through the message


def test_the_message_goes_when_events_come_and_returns_when_they_go(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    assert not timeline.empty_message.isVisible()
    assert timeline.plot.getPlotItem().getAxis("bottom").isVisible()
    assert timeline.overview.isVisible()
    timeline.set_events(EventTable.empty())
    assert timeline.empty_message.isVisible()
