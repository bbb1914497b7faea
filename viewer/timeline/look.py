"""The timeline's colours for a light and a dark background (the app's themes and exported
pictures use the same two).

Every colour the timeline items draw with lives here, so a theme reaches all of them: the lanes'
stripes and text, the selection and search outlines, the "+N" badges, the now line and the
overview strip. A lane's colour is ``look.lane_colour(number)``, the one source the timeline, the
Lanes panel and the pictures' legend all draw from (the palette of :mod:`viewer.timeline.palette`
reads on both backgrounds, so both looks use it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from viewer.model.lane_colours import NO_LANE
from viewer.timeline.palette import LANE_COLOURS, NO_LANE_COLOUR


@dataclass(frozen=True)
class Look:
    name: str
    background: str
    text: str
    axis: str
    overview: str  # the overview strip's background
    stripe: QColor  # every other lane
    selection: str  # the selected event's outline
    highlight: str  # search matches' outline
    badge: QColor  # "+N" badges: the count of events a crowded lane cannot show
    badge_text: str
    now_line: str
    overview_density: str  # the overview's histogram line
    overview_fill: QColor  # ... and the area under it
    overview_region: QColor  # the part of the overview the main view shows
    overview_region_edge: str
    star: str = "#E0A800"  # a starred event's ring and star: gold, beside the lane colour
    star_edge: str = "#6b4e00"  # the star glyph's edge, so it reads on light and dark stripes
    tag_mark: str = "#3a3a3a"  # a tagged event's tick under its mark
    text_on_light_bar: str = "#000000"  # a title drawn on its own bar, whichever reads better
    text_on_dark_bar: str = "#ffffff"
    lanes: tuple[str, ...] = LANE_COLOURS  # a look may have its own variant of the palette
    no_lane: str = NO_LANE_COLOUR

    def lane_colour(self, number: int) -> QColor:
        """The colour a lane with this colour number (viewer.model.lane_colours) is drawn in."""
        return QColor(self.no_lane if number == NO_LANE else self.lanes[number % len(self.lanes)])


LIGHT = Look(
    name="light",
    background="#ffffff",
    text="#1d1d1d",
    axis="#555555",
    overview="#f4f4f4",
    stripe=QColor(0, 0, 0, 12),
    selection="#000000",
    highlight="#F2A900",
    badge=QColor(0, 0, 0, 150),
    badge_text="#ffffff",
    now_line="#D62728",
    overview_density="#4477AA",
    overview_fill=QColor(68, 119, 170, 90),
    overview_region=QColor(0, 0, 0, 30),
    overview_region_edge="#333333",
)
DARK = Look(
    name="dark",
    background="#1e2127",
    text="#e6e6e6",
    axis="#a8adb5",
    overview="#262a31",
    stripe=QColor(255, 255, 255, 14),
    selection="#ffffff",
    highlight="#F2A900",  # amber reads on either background
    badge=QColor(230, 230, 230, 190),
    badge_text="#1e2127",
    now_line="#FF6B6B",
    overview_density="#7CB7FF",
    overview_fill=QColor(124, 183, 255, 80),
    overview_region=QColor(255, 255, 255, 34),
    overview_region_edge="#c8ccd2",
    star="#FFC933",
    star_edge="#1e2127",
    tag_mark="#d8dbe0",
)
# For paper, in colour or not: black text and lines, stripes and badges a grey that a greyscale
# printer still prints, no light-grey text.
PRINT = Look(
    name="print",
    background="#ffffff",
    text="#000000",
    axis="#000000",
    overview="#ffffff",
    stripe=QColor(0, 0, 0, 22),
    selection="#000000",
    highlight="#000000",
    badge=QColor(0, 0, 0, 200),
    badge_text="#ffffff",
    now_line="#000000",
    overview_density="#000000",
    overview_fill=QColor(0, 0, 0, 60),
    overview_region=QColor(0, 0, 0, 30),
    overview_region_edge="#000000",
    star="#000000",
    star_edge="#000000",
    tag_mark="#000000",
)
LOOKS = {look.name: look for look in (LIGHT, DARK, PRINT)}
