"""The main view's ViewBox: x-only navigation, a rubber band on right-drag or Shift+drag, and
Shift+wheel to scroll the lanes (the plain wheel zooms in time)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal

WHEEL_STEP_PX = 66.0  # one notch of the wheel: three rows


class TimelineViewBox(pg.ViewBox):
    scroll_requested = Signal(float)  # pixels, positive scrolls the lanes down

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=True, y=False)
        self.invertY(True)  # the first lane at the top

    def mouseDragEvent(self, ev: object, axis: int | None = None) -> None:
        rubber_band = ev.button() == Qt.MouseButton.RightButton or (  # type: ignore[attr-defined]
            ev.button() == Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
            and ev.modifiers() & Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
        )
        if not rubber_band:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()  # type: ignore[attr-defined]
        start = QPointF(ev.buttonDownPos(ev.button()).x(), 0)  # type: ignore[attr-defined]
        here = QPointF(ev.pos().x(), self.height())  # type: ignore[attr-defined]
        if not ev.isFinish():  # type: ignore[attr-defined]
            self.updateScaleBox(start, here)
            return
        self.rbScaleBox.hide()
        x0 = self.mapToView(start).x()
        x1 = self.mapToView(here).x()
        if abs(x1 - x0) > 0:
            self.setXRange(min(x0, x1), max(x0, x1), padding=0)

    def wheelEvent(self, ev: object, axis: int | None = None) -> None:
        if ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:  # type: ignore[attr-defined]
            ev.accept()  # type: ignore[attr-defined]
            self.scroll_requested.emit(-ev.delta() / 120 * WHEEL_STEP_PX)  # type: ignore[attr-defined]
            return
        super().wheelEvent(ev, axis)
