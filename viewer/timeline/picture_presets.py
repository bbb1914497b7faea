"""Where a picture is going decides its size, its resolution and how big its text is.

A preset is the picture's size in pixels, the pixels per inch it is meant to be seen or printed
at, the body text's size in points at that resolution and, for the page presets, the PDF page.
The text size is what makes a picture legible: 10.5 pt at 96 px per inch reads on a 1200-px web
page; a slide seen across a room or a square shown at half size on a phone needs more; a page
printed at 300 dpi reads at 9 pt, as books do.
"""

from __future__ import annotations

from dataclasses import dataclass

BODY_PX = 12.0  # the timeline's own text (9 pt at 96 px per inch): the size pictures scale from
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Preset:
    name: str
    width: int  # pixels
    height: int
    dpi: float = 96.0
    font_size: float = 10.5  # points, at ``dpi``
    page: str | None = None  # the PDF page ("A4", "Letter"); None: a page the picture's size


def _page(name: str, long_mm: float, short_mm: float) -> Preset:
    """A landscape page at 300 dpi."""
    width, height = (round(mm / MM_PER_INCH * 300) for mm in (long_mm, short_mm))
    return Preset(name, width, height, dpi=300.0, font_size=9.0, page=name)


PRESETS = {
    preset.name: preset
    for preset in (
        Preset("web", 1200, 675, font_size=10.5),
        Preset("square", 1080, 1080, font_size=14.0),
        Preset("slide", 1920, 1080, font_size=15.0),
        _page("A4", 297.0, 210.0),
        _page("Letter", 279.4, 215.9),
    )
}


def default_font_size(width: float, height: float, dpi: float = 96.0) -> float:
    """The body text's size (points) for a picture of another size: as large, for its size,
    as on the web preset, and never smaller."""
    web = PRESETS["web"]
    grow = max(1.0, min(width / web.width, height / web.height) * 96.0 / dpi)
    return web.font_size * grow


def text_scale(font_size: float, dpi: float) -> float:
    """How many of the picture's pixels one of the timeline's pixels becomes, for body text of
    ``font_size`` points at ``dpi``."""
    return font_size * dpi / 72.0 / BODY_PX
