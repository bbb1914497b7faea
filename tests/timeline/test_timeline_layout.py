"""The layout is a pure function of data, visible range, pixel mapping and title metrics: what
is drawn where, and what a click at a pixel names, with no painter and no QApplication."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.timeline.mark_layout import MARK_RADIUS
from viewer.timeline.timeline_data import build_timeline_data
from viewer.timeline.timeline_layout import (
    BADGE_ZOOM_PX,
    COUNT_BUCKET_PX,
    LANE_PAD_PX,
    MARK_LIMIT,
    MAX_ROWS,
    ROW_PX,
    DeviceMapping,
    layout_timeline,
)

WIDTH_PX = 1000.0  # view y is in pixels: one unit, one pixel


class CharMetrics:
    """Every character 7 pixels wide; elision keeps what fits and adds "…"."""

    def __init__(self, data) -> None:
        self.data = data

    def width(self, index: int) -> float:
        return 7.0 * len(self.data.title(index))

    def elided(self, index: int, width: float) -> str:
        title = self.data.title(index)
        return title if 7.0 * len(title) <= width else title[: int(width // 7) - 1] + "…"


def events(starts: list[int], lanes: list[str] | None = None) -> EventTable:
    return EventTable.from_columns(
        start=starts,
        precision="time",
        lane=lanes or ["L"] * len(starts),
        title=[f"Event {i}" for i in range(len(starts))],
    )


def lay_out(table: EventTable, x_range: tuple[float, float] | None = None):
    data = build_timeline_data(table)
    x0, x1 = x_range or (data.x_min - 3600, data.x_max + 3600)
    mapping = DeviceMapping(WIDTH_PX / (x1 - x0), -WIDTH_PX * x0 / (x1 - x0), 1.0, 0.0)
    return data, mapping, layout_timeline(data, (x0, x1), mapping, CharMetrics(data))


def test_the_same_inputs_give_the_same_layout():
    table = events([seconds_at(2026, 1, d) for d in range(1, 20)])
    _, _, first = lay_out(table)
    _, _, second = lay_out(table)
    for a, b in zip(first.marks(), second.marks(), strict=True):
        assert np.array_equal(a, b)
    assert first.labels == second.labels


def test_marks_stand_at_their_time_in_device_pixels_with_their_titles():
    table = events([seconds_at(2026, 1, 1), seconds_at(2026, 1, 2)])
    data, mapping, layout = lay_out(table)
    left, right, y, index = layout.marks()
    x = data.lanes[0].start * mapping.sx + mapping.dx
    assert sorted(index.tolist()) == [0, 1]
    assert left == pytest.approx(x - MARK_RADIUS)
    assert right == pytest.approx(x + MARK_RADIUS)  # a point: just its dot
    assert y == pytest.approx(LANE_PAD_PX + ROW_PX / 2)  # the first row of the first lane
    titles = [title for lane in layout.lanes for title in lane.marks.titles]
    assert {title.text for title in titles} == {"Event 0", "Event 1"}


def test_a_click_names_the_mark_under_it_and_nothing_far_from_any():
    table = events([seconds_at(2026, 1, 1), seconds_at(2026, 3, 1)], ["A", "B"])
    _, _, layout = lay_out(table)
    left, _right, y, index = layout.marks()
    for k in range(2):
        assert layout.event_at(left[k] + MARK_RADIUS, y[k]) == index[k]
    assert layout.event_at(WIDTH_PX / 2, layout.height - 1) is None


def test_a_lane_with_too_many_events_in_view_shows_their_density_as_clickable_clusters():
    rng = np.random.default_rng(0)
    starts = np.sort(rng.integers(seconds_at(2025), seconds_at(2026), MARK_LIMIT + 500))
    _, _, layout = lay_out(events(starts.tolist()))
    (lane,) = layout.lanes
    assert lane.marks is None
    assert lane.density.counts.sum() == len(starts)
    assert len(layout.marks()[3]) == 0
    assert len(layout.zoom_zones) == int(np.ceil(int(WIDTH_PX) / COUNT_BUCKET_PX))
    rect, x0, x1 = layout.zoom_zones[2]
    assert layout.zoom_zone_at(rect.center().x(), rect.center().y()) == (x0, x1)


def test_events_that_do_not_fit_are_counted_in_badges_that_zoom_in_around_them():
    n = MAX_ROWS + 10
    starts = [seconds_at(2026, 1, 1, 12)] * n  # one instant: they can only stack
    data, mapping, layout = lay_out(events(starts), (-86_400.0, 86_400.0))
    badges = layout.lanes[0].marks.badges
    rows = len(layout.marks()[3])
    assert rows == MAX_ROWS
    assert sum(int(text.lstrip("+")) for _, text in badges) == n - rows
    rect, _ = badges[0]
    x0, x1 = layout.zoom_zone_at(rect.center().x(), rect.center().y())
    assert (x1 - x0) * mapping.sx == pytest.approx(2 * BADGE_ZOOM_PX)
    assert (x0 + x1) / 2 == pytest.approx(data.lanes[0].start[0], abs=40 / mapping.sx)


def test_a_narrower_mapping_moves_the_marks_but_not_which_events_they_are():
    table = events([seconds_at(2026, 1, d) for d in (1, 10, 20)])
    data = build_timeline_data(table)
    x_range = (data.x_min - 86_400, data.x_max + 86_400)
    metrics = CharMetrics(data)
    wide = layout_timeline(data, x_range, DeviceMapping(1e-3, 500.0, 1.0, 0.0), metrics)
    narrow = layout_timeline(data, x_range, DeviceMapping(5e-4, 500.0, 1.0, 0.0), metrics)
    assert sorted(wide.marks()[3].tolist()) == sorted(narrow.marks()[3].tolist())
    assert not np.allclose(wide.marks()[0], narrow.marks()[0])


def test_a_lane_is_as_tall_as_its_rows_and_lanes_follow_one_another():
    day = [seconds_at(2026, 4, 27, 9)] * 6 + [seconds_at(2026, 4, 10), seconds_at(2026, 5, 10)]
    table = events(day, ["Busy"] * 6 + ["Quiet"] * 2)
    _, _, layout = lay_out(table)
    busy, quiet = layout.lanes
    assert busy.marks.rows == 6
    assert quiet.marks.rows == 1
    assert quiet.height == 2 * LANE_PAD_PX + ROW_PX
    assert busy.height == 2 * LANE_PAD_PX + 6 * ROW_PX
    assert quiet.top == busy.top + busy.height
    assert layout.height == busy.height + quiet.height
    assert quiet.band.top() == pytest.approx(busy.band.bottom())


def test_a_collapsed_lane_takes_one_row_and_still_draws_every_mark():
    table = events([seconds_at(2026, 4, 27, 9)] * 6, ["Busy"] * 6)
    data = build_timeline_data(table)
    x_range = (data.x_min - 86_400, data.x_max + 86_400)
    mapping = DeviceMapping(WIDTH_PX / (2 * 86_400), WIDTH_PX / 2, 1.0, 0.0)
    layout = layout_timeline(data, x_range, mapping, CharMetrics(data), frozenset({"Busy"}))
    (lane,) = layout.lanes
    assert lane.collapsed
    assert lane.height == 2 * LANE_PAD_PX + ROW_PX
    assert len(layout.marks()[3]) == 6
    assert not lane.marks.badges


def test_a_picture_fits_its_lanes_into_its_height_by_giving_busy_lanes_fewer_rows():
    rng = np.random.default_rng(3)
    starts = rng.integers(seconds_at(2026, 4, 1), seconds_at(2026, 4, 8), 400).tolist()
    table = events(starts, [f"L{i % 4}" for i in range(400)])
    data = build_timeline_data(table)
    x_range = (data.x_min, data.x_max)
    mapping = DeviceMapping(
        WIDTH_PX / (x_range[1] - x_range[0]),
        -WIDTH_PX * x_range[0] / (x_range[1] - x_range[0]),
        1.0,
        0.0,
    )
    free = layout_timeline(data, x_range, mapping, CharMetrics(data))
    assert free.height > 600
    fitted = layout_timeline(data, x_range, mapping, CharMetrics(data), fit_height=600.0)
    assert fitted.height <= 600
    assert max(lane.marks.rows for lane in fitted.lanes) < MAX_ROWS


def test_badges_sit_inside_their_lane_clear_of_its_colour_bar_and_the_right_edge():
    starts = [seconds_at(2026, 1, 1)] * (MAX_ROWS + 5) + [seconds_at(2026, 1, 9)] * (MAX_ROWS + 5)
    _data, _mapping, layout = lay_out(events(starts), (-4.5 * 86_400.0, 4.05 * 86_400.0))
    (lane,) = layout.lanes
    assert len(lane.marks.badges) == 2
    for rect, _ in lane.marks.badges:
        assert lane.band.left() + 4 < rect.left()
        assert rect.right() < lane.band.right()
        assert lane.band.top() < rect.top()
        assert rect.bottom() < lane.band.bottom()


def test_a_density_count_stands_over_the_bars_it_counts():
    rng = np.random.default_rng(0)
    # Events only in the first tenth of a bucket: the count must not float past them.
    first = seconds_at(2025)
    starts = np.sort(rng.integers(first, first + 86_400, MARK_LIMIT + 10)).tolist()
    x_range = (-50_000.0, -50_000.0 + 86_400 * 100)
    _data, _mapping, layout = lay_out(events(starts), x_range)
    (lane,) = layout.lanes
    columns = np.flatnonzero(lane.density.counts)
    ((rect, text),) = lane.density.labels
    bars_right = lane.density.strip.left() + columns[-1] + 1
    assert text == f"{MARK_LIMIT + 10:,}"
    assert rect.center().x() <= max(bars_right, lane.density.strip.left() + COUNT_BUCKET_PX / 2)


def test_density_counts_never_overlap_and_a_sliver_at_the_edge_is_counted_with_its_neighbour():
    """1000 px in buckets of 90 leave a 10 px sliver on the right: its count was drawn over
    the one before (seen on a 10M-event file at full view)."""
    rng = np.random.default_rng(1)
    starts = np.sort(rng.integers(seconds_at(2025), seconds_at(2026), MARK_LIMIT * 20))
    _, _, layout = lay_out(events(starts.tolist()))
    (lane,) = layout.lanes
    rects = [rect for rect, _ in lane.density.labels]
    for left, right in itertools.pairwise(rects):
        assert left.right() <= right.left() + 1e-9, (left, right)
    counted = sum(int(text.replace(",", "")) for _, text in lane.density.labels)
    assert counted == len(starts) == lane.density.counts.sum()
    assert len(rects) == int(WIDTH_PX // COUNT_BUCKET_PX)  # 11 counts; 12 zoom zones still
    assert len(layout.zoom_zones) == int(np.ceil(WIDTH_PX / COUNT_BUCKET_PX))
