"""Every colour the timeline draws comes from its Look, so the dark theme reaches all of it: the
now line, the "+N" badges, the search outlines and the overview strip too."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from PySide6.QtGui import QColor

from viewer.io.loading import load_file
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.timeline.look import DARK, LIGHT
from viewer.timeline.timeline_widget import TimelineWidget
from viewer.ui.theme import resolve_theme

TIMELINE = Path(__file__).resolve().parents[2] / "viewer" / "timeline"
COLOUR_LITERAL = re.compile(
    r"""["']#[0-9a-fA-F]{3,8}["']|(QColor|mkPen|mkBrush)\(\s*\d|GlobalColor|Qt\.(white|black)\b"""
)


def crowded() -> EventTable:
    """Two hundred events in one minute of one lane: most go into "+N" badges."""
    start = seconds_at(2026, 5, 1, 12) + np.arange(200) % 60
    return EventTable.from_columns(start=start, precision="time", title=["x"] * 200)


def badge_lightness(widget: TimelineWidget) -> float:
    """The badge's most common lightness: its fill, not its count's text."""
    widget.set_events(crowded())
    widget.scroll_lanes(10_000)  # the badges are under the lane's rows
    image = widget.plot.grab().toImage()
    (lane,) = widget.events_item.layout.lanes
    rect, _ = lane.marks.badges[0]
    rect = rect.adjusted(3, 3, -3, -3).toRect()
    pixels = [
        image.pixelColor(x, y).lightnessF()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    ]
    return float(np.median(pixels))


def test_no_module_but_the_look_and_the_lane_palette_names_a_colour():
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(TIMELINE.glob("*.py"))
        if path.name not in {"look.py", "palette.py"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COLOUR_LITERAL.search(line)
    ]
    assert offenders == []


def test_the_theme_gives_the_timeline_its_dark_look(timeline):
    timeline.apply_look(resolve_theme("dark"))
    assert timeline.events_item.look is DARK
    assert timeline.now_line.pen.color() == QColor(DARK.now_line)
    overview = timeline.overview
    assert overview.backgroundBrush().color() == QColor(DARK.overview)
    assert overview.density.opts["pen"].color() == QColor(DARK.overview_density)
    assert overview.region.brush.color() == DARK.overview_region
    assert all(
        line.pen.color() == QColor(DARK.overview_region_edge) for line in overview.region.lines
    )


def test_the_dark_look_differs_from_the_light_where_light_colours_would_vanish():
    for name in ("now_line", "badge", "badge_text", "overview_density", "overview_region"):
        assert getattr(DARK, name) != getattr(LIGHT, name), name


def test_badges_are_dark_on_the_light_look_and_light_on_the_dark(timeline):
    assert badge_lightness(timeline) < 0.5
    timeline.apply_look(DARK)
    assert badge_lightness(timeline) > 0.6


def test_the_now_line_and_the_overview_region_are_drawn_in_the_looks_colours(timeline):
    timeline.set_events(load_file("data/sample_timeline_en.csv").events)
    for look in (LIGHT, DARK):
        timeline.apply_look(look)
        image = timeline.plot.grab().toImage()
        x = round(timeline.events_item.device_point(timeline.now_line.value(), 0).x())
        column = [image.pixelColor(x + dx, y) for dx in (-1, 0, 1) for y in range(20, 400)]
        assert any(_close(c, QColor(look.now_line)) for c in column), look.name
        strip = timeline.overview.grab().toImage()
        inside = strip.pixelColor(strip.width() // 2, 10)  # the whole range is shown: in the region
        assert inside.lightnessF() < 0.3 if look is DARK else inside.lightnessF() > 0.7


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))
