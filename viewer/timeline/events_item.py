"""The graphics item that draws every lane's events: marks and labels when few, density when many.

It paints only what is visible, in device pixels (marks and text keep their size at any zoom),
and keeps what it drew (``DrawnFrame``) so clicks and hovers are answered without recomputing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPen,
)

from viewer.timeline.mark_layout import MARK_RADIUS, layout_marks
from viewer.timeline.timeline_data import LaneEvents, TimelineData

MARK_LIMIT = 1500  # above this many events in view, a lane shows its density
ROW_PX = 22.0
BAR_PX = 12.0
HIT_PX = 6.0
COUNT_BUCKET_PX = 90.0
BADGE_STRIP_PX = 16.0


@dataclass
class DrawnFrame:
    """What the last paint put where (device pixels)."""

    mark_left: list[np.ndarray] = field(default_factory=list)
    mark_right: list[np.ndarray] = field(default_factory=list)
    mark_y: list[np.ndarray] = field(default_factory=list)
    mark_index: list[np.ndarray] = field(default_factory=list)
    zoom_zones: list[tuple[QRectF, float, float]] = field(default_factory=list)  # rect, x range
    labels: list[tuple[QRectF, int, bool]] = field(default_factory=list)  # rect, event, on its bar

    def marks(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if not self.mark_index:
            empty = np.empty(0)
            return empty, empty, empty, np.empty(0, np.int64)
        return (
            np.concatenate(self.mark_left),
            np.concatenate(self.mark_right),
            np.concatenate(self.mark_y),
            np.concatenate(self.mark_index),
        )


class EventsItem(pg.GraphicsObject):
    """Emits ``event_clicked(index or None)`` and ``zoom_requested(x0, x1)`` (view x)."""

    event_clicked = Signal(object)
    zoom_requested = Signal(float, float)
    double_clicked = Signal(float)  # view x

    def __init__(self) -> None:
        super().__init__()
        self._data = TimelineData.empty()
        self._selected: int | None = None
        self._highlighted = np.empty(0, np.int64)
        self._font = QFont()
        self._font.setPointSizeF(9.0)
        self._metrics = QFontMetricsF(self._font)
        self._label_widths: dict[int, float] = {}
        self._frame = DrawnFrame()
        self._to_device = (1.0, 0.0, 1.0, 0.0)  # sx, dx, sy, dy of the last paint
        self._view_pixels = (0.0, 0.0)
        self.text_colour = QColor("#1d1d1d")
        self.stripe_colour = QColor(0, 0, 0, 12)
        self.selection_colour = QColor("#000000")
        self.lighten_lanes = False
        self.setAcceptHoverEvents(True)

    # -- data -----------------------------------------------------------------------------
    def set_data(self, data: TimelineData) -> None:
        self.prepareGeometryChange()
        self._data = data
        self._label_widths = {}
        self._selected = None
        self.update()

    def set_selected(self, index: int | None) -> None:
        self._selected = index
        self.update()

    def set_highlighted(self, indices: np.ndarray) -> None:
        self._highlighted = np.asarray(indices, dtype=np.int64)
        self.update()

    @property
    def frame(self) -> DrawnFrame:
        return self._frame

    # -- pyqtgraph item protocol ------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        view = self.getViewBox()
        return QRectF(view.viewRect()) if view is not None else QRectF()

    def dataBounds(
        self, axis: int, frac: float = 1.0, orthoRange: object = None
    ) -> tuple[float, float]:
        if axis == 0:
            return (self._data.x_min, self._data.x_max) if self._data.lanes else (-1.0, 1.0)
        return (0.0, float(max(len(self._data.lanes), 1)))

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()

    # -- painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        view = self.getViewBox()
        if view is None:
            return
        (x0, x1), _ = view.viewRange()
        transform = painter.transform()
        sx, dx, sy, dy = transform.m11(), transform.dx(), transform.m22(), transform.dy()
        self._to_device = (sx, dx, sy, dy)
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._font)
        self._frame = DrawnFrame()
        left, right = sx * x0 + dx, sx * x1 + dx
        self._view_pixels = (left, right)
        for number, lane in enumerate(self._data.lanes):
            top, bottom = sorted((sy * number + dy, sy * (number + 1) + dy))
            if number % 2:
                painter.fillRect(QRectF(left, top, right - left, bottom - top), self.stripe_colour)
            painter.fillRect(QRectF(left, top + 1, 4, bottom - top - 2), self._lane_colour(lane))
            visible = lane.visible(x0, x1)
            if visible.stop - visible.start > MARK_LIMIT:
                self._paint_density(painter, lane, x0, x1, (left, right, top, bottom))
            else:
                self._paint_marks(painter, lane, visible, (sx, dx), (top, bottom))

    def _paint_density(
        self,
        painter: QPainter,
        lane: LaneEvents,
        x0: float,
        x1: float,
        box: tuple[float, float, float, float],
    ) -> None:
        left, right, top, bottom = box
        columns = max(int(right - left), 1)
        edges = np.linspace(x0, x1, columns + 1)
        counts = np.diff(np.searchsorted(lane.start, edges))
        peak = max(int(counts.max()), 1)
        colour = self._lane_colour(lane)
        alpha = np.where(counts > 0, 40 + 215 * np.log1p(counts) / np.log1p(peak), 0).astype(
            np.uint32
        )
        pixels = (alpha << 24) | (colour.red() << 16) | (colour.green() << 8) | colour.blue()
        pixels = np.ascontiguousarray(pixels, dtype=np.uint32)
        image = QImage(pixels.data, columns, 1, columns * 4, QImage.Format.Format_ARGB32)
        strip = QRectF(left, top + 3, right - left, bottom - top - 6)
        painter.drawImage(strip, image)
        self._paint_counts(painter, counts, edges, strip)

    def _paint_counts(
        self, painter: QPainter, counts: np.ndarray, edges: np.ndarray, strip: QRectF
    ) -> None:
        """Cluster counts: how many events each stretch of the strip holds; a click zooms in."""
        per_bucket = max(int(COUNT_BUCKET_PX), 1)
        starts = np.arange(0, len(counts), per_bucket)
        sums = np.add.reduceat(counts, starts)
        painter.setPen(self.text_colour)
        for first, total in zip(starts.tolist(), sums.tolist(), strict=True):
            last = min(first + per_bucket, len(counts))
            rect = QRectF(strip.left() + first, strip.top(), last - first, strip.height())
            self._frame.zoom_zones.append((rect, float(edges[first]), float(edges[last])))
            if total and strip.height() >= 14:
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{total:,}")

    def _paint_marks(
        self,
        painter: QPainter,
        lane: LaneEvents,
        visible: slice,
        to_x: tuple[float, float],
        band: tuple[float, float],
    ) -> None:
        sx, dx = to_x
        top, bottom = band
        x_start = lane.start[visible] * sx + dx
        x_end = lane.extent_end[visible] * sx + dx
        indices = lane.index[visible]
        widths = np.array([self._label_width(int(i)) for i in indices], dtype=np.float64)
        # The lane's bottom strip is kept for "+N" badges, so a badge never covers a mark.
        max_rows = int((bottom - top - 4 - BADGE_STRIP_PX) // ROW_PX)
        view_left, view_right = self._view_pixels
        layout = layout_marks(x_start, x_end, widths, max_rows, clip=(view_left, view_right))
        row_y = top + 2 + (layout.row + 0.5) * ROW_PX
        colour = self._lane_colour(lane)
        for k, item in enumerate(layout.item.tolist()):
            slot = visible.start + item
            self._paint_mark(
                painter,
                lane,
                slot,
                float(x_start[item]),
                float(x_end[item]),
                float(row_y[k]),
                colour,
            )
        for label in layout.labels:
            index = int(indices[layout.item[label.mark]])
            on_bar = label.inside and bool(lane.has_span[visible.start + layout.item[label.mark]])
            painter.setPen(_text_on(colour) if on_bar else self.text_colour)
            text = self._metrics.elidedText(
                self._data.title(index), Qt.TextElideMode.ElideRight, label.width
            )
            rect = QRectF(label.x, row_y[label.mark] - ROW_PX / 2, label.width, ROW_PX)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            self._frame.labels.append((rect, index, label.inside))
        self._paint_badges(painter, layout.badges, bottom, to_x)
        self._frame.mark_left.append(layout.left)
        self._frame.mark_right.append(layout.right)
        self._frame.mark_y.append(row_y)
        self._frame.mark_index.append(indices[layout.item])

    def _paint_mark(
        self,
        painter: QPainter,
        lane: LaneEvents,
        slot: int,
        xs: float,
        xe: float,
        y: float,
        colour: QColor,
    ) -> None:
        index = int(lane.index[slot])
        if xe - xs > 2:
            self._paint_extent(
                painter, lane, slot, QRectF(xs, y - BAR_PX / 2, xe - xs, BAR_PX), colour
            )
        if not lane.has_span[slot] or xe - xs <= 2 * MARK_RADIUS:
            painter.setPen(QPen(colour.darker(140), 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(xs, y), MARK_RADIUS, MARK_RADIUS)
        if index == self._selected or (len(self._highlighted) and index in self._highlighted):
            pen = QPen(self.selection_colour if index == self._selected else QColor("#F2A900"), 2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            right = max(xe, xs + MARK_RADIUS)
            painter.drawRoundedRect(
                QRectF(xs - MARK_RADIUS - 3, y - 9, right - xs + MARK_RADIUS + 6, 18), 5, 5
            )

    def _paint_extent(
        self, painter: QPainter, lane: LaneEvents, slot: int, rect: QRectF, colour: QColor
    ) -> None:
        """A span as a bar; a day/month/year as a faint band; approximate ends fade out."""
        fill = QColor(colour)
        fill.setAlpha(200 if lane.has_span[slot] else 55)
        brush = QBrush(fill)
        if lane.approximate[slot]:
            fade = QLinearGradient(rect.left(), 0, rect.right(), 0)
            clear = QColor(fill)
            clear.setAlpha(0)
            edge = min(0.25, 30 / max(rect.width(), 1))
            fade.setColorAt(0, clear)
            fade.setColorAt(edge, fill)
            fade.setColorAt(1 - edge, fill)
            fade.setColorAt(1, clear)
            brush = QBrush(fade)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush)
        painter.drawRoundedRect(rect, 3, 3)

    def _paint_badges(
        self,
        painter: QPainter,
        badges: list[tuple[float, int]],
        bottom: float,
        to_x: tuple[float, float],
    ) -> None:
        sx, dx = to_x
        for x, count in badges:
            rect = QRectF(x - 16, bottom - BADGE_STRIP_PX - 1, 32, 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{count:,}")
            span = 40 / sx if sx else 0.0
            centre = (x - dx) / sx if sx else 0.0
            self._frame.zoom_zones.append((rect, centre - span, centre + span))

    def _lane_colour(self, lane: LaneEvents) -> QColor:
        colour = QColor(lane.colour)
        if self.lighten_lanes and colour.lightnessF() < 0.45:
            colour = colour.lighter(170)  # deep indigo or wine would vanish on a dark background
        return colour

    def _label_width(self, index: int) -> float:
        width = self._label_widths.get(index)
        if width is None:
            title = self._data.title(index)
            width = self._metrics.horizontalAdvance(title) if title else 0.0
            self._label_widths[index] = width
        return width

    # -- hits -------------------------------------------------------------------------------
    def device_point(self, x: float, y: float) -> QPointF:
        sx, dx, sy, dy = self._to_device
        return QPointF(sx * x + dx, sy * y + dy)

    def event_at(self, device: QPointF) -> int | None:
        """The event drawn nearest to a device point, within a few pixels."""
        left, right, y, index = self._frame.marks()
        if len(index) == 0:
            return None
        px, py = device.x(), device.y()
        dx = np.maximum(np.maximum(left - px, px - right), 0)
        dy = np.maximum(np.abs(y - py) - BAR_PX / 2, 0)
        distance = np.hypot(dx, dy)
        best = int(np.argmin(distance))
        return int(index[best]) if distance[best] <= HIT_PX else None

    def zoom_zone_at(self, device: QPointF) -> tuple[float, float] | None:
        for rect, x0, x1 in self._frame.zoom_zones:
            if rect.contains(device):
                return x0, x1
        return None

    def mouseClickEvent(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        ev.accept()  # type: ignore[attr-defined]
        if ev.double():  # type: ignore[attr-defined]
            self.double_clicked.emit(float(ev.pos().x()))  # type: ignore[attr-defined]
            return
        device = self._item_to_device(ev.pos())  # type: ignore[attr-defined]
        hit = self.event_at(device)
        if hit is not None:
            self.event_clicked.emit(hit)
            return
        zone = self.zoom_zone_at(device)
        if zone is not None:
            self.zoom_requested.emit(*zone)
        else:
            self.event_clicked.emit(None)

    def hoverEvent(self, ev: object) -> None:
        if ev.isExit():  # type: ignore[attr-defined]
            self.setToolTip("")
            return
        hit = self.event_at(self._item_to_device(ev.pos()))  # type: ignore[attr-defined]
        self.setToolTip(self._tooltip(hit) if hit is not None else "")

    def _tooltip(self, index: int) -> str:
        """Title, date as written and lane; escaped, so text from a file is never HTML."""
        frame = self._data.events.frame
        lines = (
            self._data.title(index),
            frame["date_text"].iat[index],
            frame["lane"].iat[index] or "—",
        )
        return "<qt>" + "<br>".join(html.escape(str(line)) for line in lines) + "</qt>"

    def _item_to_device(self, pos: QPointF) -> QPointF:
        return self.device_point(pos.x(), pos.y())


def _text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the bar (WCAG relative luminance)."""
    channels = [c / 255 for c in (background.red(), background.green(), background.blue())]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return QColor("#000000") if luminance > 0.18 else QColor("#ffffff")
