"""How wide the events' titles are in the timeline's font, and how they shorten to fit.

The layout asks these two questions (through :class:`TitleMetrics`); the answers for one data set
are remembered, since the same titles are measured again at every zoom.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from viewer.model.bidi_text import without_reordering
from viewer.timeline.timeline_data import TimelineData


class TitleMetrics(Protocol):
    def width(self, index: int) -> float:
        """The full title's width in pixels (0 for no title)."""

    def elided(self, index: int, width: float) -> str:
        """The title, shortened with an ellipsis to fit ``width`` pixels."""


class FontTitleMetrics:
    """:class:`TitleMetrics` measured with a QFont, for one data set."""

    def __init__(self, data: TimelineData, font: QFont) -> None:
        self._data = data
        self._metrics = QFontMetricsF(font)
        self._titles: dict[int, str] = {}
        self._widths: dict[int, float] = {}

    def _title(self, index: int) -> str:
        """As drawn: never reordered. Read from the table once (a cell read is slow)."""
        title = self._titles.get(index)
        if title is None:
            title = without_reordering(self._data.title(index))
            self._titles[index] = title
        return title

    def width(self, index: int) -> float:
        width = self._widths.get(index)
        if width is None:
            title = self._title(index)
            width = self._metrics.horizontalAdvance(title) if title else 0.0
            self._widths[index] = width
        return width

    def elided(self, index: int, width: float) -> str:
        title = self._title(index)
        if width >= self.width(index):
            return title
        return self._metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
