"""Marks and titles stack so none hides another; titles are cut only when the lane is full, and
only marks that truly coincide are counted in badges."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.timeline.mark_layout import MARK_GAP, MIN_LABEL, layout_marks

events = st.lists(
    st.tuples(
        st.floats(0, 1600, allow_nan=False),
        st.floats(0, 400, allow_nan=False),  # extent in pixels (0 for a point)
        st.floats(0, 300, allow_nan=False),  # label width
    ),
    max_size=120,
)


def arrange(items: list[tuple[float, float, float]], rows: int):
    items = sorted(items)
    start = np.array([i[0] for i in items], dtype=np.float64)
    end = start + np.array([i[1] for i in items], dtype=np.float64)
    widths = np.array([i[2] for i in items], dtype=np.float64)
    return layout_marks(start, end, widths, rows), len(items)


@settings(max_examples=300, deadline=None)
@given(events, st.integers(1, 6))
def test_marks_in_one_row_never_overlap(items, rows):
    layout, _ = arrange(items, rows)
    for row in np.unique(layout.row):
        members = np.flatnonzero(layout.row == row)
        left, right = layout.left[members], layout.right[members]
        assert np.all(right[:-1] + MARK_GAP <= left[1:] + 1e-9)


@settings(max_examples=300, deadline=None)
@given(events, st.integers(1, 6))
def test_labels_never_overlap_each_other_or_a_mark_in_their_row(items, rows):
    layout, _ = arrange(items, rows)
    for row in np.unique(layout.row):
        boxes = [(layout.left[m], layout.right[m]) for m in np.flatnonzero(layout.row == row)]
        labels = [label for label in layout.labels if layout.row[label.mark] == row]
        boxes += [(label.x, label.x + label.width) for label in labels if not label.inside]
        for label in labels:
            if label.inside:  # drawn on its own bar: within it, so over no other mark or label
                assert layout.left[label.mark] <= label.x
                assert label.x + label.width <= layout.right[label.mark]
        boxes.sort()
        for (_, first_end), (second_start, _) in itertools.pairwise(boxes):
            assert first_end <= second_start + 1e-9


@settings(max_examples=200, deadline=None)
@given(events, st.integers(1, 6))
def test_every_event_is_either_placed_or_counted_in_a_badge(items, rows):
    layout, n = arrange(items, rows)
    assert len(layout.item) + sum(badge.count for badge in layout.badges) == n


def test_three_events_on_one_day_stack_into_three_rows_with_their_labels():
    start = np.array([100.0, 100.0, 100.0])
    layout = layout_marks(start, start, np.array([80.0, 90.0, 70.0]), max_rows=4)
    assert sorted(layout.row.tolist()) == [0, 1, 2]
    assert len(layout.labels) == 3


def test_a_label_is_elided_to_the_room_before_the_next_mark():
    start = np.array([0.0, 60.0])
    layout = layout_marks(start, start, np.array([200.0, 50.0]), max_rows=1, clip=(0.0, 1600.0))
    first = next(label for label in layout.labels if label.mark == 0)
    assert first.x + first.width <= layout.left[1]
    assert first.width < 200


def test_a_mark_near_the_right_edge_carries_its_label_on_its_left():
    start = np.array([100.0, 1550.0])
    layout = layout_marks(start, start, np.array([80.0, 120.0]), max_rows=1, clip=(0.0, 1600.0))
    last = next(label for label in layout.labels if label.mark == 1)
    assert last.width == 120
    assert last.x + last.width <= layout.left[1]
    first = next(label for label in layout.labels if label.mark == 0)
    assert first.x > layout.right[0]  # with room after it, a label stays after its mark
    assert first.x + first.width <= last.x


@settings(max_examples=300, deadline=None)
@given(events, st.integers(1, 6), st.floats(0, 800), st.floats(0, 800))
def test_labels_end_inside_the_view_and_labels_before_a_mark_start_in_it(items, rows, left, width):
    items = sorted(items)
    start = np.array([i[0] for i in items], dtype=np.float64)
    end = start + np.array([i[1] for i in items], dtype=np.float64)
    widths = np.array([i[2] for i in items], dtype=np.float64)
    clip = (left, left + width)
    layout = layout_marks(start, end, widths, rows, clip)
    for label in layout.labels:
        assert label.x + label.width <= clip[1]
        if label.x < layout.left[label.mark]:  # a label before its mark starts in the view
            assert clip[0] <= label.x


@settings(max_examples=300, deadline=None)
@given(events, st.integers(1, 6))
def test_titles_are_whole_while_the_lane_has_rows_to_spare(items, rows):
    layout, _ = arrange(items, rows)
    if layout.rows < rows:
        widths = sorted(items)
        for label in layout.labels:
            wanted = widths[layout.item[label.mark]][2]
            assert label.width == wanted


@settings(max_examples=300, deadline=None)
@given(events, st.integers(1, 6))
def test_a_badge_stands_only_for_marks_that_coincide_with_a_full_lane_of_others(items, rows):
    layout, _ = arrange(items, rows)
    for badge in layout.badges:
        for x in (badge.first, badge.last):
            covering = (layout.left - MARK_GAP < x - 5) & (layout.right + MARK_GAP > x - 5)
            assert covering.sum() >= rows


@pytest.mark.parametrize("seed", range(3))
def test_fifty_titles_across_the_view_are_all_whole_and_a_hundred_all_get_their_mark(seed):
    rng = np.random.default_rng(seed)
    for count in (50, 100):
        start = np.sort(rng.uniform(0, 1200, count))
        widths = np.full(count, 150.0)
        layout = layout_marks(start, start, widths, max_rows=20, clip=(0.0, 1200.0))
        assert len(layout.item) == count
        assert not layout.badges
        if count == 50:
            assert [label.width for label in layout.labels] == [150.0] * count


def test_a_collapsed_lane_draws_every_mark_in_view_on_one_row():
    start = np.array([100.0, 100.0, 100.0, 400.0, 2000.0])
    layout = layout_marks(
        start, start, np.full(5, 80.0), max_rows=20, clip=(0.0, 1000.0), collapsed=True
    )
    assert layout.item.tolist() == [0, 1, 2, 3]  # the last is beyond the view
    assert set(layout.row.tolist()) == {0}
    assert layout.rows == 1
    assert all(label.width >= MIN_LABEL for label in layout.labels)


def test_marks_beyond_the_view_take_no_row_and_leave_no_title_fragment():
    start = np.array([-300.0, 50.0])
    layout = layout_marks(start, start, np.array([400.0, 60.0]), max_rows=4, clip=(0.0, 1000.0))
    assert layout.item.tolist() == [1]
    assert [label.mark for label in layout.labels] == [0]
