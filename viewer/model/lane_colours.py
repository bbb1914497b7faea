"""Which colour each lane gets: a number into the lane palette, kept as files come and go.

Numbers, not colours: the palette (and how each look draws it) belongs to the timeline layer;
the model only decides that the first lanes differ and that a lane keeps its colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

LANE_COLOUR_COUNT = 12  # the palette's size: this many lanes get colours of their own
NO_LANE = -1  # events without a lane are drawn grey


def assign_lane_colours(
    lanes: Sequence[str], previous: Mapping[str, int] | None = None
) -> dict[str, int]:
    """Each lane's colour number, for ``lanes`` in display order (hidden ones included).

    The first LANE_COLOUR_COUNT named lanes get different numbers. A lane keeps the number it
    had in ``previous`` unless an earlier one of them holds it, so adding a file, reloading one
    or removing one leaves the other lanes' colours alone; a new lane takes the first free
    number. Lanes past the first LANE_COLOUR_COUNT repeat colours (they keep theirs too)."""
    previous = previous or {}
    named = [lane for lane in lanes if lane]
    first, later = named[:LANE_COLOUR_COUNT], named[LANE_COLOUR_COUNT:]
    numbers: dict[str, int] = {}
    for lane in first:
        number = previous.get(lane, NO_LANE)
        if 0 <= number < LANE_COLOUR_COUNT and number not in numbers.values():
            numbers[lane] = number
    free = iter([n for n in range(LANE_COLOUR_COUNT) if n not in numbers.values()])
    for lane in first:
        if lane not in numbers:
            numbers[lane] = next(free)
    for position, lane in enumerate(later, start=LANE_COLOUR_COUNT):
        numbers[lane] = previous.get(lane, position % LANE_COLOUR_COUNT)
    if len(named) < len(lanes):
        numbers[""] = NO_LANE
    return numbers
