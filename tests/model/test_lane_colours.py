"""Which colour number each lane gets: the first twelve differ, and a lane keeps its colour as
files are added, reloaded and closed."""

from __future__ import annotations

from viewer.model.lane_colours import LANE_COLOUR_COUNT, NO_LANE, assign_lane_colours

LANES = [f"Lane {n}" for n in range(1, 16)]


def test_the_first_twelve_lanes_get_twelve_different_colours_in_display_order():
    numbers = assign_lane_colours(LANES)
    assert [numbers[lane] for lane in LANES[:LANE_COLOUR_COUNT]] == list(range(LANE_COLOUR_COUNT))
    assert [numbers[lane] for lane in LANES[LANE_COLOUR_COUNT:]] == [0, 1, 2]


def test_events_without_a_lane_are_grey_and_take_no_colour_from_the_others():
    numbers = assign_lane_colours(["", "Court", "Press"])
    assert numbers == {"": NO_LANE, "Court": 0, "Press": 1}


def test_a_file_added_keeps_the_colours_of_the_lanes_already_shown():
    before = assign_lane_colours(["Court", "Press"])
    after = assign_lane_colours(["Court", "Press", "Blog", "Radio"], before)
    assert after == {"Court": 0, "Press": 1, "Blog": 2, "Radio": 3}


def test_closing_the_first_file_leaves_the_other_lanes_their_colours():
    before = assign_lane_colours(["Court", "Press", "Blog", "Radio"])
    after = assign_lane_colours(["Blog", "Radio"], before)
    assert after == {"Blog": 2, "Radio": 3}
    again = assign_lane_colours(["Blog", "Radio", "Court"], after)
    assert again["Court"] == 0  # a new lane takes the first free colour


def test_a_lane_a_reload_inserts_takes_a_free_colour_and_moves_no_other():
    before = assign_lane_colours(["Court", "Press", "Blog"])
    after = assign_lane_colours(["Court", "Appeal", "Press", "Blog"], before)
    assert after == {"Court": 0, "Appeal": 3, "Press": 1, "Blog": 2}


def test_lanes_that_share_a_colour_are_told_apart_once_they_are_among_the_first_twelve():
    before = assign_lane_colours(LANES[:13])
    assert before["Lane 13"] == before["Lane 1"]
    after = assign_lane_colours(LANES[1:13], before)  # Lane 1's file closed: 12 lanes remain
    assert len(set(after.values())) == LANE_COLOUR_COUNT
    assert all(after[lane] == before[lane] for lane in LANES[1:12])
