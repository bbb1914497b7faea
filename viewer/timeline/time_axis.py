"""The timeline's horizontal axis: calendar and deep-time ticks from seconds to billions of years.

pyqtgraph's DateAxisItem goes through ``datetime`` and fails outside years 1-9999, so this axis
asks :func:`choose_ticks` instead. Plot x values are seconds relative to an origin: float64 then
keeps sub-second detail near the origin even when absolute instants are ~1e17 seconds.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6 import QtGui

from viewer.model.date_wording import ENGLISH, DateWording
from viewer.timeline.tick_spacing import Tick, choose_ticks

# Room between neighbouring labels, so each reads as its own.
MIN_LABEL_GAP_PX = 12


class TimeAxisItem(pg.AxisItem):
    """A bottom (or top) axis whose x values are seconds since :meth:`origin`.

    Labels are written by ``wording`` and measured with the axis font, so none overlap or
    overhang the ends (pyqtgraph would hide those). AxisItem's ``setScale`` and log mode do not
    apply to time and are ignored.
    """

    def __init__(
        self,
        orientation: str = "bottom",
        origin: float = 0.0,
        wording: DateWording = ENGLISH,
        **kwargs: Any,
    ) -> None:
        super().__init__(orientation, **kwargs)
        self._origin = float(origin)
        self._wording = wording
        self._cache_key: tuple[Any, ...] | None = None
        self._ticks: list[Tick] = []
        self._labels: dict[float, str] = {}

    def origin(self) -> float:
        return self._origin

    @property
    def wording(self) -> DateWording:
        """How the labels write dates (fixed for the axis's life)."""
        return self._wording

    def set_origin(self, seconds: float) -> None:
        """Absolute seconds since 1970 that plot x = 0 stands for."""
        self._origin = float(seconds)
        self._cache_key = None
        self.picture = None  # AxisItem repaints from this cached QPicture
        self.update()

    def ticks(self) -> list[Tick]:
        """The ticks chosen for the last drawn range (absolute seconds)."""
        return list(self._ticks)

    # -- pyqtgraph AxisItem overrides (camelCase is pyqtgraph's) ----------------------------
    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float | None, list[float]]]:
        lo, hi = sorted((minVal, maxVal))
        if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and size > 0):
            self._remember((), [])
            return [(None, [])]
        font = self._label_font()
        key = (lo, hi, float(size), self._origin, font.toString())
        if key != self._cache_key:
            metrics = QtGui.QFontMetricsF(font)
            ticks = choose_ticks(
                self._origin + lo,
                self._origin + hi,
                size,
                metrics.horizontalAdvance,
                MIN_LABEL_GAP_PX,
                wording=self._wording,
            )
            self._remember(key, ticks)
        return [(None, list(self._labels))]

    def tickStrings(self, values: list[float], scale: float, spacing: float | None) -> list[str]:
        # pyqtgraph hands back the values tickValues returned, so they are the dict's keys.
        return [self._labels.get(value, "") for value in values]

    def _remember(self, key: tuple[Any, ...], ticks: list[Tick]) -> None:
        self._cache_key = key or None
        self._ticks = ticks
        self._labels = {tick.seconds - self._origin: tick.label for tick in ticks}

    def _label_font(self) -> QtGui.QFont:
        # AxisItem.paint draws with tickFont when set, else the painter's (application) font.
        tick_font = self.style.get("tickFont")
        return QtGui.QFont(tick_font) if tick_font is not None else QtGui.QFont(self.font())
