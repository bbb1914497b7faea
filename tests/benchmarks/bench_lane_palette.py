"""Prints how far apart the lane colours look (the closest pair's CIEDE2000 difference) with
normal vision and simulated protanopia, deuteranopia and tritanopia (Machado 2009), for the
first 4, 8 and 12 lanes, and each colour's WCAG contrast on the light and dark backgrounds.

    PYTHONPATH=. python tests/benchmarks/bench_lane_palette.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "timeline"))

from colour_vision import SIMULATIONS, closest_pair, contrast_ratio

from viewer.timeline.look import DARK, LIGHT
from viewer.timeline.palette import LANE_COLOURS, NO_LANE_COLOUR


def main() -> None:
    for lanes in (4, 8, 12):
        colours = [*LANE_COLOURS[:lanes], NO_LANE_COLOUR]
        figures = ", ".join(
            f"{vision} {closest_pair(colours, vision)[0]:.1f}" for vision in SIMULATIONS
        )
        print(f"first {lanes} lanes and the no-lane grey: closest pair {figures}")
    for colour in LANE_COLOURS:
        light, dark = (contrast_ratio(colour, look.background) for look in (LIGHT, DARK))
        print(f"{colour}: contrast {light:.2f} on light, {dark:.2f} on dark")


if __name__ == "__main__":
    main()
