"""A click, a hover or a cluster click is answered from the layout of what is shown now, even
when nothing has been painted since the data or the range changed."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

import viewer.timeline.events_item as events_item_module
import viewer.timeline.timeline_widget as timeline_widget_module
from viewer.io.loading import load_file
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.timeline.events_item import EventsItem
from viewer.timeline.timeline_layout import (
    COUNT_BUCKET_PX,
    DENSITY_PX,
    LANE_PAD_PX,
    MARK_LIMIT,
    ROW_PX,
)
from viewer.timeline.timeline_widget import TimelineWidget

SAMPLE = "data/sample_timeline_en.csv"
JURY = "Jury selection begins in Musk v. OpenAI"


class CountingEventsItem(EventsItem):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paint(self, painter, option, widget=None) -> None:
        self.paints += 1
        super().paint(painter, option, widget)


@pytest.fixture
def timeline(monkeypatch, make_timeline):
    monkeypatch.setattr(timeline_widget_module, "EventsItem", CountingEventsItem)
    return make_timeline()


def click(widget: TimelineWidget, point: QPointF) -> None:
    """Press and release, delivered at once: no event loop turn, so no paint, in between."""
    viewport = widget.plot.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(
            kind, point, viewport.mapToGlobal(point), left, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)


def view_to_device(widget: TimelineWidget, x: float, y: float) -> QPointF:
    """Where a view point is on screen, from the view box's place and range alone (not from the
    item, whose transform may be that of the last paint)."""
    box = widget.plot.viewportTransform().mapRect(widget.view_box.sceneBoundingRect())
    (x0, x1), (y0, y1) = widget.view_box.viewRange()
    return QPointF(
        box.left() + (x - x0) / (x1 - x0) * box.width(),
        box.top() + (y - y0) / (y1 - y0) * box.height(),  # the first lane at the top
    )


def first_row_dot(widget: TimelineWidget, index: int, lane: int) -> QPointF:
    """Where the dot of an event in its lane's first row is."""
    x = float(widget.data.events.frame["start"].iat[index]) - widget.data.origin
    top = view_to_device(widget, x, widget.lane_axis.lane_top(lane))
    return QPointF(top.x() + 1, top.y() + LANE_PAD_PX + ROW_PX / 2)


def jury(widget: TimelineWidget) -> int:
    return int(np.flatnonzero(widget.data.events.frame["title"] == JURY)[0])


def test_a_click_on_a_never_painted_timeline_selects_the_event_under_it(timeline, qtbot):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 20), seconds_at(2026, 7, 1))
    item = timeline.events_item
    painted = item.paints
    target = jury(timeline)
    with qtbot.waitSignal(timeline.event_selected) as selected:
        click(timeline, first_row_dot(timeline, target, lane=1))
    assert item.paints == painted, "the click was answered without a paint"
    assert selected.args == [target]


def test_a_click_after_a_range_change_uses_the_new_range_not_the_last_paint(timeline, qtbot):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 20), seconds_at(2026, 7, 1))
    timeline.plot.grab()
    target = jury(timeline)
    before = first_row_dot(timeline, target, lane=1)
    timeline.set_time_range(seconds_at(2026, 4, 25), seconds_at(2026, 5, 5))
    item = timeline.events_item
    painted = item.paints
    after = first_row_dot(timeline, target, lane=1)
    assert abs(after.x() - before.x()) > 100  # the mark moved on screen
    with qtbot.waitSignal(timeline.event_selected) as selected:
        click(timeline, after)
    assert item.paints == painted
    assert selected.args == [target]
    assert item.event_at(before) is None
    assert "Musk v. OpenAI" in item.tooltip_at(after)


def test_a_cluster_click_zooms_in_before_any_paint(timeline):
    rng = np.random.default_rng(1)
    n = MARK_LIMIT * 4
    starts = np.sort(rng.integers(seconds_at(2025), seconds_at(2026), n))
    timeline.set_events(EventTable.from_columns(start=starts, precision="time", title=["x"] * n))
    item = timeline.events_item
    painted = item.paints
    x0, x1 = (t - timeline.data.origin for t in timeline.time_range())
    left, right = view_to_device(timeline, x0, 0).x(), view_to_device(timeline, x1, 0).x()
    middle = view_to_device(timeline, x0, DENSITY_PX / 2).y()
    click(timeline, QPointF(left + 3.5 * COUNT_BUCKET_PX, middle))
    assert item.paints == painted
    start, end = timeline.time_range()
    span = (x1 - x0) / (right - left)  # view seconds per pixel before the click
    origin = timeline.data.origin
    assert start - origin == pytest.approx(x0 + 3 * COUNT_BUCKET_PX * span, rel=0.01)
    assert end - origin == pytest.approx(x0 + 4 * COUNT_BUCKET_PX * span, rel=0.01)


def test_paint_and_hit_testing_share_one_layout_per_view(timeline, monkeypatch):
    calls = []
    original = events_item_module.layout_timeline

    def counting(*args):
        calls.append(args[1])
        return original(*args)

    monkeypatch.setattr(events_item_module, "layout_timeline", counting)
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 20), seconds_at(2026, 7, 1))
    calls.clear()
    target = jury(timeline)
    assert timeline.events_item.event_at(first_row_dot(timeline, target, lane=1)) == target
    assert len(calls) <= 1  # the widget may have laid out this view already, to size the lanes
    laid_out = len(calls)
    timeline.plot.grab()
    timeline.events_item.layout.marks()
    timeline.events_item.set_selected(target)  # drawn differently, laid out the same
    timeline.plot.grab()
    assert len(calls) == laid_out


def test_search_matches_are_a_mask_over_the_events(timeline):
    events = load_file(SAMPLE).events
    timeline.set_events(events)
    item = timeline.events_item
    item.set_highlighted(np.array([4, 1, 1]))
    assert item.highlighted.tolist() == [1, 4]
    shown = np.array([0, 1, 2])
    timeline.set_events(events, shown, keep_view=True)  # a filter hides some: the matches stay
    assert item.highlighted.tolist() == [1, 4]
    item.set_highlighted(np.empty(0, np.int64))
    assert item.highlighted.tolist() == []
