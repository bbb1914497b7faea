"""What a picture is asked to be: its size, its text, its range and its look.

Sizes are the picture's pixels; everything is laid out in the timeline's own pixels (the app's
12-px text), ``text_scale`` of the picture's pixels each, so text grows with the picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from viewer.model.date_wording import ENGLISH, DateWording
from viewer.model.event_table import EventTable
from viewer.timeline.look import LIGHT, Look
from viewer.timeline.picture_presets import PRESETS, default_font_size, text_scale


class NothingToDrawError(ValueError):
    """No event is shown (or none in the range asked for): a picture would be an empty axis."""


@dataclass
class ImageRequest:
    width: float = 1920  # the picture's pixels
    height: float = 1080
    scale: float = 1.0  # PNG only: 2.0 doubles the pixels, same layout
    dpi: float = 96.0  # pixels per inch the picture is seen or printed at
    font_size: float | None = None  # the body text in points at ``dpi``; None: for the size
    time_range: tuple[float, float] | None = None  # absolute seconds; None shows everything
    title: str = ""
    subtitle: str = ""
    credit: str = ""  # the source line, under the picture
    caption: str = ""
    legend: bool = True
    date_span: bool = True  # the span of dates shown, written under the title
    look: Look = LIGHT
    page: str | None = None  # PDF: "A4", "Letter"...; None fits the page to the picture
    landscape: bool = True
    pages_wide: int = 1  # PDF: the range cut into this many pages, each with its axis
    highlighted: np.ndarray | None = None  # search matches, outlined as in the app
    starred: np.ndarray | None = None  # events (indices) drawn with a star, as in the app
    tagged: np.ndarray | None = None  # events drawn with the tagged tick
    starred_only: bool = False  # draw only the starred events
    wording: DateWording = ENGLISH  # how the time axis writes dates, as in the app
    lane_colours: Mapping[str, int] | None = None  # the session's; None numbers lanes in order
    lane_order: list[str] = field(default_factory=list)  # the user's; others follow as they come

    @property
    def body_points(self) -> float:
        if self.font_size is not None:
            return self.font_size
        return default_font_size(self.width, self.height, self.dpi)

    @property
    def text_scale(self) -> float:
        return text_scale(self.body_points, self.dpi)

    @property
    def layout_size(self) -> tuple[float, float]:
        """The picture in the timeline's pixels: what is laid out."""
        return self.width / self.text_scale, self.height / self.text_scale


def preset_request(name: str, **options: object) -> ImageRequest:
    """A request for one of :data:`PRESETS`, with any other options."""
    preset = PRESETS[name]
    request = ImageRequest(width=preset.width, height=preset.height, dpi=preset.dpi,
                           font_size=preset.font_size, page=preset.page)  # fmt: skip
    return replace(request, **options)  # type: ignore[arg-type]


def drawn_events(
    events: EventTable, shown: np.ndarray | None, request: ImageRequest
) -> np.ndarray | None:
    """The events a picture draws: ``shown``, or only the starred among them when asked.
    Raises :class:`NothingToDrawError` when none of the shown events is starred."""
    if not request.starred_only:
        return shown
    starred = np.zeros(len(events), dtype=bool)
    if request.starred is not None:
        starred[np.asarray(request.starred, dtype=np.int64)] = True
    if shown is not None:
        keep = np.zeros(len(events), dtype=bool)
        keep[np.asarray(shown, dtype=np.int64)] = True
        starred &= keep
    if not starred.any():
        raise NothingToDrawError("no shown event is starred, so there is nothing to draw")
    return np.flatnonzero(starred).astype(np.int64)


def shown_span(events: EventTable, shown: np.ndarray | None) -> tuple[float, float] | None:
    """From the first shown event's start to the last one's end; None when none is shown."""
    table = events if shown is None else events.subset(shown)
    if len(table) == 0:
        return None
    return float(table.start.min()), float(table.last_instants().max())


def check_something_to_draw(
    events: EventTable, shown: np.ndarray | None, time_range: tuple[float, float] | None
) -> None:
    """Raise :class:`NothingToDrawError` when no shown event reaches into ``time_range``."""
    table = events if shown is None else events.subset(shown)
    if len(table) == 0:
        raise NothingToDrawError("no events are shown, so there is nothing to draw")
    if time_range is not None:
        start, end = time_range
        inside = (table.last_instants() >= start) & (table.start <= end)
        if not inside.any():
            raise NothingToDrawError("no shown event falls in the range asked for")
