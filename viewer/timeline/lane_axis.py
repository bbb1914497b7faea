"""The lane names beside their lanes: a left axis whose ticks are the lanes' centres.

The axis is as wide as the longest name needs, up to ``MAX_WIDTH``; names are elided to it
(pyqtgraph drops a tick text that does not fit), carry a
triangle that says whether the lane is collapsed, and a click on one collapses or expands its
lane. The wheel over the names scrolls the lanes.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF

from viewer.model.bidi_text import without_reordering
from viewer.timeline.timeline_view_box import WHEEL_STEP_PX

MAX_WIDTH = 180  # a longer lane name is elided: the events need the width more
MIN_WIDTH = 48
MARGIN = 12  # the tick text's offset, and a margin
EXPANDED, COLLAPSED = "▾", "▸"


class LaneAxisItem(pg.AxisItem):
    lane_clicked = Signal(int)  # the lane's position from the top
    scroll_requested = Signal(float)  # pixels, positive scrolls down

    def __init__(self) -> None:
        super().__init__(orientation="left")
        self._width = MIN_WIDTH
        self.setWidth(MIN_WIDTH)
        self._font = QFont()
        self.setStyle(tickFont=self._font)
        self._spans: list[tuple[float, float]] = []  # each lane's top and bottom, in view y
        self.foldable = True  # a picture's names carry no fold triangle: nothing to click there
        self.setToolTip(
            QCoreApplication.translate("LaneAxis", "Click a lane's name to fold it to one row")
        )

    def set_lanes(self, lanes: list[tuple[float, float, str, bool]]) -> None:
        """Each lane's top and height in view y, its name and whether it is collapsed."""
        metrics = QFontMetricsF(self._font)
        texts = []
        for _, _, name, collapsed in lanes:
            text = without_reordering(name)
            if self.foldable:
                text = f"{COLLAPSED if collapsed else EXPANDED} {text}"
            texts.append(text)
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0.0)
        width = int(min(max(widest + MARGIN + 2, MIN_WIDTH), MAX_WIDTH))
        if width != self._width:  # not the geometry's width: that follows later, or never
            self._width = width  # when the window is too narrow, and asking again would loop
            self.setWidth(width)
        elide = Qt.TextElideMode.ElideRight
        ticks = [
            (top + height / 2, metrics.elidedText(text, elide, width - MARGIN))
            for (top, height, _, _), text in zip(lanes, texts, strict=True)
        ]
        self._spans = [(top, top + height) for top, height, _, _ in lanes]
        self.setTicks([ticks, []])

    def lane_top(self, number: int) -> float:
        """The view y where a lane (by its position from the top) begins."""
        return self._spans[number][0]

    def lane_at(self, view_y: float) -> int | None:
        for number, (top, bottom) in enumerate(self._spans):
            if top <= view_y < bottom:
                return number
        return None

    def mouseClickEvent(self, event: object) -> None:
        view = self.linkedView()
        if view is None or event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        y = view.mapSceneToView(event.scenePos()).y()  # type: ignore[attr-defined]
        lane = self.lane_at(y)
        if lane is not None:
            event.accept()  # type: ignore[attr-defined]
            self.lane_clicked.emit(lane)

    def wheelEvent(self, event: object) -> None:
        event.accept()  # type: ignore[attr-defined]
        self.scroll_requested.emit(-event.delta() / 120 * WHEEL_STEP_PX)  # type: ignore[attr-defined]
