"""The lane palette: twelve colours a reader can tell apart, in normal colour vision and with
protanopia, deuteranopia or tritanopia, drawn the same on the light and the dark background.

Chosen by a search over the sRGB cube (steps of 17) for the twelve colours whose closest pair
is farthest apart in CIEDE2000 under all four visions (Machado 2009 simulation; normal vision
asked for more), among colours of CIELAB chroma >= 30 with a WCAG contrast >= 2.5 against
both backgrounds (#ffffff and #1e2127), and kept apart from the no-lane grey. Ordered so
that the first few lanes differ most. tests/benchmarks/bench_lane_palette.py prints the
figures; tests/timeline/test_lane_palette.py holds them.
"""

from __future__ import annotations

LANE_COLOURS = (
    "#0077FF", "#997700", "#BB1155", "#DD8888", "#993399", "#00AAFF",
    "#EE4499", "#BB88BB", "#339955", "#0044FF", "#88AA11", "#885511",
)  # fmt: skip
NO_LANE_COLOUR = "#777777"
