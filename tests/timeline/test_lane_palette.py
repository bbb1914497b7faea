"""The lane palette: twelve colours a reader tells apart, with normal colour vision and with
protanopia, deuteranopia or tritanopia, that read on the light and the dark background."""

from __future__ import annotations

import pytest
from colour_vision import SIMULATIONS, closest_pair, contrast_ratio

from viewer.model.lane_colours import LANE_COLOUR_COUNT
from viewer.timeline.look import DARK, LIGHT
from viewer.timeline.palette import LANE_COLOURS, NO_LANE_COLOUR

# CIEDE2000: about 2 is a just-noticeable difference between large patches; small marks need
# far more. Normal vision has room for more than the simulated deficiencies.
DISTINCT = {"normal": 14.0, "protanopia": 10.0, "deuteranopia": 10.0, "tritanopia": 10.0}
OLD_PALETTE = (
    "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77",
)  # fmt: skip


def test_the_palette_has_a_colour_for_each_of_the_first_lanes():
    assert len(set(LANE_COLOURS)) == len(LANE_COLOURS) == LANE_COLOUR_COUNT == 12


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_no_two_lane_colours_or_the_no_lane_grey_look_alike(vision):
    difference, first, second = closest_pair([*LANE_COLOURS, NO_LANE_COLOUR], vision)
    assert difference >= DISTINCT[vision], (first, second)


def test_the_measure_catches_the_near_repeats_of_the_old_palette():
    difference, first, second = closest_pair(list(OLD_PALETTE), "protanopia")
    assert difference < 2
    assert {first, second} == {"#66CCEE", "#88CCEE"}


@pytest.mark.parametrize("look", [LIGHT, DARK], ids=lambda look: look.name)
def test_every_lane_colour_stands_out_from_the_background(look):
    colours = [look.lane_colour(n).name() for n in range(-1, LANE_COLOUR_COUNT)]
    assert min(contrast_ratio(c, look.background) for c in colours) >= 2.5


def test_both_looks_draw_a_lane_in_the_same_colour():
    assert [LIGHT.lane_colour(n) for n in range(-1, 13)] == [
        DARK.lane_colour(n) for n in range(-1, 13)
    ]
