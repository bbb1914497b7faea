"""Stars and tags on the timeline: drawn beside the mark (the lane colour stays), in a density
lane too, and changed without laying the timeline out again."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from tests.timeline.test_timeline_widget import random_events
from viewer.model.instants import seconds_at


def colour_near(image, x: float, y: float, colour: QColor, reach: int = 12) -> int:
    ratio = image.devicePixelRatio()
    count = 0
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = image.pixelColor(round((x + dx) * ratio), round((y + dy) * ratio))
            if (
                abs(c.red() - colour.red())
                + abs(c.green() - colour.green())
                + abs(c.blue() - colour.blue())
                < 50
            ):
                count += 1
    return count


def test_a_starred_mark_keeps_its_lane_colour_inside_the_gold_ring(timeline):
    events = random_events(20, seconds_at(2026, 5, 1), seconds_at(2026, 5, 20), lanes=1)
    timeline.set_events(events)
    item = timeline.events_item
    marks = item.layout.lanes[0].marks
    index, x, y = int(marks.index[0]), float(marks.x_start[0]), float(marks.y[0])
    lane = item.look.lane_colour(item.layout.lanes[0].lane.colour)
    before = timeline.plot.grab().toImage()
    item.update_annotations([index], [True], [True])
    after = timeline.plot.grab().toImage()
    gold = QColor(item.look.star)
    assert colour_near(after, x, y, gold) > colour_near(before, x, y, gold) + 10
    assert colour_near(after, x, y, lane, reach=2) >= colour_near(before, x, y, lane, reach=2) - 2
    tick = QColor(item.look.tag_mark)
    assert colour_near(after, x, y + 9, tick, reach=3) > colour_near(
        before, x, y + 9, tick, reach=3
    )


def test_starring_changes_no_layout(timeline):
    events = random_events(200, seconds_at(2026, 5, 1), seconds_at(2026, 5, 20))
    timeline.set_events(events)
    item = timeline.events_item
    layout = item.layout
    item.update_annotations([5, 7], [True, False], [False, True])
    assert item.layout is layout  # the cached layout, not a new one
    assert item.starred.tolist() == [5]
    assert item.tagged.tolist() == [7]


def test_a_starred_event_in_a_density_lane_gets_a_gold_tick_on_the_strip(timeline):
    events = random_events(20_000, seconds_at(2026, 1, 1), seconds_at(2026, 12, 31), lanes=1)
    timeline.set_events(events)
    item = timeline.events_item
    [lane] = item.layout.lanes
    assert lane.density is not None
    index = int(lane.lane.index[len(lane.lane.index) // 2])
    strip = lane.density.strip
    before = timeline.plot.grab().toImage()
    starred = np.zeros(len(events), dtype=bool)
    starred[index] = True
    item.set_annotations(starred, np.zeros(len(events), dtype=bool))
    after = timeline.plot.grab().toImage()
    mapping_x = item.device_point(float(lane.lane.start[len(lane.lane.index) // 2]), 0).x()
    gold = QColor(item.look.star)
    top = strip.top() + 2
    assert colour_near(after, mapping_x, top, gold, reach=3) > colour_near(
        before, mapping_x, top, gold, reach=3
    )
