"""Lanes as tall as their content: a reader sees every event of a small file, scrolls through
lanes that need more height than the view has, and folds a lane to one row."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at


def news(n: int, lanes: int, days: int, seed: int = 0) -> EventTable:
    """Two small news files' worth: n events over a few weeks in several lanes."""
    rng = np.random.default_rng(seed)
    start = seconds_at(2026, 4, 13) + np.sort(rng.integers(0, days * 86_400, n))
    return EventTable.from_columns(
        start=start,
        precision="time",
        lane=[f"Desk {i % lanes}" for i in range(n)],
        title=[f"Story {i} about the trial" for i in range(n)],
    )


def whole_titles(widget) -> set[int]:
    layout = widget.events_item.layout
    return {
        title.index
        for lane in layout.lanes
        if lane.marks is not None
        for title in lane.marks.titles
        if title.text == widget.data.title(title.index)
    }


def lane_name_y(widget, number: int) -> float:
    """Where the lane axis writes a lane's name, in view y."""
    return widget.lane_axis._tickLevels[0][number][0]


def test_24_events_in_11_lanes_are_all_drawn_with_their_titles_at_the_default_size(timeline):
    table = news(24, 11, 21)
    timeline.set_events(table)
    timeline.plot.grab()
    layout = timeline.events_item.layout
    assert sorted(layout.marks()[3].tolist()) == list(range(24))
    assert whole_titles(timeline) == set(range(24))
    assert all(not lane.marks.badges for lane in layout.lanes)


def test_lanes_that_need_more_height_than_the_view_scroll_and_keep_their_names_beside_them(
    timeline, qtbot
):
    timeline.set_events(news(400, 12, 7))
    timeline.plot.grab()
    bar = timeline.lane_scroll_bar
    assert bar.isEnabled()
    assert bar.maximum() > 0
    last_lane = len(timeline.data.lanes) - 1
    (_, (y0, y1)) = timeline.view_box.viewRange()
    assert lane_name_y(timeline, last_lane) > y1  # the last lane is below the view
    timeline.setFocus()
    for _ in range(40):
        qtbot.keyClick(timeline, Qt.Key.Key_PageDown)
    (_, (y0, y1)) = timeline.view_box.viewRange()
    assert timeline.lane_scroll == bar.maximum() == bar.value()
    assert y0 <= lane_name_y(timeline, last_lane) <= y1  # scrolled to the end, name and all
    lane = timeline.events_item.layout.lanes[last_lane]
    assert y0 <= lane.top
    assert lane.top + lane.height <= y1 + 1
    qtbot.keyClick(timeline, Qt.Key.Key_PageUp)
    assert timeline.lane_scroll < bar.maximum()
    bar.setValue(0)
    assert timeline.view_box.viewRange()[1][0] == 0


def wheel(widget, delta: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = widget.plot.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def test_shift_wheel_scrolls_the_lanes_and_the_plain_wheel_still_zooms_in_time(timeline):
    timeline.set_events(news(400, 12, 7))
    timeline.plot.grab()
    span = np.subtract(*timeline.time_range())
    wheel(timeline, -120, Qt.KeyboardModifier.ShiftModifier)
    assert timeline.lane_scroll > 0
    assert np.subtract(*timeline.time_range()) == span
    scrolled = timeline.lane_scroll
    wheel(timeline, 120)
    assert timeline.lane_scroll == scrolled
    assert abs(np.subtract(*timeline.time_range())) < abs(span)


def test_clicking_a_lane_name_folds_the_lane_to_one_row_and_clicking_again_unfolds_it(
    timeline, qtbot
):
    starts = [seconds_at(2026, 4, 27, 9)] * 5 + [seconds_at(2026, 4, 28, 9)]
    table = EventTable.from_columns(
        start=starts, precision="time", lane=["Court"] * 5 + ["Cloud"], title=["Jury"] * 6
    )
    timeline.set_events(table)
    timeline.plot.grab()
    court = timeline.events_item.layout.lanes[0]
    assert court.marks.rows == 5
    axis = timeline.lane_axis
    name_at = axis.mapToScene(QPointF(axis.width() / 2, 0))
    name_at.setY(timeline.view_box.mapViewToScene(QPointF(0, lane_name_y(timeline, 0))).y())
    point = timeline.plot.mapFromScene(name_at)
    qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert timeline.collapsed_lanes == {"Court"}
    folded = timeline.events_item.layout.lanes[0]
    assert folded.marks.rows == 1
    assert folded.height < court.height
    assert axis._tickLevels[0][0][1].startswith("▸")
    assert len(folded.marks.index) == 5  # every mark still drawn, on one row
    point.setY(timeline.plot.mapFromScene(
        timeline.view_box.mapViewToScene(QPointF(0, lane_name_y(timeline, 0)))
    ).y())  # fmt: skip
    qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert timeline.collapsed_lanes == set()
    assert timeline.events_item.layout.lanes[0].marks.rows == 5


def test_stepping_to_an_event_in_a_lane_scrolled_away_brings_its_row_into_view(timeline, qtbot):
    timeline.set_events(news(400, 12, 7))
    timeline.plot.grab()
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_End)  # the last event, in some lane
    chosen = timeline.selected_event
    top, bottom = timeline.events_item.view_y_of(chosen)
    (_, (y0, y1)) = timeline.view_box.viewRange()
    assert y0 <= top
    assert bottom <= y1


def test_a_picture_fits_its_lanes_to_its_height_with_each_name_beside_its_lane(timeline, qtbot):
    timeline.events_item.set_fit_to_view(True)
    timeline.lane_scroll_bar.hide()
    timeline.set_events(news(60, 11, 21))
    height = timeline.view_box.boundingRect().height()
    timeline.resize(1200, 480)  # the lanes are fitted again to the new height
    qtbot.waitUntil(lambda: timeline.view_box.boundingRect().height() < height)
    timeline.plot.grab()
    layout = timeline.events_item.layout
    page = timeline.view_box.boundingRect().height()
    assert layout.height <= page + 1  # nothing below the picture's edge
    assert not timeline.lane_scroll_bar.isEnabled()
    ticks = timeline.lane_axis._tickLevels[0]
    for lane, (y, _name) in zip(layout.lanes, ticks, strict=True):
        assert lane.top < y < lane.top + lane.height  # each name beside its own lane
