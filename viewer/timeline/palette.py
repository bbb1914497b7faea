"""Lane colours: Paul Tol's colour-blind-safe qualitative palettes, stable per lane name."""

from __future__ import annotations

import zlib

# "Bright" then "muted" (Tol 2021): distinguishable under the common colour-vision deficiencies.
LANE_COLOURS = (
    "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
)  # fmt: skip
NO_LANE_COLOUR = "#777777"


def lane_colour(name: str) -> str:
    """The same lane name always gets the same colour, across files and sessions."""
    if not name:
        return NO_LANE_COLOUR
    return LANE_COLOURS[zlib.crc32(name.encode("utf-8")) % len(LANE_COLOURS)]


def lane_colours(names: list[str]) -> list[str]:
    """Colours for lanes in display order: stable per name, and distinct while the palette
    lasts (a hash collision moves the later lane to the next free colour)."""
    used: set[str] = set()
    out = []
    for name in names:
        colour = lane_colour(name)
        if colour in used and name and len(used) < len(LANE_COLOURS):
            start = LANE_COLOURS.index(colour)
            colour = next(c for c in LANE_COLOURS[start:] + LANE_COLOURS[:start] if c not in used)
        used.add(colour)
        out.append(colour)
    return out
