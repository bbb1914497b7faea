"""The strip under the main view: all events' density over the whole range, and the current
view as a region to drag (pan) or resize (zoom)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor

from viewer.timeline.look import LIGHT, Look
from viewer.timeline.timeline_data import TimelineData

_BINS = 400
IntArray = npt.NDArray[np.int64]


class OverviewPlot(pg.PlotWidget):
    """Emits ``region_moved(x0, x1)`` when the user moves or resizes the region."""

    region_moved = Signal(float, float)

    def __init__(self, axis: pg.AxisItem) -> None:
        super().__init__(axisItems={"bottom": axis}, enableMenu=False)
        self.setFixedHeight(78)
        self.setAccessibleName(self.tr("Overview of the whole timeline"))
        self.hideAxis("left")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.density = pg.PlotDataItem(stepMode="center", fillLevel=0)
        self.addItem(self.density)
        self.region = pg.LinearRegionItem()
        self.region.setZValue(10)
        self.addItem(self.region)
        self._updating = False
        self.region.sigRegionChanged.connect(self._on_region_changed)
        self.set_look(LIGHT)

    def set_look(self, look: Look) -> None:
        self.setBackground(look.overview)
        axis = self.getAxis("bottom")
        axis.setTextPen(look.text)
        axis.setPen(look.axis)
        self.density.setPen(pg.mkPen(look.overview_density, width=1))
        self.density.setBrush(pg.mkBrush(look.overview_fill))
        self.region.setBrush(pg.mkBrush(look.overview_region))
        hover = QColor(look.overview_region)
        hover.setAlpha(min(hover.alpha() * 2, 255))  # as pyqtgraph derives it from the brush
        self.region.setHoverBrush(pg.mkBrush(hover))
        for line in self.region.lines:
            line.setPen(pg.mkPen(look.overview_region_edge))

    def set_data(self, data: TimelineData) -> None:
        if not data.lanes:
            self.density.setData([], [])
            return
        span = max(data.x_max - data.x_min, 1.0)
        edges = np.linspace(data.x_min, data.x_min + span, _BINS + 1)
        counts = sum((_counts_between(lane.start, edges) for lane in data.lanes), np.zeros(_BINS))
        self.density.setData(edges, np.log1p(counts))
        margin = span * 0.02
        self.setXRange(data.x_min - margin, data.x_min + span + margin, padding=0)
        self.setYRange(0, max(float(np.log1p(counts).max()), 1.0) * 1.05, padding=0)

    def show_view(self, x0: float, x1: float) -> None:
        """Follow the main view without echoing the change back."""
        self._updating = True
        try:
            self.region.setRegion((x0, x1))
        finally:
            self._updating = False

    def _on_region_changed(self) -> None:
        if not self._updating:
            x0, x1 = self.region.getRegion()
            self.region_moved.emit(float(x0), float(x1))


def _counts_between(sorted_x: npt.NDArray[np.float64], edges: npt.NDArray[np.float64]) -> IntArray:
    """``np.histogram(sorted_x, edges)`` of already sorted values: a binary search per edge
    instead of a pass over millions (the last bin holds its right edge, as there)."""
    below = np.searchsorted(sorted_x, edges, side="left")
    below[-1] = np.searchsorted(sorted_x, edges[-1], side="right")
    return np.diff(below)
