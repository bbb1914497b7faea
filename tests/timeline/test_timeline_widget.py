"""What a user relies on in the timeline: marks or density, clicks, keys, the overview strip."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt

from viewer.io.loading import load_file
from viewer.model.date_wording import CHINESE
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.timeline.events_item import MARK_LIMIT
from viewer.timeline.timeline_widget import TimelineWidget

SAMPLE = "data/sample_timeline_en.csv"


def render(widget: TimelineWidget) -> None:
    widget.plot.grab()  # paints the items (a click needs no paint: test_events_item_hits)


def random_events(n: int, first: int, last: int, seed: int = 0, lanes: int = 3) -> EventTable:
    rng = np.random.default_rng(seed)
    start = np.sort(rng.integers(first, last, n))
    names = np.array([f"Lane {i}" for i in range(lanes)])[rng.integers(0, lanes, n)]
    return EventTable.from_columns(
        start=start, precision="time", lane=names, title=[f"Event {i}" for i in range(n)]
    )


def mark_point(widget: TimelineWidget, index: int) -> QPoint:
    left, _right, y, drawn = widget.events_item.layout.marks()
    k = int(np.flatnonzero(drawn == index)[0])
    return QPointF(left[k] + 5, y[k]).toPoint()


def test_the_sample_shows_one_lane_per_lane_name_in_order_of_first_appearance(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    names = [lane.name for lane in timeline.data.lanes]
    assert names == ["Microsoft–OpenAI", "Musk v. OpenAI", "Coverage", "Cloud", "Industry"]
    ticks = timeline.plot.getAxis("left")._tickLevels[0]
    shown = [label.removeprefix("▾ ") for _, label in ticks]  # expanded lanes
    assert len(shown) == len(names)
    for label, name in zip(shown, names, strict=True):  # whole, or elided to the axis
        assert label == name or (label.endswith("…") and name.startswith(label[:-1]))


def test_few_events_are_drawn_as_marks_and_many_as_density(timeline):
    timeline.set_events(random_events(300, seconds_at(2025), seconds_at(2026)))
    render(timeline)
    assert len(timeline.events_item.layout.marks()[3]) > 0
    assert timeline.events_item.layout.zoom_zones == [] or all(
        rect.width() <= 40 for rect, _, _ in timeline.events_item.layout.zoom_zones
    )  # at most "+N" badges
    timeline.set_events(random_events(MARK_LIMIT * 4, seconds_at(2025), seconds_at(2026), lanes=1))
    render(timeline)
    assert len(timeline.events_item.layout.marks()[3]) == 0
    counts = [rect for rect, _, _ in timeline.events_item.layout.zoom_zones]
    assert counts, "the dense lane shows its density as clickable clusters"


def test_clicking_an_event_selects_it_and_clicking_empty_space_clears(timeline, qtbot):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 20), seconds_at(2026, 7, 1))
    render(timeline)
    target = int(
        np.flatnonzero(
            timeline.data.events.frame["title"] == "Jury selection begins in Musk v. OpenAI"
        )[0]
    )
    with qtbot.waitSignal(timeline.event_selected) as selected:
        qtbot.mouseClick(
            timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=mark_point(timeline, target)
        )
    assert selected.args == [target]
    assert timeline.selected_event == target
    with qtbot.waitSignal(timeline.event_selected) as cleared:
        empty = timeline.events_item.device_point(
            0, 2.9
        )  # low in the Coverage lane, far from its one event
        empty.setX(1150)
        qtbot.mouseClick(timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=empty.toPoint())
    assert cleared.args == [None]


def test_clicking_a_cluster_zooms_into_it(timeline, qtbot):
    timeline.set_events(random_events(MARK_LIMIT * 4, seconds_at(2025), seconds_at(2026), lanes=1))
    render(timeline)
    before = timeline.time_range()
    rect = timeline.events_item.layout.zoom_zones[3][0]
    qtbot.mouseClick(
        timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint()
    )
    after = timeline.time_range()
    assert after[1] - after[0] < (before[1] - before[0]) / 5


def test_arrow_keys_step_through_events_in_time_order(timeline, qtbot):
    events = load_file(SAMPLE).events
    timeline.set_events(events)
    order = np.lexsort((events.frame["row"].to_numpy(), events.frame["start"].to_numpy()))
    timeline.setFocus()
    seen = []
    for _ in range(len(order)):
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
        seen.append(timeline.selected_event)
    assert seen == order.tolist()
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.selected_event == int(order[-2])
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert timeline.selected_event == int(order[0])


def test_stepping_to_an_event_out_of_view_brings_it_into_view(timeline, qtbot):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 26), seconds_at(2026, 4, 30))
    qtbot.keyClick(timeline, Qt.Key.Key_End)  # the 2032 licence end
    start, end = timeline.time_range()
    assert start <= seconds_at(2032) <= end


def test_plus_minus_and_zero_zoom_and_fit(timeline, qtbot):
    timeline.set_events(load_file(SAMPLE).events)
    full = timeline.time_range()
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    zoomed = timeline.time_range()
    assert zoomed[1] - zoomed[0] == pytest.approx((full[1] - full[0]) / 2, rel=1e-6)
    qtbot.keyClick(timeline, Qt.Key.Key_Minus)
    qtbot.keyClick(timeline, Qt.Key.Key_0)
    assert timeline.time_range() == pytest.approx(full)


def test_zoom_stops_at_a_few_milliseconds(timeline, qtbot):
    timeline.set_events(load_file(SAMPLE).events)
    for _ in range(60):
        qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    start, end = timeline.time_range()
    assert 0.001 <= end - start <= 0.005


def test_the_overview_region_follows_the_view_and_moving_it_moves_the_view(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 1), seconds_at(2026, 6, 1))
    x0, x1 = timeline.overview.region.getRegion()
    origin = timeline.data.origin
    assert (x0 + origin, x1 + origin) == pytest.approx(
        (seconds_at(2026, 4, 1), seconds_at(2026, 6, 1))
    )
    target = (seconds_at(2029, 1, 1) - origin, seconds_at(2031, 1, 1) - origin)
    timeline.overview.region.setRegion(target)
    assert timeline.time_range() == pytest.approx((seconds_at(2029, 1, 1), seconds_at(2031, 1, 1)))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    n=st.integers(1, 400),
    seed=st.integers(0, 10_000),
    zoom=st.floats(0.0005, 1.0),
    centre=st.floats(0.0, 1.0),
)
def test_labels_never_overlap_each_other_or_other_marks(timeline, n, seed, zoom, centre):
    first, last = seconds_at(2020), seconds_at(2021)
    timeline.set_events(random_events(n, first, last, seed=seed))
    span = (last - first) * zoom
    middle = first + (last - first) * centre
    timeline.set_time_range(middle - span / 2, middle + span / 2)
    render(timeline)
    frame = timeline.events_item.layout
    left, right, y, drawn = frame.marks()
    rects = [(r, i, inside) for r, i, inside in frame.labels]
    for a in range(len(rects)):
        ra, ia, _ = rects[a]
        for b in range(a + 1, len(rects)):
            assert not ra.intersects(rects[b][0].adjusted(0, 1, 0, -1)), (ia, rects[b][1])
        same_row = np.abs(y - ra.center().y()) < 1
        others = same_row & (drawn != ia)
        overlapping = (left[others] < ra.right() - 1e-6) & (right[others] > ra.left() + 1e-6)
        assert not overlapping.any()


def drag(
    widget, button, start: QPoint, end: QPoint, modifiers=Qt.KeyboardModifier.NoModifier
) -> None:
    """A real press-move-release drag (pyqtgraph needs move events carrying the button)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def send(kind, pos, buttons):
        point = QPointF(pos)
        event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, buttons, modifiers)
        QApplication.sendEvent(widget, event)

    send(QEvent.Type.MouseButtonPress, start, button)
    for step in range(1, 11):
        send(QEvent.Type.MouseMove, start + (end - start) * step / 10, button)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_right_drag_zooms_to_the_rubber_band_span(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    render(timeline)
    item = timeline.events_item
    left = item.device_point(seconds_at(2026, 4, 1) - timeline.data.origin, 1.5).toPoint()
    right = item.device_point(seconds_at(2027, 4, 1) - timeline.data.origin, 1.5).toPoint()
    drag(timeline.plot.viewport(), Qt.MouseButton.RightButton, left, right)
    start, end = timeline.time_range()
    assert abs(start - seconds_at(2026, 4, 1)) < 86_400 * 10
    assert abs(end - seconds_at(2027, 4, 1)) < 86_400 * 10


def test_dragging_pans_the_view_in_time(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    before = timeline.time_range()
    drag(timeline.plot.viewport(), Qt.MouseButton.LeftButton, QPoint(700, 250), QPoint(500, 250))
    after = timeline.time_range()
    assert after[0] > before[0]
    assert after[1] - after[0] == pytest.approx(before[1] - before[0], rel=1e-6)


def double_click(widget, pos: QPoint) -> None:
    """Press, release, double-click, release: the sequence a real double click delivers."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        point = QPointF(pos)
        event = QMouseEvent(
            kind, point, widget.mapToGlobal(point), left, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)


def test_double_click_zooms_in_around_the_point(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    before = timeline.time_range()
    double_click(timeline.plot.viewport(), QPoint(1000, 470))
    after = timeline.time_range()
    assert after[1] - after[0] == pytest.approx((before[1] - before[0]) / 2, rel=1e-3)


def test_the_current_span_is_written_above_the_timeline(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_time_range(seconds_at(2026, 4, 1), seconds_at(2026, 7, 1))
    assert "2026" in timeline.span_label.text()
    assert "Apr" in timeline.span_label.text()


def test_two_timelines_with_different_wordings_each_write_their_own_dates(timeline, qtbot):
    chinese = TimelineWidget(wording=CHINESE)
    qtbot.addWidget(chinese)
    chinese.resize(1200, 600)
    chinese.show()
    qtbot.waitExposed(chinese)
    for widget in (timeline, chinese):
        widget.set_events(load_file(SAMPLE).events)
        widget.set_time_range(seconds_at(2026, 4, 1), seconds_at(2026, 7, 1))
        render(widget)
        widget.overview.grab()
    english_labels = [tick.label for tick in timeline.axis.ticks()]
    chinese_labels = [tick.label for tick in chinese.axis.ticks()]
    assert any("Apr" in label or "May" in label for label in english_labels), english_labels
    assert all("年" not in label and "月" not in label for label in english_labels)
    assert all("月" in label for label in chinese_labels), chinese_labels
    assert timeline.span_label.text() == "1 Apr – 1 Jul 2026"
    assert chinese.span_label.text() == "2026年4月1日 – 2026年7月1日"
    overview = [tick.label for tick in chinese.overview.getAxis("bottom").ticks()]
    assert overview
    assert all("年" in label for label in overview), overview


def test_lanes_can_be_reordered(timeline):
    timeline.set_events(load_file(SAMPLE).events)
    timeline.set_lane_order(["Cloud", "Coverage"])
    names = [lane.name for lane in timeline.data.lanes]
    assert names[:2] == ["Cloud", "Coverage"]
    assert sorted(names) == sorted(
        ["Microsoft–OpenAI", "Musk v. OpenAI", "Coverage", "Cloud", "Industry"]
    )


def test_the_now_line_stands_at_the_current_time(timeline):
    import time as clock

    timeline.set_events(load_file(SAMPLE).events)
    assert timeline.now_line.value() + timeline.data.origin == pytest.approx(clock.time(), abs=60)
    # drawn under the marks and titles, so a title crossing today stays readable
    assert timeline.now_line.zValue() < timeline.events_item.zValue()


def test_hovering_an_event_shows_its_title_date_and_lane_as_plain_text(timeline):
    events = EventTable.from_columns(
        start=[seconds_at(2026, 4, 27)],
        title=["<b>not bold</b>"],
        date_text=["27 Apr 2026"],
        lane=["Court"],
    )
    timeline.set_events(events)
    tip = timeline.events_item._tooltip(0)
    assert "&lt;b&gt;not bold&lt;/b&gt;" in tip
    assert "27 Apr 2026" in tip
    assert "Court" in tip


def test_the_wheel_zooms_around_the_cursor(timeline):
    from PySide6.QtCore import QPoint as Point
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    timeline.set_events(load_file(SAMPLE).events)
    render(timeline)
    viewport = timeline.plot.viewport()
    cursor = QPointF(900, 250)
    under_before = timeline.view_box.mapSceneToView(timeline.plot.mapToScene(cursor.toPoint())).x()
    before = timeline.time_range()
    event = QWheelEvent(
        cursor, viewport.mapToGlobal(cursor), Point(0, 0), Point(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)
    after = timeline.time_range()
    under_after = timeline.view_box.mapSceneToView(timeline.plot.mapToScene(cursor.toPoint())).x()
    assert after[1] - after[0] < (before[1] - before[0]) * 0.8
    assert under_after == pytest.approx(under_before, abs=(after[1] - after[0]) * 0.01)
