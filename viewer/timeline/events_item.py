"""The graphics item that draws every lane's events: marks and titles when few, density when many.

What goes where is a :class:`TimelineLayout` (``timeline_layout.py``), a pure function of the data,
the visible range and the pixel mapping, cached on those inputs. ``paint`` only draws the layout,
in device pixels (marks and text keep their size at any zoom), with the colours of the current
:class:`Look`; clicks and hovers read the same layout, computing it if nothing was painted yet.
"""

from __future__ import annotations

import html

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPen,
    QTransform,
)

from viewer.model.bidi_text import without_reordering
from viewer.timeline.annotation_marks import paint_density_stars, paint_mark_annotations
from viewer.timeline.look import LIGHT, Look
from viewer.timeline.mark_layout import MARK_RADIUS
from viewer.timeline.timeline_data import TimelineData
from viewer.timeline.timeline_layout import (
    BAR_PX,
    ROW_PX,
    DensityLayout,
    DeviceMapping,
    LaneLayout,
    MarksLayout,
    TimelineLayout,
    layout_timeline,
)
from viewer.timeline.timeline_layout import (
    MARK_LIMIT as MARK_LIMIT,  # re-exported: callers ask the item when lanes turn to density
)
from viewer.timeline.title_metrics import FontTitleMetrics

CACHED_LAYOUTS = 4  # the screen's, and an export's drawn through another mapping
TOOLTIP_TITLE_CHARS = 400  # a tooltip is a glance; the details panel shows the whole title


class EventsItem(pg.GraphicsObject):
    """Emits ``event_clicked(index or None)`` and ``zoom_requested(x0, x1)`` (view x)."""

    event_clicked = Signal(object)
    zoom_requested = Signal(float, float)
    double_clicked = Signal(float)  # view x
    context_requested = Signal(int, QPoint)  # an event right-clicked, at this screen point

    def __init__(self) -> None:
        super().__init__()
        self._data = TimelineData.empty()
        self._version = 0  # counts data changes: part of the layout cache's key
        self._selected: int | None = None
        self._highlight_indices = np.empty(0, np.int64)
        self._highlighted = np.zeros(0, dtype=bool)  # over the events: search matches
        self._starred = np.zeros(0, dtype=bool)  # over the events: the user's stars
        self._tagged = np.zeros(0, dtype=bool)  # ... and tags
        self._font = QFont()
        self._font.setPointSizeF(9.0)
        self._metrics = FontTitleMetrics(self._data, self._font)
        self._layouts: dict[tuple[object, ...], TimelineLayout] = {}
        self._collapsed: frozenset[str] = frozenset()
        self._fit_to_view = False  # a picture: lanes shrink to the view's height, no scrolling
        self._height = 0.0  # of all lanes, in view y, as last laid out
        self._look = LIGHT
        self.setAcceptHoverEvents(True)

    # -- data -----------------------------------------------------------------------------
    def set_data(self, data: TimelineData) -> None:
        self.prepareGeometryChange()
        self._data = data
        self._version += 1
        self._layouts = {}
        self._metrics = FontTitleMetrics(data, self._font)
        self._selected = None
        self._highlighted = self._mask(self._highlight_indices)
        if len(self._starred) != len(data.events):
            self._starred = np.zeros(len(data.events), dtype=bool)
            self._tagged = np.zeros(len(data.events), dtype=bool)
        self.update()

    def set_collapsed(self, names: frozenset[str]) -> None:
        """Lanes (by name) drawn on one row."""
        self._collapsed = frozenset(names)
        self.prepareGeometryChange()
        self.update()

    @property
    def collapsed(self) -> frozenset[str]:
        return self._collapsed

    def set_fit_to_view(self, fit: bool) -> None:
        """Lay the lanes out to fit the view's height (busy lanes get fewer rows), for a
        picture; otherwise every lane takes the rows it needs and the view scrolls."""
        self._fit_to_view = fit
        self.update()

    def set_title_font(self, font: QFont) -> None:
        """Titles in another font (a picture whose painter is scaled: titles are drawn in device
        pixels); they are measured and laid out again."""
        self.prepareGeometryChange()
        self._font = QFont(font)
        self._layouts = {}
        self._metrics = FontTitleMetrics(self._data, self._font)
        self.update()

    def set_selected(self, index: int | None) -> None:
        self._selected = index
        self.update()

    def set_highlighted(
        self, indices: npt.ArrayLike, flags: npt.NDArray[np.bool_] | None = None
    ) -> None:
        """Outline these events (indices into the EventTable): the search's matches;
        ``flags``: the same as a flag per event, when the caller has them (kept, not copied)."""
        self._highlight_indices = np.asarray(indices, dtype=np.int64)
        known = flags is not None and len(flags) == len(self._data.events)
        self._highlighted = flags if known else self._mask(self._highlight_indices)
        self.update()

    @property
    def highlighted(self) -> npt.NDArray[np.int64]:
        """The outlined events' indices, in table order."""
        return np.flatnonzero(self._highlighted)

    def set_annotations(self, starred: npt.ArrayLike, tagged: npt.ArrayLike) -> None:
        """Which events are starred and tagged: masks over the EventTable (copied)."""
        self._starred = np.array(starred, dtype=bool)
        self._tagged = np.array(tagged, dtype=bool)
        self.update()

    def update_annotations(
        self, indices: npt.ArrayLike, starred: npt.ArrayLike, tagged: npt.ArrayLike
    ) -> None:
        """A few events were starred or tagged: only their entries change, nothing is laid out
        again, and the next frame shows them."""
        where = np.asarray(indices, dtype=np.int64)
        inside = (where >= 0) & (where < len(self._starred))
        self._starred[where[inside]] = np.asarray(starred, dtype=bool)[inside]
        self._tagged[where[inside]] = np.asarray(tagged, dtype=bool)[inside]
        self.update()

    @property
    def starred(self) -> npt.NDArray[np.int64]:
        """The starred events' indices, as drawn."""
        return np.flatnonzero(self._starred)

    @property
    def tagged(self) -> npt.NDArray[np.int64]:
        return np.flatnonzero(self._tagged)

    def set_look(self, look: Look) -> None:
        self._look = look
        self.update()

    @property
    def look(self) -> Look:
        return self._look

    def _mask(self, indices: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        mask = np.zeros(len(self._data.events), dtype=bool)
        mask[indices[(indices >= 0) & (indices < len(mask))]] = True
        return mask

    # -- layout -----------------------------------------------------------------------------
    @property
    def layout(self) -> TimelineLayout:
        """What is drawn where on screen now (device pixels), whether painted yet or not."""
        mapping = self._device_mapping()
        return self._layout(mapping) if mapping is not None else TimelineLayout()

    def _layout(self, mapping: DeviceMapping) -> TimelineLayout:
        view = self.getViewBox()
        if view is None:
            return TimelineLayout()
        (x0, x1), _ = view.viewRange()
        # The view's height in pixels, not its y range: the range follows the layout (the lane
        # names are placed from it), so it must not feed back into the layout.
        fit = float(view.boundingRect().height()) if self._fit_to_view else None
        key = (self._version, float(x0), float(x1), mapping, self._collapsed, fit)
        layout = self._layouts.get(key)
        if layout is None:
            layout = layout_timeline(
                self._data, (x0, x1), mapping, self._metrics, self._collapsed, fit
            )
            self._height = layout.height
            self._layouts[key] = layout
            if len(self._layouts) > CACHED_LAYOUTS:
                del self._layouts[next(iter(self._layouts))]  # the oldest
        return layout

    def _device_mapping(self) -> DeviceMapping | None:
        view = self.getViewWidget()
        if view is None:
            return None
        self._apply_view_range()
        return _mapping(self.deviceTransform(view.viewportTransform()))

    def _apply_view_range(self) -> None:
        """pyqtgraph moves the items to a new view range only at the next paint; a click before
        it would be mapped (and routed by the scene) with the old one."""
        box = self.getViewBox()
        if isinstance(box, pg.ViewBox):
            box.updateMatrix()

    # -- pyqtgraph item protocol ------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        """The view: ``paint`` draws only what is in it (lanes end where the layout says)."""
        view = self.getViewBox()
        return QRectF(view.viewRect()) if view is not None else QRectF()

    def dataBounds(
        self, axis: int, frac: float = 1.0, orthoRange: object = None
    ) -> tuple[float, float]:
        if axis == 0:
            return (self._data.x_min, self._data.x_max) if self._data.lanes else (-1.0, 1.0)
        return (0.0, max(self._height, 1.0))

    def viewRangeChanged(self) -> None:
        self._apply_view_range()
        self.prepareGeometryChange()
        self.update()

    # -- painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        mapping = _mapping(painter.transform())
        layout = self._layout(mapping)
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._font)
        look = self._look
        for lane in layout.lanes:
            band = lane.band
            colour = self._lane_colour(lane)
            if lane.striped:
                painter.fillRect(band, look.stripe)
            painter.fillRect(QRectF(band.left(), band.top() + 1, 4, band.height() - 2), colour)
            if lane.density is not None:
                self._paint_density(painter, lane.density, colour)
                if self._starred.any():  # a quick scan: most tables have a few stars or none
                    paint_density_stars(painter, lane.lane, lane.density.strip, mapping,
                                        self._starred, look)  # fmt: skip
            elif lane.marks is not None:
                self._paint_marks(painter, lane.marks, colour)

    def _paint_density(self, painter: QPainter, density: DensityLayout, colour: QColor) -> None:
        counts = density.counts
        peak = max(int(counts.max()), 1)
        alpha = np.where(counts > 0, 40 + 215 * np.log1p(counts) / np.log1p(peak), 0).astype(
            np.uint32
        )
        pixels = (alpha << 24) | (colour.red() << 16) | (colour.green() << 8) | colour.blue()
        pixels = np.ascontiguousarray(pixels, dtype=np.uint32)
        columns = len(counts)
        image = QImage(pixels.data, columns, 1, columns * 4, QImage.Format.Format_ARGB32)
        painter.drawImage(density.strip, image)
        painter.setPen(QColor(self._look.text))
        for rect, text in density.labels:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_marks(self, painter: QPainter, marks: MarksLayout, colour: QColor) -> None:
        look = self._look
        dot_pen = QPen(colour.darker(140), 1)
        span_fill, period_fill = QColor(colour), QColor(colour)
        span_fill.setAlpha(200)
        period_fill.setAlpha(55)
        rows = list(
            zip(
                marks.x_start.tolist(),
                marks.x_end.tolist(),
                marks.y.tolist(),
                marks.has_span.tolist(),
                marks.approximate.tolist(),
                strict=True,
            )
        )
        # In passes (bars, dots, outlines), so the painter's pen and brush change a few times a
        # lane rather than a few times a mark; outlines on top, where they always show.
        for xs, xe, y, has_span, approximate in rows:
            if xe - xs > 2:
                rect = QRectF(xs, y - BAR_PX / 2, xe - xs, BAR_PX)
                _paint_extent(painter, rect, span_fill if has_span else period_fill, approximate)
        painter.setPen(dot_pen)
        painter.setBrush(colour)
        for xs, xe, y, has_span, _ in rows:
            if not has_span or xe - xs <= 2 * MARK_RADIUS:
                painter.drawEllipse(QPointF(xs, y), MARK_RADIUS, MARK_RADIUS)
        self._paint_outlines(painter, marks, rows)
        paint_mark_annotations(painter, marks, self._starred, self._tagged, look)
        text, on_bar = QColor(look.text), self._text_on(colour)
        # At a baseline point, not in a rect with alignment flags: a third of the time per title.
        metrics = QFontMetricsF(painter.font())
        baseline = (metrics.ascent() - metrics.descent()) / 2
        painter.setPen(text)
        for title in marks.titles:
            if title.on_bar:
                painter.setPen(on_bar)
            painter.drawText(
                QPointF(title.rect.left(), title.rect.center().y() + baseline), title.text
            )
            if title.on_bar:
                painter.setPen(text)
        for rect, label in marks.badges:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.badge)
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(QColor(look.badge_text))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_outlines(
        self,
        painter: QPainter,
        marks: MarksLayout,
        rows: list[tuple[float, float, float, bool, bool]],
    ) -> None:
        """The selected event's outline and the search matches', over the marks."""
        look = self._look
        marked = np.zeros(len(rows), dtype=bool)
        if len(self._highlighted):
            marked |= self._highlighted[marks.index]
        chosen = marks.index == self._selected
        marked |= chosen
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for k in np.flatnonzero(marked).tolist():
            xs, xe, y, _, _ = rows[k]
            painter.setPen(QPen(QColor(look.selection if chosen[k] else look.highlight), 2.5))
            right = max(xe, xs + MARK_RADIUS)
            painter.drawRoundedRect(
                QRectF(xs - MARK_RADIUS - 3, y - 9, right - xs + MARK_RADIUS + 6, 18), 5, 5
            )

    def _lane_colour(self, lane: LaneLayout) -> QColor:
        return self._look.lane_colour(lane.lane.colour)  # as the Lanes panel and legends show it

    def _text_on(self, background: QColor) -> QColor:
        """Dark or light text, whichever reads better on the bar (WCAG relative luminance)."""
        channels = [c / 255 for c in (background.red(), background.green(), background.blue())]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        look = self._look
        return QColor(look.text_on_light_bar if luminance > 0.18 else look.text_on_dark_bar)

    # -- hits -------------------------------------------------------------------------------
    def device_point(self, x: float, y: float) -> QPointF:
        """Where a view point is drawn on screen (device pixels)."""
        mapping = self._device_mapping()
        if mapping is None:
            return QPointF(x, y)
        return QPointF(mapping.sx * x + mapping.dx, mapping.sy * y + mapping.dy)

    def view_y_of(self, index: int) -> tuple[float, float] | None:
        """The view y span of an event's row, if it is drawn (for scrolling it into view)."""
        mapping = self._device_mapping()
        layout = self.layout
        where = np.flatnonzero(layout.mark_index == index)
        if mapping is None or not mapping.sy or len(where) == 0:
            return None
        centre = (float(layout.mark_y[where[0]]) - mapping.dy) / mapping.sy
        half = ROW_PX / 2 / abs(mapping.sy)
        return centre - half, centre + half

    def event_at(self, device: QPointF) -> int | None:
        """The event drawn nearest to a device point, within a few pixels."""
        return self.layout.event_at(device.x(), device.y())

    def zoom_zone_at(self, device: QPointF) -> tuple[float, float] | None:
        return self.layout.zoom_zone_at(device.x(), device.y())

    def tooltip_at(self, device: QPointF) -> str:
        hit = self.event_at(device)
        return self._tooltip(hit) if hit is not None else ""

    def mouseClickEvent(self, ev: object) -> None:
        if ev.button() == Qt.MouseButton.RightButton:  # type: ignore[attr-defined]
            self._context_click(ev)
            return
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        ev.accept()  # type: ignore[attr-defined]
        device = self._device_at(ev)
        if ev.double():  # type: ignore[attr-defined]
            self.double_clicked.emit(self._view_x_at(device))
            return
        layout = self.layout
        hit = layout.event_at(device.x(), device.y())
        if hit is not None:
            self.event_clicked.emit(hit)
            return
        zone = layout.zoom_zone_at(device.x(), device.y())
        if zone is not None:
            self.zoom_requested.emit(*zone)
        else:
            self.event_clicked.emit(None)

    def _context_click(self, ev: object) -> None:
        """A right click on an event asks for its menu (a right drag still zooms)."""
        device = self._device_at(ev)
        hit = self.layout.event_at(device.x(), device.y())
        if hit is None:
            return
        ev.accept()  # type: ignore[attr-defined]
        screen = ev.screenPos()  # type: ignore[attr-defined]
        self.context_requested.emit(hit, QPoint(round(screen.x()), round(screen.y())))

    def hoverEvent(self, ev: object) -> None:
        if ev.isExit():  # type: ignore[attr-defined]
            self.setToolTip("")
            return
        self.setToolTip(self.tooltip_at(self._device_at(ev)))

    def _tooltip(self, index: int) -> str:
        """Title, date as written and lane; escaped, so text from a file is never HTML."""
        events = self._data.events
        title = self._data.title(index)
        if len(title) > TOOLTIP_TITLE_CHARS:  # rich text wraps an unbroken word in O(n²)
            title = title[:TOOLTIP_TITLE_CHARS] + "…"
        lines = (
            title,
            events.text_at("date_text", index),
            events.text_at("lane", index) or "—",
        )
        shown = (html.escape(without_reordering(str(line))) for line in lines)
        return "<qt>" + "<br>".join(shown) + "</qt>"

    def _device_at(self, ev: object) -> QPointF:
        """The pixel under a mouse event, from its scene position: the item's own transform may
        still be that of the last paint when the range has just changed."""
        view = self.getViewWidget()
        scene = ev.scenePos()  # type: ignore[attr-defined]
        return view.viewportTransform().map(scene) if view is not None else QPointF(scene)

    def _view_x_at(self, device: QPointF) -> float:
        mapping = self._device_mapping()
        return (device.x() - mapping.dx) / mapping.sx if mapping and mapping.sx else device.x()


def _mapping(transform: QTransform) -> DeviceMapping:
    return DeviceMapping(transform.m11(), transform.dx(), transform.m22(), transform.dy())


def _paint_extent(painter: QPainter, rect: QRectF, fill: QColor, approximate: bool) -> None:
    """A span as a bar; a day/month/year as a faint band; approximate ends fade out."""
    brush = QBrush(fill)
    painter.setPen(Qt.PenStyle.NoPen)
    if approximate:
        edge = min(0.25, 30 / max(rect.width(), 1))
        if painter.paintEngine().type() == QPaintEngine.Type.Pdf:
            # Qt's PDF engine paints a gradient's stops opaque: the same fade as bands of one
            # alpha each, which PDF keeps.
            width = edge * rect.width()
            steps = max(1, min(12, round(width)))
            step = width / steps
            for k in range(steps):
                band = QColor(fill)
                band.setAlphaF(fill.alphaF() * (k + 0.5) / steps)
                for x in (rect.left() + k * step, rect.right() - (k + 1) * step):
                    painter.fillRect(QRectF(x, rect.top(), step, rect.height()), band)
            painter.fillRect(rect.adjusted(width, 0, -width, 0), fill)
            return
        fade = QLinearGradient(rect.left(), 0, rect.right(), 0)
        clear = QColor(fill)
        clear.setAlpha(0)
        fade.setColorAt(0, clear)
        fade.setColorAt(edge, fill)
        fade.setColorAt(1 - edge, fill)
        fade.setColorAt(1, clear)
        brush = QBrush(fade)
    painter.setBrush(brush)
    painter.drawRoundedRect(rect, 3, 3)
